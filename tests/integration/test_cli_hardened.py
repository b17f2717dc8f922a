"""The `wirestream` commands when things are not as they should be: no broker, no topic, SIGTERM; and what
`publish` and `tail` give back, on the embedded broker."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest
from kafka import KafkaAdminClient, KafkaProducer

from streams.events import Source, dumps, withdrawn_event
from streams.kafka.broker import free_port
from streams.settings import Settings
from streams.wire.decode import decode
from tests.integration.conftest import consume, settings_env, start_worker, unique_settings

pytestmark = pytest.mark.integration

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def wirestream(*args: str, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "streams", *args], capture_output=True, env=env, timeout=timeout)


def clean_env(**variables: str) -> dict[str, str]:
    return {**{k: v for k, v in os.environ.items() if not k.startswith("WIRESTREAM_")}, **variables}


def test_an_unreachable_broker_is_one_line_and_exit_69_within_seconds(tmp_path):
    text = tmp_path / "dispatch.txt"
    text.write_text("NAMUR (Belga) - Le conseil communal a voté le budget. (Belga)\n")
    env = clean_env(WIRESTREAM_BROKER=f"kafka://127.0.0.1:{free_port()}")  # nothing listens there
    commands = [["publish", str(text)], ["tail", "wire.enriched"], ["replay"], ["topics", "create"]]
    for command in [*commands, ["run", "--broker", env["WIRESTREAM_BROKER"]]]:
        started = time.monotonic()
        done = wirestream(*command, env=env, timeout=60)
        took = time.monotonic() - started
        lines = done.stderr.decode().splitlines()
        assert done.returncode == 69, (command, done.stderr.decode()[-2000:])
        assert len(lines) == 1 and lines[0].startswith("wirestream: no broker answered at kafka://127.0.0.1:"), lines
        assert took < 15, (command, took)


def test_an_unknown_topic_is_refused_and_not_created(broker, tmp_path):
    settings = unique_settings(broker)
    env = settings_env(settings)
    text = tmp_path / "dispatch.txt"
    text.write_text("NAMUR (Belga) - Le conseil communal a voté le budget. (Belga)\n")
    for command in (
        ["tail", "wire.enriched-typo", "--idle-timeout", "1"],
        ["publish", "--topic", "wire.rav", str(text)],
    ):
        done = wirestream(*command, env=env)
        assert done.returncode == 67, done.stderr.decode()[-2000:]
        (line,) = done.stderr.decode().splitlines()
        assert line.startswith("wirestream: topic 'wire.") and "does not exist" in line
    admin = KafkaAdminClient(**settings.kafka_client_config())
    try:
        assert not {"wire.enriched-typo", "wire.rav"} & set(admin.list_topics())
    finally:
        admin.close()


def test_publish_keys_by_dispatch_id_and_tail_folds_accents_and_takes_entity_ids(broker, tmp_path):
    settings = unique_settings(broker)
    env = settings_env(settings)
    assert wirestream("topics", "create", env=env).returncode == 0
    envelopes = tmp_path / "feed.ndjson"
    versions = [
        {"id": "tram-1", "version": v, "body": f"LIÈGE (Belga) - Le tram de Liège roule. Version {v}."} for v in (1, 2)
    ]
    envelopes.write_bytes(b"".join(orjson.dumps(e) + b"\n" for e in versions))
    newsml = [FIXTURES / "newsml" / f"belga-budget-v{v}.xml" for v in (1, 2)]
    nitf = FIXTURES / "nitf" / "afp-seisme-v1.xml"
    done = wirestream("publish", str(envelopes), *map(str, newsml), str(nitf), env=env)
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    lines = [orjson.loads(line) for line in done.stdout.decode().splitlines()]
    guid = "urn:newsml:belga.be:20250403:BEL-NAMUR-BUDGET"
    assert [line["id"] for line in lines] == ["tram-1", "tram-1", guid, guid, "afp-20250403-seisme-grece-0831"]
    assert {line["topic"] for line in lines} == {settings.topic_raw}
    assert lines[0]["partition"] == lines[1]["partition"] and lines[2]["partition"] == lines[3]["partition"]
    records = consume(settings, settings.topic_raw, lambda rs: len(rs) >= 5)
    placed = {(r.partition, r.offset): r.key.decode() for r in records}
    assert all(placed[(line["partition"], line["offset"])] == line["id"] for line in lines)

    worker = start_worker(settings)
    try:
        consume(settings, settings.topic_enriched, lambda rs: len({r.key for r in rs}) >= 3, timeout=120)
    finally:
        worker.stop()
    liege = wirestream("tail", settings.topic_enriched, "--entity", "liege", "--idle-timeout", "3", env=env)
    found = [orjson.loads(line) for line in liege.stdout.decode().splitlines()]
    assert found and {event["id"] for event in found} == {"tram-1"}
    entity_id = next(e["id"] for e in found[0]["entities"] if e["name"] == "Liège")
    by_id = wirestream("tail", settings.topic_entities, "--entity-id", entity_id, "--idle-timeout", "3", env=env)
    entities = [orjson.loads(line) for line in by_id.stdout.decode().splitlines()]
    assert entities and {e["id"] for e in entities} == {entity_id}


def descendants(pid: int) -> set[int]:
    """Every process below `pid`, from /proc."""
    children: dict[int, set[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), set()).add(int(stat.parent.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), ()):
            found.add(child)
            todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has exited; only its exit status waits for a parent to read it


def test_run_shows_any_event_and_sigterm_stops_it_its_worker_and_its_broker_and_it_ignores_wirestream_broker(
    tmp_path,
):
    unreachable = f"kafka://127.0.0.1:{free_port()}"
    out, err = tmp_path / "stdout", tmp_path / "stderr"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        run = subprocess.Popen(
            [sys.executable, "-m", "streams", "run"],
            stdout=stdout,
            stderr=stderr,
            env=clean_env(WIRESTREAM_BROKER=unreachable),
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + 180
            while len(out.read_bytes().splitlines()) < 5 and time.monotonic() < deadline and run.poll() is None:
                time.sleep(0.2)
            assert len(out.read_bytes().splitlines()) == 5, err.read_text()[-3000:]
            url = re.search(r"embedded broker on (kafka://\S+)", err.read_text()).group(1)
            (dispatch,) = decode((FIXTURES / "newsml" / "belga-budget-v4-canceled.xml").read_bytes())
            withdrawn = dumps(withdrawn_event(dispatch, Source(topic="wire.raw", partition=0, offset=9)))
            producer = KafkaProducer(bootstrap_servers=Settings(broker=url).bootstrap_servers, acks="all")
            for key, value in ((b"w", withdrawn), (b"t", None), (b"l", b"[1, 2]"), (b"g", b"not json")):
                producer.send("wire.enriched", key=key, value=value)
            producer.flush()
            producer.close()
            while len(out.read_bytes().splitlines()) < 7 and time.monotonic() < deadline and run.poll() is None:
                time.sleep(0.2)
            started = descendants(run.pid)
            assert len(started) >= 3  # the broker, the worker and its enrichment process
            run.send_signal(signal.SIGTERM)  # to run alone, as systemd or timeout(1) do
            assert run.wait(timeout=60) == 143
        finally:
            if run.poll() is None:
                os.killpg(run.pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in started) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in started if alive(pid)]
    text = err.read_text()
    assert f"WIRESTREAM_BROKER={unreachable} is ignored" in text and "embedded broker on kafka://127.0.0.1:" in text
    assert "broker.stopped" in text and "worker.stopping" in text
    assert not any(line.startswith("{") for line in text.splitlines())  # console log lines, for people
    results = [orjson.loads(line) for line in out.read_text().splitlines()]  # results alone on stdout
    assert [r["language"] for r in results[:5]] and all(r["language"] in ("fr", "nl", "en") for r in results[:5])
    others = [  # in any order: they went to partitions of their own
        {"schema": "wirestream.withdrawn.v1", "id": dispatch.id, "version": dispatch.version, "status": "canceled"},
        {"schema": None, "value": [1, 2]},
    ]
    assert sorted(results[5:], key=orjson.dumps) == sorted(others, key=orjson.dumps)
