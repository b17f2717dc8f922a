"""`wirestream replay` next to a worker that rejects the replayed messages again: each letter goes back once."""

from __future__ import annotations

import subprocess
import sys
import time

import orjson
import pytest
from kafka import KafkaProducer

from streams.kafka.admin import ensure_topics
from tests.integration.conftest import consume, settings_env, start_worker, unique_settings

pytestmark = pytest.mark.integration

N = 3  # dead letters to replay


def replay(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "streams", "replay", *args], env=env, capture_output=True, timeout=90)


def stable_count(settings, topic: str, at_least: int, settle_s: float = 3.0) -> int:
    """How many records a topic holds once it has `at_least` and nothing more came for `settle_s` seconds."""
    consume(settings, topic, lambda rs: len(rs) >= at_least)
    time.sleep(settle_s)
    return len(consume(settings, topic, lambda rs: len(rs) >= at_least))


def test_replay_of_letters_rejected_again_publishes_each_once_and_exits(broker):
    settings = unique_settings(broker)
    ensure_topics(settings)
    producer = KafkaProducer(**settings.kafka_client_config(), acks="all")
    for i in range(N):  # a body that is no string: invalid_envelope, now and after any replay
        producer.send(
            settings.topic_raw, key=f"again-{i}".encode(), value=orjson.dumps({"id": f"again-{i}", "body": i})
        )
    producer.flush()
    producer.close()
    env = settings_env(settings)
    worker = start_worker(settings)
    try:
        consume(settings, settings.topic_dlq, lambda rs: len(rs) >= N, timeout=90)

        dry = replay(env, "--dry-run")
        assert dry.returncode == 0, dry.stderr.decode()[-2000:]
        listed = [orjson.loads(line) for line in dry.stdout.decode().splitlines()]
        assert sorted(line["key"] for line in listed) == [f"again-{i}" for i in range(N)]
        assert {line["id"] for line in listed} == {None}  # no dispatch id: the envelope did not decode
        assert sorted(line["offset"] for line in listed) == list(range(N))
        assert {line["reason"] for line in listed} == {"invalid_envelope"}
        assert all(line["published"] is None for line in listed)

        done = replay(env)  # the worker is running: every replayed message becomes a new dead letter at once
        assert done.returncode == 0, done.stderr.decode()[-2000:]
        replayed = [orjson.loads(line) for line in done.stdout.decode().splitlines()]
        assert len(replayed) == N and all(line["published"]["topic"] == settings.topic_raw for line in replayed)
        assert f"replayed {N} dead letters" in done.stderr.decode()
        assert stable_count(settings, settings.topic_raw, 2 * N) == 2 * N  # the originals and one replay each
        assert stable_count(settings, settings.topic_dlq, 2 * N) == 2 * N  # all rejected again, once

        # the next replay starts where this one stopped: only the new letters, and --max takes the first ones
        again = replay(env, "--max", "2")
        assert again.returncode == 0, again.stderr.decode()[-2000:]
        offsets = [orjson.loads(line)["offset"] for line in again.stdout.decode().splitlines()]
        assert offsets == [N, N + 1]
        assert stable_count(settings, settings.topic_dlq, 2 * N + 2) == 2 * N + 2  # those two rejected again
        rest = replay(env)  # the one --max left, and the two letters the previous replay made
        assert [orjson.loads(line)["offset"] for line in rest.stdout.decode().splitlines()] == [N + 2, 2 * N, 2 * N + 1]
        assert stable_count(settings, settings.topic_raw, 2 * N + 5) == 2 * N + 5
    finally:
        worker.stop()


def test_replay_from_the_beginning_and_filters_see_every_letter_again(broker):
    settings = unique_settings(broker)
    ensure_topics(settings)
    producer = KafkaProducer(**settings.kafka_client_config(), acks="all")
    producer.send(settings.topic_dlq, value=b"not a dead letter")
    producer.flush()
    producer.close()
    env = settings_env(settings)
    first = replay(env, "--reason", "enrich_error")
    assert first.returncode == 0 and "1 not dead letters" in first.stderr.decode()
    assert replay(env, "--from-beginning", "--dry-run").stderr.decode().count("1 not dead letters") == 1
    assert "0 not dead letters" in replay(env).stderr.decode()  # remembered: nothing left to read
