"""One batch in the enrichment child: results streamed to the parent, each wait armed with its budget."""

from __future__ import annotations

import contextlib
import dataclasses
import signal
from multiprocessing.connection import Connection
from typing import Any

from streams.enrich_process.budget import (
    ALONE_CHARS,
    CHUNK_CHARS,
    CHUNK_DISPATCHES,
    budget_seconds,
    first_wait_seconds,
)
from streams.errors import EnrichFailed
from streams.wire.dispatch import Dispatch


class _Overrun(BaseException):
    """The budget's timer went off. A BaseException, so that no `except Exception` in a rule swallows it."""


def on_alarm(signum: int, frame: Any) -> None:
    raise _Overrun()


class BatchRunner:
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
