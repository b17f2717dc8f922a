"""Structured logging: one JSON object per line, for wirestream, Faust and aiokafka alike.

The console format (`--log-format console`, the default of `wirestream run`) renders the same
events as aligned text for a person at a terminal.

wirestream logs through structlog with stable event names (`dispatch.enriched`,
`dispatch.rejected`, `worker.started` ...). Records from the standard `logging`
module (Faust, mode, aiokafka, kafka-python) and exceptions that end a thread
(`thread.crashed`) go through the same renderer, so every line of a worker's
output parses as JSON.
"""

from __future__ import annotations

import logging
import sys
import threading
from typing import Any, TextIO

import structlog

log = structlog.get_logger(__name__)

_SHARED = [
    structlog.contextvars.merge_contextvars,
    structlog.stdlib.add_log_level,
    structlog.stdlib.add_logger_name,
    structlog.processors.TimeStamper(fmt="iso", utc=True, key="ts"),
]


def _rename_event(_: Any, __: str, event: dict[str, Any]) -> dict[str, Any]:
    """Foreign (stdlib) records carry their text as `message`, ours a stable `event` name."""
    if event.get("_from_stdlib"):
        event.pop("_from_stdlib")
        event["message"] = event.pop("event")
        event["event"] = "library.log"
    return event


def _mark_stdlib(_: Any, __: str, event: dict[str, Any]) -> dict[str, Any]:
    event["_from_stdlib"] = True
    return event


def configure_logging(level: str = "info", stream: TextIO | None = None, log_format: str = "json") -> None:
    """Route structlog and stdlib logging to `stream` (stderr by default): JSON lines, or console text."""
    numeric = logging.getLevelName(level.upper())
    renderer: Any = (
        structlog.dev.ConsoleRenderer(
            colors=False,
            pad_event=24,
            timestamp_key="ts",
            exception_formatter=structlog.dev.plain_traceback,  # no local variables: they may hold texts, secrets
        )
        if log_format == "console"
        else structlog.processors.JSONRenderer(serializer=_dumps)
    )
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            foreign_pre_chain=[*_SHARED, _mark_stdlib, structlog.stdlib.ExtraAdder()],
            processors=[
                structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                _rename_event,
                *([] if log_format == "console" else [structlog.processors.format_exc_info]),
                renderer,
            ],
        )
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(numeric)
    # Faust and aiokafka are chatty at info, and their debug records print client settings, SASL password
    # included: keep their warnings and errors only, at every level.
    for noisy in ("faust", "mode", "aiokafka", "kafka"):
        logging.getLogger(noisy).setLevel(max(numeric, logging.WARNING))
    threading.excepthook = _log_thread_crash
    structlog.configure(
        processors=[*_SHARED, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )


def _log_thread_crash(crash: threading.ExceptHookArgs) -> None:
    """An exception that ends a thread (a library's, say) as one JSON line, not a bare traceback."""
    if crash.exc_type is SystemExit:
        return
    log.error(
        "thread.crashed",
        thread=crash.thread.name if crash.thread else None,
        error_class=crash.exc_type.__name__,
        error=str(crash.exc_value)[:500],
        exc_info=(crash.exc_type, crash.exc_value, crash.exc_traceback),
    )


def get_logger(name: str) -> structlog.stdlib.BoundLogger:
    """A structlog logger named after its module."""
    return structlog.get_logger(name)


def _dumps(obj: Any, **_: Any) -> str:
    import orjson

    return orjson.dumps(obj, default=str, option=orjson.OPT_NON_STR_KEYS).decode("utf-8")
