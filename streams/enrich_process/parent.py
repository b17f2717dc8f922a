"""The enrichment process seen from the worker: start the child, send it batches, restart it when it is lost."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from multiprocessing.connection import Connection
from typing import Any

from streams.enrich_process.budget import MIN_BUDGET_S
from streams.enrich_process.memory import rss_mb
from streams.errors import ConfigError, EnrichAborted, EnrichFailed
from streams.logging import get_logger
from streams.wire.dispatch import Dispatch

log = get_logger("streams.enrich_process")  # the logger name its log lines have always carried

GRACE_S = 5.0  # the parent waits this much longer than the child announced before it calls the child stuck
START_TIMEOUT_S = 300.0  # loading the models


class _Lost(Exception):
    """The child died or went silent in the middle of a batch."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class EnrichmentProcess:
    """The child process that enriches, seen from the worker: `enrich_batch` blocks (call it off the event loop)."""

    def __init__(
        self,
        pipelines: dict[str, str],
        per_100k: float,
        *,
        log_level: str = "info",
        memory_mb: int = 0,
        kb_files: tuple[str, ...] = (),
        log_format: str = "json",
    ) -> None:
        from streams.nlp.enrich import Enricher  # labels only: nothing is loaded in this process

        self.pipelines = dict(pipelines)
        self.kb_files = tuple(kb_files)  # the user's knowledge-base files, read by the child
        self.per_100k = per_100k
        self.log_level = log_level
        self.log_format = log_format
        self.memory_mb = memory_mb  # the child's data limit (RLIMIT_DATA); 0: none
        self.models = Enricher(self.pipelines).models
        self.timeouts = 0  # dispatches over their budget, since start
        self.restarts = 0  # children started after the first
        self.restart_s: float | None = None  # how long the last start took (models loaded)
        self._proc: subprocess.Popen[bytes] | None = None
        self._send_conn: Connection | None = None
        self._recv_conn: Connection | None = None
        self._aborted = False
        self._lock = threading.Lock()

    # life cycle ----------------------------------------------------------------------------------

    def start(self) -> None:
        """Start the child and wait until its models are loaded; ConfigError if they cannot be."""
        started = time.monotonic()
        parent_read, child_write = os.pipe()
        child_read, parent_write = os.pipe()
        try:
            proc = subprocess.Popen(
                [sys.executable, "-m", "streams.enrich_process", str(child_read), str(child_write)],
                pass_fds=(child_read, child_write),
                stdin=subprocess.DEVNULL,
                close_fds=True,
            )
        finally:
            os.close(child_read)
            os.close(child_write)
        send, recv = Connection(parent_write, readable=False), Connection(parent_read, writable=False)
        with self._lock:
            self._proc, self._send_conn, self._recv_conn = proc, send, recv
        try:
            send.send(
                ("init", self.pipelines, self.per_100k, self.log_level, self.memory_mb, self.log_format, self.kb_files)
            )
            if not recv.poll(START_TIMEOUT_S):
                raise RuntimeError(f"the enrichment process did not load its models in {START_TIMEOUT_S:.0f} s")
            answer = recv.recv()
        except (EOFError, OSError) as exc:
            self._kill()
            raise RuntimeError(f"the enrichment process exited while starting (code {proc.poll()})") from exc
        if answer[0] == "error":
            self._kill()
            _, error_class, message = answer
            if error_class == "ConfigError":
                raise ConfigError(message)
            raise RuntimeError(f"the enrichment process could not start: {error_class}: {message}")
        self.restart_s = round(time.monotonic() - started, 2)

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None and self._proc.poll() is None else None

    def abort(self) -> None:
        """Kill the child now (the worker is stopping): a batch in it raises EnrichAborted, nothing is restarted.

        Only the process is killed here: the pipes are closed by the thread that reads them, once it sees the end
        of the child (a pipe closed under a reader could see its descriptor reused by another)."""
        self._aborted = True
        proc = self._proc
        if proc is not None and proc.poll() is None:
            proc.kill()

    def close(self) -> None:
        """Stop the child: asked first, killed if it does not go within 2 s."""
        proc, send = self._proc, self._send_conn
        if proc is None or proc.poll() is not None:
            return
        with contextlib.suppress(OSError, ValueError):
            send.send(("stop",))
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=2)
        self._kill()

    def _kill(self) -> None:
        with self._lock:  # each pipe is closed once, by whoever takes it here
            proc, conns = self._proc, (self._send_conn, self._recv_conn)
            self._send_conn = self._recv_conn = None
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait()
        for conn in conns:
            if conn is not None:
                with contextlib.suppress(OSError):
                    conn.close()

    def figures(self) -> dict[str, Any]:
        """What worker.stats reports about enrichment: timeouts, restarts, the child's memory."""
        return {
            "enrich_timeouts": self.timeouts,
            "enrich_restarts": self.restarts,
            "enrich_rss_mb": rss_mb(self.pid) if self.pid else None,
        }

    # enrichment ----------------------------------------------------------------------------------

    def enrich_batch(self, dispatches: list[Dispatch]) -> list[Any]:
        """An Enrichment or an exception per dispatch, in order; EnrichAborted when stopped meanwhile."""
        results: list[Any] = [None] * len(dispatches)
        pending = list(range(len(dispatches)))
        alone = False  # after the child was lost: one dispatch at a time
        while pending:
            if self._aborted:
                raise EnrichAborted("the enrichment process was stopped")
            if self.pid is None:
                restarting = self.restart_s is not None
                self.start()
                if restarting:
                    self.restarts += 1
                    log.warning("enrich.restarted", restart_s=self.restart_s, pid=self.pid)
            sent = pending[:1] if alone else pending
            try:
                for index, payload in self._exchange([dispatches[i] for i in sent]):
                    i = sent[index]
                    results[i] = _attach(payload, dispatches[i])
                    if isinstance(payload, EnrichFailed) and payload.reason == "enrich_timeout":
                        self.timeouts += 1
                for i in sent:  # the child answers every dispatch; should one be missing, it fails, never loops
                    if results[i] is None:
                        results[i] = EnrichFailed("enrich_error", "MissingResult", "the enrichment process sent none")
            except _Lost as lost:
                self._kill()
                if self._aborted:
                    raise EnrichAborted("the enrichment process was stopped") from None
                unfinished = [i for i in sent if results[i] is None]
                log.warning("enrich.lost", reason=lost.reason, error=str(lost), unfinished=len(unfinished))
                if alone and unfinished:
                    results[unfinished[0]] = EnrichFailed(lost.reason, "EnrichmentProcessLost", str(lost))
                    self.timeouts += lost.reason == "enrich_timeout"
                alone = True
            pending = [i for i in pending if results[i] is None]
        return results

    def _exchange(self, dispatches: list[Dispatch]) -> Iterator[tuple[int, Any]]:
        """Send a batch to the child; yield (index, result) as they come; _Lost if the child dies or hangs."""
        send, recv = self._send_conn, self._recv_conn
        if send is None or recv is None:
            raise _Lost("enrich_error", "the enrichment process is gone")
        try:
            send.send(("batch", dispatches))
        except (OSError, ValueError) as exc:
            raise _Lost("enrich_error", f"the enrichment process died: {self._exit_status()}") from exc
        allowance = GRACE_S + MIN_BUDGET_S
        while True:
            try:
                if not recv.poll(allowance):
                    raise _Lost(
                        "enrich_timeout",
                        f"the enrichment process did not answer within {allowance:.1f} s (a call it could not "
                        "interrupt); it was killed",
                    )
                message = recv.recv()
            except (EOFError, OSError, ValueError) as exc:
                raise _Lost("enrich_error", f"the enrichment process died: {self._exit_status()}") from exc
            kind = message[0]
            if kind == "alive":
                allowance = message[1] + max(GRACE_S, message[1] / 2)
            elif kind == "result":
                yield message[1], message[2]
                allowance = GRACE_S + MIN_BUDGET_S
            elif kind == "done":
                return

    def _exit_status(self) -> str:
        proc = self._proc
        code = proc.poll() if proc is not None else None
        if code is None and proc is not None and not self._aborted:
            with contextlib.suppress(subprocess.TimeoutExpired):
                code = proc.wait(timeout=1)
        if code is not None and code < 0:
            return f"killed by signal {signal.Signals(-code).name}"
        return f"exit code {code}"


def _attach(payload: Any, dispatch: Dispatch) -> Any:
    """The child sends results without their dispatch (the parent has it): put it back."""
    if isinstance(payload, BaseException):
        return payload
    return dataclasses.replace(payload, dispatch=dispatch)
