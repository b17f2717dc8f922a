"""The worker's running consumer fetches with the configured wait, not Faust's fixed 1.5 s.

Faust builds its aiokafka consumer with `fetch_max_wait_ms=1500`; streams/kafka/faust_compat.py overrides
that with `WIRESTREAM_FETCH_MAX_WAIT`. Here the worker's app is started in this process against the
embedded broker, and the fetcher of its started aiokafka consumer is inspected once partitions are assigned.
"""

from __future__ import annotations

import asyncio

import pytest

from streams.kafka.admin import ensure_topics
from streams.kafka.app import create_app
from streams.nlp.enrich import Enricher
from tests.integration.conftest import unique_settings

pytestmark = pytest.mark.integration


def test_the_started_consumer_fetches_with_the_configured_wait(broker):
    settings = unique_settings(broker, partitions=1, stats_interval=0, fetch_max_wait=0.123)
    ensure_topics(settings)

    async def started_fetch_wait() -> tuple[int, set[str]]:
        app = create_app(settings, Enricher({}))
        await app.start()
        try:
            for _ in range(600):  # up to a minute for the group to assign the partitions
                consumer = app.consumer._thread._consumer
                fetcher = getattr(consumer, "_fetcher", None)
                if fetcher is not None and consumer.assignment():
                    return fetcher._fetch_max_wait_ms, {tp.topic for tp in consumer.assignment()}
                await asyncio.sleep(0.1)
            raise AssertionError("the consumer was not started and assigned within a minute")
        finally:
            await app.stop()

    wait_ms, topics = asyncio.run(started_fetch_wait())
    assert settings.topic_raw in topics
    assert wait_ms == 123  # Faust's own would be 1500
