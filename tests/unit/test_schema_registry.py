"""`wirestream schemas register` against a small local stand-in of a Confluent Schema Registry.

No registry can be installed here (Karapace is not on PyPI, Confluent's is a Java service), so `FakeRegistry`
answers the three endpoints the command uses as the registry documents them: the same schema registered
twice keeps its id, a subject's compatibility mode is checked on every new version (here only the rule that
matters for closed JSON schemas under BACKWARD: a new version may not require a property the previous one
did not have), and errors come as `{"error_code", "message"}`.
"""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from streams.cli import main
from streams.kafka.broker import free_port
from streams.schema_registry import CONTENT_TYPE, EXIT_REFUSED, EXIT_UNREACHABLE
from tests.schemas import SCHEMA_DIR, schemas


class FakeRegistry(BaseHTTPRequestHandler):
    subjects: dict[str, list[tuple[str, int]]]  # subject -> versions (schema text, id)
    ids: dict[str, int]  # schema text -> id, registry-wide
    config: dict[str, str]
    calls: list[tuple[str, str]]

    def _answer(self, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", CONTENT_TYPE)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _body(self) -> dict[str, Any] | None:
        if self.headers.get("Content-Type") != CONTENT_TYPE:
            self._answer(415, {"error_code": 415, "message": "Unsupported Media Type"})
            return None
        return json.loads(self.rfile.read(int(self.headers["Content-Length"])))

    def do_PUT(self) -> None:
        self.calls.append(("PUT", unquote(self.path)))
        body = self._body()
        if body is None:
            return
        parts = self.path.split("/")
        if len(parts) == 3 and parts[1] == "config":
            self.config[unquote(parts[2])] = body["compatibility"]
            self._answer(200, {"compatibility": body["compatibility"]})
        else:
            self._answer(404, {"error_code": 404, "message": "HTTP 404 Not Found"})

    def do_POST(self) -> None:
        self.calls.append(("POST", unquote(self.path)))
        body = self._body()
        if body is None:
            return
        parts = [unquote(p) for p in self.path.split("/")]
        if body.get("schemaType") != "JSON":
            self._answer(
                422, {"error_code": 42201, "message": "Either the input schema or one its references is invalid"}
            )
        elif len(parts) == 4 and parts[1] == "subjects" and parts[3] == "versions":
            self._register(parts[2], body["schema"])
        elif len(parts) == 6 and parts[1] == "compatibility" and parts[5] == "latest":
            if parts[3] not in self.subjects:
                self._answer(404, {"error_code": 40401, "message": f"Subject '{parts[3]}' not found."})
            else:
                self._answer(200, {"is_compatible": self._compatible(parts[3], body["schema"])})
        else:
            self._answer(404, {"error_code": 404, "message": "HTTP 404 Not Found"})

    def _register(self, subject: str, schema: str) -> None:
        versions = self.subjects.setdefault(subject, [])
        for text, known in versions:
            if json.loads(text) == json.loads(schema):
                self._answer(200, {"id": known})
                return
        if not self._compatible(subject, schema):
            message = f'Schema being registered is incompatible with an earlier schema for subject "{subject}"'
            self._answer(409, {"error_code": 409, "message": message})
            return
        schema_id = self.ids.setdefault(schema, len(self.ids) + 1)
        versions.append((schema, schema_id))
        self._answer(200, {"id": schema_id})

    def _compatible(self, subject: str, schema: str) -> bool:
        versions = self.subjects.get(subject) or []
        if not versions or self.config.get(subject, "BACKWARD") == "NONE":
            return True
        old, new = json.loads(versions[-1][0]), json.loads(schema)
        return set(new.get("required", [])) <= set(old.get("properties", {}))

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def registry() -> Iterator[tuple[str, type[FakeRegistry]]]:
    handler = type("Registry", (FakeRegistry,), {"subjects": {}, "ids": {}, "config": {}, "calls": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", handler
    finally:
        server.shutdown()
        server.server_close()


def registered(out: str) -> dict[str, int]:
    return {subject: int(schema_id) for subject, schema_id in (line.split("\t") for line in out.splitlines())}


def test_register_creates_one_json_schema_subject_per_schema_with_its_compatibility(registry, capsys):
    url, state = registry
    assert main(["schemas", "register", "--registry", url, "--compatibility", "FULL_TRANSITIVE"]) == 0
    ids = registered(capsys.readouterr().out)
    assert set(ids) == set(schemas()), "one subject per schema, named after it"
    assert len(set(ids.values())) == len(ids)
    for subject in ids:
        ((text, _),) = state.subjects[subject]
        assert json.loads(text) == schemas()[subject], "the file as it is"
        assert state.config[subject] == "FULL_TRANSITIVE"
        config = state.calls.index(("PUT", f"/config/{subject}"))
        assert config < state.calls.index(("POST", f"/subjects/{subject}/versions")), "mode set before registering"


def test_registering_again_keeps_the_ids(registry, capsys):
    url, _ = registry
    assert main(["schemas", "register", "--registry", url]) == 0
    first = registered(capsys.readouterr().out)
    assert main(["schemas", "register", "--registry", url]) == 0
    assert registered(capsys.readouterr().out) == first


def test_topic_record_subjects_are_named_after_the_topic_of_each_schema(registry, capsys):
    url, _ = registry
    assert main(["schemas", "register", "--registry", url, "--strategy", "topic-record"]) == 0
    subjects = set(registered(capsys.readouterr().out))
    assert "wire.enriched-wirestream.enriched.v1" in subjects
    assert "wire.enriched-wirestream.withdrawn.v1" in subjects
    assert "wire.quotes-wirestream.quote.v1" in subjects
    assert "wire.dlq-wirestream.dead_letter.v1" in subjects
    assert "wire.trends-wirestream.trend.v1" in subjects and "wire.stories-wirestream.story.v1" in subjects


def test_an_incompatible_change_is_refused_and_reported_and_check_says_so_first(registry, capsys, tmp_path):
    url, state = registry
    assert main(["schemas", "register", "--registry", url]) == 0
    capsys.readouterr()
    changed = tmp_path / "schemas"
    shutil.copytree(SCHEMA_DIR, changed)
    quote_file = changed / "wirestream.quote.v1.json"
    schema = json.loads(quote_file.read_text(encoding="utf-8"))
    schema["properties"]["confidence"] = {"type": "number"}
    schema["required"].append("confidence")  # events written before lack it: not BACKWARD compatible
    quote_file.write_text(json.dumps(schema), encoding="utf-8")

    assert main(["schemas", "register", "--registry", url, "--schemas", str(changed), "--check"]) == EXIT_REFUSED
    verdicts = dict(line.split("\t") for line in capsys.readouterr().out.splitlines())
    assert verdicts["wirestream.quote.v1"] == "incompatible"
    assert verdicts["wirestream.entity.v1"] == "compatible"
    assert len(state.subjects["wirestream.quote.v1"]) == 1, "--check registers nothing"

    assert main(["schemas", "register", "--registry", url, "--schemas", str(changed)]) == EXIT_REFUSED
    captured = capsys.readouterr()
    assert (
        "wirestream.quote.v1: POST /subjects/wirestream.quote.v1/versions: HTTP 409: 409 Schema being" in captured.err
    )
    assert "wirestream.quote.v1" not in registered(captured.out), "the others are still registered"
    assert len(state.subjects["wirestream.quote.v1"]) == 1


def test_check_calls_a_new_subject_new(registry, capsys):
    url, _ = registry
    assert main(["schemas", "register", "--registry", url, "--check"]) == 0
    assert set(dict(line.split("\t") for line in capsys.readouterr().out.splitlines()).values()) == {"new"}


def test_an_unreachable_registry_is_one_line_and_its_own_exit_code(capsys):
    url = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    assert main(["schemas", "register", "--registry", url]) == EXIT_UNREACHABLE
    err = capsys.readouterr().err.strip()
    assert err.startswith("wirestream: ") and "cannot reach the registry" in err and "\n" not in err


def test_a_folder_without_schemas_is_refused(tmp_path, capsys):
    assert main(["schemas", "register", "--registry", "http://127.0.0.1:1", "--schemas", str(tmp_path)]) == 66
    assert "no schema files" in capsys.readouterr().err


def test_the_image_ships_the_schemas_where_the_command_looks():
    from streams.schema_registry import SCHEMA_FOLDERS

    root = Path(__file__).resolve().parents[2]
    dockerfile = (root / "deploy" / "Dockerfile").read_text(encoding="utf-8")
    assert f"COPY schemas/ {SCHEMA_FOLDERS[1]}/" in dockerfile
    assert "!schemas/" in (root / "deploy" / "Dockerfile.dockerignore").read_text(encoding="utf-8").split()
    assert SCHEMA_FOLDERS[0] == root / "schemas"


def test_the_subscribers_guide_documents_every_option_and_has_kcat_java_and_ksqldb_recipes():
    from streams.cli import build_parser

    page = (Path(__file__).resolve().parents[2] / "docs" / "subscribers.md").read_text(encoding="utf-8")
    commands = next(a for a in build_parser()._actions if a.dest == "command")
    options = {o for a in commands.choices["schemas"]._actions for o in a.option_strings if o.startswith("--")}
    for option in options - {"--help", "--schemas"}:
        assert f"`{option}" in page, f"wirestream schemas {option} is not documented"
    recipes = page.split("\n## Recipes\n", 1)[1]
    for heading, needles in (
        ("### kcat", ("kcat -b", "%h", "wirestream.withdrawn.v1")),
        ("### Java", ("KafkaConsumer", 'lastHeader("schema")', "commitSync")),
        ("### ksqlDB", ("CREATE STREAM", "VALUE_FORMAT='JSON'", "HEADER('schema')")),
    ):
        assert heading in recipes, heading
        section = recipes.split(heading, 1)[1].split("\n### ", 1)[0]
        for needle in needles:
            assert needle in section, f"{heading}: {needle}"
