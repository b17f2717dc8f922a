"""`wirestream run`: the embedded broker, a worker and the bundled samples, enriched events printed as they come."""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from importlib import resources
from typing import Any

import orjson

from streams.kafka.broker import stop_process
from streams.settings import Settings

EXIT_SIGTERM = 143  # 128 + SIGTERM: `run` stopped by SIGTERM, its worker and broker stopped first


def sample_values() -> list[bytes]:
    """The bundled sample dispatches, as raw message values."""
    from streams.inputs import read_inputs

    folder = resources.files("streams") / "samples"
    names = sorted(entry.name for entry in folder.iterdir() if entry.name.endswith((".txt", ".jsonl")))
    with resources.as_file(folder) as path:
        return list(read_inputs([str(path / name) for name in names]))


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    from streams.kafka.admin import ensure_topics, existing_topics
    from streams.kafka.broker import EmbeddedBroker
    from streams.kafka.clients import consume_events, publish_values

    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    with contextlib.ExitStack() as stack:
        if args.broker is None:
            if os.environ.get("WIRESTREAM_BROKER"):
                print(
                    f"wirestream: WIRESTREAM_BROKER={os.environ['WIRESTREAM_BROKER']} is ignored: run uses its own "
                    "embedded broker (give --broker to use a cluster)",
                    file=sys.stderr,
                )
            broker = EmbeddedBroker()
            stack.callback(broker.stop)  # before start: a SIGTERM while it starts stops it too
            broker.start()
            settings = settings.replace(broker=broker.url)
            print(f"wirestream: embedded broker on {broker.url}", file=sys.stderr)
        else:
            existing_topics(settings)  # an unreachable cluster fails here, in seconds
            print(f"wirestream: using the cluster at {settings.broker}", file=sys.stderr)
        ensure_topics(settings)
        worker = stack.enter_context(_worker_process(settings))
        samples = sample_values()
        published = publish_values(settings, settings.topic_raw, samples)
        print(
            f"wirestream: published {published} sample dispatches to {settings.topic_raw}; "
            f"enriched events follow (Ctrl-C to stop)",
            file=sys.stderr,
        )
        seen = 0
        deadline = time.monotonic() + args.timeout
        for event in consume_events(settings, settings.topic_enriched, from_end=False, idle_timeout=1.0, forever=True):
            if event is not None:
                seen += 1
                print(orjson.dumps(event if args.full else summarise(event)).decode(), flush=True)
            if worker.poll() is not None:
                print(f"wirestream: the worker exited with code {worker.returncode}", file=sys.stderr)
                return 1
            if args.until_done and seen >= published:
                return 0
            if args.until_done and time.monotonic() > deadline:
                print(f"wirestream: only {seen} of {published} samples enriched in {args.timeout} s", file=sys.stderr)
                return 1
    return 0


def _stop_on_sigterm(signum: int, frame: Any) -> None:
    """SIGTERM stops `run` as Ctrl-C does: the worker first, then the embedded broker; no orphan is left."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second one must not cut the clean-up short
    raise SystemExit(EXIT_SIGTERM)


@contextlib.contextmanager
def _worker_process(settings: Settings) -> Iterator[subprocess.Popen[bytes]]:
    """A `wirestream worker` subprocess on the given broker, stopped with SIGTERM on exit."""
    env = {**os.environ, **settings.to_env(), "WIRESTREAM_HEALTH_PORT": "0"}
    proc = subprocess.Popen([sys.executable, "-m", "streams", "worker"], env=env, stdin=subprocess.DEVNULL)
    try:
        yield proc
    finally:
        stop_process(proc, timeout=15)


def summarise(event: Any) -> Any:
    """A one-line view of an event of the enriched topic: what a person wants to see first.

    An enriched event shows its language, dateline, entities and quotes; any other one (a withdrawal, a
    schema to come, a foreign message) its schema, id, version and status, whatever it holds.
    """
    from streams.events import ENRICHED

    if not isinstance(event, dict):
        return {"schema": None, "value": event}
    if event.get("schema") == ENRICHED:
        try:
            return {
                "id": event["id"],
                "language": event["language"],
                "dateline": event["dateline"]["text"],
                "agency": event["source"]["agency"],
                "entities": [f"{e['name']} ({e['type']})" for e in event["entities"]],
                "quotes": [_quote_summary(q) for q in event["quotes"]],
            }
        except (KeyError, TypeError, AttributeError):
            pass  # not the shape its schema says: shown like any other event
    return {name: event.get(name) for name in ("schema", "id", "version", "status") if name in event}


def _quote_summary(quote: dict[str, Any]) -> dict[str, Any]:
    """Who said what: the speaker's entity name; a source the text does not name ("eux", "Unions") apart."""
    name = (quote["speaker"] or {}).get("name")
    summary = {"speaker": name, "kind": quote["kind"], "text": quote["text"][:100]}
    if name is None and quote.get("speaker_text"):
        summary["unnamed_source"] = quote["speaker_text"]
    return summary
