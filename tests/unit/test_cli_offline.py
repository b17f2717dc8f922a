"""Commands that need no broker: enrich, config, and configuration errors."""

from __future__ import annotations

import json
import subprocess
import sys

import orjson

from tests.eval_data import EVAL_DIR, seed_dispatch
from tests.schemas import validate


def wirestream(*args, env=None, input=None):
    return subprocess.run(
        [sys.executable, "-m", "streams", *args], capture_output=True, env=env, input=input, timeout=120
    )


def test_enrich_output_scores_with_the_shared_scorer(tmp_path):
    seed_dispatch()  # skips when the gold data is absent
    out = tmp_path / "pred.jsonl"
    done = wirestream("enrich", str(EVAL_DIR / "seed.jsonl"), "-o", str(out))
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    events = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert [e["id"] for e in events] == ["fr-seed"]
    validate(events[0])
    scored = subprocess.run(
        [
            sys.executable,
            str(EVAL_DIR / "score.py"),
            "--gold",
            str(EVAL_DIR / "seed.jsonl"),
            "--pred",
            str(out),
            "--json",
        ],
        capture_output=True,
        check=True,
    )
    figures = json.loads(scored.stdout)
    assert figures["docs_missing"] == 0
    assert figures["quotes_direct_f1"] == 1.0
    assert figures["speaker_accuracy"] == 1.0
    assert figures["not_quote_hits"] == 0
    assert figures["entities_f1"] >= 0.8


def test_enrich_reads_stdin_and_reports_failures_as_dead_letters(tmp_path):
    lines = b'{"id": "a", "body": "GAND (Belga) - Le port a battu un record en 2025."}\n{"id": "b", "body": 3}\n'
    dead = tmp_path / "dead.jsonl"
    done = wirestream("enrich", "-", "--dead-letters", str(dead), input=lines)
    assert done.returncode == 1  # something failed, and it says so
    assert [orjson.loads(line)["id"] for line in done.stdout.splitlines()] == ["a"]
    letters = [orjson.loads(line) for line in dead.read_bytes().splitlines()]
    assert [(d["reason"], d["stage"]) for d in letters] == [("invalid_envelope", "decode")]
    validate(letters[0])


def test_config_prints_every_setting(tmp_path):
    done = wirestream("config", env={"WIRESTREAM_TOPIC_RAW": "feed.in", "PATH": "/usr/bin"})
    assert done.returncode == 0
    out = done.stdout.decode()
    assert "WIRESTREAM_TOPIC_RAW=feed.in\t#" in out
    assert "WIRESTREAM_BROKER=kafka://localhost:9092" in out


def test_bad_configuration_fails_with_one_line_naming_the_setting():
    for env, named in (
        ({"WIRESTREAM_BROKER": "http://x"}, "WIRESTREAM_BROKER"),
        ({"WIRESTREAM_PARTITONS": "1"}, "did you mean WIRESTREAM_PARTITIONS?"),  # a typo; other names: ignored
        ({"WIRESTREAM_PARTITIONS": "many"}, "WIRESTREAM_PARTITIONS"),
    ):
        done = wirestream("config", env={**env, "PATH": "/usr/bin"})
        assert done.returncode == 2
        message = done.stderr.decode().strip()
        assert named in message and "\n" not in message
