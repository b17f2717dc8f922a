"""Worst-case worker time per 100 KB of hostile text, and peak memory per batch (issue 19).

    .venv/bin/python bench/hostile.py                 # the corpus at 100 KB and 1 MB, batches of one and of 16
    .venv/bin/python bench/hostile.py --quick         # 100 KB only, and the memory batch of 4 messages

Every message of the standing hostile corpus (tests/hostile_corpus.py) goes through the worker's own
path without Kafka: `Pipeline` decode, versions ledger, enrichment in the child process with the
default budget (`WIRESTREAM_ENRICH_BUDGET`), events, serialisation. Each is timed alone, and first
in a batch of 16 whose other 15 are ordinary dispatches (the worst place for the budget: the first
result of a batch may take the whole batch's budgets). Time per 100 KB: a message under 100 KB counts as 100 KB.

Memory: the batch the issue measured (eight 953 KB newsMessages of 6,000 items, now refused) and the
largest accepted (messages of `WIRESTREAM_MAX_ITEMS` items of ~9.5 KB each, every item enriched):
Python's allocations in the worker's process (tracemalloc peak) and the child's peak RSS (VmHWM).
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from streams.enrich_process.memory import rss_mb
from streams.enrich_process.parent import EnrichmentProcess
from streams.events import Source
from streams.pipeline import Pipeline
from streams.settings import load_settings
from tests.hostile_corpus import G2, corpus, dispatch


def peak_rss_mb(pid: int | str) -> float | None:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    return None


def ordinary(i: int) -> bytes:
    return dispatch(f"Le ministre Jean Dupont a présenté lundi le projet numéro {i} à Namur. " * 8).encode()


def run(pipeline: Pipeline, values: list[tuple[bytes | None, bytes | None]]) -> tuple[float, list]:
    started = time.perf_counter()
    plan = pipeline.run(
        [(Source(topic="wire.raw", partition=0, offset=i, key=key), value) for i, (key, value) in enumerate(values)]
    )
    return time.perf_counter() - started, plan.items


def outcome(items: list) -> str:
    first = items[0]
    return first.reason or ("enriched" if first.result is not None else "withdrawn")


def news_message(items: int, item_chars: int) -> bytes:
    text = ("Le ministre Jean Dupont a déclaré à Namur que le budget serait voté. " * 200)[:item_chars]
    content = f"<contentSet><inlineData>{text}</inlineData></contentSet>"
    item = f'<newsItem guid="urn:x:{{i}}" version="1">{content}</newsItem>'
    body = "".join(item.format(i=i) for i in range(items))
    return f'<newsMessage xmlns="{G2}"><itemSet>{body}</itemSet></newsMessage>'.encode()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100 KB texts only; a smaller memory batch")
    args = parser.parse_args(argv)
    settings = load_settings()
    process = EnrichmentProcess(settings.pipeline_map, settings.enrich_budget)
    started = time.monotonic()
    process.start()
    print(f"enrichment process: models loaded in {time.monotonic() - started:.1f} s, RSS {rss_mb(process.pid)} MB")
    print(f"budget: {settings.enrich_budget} s per 100,000 characters, at least 1 s per dispatch\n")
    pipeline = Pipeline(process, settings.pipeline_config())  # no versions ledger: every run is new
    rows = []
    for kb in (100,) if args.quick else (100, 990):  # 990: under WIRESTREAM_MAX_DISPATCH_BYTES
        for hostile in corpus(slow_kb=kb):
            if kb != 100 and not hostile.name.startswith("rule-"):
                continue
            size = len(hostile.value or b"") + len(hostile.key or b"")
            units = max(1.0, size / 100_000)  # a shorter message counts as 100 KB
            alone, items = run(pipeline, [(hostile.key or b"h", hostile.value)])
            others = [(b"o%d" % i, ordinary(i)) for i in range(15)]
            first, _ = run(pipeline, [(hostile.key or b"h", hostile.value), *others])
            rows.append((hostile.name, size, outcome(items), alone, alone / units, first))
            print(
                f"{hostile.name:32} {size:>9} B  {outcome(items):16} alone {alone:6.2f} s ({alone / units:5.2f} s "
                f"per 100 KB)  first of 16: {first:6.2f} s",
                flush=True,
            )
    worst = max(rows, key=lambda r: r[4])
    worst_batch = max(rows, key=lambda r: r[5])
    print(f"\nworst time per 100 KB, alone: {worst[4]:.2f} s ({worst[0]}, {worst[1]} B)")
    print(f"worst batch of 16 holding one hostile message first: {worst_batch[5]:.2f} s ({worst_batch[0]})")

    print("\nmemory per batch")
    batches = {
        "8 newsMessages of 6,000 items (refused: too_many_items)": [news_message(6000, 55)] * 8,
        f"{4 if args.quick else 8} newsMessages of {settings.max_items} items of 9 KB (all enriched)": [
            news_message(settings.max_items, 9_000)
        ]
        * (4 if args.quick else 8),
    }
    for name, values in batches.items():
        tracemalloc.start()
        took, items = run(pipeline, [(b"m%d" % i, v) for i, v in enumerate(values)])
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        out = sum(len(v) for item in items for _, v in item.encoded)
        print(
            f"  {name}: {len(values)} messages of {len(values[0]) / 1e6:.2f} MB, {len(items)} dispatches, "
            f"{out / 1e6:.1f} MB of output, {took:.1f} s; worker process peak {peak / 1e6:.0f} MB (tracemalloc), "
            f"enrichment process peak RSS {peak_rss_mb(process.pid)} MB",
            flush=True,
        )
    print(f"\nenrichment process: {process.figures()}")
    process.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
