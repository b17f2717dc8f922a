"""`wirestream topics create`: the missing topics created with the configured partitions."""

from __future__ import annotations

import argparse

from streams.settings import Settings


def cmd_topics(args: argparse.Namespace, settings: Settings) -> int:
    from streams.kafka.admin import ensure_topics, existing_topics

    existing_topics(settings)  # an unreachable cluster fails here, in seconds
    partitions = settings.topic_partitions()
    for topic, outcome in ensure_topics(settings).items():
        print(f"{topic}\t{partitions[topic]} partitions\t{outcome}")
    return 0
