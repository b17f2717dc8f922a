"""The `wirestream` command line: worker, run, publish, tail, enrich, topics, config."""

from __future__ import annotations

import argparse
import atexit
import contextlib
import dataclasses
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from importlib import resources
from typing import Any

import orjson

from streams import __version__
from streams.errors import ConfigError, LibraryVersionError
from streams.kafka.broker import stop_process
from streams.logging import configure_logging, get_logger
from streams.settings import Settings, load_settings

log = get_logger("streams.cli")


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `wirestream` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        settings = load_settings(args.config, broker=getattr(args, "broker", None), log_level=args.log_level)
        configure_logging(settings.log_level)
        return args.func(args, settings) or 0
    except ConfigError as exc:
        print(f"wirestream: configuration error: {exc}", file=sys.stderr)
        return 2
    except LibraryVersionError as exc:
        print(f"wirestream: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wirestream", description=__doc__)
    parser.add_argument("--version", action="version", version=f"wirestream {__version__}")
    parser.add_argument("--config", help="TOML file of settings (default: $WIRESTREAM_CONFIG)")
    parser.add_argument("--log-level", help="debug, info, warning or error (default: $WIRESTREAM_LOG_LEVEL or info)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(
        name: str, func: Callable[[argparse.Namespace, Settings], int | None], help: str, broker: bool = True
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=help)
        if broker:
            sub.add_argument("--broker", help="kafka://host:port (default: $WIRESTREAM_BROKER)")
        sub.set_defaults(func=func)
        return sub

    command("worker", cmd_worker, "Run the Faust enrichment worker against a Kafka cluster.")
    command("desk", cmd_desk, "Run the desk worker: wire.trends and wire.stories from wire.enriched.")
    run = command(
        "run",
        cmd_run,
        "Start the embedded broker and a worker, publish the bundled samples "
        "and print the enriched events as they arrive (Ctrl-C stops). With --broker, use that cluster.",
    )
    run.add_argument("--until-done", action="store_true", help="Exit once every sample has been enriched")
    run.add_argument("--timeout", type=float, default=120.0, help="With --until-done: give up after this many seconds")
    run.add_argument("--full", action="store_true", help="Print whole enriched events, not summaries")

    publish = command(
        "publish", cmd_publish, "Publish dispatches (text files, JSONL envelopes, or - for stdin) to the raw topic."
    )
    publish.add_argument("files", nargs="+", metavar="FILE", help="A text file, a .jsonl file, or -")
    publish.add_argument("--topic", help="Topic to publish to (default: the raw topic)")

    tail = command("tail", cmd_tail, "Print the events of a topic as JSON lines, optionally filtered.")
    tail.add_argument("topic", metavar="TOPIC", help="Topic to read, e.g. wire.enriched or wire.quotes")
    tail.add_argument("--speaker", help="Only events with a quote by this speaker (case-insensitive substring)")
    tail.add_argument("--entity", help="Only events naming this entity (case-insensitive substring)")
    tail.add_argument("--lang", help="Only events in this language")
    tail.add_argument("--from-end", action="store_true", help="Only new events, not the topic's history")
    tail.add_argument("--top", type=int, help="wire.trends: rank the N entities with most dispatches per window")
    tail.add_argument("--json", action="store_true", help="Trends and stories as JSON too, not readable summaries")
    tail.add_argument("--max", type=int, help="Stop after this many events")
    tail.add_argument("--idle-timeout", type=float, help="Stop after this many seconds without an event")

    enrich = command(
        "enrich",
        cmd_enrich,
        "Enrich dispatches offline (no Kafka): text files or JSONL in, enriched events as JSONL out.",
        broker=False,
    )
    enrich.add_argument("files", nargs="+", metavar="FILE", help="A text file, a .jsonl file, or -")
    enrich.add_argument("-o", "--output", default="-", help="Output JSONL file (default: stdout)")
    enrich.add_argument("--dead-letters", help="Write failures as dead-letter events here (default: stderr)")

    replay = command("replay", cmd_replay, "Re-publish dead letters to the raw topic, after a fix.")
    replay.add_argument(
        "--reason",
        action="append",
        default=[],
        help="Only dead letters with this reason (repeatable), e.g. enrich_error",
    )
    replay.add_argument("--since", type=_timestamp, help="Only dead letters that failed at or after this ISO time")
    replay.add_argument("--until", type=_timestamp, help="Only dead letters that failed before this ISO time")
    replay.add_argument("--dry-run", action="store_true", help="Count what would be replayed; publish nothing")

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
        nargs="*",
        default=[],
        metavar="KEY=VALUE",
        help="Thresholds, e.g. quotes_direct_f1=0.95; exit 1 when one is not met",
    )

    topics = command("topics", cmd_topics, "Manage wirestream's topics.")
    topics.add_argument(
        "action", choices=["create"], help="create: create missing topics with the configured partitions"
    )

    command("config", cmd_config, "Print the effective configuration (secrets masked).", broker=False)
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
        )
        atexit.register(enricher.close)
        enricher.start()  # the models load in the child; a missing one fails here, before anything connects
    else:
        from streams.nlp.enrich import Enricher

        enricher = Enricher(settings.pipeline_map)
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
    from streams.kafka.admin import ensure_topics
    from streams.kafka.broker import EmbeddedBroker
    from streams.kafka.clients import consume_events, publish_values

    with contextlib.ExitStack() as stack:
        if args.broker is None and "WIRESTREAM_BROKER" not in os.environ:
            broker = stack.enter_context(EmbeddedBroker())
            settings = settings.replace(broker=broker.url)
            print(f"wirestream: embedded broker on {broker.url}", file=sys.stderr)
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


@contextlib.contextmanager
def _worker_process(settings: Settings) -> Iterator[subprocess.Popen[bytes]]:
    """A `wirestream worker` subprocess on the given broker, stopped with SIGTERM on exit."""
    env = {**os.environ, **settings.to_env(), "WIRESTREAM_HEALTH_PORT": "0"}
    proc = subprocess.Popen([sys.executable, "-m", "streams", "worker"], env=env, stdin=subprocess.DEVNULL)
    try:
        yield proc
    finally:
        stop_process(proc, timeout=15)


def summarise(event: dict[str, Any]) -> dict[str, Any]:
    """A one-line view of an enriched event: what a person wants to see first."""
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


# -- publish / tail ----------------------------------------------------------------------------


def cmd_desk(args: argparse.Namespace, settings: Settings) -> int:
    from streams.kafka.desk import run_desk

    return run_desk(settings)


def cmd_publish(args: argparse.Namespace, settings: Settings) -> int:
    from streams.inputs import read_inputs
    from streams.kafka.clients import publish_values

    count = publish_values(settings, args.topic or settings.topic_raw, read_inputs(args.files))
    print(f"wirestream: published {count} dispatches to {args.topic or settings.topic_raw}", file=sys.stderr)
    return 0


def cmd_tail(args: argparse.Namespace, settings: Settings) -> int:
    from streams.kafka.clients import consume_events
    from streams.summaries import Summaries

    summaries = None if args.json else Summaries(top=args.top)
    shown = 0
    for event in consume_events(settings, args.topic, from_end=args.from_end, idle_timeout=args.idle_timeout):
        if event is None or not matches(event, speaker=args.speaker, entity=args.entity, lang=args.lang):
            continue
        lines = summaries.lines(event) if summaries else None
        for line in [orjson.dumps(event).decode()] if lines is None else lines:
            print(line, flush=True)
        shown += 1
        if args.max and shown >= args.max:
            break
    for line in summaries.flush() if summaries else []:
        print(line, flush=True)
    return 0


def matches(
    event: dict[str, Any], *, speaker: str | None = None, entity: str | None = None, lang: str | None = None
) -> bool:
    """Whether an event (enriched, quote or entity) passes the `tail` filters."""
    if lang and event.get("language") != lang:
        return False
    if speaker:
        quotes = event.get("quotes", [event] if "kind" in event else [])
        names = [((q.get("speaker") or {}).get("name") or q.get("speaker_text") or "") for q in quotes]
        if not any(speaker.casefold() in name.casefold() for name in names):
            return False
    if entity:
        entities = event.get("entities", [event] if "mention_count" in event else [])
        names = [
            form
            for e in entities
            for form in [e["name"], *e.get("forms", []), *(m["text"] for m in e.get("mentions", []))]
        ]
        if not any(entity.casefold() in name.casefold() for name in names):
            return False
    return True


# -- enrich / topics / config ------------------------------------------------------------------


def cmd_enrich(args: argparse.Namespace, settings: Settings) -> int:
    from streams.events import Source, dumps
    from streams.inputs import read_inputs
    from streams.nlp.enrich import Enricher
    from streams.pipeline import Pipeline, Received

    def order(item: Received) -> int:  # as it always was: a batch's decode failures, its withdrawals, the rest
        return 0 if item.dispatch is None else 1 if item.result is None and item.error is None else 2

    # enriched events only (no quote or entity events), and dead letters that keep the value whole
    config = dataclasses.replace(settings.pipeline_config(), dead_letter_value_limit=None)
    pipeline = Pipeline(Enricher(settings.pipeline_map), config)
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


def cmd_replay(args: argparse.Namespace, settings: Settings) -> int:
    from streams.replay import ReplayFilter, replay

    selection = ReplayFilter(reasons=frozenset(args.reason), since=args.since, until=args.until)
    counts = replay(settings, selection, dry_run=args.dry_run)
    verb = "would replay" if args.dry_run else "replayed"
    print(
        f"wirestream: {verb} {counts['replayed']} dead letters to {settings.topic_raw}; "
        f"{counts['skipped']} not selected, {counts['unavailable']} no longer available",
        file=sys.stderr,
    )
    return 1 if counts["unavailable"] else 0


def cmd_evaluate(args: argparse.Namespace, settings: Settings) -> int:
    from pathlib import Path

    from streams.evaluate import below_thresholds, predict, print_figures, score
    from streams.events import dumps
    from streams.nlp.enrich import Enricher
    from streams.pipeline import Pipeline

    gold = [orjson.loads(line) for line in Path(args.gold).read_bytes().splitlines() if line.strip()]
    events = predict(gold, Pipeline(Enricher(settings.pipeline_map), settings.pipeline_config()))
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
    from streams.kafka.admin import ensure_topics

    partitions = settings.topic_partitions()
    for topic, outcome in ensure_topics(settings).items():
        print(f"{topic}\t{partitions[topic]} partitions\t{outcome}")
    return 0


def cmd_config(args: argparse.Namespace, settings: Settings) -> int:
    for variable, value, help in settings.describe():
        print(f"{variable}={value}\t# {help}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
