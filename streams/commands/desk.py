"""`wirestream desk`: the desk worker, wire.trends and wire.stories from wire.enriched."""

from __future__ import annotations

import argparse

from streams.settings import Settings


def cmd_desk(args: argparse.Namespace, settings: Settings) -> int:
    from streams.kafka.desk import run_desk

    return run_desk(settings)
