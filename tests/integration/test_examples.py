"""The example consumers against the embedded broker: they print what wirestream publishes, once each."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest
from kafka import KafkaProducer
from kafka.admin import KafkaAdminClient, NewTopic

from streams.kafka.broker import EmbeddedBroker
from tests.schemas import validate

pytestmark = pytest.mark.integration

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def quote(number: int, version: int | None = 1) -> dict[str, Any]:
    return {
        "schema": "wirestream.quote.v1",
        "id": f"belga-0042/q{number}",
        "text": "Nous ne reculerons pas",
        "start": 120,
        "end": 142,
        "kind": "direct",
        "speaker": {"name": "Alexander De Croo", "entity_id": "per:alexander-de-croo"},
        "speaker_text": "Alexander De Croo",
        "cue": "a déclaré",
        "dispatch_id": "belga-0042",
        "dispatch_version": version,
        "language": "fr",
        "dateline": {"place": "Bruxelles", "date": "12 mars", "text": "BRUXELLES, 12 mars (Belga)"},
        "headline": "Le gouvernement maintient son budget",
        "agency": "Belga",
        "enriched_at": "2026-03-12T10:15:00.000Z",
    }


def enriched(dispatch_id: str, language: str) -> dict[str, Any]:
    """The fields of a wirestream.enriched.v1 event that the aiokafka example reads."""
    return {
        "schema": "wirestream.enriched.v1",
        "id": dispatch_id,
        "event_id": f"digest-{dispatch_id}",
        "version": 1,
        "language": language,
        "headline": f"headline of {dispatch_id}",
        "entities": [{"id": "org:belga", "name": "Belga", "type": "ORG"}],
        "quotes": [],
    }


def create_topic(broker: EmbeddedBroker) -> str:
    name = f"examples-{uuid.uuid4().hex[:8]}"
    admin = KafkaAdminClient(bootstrap_servers=broker.bootstrap)
    try:
        admin.create_topics([NewTopic(name, num_partitions=2, replication_factor=1)])
    finally:
        admin.close()
    return name


def publish(broker: EmbeddedBroker, topic: str, records: list[tuple[bytes | None, bytes]]) -> None:
    producer = KafkaProducer(bootstrap_servers=broker.bootstrap, acks="all")
    try:
        for key, value in records:
            producer.send(topic, key=key, value=value).get(timeout=30)
    finally:
        producer.close()


def run_example(name: str, *args: str) -> list[dict[str, Any]]:
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / name), *args, "--idle-timeout", "3"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_quotes_consumer_prints_each_quote_once_and_commits(broker):
    topic, group = create_topic(broker), f"examples-{uuid.uuid4().hex[:8]}"
    first, second, updated = quote(1), quote(2), quote(1, version=2)
    for event in (first, second, updated):
        validate(event)
    key = first["speaker"]["entity_id"].encode()
    publish(
        broker,
        topic,
        [
            (key, json.dumps(first).encode()),
            (key, json.dumps(first).encode()),  # a re-delivery
            (key, b"not json"),
            (b"org:belga", json.dumps({"schema": "wirestream.entity.v1", "id": "org:belga"}).encode()),
            (key, json.dumps(second).encode()),
            (key, json.dumps(updated).encode()),  # a new version of the dispatch re-uses the quote id
        ],
    )
    printed = run_example("quotes_consumer.py", "--bootstrap", broker.bootstrap, "--topic", topic, "--group", group)
    assert [line["id"] for line in printed] == ["belga-0042/q1", "belga-0042/q2", "belga-0042/q1"]
    assert printed[0]["speaker"] == "Alexander De Croo" and printed[0]["kind"] == "direct"
    # the group's offsets were committed: the same group sees nothing new
    again = run_example("quotes_consumer.py", "--bootstrap", broker.bootstrap, "--topic", topic, "--group", group)
    assert again == []


def test_enriched_consumer_filters_by_language_and_drops_redeliveries(broker):
    topic, group = create_topic(broker), f"examples-{uuid.uuid4().hex[:8]}"
    events = [enriched("belga-1", "fr"), enriched("belga-1", "fr"), enriched("belga-2", "nl"), enriched("afp-3", "fr")]
    publish(broker, topic, [(e["id"].encode(), json.dumps(e).encode()) for e in events])
    args = ("--bootstrap", broker.bootstrap, "--topic", topic, "--group", group, "--lang", "fr")
    printed = run_example("enriched_consumer.py", *args)
    assert sorted(line["id"] for line in printed) == ["afp-3", "belga-1"]
    assert printed[0]["entities"] == ["Belga (ORG)"]
    assert run_example("enriched_consumer.py", *args) == []
