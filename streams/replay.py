"""Re-publish dead letters to the raw topic once the cause is fixed (`wirestream replay`).

A dead letter holds the original message value; one whose value was too large
to keep whole (`value_truncated`) is fetched again from its source topic and
offset, as long as the raw topic still retains it.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson
from kafka import KafkaConsumer, KafkaProducer, TopicPartition

from streams.logging import get_logger
from streams.settings import Settings
from streams.wire.values import parse_timestamp

log = get_logger(__name__)


@dataclass(frozen=True, slots=True)
class ReplayFilter:
    """Which dead letters to replay: all by default."""

    reasons: frozenset[str] = frozenset()
    since: datetime | None = None
    until: datetime | None = None

    def accepts(self, letter: dict[str, Any]) -> bool:
        if self.reasons and letter.get("reason") not in self.reasons:
            return False
        failed_at = parse_timestamp(letter.get("failed_at"))
        if self.since and (failed_at is None or failed_at < self.since):
            return False
        return not (self.until and (failed_at is None or failed_at >= self.until))


def dead_letters(settings: Settings, *, idle_ms: int = 1000) -> Iterator[dict[str, Any]]:
    """Every dead letter now in the dead-letter topic, oldest first per partition.

    Reads until the end offsets and then until a poll comes back empty: some
    brokers (the embedded Tansu among them) report end offsets short of the
    last record when producers batch.
    """
    consumer = KafkaConsumer(**settings.kafka_client_config(), group_id=None, enable_auto_commit=False)
    try:
        numbers = consumer.partitions_for_topic(settings.topic_dlq) or ()
        partitions = [TopicPartition(settings.topic_dlq, p) for p in numbers]
        if not partitions:
            return
        consumer.assign(partitions)
        consumer.seek_to_beginning(*partitions)
        ends = consumer.end_offsets(partitions)
        while True:
            batches = consumer.poll(timeout_ms=idle_ms)
            for tp, records in batches.items():
                for record in records:
                    try:
                        yield orjson.loads(record.value)
                    except orjson.JSONDecodeError:
                        log.warning(
                            "replay.skipped", reason="not_a_dead_letter", partition=tp.partition, offset=record.offset
                        )
            if not batches and all(consumer.position(tp) >= ends[tp] for tp in partitions):
                return
    finally:
        consumer.close()


def original_value(settings: Settings, letter: dict[str, Any]) -> bytes | None:
    """The message value a dead letter stands for (fetched from its source when truncated)."""
    if not letter.get("value_truncated"):
        encoded = letter.get("value_b64")
        return base64.b64decode(encoded) if encoded is not None else None
    record = original_record(settings, letter)
    return record.value if record is not None else None


def original_record(settings: Settings, letter: dict[str, Any]) -> Any:
    """The raw record a dead letter stands for, read again from its source topic and offset (None if gone)."""
    source = letter["source"]
    consumer = KafkaConsumer(
        **settings.kafka_client_config(),
        group_id=None,
        enable_auto_commit=False,
        max_partition_fetch_bytes=letter["value_bytes"] + source.get("key_bytes", 0) + 1024 * 1024,
        fetch_max_bytes=letter["value_bytes"] + source.get("key_bytes", 0) + 1024 * 1024,
    )
    try:
        tp = TopicPartition(source["topic"], source["partition"])
        consumer.assign([tp])
        consumer.seek(tp, source["offset"])
        for _ in range(10):
            for record in consumer.poll(timeout_ms=1000).get(tp, []):
                if record.offset == source["offset"]:
                    return record
        return None
    finally:
        consumer.close()


def replay(settings: Settings, selection: ReplayFilter, *, dry_run: bool = False) -> dict[str, int]:
    """Re-publish the selected dead letters to the raw topic; counts of replayed, skipped and lost."""
    counts = {"replayed": 0, "skipped": 0, "unavailable": 0}
    producer = (
        None
        if dry_run
        else KafkaProducer(
            **settings.kafka_client_config(), acks="all", max_request_size=4 * settings.max_dispatch_bytes + 1024 * 1024
        )
    )
    try:
        for letter in dead_letters(settings):
            if not selection.accepts(letter):
                counts["skipped"] += 1
                continue
            key_b64 = letter["source"].get("key_b64")
            key = base64.b64decode(key_b64) if key_b64 else None
            if letter["source"].get("key_truncated"):  # the key is re-read with the value, from the source
                record = original_record(settings, letter)
                key, value = (record.key, record.value) if record is not None else (None, None)
                unavailable = record is None
            else:
                value = original_value(settings, letter)
                unavailable = value is None and letter.get("value_truncated")
            if unavailable:
                counts["unavailable"] += 1
                log.warning("replay.unavailable", dispatch_id=letter.get("id"), source=letter.get("source"))
                continue
            if producer is not None:
                producer.send(settings.topic_raw, key=key, value=value).get(timeout=30)
            counts["replayed"] += 1
            log.info(
                "replay.published",
                dispatch_id=letter.get("id"),
                reason=letter.get("reason"),
                topic=settings.topic_raw,
                dry_run=dry_run,
            )
    finally:
        if producer is not None:
            producer.close()
    return counts
