"""`wirestream schemas register`: the event schemas as JSON Schema subjects of a Confluent Schema Registry or Karapace.

The events stay plain JSON on the topics (no registry framing): the registry holds the contract, checks every
new version of a schema against the subject's compatibility mode, and gives subscribers one place to fetch it.
Uses three endpoints of the registry's REST API: `PUT /config/{subject}`, `POST /subjects/{subject}/versions`
and, with `--check`, `POST /compatibility/subjects/{subject}/versions/latest`.
"""

from __future__ import annotations

import argparse
import json
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from streams.events import DEAD_LETTER, ENRICHED, ENTITY, QUOTE, WITHDRAWN
from streams.settings import Settings
from streams.stories.events import STORY
from streams.trends.events import TREND

CONTENT_TYPE = "application/vnd.schemaregistry.v1+json"
COMPATIBILITY = (
    "BACKWARD",
    "BACKWARD_TRANSITIVE",
    "FORWARD",
    "FORWARD_TRANSITIVE",
    "FULL",
    "FULL_TRANSITIVE",
    "NONE",
)
STRATEGIES = ("record", "topic-record")
EXIT_REFUSED = 1  # the registry refused a schema (incompatible, invalid) or a setting
EXIT_UNREACHABLE = 69  # EX_UNAVAILABLE: no answer from the registry
EXIT_NO_SCHEMAS = 66  # EX_NOINPUT: the schema folder is missing
TIMEOUT_S = 10.0
# Where the schemas are: beside the package in a source checkout, in /usr/share/wirestream in the image.
SCHEMA_FOLDERS = (Path(__file__).resolve().parent.parent / "schemas", Path("/usr/share/wirestream/schemas"))


class RegistryError(Exception):
    """The registry did not answer, or answered with an error."""

    def __init__(self, message: str, *, unreachable: bool = False) -> None:
        super().__init__(message)
        self.unreachable = unreachable


@dataclass(frozen=True, slots=True)
class Subject:
    """One subject to register: its name, and the schema (name and text) it holds."""

    name: str
    schema_name: str
    schema: str


def topic_of(schema_name: str, settings: Settings) -> str:
    """The topic the events of a schema are published to."""
    return {
        ENRICHED: settings.topic_enriched,
        WITHDRAWN: settings.topic_enriched,
        QUOTE: settings.topic_quotes,
        ENTITY: settings.topic_entities,
        DEAD_LETTER: settings.topic_dlq,
        TREND: settings.topic_trends,
        STORY: settings.topic_stories,
    }[schema_name]


def subjects(folder: Path, settings: Settings, strategy: str = "record") -> list[Subject]:
    """A subject per schema file: named after the schema (Confluent's RecordNameStrategy, which takes a JSON
    Schema's `title`), or `<topic>-<schema>` (TopicRecordNameStrategy). `wire.enriched` carries two schemas,
    enriched and withdrawn events, so the topic alone (TopicNameStrategy) cannot name a subject."""
    out = []
    for path in sorted(folder.glob("wirestream.*.json")):
        text = path.read_text(encoding="utf-8")
        name = json.loads(text)["title"]
        subject = name if strategy == "record" else f"{topic_of(name, settings)}-{name}"
        out.append(Subject(name=subject, schema_name=name, schema=text))
    return out


class Registry:
    """The few calls of the Schema Registry REST API this command makes."""

    def __init__(self, url: str, timeout: float = TIMEOUT_S) -> None:
        self.url = url.rstrip("/")
        self.timeout = timeout

    def set_compatibility(self, subject: str, mode: str) -> None:
        self._call("PUT", f"/config/{quote(subject, safe='')}", {"compatibility": mode})

    def register(self, subject: Subject) -> int:
        """The registry's id of the schema (the same id again when it holds it already)."""
        body = {"schemaType": "JSON", "schema": subject.schema}
        return int(self._call("POST", f"/subjects/{quote(subject.name, safe='')}/versions", body)["id"])

    def is_compatible(self, subject: Subject) -> bool | None:
        """Whether the schema is compatible with the subject's latest version; None when the subject is new."""
        path = f"/compatibility/subjects/{quote(subject.name, safe='')}/versions/latest"
        try:
            answer = self._call("POST", path, {"schemaType": "JSON", "schema": subject.schema})
        except RegistryError as exc:
            if "40401" in str(exc) or "40402" in str(exc):  # subject or version not found
                return None
            raise
        return bool(answer["is_compatible"])

    def _call(self, method: str, path: str, body: dict[str, Any]) -> dict[str, Any]:
        request = urllib.request.Request(
            self.url + path,
            data=json.dumps(body).encode("utf-8"),
            method=method,
            headers={"Content-Type": CONTENT_TYPE, "Accept": CONTENT_TYPE},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as exc:
            raise RegistryError(f"{method} {path}: HTTP {exc.code}: {_error_text(exc)}") from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise RegistryError(f"cannot reach the registry at {self.url}: {reason}", unreachable=True) from None


def _error_text(exc: urllib.error.HTTPError) -> str:
    """The registry's error as it says it: `error_code` and `message`."""
    try:
        raw = exc.read()
        answer = json.loads(raw)
        return f"{answer.get('error_code', exc.code)} {answer.get('message', '')}".strip()[:500]
    except (ValueError, OSError):
        return str(exc.reason)[:500]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `wirestream schemas`."""
    parser.add_argument("action", choices=["register"], help="register: create or update the subjects")
    parser.add_argument(
        "--registry", required=True, metavar="URL", help="Schema Registry or Karapace URL, e.g. http://localhost:8081"
    )
    parser.add_argument(
        "--compatibility",
        choices=COMPATIBILITY,
        default="BACKWARD",
        help="Compatibility mode set on each subject before registering (default: BACKWARD)",
    )
    parser.add_argument(
        "--strategy",
        choices=STRATEGIES,
        default="record",
        help="Subject names: record = the schema's name (wirestream.quote.v1), topic-record = <topic>-<schema name>",
    )
    parser.add_argument("--check", action="store_true", help="Only test compatibility with the latest versions")
    parser.add_argument("--schemas", metavar="DIR", help="Folder of the schema files (default: the bundled ones)")


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Register (or check) every schema; print `subject<TAB>id` (or the verdict) per schema on stdout."""
    bundled = (f for f in SCHEMA_FOLDERS if any(f.glob("wirestream.*.json")))
    folder = Path(args.schemas) if args.schemas else next(bundled, None)
    if folder is None or not any(folder.glob("wirestream.*.json")):
        print(f"wirestream: no schema files (wirestream.*.json) in {folder or 'the bundled folders'}", file=sys.stderr)
        return EXIT_NO_SCHEMAS
    registry = Registry(args.registry)
    failed = 0
    for subject in subjects(folder, settings, args.strategy):
        try:
            if args.check:
                verdict = registry.is_compatible(subject)
                shown = "new" if verdict is None else "compatible" if verdict else "incompatible"
                failed += verdict is False
                print(f"{subject.name}\t{shown}", flush=True)
                continue
            registry.set_compatibility(subject.name, args.compatibility)
            print(f"{subject.name}\t{registry.register(subject)}", flush=True)
        except RegistryError as exc:
            print(f"wirestream: {subject.name}: {exc}", file=sys.stderr)
            if exc.unreachable:
                return EXIT_UNREACHABLE
            failed += 1
    return EXIT_REFUSED if failed else 0
