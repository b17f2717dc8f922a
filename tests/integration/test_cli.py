"""The `wirestream` commands as a user runs them, against the embedded broker."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import orjson
import pytest

from streams.commands.run import sample_values
from tests.integration.conftest import consume, settings_env, unique_settings
from tests.schemas import validate

pytestmark = pytest.mark.integration


def wirestream(*args, env=None, timeout=180, input=None):
    return subprocess.run(
        [sys.executable, "-m", "streams", *args], capture_output=True, env=env, timeout=timeout, input=input
    )


def test_run_shows_every_sample_enriched_on_its_own_embedded_broker():
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIRESTREAM_")}
    done = wirestream("run", "--until-done", "--timeout", "120", env=env)
    assert done.returncode == 0, done.stderr.decode()[-3000:]
    lines = [orjson.loads(line) for line in done.stdout.decode().splitlines()]
    assert len(lines) == len(sample_values()) == 5
    assert {line["language"] for line in lines} == {"fr", "nl", "en"}
    assert any(q["speaker"] == "Nadia Lemaire" for line in lines for q in line["quotes"])
    assert "embedded broker on kafka://127.0.0.1:" in done.stderr.decode()


def test_ctrl_c_stops_run_cleanly_the_worker_before_its_broker(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIRESTREAM_")}
    out, err = tmp_path / "stdout", tmp_path / "stderr"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        # a process group of its own, like a shell's foreground job: Ctrl-C signals the whole group
        run = subprocess.Popen(
            [sys.executable, "-m", "streams", "--log-format", "json", "run"],
            stdout=stdout,
            stderr=stderr,
            env=env,
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + 180
            while len(out.read_bytes().splitlines()) < 5 and time.monotonic() < deadline and run.poll() is None:
                time.sleep(0.2)
            assert len(out.read_bytes().splitlines()) == 5, err.read_text()[-3000:]
            os.killpg(run.pid, signal.SIGINT)
            assert run.wait(timeout=60) == 130
        finally:
            if run.poll() is None:
                os.killpg(run.pid, signal.SIGKILL)
    text = err.read_text().splitlines()
    logs = [orjson.loads(line) for line in text if line.startswith("{")]
    assert all(line.startswith(("{", "wirestream: ")) for line in text if line), text
    assert [line for line in logs if line["level"] in ("error", "critical")] == []
    events = [line["event"] for line in logs]
    assert "worker.stopping" in events and events[-1] == "broker.stopped"
    broker_pid = next(line["pid"] for line in logs if line["event"] == "broker.started")
    with pytest.raises(ProcessLookupError):
        os.kill(broker_pid, 0)


def test_publish_then_tail_with_filters(broker, tmp_path):
    settings = unique_settings(broker)
    env = settings_env(settings)
    created = wirestream("topics", "create", env=env)
    assert created.returncode == 0, created.stderr.decode()
    assert f"{settings.topic_dlq}\t1 partitions\tcreated" in created.stdout.decode()

    text = tmp_path / "dispatch.txt"
    text.write_text("HASSELT (Belga) - Burgemeester Karel Jacobs opende dinsdag het nieuwe stadhuis. (Belga)\n")
    envelopes = tmp_path / "more.jsonl"
    envelopes.write_bytes(
        orjson.dumps(
            {
                "id": "tail-2",
                "body": "TOURNAI (Belga) - « Nous rouvrirons la piscine dès le mois de juin », "
                "a annoncé mardi l'échevine des Sports Julie Moreau. (Belga)",
            }
        )
        + b"\n\n"
        + orjson.dumps(
            {"id": "tail-3", "raw": "Le musée de Tournai rouvre ses portes samedi après deux ans de travaux."}
        )
        + b"\n"
    )
    published = wirestream("publish", str(text), str(envelopes), env=env)
    assert published.returncode == 0, published.stderr.decode()
    assert "published 3 dispatches" in published.stderr.decode()

    worker = subprocess.Popen([sys.executable, "-m", "streams", "worker"], env=env, stderr=subprocess.DEVNULL)
    try:
        consume(settings, settings.topic_enriched, lambda rs: len(rs) >= 3, timeout=90)
    finally:
        worker.terminate()
        assert worker.wait(timeout=20) == 0

    everything = wirestream("tail", settings.topic_enriched, "--idle-timeout", "3", env=env)
    events = [orjson.loads(line) for line in everything.stdout.decode().splitlines()]
    assert sorted(e["id"] for e in events)[1:] == ["tail-2", "tail-3"]
    for event in events:
        validate(event)

    by_speaker = wirestream("tail", settings.topic_quotes, "--speaker", "moreau", "--idle-timeout", "3", env=env)
    quotes = [orjson.loads(line) for line in by_speaker.stdout.decode().splitlines()]
    assert [q["dispatch_id"] for q in quotes] == ["tail-2"]
    assert quotes[0]["speaker"]["name"] == "Julie Moreau"

    by_entity = wirestream(
        "tail", settings.topic_enriched, "--entity", "jacobs", "--max", "5", "--idle-timeout", "3", env=env
    )
    matched = [orjson.loads(line) for line in by_entity.stdout.decode().splitlines()]
    assert len(matched) == 1 and "Hasselt" in matched[0]["dateline"]["place"]
