"""The agent pipelines batches: one is enriched while the next is decoded and the previous one acknowledged.

The broker here is a stand-in that acknowledges a batch's events only once the agent has
enriched the following batch (at once if it already has): an agent that waited for the acks
before enriching would never finish (the test would time out). Everything else is the real
agent and enricher.
"""

from __future__ import annotations

import asyncio
import threading
import time
from types import SimpleNamespace

import orjson

from streams.kafka.agent import EnrichAgent
from streams.kafka.publisher import Publisher
from streams.nlp.enrich import Enricher
from streams.pipeline import Pipeline, VersionsLedger
from streams.settings import AgentConfig, OutputTopics, PipelineConfig
from streams.stats import WorkerStats


def raw(dispatch_id: str, text: str) -> bytes:
    return orjson.dumps({"id": dispatch_id, "lang": "fr", "body": text})


BATCHES = [
    [raw("a", "BRUXELLES, 3 mars (Belga) - Le conseil communal a voté le budget mardi soir.")],
    [raw("b", "NAMUR, 3 mars (Belga) - La ministre wallonne a présenté son plan pour les routes.")],
    [
        # an exact re-delivery of "b" while "b" is still being published: skipped, not enriched twice
        raw("b", "NAMUR, 3 mars (Belga) - La ministre wallonne a présenté son plan pour les routes."),
        raw("c", "LIÈGE, 3 mars (Belga) - Le tribunal a rendu son jugement dans l'affaire des fraudes."),
    ],
]
MESSAGES = sum(len(batch) for batch in BATCHES)


class Timeline:
    def __init__(self) -> None:
        self.steps: list[str] = []
        self.lock = threading.Lock()

    def add(self, step: str) -> None:
        with self.lock:
            self.steps.append(step)


# The enrichment call (1st, 2nd, 3rd) that takes each dispatch: "b" again in the third batch is skipped.
ENRICHED_IN = {"a": 1, "b": 2, "c": 3}


class Broker:
    """Output topics whose acks are held until the agent has enriched the batch after theirs."""

    def __init__(self, timeline: Timeline) -> None:
        self.timeline = timeline
        self.sent: list[tuple[str, str]] = []  # (topic, key) in the order enqueued
        self.headers: list[tuple[str, list]] = []  # (the event's schema field, the record's headers)
        self.held: list[tuple[int, asyncio.Future]] = []  # (the enrichment call of its dispatch, its ack)
        self.enriched = 0  # enrichment calls so far
        self.loop: asyncio.AbstractEventLoop | None = None

    async def send(self, topic: str, key: bytes | None, value: bytes, headers: list) -> asyncio.Future:
        self.sent.append((topic, key.decode() if key else ""))
        event = orjson.loads(value)
        self.headers.append((event["schema"], headers))
        if topic == "enriched":
            self.timeline.add(f"sent {key.decode()}")
        ack = asyncio.get_running_loop().create_future()
        self.held.append((ENRICHED_IN[event.get("dispatch_id") or event["id"]], ack))
        self.release()
        return ack

    def one_enriched(self) -> None:
        self.enriched += 1
        self.release()

    def release(self, *, every: bool = False) -> None:
        """Acknowledge what was sent for a batch whose next one is enriched (`every`: everything sent)."""
        for call, ack in self.held:
            if (every or call < self.enriched) and not ack.done():
                ack.set_result(None)
        self.held = [(call, ack) for call, ack in self.held if not ack.done()]


class RecordingEnricher(Enricher):
    """The rules-only enricher; each call releases the acks of the batch before it."""

    def __init__(self, broker: Broker, timeline: Timeline) -> None:
        super().__init__({})
        self.broker, self.timeline = broker, timeline

    def enrich_many(self, dispatches):
        results = list(super().enrich_many(dispatches))
        self.timeline.add("enriched " + ",".join(d.id for d in dispatches))
        self.broker.loop.call_soon_threadsafe(self.broker.one_enriched)  # this runs in the enrichment thread
        return results


class Stream:
    """Yields the batches as Faust's `noack_take` does, then lets the last acks through."""

    def __init__(self, broker: Broker, timeline: Timeline) -> None:
        self.broker, self.timeline = broker, timeline
        self.acked: list[int] = []

    def noack(self):
        return self

    async def noack_take(self, *_args, **_kwargs):
        offset = 0
        for values in BATCHES:
            events = []
            for value in values:
                message = SimpleNamespace(
                    topic="wire.raw", partition=0, offset=offset, key=None, value=value, timestamp=None
                )
                events.append(SimpleNamespace(message=message))
                offset += 1
            yield events
        while len(self.acked) < MESSAGES:
            self.broker.release(every=True)
            await asyncio.sleep(0.01)

    async def ack(self, event) -> None:
        self.timeline.add(f"acked {event.message.offset}")
        self.acked.append(event.message.offset)


def run_agent():
    timeline = Timeline()
    broker = Broker(timeline)
    topics = OutputTopics(enriched="enriched", quotes="quotes", entities="entities", dlq="dlq")
    ledger = VersionsLedger()
    pipeline = Pipeline(RecordingEnricher(broker, timeline), PipelineConfig(topics, 1_000_000, 512 * 1024), ledger)
    stats = WorkerStats()
    agent = EnrichAgent(
        AgentConfig(batch_size=16, batch_wait=0.01), pipeline, Publisher(broker.send, pipeline.refuse), stats
    )
    stream = Stream(broker, timeline)

    async def main():
        broker.loop = asyncio.get_running_loop()
        await asyncio.wait_for(agent(stream), timeout=120)  # a guard against a hang: the first batch builds the rules

    asyncio.run(main())
    return ledger, broker, timeline, stream, ledger.table, stats


def test_the_next_batch_is_enriched_before_the_previous_one_is_acked():
    _, _, timeline, _, _, _ = run_agent()
    steps = timeline.steps
    assert steps.index("enriched b") < steps.index("acked 0")


def test_offsets_are_acked_in_order_and_outputs_keep_the_input_order():
    _, broker, timeline, stream, _, _ = run_agent()
    assert stream.acked == [0, 1, 2, 3]
    assert [key for topic, key in broker.sent if topic == "enriched"] == ["a", "b", "c"]
    # a batch is published only once the one before it is acknowledged and acked
    steps = timeline.steps
    assert steps.index("acked 0") < steps.index("sent b") < steps.index("acked 1") < steps.index("sent c")


def test_a_redelivery_of_a_dispatch_still_in_flight_is_skipped():
    ledger, broker, timeline, _, versions, stats = run_agent()
    assert [s for s in timeline.steps if s.startswith("enriched")] == ["enriched a", "enriched b", "enriched c"]
    assert stats.interval()["skipped"] == 1
    assert set(versions) == {"a", "b", "c"}  # remembered once published
    assert ledger.claims == {}  # nothing left marked as being published
    assert not [1 for topic, _ in broker.sent if topic == "dlq"]


def test_every_record_carries_its_event_s_schema_in_a_header():
    _, broker, _, _, _, _ = run_agent()
    assert len(broker.headers) == len(broker.sent) > MESSAGES
    schemas = {schema for schema, _ in broker.headers}
    assert {"wirestream.enriched.v1", "wirestream.entity.v1"} <= schemas
    for schema, headers in broker.headers:
        assert headers == [("schema", schema.encode())]


class SlowEnricher(RecordingEnricher):
    """Models that take a while: what the worker does meanwhile shows in the timeline."""

    def enrich_many(self, dispatches):
        self.timeline.add("enriching " + ",".join(d.id for d in dispatches))
        time.sleep(0.2)
        return super().enrich_many(dispatches)


class RecordingPipeline(Pipeline):
    def __init__(self, timeline: Timeline, *args) -> None:
        super().__init__(*args)
        self.timeline = timeline

    def receive(self, messages):
        plan = super().receive(messages)
        self.timeline.add("received " + ",".join(item.dispatch.id for item in plan.items))
        return plan


def test_the_next_batch_is_decoded_and_queued_while_the_models_work_on_one():
    timeline = Timeline()
    broker = Broker(timeline)
    topics = OutputTopics(enriched="enriched", quotes="quotes", entities="entities", dlq="dlq")
    pipeline = RecordingPipeline(
        timeline, SlowEnricher(broker, timeline), PipelineConfig(topics, 1_000_000, 512 * 1024), VersionsLedger()
    )
    agent = EnrichAgent(
        AgentConfig(batch_size=16, batch_wait=0.01), pipeline, Publisher(broker.send, pipeline.refuse), WorkerStats()
    )
    stream = Stream(broker, timeline)

    async def main():
        broker.loop = asyncio.get_running_loop()
        await asyncio.wait_for(agent(stream), timeout=120)

    asyncio.run(main())
    steps = timeline.steps
    assert steps.index("received b") < steps.index("enriched a")  # decoded while "a" is in the models
    assert steps.index("sent a") < steps.index("enriched b")  # "a" is published while "b" is in the models
    assert stream.acked == [0, 1, 2, 3]
    assert [key for topic, key in broker.sent if topic == "enriched"] == ["a", "b", "c"]
