"""Every subclass or override of a Faust, aiokafka or mode internal, each with its reason.

A rename upstream would turn an override into dead code without an error (Faust's 1.5 s fetch wait,
or the restart data loss, would come back silently). So the libraries are pinned in pyproject.toml to
`WRITTEN_AGAINST`, and the worker checks the installed versions at start (`check_versions`).

Tests: tests/unit/test_faust_compat.py (each override against the upstream names it relies on),
tests/unit/test_consumer_seek.py (the seek fix), tests/integration/test_fetch_wait.py (the running
consumer's fetch wait), tests/integration/test_reliability.py (SIGTERM drain, restarted workers) and
tests/unit/test_hostile.py (the producer's errors).
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import AsyncIterator, Callable
from importlib import metadata
from typing import Any

import faust
from faust.exceptions import ProducerSendError
from faust.transport.drivers import aiokafka as aiokafka_driver
from faust.transport.drivers.aiokafka import ensure_aiokafka_TPset
from faust.types import TP, Message
from packaging.specifiers import SpecifierSet
from packaging.version import InvalidVersion, Version

from streams.errors import LibraryVersionError
from streams.events import Headers
from streams.kafka.publisher import Send
from streams.logging import get_logger

log = get_logger(__name__)

# The versions the overrides below were written against and tested with (pyproject.toml pins the same).
WRITTEN_AGAINST = {
    "faust-streaming": ">=0.15.2,<0.16",
    "aiokafka": ">=0.14.0,<0.15",
    "mode-streaming": ">=0.7.1,<0.8",
}
SEEK_SETTLE_STEPS = 500  # a seek waits up to 500 x 10 ms for the record being delivered to reach the stream


def check_versions(installed: Callable[[str], str] | None = None) -> None:
    """Raise LibraryVersionError, naming the library, when one is outside the range written against."""
    for name, wanted in WRITTEN_AGAINST.items():
        try:
            version = (installed or metadata.version)(name)
            ok = Version(version) in SpecifierSet(wanted)
        except metadata.PackageNotFoundError:
            version, ok = "(none)", False
        except InvalidVersion:
            ok = False
        if not ok:
            raise LibraryVersionError(
                f"{name} {version} is installed, but streams/kafka/faust_compat.py was written against "
                f"{name}{wanted}: install a version in that range"
            )


def check_codecs() -> None:
    """Raise LibraryVersionError unless the consumer can read every Kafka compression codec.

    aiokafka decompresses snappy, lz4 and zstd with cramjam (gzip with the standard library). Without it, one
    compressed batch (Java producers, Kafka Connect and topics with compression.type send them) stops the
    fetcher with UnsupportedCodecError on every restart, before any message reaches the agent.
    """
    from aiokafka import codec

    missing = [name for name in ("gzip", "snappy", "lz4", "zstd") if not getattr(codec, f"has_{name}")()]
    if missing:
        raise LibraryVersionError(
            f"aiokafka cannot decompress {', '.join(missing)}: install cramjam (a dependency of wirestream)"
        )


class ConsumerThread(aiokafka_driver.AIOKafkaConsumerThread):
    """Faust's consumer thread, with the configured fetch wait and a way to pause partitions in aiokafka."""

    def _create_worker_consumer(self, transport: Any) -> Any:
        consumer = super()._create_worker_consumer(transport)
        # Faust passes a fixed fetch_max_wait_ms=1500: a new message could wait that long for its fetch.
        # aiokafka reads the attribute when the consumer starts (it builds its fetcher then), so this takes effect.
        consumer._fetch_max_wait_ms = self.app.fetch_max_wait_ms
        return consumer

    async def hold(self, tps: set[TP], held: bool) -> None:
        """Pause (or resume) fetching `tps` in aiokafka itself, for those still assigned (the seek fix)."""

        async def apply() -> None:
            consumer = self._ensure_consumer()
            assigned = ensure_aiokafka_TPset(tps) & consumer.assignment()
            (consumer.pause if held else consumer.resume)(*assigned)

        await self.call_thread(apply)


class Consumer(aiokafka_driver.Consumer):
    """Faust's consumer, with no record fetched before a seek delivered after it.

    After a rebalance, Faust's table recovery resumes the stream partitions and then
    seeks them to their committed offsets. Records fetched before that seek were still
    being delivered during and after it: they moved Faust's read offsets past the seek,
    so the records read again from the committed offsets were dropped as already read,
    and the skipped offsets were taken for a gap and committed. A worker restarted on a
    backlog lost messages that way. Here every partition is paused while the seek runs,
    and the seek waits for the record being delivered, so a fetched batch stops at the
    seek and everything after the committed offsets is read again.

    The pause is Faust's (its getmany drops records of partitions it has paused) and
    aiokafka's too, from just before the seek until Faust's pause is lifted: with Faust's
    alone, a fetch in flight could take records of the paused partitions past the seek
    (aiokafka reads an empty partition set as "all") and Faust then dropped them: the
    worker never processed them.
    """

    _delivering = False  # a record handed to the stream has not been taken yet
    _thread: ConsumerThread

    def _new_consumer_thread(self) -> ConsumerThread:
        return ConsumerThread(self, loop=self.loop, beacon=self.beacon)

    async def getmany(self, timeout: float) -> AsyncIterator[tuple[TP, Message]]:
        async for tp, message in super().getmany(timeout):
            self._delivering = True
            try:
                yield tp, message
            finally:
                self._delivering = False

    async def perform_seek(self) -> None:
        active = set(self._get_active_partitions())
        self.pause_partitions(active)  # the batch being delivered skips records of paused partitions
        held = False
        try:
            for _ in range(SEEK_SETTLE_STEPS):
                if not self._delivering:
                    break
                await asyncio.sleep(0.01)
            await self._thread.hold(active, held=True)
            held = True
            await super().perform_seek()
        finally:
            self.resume_partitions(active)
            if held:
                await self._thread.hold(active, held=False)


class Transport(aiokafka_driver.Transport):
    """Faust's aiokafka transport, building the consumer above (Faust has no setting for its class)."""

    Consumer = Consumer


class App(faust.App):
    """Faust's app on the transport above, with the consumer's fetch wait as a setting."""

    fetch_max_wait_ms: int = 1500  # Faust's own; create_app sets WIRESTREAM_FETCH_MAX_WAIT

    def _new_transport(self) -> Transport:
        return Transport(self.conf.broker_consumer, self)


class Worker(faust.Worker):
    """Faust's worker, stopping only once the batch in flight is finished and committed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.spinner = None  # a terminal spinner would mix escape codes into the JSON log stream

    # mode installs these as the loop's SIGTERM and SIGINT handlers; its own stop at once.
    def _on_sigterm(self) -> None:
        self.add_future(self._drain_then_stop(signal.SIGTERM))

    def _on_sigint(self) -> None:
        self.add_future(self._drain_then_stop(signal.SIGINT))

    async def _drain_then_stop(self, signum: signal.Signals) -> None:
        agent = getattr(self.app, "enrich_agent", None)
        drained = await agent.drain() if agent else True
        log.info("worker.stopping", signal=signum.name, drained=drained)
        self._schedule_shutdown(signum)


def producer_send(app: faust.App) -> Send:
    """Send straight through the app's (aiokafka) producer, one call per message.

    Faust's `topic.send` wraps the same call in future messages, codecs and sensor callbacks, about 60 %
    of the agent's send path under cProfile (bench/README.md, finding 14). The agent needs none of them:
    its events are serialised already, and it waits for the acks itself. The transport producer's `send`
    takes partition, timestamp and headers positionally (each event's `schema` header).
    """

    async def send(topic: str, key: bytes | None, value: bytes, headers: Headers) -> asyncio.Future:
        producer = await app.maybe_start_producer()
        try:
            return await producer.send(topic, key, value, None, None, headers)
        except ProducerSendError as exc:  # Faust's wrapper: the agent tells Kafka's errors apart (transient or not)
            raise (exc.__cause__ or exc) from None

    return send
