"""Every event the worker would publish for a fixed set of inputs, to check a change that must not alter any.

    .venv/bin/python bench/same_outputs.py dump before.jsonl     # on the old tree
    .venv/bin/python bench/same_outputs.py dump after.jsonl      # on the new tree
    .venv/bin/python bench/same_outputs.py compare before.jsonl after.jsonl

The inputs: the synthetic corpus of `bench/corpus.py` (120 dispatches), the shared gold sets (seed,
dev, dev2: as envelopes and as plain text keyed by id), the XML fixtures of `tests/fixtures`, the
hostile values of the reliability tests and 200 seeded random byte strings. They go through the
worker's own path, `streams.pipeline` (decode, versions ledger, enrichment, event planning), in
batches of 16, one ledger per input set, which remembers each batch as the agent's settling does.
Each output is written as `[set, input index, topic, key, event]` with the times that depend on the
clock (`enriched_at`, `failed_at`, `withdrawn_at`, and `received_at` when it came from the clock) blanked.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

CLOCK_FIELDS = ("enriched_at", "failed_at", "withdrawn_at")
BATCH = 16


def input_sets() -> Iterator[tuple[str, list[tuple[bytes | None, bytes]]]]:
    """(name, [(key, value)]) for every input set."""
    import corpus

    from tests.eval_data import EVAL_DIR
    from tests.integration.test_reliability import NASTY

    yield "corpus", [(key, value) for key, value in corpus.messages(120)]
    for name in ("seed", "dev", "dev2"):
        path = EVAL_DIR / f"{name}.jsonl"
        if not path.exists():
            continue
        gold = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        envelopes = [(None, json.dumps({"id": g["id"], "body": g["raw"]}).encode()) for g in gold]
        yield f"{name}-envelope", envelopes
        yield f"{name}-text", [(str(g["id"]).encode(), g["raw"].encode()) for g in gold]
    fixtures = sorted((ROOT / "tests" / "fixtures").rglob("*.xml"))
    yield "fixtures", [(path.stem.encode(), path.read_bytes()) for path in fixtures]
    yield "hostile", [(f"nasty-{i}".encode(), value) for i, value in enumerate(NASTY)]
    rng = random.Random(20261206)
    noise = [bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400))) for _ in range(100)]
    words = ["«", "»", "“", "”", '"', "'", "a dit", "Jan Peeters", ":", "\n", ".", "(Belga)", "zei", "said", "N-VA"]
    noise += [" ".join(rng.choice(words) for _ in range(rng.randrange(1, 60))).encode() for _ in range(100)]
    yield "random", [(None, value) for value in noise]


def outputs(values: list[tuple[bytes | None, bytes]], name: str) -> Iterator[list[Any]]:
    """The planned outputs of each input, through the worker's path."""
    from streams.events import Source
    from streams.pipeline import Pipeline, VersionsLedger
    from streams.settings import Settings

    pipeline = Pipeline(enricher(), Settings().pipeline_config(), VersionsLedger())
    for start in range(0, len(values), BATCH):
        messages = [
            (Source(topic="wire.raw", partition=0, offset=start + i, key=key, timestamp_ms=1_700_000_000_000), value)
            for i, (key, value) in enumerate(values[start : start + BATCH])
        ]
        for item in pipeline.run(messages).items:
            for topic, key, event in item.outputs:
                yield [name, item.source.offset, topic, key, blank_clock(event)]
            pipeline.settle(item)  # what the agent does once the outputs are acknowledged


_ENRICHER: list[Any] = []


def enricher() -> Any:
    from streams.nlp.enrich import Enricher

    if not _ENRICHER:
        _ENRICHER.append(Enricher())
    return _ENRICHER[0]


def blank_clock(event: dict[str, Any]) -> dict[str, Any]:
    for name in CLOCK_FIELDS:
        if name in event:
            event[name] = "<clock>"
    return event


def dump(path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for name, values in input_sets():
            for row in outputs(values, name):
                out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
                count += 1
    print(f"{count} outputs written to {path}")
    return 0


def compare(before: Path, after: Path) -> int:
    old = before.read_text(encoding="utf-8").splitlines()
    new = after.read_text(encoding="utf-8").splitlines()
    differ = [(a, b) for a, b in zip(old, new, strict=False) if a != b]
    print(f"{len(old)} outputs before, {len(new)} after, {len(differ)} differ")
    for a, b in differ[:5]:
        print(f"- {a[:400]}\n+ {b[:400]}")
    return 0 if len(old) == len(new) and not differ else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("dump").add_argument("output", type=Path)
    comparing = commands.add_parser("compare")
    comparing.add_argument("before", type=Path)
    comparing.add_argument("after", type=Path)
    args = parser.parse_args()
    return dump(args.output) if args.command == "dump" else compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
