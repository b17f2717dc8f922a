"""Story threading on the labelled corpus (bench/story_corpus.py): B-cubed precision, recall and F1.

    .venv/bin/python bench/stories.py                # real models, corpus in event-time order
    .venv/bin/python bench/stories.py --shuffle 5    # and in 5 random arrival orders: the same stories?
    .venv/bin/python bench/stories.py --enriched out.jsonl   # also write the enriched events

The corpus goes through the real pipeline (decode, models, events), so entity ids are the ones the
worker publishes; the stories are then threaded by `streams.stories.StoryBook` alone.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path
from typing import Any

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.story_corpus import envelopes, gold
from streams.stories.bcubed import bcubed
from streams.stories.book import StoryBook, StoryConfig
from streams.stories.record import story_record


def enrich_corpus(pipelines: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """The corpus's `wire.enriched` events, in event-time order, made by the real pipeline."""
    from streams.events import Source
    from streams.nlp.enrich import Enricher
    from streams.pipeline import Pipeline
    from streams.settings import Settings

    settings = Settings()
    enricher = Enricher(settings.pipeline_map if pipelines is None else pipelines)
    enricher.load()
    pipeline = Pipeline(enricher, settings.pipeline_config())
    plan = pipeline.receive([(Source(), orjson.dumps(envelope)) for envelope in envelopes()])
    pipeline.enrich(plan)
    pipeline.finish(plan)
    events = [item.outputs[0][2] for item in plan.items]
    bad = [e for e in events if e["schema"] != "wirestream.enriched.v1"]
    if bad:
        raise RuntimeError(f"{len(bad)} corpus dispatches were not enriched: {bad[0]}")
    return events


def thread(events: list[dict[str, Any]], config: StoryConfig | None = None) -> dict[str, str]:
    """Dispatch id -> story id after threading the events in the order given."""
    book = StoryBook(config)
    assigned: dict[str, str] = {}
    for event in events:
        record = story_record(event)
        assert record is not None
        for change in book.add(record):
            for member in change.members:
                assigned[member.id] = change.story_id
    return assigned


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shuffle", type=int, default=0, help="Also thread in this many random arrival orders")
    parser.add_argument("--enriched", help="Write the enriched events to this JSONL file")
    parser.add_argument("--details", action="store_true", help="Print the stories found")
    args = parser.parse_args(argv)
    events = enrich_corpus()
    if args.enriched:
        Path(args.enriched).write_bytes(b"".join(orjson.dumps(e) + b"\n" for e in events))
    truth = gold()
    assigned = thread(events)
    scores = bcubed(assigned, truth)
    print(
        f"stories: {len(events)} dispatches ({len(truth)} ids, {len(set(truth.values()))} gold stories), "
        f"{len(set(assigned.values()))} found; B-cubed precision {scores['precision']:.3f} "
        f"recall {scores['recall']:.3f} F1 {scores['f1']:.3f}"
    )
    if args.details:
        clusters: dict[str, list[str]] = {}
        for dispatch_id, story in assigned.items():
            clusters.setdefault(story, []).append(f"{dispatch_id}[{truth[dispatch_id][:12]}]")
        for story, members in sorted(clusters.items(), key=lambda kv: -len(kv[1])):
            if len(members) > 1 or not members[0].startswith(truth[members[0].split("[")[0]]):
                print(f"  {story}: {' '.join(sorted(members))}")
    same = 0
    for seed in range(args.shuffle):
        order = events[:]
        random.Random(seed).shuffle(order)
        same += thread(order, StoryConfig(grace_ms=24 * 3_600_000)) == assigned
    if args.shuffle:
        print(f"arrival orders giving the same stories and ids: {same}/{args.shuffle}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
