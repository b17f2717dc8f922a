"""The kafka-python producer and consumer of the command line: `publish`, `tail` and `run`."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from typing import Any

import orjson
from kafka import KafkaConsumer, KafkaProducer

from streams.settings import Settings


def publish_values(settings: Settings, topic: str, values: Iterable[bytes]) -> int:
    """Publish message values to a topic and wait for every ack; how many were published."""
    return len(publish_records(settings, topic, ((None, value) for value in values)))


def publish_records(settings: Settings, topic: str, records: Iterable[tuple[bytes | None, bytes]]) -> list[Any]:
    """Publish (key, value) records to a topic and wait for every ack; their RecordMetadata, in order."""
    producer = KafkaProducer(
        **settings.kafka_client_config(),
        acks="all",
        linger_ms=5,
        max_request_size=max(settings.max_dispatch_bytes * 2, 1_048_576),
    )
    try:
        futures = [producer.send(topic, key=key, value=value) for key, value in records]
        producer.flush()
        return [future.get(timeout=30) for future in futures]
    finally:
        producer.close()


def consume_events(
    settings: Settings, topic: str, *, from_end: bool, idle_timeout: float | None, forever: bool = False
) -> Iterator[dict[str, Any] | None]:
    """Events of a topic as dicts; None after each idle second when `forever`."""
    consumer = KafkaConsumer(
        topic,
        **settings.kafka_client_config(),
        group_id=None,
        auto_offset_reset="latest" if from_end else "earliest",
        enable_auto_commit=False,
        consumer_timeout_ms=1000,
    )
    idle_since = time.monotonic()
    try:
        while True:
            got = False
            for record in consumer:
                got = True
                idle_since = time.monotonic()
                if record.value is None:  # a tombstone: no event
                    continue
                try:
                    yield orjson.loads(record.value)
                except orjson.JSONDecodeError:
                    continue
            if not got:
                if idle_timeout is not None and not forever and time.monotonic() - idle_since > idle_timeout:
                    return
                if forever:
                    yield None
    finally:
        consumer.close()
