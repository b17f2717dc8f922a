"""The `wirestream` command line: worker, run, publish, tail, enrich, topics, config, schemas."""

from __future__ import annotations

import argparse
import atexit
import contextlib
import dataclasses
import os
import signal
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from importlib import resources
from typing import Any

import orjson

from streams import __version__
from streams.errors import (
    DEAD_LETTER_REASONS,
    BrokerUnreachable,
    ConfigError,
    InputError,
    LibraryVersionError,
    UnknownTopic,
)
from streams.kafka.broker import stop_process
from streams.logging import configure_logging, get_logger
from streams.settings import Settings, ignored_variables, load_settings

log = get_logger("streams.cli")

# Exit codes besides 0 and 1 (a command's own failure), listed in docs/operations.md; the numbers are sysexits'.
EXIT_USAGE = 2  # a wrong option or setting (argparse's own code)
EXIT_NO_INPUT = 66  # EX_NOINPUT: an input file is missing, unreadable, a directory, or holds nothing
EXIT_UNKNOWN_TOPIC = 67  # a topic the command was given does not exist
EXIT_UNAVAILABLE = 69  # EX_UNAVAILABLE: no broker answered within a few seconds
EXIT_SIGTERM = 143  # 128 + SIGTERM: `run` stopped by SIGTERM, its worker and broker stopped first


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `wirestream` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        settings = load_settings(
            args.config,
            broker=getattr(args, "broker", None),
            log_level=args.log_level,
            log_format=args.log_format,
        )
        if settings.log_format == "auto":
            settings = settings.replace(log_format="console" if args.command == "run" else "json")
        configure_logging(settings.log_level, log_format=settings.log_format)
        for variable, why in ignored_variables(dict(os.environ)):
            log.warning("settings.ignored", variable=variable, why=why)
        return args.func(args, settings) or 0
    except (ConfigError, LibraryVersionError) as exc:
        prefix = "configuration error: " if isinstance(exc, ConfigError) else ""
        print(f"wirestream: {prefix}{exc}", file=sys.stderr)
        return EXIT_USAGE
    except InputError as exc:
        print(f"wirestream: {exc}", file=sys.stderr)
        return EXIT_NO_INPUT
    except UnknownTopic as exc:
        print(f"wirestream: {exc}", file=sys.stderr)
        return EXIT_UNKNOWN_TOPIC
    except BrokerUnreachable as exc:
        print(f"wirestream: {exc}", file=sys.stderr)
        return EXIT_UNAVAILABLE
    except KeyboardInterrupt:
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wirestream", description=__doc__)
    parser.add_argument("--version", action="version", version=f"wirestream {__version__}")
    parser.add_argument("--config", help="TOML file of settings (default: $WIRESTREAM_CONFIG)")
    parser.add_argument("--log-level", help="debug, info, warning or error (default: $WIRESTREAM_LOG_LEVEL or info)")
    parser.add_argument(
        "--log-format",
        choices=["console", "json"],
        help="Log lines on stderr: console or json (default: $WIRESTREAM_LOG_FORMAT, else console for run, "
        "json for the other commands)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(
        name: str,
        func: Callable[[argparse.Namespace, Settings], int | None],
        help: str,
        broker: bool = True,
        broker_help: str = "kafka://host:port (default: $WIRESTREAM_BROKER)",
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=help)
        if broker:
            sub.add_argument("--broker", help=broker_help)
        sub.set_defaults(func=func)
        return sub

    command("worker", cmd_worker, "Run the Faust enrichment worker against a Kafka cluster.")
    run = command(
        "run",
        cmd_run,
        "Start the embedded broker and a worker, publish the bundled samples "
        "and print the enriched events as they arrive (Ctrl-C or SIGTERM stops). With --broker, use that cluster.",
        broker_help="kafka://host:port of a cluster to use instead of the embedded broker ($WIRESTREAM_BROKER is "
        "ignored by run)",
    )
    run.add_argument("--until-done", action="store_true", help="Exit once every sample has been enriched")
    run.add_argument("--timeout", type=float, default=120.0, help="With --until-done: give up after this many seconds")
    run.add_argument("--full", action="store_true", help="Print whole enriched events, not summaries")

    publish = command(
        "publish",
        cmd_publish,
        "Publish dispatches (text files, JSON lines envelopes, or - for stdin) to the raw topic, keyed by "
        "dispatch id; print the id, partition and offset of each message.",
    )
    publish.add_argument("files", nargs="+", metavar="FILE", help="A text file, a .jsonl or .ndjson file, or -")
    publish.add_argument("--topic", help="Topic to publish to (default: the raw topic)")

    tail = command("tail", cmd_tail, "Print the events of a topic as JSON lines, optionally filtered.")
    tail.add_argument("topic", metavar="TOPIC", help="Topic to read, e.g. wire.enriched or wire.quotes")
    tail.add_argument(
        "--speaker", help="Only events with a quote by this speaker (substring, ignoring case and accents)"
    )
    tail.add_argument("--entity", help="Only events naming this entity (substring, ignoring case and accents)")
    tail.add_argument("--entity-id", help="Only events about the entity of this id (as in the events' entity ids)")
    tail.add_argument("--lang", help="Only events in this language")
    tail.add_argument("--from-end", action="store_true", help="Only new events, not the topic's history")
    tail.add_argument("--max", type=int, help="Stop after this many events")
    tail.add_argument("--idle-timeout", type=float, help="Stop after this many seconds without an event")

    enrich = command(
        "enrich",
        cmd_enrich,
        "Enrich dispatches offline (no Kafka): text files or JSONL in, enriched events as JSONL out.",
        broker=False,
    )
    enrich.add_argument("files", nargs="+", metavar="FILE", help="A text file, a .jsonl or .ndjson file, or -")
    enrich.add_argument("-o", "--output", default="-", help="Output JSONL file (default: stdout)")
    enrich.add_argument("--dead-letters", help="Write failures as dead-letter events here (default: stderr)")

    replay = command(
        "replay",
        cmd_replay,
        "Re-publish dead letters to the raw topic, after a fix: those in the dead-letter topic when it starts, "
        "each once, from where the previous replay stopped; print the id, offset and reason of each.",
    )
    replay.add_argument(
        "--reason",
        action="append",
        default=[],
        choices=[reason for reasons in DEAD_LETTER_REASONS.values() for reason in reasons],
        metavar="REASON",
        help="Only dead letters with this reason (repeatable), e.g. enrich_error",
    )
    replay.add_argument("--since", type=_timestamp, help="Only dead letters that failed at or after this ISO time")
    replay.add_argument("--until", type=_timestamp, help="Only dead letters that failed before this ISO time")
    replay.add_argument("--max", type=_positive, help="Replay at most this many dead letters")
    replay.add_argument(
        "--from-beginning",
        action="store_true",
        help="Read the whole dead-letter topic, not from where the previous replay stopped",
    )
    replay.add_argument(
        "--dry-run", action="store_true", help="List what would be replayed; publish nothing, remember nothing"
    )

    evaluate = command(
        "evaluate",
        cmd_evaluate,
        "Enrich a gold file (the shared annotation format) and print "
        "precision, recall and F1 of entities and quotes, and speaker accuracy.",
        broker=False,
    )
    evaluate.add_argument("gold", metavar="GOLD.jsonl", help="Gold dispatches: id, lang, raw, entities, quotes")
    evaluate.add_argument("--by-language", action="store_true", help="Also print the figures of each language")
    evaluate.add_argument("--details", action="store_true", help="List every miss and spurious item")
    evaluate.add_argument("--json", action="store_true", help="Print the figures as one JSON object")
    evaluate.add_argument("--pred", help="Also write the enriched events to this JSONL file")
    evaluate.add_argument(
        "--min",
        action="append",
        default=[],
        type=_threshold,
        metavar="KEY=VALUE",
        help="A threshold (repeatable), e.g. --min quotes_direct_f1=0.95; exit 1 when one is not met",
    )

    topics = command("topics", cmd_topics, "Manage wirestream's topics.")
    topics.add_argument(
        "action", choices=["create"], help="create: create missing topics with the configured partitions"
    )

    command("config", cmd_config, "Print the effective configuration (secrets masked).", broker=False)

    from streams.schema_registry import add_arguments as schema_arguments

    schema_arguments(
        command(
            "schemas",
            cmd_schemas,
            "Register the event schemas as JSON Schema subjects of a Confluent Schema Registry or Karapace.",
            broker=False,
        )
    )
    return parser


# -- worker ------------------------------------------------------------------------------------


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
        from streams.enrich_process import EnrichmentProcess

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


# -- run ---------------------------------------------------------------------------------------


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
                "quotes": [
                    {
                        "speaker": (q["speaker"] or {}).get("name") or q["speaker_text"],
                        "kind": q["kind"],
                        "text": q["text"][:100],
                    }
                    for q in event["quotes"]
                ],
            }
        except (KeyError, TypeError, AttributeError):
            pass  # not the shape its schema says: shown like any other event
    return {name: event.get(name) for name in ("schema", "id", "version", "status") if name in event}


# -- publish / tail ----------------------------------------------------------------------------


def cmd_publish(args: argparse.Namespace, settings: Settings) -> int:
    from streams.inputs import check_inputs, dispatch_ids, read_inputs
    from streams.kafka.admin import require_topics
    from streams.kafka.clients import publish_records

    topic = args.topic or settings.topic_raw
    check_inputs(args.files)
    values = list(read_inputs(args.files))
    if not values:
        raise InputError(f"nothing to publish: {', '.join(args.files)} holds no dispatch")
    require_topics(settings, topic)
    ids = [dispatch_ids(v, max_bytes=settings.max_dispatch_bytes, max_items=settings.max_items) for v in values]
    # the key is the (first) dispatch id, so that every version of an item lands on the same partition
    records = [(i[0].encode("utf-8") if i else None, value) for i, value in zip(ids, values, strict=True)]
    for dispatch, sent in zip(ids, publish_records(settings, topic, records), strict=True):
        line = {"id": ",".join(dispatch) or None, "topic": sent.topic, "partition": sent.partition}
        print(orjson.dumps({**line, "offset": sent.offset}).decode(), flush=True)
    print(f"wirestream: published {len(values)} dispatches to {topic}", file=sys.stderr)
    return 0


def cmd_tail(args: argparse.Namespace, settings: Settings) -> int:
    from streams.kafka.admin import require_topics
    from streams.kafka.clients import consume_events

    require_topics(settings, args.topic)
    shown = 0
    filters = {"speaker": args.speaker, "entity": args.entity, "entity_id": args.entity_id, "lang": args.lang}
    for event in consume_events(settings, args.topic, from_end=args.from_end, idle_timeout=args.idle_timeout):
        if event is None or not matches(event, **filters):
            continue
        print(orjson.dumps(event).decode(), flush=True)
        shown += 1
        if args.max and shown >= args.max:
            break
    return 0


def matches(
    event: Any,
    *,
    speaker: str | None = None,
    entity: str | None = None,
    entity_id: str | None = None,
    lang: str | None = None,
) -> bool:
    """Whether an event (enriched, quote, entity, or any JSON) passes the `tail` filters.

    Names match as substrings, ignoring case and accents (`liege` finds Liège).
    """
    if not isinstance(event, dict):
        return not (speaker or entity or entity_id or lang)
    if lang and event.get("language") != lang:
        return False
    if speaker:
        quotes = event.get("quotes", [event] if "kind" in event else [])
        names = [((q.get("speaker") or {}).get("name") or q.get("speaker_text") or "") for q in quotes]
        if not any(fold(speaker) in fold(name) for name in names):
            return False
    entities = event.get("entities", [event] if "mention_count" in event else [])
    if entity:
        names = [
            form
            for e in entities
            for form in [e.get("name") or "", *e.get("forms", []), *(m.get("text", "") for m in e.get("mentions", []))]
        ]
        if not any(fold(entity) in fold(name) for name in names):
            return False
    if entity_id:
        speakers = [q.get("speaker") or {} for q in event.get("quotes", [event] if "kind" in event else [])]
        if entity_id not in {e.get("id") for e in entities} | {s.get("entity_id") for s in speakers}:
            return False
    return True


def fold(text: str) -> str:
    """Text without case or accents, for matching: `Liège` and `LIEGE` both become `liege`."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


# -- enrich / topics / config ------------------------------------------------------------------


def cmd_enrich(args: argparse.Namespace, settings: Settings) -> int:
    from streams.events import Source, dumps
    from streams.inputs import check_inputs, read_inputs
    from streams.nlp.enrich import Enricher
    from streams.pipeline import Pipeline, Received

    def order(item: Received) -> int:  # as it always was: a batch's decode failures, its withdrawals, the rest
        return 0 if item.dispatch is None else 1 if item.result is None and item.error is None else 2

    # enriched events only (no quote or entity events), and dead letters that keep the value whole
    config = dataclasses.replace(settings.pipeline_config(), dead_letter_value_limit=None)
    check_inputs(args.files)  # before the models load
    pipeline = Pipeline(Enricher(settings.pipeline_map, settings.kb_paths), config)
    out = sys.stdout.buffer if args.output == "-" else open(args.output, "wb")  # noqa: SIM115
    dead = sys.stderr.buffer if not args.dead_letters else open(args.dead_letters, "wb")  # noqa: SIM115
    failures = 0
    try:
        for chunk in _batched(read_inputs(args.files), settings.batch_size):
            for item in sorted(pipeline.run([(Source(), value) for value in chunk]).items, key=order):
                failures += item.dead_letter
                if item.outputs:  # a message over its output limit is one dead letter, on its first item
                    (dead if item.dead_letter else out).write(dumps(item.outputs[0][2]) + b"\n")
    finally:
        if out is not sys.stdout.buffer:
            out.close()
        if dead is not sys.stderr.buffer:
            dead.close()
    return 1 if failures else 0


def _batched(values: Iterator[bytes], size: int) -> Iterator[list[bytes]]:
    chunk: list[bytes] = []
    for value in values:
        chunk.append(value)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _timestamp(value: str) -> datetime:
    from streams.wire.values import parse_timestamp

    moment = parse_timestamp(value)
    if moment is None:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 time: {value!r}")
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return number


def _threshold(value: str) -> str:
    """An `evaluate --min` threshold, KEY=VALUE, with KEY one of the figures `evaluate` prints."""
    from streams.evaluate import figure_names

    key, sep, number = value.partition("=")
    try:
        float(number)
    except ValueError:
        sep = ""
    if not sep:
        raise argparse.ArgumentTypeError(f"{value!r} is not KEY=NUMBER, e.g. quotes_direct_f1=0.95")
    if key not in figure_names():
        raise argparse.ArgumentTypeError(f"unknown figure {key!r}; one of: {', '.join(figure_names())}")
    return value


def cmd_replay(args: argparse.Namespace, settings: Settings) -> int:
    from streams.kafka.admin import require_topics
    from streams.replay import ReplayFilter, replay

    require_topics(settings, settings.topic_dlq, settings.topic_raw)
    selection = ReplayFilter(reasons=frozenset(args.reason), since=args.since, until=args.until)
    report = replay(
        settings,
        selection,
        dry_run=args.dry_run,
        limit=args.max,
        from_beginning=args.from_beginning,
        on_letter=lambda line: print(orjson.dumps(line).decode(), flush=True),
    )
    verb = "would replay" if args.dry_run else "replayed"
    print(
        f"wirestream: {verb} {report.replayed} dead letters to {settings.topic_raw}; {report.skipped} not selected, "
        f"{report.unavailable} no longer available, {report.invalid} not dead letters",
        file=sys.stderr,
    )
    return 1 if report.unavailable else 0


def cmd_evaluate(args: argparse.Namespace, settings: Settings) -> int:
    from pathlib import Path

    from streams.evaluate import below_thresholds, predict, print_figures, score
    from streams.events import dumps
    from streams.inputs import check_inputs
    from streams.nlp.enrich import Enricher
    from streams.pipeline import Pipeline

    check_inputs([args.gold])
    gold = [orjson.loads(line) for line in Path(args.gold).read_bytes().splitlines() if line.strip()]
    events = predict(gold, Pipeline(Enricher(settings.pipeline_map, settings.kb_paths), settings.pipeline_config()))
    if args.pred:
        Path(args.pred).write_bytes(b"".join(dumps(e) + b"\n" for e in events))
    predicted = {e["id"]: e for e in events}
    overall = score(gold, predicted)
    figures = overall.figures()
    if args.json:
        print(orjson.dumps(figures).decode())
    else:
        print_figures("all", figures)
        if args.by_language:
            for lang in sorted({g.get("lang", "?") for g in gold}):
                print_figures(lang, score([g for g in gold if g.get("lang", "?") == lang], predicted).figures())
    if args.details:
        for kind, lines in overall.misses.items():
            print(f"\n## {kind} ({len(lines)})")
            for line in lines:
                print("  " + line)
    failed = below_thresholds(figures, args.min)
    if failed:
        print("below threshold: " + "; ".join(failed), file=sys.stderr)
        return 1
    return 0


def cmd_topics(args: argparse.Namespace, settings: Settings) -> int:
    from streams.kafka.admin import ensure_topics, existing_topics

    existing_topics(settings)  # an unreachable cluster fails here, in seconds
    partitions = settings.topic_partitions()
    for topic, outcome in ensure_topics(settings).items():
        print(f"{topic}\t{partitions[topic]} partitions\t{outcome}")
    return 0


def cmd_schemas(args: argparse.Namespace, settings: Settings) -> int:
    from streams.schema_registry import run

    return run(args, settings)


def cmd_config(args: argparse.Namespace, settings: Settings) -> int:
    for variable, value, help in settings.describe():
        print(f"{variable}={value}\t# {help}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
