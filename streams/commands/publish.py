"""`wirestream publish`: dispatches from files or stdin to the raw topic, keyed by dispatch id."""

from __future__ import annotations

import argparse
import sys

import orjson

from streams.errors import InputError
from streams.settings import Settings


def cmd_publish(args: argparse.Namespace, settings: Settings) -> int:
    from streams.inputs import check_inputs, dispatch_ids, read_inputs
    from streams.kafka.admin import require_topics
    from streams.kafka.clients import publish_records

    topic = args.topic or settings.topic_raw
    check_inputs(args.files)
    values = list(read_inputs(args.files))
    if not values:
        raise InputError(f"nothing to publish: {', '.join(args.files)} holds no dispatch")
    require_topics(settings, topic)
    ids = [dispatch_ids(v, max_bytes=settings.max_dispatch_bytes, max_items=settings.max_items) for v in values]
    # the key is the (first) dispatch id, so that every version of an item lands on the same partition
    records = [(i[0].encode("utf-8") if i else None, value) for i, value in zip(ids, values, strict=True)]
    for dispatch, sent in zip(ids, publish_records(settings, topic, records), strict=True):
        line = {"id": ",".join(dispatch) or None, "topic": sent.topic, "partition": sent.partition}
        print(orjson.dumps({**line, "offset": sent.offset}).decode(), flush=True)
    print(f"wirestream: published {len(values)} dispatches to {topic}", file=sys.stderr)
    return 0
