"""The worker's /metrics endpoint on a real broker: the counts after a few dispatches, a duplicate and a bad one.

Also what the records carry (a `schema` header per event) and what the health port does not serve (Faust's
own /router and /table views).
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from typing import Any

import orjson
import pytest
from kafka import KafkaProducer
from prometheus_client.parser import text_string_to_metric_families

from streams.kafka.admin import ensure_topics
from streams.kafka.broker import free_port
from tests.integration.conftest import consume, start_worker, unique_settings

pytestmark = pytest.mark.integration


def envelope(number: int) -> bytes:
    body = f"BRUXELLES (Belga) - Le ministre Jan Peeters a présenté le budget numéro {number} mardi."
    return orjson.dumps({"id": f"metrics-{number}", "version": 1, "lang": "fr", "body": body})


def get(url: str) -> tuple[int | None, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), b""
    except OSError:
        return None, {}, b""


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """(sample name, sorted labels) -> value, as a Prometheus server parses the page."""
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


@pytest.fixture(scope="module")
def scraped(broker) -> dict[str, Any]:
    settings = unique_settings(broker, health_port=free_port(), stats_interval=1.0, commit_interval=0.5)
    ensure_topics(settings)
    base = f"http://127.0.0.1:{settings.health_port}"
    worker = start_worker(settings)
    try:
        worker.wait_for_log("worker.assigned")
        producer = KafkaProducer(**settings.kafka_client_config(), acks="all", linger_ms=0)
        for value in (envelope(1), envelope(2), envelope(3), envelope(1), b"\x00\x01binary"):
            producer.send(settings.topic_raw, key=b"k", value=value).get(timeout=30)  # one partition: in order
        producer.close()
        deadline = time.monotonic() + 90
        page: dict = {}
        while time.monotonic() < deadline:
            status, headers, body = get(base + "/metrics")
            if status == 200:
                page = samples(body.decode())
                lag = {k: v for k, v in page.items() if k[0] == "wirestream_consumer_lag"}
                done = page.get(("wirestream_dispatches_processed_total", ()), 0) == 3
                skipped = page.get(("wirestream_dispatches_skipped_total", (("kind", "duplicate"),))) == 1
                rejected = any(k[0] == "wirestream_dispatches_rejected_total" for k in page)
                if done and skipped and rejected and lag and sum(lag.values()) == 0:
                    break
            time.sleep(0.5)
        views = {path: get(base + path)[0] for path in ("/router/", "/table/", "/healthz")}
    finally:
        worker.stop()
    enriched = consume(settings, settings.topic_enriched, lambda records: len(records) >= 3)
    dead = consume(settings, settings.topic_dlq, lambda records: len(records) >= 1)
    return {"page": page, "headers": headers, "views": views, "records": enriched + dead, "worker": worker}


def test_metrics_count_processed_rejected_by_reason_and_skipped(scraped):
    page = scraped["page"]
    assert page, scraped["worker"].raw_lines[-20:]
    assert page[("wirestream_dispatches_processed_total", ())] == 3
    assert page[("wirestream_dispatches_rejected_total", (("reason", "binary"),))] == 1
    assert page[("wirestream_dispatches_skipped_total", (("kind", "duplicate"),))] == 1
    rejected = {k: v for k, v in page.items() if k[0] == "wirestream_dispatches_rejected_total"}
    assert sum(rejected.values()) == 1


def test_metrics_agree_with_the_log_lines(scraped):
    worker = scraped["worker"]
    page = scraped["page"]
    assert len(worker.events("dispatch.enriched")) == page[("wirestream_dispatches_processed_total", ())]
    assert len(worker.events("dispatch.rejected")) == 1
    assert len(worker.events("dispatch.duplicate")) == 1


def test_metrics_histograms_latency_and_batch_size(scraped):
    page = scraped["page"]
    assert page[("wirestream_enrichment_latency_seconds_count", ())] == 3
    assert 0 < page[("wirestream_enrichment_latency_seconds_sum", ())] < 3 * 60
    assert page[("wirestream_enrichment_latency_seconds_bucket", (("le", "+Inf"),))] == 3
    assert page[("wirestream_batch_size_sum", ())] == 5, "every raw message was in one batch or another"
    assert 1 <= page[("wirestream_batch_size_count", ())] <= 5


def test_metrics_lag_per_partition_and_readiness(scraped):
    page = scraped["page"]
    lag = {
        dict(labels)["partition"]: value for (name, labels), value in page.items() if name == "wirestream_consumer_lag"
    }
    assert set(lag) == {"0", "1"}, "both partitions of the raw topic"
    assert sum(lag.values()) == 0, "everything was committed"
    assert page[("wirestream_ready", ())] == 1


def test_metrics_page_is_the_prometheus_text_format(scraped):
    content_type = {k.lower(): v for k, v in scraped["headers"].items()}["content-type"]
    assert content_type.startswith("text/plain") and "version=0.0.4" in content_type


def test_faust_s_own_views_are_not_served(scraped):
    views = scraped["views"]
    assert views["/healthz"] == 200
    assert views["/router/"] == 404 and views["/table/"] == 404


def test_every_record_has_a_schema_header_naming_its_event_s_schema(scraped):
    records = scraped["records"]
    assert {orjson.loads(r.value)["schema"] for r in records} >= {"wirestream.enriched.v1", "wirestream.dead_letter.v1"}
    for record in records:
        headers = dict(record.headers)
        assert headers["schema"] == orjson.loads(record.value)["schema"].encode()
