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


def test_the_console_format_is_one_text_line_per_event_ours_and_the_libraries():
    root = logging.getLogger()
    saved = root.handlers[:], root.level, threading.excepthook
    out = io.StringIO()
    try:
        configure_logging("info", stream=out, log_format="console")
        structlog.get_logger("streams.test").info("worker.assigned", partitions=[0, 1])
        logging.getLogger("faust.test").warning("Consumer %s", "lagging")
    finally:
        root.handlers[:], level, threading.excepthook = saved
        root.setLevel(level)
        structlog.reset_defaults()
    ours, theirs = out.getvalue().splitlines()
    assert not ours.startswith("{") and "worker.assigned" in ours and "partitions=[0, 1]" in ours
    assert "[info" in ours and ours[:4].isdigit()  # the time first
    assert "library.log" in theirs and "message='Consumer lagging'" in theirs and "[warning" in theirs
