"""`wirestream enrich`: dispatches enriched offline, no Kafka; enriched events and dead letters as JSONL."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Iterator

from streams.settings import Settings


def cmd_enrich(args: argparse.Namespace, settings: Settings) -> int:
    from streams.events import Source, dumps
    from streams.inputs import check_inputs, read_inputs
    from streams.nlp.enrich import Enricher
    from streams.pipeline import Pipeline, Received

    def order(item: Received) -> int:  # as it always was: a batch's decode failures, its withdrawals, the rest
        return 0 if item.dispatch is None else 1 if item.result is None and item.error is None else 2

    # enriched events only (no quote or entity events), and dead letters that keep the value whole
    config = dataclasses.replace(settings.pipeline_config(), dead_letter_value_limit=None)
    check_inputs(args.files)  # before the models load
    pipeline = Pipeline(Enricher(settings.pipeline_map, settings.kb_paths), config)
    out = sys.stdout.buffer if args.output == "-" else open(args.output, "wb")  # noqa: SIM115
    dead = sys.stderr.buffer if not args.dead_letters else open(args.dead_letters, "wb")  # noqa: SIM115
    failures = 0
    try:
        for chunk in _batched(read_inputs(args.files), settings.batch_size):
            for item in sorted(pipeline.run([(Source(), value) for value in chunk]).items, key=order):
                failures += item.dead_letter
                if item.outputs:  # a message over its output limit is one dead letter, on its first item
                    (dead if item.dead_letter else out).write(dumps(item.outputs[0][2]) + b"\n")
    finally:
        if out is not sys.stdout.buffer:
            out.close()
        if dead is not sys.stderr.buffer:
            dead.close()
    return 1 if failures else 0


def _batched(values: Iterator[bytes], size: int) -> Iterator[list[bytes]]:
    chunk: list[bytes] = []
    for value in values:
        chunk.append(value)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
