"""The log stream stays one JSON object per line, even when a thread dies of an exception."""

from __future__ import annotations

import io
import logging
import threading

import orjson
import pytest
import structlog

from streams.logging import configure_logging


@pytest.fixture
def json_logs():
    root = logging.getLogger()
    saved = root.handlers[:], root.level, threading.excepthook
    out = io.StringIO()
    configure_logging("info", stream=out)
    yield out
    root.handlers[:], level, threading.excepthook = saved
    root.setLevel(level)
    structlog.reset_defaults()


def test_an_exception_that_ends_a_thread_is_one_json_line(json_logs):
    def fail() -> None:
        raise ConnectionError("Connection at 127.0.0.1:9092 closed")

    thread = threading.Thread(target=fail, name="consumer-thread")
    thread.start()
    thread.join()
    lines = json_logs.getvalue().splitlines()
    assert len(lines) == 1
    crash = orjson.loads(lines[0])
    assert crash["event"] == "thread.crashed" and crash["level"] == "error"
    assert crash["thread"] == "consumer-thread"
    assert crash["error_class"] == "ConnectionError"
    assert "127.0.0.1:9092 closed" in crash["error"]
    assert "Traceback" in crash["exception"] and "in fail" in crash["exception"]


def test_a_thread_that_exits_with_system_exit_logs_nothing(json_logs):
    thread = threading.Thread(target=lambda: (_ for _ in ()).throw(SystemExit(0)))
    thread.start()
    thread.join()
    assert json_logs.getvalue() == ""
