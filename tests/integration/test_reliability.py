"""Nothing lost: workers killed, stopped, starved of their broker, fed hostile input."""

from __future__ import annotations

import base64
import signal
import subprocess
import sys
import time
from datetime import datetime

import orjson
import pytest
from kafka import KafkaAdminClient, KafkaProducer, TopicPartition

from streams.kafka.admin import ensure_topics
from streams.kafka.broker import EmbeddedBroker, free_port
from streams.settings import Settings
from tests.integration.conftest import consume, settings_env, start_worker, unique_settings
from tests.schemas import validate

pytestmark = pytest.mark.integration

PLACES = ("NAMUR", "LIÈGE", "MONS", "ARLON", "WAVRE", "GAND", "BRUGES", "LOUVAIN")


def dispatch(i: int) -> bytes:
    place = PLACES[i % len(PLACES)]
    return (
        f"{place} (Belga) - Les élus de {place.title()} ont approuvé lundi le projet numéro {i} "
        f"présenté par l'échevine Claire Dubois. (Belga)"
    ).encode()


def publish_all(settings: Settings, messages: list[tuple[bytes, bytes]], **config) -> None:
    producer = KafkaProducer(**settings.kafka_client_config(), acks="all", linger_ms=20, **config)
    for key, value in messages:
        producer.send(settings.topic_raw, key=key, value=value)
    producer.flush(timeout=60)
    producer.close()


def outcome_ids(settings: Settings, records_enriched, records_dlq) -> tuple[list[str], set[str]]:
    """Ids seen on the enriched topic (with repeats) and on the dead-letter topic (by original key)."""
    enriched = [orjson.loads(r.value)["id"] for r in records_enriched]
    dead = {base64.b64decode(orjson.loads(r.value)["source"]["key_b64"]).decode() for r in records_dlq}
    return enriched, dead


def committed_offsets(settings: Settings) -> dict[int, int]:
    admin = KafkaAdminClient(**settings.kafka_client_config())
    try:
        tps = [TopicPartition(settings.topic_raw, p) for p in range(settings.partitions)]
        offsets = admin.list_group_offsets({settings.app_id: tps})[settings.app_id]
        return {tp.partition: offsets[tp].offset for tp in tps if tp in offsets}
    finally:
        admin.close()


def test_sigkill_mid_run_loses_nothing_and_duplicates_only_what_was_in_flight(broker):
    settings = unique_settings(broker)
    ensure_topics(settings)
    total = 2000
    messages = [(f"k-{i:04d}".encode(), b"\xff\xfe broken" if i % 50 == 7 else dispatch(i)) for i in range(total)]
    publish_all(settings, messages)

    first = start_worker(settings)
    first.wait_for_log("worker.assigned")
    deadline = time.monotonic() + 120
    while len(first.events("dispatch.enriched")) < 300 and time.monotonic() < deadline:
        time.sleep(0.05)
    first.proc.send_signal(signal.SIGKILL)
    first.proc.wait(timeout=10)
    killed_at = time.time()
    done_by_first = {line["dispatch_id"]: line["ts"] for line in first.events("dispatch.enriched")}
    assert 300 <= len(done_by_first) < total, "the kill must land mid-run"

    second = start_worker(settings)
    try:
        wanted = {key.decode() for key, _ in messages}
        enriched = consume(
            settings,
            settings.topic_enriched,
            lambda rs: len({orjson.loads(r.value)["id"] for r in rs}) >= total - total // 50,
            timeout=240,
        )
        dead = consume(settings, settings.topic_dlq, lambda rs: len(rs) >= total // 50, timeout=60)
    finally:
        second.stop()
    enriched_ids, dead_ids = outcome_ids(settings, enriched, dead)
    assert set(enriched_ids) | dead_ids == wanted, "every dispatch ends enriched or dead-lettered"
    assert len(dead_ids) == total // 50

    repeats = {i for i in enriched_ids if enriched_ids.count(i) > 1}
    by_id: dict[str, list[dict]] = {}
    for record in enriched:
        event = orjson.loads(record.value)
        assert record.key == event["id"].encode()
        by_id.setdefault(event["id"], []).append(event)
    # a duplicate is a dispatch the first worker published after its last commit: within the commit interval
    # (its first copy dates it: the kill may have come before the worker logged it)
    window_s = 2 * settings.commit_interval + 2.0  # a commit can run late on a loaded machine
    for dispatch_id in repeats:
        finished = min(datetime.fromisoformat(e["enriched_at"].replace("Z", "+00:00")) for e in by_id[dispatch_id])
        assert killed_at - finished.timestamp() <= window_s, f"{dispatch_id} re-processed though committed long ago"
    assert len(repeats) <= len(done_by_first) + settings.batch_size  # what was logged, and one batch unlogged
    print(
        f"\nsigkill: {total} published, {len(done_by_first)} enriched before the kill, {len(repeats)} enriched twice, "
        f"{len(dead_ids)} dead-lettered, 0 lost"
    )
    for dispatch_id in repeats:
        copies = [{k: v for k, v in e.items() if k != "enriched_at"} for e in by_id[dispatch_id]]
        assert all(copy == copies[0] for copy in copies), "duplicates are identical apart from timestamps"


def test_sigterm_finishes_the_batch_commits_and_exits_zero_within_10_s(broker):
    settings = unique_settings(broker, batch_size=32)
    ensure_topics(settings)
    total = 400
    publish_all(settings, [(f"t-{i:03d}".encode(), dispatch(i)) for i in range(total)])
    worker = start_worker(settings)
    worker.wait_for_log("worker.assigned")
    deadline = time.monotonic() + 120
    while len(worker.events("dispatch.enriched")) < 50 and time.monotonic() < deadline:
        time.sleep(0.02)
    started = time.monotonic()
    worker.proc.send_signal(signal.SIGTERM)
    code = worker.proc.wait(timeout=15)
    took = time.monotonic() - started
    assert code == 0, "\n".join(worker.raw_lines[-20:])
    assert took < 10, f"stopping took {took:.1f} s"
    stopping = worker.wait_for_log("worker.stopping")
    assert stopping["drained"] is True

    processed = len(worker.events("dispatch.enriched"))
    assert 50 <= processed < total
    assert sum(committed_offsets(settings).values()) == processed, "exactly what was processed is committed"

    # a new worker takes over where the first stopped: no dispatch is enriched twice
    successor = start_worker(settings)
    try:
        records = consume(settings, settings.topic_enriched, lambda rs: len(rs) >= total, timeout=180)
    finally:
        successor.stop()
    ids = [orjson.loads(r.value)["id"] for r in records]
    assert len(ids) == len(set(ids)) == total
    # each raw message reached the successor once: nothing fetched before its start-up seek came through again
    assert not successor.events("dispatch.duplicate")


def test_worker_waits_for_a_broker_that_is_not_there_yet():
    port = free_port()
    settings = unique_settings(EmbeddedBroker(port=port), partitions=1)
    worker = start_worker(settings)
    try:
        waiting = worker.wait_for_log("broker.unavailable", timeout=60)
        assert waiting["retry_in_s"] > 0 and waiting["level"] == "warning"
        with EmbeddedBroker(port=port):
            worker.wait_for_log("worker.assigned", timeout=90)
            publish_all(settings, [(b"late-1", dispatch(1))])
            records = consume(settings, settings.topic_enriched, lambda rs: len(rs) >= 1, timeout=60)
            assert orjson.loads(records[0].value)["id"] == "late-1"
            assert worker.proc.poll() is None
    finally:
        worker.stop()


def test_broker_gone_mid_run_then_back(tmp_path):
    port = free_port()
    settings = unique_settings(EmbeddedBroker(port=port), partitions=1)
    broker = EmbeddedBroker(port=port).start()
    ensure_topics(settings)
    worker = start_worker(settings)
    try:
        worker.wait_for_log("worker.assigned")
        publish_all(settings, [(b"before", dispatch(1))])
        consume(settings, settings.topic_enriched, lambda rs: len(rs) >= 1)
        broker.stop()
        time.sleep(8)
        assert worker.proc.poll() is None, "the worker must ride out the outage"
        broker = EmbeddedBroker(port=port).start()  # an in-memory broker comes back empty
        ensure_topics(settings)
        publish_all(settings, [(b"after", dispatch(2))])
        records = consume(settings, settings.topic_enriched, lambda rs: len(rs) >= 1, timeout=120)
        assert [orjson.loads(r.value)["id"] for r in records] == ["after"]
        assert worker.proc.poll() is None
    finally:
        worker.stop()
        broker.stop()


NASTY = [
    b"",
    b" ",
    b"\x00" * 64,
    bytes(range(256)),
    b"\xc3\x28 invalid utf-8",
    "\ufeffBRUXELLES (Belga) - Texte avec BOM et « guillemets non fermés.".encode(),
    b'{"id": "n1", "body": "x", "extra": {"a": {"b": {"c": {"d": [1, [2, [3, [4]]]]}}}}}',
    b'{"id": "n2", "body": ["not", "a", "string"]}',
    b'{"id": "n3", "body": null}',
    b"[" * 5000 + b"]" * 5000,
    b'{"id": ' + b"[" * 5000,
    "MOSCOU (AFP) - Мирные переговоры « продолжатся », 和平谈判 “将继续” ‘ok’ „ja“ «».".encode(),
    "GENT (Belga) - \u202e\u200b\u0007 controle-tekens \x1b[31m in de tekst ' en een ' open quote.".encode(),
    ("« " * 3000 + "fin").encode(),
]


def test_hostile_input_is_dead_lettered_or_enriched_and_good_messages_all_get_through(broker):
    settings = unique_settings(broker, max_dispatch_bytes=1_000_000)
    ensure_topics(settings)
    worker = start_worker(settings)
    try:
        worker.wait_for_log("worker.assigned")
        messages = []
        for i, value in enumerate(NASTY):
            messages.append((f"good-{i}".encode(), dispatch(i)))
            messages.append((f"nasty-{i}".encode(), value))
        messages.append((b"nasty-huge", b"A" * (10 * 1024 * 1024)))
        publish_all(settings, messages, max_request_size=12 * 1024 * 1024)
        enriched = consume(
            settings,
            settings.topic_enriched,
            lambda rs: sum(r.key.startswith(b"good-") for r in rs) >= len(NASTY),
            timeout=120,
        )
        expected, deadline = len(NASTY) + 1, time.monotonic() + 60
        while True:  # every nasty message ends up somewhere: enriched or dead-lettered
            dead = consume(settings, settings.topic_dlq, lambda rs: True)
            nasty_enriched = [r for r in enriched if not r.key.startswith(b"good-")]
            if len(nasty_enriched) + len(dead) >= expected or time.monotonic() > deadline:
                break
            enriched = consume(settings, settings.topic_enriched, lambda rs: True)
        assert len(nasty_enriched) + len(dead) == expected
    finally:
        code = worker.stop()
    assert code == 0, "the worker never crashed and stopped cleanly"
    letters = {base64.b64decode(orjson.loads(r.value)["source"]["key_b64"]): orjson.loads(r.value) for r in dead}
    for letter in letters.values():
        validate(letter)
        assert letter["reason"] and letter["error"]["message"]
    assert letters[b"nasty-huge"]["reason"] == "too_large"
    assert letters[b"nasty-huge"]["value_truncated"] is True
    assert letters[b"nasty-0"]["reason"] == "empty"
    assert letters[b"nasty-4"]["reason"] == "invalid_utf8"
    for record in enriched:
        validate(orjson.loads(record.value))


def test_replay_republishes_dead_letters_after_a_fix(broker):
    small = unique_settings(broker, max_dispatch_bytes=300)
    ensure_topics(small)
    long_dispatch = dispatch(1) + b" Suite du texte." * 40  # over 300 bytes: too_large for this worker
    publish_all(small, [(b"r-long", long_dispatch), (b"r-bad", b'{"id": "r-bad", "body": 5}')])
    worker = start_worker(small)
    try:
        consume(small, small.topic_dlq, lambda rs: len(rs) >= 2)
    finally:
        worker.stop()

    fixed = small.replace(max_dispatch_bytes=1_000_000)  # the fix: a larger limit
    env = settings_env(fixed)
    dry = subprocess.run(
        [sys.executable, "-m", "streams", "replay", "--reason", "too_large", "--dry-run"],
        env=env,
        capture_output=True,
        timeout=60,
    )
    assert dry.returncode == 0 and "would replay 1 dead letters" in dry.stderr.decode()
    done = subprocess.run(
        [sys.executable, "-m", "streams", "replay", "--reason", "too_large", "--since", "2020-01-01T00:00:00Z"],
        env=env,
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr.decode()
    assert "replayed 1 dead letters" in done.stderr.decode() and "1 not selected" in done.stderr.decode()

    worker = start_worker(fixed)
    try:
        records = consume(fixed, fixed.topic_enriched, lambda rs: len(rs) >= 1, timeout=90)
    finally:
        worker.stop()
    event = orjson.loads(records[0].value)
    assert event["id"] == "r-long" and "Suite du texte." in event["body"]


def test_missing_topic_with_creation_disabled_fails_at_start_naming_it(broker):
    settings = unique_settings(broker, create_topics=False)
    done = subprocess.run(
        [sys.executable, "-m", "streams", "worker"], env=settings_env(settings), capture_output=True, timeout=120
    )
    assert done.returncode == 2
    message = done.stderr.decode().strip().splitlines()[-1]
    assert settings.topic_raw in message and "WIRESTREAM_CREATE_TOPICS" in message


def test_model_not_installed_fails_at_start_naming_the_setting(broker):
    settings = unique_settings(broker, pipelines="fr=fr_core_news_nonexistent")
    done = subprocess.run(
        [sys.executable, "-m", "streams", "worker"], env=settings_env(settings), capture_output=True, timeout=120
    )
    assert done.returncode == 2
    message = done.stderr.decode().strip().splitlines()[-1]
    assert "WIRESTREAM_PIPELINES" in message and "fr_core_news_nonexistent" in message
