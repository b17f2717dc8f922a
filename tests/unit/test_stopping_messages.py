"""Messages that used to stop the worker for good (issue 19): each now ends as events or a bounded dead letter.

The agent runs here for real (rules only, no model) over a stand-in stream and a stand-in broker that
refuses records over Kafka's default size limit, as a real producer or broker would. A worker exit
(`os._exit`) is recorded instead of happening. On the code before issue 19, the far-future timestamp and
the long key made the agent exit 70 (worker.fatal), and no codec but gzip could be read.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import time
from dataclasses import replace
from types import SimpleNamespace

import orjson
import pytest
from aiokafka.errors import MessageSizeTooLargeError

from streams.kafka.agent import EnrichAgent
from streams.kafka.publisher import Publisher
from streams.nlp.enrich import Enricher
from streams.pipeline import Pipeline, VersionsLedger
from streams.settings import OutputTopics, Settings
from streams.stats import WorkerStats
from tests.hostile_corpus import slow_text
from tests.schemas import validate

KAFKA_DEFAULT_LIMIT = 1_048_588  # message.max.bytes of a default Kafka broker
YEAR_10000_MS = 253402300800000
GOOD = orjson.dumps({"id": "good-1", "lang": "fr", "body": "NAMUR, 3 mars (Belga) - Le conseil a voté le budget."})
TOPICS = OutputTopics(enriched="enriched", quotes="quotes", entities="entities", dlq="dlq")


class Broker:
    """Acknowledges what fits Kafka's default limit, refuses the rest as a producer or broker would."""

    def __init__(self) -> None:
        self.records: list[tuple[str, bytes | None, bytes]] = []

    async def send(self, topic: str, key: bytes | None, value: bytes, headers: list) -> asyncio.Future:
        if len(value) + len(key or b"") > KAFKA_DEFAULT_LIMIT:
            raise MessageSizeTooLargeError()
        self.records.append((topic, key, value))
        ack = asyncio.get_running_loop().create_future()
        ack.set_result(None)
        return ack

    def events(self, topic: str) -> list[dict]:
        return [orjson.loads(value) for t, _, value in self.records if t == topic]


class Stream:
    def __init__(self, batches: list[list[SimpleNamespace]]) -> None:
        self.batches = batches
        self.acked: list[int] = []

    def noack(self):
        return self

    async def noack_take(self, *_args, **_kwargs):
        for batch in self.batches:
            yield batch
        await asyncio.sleep(0.05)

    async def ack(self, event) -> None:
        self.acked.append(event.message.offset)


def message(offset: int, value: bytes | None, key: bytes | None = b"k", timestamp: float | None = 1.7e9):
    raw = SimpleNamespace(topic="wire.raw", partition=0, offset=offset, key=key, value=value, timestamp=timestamp)
    return SimpleNamespace(message=raw)


def run(batches: list[list[SimpleNamespace]], monkeypatch, **changes) -> tuple[Broker, Stream, list[int]]:
    exits: list[int] = []

    def fake_exit(code: int) -> None:
        exits.append(code)
        raise SystemExit(code)

    monkeypatch.setattr("streams.kafka.agent.os._exit", fake_exit)
    settings = Settings(health_port=0, **changes)
    pipeline = Pipeline(Enricher({}), replace(settings.pipeline_config(), topics=TOPICS), VersionsLedger())
    broker = Broker()
    agent = EnrichAgent(settings.agent_config(), pipeline, Publisher(broker.send, pipeline.refuse), WorkerStats())
    stream = Stream(batches)
    with contextlib.suppress(SystemExit):  # recorded in `exits`
        asyncio.run(agent(stream))
    return broker, stream, exits


def assert_all_bounded(broker: Broker, limit: int = 1_000_000) -> None:
    for topic, key, value in broker.records:
        assert len(value) + len(key or b"") <= limit, f"a {topic} record of {len(value)} bytes"
        validate(orjson.loads(value))


def test_a_far_future_kafka_timestamp_neither_stops_the_worker_nor_loses_the_message(monkeypatch):
    batch = [
        message(0, GOOD, timestamp=YEAR_10000_MS / 1000),
        message(1, b"\xff not utf-8", timestamp=YEAR_10000_MS / 1000),  # its dead letter reads the timestamp too
        message(2, GOOD.replace(b"good-1", b"good-2"), timestamp=float("inf")),
    ]
    broker, stream, exits = run([batch], monkeypatch)
    assert exits == []
    assert stream.acked == [0, 1, 2]
    assert [e["id"] for e in broker.events("enriched")] == ["good-1", "good-2"]
    (letter,) = broker.events("dlq")
    assert letter["reason"] == "invalid_utf8" and letter["source"]["timestamp"] is None
    assert_all_bounded(broker)


def test_a_2_mb_key_on_a_valid_dispatch_makes_a_small_dead_letter(monkeypatch):
    text = "NAMUR, 3 mars (Belga) - Le ministre Jean Dupont a déclaré: « Le budget est voté. »".encode()
    batch = [message(0, text, key=b"K" * 2_000_000), message(1, GOOD)]
    broker, stream, exits = run([batch], monkeypatch)
    assert exits == []
    assert stream.acked == [0, 1]
    (letter,) = broker.events("dlq")
    assert letter["reason"] == "id_too_long" and letter["stage"] == "decode"
    assert letter["source"]["key_truncated"] is True and letter["source"]["key_bytes"] == 2_000_000
    assert len(base64.b64decode(letter["source"]["key_b64"])) == 256
    assert [e["id"] for e in broker.events("enriched")] == ["good-1"]
    assert_all_bounded(broker)


@pytest.mark.parametrize(
    "value",
    [
        orjson.dumps({"id": "x" * 900_000, "body": "NAMUR (Belga) - Le conseil a voté."}),
        (
            '<nitf><head><docdata><doc-id id-string="' + "d" * 900_000 + '"/></docdata></head>'
            "<body><body.content><p>NAMUR (Belga) - Le conseil a voté.</p></body.content></body></nitf>"
        ).encode(),
        (
            '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="' + "g" * 900_000 + '" version="1">'
            '<contentSet><inlineData contenttype="text/plain">Le conseil a voté.</inlineData></contentSet></newsItem>'
        ).encode(),
    ],
    ids=["envelope-id", "nitf-doc-id", "newsml-guid"],
)
def test_a_900_kb_id_makes_a_small_dead_letter(monkeypatch, value):
    broker, _stream, exits = run([[message(0, value), message(1, GOOD)]], monkeypatch)
    assert exits == []
    (letter,) = broker.events("dlq")
    assert letter["reason"] == "id_too_long"
    assert len(orjson.dumps(letter)) < 1_000_000
    assert [e["id"] for e in broker.events("enriched")] == ["good-1"]
    assert_all_bounded(broker)


def test_no_record_is_over_max_record_bytes_and_a_dispatch_that_would_be_is_a_dead_letter(monkeypatch):
    body = "NAMUR (Belga) - " + "Le conseil communal a voté le budget de la ville. " * 3000  # 150 KB
    value = orjson.dumps({"id": "big", "lang": "fr", "body": body})
    broker, _, exits = run([[message(0, value), message(1, GOOD)]], monkeypatch, max_record_bytes=100_000)
    assert exits == []
    (letter,) = broker.events("dlq")
    assert letter["reason"] == "output_too_large" and letter["stage"] == "publish"
    assert letter["value_truncated"] is True  # cut to fit the record limit; replay re-reads the original
    assert_all_bounded(broker, 100_000)


def test_the_dead_letter_of_the_largest_accepted_message_fits_the_record_limit(monkeypatch):
    value = b"\xff" + b"x" * 999_998  # 999,999 bytes: accepted in size, not UTF-8
    broker, _, exits = run([[message(0, value, key=b"k" * 10_000)]], monkeypatch)
    assert exits == []
    (letter,) = broker.events("dlq")
    assert letter["reason"] == "invalid_utf8"
    assert_all_bounded(broker)


def test_a_newsmessage_of_6000_items_is_one_dead_letter(monkeypatch):
    item = (
        '<newsItem guid="urn:x:{i}" version="1"><contentSet><inlineData>Le conseil a voté {i}.</inlineData>'
        "</contentSet></newsItem>"
    )
    value = (
        '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>'
        + "".join(item.format(i=i) for i in range(6000))
        + "</itemSet></newsMessage>"
    ).encode()
    broker, _, exits = run([[message(0, value)]], monkeypatch)
    assert exits == []
    assert [(r[0], orjson.loads(r[2])["reason"]) for r in broker.records] == [("dlq", "too_many_items")]


def test_outputs_of_one_message_over_max_output_bytes_become_one_dead_letter(monkeypatch):
    item = (
        '<newsItem guid="urn:x:{i}" version="1"><contentSet><inlineData>NAMUR (Belga) - '
        + "Le ministre Jean Dupont a parlé à Namur avec Marie Lambert. " * 40
        + "</inlineData></contentSet></newsItem>"
    )
    value = (
        '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>'
        + "".join(item.format(i=i) for i in range(20))
        + "</itemSet></newsMessage>"
    ).encode()
    broker, stream, exits = run([[message(0, value), message(1, GOOD)]], monkeypatch, max_output_bytes=20_000)
    assert exits == []
    assert stream.acked == [0, 1]
    letters = broker.events("dlq")
    assert [(letter["reason"], letter["id"]) for letter in letters] == [("output_too_large", None)]
    assert [e["id"] for e in broker.events("enriched")] == ["good-1"]


def test_every_kafka_compression_codec_can_be_read():
    from aiokafka import codec

    from streams.kafka.faust_compat import check_codecs

    assert codec.has_snappy() and codec.has_lz4() and codec.has_zstd()
    check_codecs()
    for name in ("snappy", "lz4", "zstd"):
        encode, decode = getattr(codec, f"{name}_encode"), getattr(codec, f"{name}_decode")
        assert decode(encode(b"NAMUR (Belga) - x" * 100)) == b"NAMUR (Belga) - x" * 100


def test_the_codec_libraries_are_dependencies():
    """A fresh install must read every codec: the libraries are in pyproject.toml, not installed by hand."""
    import re
    from pathlib import Path

    from streams.settings import tomllib

    project = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8"))
    names = {re.split(r"[<>=;\[ ]", dep)[0].lower() for dep in project["project"]["dependencies"]}
    assert {"cramjam", "python-snappy", "lz4", "zstandard"} <= names


def test_a_text_slow_for_the_entity_rules_holds_neither_the_event_loop_nor_the_worker(monkeypatch):
    """30 KB of "A." took 25 s in the entity rules, holding the GIL: the event loop (heartbeats, /healthz)
    stopped with it. Those rules are linear now; a text still slow to enrich (`slow_text`, seconds for 30 KB)
    is dead-lettered at its budget and the loop never waits."""
    try:
        from streams.enrich_process.parent import EnrichmentProcess

        enricher = EnrichmentProcess({}, 1.0)
        enricher.start()
    except ImportError:  # the code before issue 19: enrichment in a thread of the worker's own process
        enricher = Enricher({})
    exits: list[int] = []
    monkeypatch.setattr("streams.kafka.agent.os._exit", exits.append)
    settings = Settings(health_port=0)
    pipeline = Pipeline(enricher, replace(settings.pipeline_config(), topics=TOPICS), VersionsLedger())
    broker = Broker()
    agent = EnrichAgent(settings.agent_config(), pipeline, Publisher(broker.send, pipeline.refuse), WorkerStats())
    slow = ("NAMUR (Belga) - " + slow_text(30_000)).encode()
    stream = Stream([[message(0, slow), message(1, GOOD)]])
    lateness: list[float] = []

    async def main() -> None:
        done = asyncio.ensure_future(agent(stream))
        while not done.done():
            before = time.monotonic()
            await asyncio.sleep(0.05)
            lateness.append(time.monotonic() - before - 0.05)
        await done

    started = time.monotonic()
    try:
        asyncio.run(main())
    finally:
        if hasattr(enricher, "close"):
            enricher.close()
    assert exits == []
    assert max(lateness) < 0.5, f"the event loop stopped for {max(lateness):.1f} s"
    assert [(e["reason"], e["stage"]) for e in broker.events("dlq")] == [("enrich_timeout", "enrich")]
    assert [e["id"] for e in broker.events("enriched")] == ["good-1"]
    assert time.monotonic() - started < 10


def test_large_messages_are_taken_in_smaller_batches_in_order(monkeypatch):
    from streams.kafka.agent import MAX_BATCH_BYTES, by_size

    values = [b"x" * 900_000, b"x" * 900_000, b"x" * 900_000, b"small", None, b"x" * 3_000_000, b"tail"]
    events = [message(i, v) for i, v in enumerate(values)]
    groups = by_size(events, MAX_BATCH_BYTES)
    assert [[e.message.offset for e in g] for g in groups] == [[0, 1], [2, 3, 4], [5], [6]]
    body = "NAMUR (Belga) - " + "Le conseil communal a voté le budget. " * 24_000  # 900 KB each, enriched
    batch = [message(i, orjson.dumps({"id": f"big-{i}", "body": body})) for i in range(3)] + [message(3, GOOD)]
    broker, stream, exits = run([batch], monkeypatch, max_record_bytes=1_000_000, max_output_bytes=100_000_000)
    assert exits == [] and stream.acked == [0, 1, 2, 3]
    assert {e["id"] for e in broker.events("dlq")} | {e["id"] for e in broker.events("enriched")} >= {"good-1"}
