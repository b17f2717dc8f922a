"""Integration fixtures: a real embedded broker, real workers, real Kafka clients.

One Tansu broker serves the whole session; each test module gets its own
topic names and consumer group, so tests never see each other's messages.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import orjson
import pytest
from kafka import KafkaConsumer, KafkaProducer

from streams.kafka.admin import ensure_topics
from streams.kafka.broker import EmbeddedBroker, stop_process
from streams.settings import Settings

pytestmark = pytest.mark.integration


@pytest.fixture(scope="session", autouse=True)
def faust_data_dirs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Faust's data directory of every app the tests start (`<app id>-data`) under a temporary directory, not in
    the working directory: Faust reads APP_DATADIR, and the worker processes inherit it."""
    previous = os.environ.get("APP_DATADIR")
    os.environ["APP_DATADIR"] = str(tmp_path_factory.mktemp("faust") / "{conf.name}-data")
    yield
    if previous is None:
        os.environ.pop("APP_DATADIR", None)
    else:
        os.environ["APP_DATADIR"] = previous


@pytest.fixture(scope="session")
def broker() -> Iterator[EmbeddedBroker]:
    with EmbeddedBroker() as running:
        yield running


def unique_settings(embedded: EmbeddedBroker, /, **changes: Any) -> Settings:
    """Settings with topic names and a consumer group of their own; `changes` override any of them."""
    tag = uuid.uuid4().hex[:8]
    defaults: dict[str, Any] = {
        "broker": embedded.url,
        "app_id": f"wirestream-test-{tag}",
        "topic_raw": f"raw-{tag}",
        "topic_enriched": f"enriched-{tag}",
        "topic_quotes": f"quotes-{tag}",
        "topic_entities": f"entities-{tag}",
        "topic_dlq": f"dlq-{tag}",
        "partitions": 2,
        "health_port": 0,
    }
    return Settings(**{**defaults, **changes})


def settings_env(settings: Settings) -> dict[str, str]:
    """The environment that makes a `wirestream` process use these settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIRESTREAM_")}
    return {**env, **settings.to_env()}


@dataclass
class WorkerProcess:
    """A `wirestream worker` subprocess whose JSON log lines are collected."""

    proc: subprocess.Popen[bytes]
    lines: list[dict[str, Any]] = field(default_factory=list)
    raw_lines: list[str] = field(default_factory=list)

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            text = line.decode("utf-8", "replace").rstrip("\n")
            self.raw_lines.append(text)
            with contextlib.suppress(orjson.JSONDecodeError):
                self.lines.append(orjson.loads(text))

    def events(self, name: str) -> list[dict[str, Any]]:
        return [line for line in self.lines if line.get("event") == name]

    def wait_for_log(self, name: str, timeout: float = 90.0) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.events(name)
            if found:
                return found[0]
            if self.proc.poll() is not None:
                raise AssertionError(f"worker exited ({self.proc.returncode}):\n" + "\n".join(self.raw_lines[-30:]))
            time.sleep(0.1)
        raise AssertionError(f"no {name!r} log line within {timeout} s:\n" + "\n".join(self.raw_lines[-30:]))

    def stop(self, timeout: float = 20.0) -> int:
        return stop_process(self.proc, timeout)


def start_worker(settings: Settings, command: str = "worker") -> WorkerProcess:
    """`wirestream worker` (or another long-running command: "desk") with these settings, its log lines read."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "streams", command],
        env=settings_env(settings),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    worker = WorkerProcess(proc)
    threading.Thread(target=worker._read, daemon=True).start()
    return worker


@pytest.fixture(scope="module")
def settings(broker: EmbeddedBroker) -> Settings:
    settings = unique_settings(broker)
    ensure_topics(settings)
    return settings


@pytest.fixture(scope="module")
def worker(settings: Settings) -> Iterator[WorkerProcess]:
    running = start_worker(settings)
    running.wait_for_log("worker.assigned")
    yield running
    running.stop()


@pytest.fixture(scope="module")
def publish(settings: Settings) -> Iterator[Callable[..., None]]:
    producer = KafkaProducer(**settings.kafka_client_config(), acks="all")

    def send(value: bytes | None, key: bytes | None = None) -> None:
        producer.send(settings.topic_raw, value=value, key=key).get(timeout=30)

    yield send
    producer.close()


def consume(settings: Settings, topic: str, until: Callable[[list[Any]], bool], timeout: float = 60.0) -> list[Any]:
    """Read `topic` from the beginning until `until(records)` holds; records are kafka-python ConsumerRecords."""
    consumer = KafkaConsumer(
        topic,
        **settings.kafka_client_config(),
        group_id=None,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        consumer_timeout_ms=500,
    )
    records: list[Any] = []
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            records.extend(consumer)
            if until(records):
                return records
    finally:
        consumer.close()
    raise AssertionError(f"{topic}: condition not met within {timeout} s; got {len(records)} records")
