"""The `wirestream` command line: worker, run, publish, tail, enrich, topics, config, schemas."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from datetime import datetime, timezone

from streams import __version__
from streams.commands.config import cmd_config
from streams.commands.desk import cmd_desk
from streams.commands.enrich import cmd_enrich
from streams.commands.evaluate import cmd_evaluate
from streams.commands.publish import cmd_publish
from streams.commands.replay import cmd_replay
from streams.commands.run import cmd_run
from streams.commands.schemas import cmd_schemas
from streams.commands.tail import cmd_tail
from streams.commands.topics import cmd_topics
from streams.commands.worker import cmd_worker
from streams.errors import (
    DEAD_LETTER_REASONS,
    BrokerUnreachable,
    ConfigError,
    InputError,
    LibraryVersionError,
    UnknownTopic,
)
from streams.logging import configure_logging, get_logger
from streams.settings import Settings, ignored_variables, load_settings

log = get_logger("streams.cli")

# Exit codes besides 0 and 1 (a command's own failure), listed in docs/operations.md; the numbers are sysexits'.
EXIT_USAGE = 2  # a wrong option or setting (argparse's own code)
EXIT_NO_INPUT = 66  # EX_NOINPUT: an input file is missing, unreadable, a directory, or holds nothing
EXIT_UNKNOWN_TOPIC = 67  # a topic the command was given does not exist
EXIT_UNAVAILABLE = 69  # EX_UNAVAILABLE: no broker answered within a few seconds
# `run` stopped by SIGTERM exits with 143 (streams.commands.run), the worker on an unusable data directory with
# 73 (streams.commands.worker).


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
    command("desk", cmd_desk, "Run the desk worker: wire.trends and wire.stories from wire.enriched.")
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


if __name__ == "__main__":
    sys.exit(main())
