"""Print the quotes wirestream publishes on wire.quotes, with kafka-python.

    python examples/quotes_consumer.py --bootstrap localhost:9094 --group quote-printer

A consumer group of its own: run several copies with the same --group and Kafka shares the partitions
between them. Offsets are committed only after the records are handled, so a crash re-delivers them rather
than losing them (at least once). Re-deliveries, and wirestream's own, are dropped by remembering the
(quote id, dispatch version) pairs already handled; a real service would keep them in its database.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import OrderedDict

from kafka import KafkaConsumer
from kafka.structs import OffsetAndMetadata

SCHEMA = "wirestream.quote.v1"


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


def handle(quote: dict) -> None:
    """What this service does with a quote: here, print one JSON line."""
    speaker = (quote["speaker"] or {}).get("name") or quote["speaker_text"]
    line = {"id": quote["id"], "speaker": speaker, "kind": quote["kind"], "text": quote["text"], "cue": quote["cue"]}
    print(json.dumps(line, ensure_ascii=False), flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bootstrap", required=True, help="Kafka bootstrap servers, host:port[,host:port]")
    parser.add_argument("--topic", default="wire.quotes", help="quotes topic (default: wire.quotes)")
    parser.add_argument("--group", default="quote-printer", help="consumer group id (default: quote-printer)")
    parser.add_argument("--max", type=int, help="stop after handling this many quotes")
    parser.add_argument("--idle-timeout", type=float, help="stop after this many seconds without a record")
    args = parser.parse_args(argv)

    consumer = KafkaConsumer(
        args.topic,
        bootstrap_servers=args.bootstrap.split(","),
        group_id=args.group,
        enable_auto_commit=False,  # commit ourselves, after handling
        auto_offset_reset="earliest",  # a new group starts from the oldest quote still kept
        session_timeout_ms=10_000,  # a crashed copy's partitions go to the others after 10 s
        heartbeat_interval_ms=3_000,
    )
    seen, handled, last_record = Seen(100_000), 0, time.monotonic()
    try:
        while args.max is None or handled < args.max:
            done: dict = {}
            for tp, records in consumer.poll(timeout_ms=1000).items():
                for record in records:
                    last_record = time.monotonic()
                    try:
                        quote = json.loads(record.value)
                    except (TypeError, ValueError):
                        print(f"skipped: not JSON at {tp.partition}/{record.offset}", file=sys.stderr)
                        quote = None
                    # Only the major version this code understands; fields added later are ignored.
                    if (
                        isinstance(quote, dict)
                        and quote.get("schema") == SCHEMA
                        and seen.add((quote["id"], quote["dispatch_version"]))
                    ):
                        handle(quote)
                        handled += 1
                    done[tp] = OffsetAndMetadata(record.offset + 1, "", -1)
                    if args.max is not None and handled >= args.max:
                        break
                if args.max is not None and handled >= args.max:
                    break
            if done:
                consumer.commit(done)  # exactly what was handled, nothing beyond
            elif not consumer.assignment():
                last_record = time.monotonic()  # still joining the group: not idle
            elif args.idle_timeout is not None and time.monotonic() - last_record > args.idle_timeout:
                break
    except KeyboardInterrupt:
        pass
    finally:
        consumer.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
