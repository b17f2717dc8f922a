"""The enrichment child's side: load the models, then enrich the batches the parent sends until told to stop."""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
from multiprocessing.connection import Connection
from typing import Any

from streams.enrich_process.batch_runner import BatchRunner, on_alarm
from streams.enrich_process.memory import limit_memory
from streams.wire.dispatch import Dispatch

PR_SET_PDEATHSIG = 1


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
        limit_memory(memory_mb)
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which says it in one line
        send.send(("error", type(exc).__name__, str(exc)))
        return 2
    send.send(("ready", enricher.models, os.getpid()))
    signal.signal(signal.SIGALRM, on_alarm)
    while True:
        try:
            message = recv.recv()
        except (EOFError, OSError):
            return 0
        if message[0] != "batch":
            return 0
        runner = BatchRunner(enricher, message[1], per_100k, send)
        runner.run()
        send.send(("done",))
        if runner.exhausted:
            return 0  # the parent starts a new child for the next batch
