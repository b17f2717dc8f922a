"""The enrichment agent: raw dispatches in; enriched events, quotes, entities or dead letters out.

The agent only wires the NLP core to topics. A message that fails at any
stage becomes a dead letter *inside* the loop: Faust acks a message whose
agent raised (faust-streaming issue 527), so nothing may escape it.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import faust

from streams.errors import DecodeError
from streams.events import Source, dead_letter_event, dumps, enriched_event, entity_events, quote_events
from streams.logging import get_logger
from streams.nlp.decode import Dispatch, decode
from streams.nlp.enrich import Enricher, Enrichment
from streams.settings import Settings

log = get_logger(__name__)


@dataclass(slots=True)
class Received:
    """A raw message of the current batch, decoded or not yet."""

    source: Source
    value: bytes | None
    dispatch: Dispatch | None = None
    error: BaseException | None = None


@dataclass(slots=True)
class Outputs:
    """The Faust topics the agent writes to."""

    enriched: faust.TopicT
    quotes: faust.TopicT
    entities: faust.TopicT
    dlq: faust.TopicT


def enrich_batch(enricher: Enricher, dispatches: list[Dispatch]) -> list[Enrichment | BaseException]:
    """Enrich a batch; if the batch fails, retry one by one so only the culprit fails."""
    try:
        return list(enricher.enrich_many(dispatches))
    except Exception:  # noqa: BLE001 - isolate the failing dispatch below
        results: list[Enrichment | BaseException] = []
        for dispatch in dispatches:
            try:
                results.append(enricher.enrich(dispatch))
            except Exception as exc:  # noqa: BLE001 - becomes a dead letter
                results.append(exc)
        return results


class EnrichAgent:
    """Process batches of raw messages; every message ends as events or a dead letter."""

    def __init__(self, settings: Settings, enricher: Enricher, outputs: Outputs) -> None:
        self.settings = settings
        self.enricher = enricher
        self.outputs = outputs
        # spaCy is not thread-safe: one thread runs every model call, off the event loop.
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="enrich")

    async def __call__(self, stream: faust.StreamT) -> None:
        async for events in stream.take_events(self.settings.batch_size, within=self.settings.batch_wait):
            await self.process(events)

    async def process(self, events: Sequence[faust.EventT]) -> None:
        """Decode, enrich and publish one batch; returns once the broker has acked every output."""
        started = time.perf_counter()
        batch = [self._receive(event.message) for event in events]
        sends: list[Awaitable[Any]] = []
        good = [item for item in batch if item.dispatch is not None]
        for item in batch:
            if item.dispatch is None:
                sends.append(self._dead_letter(item, stage="decode"))
        if good:
            loop = asyncio.get_running_loop()
            dispatches = [item.dispatch for item in good]
            results = await loop.run_in_executor(self.executor, enrich_batch, self.enricher, dispatches)
            for item, result in zip(good, results, strict=True):
                if isinstance(result, BaseException):
                    item.error = result
                    sends.append(self._dead_letter(item, stage="enrich"))
                else:
                    sends.append(self._publish(item, result, started))
        await asyncio.gather(*sends)

    def _receive(self, message: faust.types.Message) -> Received:
        source = Source(
            topic=message.topic,
            partition=message.partition,
            offset=message.offset,
            key=message.key,
            timestamp_ms=int(message.timestamp * 1000) if message.timestamp else None,
        )
        item = Received(source=source, value=message.value)
        try:
            item.dispatch = decode(message.value, message.key, max_bytes=self.settings.max_dispatch_bytes)
        except DecodeError as exc:
            item.error = exc
        return item

    async def _publish(self, item: Received, result: Enrichment, started: float) -> None:
        try:
            enriched = enriched_event(result, item.source)
            sends = [self._send(self.outputs.enriched, enriched["id"], enriched)]
            sends += [self._send(self.outputs.quotes, key, event) for key, event in quote_events(enriched)]
            sends += [self._send(self.outputs.entities, key, event) for key, event in entity_events(enriched)]
            await asyncio.gather(*sends)
        except Exception as exc:  # noqa: BLE001 - an event that cannot be built or sent is a dead letter
            item.error = exc
            await self._dead_letter(item, stage="publish")
            return
        log.info(
            "dispatch.enriched",
            dispatch_id=enriched["id"],
            language=enriched["language"],
            entities=len(enriched["entities"]),
            quotes=len(enriched["quotes"]),
            processing_ms=round((time.perf_counter() - started) * 1000, 1),
            latency_ms=_latency_ms(item.source),
            **_where(item.source),
        )

    async def _dead_letter(self, item: Received, *, stage: str) -> None:
        error = item.error or RuntimeError("unknown failure")
        reason = error.reason if isinstance(error, DecodeError) else f"{stage}_error"
        event = dead_letter_event(
            item.value,
            item.source,
            stage=stage,
            reason=reason,
            error=error,
            dispatch_id=item.dispatch.id if item.dispatch else None,
        )
        key = item.dispatch.id if item.dispatch else None
        await self._send(self.outputs.dlq, key, event)
        log.warning(
            "dispatch.rejected",
            dispatch_id=key,
            reason=reason,
            stage=stage,
            error_class=type(error).__name__,
            error=str(error)[:300],
            **_where(item.source),
        )

    @staticmethod
    async def _send(topic: faust.TopicT, key: str | None, event: dict[str, Any]) -> None:
        """Send one event and wait until the broker has acknowledged it."""
        pending = await topic.send(key=key.encode("utf-8") if key is not None else None, value=dumps(event))
        await pending


def _where(source: Source) -> dict[str, Any]:
    return {"topic": source.topic, "partition": source.partition, "offset": source.offset}


def _latency_ms(source: Source) -> float | None:
    if not source.timestamp_ms:
        return None
    return round(time.time() * 1000 - source.timestamp_ms, 1)


def make_agent(settings: Settings, enricher: Enricher, outputs: Outputs) -> Callable[[faust.StreamT], Awaitable[None]]:
    """The agent coroutine function Faust runs over the raw topic."""
    agent = EnrichAgent(settings, enricher, outputs)

    async def enrich(stream: faust.StreamT) -> None:
        await agent(stream)

    return enrich
