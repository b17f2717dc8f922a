"""`wirestream replay`: dead letters re-published to the raw topic after a fix."""

from __future__ import annotations

import argparse
import sys

import orjson

from streams.settings import Settings


def cmd_replay(args: argparse.Namespace, settings: Settings) -> int:
    from streams.kafka.admin import require_topics
    from streams.replay import ReplayFilter, replay

    require_topics(settings, settings.topic_dlq, settings.topic_raw)
    selection = ReplayFilter(reasons=frozenset(args.reason), since=args.since, until=args.until)
    report = replay(
        settings,
        selection,
        dry_run=args.dry_run,
        limit=args.max,
        from_beginning=args.from_beginning,
        on_letter=lambda line: print(orjson.dumps(line).decode(), flush=True),
    )
    verb = "would replay" if args.dry_run else "replayed"
    print(
        f"wirestream: {verb} {report.replayed} dead letters to {settings.topic_raw}; {report.skipped} not selected, "
        f"{report.unavailable} no longer available, {report.invalid} not dead letters",
        file=sys.stderr,
    )
    return 1 if report.unavailable else 0
