"""The Faust app, built from settings by a factory (tests build their own)."""

from __future__ import annotations

import faust

from streams.agents import Outputs, make_agent
from streams.logging import get_logger
from streams.nlp.enrich import Enricher
from streams.settings import Settings

log = get_logger(__name__)


def create_app(settings: Settings, enricher: Enricher | None = None) -> faust.App:
    """A Faust app with the enrichment agent on the raw topic."""
    app = faust.App(
        settings.app_id,
        broker=settings.broker,
        store="memory://",
        autodiscover=False,
        web_enabled=False,
        topic_replication_factor=settings.replication_factor,
        topic_partitions=settings.partitions,
        topic_allow_declare=settings.create_topics,
        broker_session_timeout=settings.session_timeout,
        broker_heartbeat_interval=settings.heartbeat_interval,
        consumer_auto_offset_reset="earliest",
        producer_acks=-1,
    )
    raw = app.topic(
        settings.topic_raw,
        key_type=bytes,
        value_type=bytes,
        key_serializer="raw",
        value_serializer="raw",
        partitions=settings.partitions,
    )
    outputs = Outputs(
        **{
            role: app.topic(name, key_serializer="raw", value_serializer="raw")
            for role, name in settings.output_topics.items()
        }
    )
    enricher = enricher or Enricher(settings.pipeline_map)
    app.agent(raw, name="enrich")(make_agent(settings, enricher, outputs))

    @app.on_partitions_assigned.connect
    async def _assigned(sender: faust.App, assigned: set, **_: object) -> None:
        mine = sorted(tp.partition for tp in assigned if tp.topic == settings.topic_raw)
        log.info("worker.assigned", topic=settings.topic_raw, partitions=mine)

    @app.on_partitions_revoked.connect
    async def _revoked(sender: faust.App, revoked: set, **_: object) -> None:
        log.info(
            "worker.revoked",
            topic=settings.topic_raw,
            partitions=sorted(tp.partition for tp in revoked if tp.topic == settings.topic_raw),
        )

    return app
