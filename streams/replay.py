"""Re-publish dead letters to the raw topic once the cause is fixed (`wirestream replay`).

A dead letter holds the original message value; one whose value was too large
to keep whole (`value_truncated`) is fetched again from its source topic and
offset, as long as the raw topic still retains it.

A replay reads the dead-letter topic up to the end offsets it finds when it
starts, never further: a replayed message that fails again makes a new dead
letter past that point, which the same replay does not see. It remembers where
it stopped in the consumer group `<app id>-replay` (committed offsets), so the
next replay starts there: each dead letter is replayed once, unless asked again
with `--from-beginning`.
"""

from __future__ import annotations

import base64
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import orjson
from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.structs import OffsetAndMetadata

from streams.logging import get_logger
from streams.settings import Settings
from streams.wire.values import parse_timestamp

log = get_logger(__name__)

IDLE_LIMIT_S = 10.0  # a read that gets nothing this long short of the snapshot's end offsets gives up (records gone)


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


def replay_group(settings: Settings) -> str:
    """The consumer group whose committed offsets say where the previous replay stopped."""
    return f"{settings.app_id}-replay"


@dataclass(frozen=True, slots=True)
class DeadLetterRecord:
    """A record of the dead-letter topic: its position, and the letter (None when it is not JSON)."""

    partition: int
    offset: int
    letter: dict[str, Any] | None


@dataclass
class ReplayReport:
    """What a replay did (or would do): counts, and the next offset to read per partition."""

    replayed: int = 0
    skipped: int = 0
    unavailable: int = 0
    invalid: int = 0
    done: dict[int, int] = field(default_factory=dict)


def end_offsets(consumer: KafkaConsumer, partitions: list[TopicPartition], starts: dict[Any, int]) -> dict[Any, int]:
    """The offset after the last record of each partition, now.

    The broker's figure, corrected by reading the last records: some brokers (the embedded Tansu among
    them) report the offset after the first record of the last batch, short of the batch's other records.
    """
    ends = consumer.end_offsets(partitions)
    for tp in partitions:
        consumer.seek(tp, max(ends[tp] - 1, starts[tp]))
    deadline = time.monotonic() + IDLE_LIMIT_S
    while time.monotonic() < deadline:
        batches = consumer.poll(timeout_ms=1000)
        if not batches:
            break
        for tp, records in batches.items():
            ends[tp] = max(ends[tp], records[-1].offset + 1)
    return ends


def dead_letters(consumer: KafkaConsumer, topic: str, *, from_beginning: bool) -> Iterator[DeadLetterRecord]:
    """The records of the dead-letter topic from the group's committed offsets (or the beginning) up to the end
    offsets of the moment this is called, in order per partition; records written later are never read."""
    partitions = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or ())]
    if not partitions:
        return
    consumer.assign(partitions)
    starts = consumer.beginning_offsets(partitions)
    ends = end_offsets(consumer, partitions, starts)  # the snapshot
    for tp in partitions:
        committed = None if from_beginning else consumer.committed(tp)
        consumer.seek(tp, max(committed or 0, starts[tp]))
    pending = set(partitions)

    def finish(tp: TopicPartition) -> None:
        pending.discard(tp)
        consumer.pause(tp)  # what comes after the snapshot is never fetched

    for tp in partitions:
        if consumer.position(tp) >= ends[tp]:
            finish(tp)
    idle_since = time.monotonic()
    while pending:
        batches = consumer.poll(timeout_ms=500)
        idle_since = time.monotonic() if batches else idle_since
        for tp, records in batches.items():
            for record in records:
                if tp not in pending or record.offset >= ends[tp]:
                    break
                try:
                    letter = orjson.loads(record.value)
                except orjson.JSONDecodeError:
                    letter = None
                yield DeadLetterRecord(tp.partition, record.offset, letter if isinstance(letter, dict) else None)
                if record.offset + 1 >= ends[tp]:
                    finish(tp)
        for tp in list(pending):
            if consumer.position(tp) >= ends[tp]:
                finish(tp)
        if pending and time.monotonic() - idle_since > IDLE_LIMIT_S:  # records gone (retention) or unreadable
            log.warning("replay.incomplete", topic=topic, partitions=sorted(tp.partition for tp in pending))
            return


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


def replay(
    settings: Settings,
    selection: ReplayFilter,
    *,
    dry_run: bool = False,
    limit: int | None = None,
    from_beginning: bool = False,
    on_letter: Callable[[dict[str, Any]], None] | None = None,
) -> ReplayReport:
    """Re-publish the selected dead letters to the raw topic, at most `limit`, each once; what was done.

    `on_letter` is given, for each selected letter, its id, dead-letter partition, offset and reason, and
    where it was published (None in a dry run or when the original is gone). A dry run publishes nothing
    and commits nothing.
    """
    report = ReplayReport()
    consumer = KafkaConsumer(
        **settings.kafka_client_config(), group_id=replay_group(settings), enable_auto_commit=False
    )
    producer = (
        None
        if dry_run
        else KafkaProducer(
            **settings.kafka_client_config(), acks="all", max_request_size=4 * settings.max_dispatch_bytes + 1024 * 1024
        )
    )
    try:
        for record in dead_letters(consumer, settings.topic_dlq, from_beginning=from_beginning):
            if limit is not None and report.replayed >= limit:
                break
            _replay_one(settings, record, selection, producer, report, on_letter)
            report.done[record.partition] = record.offset + 1
    finally:
        if producer is not None:
            producer.close()
        if not dry_run and report.done:
            offsets = {
                TopicPartition(settings.topic_dlq, p): OffsetAndMetadata(offset, "", -1)
                for p, offset in report.done.items()
            }
            consumer.commit(offsets=offsets)
        consumer.close()
    return report


def _replay_one(
    settings: Settings,
    record: DeadLetterRecord,
    selection: ReplayFilter,
    producer: KafkaProducer | None,
    report: ReplayReport,
    on_letter: Callable[[dict[str, Any]], None] | None,
) -> None:
    letter = record.letter
    if letter is None or not isinstance(letter.get("source"), dict):
        report.invalid += 1
        log.warning("replay.skipped", reason="not_a_dead_letter", partition=record.partition, offset=record.offset)
        return
    if not selection.accepts(letter):
        report.skipped += 1
        return
    key_b64 = letter["source"].get("key_b64")
    key = base64.b64decode(key_b64) if key_b64 else None
    if letter["source"].get("key_truncated"):  # the key is re-read with the value, from the source
        original = original_record(settings, letter)
        key, value = (original.key, original.value) if original is not None else (None, None)
        unavailable = original is None
    else:
        value = original_value(settings, letter)
        unavailable = value is None and bool(letter.get("value_truncated"))
    line: dict[str, Any] = {
        "id": letter.get("id"),
        "key": key.decode("utf-8", "replace") if key is not None else None,
        "partition": record.partition,
        "offset": record.offset,
        "reason": letter.get("reason"),
        "published": None,
    }
    if unavailable:
        report.unavailable += 1
        log.warning("replay.unavailable", dispatch_id=letter.get("id"), source=letter.get("source"))
    else:
        if producer is not None:
            sent = producer.send(settings.topic_raw, key=key, value=value).get(timeout=30)
            line["published"] = {"topic": sent.topic, "partition": sent.partition, "offset": sent.offset}
        report.replayed += 1
        log.info(
            "replay.published",
            dispatch_id=letter.get("id"),
            reason=letter.get("reason"),
            topic=settings.topic_raw,
            dry_run=producer is None,
        )
    if on_letter is not None:
        on_letter(line)
