"""Tests for the child-process helper the broker, the CLI, the tests and the benchmark share."""

from __future__ import annotations

import subprocess
import sys

from streams.kafka.broker import stop_process


def test_a_process_that_stops_on_sigterm_gives_its_exit_code():
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    assert stop_process(proc, timeout=10) == -15


def test_a_process_that_ignores_sigterm_is_killed_after_the_timeout():
    code = (
        "import signal, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\nprint('ready', flush=True)\ntime.sleep(60)"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
    assert proc.stdout is not None and proc.stdout.readline() == b"ready\n"
    assert stop_process(proc, timeout=0.5) == -9


def test_a_process_that_already_ended_is_left_alone():
    proc = subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"])
    proc.wait()
    assert stop_process(proc, timeout=1) == 3
