"""Print a summary of each enriched dispatch on wire.enriched, with aiokafka (asyncio).

    python examples/enriched_consumer.py --bootstrap localhost:9094 --group enriched-printer --lang fr

Offsets are committed after each batch is handled (at least once); re-deliveries are dropped on `event_id`,
which is the same for every delivery of the same dispatch version and text.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import sys
import time
from collections import OrderedDict

from aiokafka import AIOKafkaConsumer

SCHEMA = "wirestream.enriched.v1"


class Seen:
    """The most recent `size` keys, in a bounded LRU: `add` is True for a key not seen yet."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.keys: OrderedDict[object, None] = OrderedDict()

    def add(self, key: object) -> bool:
        if key in self.keys:
            self.keys.move_to_end(key)
            return False
        self.keys[key] = None
        if len(self.keys) > self.size:
            self.keys.popitem(last=False)
        return True


def summary(event: dict) -> dict:
    return {
        "id": event["id"],
        "version": event["version"],
        "language": event["language"],
        "headline": event["headline"],
        "entities": [f"{e['name']} ({e['type']})" for e in event["entities"]],
        "quotes": len(event["quotes"]),
    }


async def consume(args: argparse.Namespace) -> None:
    consumer = AIOKafkaConsumer(
        args.topic,
        bootstrap_servers=args.bootstrap.split(","),
        group_id=args.group,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
    )
    await consumer.start()
    seen, handled, last_record = Seen(100_000), 0, time.monotonic()
    try:
        while args.max is None or handled < args.max:
            done = {}
            for tp, records in (await consumer.getmany(timeout_ms=1000)).items():
                for record in records:
                    last_record = time.monotonic()
                    try:
                        event = json.loads(record.value)
                    except (TypeError, ValueError):
                        event = None
                    if (
                        isinstance(event, dict)
                        and event.get("schema") == SCHEMA
                        and (args.lang is None or event["language"] == args.lang)
                        and seen.add(event["event_id"])
                    ):
                        print(json.dumps(summary(event), ensure_ascii=False), flush=True)
                        handled += 1
                    done[tp] = record.offset + 1
                    if args.max is not None and handled >= args.max:
                        break
                if args.max is not None and handled >= args.max:
                    break
            if done:
                await consumer.commit(done)
            elif not consumer.assignment():
                last_record = time.monotonic()  # still joining the group: not idle
            elif args.idle_timeout is not None and time.monotonic() - last_record > args.idle_timeout:
                break
    finally:
        await consumer.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bootstrap", required=True, help="Kafka bootstrap servers, host:port[,host:port]")
    parser.add_argument("--topic", default="wire.enriched", help="enriched topic (default: wire.enriched)")
    parser.add_argument("--group", default="enriched-printer", help="consumer group id (default: enriched-printer)")
    parser.add_argument("--lang", help="only dispatches in this language, e.g. fr")
    parser.add_argument("--max", type=int, help="stop after printing this many dispatches")
    parser.add_argument("--idle-timeout", type=float, help="stop after this many seconds without a record")
    args = parser.parse_args(argv)
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C: stop without a traceback
        asyncio.run(consume(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
