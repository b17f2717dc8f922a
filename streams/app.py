"""The Faust app, built from settings by a factory; its health endpoint, stats and shutdown."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import AsyncIterator
from typing import Any

import faust
from aiokafka.helpers import create_ssl_context
from faust.exceptions import ProducerSendError
from faust.transport.drivers import aiokafka as aiokafka_driver
from faust.transport.drivers.aiokafka import ensure_aiokafka_TPset
from faust.types import TP, Message
from faust.web import Request, Response, View

from streams.agents import EnrichAgent, Outputs, Send
from streams.logging import get_logger
from streams.nlp.enrich import Enricher
from streams.settings import Settings
from streams.stats import WorkerStats, consumer_lag
from streams.topics import VERSIONS_TABLE

log = get_logger(__name__)

DRAIN_TIMEOUT_S = 8.0  # SIGTERM: the batch in flight gets this long to finish (the whole stop stays under 10 s)
SEEK_SETTLE_STEPS = 500  # a seek waits up to 500 x 10 ms for the record being delivered to reach the stream


def credentials(settings: Settings) -> faust.types.auth.CredentialsT | None:
    """Faust credentials for the configured security protocol (None for PLAINTEXT)."""
    ssl_context = None
    if settings.security_protocol.endswith("SSL"):
        ssl_context = create_ssl_context(
            cafile=settings.ssl_cafile or None,
            certfile=settings.ssl_certfile or None,
            keyfile=settings.ssl_keyfile or None,
        )
    if settings.security_protocol.startswith("SASL"):
        return faust.SASLCredentials(
            username=settings.sasl_username,
            password=settings.sasl_password,
            mechanism=settings.sasl_mechanism,
            ssl_context=ssl_context,
        )
    return faust.SSLCredentials(ssl_context) if ssl_context else None


class _ConsumerThread(aiokafka_driver.AIOKafkaConsumerThread):
    def _create_worker_consumer(self, transport: Any) -> Any:
        consumer = super()._create_worker_consumer(transport)
        # Faust passes a fixed fetch_max_wait_ms=1500: a new message could wait that long for its fetch.
        # The consumer reads the value when it starts, so setting it here takes effect.
        consumer._fetch_max_wait_ms = self.app.fetch_max_wait_ms
        return consumer

    async def hold(self, tps: set[TP], held: bool) -> None:
        """Pause (or resume) fetching `tps` in aiokafka itself, for those still assigned."""

        async def apply() -> None:
            consumer = self._ensure_consumer()
            assigned = ensure_aiokafka_TPset(tps) & consumer.assignment()
            (consumer.pause if held else consumer.resume)(*assigned)

        await self.call_thread(apply)


class _Consumer(aiokafka_driver.Consumer):
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
    _thread: _ConsumerThread

    def _new_consumer_thread(self) -> _ConsumerThread:
        return _ConsumerThread(self, loop=self.loop, beacon=self.beacon)

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


class _Transport(aiokafka_driver.Transport):
    Consumer = _Consumer


class App(faust.App):
    """Faust's app, with the consumer's fetch wait as a setting (`WIRESTREAM_FETCH_MAX_WAIT`)."""

    fetch_max_wait_ms: int = 1500

    def _new_transport(self) -> _Transport:
        return _Transport(self.conf.broker_consumer, self)


def create_app(settings: Settings, enricher: Enricher | None = None) -> faust.App:
    """A Faust app with the enrichment agent on the raw topic (`app.enrich_agent`, `app.worker_stats`)."""
    app = App(
        settings.app_id,
        broker=settings.broker,
        broker_credentials=credentials(settings),
        store="memory://",
        autodiscover=False,
        web_enabled=settings.health_port > 0,
        web_port=settings.health_port or 6066,
        web_bind="0.0.0.0",
        topic_replication_factor=settings.replication_factor,
        topic_partitions=settings.partitions,
        topic_allow_declare=settings.create_topics,
        broker_session_timeout=settings.session_timeout,
        broker_heartbeat_interval=settings.heartbeat_interval,
        broker_commit_interval=settings.commit_interval,
        consumer_auto_offset_reset="earliest",
        consumer_max_fetch_size=max(4 * 1024 * 1024, 2 * settings.max_dispatch_bytes),
        producer_max_request_size=4 * settings.max_dispatch_bytes + 1024 * 1024,
        producer_acks=-1,
        # Each dispatch becomes ~30 events, and a batch's are sent at once: per-partition batches of up to
        # 256 KiB (Faust: 16 KiB) and a 5 ms linger send them in a few requests instead of dozens, which saves
        # the broker and the event loop CPU next to the models (bench/README.md, finding 14).
        producer_max_batch_size=256 * 1024,
        producer_linger=0.005,
        stream_wait_empty=False,  # on stop, commit what was processed; the rest is consumed again later
    )
    app.fetch_max_wait_ms = int(settings.fetch_max_wait * 1000)
    raw = app.topic(
        settings.topic_raw,
        key_type=bytes,
        value_type=bytes,
        key_serializer="raw",
        value_serializer="raw",
        partitions=settings.partitions,
    )
    outputs = Outputs(**settings.output_topics, send=producer_send(app))
    # The last version published per dispatch id. Its changelog is partitioned by the key's hash, like a
    # raw topic keyed by dispatch id, so a worker holds the entries of the partitions it consumes.
    versions = app.Table(
        VERSIONS_TABLE,
        partitions=settings.partitions,
        use_partitioner=True,  # keys and values are plain JSON: "id" -> {"version", "digest"}
    )
    stats = WorkerStats()
    enricher = enricher or Enricher(settings.pipeline_map)
    agent = EnrichAgent(settings, enricher, outputs, stats, versions)

    async def enrich(stream: faust.StreamT) -> None:
        await agent(stream)

    app.agent(raw, name="enrich")(enrich)
    app.enrich_agent, app.worker_stats = agent, stats
    _add_rebalance_logs(app, settings, stats)
    if settings.health_port:
        _add_health_views(app, stats)
    if settings.stats_interval > 0:
        _add_stats_timer(app, settings, stats)
    return app


def producer_send(app: faust.App) -> Send:
    """Send straight through the app's (aiokafka) producer, one call per message.

    Faust's `topic.send` wraps the same call in future messages, codecs and sensor callbacks, about 60 %
    of the agent's send path under cProfile (bench/README.md, finding 14). The agent needs none of them:
    its events are serialised already, and it waits for the acks itself.
    """

    async def send(topic: str, key: bytes | None, value: bytes) -> asyncio.Future:
        producer = await app.maybe_start_producer()
        try:
            return await producer.send(topic, key, value, None, None, None)
        except ProducerSendError as exc:  # Faust's wrapper: the agent tells Kafka's errors apart (transient or not)
            raise (exc.__cause__ or exc) from None

    return send


def _add_rebalance_logs(app: faust.App, settings: Settings, stats: WorkerStats) -> None:
    def mine(tps: set) -> list[int]:
        return sorted(tp.partition for tp in tps if tp.topic == settings.topic_raw)

    @app.on_partitions_assigned.connect
    async def _assigned(sender: faust.App, assigned: set, **_: Any) -> None:
        stats.assigned = set(mine(assigned))
        log.info("worker.assigned", topic=settings.topic_raw, partitions=mine(assigned))

    @app.on_partitions_revoked.connect
    async def _revoked(sender: faust.App, revoked: set, **_: Any) -> None:
        log.info("worker.revoked", topic=settings.topic_raw, partitions=mine(revoked))


def _add_health_views(app: faust.App, stats: WorkerStats) -> None:
    @app.page("/healthz")
    class Liveness(View):
        async def get(self, request: Request) -> Response:
            return self.json({"status": "alive"})

    @app.page("/readyz")
    class Readiness(View):
        async def get(self, request: Request) -> Response:
            body = {
                "ready": stats.ready,
                "models_loaded": stats.models_loaded,
                "partitions": sorted(stats.assigned) if stats.assigned is not None else None,
            }
            return self.json(body, status=200 if stats.ready else 503)


def _add_stats_timer(app: faust.App, settings: Settings, stats: WorkerStats) -> None:
    admin: list[Any] = []  # created on first use, in the timer's thread

    def measure_lag() -> dict[int, int]:
        from streams.topics import admin_client

        if not admin:
            admin.append(admin_client(settings))
        return consumer_lag(admin[0], settings)

    @app.timer(settings.stats_interval)
    async def report() -> None:
        figures = stats.interval()
        try:
            lag = await asyncio.to_thread(measure_lag)
            figures.update(lag=lag, lag_total=sum(lag.values()))
        except Exception as exc:  # noqa: BLE001 - stats must never stop the worker
            figures.update(lag=None, lag_total=None, lag_error=f"{type(exc).__name__}: {exc}"[:200])
        log.info("worker.stats", topic=settings.topic_raw, **figures)


class Worker(faust.Worker):
    """Faust's worker, stopping only once the batch in flight is finished and committed."""

    def _on_sigterm(self) -> None:
        self.add_future(self._drain_then_stop(signal.SIGTERM))

    def _on_sigint(self) -> None:
        self.add_future(self._drain_then_stop(signal.SIGINT))

    async def _drain_then_stop(self, signum: signal.Signals) -> None:
        agent: EnrichAgent | None = getattr(self.app, "enrich_agent", None)
        drained = await agent.drain(DRAIN_TIMEOUT_S) if agent else True
        log.info("worker.stopping", signal=signum.name, drained=drained)
        self._schedule_shutdown(signum)
