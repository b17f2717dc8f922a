"""The enrichment agent: raw dispatches in; enriched events, quotes, entities or dead letters out.

The agent only wires the NLP core to topics. Its guarantees:

- A message that fails at any stage becomes a dead letter *inside* the loop:
  Faust acks a message whose agent raised (faust-streaming issue 527).
- A batch's offsets are acked only after the broker acknowledged every output
  event (or dead letter) of the batch: delivery is at least once.
- Broker trouble (timeouts, lost connections, leader changes) is retried with
  backoff, never dead-lettered: it is not the message's fault.
- If even a dead letter cannot be written, the process exits at once without
  committing, so the batch is processed again after a restart (`worker.fatal`).
- On SIGTERM the batch in flight is finished before the worker stops (`drain`).
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import faust
from aiokafka.errors import KafkaError, KafkaTimeoutError

from streams.errors import DecodeError
from streams.events import Source, dead_letter_event, dumps, enriched_event, entity_events, quote_events
from streams.logging import get_logger
from streams.nlp.decode import Dispatch, decode
from streams.nlp.enrich import Enricher, Enrichment
from streams.settings import Settings
from streams.stats import WorkerStats

log = get_logger(__name__)

EXIT_FATAL = 70  # EX_SOFTWARE: the supervisor restarts the worker, which re-processes the batch
RETRY_FIRST_S, RETRY_MAX_S = 0.5, 10.0


@dataclass(slots=True)
class Received:
    """A raw message of the current batch and what became of it."""

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


def is_transient(exc: BaseException) -> bool:
    """Broker trouble worth retrying, as opposed to a message the broker refuses."""
    return isinstance(exc, (KafkaTimeoutError, asyncio.TimeoutError, ConnectionError)) or (
        isinstance(exc, KafkaError) and bool(getattr(exc, "retriable", False))
    )


class EnrichAgent:
    """Process batches of raw messages; every message ends as events or a dead letter."""

    def __init__(self, settings: Settings, enricher: Enricher, outputs: Outputs, stats: WorkerStats) -> None:
        self.settings = settings
        self.enricher = enricher
        self.outputs = outputs
        self.stats = stats
        # spaCy is not thread-safe: one thread runs every model call, off the event loop.
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="enrich")
        self.busy = False
        self.draining = False
        self.stopped = asyncio.Event()

    async def __call__(self, stream: faust.StreamT) -> None:
        try:
            async for events in stream.take_events(self.settings.batch_size, within=self.settings.batch_wait):
                self.busy = True
                try:
                    await self.process(events)
                except Exception as exc:  # noqa: BLE001 - nothing may be acked after this
                    log.critical(
                        "worker.fatal",
                        error_class=type(exc).__name__,
                        error=str(exc)[:500],
                        offsets=[e.message.offset for e in events],
                    )
                    os._exit(EXIT_FATAL)
                finally:
                    self.busy = False
                if self.draining:
                    break  # leaving the loop acks the batch just processed
        finally:
            self.stopped.set()

    async def drain(self, timeout: float) -> bool:
        """Stop taking batches; wait (up to `timeout` s) for the one in flight. True when drained."""
        self.draining = True
        if not self.busy:
            return True
        try:
            await asyncio.wait_for(self.stopped.wait(), timeout)
            return True
        except asyncio.TimeoutError:
            return False

    async def process(self, events: Sequence[faust.EventT]) -> None:
        """Decode, enrich and publish one batch; returns once the broker has acked every output."""
        started = time.perf_counter()
        batch = [item for event in events for item in self._receive(event.message)]
        good = [item for item in batch if item.dispatch is not None]
        sends = [self._dead_letter(item, stage="decode") for item in batch if item.dispatch is None]
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

    def _receive(self, message: faust.types.Message) -> list[Received]:
        """The dispatches one raw message holds (a NewsML-G2 newsMessage may hold several)."""
        source = Source(
            topic=message.topic,
            partition=message.partition,
            offset=message.offset,
            key=message.key,
            timestamp_ms=int(message.timestamp * 1000) if message.timestamp else None,
        )
        try:
            dispatches = decode(message.value, message.key, max_bytes=self.settings.max_dispatch_bytes)
        except DecodeError as exc:
            return [Received(source=source, value=message.value, error=exc)]
        return [Received(source=source, value=message.value, dispatch=d) for d in dispatches]

    async def _publish(self, item: Received, result: Enrichment, started: float) -> None:
        try:
            enriched = enriched_event(result, item.source)
            sends = [self._send(self.outputs.enriched, enriched["id"], enriched)]
            sends += [self._send(self.outputs.quotes, key, event) for key, event in quote_events(enriched)]
            sends += [self._send(self.outputs.entities, key, event) for key, event in entity_events(enriched)]
            await asyncio.gather(*sends)
        except Exception as exc:  # noqa: BLE001 - an event the broker refuses makes a dead letter
            item.error = exc
            await self._dead_letter(item, stage="publish")
            return
        latency_ms = _latency_ms(item.source)
        self.stats.enriched(latency_ms)
        log.info(
            "dispatch.enriched",
            dispatch_id=enriched["id"],
            language=enriched["language"],
            entities=len(enriched["entities"]),
            quotes=len(enriched["quotes"]),
            processing_ms=round((time.perf_counter() - started) * 1000, 1),
            latency_ms=latency_ms,
            **_where(item.source),
        )

    async def _dead_letter(self, item: Received, *, stage: str) -> None:
        """Publish the dead letter of `item`; raises only when even that is impossible."""
        error = item.error or RuntimeError("unknown failure")
        reason = error.reason if isinstance(error, DecodeError) else f"{stage}_error"
        key = item.dispatch.id if item.dispatch else None
        event = dead_letter_event(
            item.value,
            item.source,
            stage=stage,
            reason=reason,
            error=error,
            dispatch_id=key,
            max_value_bytes=self.settings.max_dispatch_bytes,
        )
        await self._send(self.outputs.dlq, key, event)
        self.stats.rejected()
        log.warning(
            "dispatch.rejected",
            dispatch_id=key,
            reason=reason,
            stage=stage,
            error_class=type(error).__name__,
            error=str(error)[:300],
            **_where(item.source),
        )

    async def _send(self, topic: faust.TopicT, key: str | None, event: dict[str, Any]) -> None:
        """Send one event and wait for the broker's ack, retrying while the broker is in trouble."""
        value, raw_key = dumps(event), key.encode("utf-8") if key is not None else None
        delay = RETRY_FIRST_S
        while True:
            try:
                pending = await topic.send(key=raw_key, value=value)
                await pending
                return
            except Exception as exc:
                if not is_transient(exc):
                    raise
                log.warning(
                    "broker.unavailable",
                    action="publish",
                    topic=topic.get_topic_name(),
                    error_class=type(exc).__name__,
                    error=str(exc)[:200],
                    retry_in_s=delay,
                )
                await asyncio.sleep(delay)
                delay = min(delay * 2, RETRY_MAX_S)


def _where(source: Source) -> dict[str, Any]:
    return {"topic": source.topic, "partition": source.partition, "offset": source.offset}


def _latency_ms(source: Source) -> float | None:
    if not source.timestamp_ms:
        return None
    return round(time.time() * 1000 - source.timestamp_ms, 1)
