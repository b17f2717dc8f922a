"""What an operator sees: the health endpoint and the worker.stats lines, on a real broker."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from datetime import datetime

import pytest
from kafka import KafkaProducer

from streams.kafka.admin import ensure_topics
from streams.kafka.broker import free_port
from tests.integration.conftest import start_worker, unique_settings

pytestmark = pytest.mark.integration


def status(url: str) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=1) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None  # not listening yet


def test_ready_only_after_models_are_loaded_and_partitions_assigned(broker):
    settings = unique_settings(broker, health_port=free_port())
    ensure_topics(settings)
    base = f"http://127.0.0.1:{settings.health_port}"
    worker = start_worker(settings)
    seen: list[tuple[float, int | None]] = []
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            seen.append((time.time(), status(base + "/readyz")))
            if seen[-1][1] == 200:
                break
            time.sleep(0.05)
        assigned = worker.wait_for_log("worker.assigned")
        assert status(base + "/healthz") == 200
    finally:
        worker.stop()
    assigned_at = datetime.fromisoformat(assigned["ts"].replace("Z", "+00:00")).timestamp()
    answers = [code for _, code in seen if code is not None]
    assert answers[-1] == 200
    assert 503 in answers, "the endpoint answered before the worker was ready, and said not ready"
    first_ready = next(t for t, code in seen if code == 200)
    assert first_ready >= assigned_at - 0.01, "ready was answered before partitions were assigned"


def long_dispatch(i: int) -> bytes:
    sentence = (
        "Les élus de Dinant ont examiné mardi soir le projet de rénovation de la gare, "
        "qui prévoit une nouvelle passerelle, des quais allongés et un parking de 800 places pour les navetteurs. "
    )
    return f"NAMUR (Belga) - Dossier {i}. ".encode() + (sentence * 25).encode()


def test_stats_report_lag_while_the_worker_falls_behind(broker):
    settings = unique_settings(broker, stats_interval=1.0, commit_interval=0.5, batch_size=8)
    ensure_topics(settings)
    total = 250
    # one record per produce request: the embedded broker reports exact end offsets only then
    producer = KafkaProducer(**settings.kafka_client_config(), acks="all", linger_ms=0)
    for i in range(total):
        producer.send(settings.topic_raw, key=f"lag-{i}".encode(), value=long_dispatch(i)).get(timeout=30)
    producer.close()

    worker = start_worker(settings)
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            lines = [line for line in worker.events("worker.stats") if line["lag_total"] is not None]
            if lines and lines[-1]["lag_total"] == 0 and lines[-1]["processed"] == total:
                break
            time.sleep(0.5)
    finally:
        worker.stop()
    stats = [line for line in worker.events("worker.stats") if line["lag_total"] is not None]
    assert stats, worker.raw_lines[-10:]
    behind = [line for line in stats if 0 < line["processed"] < total]
    assert len(behind) >= 2, "the worker was slower than the producer for several intervals"
    for line in behind:
        assert set(line["lag"]) == {"0", "1"}  # partitions, as JSON object keys
        assert line["lag_total"] == sum(line["lag"].values())
        # lag = published - committed; commits trail the processed count by at most an interval's work
        slack = line["rate_per_s"] * (settings.commit_interval + settings.stats_interval) + 2 * settings.batch_size
        assert total - line["processed"] - 1 <= line["lag_total"] <= total - line["processed"] + slack
        if line["rate_per_s"] > 0:  # batches finish in bursts: an interval may end before the next one does
            assert line["latency_p50_ms"] <= line["latency_p95_ms"]
        else:
            assert line["latency_p50_ms"] is None
    assert any(line["rate_per_s"] > 0 for line in behind)
    processed = [line["processed"] for line in stats]
    assert processed == sorted(processed)
    lags = [line["lag_total"] for line in behind]
    assert lags[0] > lags[-1], "the lag shrinks as the worker catches up"
    assert stats[-1]["lag_total"] == 0 and stats[-1]["processed"] == total
