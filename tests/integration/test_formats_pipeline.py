"""Real wire formats through the worker: NewsML-G2, NITF, envelopes, text; versions, duplicates, kills, attacks."""

from __future__ import annotations

import base64
from pathlib import Path

import orjson
import pytest
from kafka import KafkaProducer

from streams.kafka.admin import ensure_topics
from tests.integration.conftest import consume, start_worker, unique_settings
from tests.schemas import validate

pytestmark = pytest.mark.integration

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
BELGA_GUID = "urn:newsml:belga.be:20250403:BEL-NAMUR-BUDGET"
AFP_ID = "afp-20250403-seisme-grece-0831"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@pytest.fixture(scope="module")
def send(settings):
    producer = KafkaProducer(**settings.kafka_client_config(), acks="all", max_request_size=4 * 1024 * 1024)

    def publish(value: bytes, key: bytes | None = None) -> None:
        producer.send(settings.topic_raw, key=key, value=value).get(timeout=30)

    yield publish
    producer.close()


def enriched_topic(settings, until, timeout=90):
    return [orjson.loads(r.value) for r in consume(settings, settings.topic_enriched, until, timeout=timeout)]


def events_for(settings, dispatch_id, count):
    def enough(records):
        return sum(orjson.loads(r.value)["id"] == dispatch_id for r in records) >= count

    return [e for e in enriched_topic(settings, enough) if e["id"] == dispatch_id]


def test_every_input_format_gives_schema_valid_events(settings, worker, send):
    send(fixture("newsml/reuters-belga-message.xml"))
    send(fixture("nitf/apa-streik-latin1.xml"))
    send(orjson.dumps({"id": "fmt-envelope", "body": "WAVRE (Belga) - Le pont de la N4 rouvrira lundi."}))
    send(b"HUY (Belga) - La foire agricole a attire 20.000 visiteurs ce week-end.", key=b"fmt-text")

    events = enriched_topic(settings, lambda rs: len(rs) >= 3 + 1 + 2)
    for event in events:
        validate(event)
    formats = {e["source"]["format"] for e in events}
    assert formats == {"newsml", "nitf", "envelope", "text"}
    newsml = [e for e in events if e["source"]["format"] == "newsml"]
    assert len({e["id"] for e in newsml}) == 3, "each text item of the newsMessage is its own dispatch"
    assert [e["id"] for e in newsml if e["schema"] == "wirestream.withdrawn.v1"] == [BELGA_GUID]
    for event in (e for e in newsml if e["schema"] == "wirestream.enriched.v1"):
        assert event["headline"] and event["body"] and "<" not in event["body"]
        for quote in event["quotes"]:
            section = event["headline"] if quote.get("section") == "headline" else event["body"]
            assert section[quote["start"] : quote["end"]] == quote["text"]
    nitf = next(e for e in events if e["source"]["format"] == "nitf")
    assert nitf["language"] == "de" and "Warnstreik" in nitf["body"]


@pytest.fixture(scope="module")
def own(broker):
    """Topics, table and worker of their own: the versions seen by other tests must not count."""
    settings = unique_settings(broker)
    ensure_topics(settings)
    running = start_worker(settings)
    running.wait_for_log("worker.assigned")
    producer = KafkaProducer(**settings.kafka_client_config(), acks="all")
    # a feed keys messages by item id, so that the versions of an item stay in order on one partition
    yield settings, running, lambda value, key: producer.send(settings.topic_raw, key=key, value=value).get(timeout=30)
    producer.close()
    running.stop()


def test_versions_share_a_key_duplicates_are_dropped_and_kills_withdraw(own):
    settings, worker, send = own
    belga_key, afp_key = BELGA_GUID.encode(), AFP_ID.encode()
    for version in (1, 2, 3):
        send(fixture(f"newsml/belga-budget-v{version}.xml"), belga_key)
    send(fixture("newsml/belga-budget-v2.xml"), belga_key)  # a late re-delivery of an older version
    send(fixture("newsml/belga-budget-v3.xml"), belga_key)  # an exact re-delivery

    belga = events_for(settings, BELGA_GUID, 3)
    assert [e["version"] for e in belga] == [1, 2, 3]
    assert [e["supersedes"] for e in belga] == [None, 1, 2]
    records = consume(settings, settings.topic_enriched, lambda rs: True)
    keys = {r.key for r in records if orjson.loads(r.value)["id"] == BELGA_GUID}
    assert keys == {BELGA_GUID.encode()}
    assert "UPDATE 1" in belga[1]["markers"]

    send(fixture("nitf/afp-seisme-v1.xml"), afp_key)
    send(fixture("nitf/afp-seisme-kill.xml"), afp_key)
    afp = events_for(settings, AFP_ID, 2)
    assert [e["schema"] for e in afp] == ["wirestream.enriched.v1", "wirestream.withdrawn.v1"]
    withdrawn = afp[1]
    validate(withdrawn)
    assert withdrawn["status"] == "canceled" and "Ne pas utiliser" in withdrawn["ed_note"]
    assert withdrawn["supersedes"] == 1

    # nothing more arrives for the re-deliveries, which were logged as such
    for line in ("dispatch.duplicate", "dispatch.stale"):
        logged = worker.wait_for_log(line)
        assert logged["dispatch_id"] == BELGA_GUID
    assert len(events_for(settings, BELGA_GUID, 3)) == 3


@pytest.mark.parametrize("attack", sorted(p.name for p in (FIXTURES / "attacks").glob("*.xml")))
def test_xml_attacks_are_dead_lettered_and_the_worker_keeps_going(settings, worker, send, attack):
    key = f"attack-{attack}".encode()
    send(fixture(f"attacks/{attack}"), key=key)
    send(b"DINANT (Belga) - La citadelle rouvre ses portes au public samedi.", key=key + b"-after")

    dead = consume(settings, settings.topic_dlq, lambda rs: any(_key(r) == key for r in rs))
    letter = next(orjson.loads(r.value) for r in dead if _key(r) == key)
    validate(letter)
    assert letter["reason"] == "unsafe_xml" and letter["stage"] == "decode"
    assert "root:" not in letter["error"]["message"]  # no local file was read
    after = enriched_topic(settings, lambda rs: any(r.key == key + b"-after" for r in rs))
    assert any(e["id"] == (key + b"-after").decode() for e in after)
    assert worker.proc.poll() is None


def _key(record) -> bytes | None:
    encoded = orjson.loads(record.value)["source"]["key_b64"]
    return base64.b64decode(encoded) if encoded else None


def test_a_restarted_worker_still_knows_what_it_published(broker):
    settings = unique_settings(broker)
    ensure_topics(settings)
    producer = KafkaProducer(**settings.kafka_client_config(), acks="all")
    key = BELGA_GUID.encode()

    def send(name: str) -> None:
        producer.send(settings.topic_raw, key=key, value=fixture(name)).get(timeout=30)

    first = start_worker(settings)
    try:
        first.wait_for_log("worker.assigned")
        send("newsml/belga-budget-v1.xml")
        events_for(settings, BELGA_GUID, 1)
    finally:
        assert first.stop() == 0
    second = start_worker(settings)  # recovers the versions table from its changelog
    try:
        second.wait_for_log("worker.assigned")
        send("newsml/belga-budget-v1.xml")
        send("newsml/belga-budget-v2.xml")
        belga = events_for(settings, BELGA_GUID, 2)
        assert second.wait_for_log("dispatch.duplicate")["dispatch_id"] == BELGA_GUID
    finally:
        second.stop()
        producer.close()
    assert [(e["version"], e["supersedes"]) for e in belga] == [(1, None), (2, 1)]
