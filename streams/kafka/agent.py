"""The enrichment agent: batches of raw dispatches from Faust, through the pipeline, out through the publisher.

The agent only wires `streams.pipeline` to topics. Its guarantees:

- A message that fails at any stage becomes a dead letter *inside* the loop:
  Faust acks a message whose agent raised (faust-streaming issue 527).
- A batch's offsets are acked only after the broker acknowledged every output
  event (or dead letter) of the batch: delivery is at least once.
- Batches are pipelined: while the enrichment process works on one batch, the
  worker decodes the next one (queued behind it) and builds and publishes the
  events of the one before, so the models never wait for the worker's own work.
  At most `PIPELINE_DEPTH` batches are between taken and acked; they are
  published and acked one at a time, in the order they were taken.
- Broker trouble is retried with backoff, never dead-lettered (`publisher`).
- If even a dead letter cannot be written, the process exits at once without
  committing, so the batch is processed again after a restart (`worker.fatal`).
  Dead letters are bounded (`streams.pipeline`), so that is the broker refusing
  what must succeed (a missing topic, an ACL, a size limit below the setting).
- Enrichment runs in a child process with a time budget per dispatch
  (`streams.enrich_process`): a slow message is dead-lettered, the event loop,
  health endpoint and heartbeats never wait for it.
- On SIGTERM the batch in flight is finished before the worker stops (`drain`);
  one that does not finish in time is left unacknowledged for the successor
  (the enrichment process is killed so the stop does not wait for it).
"""

from __future__ import annotations

import asyncio
import os
import time
from collections import deque
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NoReturn

from streams.errors import EnrichAborted
from streams.events import Source
from streams.kafka.publisher import Publisher
from streams.logging import get_logger
from streams.pipeline import Pipeline, Plan, Received
from streams.settings import AgentConfig
from streams.stats import WorkerStats

if TYPE_CHECKING:
    import faust

log = get_logger(__name__)

# A batch holds at most this many bytes of message values (besides WIRESTREAM_BATCH_SIZE messages): what the worker
# holds of a batch's results and events grows with its text (about 40 MB per MB of quote-dense text).
MAX_BATCH_BYTES = 2_000_000
EXIT_FATAL = 70  # EX_SOFTWARE: the supervisor restarts the worker, which re-processes the batch
PIPELINE_DEPTH = 2  # batches between taken and acked: one in the enrichment process, one queued behind it
DRAIN_TIMEOUT_S = 7.0  # SIGTERM: the batch in flight gets this long to finish (the whole stop stays under 10 s)


@dataclass(slots=True)
class Batch:
    """The raw events taken together, and the plan of what to publish for them."""

    events: Sequence[faust.EventT]
    plan: Plan
    started: float


class EnrichAgent:
    """Process batches of raw messages; every message ends as events or a dead letter."""

    def __init__(self, config: AgentConfig, pipeline: Pipeline, publisher: Publisher, stats: WorkerStats) -> None:
        self.config = config
        self.pipeline = pipeline
        self.publisher = publisher
        self.stats = stats
        # spaCy is not thread-safe: one thread runs every model call, off the event loop.
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="enrich")
        self.batches: deque[asyncio.Future[bool]] = deque()  # taken and not yet acked, oldest first
        self.draining = False

    async def __call__(self, stream: faust.StreamT) -> None:
        # Acks are manual, and only manual: a stream with acks on would ack the messages still buffered
        # once this loop is left (on SIGTERM), unprocessed, and they would be committed.
        manual = stream.noack()
        try:
            async for taken in manual.noack_take(self.config.batch_size, within=self.config.batch_wait):
                for events in by_size(taken, MAX_BATCH_BYTES):  # large messages: smaller batches, in order
                    while len(self.batches) >= PIPELINE_DEPTH:
                        await asyncio.wait([self.batches.popleft()])
                    if self.draining:
                        break
                    previous = self.batches[-1] if self.batches else None
                    self.batches.append(asyncio.ensure_future(self.process(stream, events, previous)))
                if self.draining:
                    break
        finally:
            if self.batches:
                await asyncio.wait(list(self.batches))

    async def process(
        self, stream: faust.StreamT, events: Sequence[faust.EventT], previous: asyncio.Future[bool] | None
    ) -> bool:
        """Enrich a batch, then, once the batch taken before it is acked, publish it and ack it.

        False when the batch is left unacked for the successor: the worker is stopping (this batch's enrichment
        or an earlier batch's was cut short).
        """
        batch = None
        try:
            batch = await self.prepare(events)
        except EnrichAborted:
            self.draining = True  # stopping: the batch is left unacked, for the successor
        except Exception as exc:  # noqa: BLE001 - nothing may be acked after this
            _fatal(exc, events, action=PREPARE_ACTION)
        if previous is not None and not await previous:
            return False  # offsets are committed in order: nothing after an unacked batch is acked
        if batch is None:
            return False
        await self.settle(stream, batch)
        return True

    async def drain(self, timeout: float = DRAIN_TIMEOUT_S) -> bool:
        """Stop taking batches; wait (up to `timeout` s) for those taken to be acked. True when drained."""
        self.draining = True
        try:
            async with asyncio.timeout(timeout):
                if self.batches:
                    await asyncio.wait(list(self.batches))
            return True
        except TimeoutError:
            abort = getattr(self.pipeline.enricher, "abort", None)
            if abort is not None:
                abort()  # the enrichment process is killed; the batch in it is left unacked
            return False

    async def prepare(self, events: Sequence[faust.EventT]) -> Batch:
        """Decode, de-duplicate and enrich a batch (the models off the event loop), and plan its outputs."""
        started = time.perf_counter()
        self.stats.batch(len(events))
        plan = self.pipeline.receive([(source_of(event.message), _value(event.message)) for event in events])
        for item in plan.skipped:
            self._skipped(item)
        if plan.to_enrich:
            await asyncio.get_running_loop().run_in_executor(self.executor, self.pipeline.enrich, plan)
        return Batch(events=events, plan=self.pipeline.finish(plan), started=started)

    async def settle(self, stream: faust.StreamT, batch: Batch) -> None:
        """Publish a batch, log what became of each item, then ack its offsets in order."""
        try:
            await self.publisher.publish(batch.plan.items)
        except Exception as exc:  # noqa: BLE001 - nothing may be acked after this
            _fatal(exc, batch.events, action=PUBLISH_ACTION)
        for item in batch.plan.items:
            try:
                self._report(item, batch.started)
            except Exception as exc:  # noqa: BLE001 - its outputs are published: ack it whatever the log says
                log.error(
                    "dispatch.unreported", error_class=type(exc).__name__, error=str(exc)[:300], **_where(item.source)
                )
        for event in batch.events:
            await stream.ack(event)

    def _report(self, item: Received, started: float) -> None:
        """Log what became of an item once its outputs are acknowledged; the ledger remembers its version."""
        self.pipeline.settle(item)
        where = _where(item.source)
        if item.error is not None:
            self.stats.rejected(item.reason)
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
            self.stats.withdrawn()
            log.info(
                "dispatch.withdrawn", dispatch_id=dispatch.id, version=dispatch.version, status=dispatch.status, **where
            )
            return
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

    def _skipped(self, item: Received) -> None:
        self.stats.skipped(item.skipped)
        log.info(
            f"dispatch.{item.skipped}",
            dispatch_id=item.dispatch.id,
            version=item.dispatch.version,
            latest_version=item.latest_version,
            **_where(item.source),
        )


PUBLISH_ACTION = (
    "the broker refused a dead letter, which is at most WIRESTREAM_MAX_RECORD_BYTES: check that the dead-letter "
    "topic exists, that this worker may write to it, and that its max.message.bytes (and the brokers' "
    "message.max.bytes) is at least WIRESTREAM_MAX_RECORD_BYTES; the worker restarts on the same batch until then"
)
PREPARE_ACTION = (
    "a batch could not be prepared (a bug, or the enrichment process cannot start: read the lines before this "
    "one); the worker restarts on the same batch"
)


def by_size(events: Sequence[faust.EventT], limit: int) -> list[Sequence[faust.EventT]]:
    """The events in order, in consecutive groups of at most `limit` bytes of values (a larger one alone)."""
    groups: list[list[faust.EventT]] = []
    size = 0
    for event in events:
        value = getattr(event.message, "value", None)
        length = len(value) if isinstance(value, bytes) else 0
        if not groups or (size + length > limit and groups[-1]):
            groups.append([])
            size = 0
        groups[-1].append(event)
        size += length
    return groups


def source_of(message: faust.types.Message) -> Source:
    """Where a raw message came from, as the events say it; whatever the record holds, this never raises."""
    key = message.key if isinstance(message.key, bytes) else None
    return Source(
        topic=message.topic if isinstance(message.topic, str) else None,
        partition=message.partition if isinstance(message.partition, int) else None,
        offset=message.offset if isinstance(message.offset, int) else None,
        key=key,
        timestamp_ms=_timestamp_ms(message.timestamp),
    )


def _timestamp_ms(timestamp: object) -> int | None:
    """A record's timestamp (seconds, as Faust gives it) in ms; None if absent or not a finite number."""
    if not isinstance(timestamp, (int, float)) or isinstance(timestamp, bool) or not timestamp:
        return None
    try:
        return int(timestamp * 1000)
    except (OverflowError, ValueError):  # inf, nan
        return None


def _value(message: faust.types.Message) -> bytes | None:
    value = message.value
    return value if isinstance(value, bytes) or value is None else None


def _fatal(exc: BaseException, events: Sequence[faust.EventT], *, action: str) -> NoReturn:
    """Stop the process at once, acking nothing: the batch is processed again after a restart."""
    log.critical(
        "worker.fatal",
        error_class=type(exc).__name__,
        error=str(exc)[:500],
        action=action,
        offsets=[getattr(e.message, "offset", None) for e in events],
    )
    os._exit(EXIT_FATAL)


def _where(source: Source) -> dict[str, Any]:
    return {"topic": source.topic, "partition": source.partition, "offset": source.offset}


def _latency_ms(source: Source) -> float | None:
    """Raw timestamp -> now; None when there is no usable timestamp (absent, negative, or in the future)."""
    now_ms = time.time() * 1000
    if not source.timestamp_ms or not 0 < source.timestamp_ms <= now_ms + 60_000:
        return None
    return round(now_ms - source.timestamp_ms, 1)
