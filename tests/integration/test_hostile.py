"""Hostile messages against the embedded broker (issue 19): the worker never exits and never freezes.

Every message of the standing corpus (tests/hostile_corpus.py) is published followed by a good
dispatch. Each one must end as an enriched event or a dead letter with its reason, every good one
must come out, the worker must never exit, and its /healthz must answer all along. Then: compressed
input of every codec, SIGTERM in the middle of a pathological input, an output topic deleted under a
running worker, a data directory that cannot be written, and credentials in the broker URL.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import orjson
import pytest
from kafka import KafkaAdminClient, KafkaProducer
from kafka.admin import NewTopic

from streams.enrich_process.memory import rss_mb
from streams.kafka.admin import ensure_topics
from streams.kafka.broker import free_port
from tests.hostile_corpus import corpus, dispatch, slow_text
from tests.integration.conftest import consume, settings_env, start_worker, unique_settings
from tests.schemas import validate

pytestmark = pytest.mark.integration


def good(i: int) -> bytes:
    return dispatch(f"Les élus de Dinant ont approuvé le projet numéro {i}.").encode()


class HealthProbe:
    """GET /healthz every 0.5 s, as a liveness probe would; the slowest answer and the failures."""

    def __init__(self, port: int) -> None:
        self.url = f"http://127.0.0.1:{port}/healthz"
        self.slowest = 0.0
        self.failures: list[str] = []
        self.answers = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self.stop.wait(0.5):
            started = time.monotonic()
            try:
                with urllib.request.urlopen(self.url, timeout=3) as answer:
                    assert answer.status == 200
                self.answers += 1
            except Exception as exc:  # noqa: BLE001 - a failed probe is what is measured
                self.failures.append(f"{type(exc).__name__}: {exc}")
            self.slowest = max(self.slowest, time.monotonic() - started)


def worker_rss(pid: int) -> float:
    """RSS of the worker and its children (the enrichment process), MB."""
    total = rss_mb(pid) or 0.0
    with contextlib.suppress(OSError):
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                total += rss_mb(int(child)) or 0.0
    return total


def test_every_hostile_message_ends_as_an_event_or_a_dead_letter_and_the_worker_lives(broker):
    port = free_port()
    settings = unique_settings(broker, health_port=port, enrich_budget=0.5, batch_size=16, topic_check_interval=2.0)
    ensure_topics(settings)
    worker = start_worker(settings)
    probe = HealthProbe(port)
    peak_rss = 0.0
    messages = corpus(slow_kb=100)
    try:
        worker.wait_for_log("worker.assigned")
        probe.thread.start()
        producer = KafkaProducer(**settings.kafka_client_config(), acks="all", max_request_size=8 * 1024 * 1024)
        started = time.monotonic()
        where: dict[str, tuple[int, int]] = {}  # hostile name -> (partition, offset)
        for i, hostile in enumerate(messages):
            sent = producer.send(
                settings.topic_raw,
                key=hostile.record_key,
                value=hostile.value,
                headers=list(hostile.headers),
                timestamp_ms=hostile.timestamp_ms,
            ).get(timeout=60)
            where[hostile.name] = (sent.partition, sent.offset)
            producer.send(settings.topic_raw, key=f"good-{i}".encode(), value=good(i)).get(timeout=60)
        producer.close()

        def all_good(records) -> bool:
            nonlocal peak_rss
            peak_rss = max(peak_rss, worker_rss(worker.proc.pid))
            assert worker.proc.poll() is None, "the worker exited:\n" + "\n".join(worker.raw_lines[-20:])
            return sum(r.key.startswith(b"good-") for r in records) >= len(messages)

        enriched = consume(settings, settings.topic_enriched, all_good, timeout=600)
        took = time.monotonic() - started
        deadline = time.monotonic() + 60
        while True:
            dead = consume(settings, settings.topic_dlq, lambda rs: True)
            enriched = consume(settings, settings.topic_enriched, lambda rs: True)
            outcomes = outcome_by_source(enriched, dead)
            if all(where[h.name] in outcomes for h in messages) or time.monotonic() > deadline:
                break
            time.sleep(1)
    finally:
        probe.stop.set()
        code = worker.stop()
    assert code == 0, "\n".join(worker.raw_lines[-20:])
    assert not worker.events("worker.fatal")
    for hostile in messages:
        outcome = outcomes.get(where[hostile.name])
        assert outcome is not None, f"{hostile.name}: neither enriched nor dead-lettered"
        if hostile.expect is not None:
            assert outcome == hostile.expect, f"{hostile.name}: {outcome}, expected {hostile.expect}"
    good_ids = {orjson.loads(r.value)["id"] for r in enriched if r.key.startswith(b"good-")}
    assert good_ids == {f"good-{i}" for i in range(len(messages))}
    for record in [*enriched, *dead]:
        assert len(record.value) + len(record.key or b"") <= settings.max_record_bytes
        validate(orjson.loads(record.value))
    assert probe.answers > 0 and not probe.failures, probe.failures[:5]
    assert probe.slowest < 2.0, f"/healthz took {probe.slowest:.1f} s"
    events = [orjson.loads(r.value) for r in enriched]
    dated = next(e for e in events if (e["source"]["partition"], e["source"]["offset"]) == where["received-at-9999"])
    assert dated["source"]["agency"] == "Belga" and dated["dateline"]["place"] == "Namur"
    print(
        f"\nhostile corpus: {len(messages)} hostile + {len(messages)} good in {took:.1f} s; "
        f"/healthz slowest {probe.slowest * 1000:.0f} ms over {probe.answers} probes; "
        f"peak RSS worker + enrichment process {peak_rss:.0f} MB"
    )


def outcome_by_source(enriched, dead) -> dict[tuple[int, int], str]:
    """(partition, offset) of a raw message -> "enriched" or the reason of its dead letter."""
    out: dict[tuple[int, int], str] = {}
    for record in enriched:
        source = orjson.loads(record.value)["source"]
        out[(source["partition"], source["offset"])] = "enriched"
    for record in dead:
        letter = orjson.loads(record.value)
        out[(letter["source"]["partition"], letter["source"]["offset"])] = letter["reason"]
    return out


@pytest.mark.parametrize("codec", ["gzip", "snappy", "lz4", "zstd"])
def test_compressed_input_of_every_codec_is_enriched(broker, codec):
    from confluent_kafka import Producer

    settings = unique_settings(broker, partitions=1)
    ensure_topics(settings)
    producer = Producer(
        {
            "bootstrap.servers": broker.bootstrap,
            "compression.type": codec,
            "enable.idempotence": False,
            "linger.ms": 50,
            "acks": "all",
        }
    )
    for i in range(20):
        producer.produce(settings.topic_raw, key=f"{codec}-{i}".encode(), value=good(i) * 3)
    assert producer.flush(30) == 0
    worker = start_worker(settings)
    try:
        records = consume(settings, settings.topic_enriched, lambda rs: len(rs) >= 20, timeout=120)
        assert worker.proc.poll() is None
    finally:
        assert worker.stop() == 0
    assert sorted(orjson.loads(r.value)["id"] for r in records) == sorted(f"{codec}-{i}" for i in range(20))


def test_sigterm_during_a_pathological_input_exits_within_10_s_leaving_it_uncommitted(broker):
    settings = unique_settings(broker, partitions=1, enrich_budget=120.0)  # minutes: only the stop ends it
    ensure_topics(settings)
    producer = KafkaProducer(**settings.kafka_client_config(), acks="all")
    producer.send(settings.topic_raw, key=b"first", value=good(0)).get(timeout=30)
    worker = start_worker(settings)
    try:
        consume(settings, settings.topic_enriched, lambda rs: len(rs) >= 1, timeout=90)
        producer.send(settings.topic_raw, key=b"slow", value=(dispatch("") + slow_text(100_000)).encode()).get(
            timeout=30
        )
        producer.close()
        time.sleep(4)  # the slow dispatch is in the enrichment process now
        started = time.monotonic()
        worker.proc.send_signal(signal.SIGTERM)
        code = worker.proc.wait(timeout=30)
        took = time.monotonic() - started
    finally:
        worker.stop()
    assert code == 0, "\n".join(worker.raw_lines[-20:])
    assert took < 10, f"stopping took {took:.1f} s"
    assert worker.wait_for_log("worker.stopping")["drained"] is False
    admin = KafkaAdminClient(**settings.kafka_client_config())
    try:
        offsets = admin.list_group_offsets({settings.app_id: None})[settings.app_id]
    finally:
        admin.close()
    committed = {tp.partition: meta.offset for tp, meta in offsets.items() if tp.topic == settings.topic_raw}
    assert committed == {0: 1}, "the pathological dispatch is left for the successor"


def test_a_deleted_output_topic_makes_the_worker_unready_and_holds_its_output(broker):
    port = free_port()
    settings = unique_settings(broker, partitions=1, health_port=port, topic_check_interval=1.0)
    ensure_topics(settings)
    worker = start_worker(settings)
    admin = KafkaAdminClient(**settings.kafka_client_config())
    producer = KafkaProducer(**settings.kafka_client_config(), acks="all")
    try:
        worker.wait_for_log("worker.assigned")
        wait_ready(port, True)
        admin.delete_topics([settings.topic_quotes])
        worker.wait_for_log("topic.missing", timeout=30)
        assert wait_ready(port, False)["missing_topics"] == [settings.topic_quotes]
        producer.send(settings.topic_raw, key=b"held", value=good(1)).get(timeout=30)
        time.sleep(4)
        assert not worker.events("dispatch.enriched"), "nothing may be published while a topic is missing"
        admin.create_topics([NewTopic(settings.topic_quotes, 1, 1)])
        worker.wait_for_log("topic.restored", timeout=30)
        records = consume(settings, settings.topic_enriched, lambda rs: len(rs) >= 1, timeout=60)
        assert [r.key for r in records] == [b"held"]
        wait_ready(port, True)
    finally:
        producer.close()
        admin.close()
        assert worker.stop() == 0


def wait_ready(port: int, ready: bool, timeout: float = 30.0) -> dict:
    deadline = time.monotonic() + timeout
    body: dict = {}
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=3) as answer:
                body = orjson.loads(answer.read())
        except urllib.error.HTTPError as exc:
            body = orjson.loads(exc.read())
        except OSError:
            body = {}
        if body.get("ready") is ready:
            return body
        time.sleep(0.3)
    raise AssertionError(f"/readyz never said ready={ready}: {body}")


def test_an_unwritable_data_directory_is_worker_fatal_with_exit_73(broker, tmp_path):
    settings = unique_settings(broker, partitions=1)
    (tmp_path / f"{settings.app_id}-data").symlink_to("/proc/self/fdinfo")  # nobody, root included, writes there
    env = {k: v for k, v in settings_env(settings).items() if k != "APP_DATADIR"}  # Faust's default: in the cwd
    done = subprocess.run(
        [sys.executable, "-m", "streams", "worker"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        timeout=180,
    )
    assert done.returncode == 73
    lines = [orjson.loads(line) for line in done.stderr.splitlines() if line.startswith(b"{")]
    (fatal,) = [line for line in lines if line.get("event") == "worker.fatal"]
    assert "data directory" in fatal["action"] and fatal["error_class"]


def test_credentials_in_the_broker_url_are_refused_in_one_line_without_showing_them():
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIRESTREAM_")}
    env["WIRESTREAM_BROKER"] = "kafka://wire:s3cr3t-pw@kafka.example:9092"
    for command in (["config"], ["worker"]):
        done = subprocess.run(
            [sys.executable, "-m", "streams", *command], env=env, capture_output=True, timeout=60, check=False
        )
        assert done.returncode == 2
        assert b"s3cr3t" not in done.stdout + done.stderr
        assert len(done.stderr.strip().splitlines()) == 1 and b"WIRESTREAM_SASL_PASSWORD" in done.stderr
