"""The Faust app, built from settings by a factory: its agent, health and metrics endpoint, rebalance logs and
stats."""

from __future__ import annotations

import asyncio
from typing import Any

import faust
from aiokafka.helpers import create_ssl_context
from faust.web import Request, Response, View

from streams.enrich_process.memory import rss_mb
from streams.kafka.admin import VERSIONS_TABLE, admin_client, consumer_lag
from streams.kafka.agent import EnrichAgent
from streams.kafka.faust_compat import App, producer_send
from streams.kafka.publisher import Publisher
from streams.logging import get_logger
from streams.nlp.enrich import Enricher
from streams.pipeline import Pipeline, VersionsLedger
from streams.settings import Settings
from streams.stats import WorkerStats

log = get_logger(__name__)

# Prometheus' text format, version 0.0.4: what generate_latest writes (no escaping of UTF-8 metric names)
METRICS_HEADERS = {"Content-Type": "text/plain; version=0.0.4; charset=utf-8"}


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


def cluster_options(settings: Settings) -> dict[str, Any]:
    """What every wirestream Faust app sets alike: the cluster and its credentials, the topics it may create,
    the consumer group's timing, acks from all replicas, and on stop a commit of what was processed (the rest
    is consumed again later)."""
    return {
        "broker": settings.broker,
        "broker_credentials": credentials(settings),
        "store": "memory://",
        "autodiscover": False,
        "topic_replication_factor": settings.replication_factor,
        "topic_partitions": settings.partitions,
        "topic_allow_declare": settings.create_topics,
        "broker_session_timeout": settings.session_timeout,
        "broker_heartbeat_interval": settings.heartbeat_interval,
        "broker_commit_interval": settings.commit_interval,
        "consumer_auto_offset_reset": "earliest",
        "producer_acks": -1,
        "stream_wait_empty": False,
    }


def create_app(settings: Settings, enricher: Any = None) -> faust.App:
    """A Faust app with the enrichment agent on the raw topic (`app.enrich_agent`, `app.worker_stats`).

    `enricher`: an `Enricher` (in-process), or a started `streams.enrich_process.parent.EnrichmentProcess`.
    """
    app = App(
        settings.app_id,
        **cluster_options(settings),
        web_enabled=settings.health_port > 0,
        web_port=settings.health_port or 6066,
        web_bind=settings.health_bind,
        # Faust's /router and /table views read the versions table over HTTP: off unless asked for
        web_router_enabled=settings.faust_web_views,
        web_tables_enabled=settings.faust_web_views,
        consumer_max_fetch_size=max(4 * 1024 * 1024, 2 * settings.max_dispatch_bytes),
        # the pipeline keeps every record under max_record_bytes: the producer's own check never has to refuse one
        producer_max_request_size=settings.max_record_bytes + 64 * 1024,
        # Each dispatch becomes ~30 events, and a batch's are sent at once: per-partition batches of up to
        # 256 KiB (Faust: 16 KiB) and a 5 ms linger send them in a few requests instead of dozens, which saves
        # the broker and the event loop CPU next to the models (bench/README.md, finding 14).
        producer_max_batch_size=256 * 1024,
        producer_linger=0.005,
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
    # The last version published per dispatch id. Its changelog is partitioned by the key's hash, like a
    # raw topic keyed by dispatch id, so a worker holds the entries of the partitions it consumes.
    versions = app.Table(
        VERSIONS_TABLE,
        partitions=settings.partitions,
        use_partitioner=True,  # keys and values are plain JSON: "id" -> {"version", "digest"}
    )
    stats = WorkerStats()
    pipeline = Pipeline(
        enricher or Enricher(settings.pipeline_map, settings.kb_paths),
        settings.pipeline_config(),
        VersionsLedger(versions),
    )
    publisher = Publisher(producer_send(app), refuse=pipeline.refuse, hold=lambda: stats.missing_topics)
    agent = EnrichAgent(settings.agent_config(), pipeline, publisher, stats)

    async def enrich(stream: faust.StreamT) -> None:
        await agent(stream)

    app.agent(raw, name="enrich")(enrich)
    app.enrich_agent, app.worker_stats = agent, stats
    _add_rebalance_logs(app, settings.topic_raw, stats)
    if settings.health_port:
        _add_health_views(app, stats)
    if settings.stats_interval > 0:
        _add_stats_timer(app, settings, stats, pipeline.enricher)
    if settings.topic_check_interval > 0:
        stats.missing_topics = None  # not ready before the first check
        _add_topic_watch(app, settings, stats)
    return app


def _add_rebalance_logs(app: faust.App, topic: str, stats: WorkerStats) -> None:
    def mine(tps: set) -> list[int]:
        return sorted(tp.partition for tp in tps if tp.topic == topic)

    @app.on_partitions_assigned.connect
    async def _assigned(sender: faust.App, assigned: set, **_: Any) -> None:
        stats.assigned = set(mine(assigned))
        log.info("worker.assigned", topic=topic, partitions=mine(assigned))

    @app.on_partitions_revoked.connect
    async def _revoked(sender: faust.App, revoked: set, **_: Any) -> None:
        log.info("worker.revoked", topic=topic, partitions=mine(revoked))


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
                "missing_topics": stats.missing_topics,
            }
            return self.json(body, status=200 if stats.ready else 503)

    @app.page("/metrics")
    class Metrics(View):
        async def get(self, request: Request) -> Response:
            return self.bytes(stats.exposition(), headers=dict(METRICS_HEADERS))


def _add_topic_watch(app: faust.App, settings: Settings, stats: WorkerStats) -> None:
    """Check every `topic_check_interval` s that the output topics exist: readiness and publishing wait for them.

    A broker may acknowledge writes to a deleted topic (the embedded Tansu does): what was published there
    would be lost although acknowledged. While a topic is missing the worker is not ready and publishes
    nothing (its batch waits, unacknowledged); a topic deleted between two checks can still lose what was
    written to it in between on such a broker (a Kafka cluster refuses those writes: they are retried).
    """
    names = list(dict.fromkeys(settings.output_topics.values()))
    admin: list[Any] = []

    def missing() -> list[str]:
        if not admin:
            admin.append(admin_client(settings))
        existing = set(admin[0].list_topics())
        return [name for name in names if name not in existing]

    @app.task
    async def watch() -> None:
        while True:
            try:
                gone = await asyncio.to_thread(missing)
            except Exception as exc:  # noqa: BLE001 - the broker is unreachable: the publisher's retries cover that
                gone = stats.missing_topics if stats.missing_topics is not None else None
                log.warning("broker.unavailable", action="topics.check", error=str(exc)[:200])
            if gone and gone != stats.missing_topics:
                log.warning(
                    "topic.missing",
                    topics=gone,
                    action="create the topics (wirestream topics create); until then the worker is not ready and "
                    "publishes nothing",
                )
            elif gone == [] and stats.missing_topics:
                log.info("topic.restored", topics=stats.missing_topics)
            if gone is not None:
                stats.missing_topics = gone
            await asyncio.sleep(settings.topic_check_interval)


def _add_stats_timer(app: faust.App, settings: Settings, stats: WorkerStats, enricher: Any) -> None:
    admin: list[Any] = []  # created on first use, in the timer's thread
    lag_of = settings.lag_config()

    def measure_lag() -> dict[int, int]:
        if not admin:
            admin.append(admin_client(settings))
        return consumer_lag(admin[0], lag_of)

    @app.timer(settings.stats_interval)
    async def report() -> None:
        figures = stats.interval()
        figures["rss_mb"] = rss_mb()
        if hasattr(enricher, "figures"):
            figures.update(enricher.figures())
        try:
            lag = await asyncio.to_thread(measure_lag)
            figures.update(lag=lag, lag_total=sum(lag.values()))
            stats.lag_measured(lag)
        except Exception as exc:  # noqa: BLE001 - stats must never stop the worker
            figures.update(lag=None, lag_total=None, lag_error=f"{type(exc).__name__}: {exc}"[:200])
            stats.lag_measured({})  # unknown: /metrics shows no lag rather than a stale one
        log.info("worker.stats", topic=settings.topic_raw, **figures)
