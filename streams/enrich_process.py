"""Enrichment in a child process, with a time budget per dispatch: no message can hold the worker.

The worker (the parent) does the Kafka I/O; one child process loads the spaCy pipelines and the
language detector, the only process that holds them, and enriches the batches it is sent. Python's
`re` holds the GIL while it matches, so a slow rule in the worker's own process would stop its
event loop, its health endpoint and its heartbeats; in a child it stops nothing but the child.

The budget of a dispatch is `per_100k` seconds per 100,000 characters of its text, and at least
`MIN_BUDGET_S` (`WIRESTREAM_ENRICH_BUDGET`). In the child, the wait for each result is armed with
a timer (SIGALRM): the wait for the first result of a batch may take the first dispatch's budget and
the others' share of the models' work (they parse the batch together first: `first_wait_seconds`),
each next one its own dispatch's budget. Dispatches over `ALONE_CHARS` are enriched on their own. A dispatch
over its budget is interrupted there (`re` and Python code check for signals) and becomes an
`EnrichFailed("enrich_timeout")`; when the first result is late, the culprit is not known and the
batch's dispatches are tried again one at a time, each with its own budget. The child stays up and
keeps its models: nothing is reloaded.

The parent is the second line: if the child sends nothing for longer than it announced (a C call
that never checks for signals) or dies (a crash, the kernel's OOM killer), the parent kills it,
starts a new one (the models load again: `restart_s` is measured) and sends the unfinished
dispatches one at a time; one that stops or kills the child again is failed (`enrich_timeout` or
`enrich_error`). `abort()` (SIGTERM and its drain timeout) kills the child at once: the batch in
it fails with `EnrichAborted` and nothing of it is acknowledged.

No Kafka import here (tests/unit/test_no_kafka.py).
"""

from __future__ import annotations

import contextlib
import ctypes
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

from streams.errors import ConfigError, EnrichAborted, EnrichFailed
from streams.logging import get_logger
from streams.wire.dispatch import Dispatch

log = get_logger(__name__)

MIN_BUDGET_S = 1.0  # every dispatch gets at least this long, however short
BUDGET_UNIT_CHARS = 100_000  # the budget setting is in seconds per this many characters
SHARED_MIN_S = 0.1  # the least a batch's first wait allows for each other dispatch's share of the models' work
ALONE_CHARS = 20_000  # longer dispatches (rare: wire copy is 1-5 KB) are enriched on their own, never batched
# The models get at most this many dispatches, and characters, at once: a batch of newsMessages can hold hundreds
# of items, and spaCy holds every Doc of a call (800 items of 9 KB in one call took the child to 8.6 GB).
CHUNK_DISPATCHES = 16
CHUNK_CHARS = 200_000
GRACE_S = 5.0  # the parent waits this much longer than the child announced before it calls the child stuck
START_TIMEOUT_S = 300.0  # loading the models
PR_SET_PDEATHSIG = 1


def budget_seconds(dispatch: Dispatch, per_100k: float) -> float:
    """The enrichment time budget of one dispatch."""
    return max(MIN_BUDGET_S, per_100k * len(dispatch.text) / BUDGET_UNIT_CHARS)


def first_wait_seconds(batch: list[Dispatch], per_100k: float) -> float:
    """How long the first result of a batch may take: the first dispatch's budget, and each other's share of the
    work the models do for the whole batch before any result (its characters' worth of budget, at least 0.1 s)."""
    shared = sum(max(SHARED_MIN_S, per_100k * len(d.text) / BUDGET_UNIT_CHARS) for d in batch[1:])
    return budget_seconds(batch[0], per_100k) + shared


# -- the parent's side ----------------------------------------------------------------------------


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


def rss_mb(pid: int | str = "self") -> float | None:
    """Resident memory of a process, in MB (Linux /proc)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


# -- the child's side -----------------------------------------------------------------------------


class _Overrun(BaseException):
    """The budget's timer went off. A BaseException, so that no `except Exception` in a rule swallows it."""


def _on_alarm(signum: int, frame: Any) -> None:
    raise _Overrun()


class _BatchRunner:
    """Enrich one batch in the child: results streamed to the parent, each wait armed with its budget."""

    def __init__(self, enricher: Any, dispatches: list[Dispatch], per_100k: float, conn: Connection) -> None:
        self.enricher = enricher
        self.dispatches = dispatches
        self.per_100k = per_100k
        self.conn = conn
        self.exhausted = False  # a dispatch ran out of memory

    def run(self) -> None:
        # a long dispatch goes on its own: batched, it would be slow to find out if it is the one over budget
        long = {i for i, d in enumerate(self.dispatches) if len(d.text) > ALONE_CHARS}
        chunk: list[int] = []
        chars = 0
        for i, dispatch in enumerate(self.dispatches):
            if i in long:
                continue
            if chunk and (len(chunk) == CHUNK_DISPATCHES or chars + len(dispatch.text) > CHUNK_CHARS):
                self._batch(chunk)
                chunk, chars = [], 0
            chunk.append(i)
            chars += len(dispatch.text)
        self._batch(chunk)
        for i in sorted(long):
            self._alone(i)

    def _batch(self, indices: list[int]) -> None:
        while indices:
            if len(indices) == 1:
                self._alone(indices[0])
                return
            done, failure = self._attempt(indices)
            if failure is None:
                return
            if isinstance(failure, _Overrun) and done > 0:
                # the models' shared work was over when the previous result came: this dispatch is the slow one
                self._fail(indices[done], failure)
                indices = indices[done + 1 :]
                continue
            for i in indices[done:]:  # the culprit is not known: each on its own
                self._alone(i)
            return

    def _alone(self, i: int) -> None:
        _, failure = self._attempt([i])
        if failure is not None:
            self._fail(i, failure)

    def _attempt(self, indices: list[int]) -> tuple[int, BaseException | None]:
        """Enrich these dispatches together; (how many results were sent, the failure that stopped it or None)."""
        batch = [self.dispatches[i] for i in indices]
        limit = first_wait_seconds(batch, self.per_100k)
        done = 0
        results = self.enricher.enrich_many(batch)
        try:
            while done < len(indices):
                self.conn.send(("alive", limit))
                signal.setitimer(signal.ITIMER_REAL, limit)
                try:
                    result = next(results)
                finally:
                    signal.setitimer(signal.ITIMER_REAL, 0)
                self.conn.send(("result", indices[done], dataclasses.replace(result, dispatch=None)))
                done += 1
                if done < len(indices):
                    limit = budget_seconds(batch[done], self.per_100k)
            return done, None
        except _Overrun as overrun:
            return done, overrun
        except Exception as exc:  # noqa: BLE001 - becomes this dispatch's (or, alone, each one's) failure
            return done, exc
        finally:
            with contextlib.suppress(Exception):
                results.close()

    def _fail(self, i: int, failure: BaseException) -> None:
        dispatch = self.dispatches[i]
        if isinstance(failure, _Overrun):
            budget = budget_seconds(dispatch, self.per_100k)
            error = EnrichFailed(
                "enrich_timeout",
                "EnrichTimeout",
                f"enriching {len(dispatch.text)} characters took longer than its budget of {budget:.1f} s "
                "(WIRESTREAM_ENRICH_BUDGET)",
            )
        elif isinstance(failure, MemoryError):
            self.exhausted = True  # the heap it grew to stays: a fresh child takes the next batch
            error = EnrichFailed(
                "enrich_memory",
                "MemoryError",
                f"enriching {len(dispatch.text)} characters needs more memory than the enrichment process may use "
                "(WIRESTREAM_ENRICH_MEMORY_MB)",
            )
        else:
            error = EnrichFailed("enrich_error", type(failure).__name__, _message(failure))
        self.conn.send(("result", i, error))


def _message(error: BaseException) -> str:
    try:
        return str(error)[:1000]
    except Exception:  # noqa: BLE001
        return type(error).__name__


def _die_with_parent() -> None:
    """Have the kernel kill this process when the worker dies, even by SIGKILL (Linux)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


WARM_UP = {
    "fr": "NAMUR, 3 mars (Belga) - Le ministre Jean Dupont a déclaré: « Le budget est voté. » à Namur.",
    "nl": "BRUSSEL, 3 maart (Belga) - Minister Jan Peeters zei dat de begroting klaar is in Antwerpen.",
    "en": "LONDON, March 3 (Reuters) - Minister John Smith said the budget was passed in Leeds.",
    "de": "BERLIN, 3. März (dpa) - Der Minister Hans Müller sagte, der Haushalt sei beschlossen.",
}


def _warm(enricher: Any) -> None:
    """Enrich a dispatch per language once, so the gazetteers and caches that are built on first use are
    built now: a fresh child's first dispatch must not spend its budget on them."""
    list(enricher.enrich_many([Dispatch(id=f"warm-{lang}", text=text, lang=lang) for lang, text in WARM_UP.items()]))


def _limit_memory(memory_mb: int) -> None:
    """Cap the child's data (heap and private mappings: RLIMIT_DATA) once its models are loaded.

    A text that needs more (spaCy and the quote rules take about 4 KB per character of quote-dense text)
    then fails with MemoryError, which is that dispatch's dead letter (`enrich_memory`), instead of the
    kernel's OOM killer ending the pod. The child also offers itself first to the OOM killer.
    """
    with contextlib.suppress(OSError), open("/proc/self/oom_score_adj", "w", encoding="ascii") as adj:
        adj.write("1000")
    if not memory_mb:
        return
    import resource

    limit = memory_mb * 1024 * 1024
    used = _vm_data_bytes()
    if used is not None and used > limit * 0.8:
        raise ConfigError(
            f"setting WIRESTREAM_ENRICH_MEMORY_MB: {memory_mb} MB leaves no room, the models take "
            f"{used // 2**20} MB of data already"
        )
    resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))


def _vm_data_bytes() -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmData:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def serve(read_fd: int, write_fd: int) -> int:
    """The child's main loop: load the models, then enrich the batches the parent sends until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the worker decides when to stop (Ctrl-C reaches the group)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    _die_with_parent()
    recv, send = Connection(read_fd, writable=False), Connection(write_fd, readable=False)
    _, pipelines, per_100k, log_level, memory_mb, log_format, kb_files = recv.recv()
    from streams.logging import configure_logging

    configure_logging(log_level, log_format=log_format)
    try:
        from streams.nlp.enrich import Enricher

        enricher = Enricher(pipelines, kb_files)
        enricher.load()
        _warm(enricher)
        _limit_memory(memory_mb)
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which says it in one line
        send.send(("error", type(exc).__name__, str(exc)))
        return 2
    send.send(("ready", enricher.models, os.getpid()))
    signal.signal(signal.SIGALRM, _on_alarm)
    while True:
        try:
            message = recv.recv()
        except (EOFError, OSError):
            return 0
        if message[0] != "batch":
            return 0
        runner = _BatchRunner(enricher, message[1], per_100k, send)
        runner.run()
        send.send(("done",))
        if runner.exhausted:
            return 0  # the parent starts a new child for the next batch


if __name__ == "__main__":
    sys.exit(serve(int(sys.argv[1]), int(sys.argv[2])))
