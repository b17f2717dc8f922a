"""Publishing a batch's planned outputs: in input order, retried while the broker is in trouble.

Broker trouble (timeouts, lost connections, leader changes) is transient: retried with backoff,
never dead-lettered, as it is not the message's fault. An event the broker refuses (too large, say)
turns its item into a dead letter; a dead letter it refuses raises, and the caller stops the worker.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

from aiokafka.errors import KafkaError, KafkaTimeoutError

from streams.events import Headers, dumps, record_headers
from streams.kafka.backoff import delays
from streams.logging import get_logger
from streams.pipeline import Received

log = get_logger(__name__)


class Send(Protocol):
    """Hand one message (with its record headers) to the producer; the awaited result is a future the broker's
    ack resolves."""

    def __call__(self, topic: str, key: bytes | None, value: bytes, headers: Headers) -> Awaitable[asyncio.Future]: ...


def is_transient(exc: BaseException) -> bool:
    """Broker trouble worth retrying, as opposed to a message the broker refuses."""
    return isinstance(exc, (KafkaTimeoutError, asyncio.TimeoutError, ConnectionError)) or (
        isinstance(exc, KafkaError) and bool(getattr(exc, "retriable", False))
    )


class Publisher:
    """Sends the outputs of a batch's items and waits for the broker's acks."""

    def __init__(
        self,
        send: Send,
        refuse: Callable[[Received, BaseException], None],
        hold: Callable[[], list[str] | None] | None = None,
    ) -> None:
        self.send = send
        self.refuse = refuse  # re-plans an item whose event the broker refused as a dead letter
        self.hold = hold  # output topics known to be missing (None: not checked yet): nothing is sent meanwhile

    async def publish(self, items: list[Received]) -> None:
        """Send every planned output in order and wait for the acks, retrying while the broker is in trouble.

        Outputs are enqueued in the order of the input, so the events of one key (the versions of a
        dispatch) keep their order on the output topics.
        """
        waits = delays()
        while self.hold is not None and (missing := self.hold()) != []:
            delay = next(waits)
            log.warning(
                "broker.unavailable",
                action="publish",
                error=f"output topics missing: {', '.join(missing)}" if missing else "output topics not checked yet",
                retry_in_s=delay,
            )
            await asyncio.sleep(delay)
        waits = delays()
        pending = items
        while pending:
            sent: list[tuple[Received, Any]] = []
            for item in pending:
                for (topic, _, event), (key, value) in zip(item.outputs, _encoded(item), strict=True):
                    sent.append((item, await self._enqueue(topic, key, value, record_headers(event))))
            outcomes = await asyncio.gather(*(ack for _, ack in sent), return_exceptions=True)
            failed: dict[int, tuple[Received, BaseException]] = {}
            for (item, _), outcome in zip(sent, outcomes, strict=True):
                if isinstance(outcome, BaseException) and id(item) not in failed:
                    failed[id(item)] = (item, outcome)
            transient = [(item, exc) for item, exc in failed.values() if is_transient(exc)]
            refused = [(item, exc) for item, exc in failed.values() if not is_transient(exc)]
            for item, exc in refused:
                if item.dead_letter:
                    raise exc  # even the dead letter cannot be written
                self.refuse(item, exc)
            if transient:
                item, exc = transient[0]
                delay = next(waits)
                log.warning(
                    "broker.unavailable",
                    action="publish",
                    error_class=type(exc).__name__,
                    error=str(exc)[:200],
                    retry_in_s=delay,
                    messages=len(transient),
                )
                await asyncio.sleep(delay)
            # again, in input order, from the first item that failed: a later version of a key must not be
            # overtaken by an earlier one (what is sent twice is a duplicate, which subscribers can drop)
            first = next((i for i, item in enumerate(pending) if id(item) in failed), len(pending))
            pending = pending[first:]

    async def _enqueue(self, topic: str, key: bytes | None, value: bytes, headers: Headers) -> asyncio.Future:
        """Hand one event to the producer now, keeping order; the future resolves on the broker's ack."""
        try:
            return await self.send(topic, key, value, headers)
        except Exception as exc:  # noqa: BLE001 - refused at once (too large, no metadata): an outcome like any
            failed = asyncio.get_running_loop().create_future()
            failed.set_exception(exc)
            return failed


def _encoded(item: Received) -> list[tuple[bytes | None, bytes]]:
    """An item's outputs as (key, value) bytes: as the pipeline serialised them, else serialised here."""
    if len(item.encoded) == len(item.outputs):
        return item.encoded
    return [(key.encode("utf-8") if key is not None else None, dumps(event)) for _, key, event in item.outputs]
