"""`wirestream worker`: the Faust enrichment worker against a Kafka cluster."""

from __future__ import annotations

import argparse
import atexit
import contextlib
import os
from typing import Any

from streams import __version__
from streams.logging import get_logger
from streams.settings import Settings

log = get_logger("streams.cli")  # the logger name its log lines have always carried

EXIT_DATA_DIR = 73  # EX_CANTCREAT: the data directory cannot be written (read-only, full)


def cmd_worker(args: argparse.Namespace, settings: Settings) -> int:
    from streams.kafka.faust_compat import check_codecs, check_versions

    check_versions()  # before anything else: an override of a renamed internal would do nothing, silently
    check_codecs()  # a compressed message the consumer cannot read would stop the worker on every restart
    from streams.kafka.admin import check_topics, ensure_topics
    from streams.kafka.app import create_app
    from streams.kafka.backoff import retry
    from streams.kafka.faust_compat import Worker

    if settings.enrich_budget > 0:
        from streams.enrich_process.parent import EnrichmentProcess

        enricher: Any = EnrichmentProcess(
            settings.pipeline_map,
            settings.enrich_budget,
            log_level=settings.log_level,
            memory_mb=settings.enrich_memory_mb,
            kb_files=settings.kb_paths,
            log_format=settings.log_format,
        )
        atexit.register(enricher.close)
        enricher.start()  # the models load in the child; a missing one fails here, before anything connects
    else:
        from streams.nlp.enrich import Enricher

        enricher = Enricher(settings.pipeline_map, settings.kb_paths)
        enricher.load()  # a missing model fails here, before anything connects
    if settings.create_topics:
        retry(lambda: ensure_topics(settings), what="topics.ensure", broker=settings.broker)
    else:
        retry(lambda: check_topics(settings), what="topics.check", broker=settings.broker)
    app = create_app(settings, enricher)
    problem = data_dir_problem(app.conf.datadir)
    if problem is not None:
        log.critical(
            "worker.fatal",
            error_class=type(problem).__name__,
            error=str(problem)[:500],
            action=f"make the data directory {app.conf.datadir.absolute()} writable and give it free space "
            "(a few MB; nothing in it must survive a restart), then restart the worker",
            offsets=[],
        )
        return EXIT_DATA_DIR
    log.info(
        "worker.starting", broker=settings.broker, topic=settings.topic_raw, models=enricher.models, version=__version__
    )
    app.worker_stats.models_loaded = True
    worker = Worker(app, loglevel=settings.log_level, override_logging=False, quiet=True, redirect_stdouts=False)
    worker.execute_from_commandline()
    return 0


def data_dir_problem(path: Any) -> OSError | None:
    """Why Faust's data directory cannot be used (read-only, full, not a directory), or None.

    Faust creates it at start and exits 1 with a library log line when it cannot; this probe says it first,
    as worker.fatal with what to do.
    """
    from pathlib import Path

    folder = Path(path)
    probe = folder / f".wirestream-probe-{os.getpid()}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with open(probe, "wb") as out:
            out.write(b"\0" * 65536)
            out.flush()
            os.fsync(out.fileno())
        probe.unlink()
    except OSError as exc:
        with contextlib.suppress(OSError):
            probe.unlink()
        return exc
    return None
