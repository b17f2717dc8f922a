"""Hostile input never crashes the core: it is decoded and enriched, or refused with a reason."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from types import SimpleNamespace

import orjson
import pytest
from aiokafka.errors import KafkaConnectionError, MessageSizeTooLargeError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from streams.errors import DecodeError
from streams.events import Source, enriched_event
from streams.kafka.agent import EnrichAgent
from streams.kafka.publisher import Publisher, is_transient
from streams.nlp.enrich import Enricher
from streams.pipeline import Pipeline, VersionsLedger
from streams.settings import OutputTopics, Settings
from streams.stats import WorkerStats
from streams.wire.decode import decode
from tests.schemas import validate

RULES_ONLY = Enricher({})  # no model: fast enough for many examples; the model path is tested elsewhere

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
envelopes = st.fixed_dictionaries(
    {"body": st.one_of(st.text(max_size=400), json_values)},
    optional={
        "id": json_values,
        "headline": json_values,
        "lang": json_values,
        "version": json_values,
        "received_at": json_values,
        "agency": json_values,
    },
).map(orjson.dumps)
raw_values = st.one_of(
    st.binary(max_size=2000),
    st.text(max_size=2000).map(str.encode),
    envelopes,
    st.sampled_from(
        [
            "«",
            "»",
            "“",
            "”",
            '"',
            "'",
            "„",
            " ",
            "\n\n",
            "(Belga)",
            "BRUXELLES, 3 mars (Belga) - ",
            '{"body": "x", "version": 1' + "0" * 30 + "}",
        ]
    ).map(str.encode),
    st.lists(st.sampled_from(["«", "»", "“", "”", '"', "'", "a dit", "Jan Peeters", ":", "\n", "."]), max_size=60).map(
        lambda parts: " ".join(parts).encode()
    ),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw_values)
def test_any_value_is_enriched_or_refused_with_a_reason(value):
    try:
        dispatches = decode(value, max_bytes=100_000)
    except DecodeError as exc:
        assert exc.reason and str(exc)
        return
    for result in RULES_ONLY.enrich_many(dispatches):
        event = enriched_event(result, Source(topic="wire.raw", partition=0, offset=1))
        validate(event)
        for quote in event["quotes"]:
            section = event["headline"] if quote.get("section") == "headline" else event["body"]
            assert section[quote["start"] : quote["end"]] == quote["text"]


def test_transient_and_refused_broker_errors_are_told_apart():
    assert is_transient(KafkaConnectionError())
    assert is_transient(asyncio.TimeoutError())
    assert not is_transient(MessageSizeTooLargeError())
    assert not is_transient(ValueError("bad"))


def refusing(*topics: str, sent: list | None = None):
    """A producer's send that refuses every message to these topics at once (failure injection);
    the others are acknowledged, and recorded in `sent` as (topic, event)."""

    async def send(topic: str, key: bytes | None, value: bytes, headers: list) -> asyncio.Future:
        if topic in topics:
            raise MessageSizeTooLargeError()
        if sent is not None:
            sent.append((topic, orjson.loads(value)))
        ack = asyncio.get_running_loop().create_future()
        ack.set_result(None)
        return ack

    return send


def batch_of(value: bytes):
    message = SimpleNamespace(topic="wire.raw", partition=0, offset=7, key=b"k", value=value, timestamp=1.0)
    return [SimpleNamespace(message=message)]


def agent_with(send) -> EnrichAgent:
    topics = OutputTopics(enriched="enriched", quotes="quotes", entities="entities", dlq="dlq")
    config = Settings(health_port=0)
    pipeline = Pipeline(RULES_ONLY, replace(config.pipeline_config(), topics=topics), VersionsLedger())
    return EnrichAgent(config.agent_config(), pipeline, Publisher(send, pipeline.refuse), WorkerStats())


def test_an_event_the_broker_refuses_makes_its_dispatch_a_dead_letter():
    sent: list = []
    agent = agent_with(refusing("enriched", sent=sent))
    value = orjson.dumps({"id": "d-1", "lang": "fr", "body": "NAMUR, 3 mars (Belga) - Le conseil a voté le budget."})

    async def prepare_and_publish():
        batch = await agent.prepare(batch_of(value))
        await agent.publisher.publish(batch.plan.items)

    asyncio.run(prepare_and_publish())
    topics = [topic for topic, _ in sent]
    assert "enriched" not in topics and topics.count("dlq") == 1 and topics[-1] == "dlq"
    letter = sent[-1][1]
    assert letter["reason"] == "publish_error" and letter["stage"] == "publish"
    assert letter["id"] == "d-1" and letter["error"]["class"] == "MessageSizeTooLargeError"


def test_a_dead_letter_the_broker_refuses_stops_the_batch():
    agent = agent_with(refusing("enriched", "quotes", "entities", "dlq"))

    async def prepare_and_publish():
        batch = await agent.prepare(batch_of(b"\xff not utf-8"))
        await agent.publisher.publish(batch.plan.items)

    with pytest.raises(MessageSizeTooLargeError):
        asyncio.run(prepare_and_publish())


def test_the_worker_exits_without_acking_when_a_dead_letter_cannot_be_written(monkeypatch):
    codes = []

    def fake_exit(code):
        codes.append(code)
        raise SystemExit(code)

    monkeypatch.setattr("streams.kafka.agent.os._exit", fake_exit)
    agent = agent_with(refusing("enriched", "quotes", "entities", "dlq"))

    class Stream:
        acked = False

        def noack(self):
            return self

        async def noack_take(self, *_args, **_kwargs):
            yield batch_of(b"")

        async def ack(self, _event):
            Stream.acked = True

    with pytest.raises(SystemExit):
        asyncio.run(agent(Stream()))
    assert codes == [70]
    assert not Stream.acked


def test_the_producer_send_passes_kafka_errors_through_faust_s_wrapper():
    from aiokafka.errors import KafkaTimeoutError
    from faust.exceptions import ProducerSendError

    from streams.kafka.faust_compat import producer_send

    class Producer:
        async def send(self, *_args):
            try:
                raise KafkaTimeoutError()
            except KafkaTimeoutError as exc:
                raise ProducerSendError("Error while sending") from exc

    class App:
        async def maybe_start_producer(self):
            return Producer()

    with pytest.raises(KafkaTimeoutError) as raised:
        asyncio.run(producer_send(App())("enriched", b"k", b"{}", []))
    assert is_transient(raised.value)  # retried by the agent, not dead-lettered


def test_the_worker_producer_batches_up_to_256_kib_and_lingers_5_ms():
    from streams.kafka.app import create_app

    app = create_app(Settings(health_port=0, stats_interval=0), enricher=RULES_ONLY)
    assert app.conf.producer_max_batch_size == 256 * 1024  # Faust's default, 16 KiB, splits a batch's events
    assert app.conf.producer_linger == 0.005
