"""The enrichment agent: raw dispatches in; enriched events, quotes, entities or dead letters out.

The agent only wires the NLP core to topics. Its guarantees:

- A message that fails at any stage becomes a dead letter *inside* the loop:
  Faust acks a message whose agent raised (faust-streaming issue 527).
- A batch's offsets are acked only after the broker acknowledged every output
  event (or dead letter) of the batch: delivery is at least once.
- Batches are pipelined: while the broker acknowledges one batch's events, the
  next batch is already being enriched. Batches are published and acked one at
  a time, in the order they were taken.
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
from collections.abc import Awaitable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, NoReturn, Protocol

import faust
from aiokafka.errors import KafkaError, KafkaTimeoutError

from streams.errors import DecodeError
from streams.events import (
    Source,
    content_digest,
    dead_letter_event,
    dumps,
    enriched_event,
    entity_events,
    quote_events,
    withdrawn_event,
)
from streams.logging import get_logger
from streams.nlp.enrich import Enricher, Enrichment
from streams.settings import Settings
from streams.stats import WorkerStats
from streams.wire.decode import Dispatch, decode

log = get_logger(__name__)

EXIT_FATAL = 70  # EX_SOFTWARE: the supervisor restarts the worker, which re-processes the batch
RETRY_FIRST_S, RETRY_MAX_S = 0.5, 10.0
# A dead letter keeps at most this much of the original value (base64 makes it a third larger), so that it
# fits a default Kafka message size limit of 1 MiB; `wirestream replay` re-reads longer values from the source.
DLQ_VALUE_LIMIT = 512 * 1024


@dataclass(slots=True)
class Received:
    """A raw message of the current batch and what became of it."""

    source: Source
    value: bytes | None
    dispatch: Dispatch | None = None
    error: BaseException | None = None
    supersedes: int | None = None  # the version this one replaces, if one was published
    digest: str | None = None
    result: Enrichment | None = None
    stage: str = "decode"  # where it failed, when it failed
    reason: str | None = None
    outputs: list[tuple[str, str | None, dict[str, Any]]] = field(default_factory=list)  # (topic, key, event)
    claim: dict[str, Any] | None = None  # its entry among the versions being published


@dataclass(slots=True)
class Batch:
    """The raw events taken together, and the items to publish for them, in input order."""

    events: Sequence[faust.EventT]
    items: list[Received]
    started: float


class Send(Protocol):
    """Hand one message to the producer; the awaited result is a future the broker's ack resolves."""

    def __call__(self, topic: str, key: bytes | None, value: bytes) -> Awaitable[asyncio.Future]: ...


@dataclass(slots=True)
class Outputs:
    """The topics the agent writes to, by name, and how it sends to them."""

    enriched: str
    quotes: str
    entities: str
    dlq: str
    send: Send


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

    def __init__(
        self, settings: Settings, enricher: Enricher, outputs: Outputs, stats: WorkerStats, versions: Any
    ) -> None:
        self.settings = settings
        self.versions = versions  # Faust table: dispatch id -> {"version", "digest"} of the last one published
        self.enricher = enricher
        self.outputs = outputs
        self.stats = stats
        # spaCy is not thread-safe: one thread runs every model call, off the event loop.
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="enrich")
        # Dispatch id -> {"version", "digest"} of versions on their way out but not yet in the table.
        self.claims: dict[str, dict[str, Any]] = {}
        self.inflight: asyncio.Future | None = None  # the batch being published
        self.busy = False  # a batch is being prepared
        self.draining = False
        self.stopped = asyncio.Event()

    async def __call__(self, stream: faust.StreamT) -> None:
        # Acks are manual, and only manual: a stream with acks on would ack the messages still buffered
        # once this loop is left (on SIGTERM), unprocessed, and they would be committed.
        manual = stream.noack()
        try:
            async for events in manual.noack_take(self.settings.batch_size, within=self.settings.batch_wait):
                self.busy = True
                try:
                    batch = await self.prepare(events)
                    if self.inflight is not None:
                        await self.inflight  # one batch published at a time, in the order taken
                    self.inflight = asyncio.ensure_future(self.settle(stream, batch))
                except Exception as exc:  # noqa: BLE001 - nothing may be acked after this
                    _fatal(exc, events)
                finally:
                    self.busy = False
                if self.draining:
                    break
        finally:
            if self.inflight is not None and not self.inflight.done():
                await asyncio.wait([self.inflight])
            self.stopped.set()

    async def drain(self, timeout: float) -> bool:
        """Stop taking batches; wait (up to `timeout` s) for those in flight to be acked. True when drained."""
        self.draining = True
        try:
            async with asyncio.timeout(timeout):
                if self.busy:
                    await self.stopped.wait()
                elif self.inflight is not None:
                    await asyncio.wait([self.inflight])
            return True
        except TimeoutError:
            return False

    async def prepare(self, events: Sequence[faust.EventT]) -> Batch:
        """Decode, de-duplicate and enrich a batch, and plan the events each item becomes."""
        started = time.perf_counter()
        batch = [item for event in events for item in self._receive(event.message)]
        fresh = self._new_versions([item for item in batch if item.dispatch is not None])
        to_enrich = [item for item in fresh if not item.dispatch.withdrawn]
        if to_enrich:
            loop = asyncio.get_running_loop()
            dispatches = [item.dispatch for item in to_enrich]
            results = await loop.run_in_executor(self.executor, enrich_batch, self.enricher, dispatches)
            for item, result in zip(to_enrich, results, strict=True):
                if isinstance(result, BaseException):
                    item.error, item.stage = result, "enrich"
                else:
                    item.result = result
        keep = {id(item) for item in fresh}
        plan = [item for item in batch if item.dispatch is None or id(item) in keep]
        for item in plan:
            self._plan_outputs(item)
        return Batch(events=events, items=plan, started=started)

    async def settle(self, stream: faust.StreamT, batch: Batch) -> None:
        """Publish a batch, log what became of each item, then ack its offsets in order."""
        try:
            await self.publish(batch.items)
        except Exception as exc:  # noqa: BLE001 - nothing may be acked after this
            _fatal(exc, batch.events)
        for item in batch.items:
            self._report(item, batch.started)
        for event in batch.events:
            await stream.ack(event)

    def _plan_outputs(self, item: Received) -> None:
        """The events one item becomes: enriched (+ quotes, entities), withdrawn, or a dead letter."""
        if item.error is None:
            try:
                if item.result is not None:
                    enriched = enriched_event(item.result, item.source, supersedes=item.supersedes)
                    item.outputs = [(self.outputs.enriched, enriched["id"], enriched)]
                    item.outputs += [(self.outputs.quotes, key, event) for key, event in quote_events(enriched)]
                    item.outputs += [(self.outputs.entities, key, event) for key, event in entity_events(enriched)]
                else:
                    withdrawn = withdrawn_event(item.dispatch, item.source, supersedes=item.supersedes)
                    item.outputs = [(self.outputs.enriched, withdrawn["id"], withdrawn)]
                return
            except Exception as exc:  # noqa: BLE001 - an event that cannot be built makes a dead letter
                item.error, item.stage = exc, "publish"
        error = item.error
        item.reason = error.reason if isinstance(error, DecodeError) else f"{item.stage}_error"
        key = item.dispatch.id if item.dispatch else None
        letter = dead_letter_event(
            item.value,
            item.source,
            stage=item.stage,
            reason=item.reason,
            error=error,
            dispatch_id=key,
            max_value_bytes=min(self.settings.max_dispatch_bytes, DLQ_VALUE_LIMIT),
        )
        item.outputs = [(self.outputs.dlq, key, letter)]

    async def publish(self, plan: list[Received]) -> None:
        """Send every planned output in order and wait for the acks, retrying while the broker is in trouble.

        Outputs are enqueued in the order of the input, so the events of one key
        (the versions of a dispatch) keep their order on the output topics. An
        output the broker refuses turns its item into a dead letter; a dead
        letter the broker refuses raises (the caller stops the worker).
        """
        delay = RETRY_FIRST_S
        pending = plan
        while pending:
            sent: list[tuple[Received, Any]] = []
            for item in pending:
                for topic, key, event in item.outputs:
                    sent.append((item, await self._enqueue(topic, key, event)))
            outcomes = await asyncio.gather(*(ack for _, ack in sent), return_exceptions=True)
            failed: dict[int, tuple[Received, BaseException]] = {}
            for (item, _), outcome in zip(sent, outcomes, strict=True):
                if isinstance(outcome, BaseException) and id(item) not in failed:
                    failed[id(item)] = (item, outcome)
            transient = [(item, exc) for item, exc in failed.values() if is_transient(exc)]
            refused = [(item, exc) for item, exc in failed.values() if not is_transient(exc)]
            for item, exc in refused:
                if item.outputs and item.outputs[0][0] == self.outputs.dlq:
                    raise exc  # even the dead letter cannot be written
                item.error, item.stage, item.result = exc, "publish", None
                self._plan_outputs(item)
            if transient:
                item, exc = transient[0]
                log.warning(
                    "broker.unavailable",
                    action="publish",
                    error_class=type(exc).__name__,
                    error=str(exc)[:200],
                    retry_in_s=delay,
                    messages=len(transient),
                )
                await asyncio.sleep(delay)
                delay = min(delay * 2, RETRY_MAX_S)
            # again, in input order, from the first item that failed: a later version of a key must not be
            # overtaken by an earlier one (what is sent twice is a duplicate, which subscribers can drop)
            first = next((i for i, item in enumerate(pending) if id(item) in failed), len(pending))
            pending = pending[first:]

    async def _enqueue(self, topic: str, key: str | None, event: dict[str, Any]) -> asyncio.Future:
        """Hand one event to the producer now, keeping order; the future resolves on the broker's ack."""
        raw_key = key.encode("utf-8") if key is not None else None
        try:
            return await self.outputs.send(topic, raw_key, dumps(event))
        except Exception as exc:  # noqa: BLE001 - refused at once (too large, no metadata): an outcome like any
            failed = asyncio.get_running_loop().create_future()
            failed.set_exception(exc)
            return failed

    def _report(self, item: Received, started: float) -> None:
        """Log what became of an item once its outputs are acknowledged, and remember its version."""
        where = _where(item.source)
        if item.claim is not None and self.claims.get(item.dispatch.id) is item.claim:
            del self.claims[item.dispatch.id]
        if item.error is not None:
            self.stats.rejected()
            log.warning(
                "dispatch.rejected",
                dispatch_id=item.dispatch.id if item.dispatch else None,
                reason=item.reason,
                stage=item.stage,
                error_class=type(item.error).__name__,
                error=str(item.error)[:300],
                **where,
            )
            return
        dispatch = item.dispatch
        if item.result is None:
            self._remember(item, dispatch.version)
            log.info(
                "dispatch.withdrawn", dispatch_id=dispatch.id, version=dispatch.version, status=dispatch.status, **where
            )
            return
        self._remember(item, item.result.version)
        event = item.outputs[0][2]
        latency_ms = _latency_ms(item.source)
        self.stats.enriched(latency_ms)
        log.info(
            "dispatch.enriched",
            dispatch_id=dispatch.id,
            language=event["language"],
            entities=len(event["entities"]),
            quotes=len(event["quotes"]),
            processing_ms=round((time.perf_counter() - started) * 1000, 1),
            latency_ms=latency_ms,
            **where,
        )

    def _new_versions(self, items: list[Received]) -> list[Received]:
        """Drop exact re-deliveries and versions older than one already published; note what each replaces."""
        fresh: list[Received] = []
        for item in items:
            dispatch = item.dispatch
            digest = content_digest(dispatch, dispatch.version)
            # versions of this batch and of the one being published count too
            seen = self.claims.get(dispatch.id) or self.versions.get(dispatch.id)
            if seen and seen["digest"] == digest:
                self._skip(item, "duplicate", seen)
                continue
            if seen and None not in (seen["version"], dispatch.version) and dispatch.version < seen["version"]:
                self._skip(item, "stale", seen)
                continue
            item.supersedes = seen["version"] if seen else None
            item.digest = digest
            item.claim = self.claims[dispatch.id] = {"version": dispatch.version, "digest": digest}
            fresh.append(item)
        return fresh

    def _skip(self, item: Received, why: str, seen: dict[str, Any]) -> None:
        self.stats.skipped()
        log.info(
            f"dispatch.{why}",
            dispatch_id=item.dispatch.id,
            version=item.dispatch.version,
            latest_version=seen["version"],
            **_where(item.source),
        )

    def _remember(self, item: Received, version: int | None) -> None:
        self.versions[item.dispatch.id] = {"version": version, "digest": item.digest}

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


def _fatal(exc: BaseException, events: Sequence[faust.EventT]) -> NoReturn:
    """Stop the process at once, acking nothing: the batch is processed again after a restart."""
    log.critical(
        "worker.fatal",
        error_class=type(exc).__name__,
        error=str(exc)[:500],
        offsets=[e.message.offset for e in events],
    )
    os._exit(EXIT_FATAL)


def _where(source: Source) -> dict[str, Any]:
    return {"topic": source.topic, "partition": source.partition, "offset": source.offset}


def _latency_ms(source: Source) -> float | None:
    if not source.timestamp_ms:
        return None
    return round(time.time() * 1000 - source.timestamp_ms, 1)
