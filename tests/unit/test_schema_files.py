"""Each schema in schemas/ stands alone: a standard validator checks an event against one file, offline.

Subscribers copy a schema file, or take it from a Schema Registry subject, without its siblings and without
a base URI: a `$ref` to another file (or to the remote `$id`) would fail there.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.exceptions import Unresolvable

from streams.events import Source, dead_letter_event, withdrawn_event
from streams.nlp.enrich import Enricher
from streams.pipeline import Pipeline
from streams.settings import Settings
from streams.stories.book import StoryBook
from streams.stories.events import story_event
from streams.stories.record import story_record
from streams.trends.book import Mention, TrendBook, TrendConfig, mentions_of
from streams.trends.events import trend_event
from tests.schemas import SCHEMA_DIR, _refuse, schemas, validate, validator

DISPATCH = (
    b'{"id": "belga-contract-1", "version": 1, "lang": "fr", "body": "Par Claire Dubois\\n\\nBRUXELLES (Belga) - '
    b"Le ministre Jan Peeters a "
    b'annonc\\u00e9 mardi un plan. \\u00ab Nous allons investir \\u00bb, a d\\u00e9clar\\u00e9 Jan Peeters."}'
)


def refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        own = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return own + [ref for value in node.values() for ref in refs(value)]
    if isinstance(node, list):
        return [ref for value in node for ref in refs(value)]
    return []


@pytest.fixture(scope="module")
def events() -> dict[str, dict[str, Any]]:
    """One event of each schema, as the worker's pipeline makes them (rules-only enrichment)."""
    pipeline = Pipeline(Enricher({}), Settings().pipeline_config())
    plan = pipeline.run([(Source(topic="wire.raw", partition=0, offset=7), DISPATCH)])
    made = {event["schema"]: event for item in plan.items for _, _, event in item.outputs}
    withdrawn = dataclasses.replace(plan.items[0].dispatch, status="withdrawn", version=2)
    made["wirestream.withdrawn.v1"] = withdrawn_event(withdrawn, Source(), supersedes=1)
    made["wirestream.dead_letter.v1"] = dead_letter_event(
        b"\x00", Source(), stage="decode", reason="binary", error=ValueError("binary")
    )
    enriched, hour = made["wirestream.enriched.v1"], 3_600_000
    trends = TrendBook(TrendConfig(windows=(("1h", hour),), grace_ms=0))
    for mention in mentions_of(enriched, 1_773_100_800_000):
        trends.add(mention)
    later = Mention("per:later", "Later", "PER", "later", 1_773_100_800_000 + 2 * hour, "fr", None)
    trends.add(later)  # the watermark passes the first hour: its window closes
    made["wirestream.trend.v1"] = trend_event(trends.close()[0], trends.config)
    made["wirestream.story.v1"] = story_event(StoryBook().add(story_record(enriched, 1_773_100_800_000))[-1])
    return made


def test_every_ref_points_inside_its_own_file():
    for name, schema in schemas().items():
        found = refs(schema)
        assert all(ref.startswith("#") for ref in found), f"{name}: {found}"
        for ref in found:  # and what it points to is there
            target: Any = schema
            for part in ref.removeprefix("#/").split("/"):
                target = target[part]
            assert isinstance(target, dict), f"{name}: {ref}"


def test_the_refusing_validator_fails_on_a_ref_to_another_file():
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://example.org/a.json"}
    schema["properties"] = {"x": {"$ref": "b.json#/$defs/x"}}
    with pytest.raises(Unresolvable):
        Draft202012Validator(schema, registry=Registry(retrieve=_refuse)).validate({"x": 1})


def test_an_event_of_every_schema_validates_against_its_file_alone(events):
    sections = {m["section"] for e in events["wirestream.enriched.v1"]["entities"] for m in e["mentions"]}
    assert {"byline", "header", "body"} <= sections  # the author of the byline is a person of the dispatch
    assert set(events) == set(schemas())
    for event in events.values():
        validate(event)
    assert events["wirestream.quote.v1"]["speaker"] is not None  # the shared speaker part is exercised
    bad = {**events["wirestream.quote.v1"], "dateline": {"place": 1, "date": None, "text": None}}
    with pytest.raises(Exception, match="is not of type"):
        validator("wirestream.quote.v1").validate(bad)


def test_the_jsonschema_command_validates_each_file_without_a_base_uri(events, tmp_path):
    for name, event in events.items():
        instance = tmp_path / f"{name}.event.json"
        instance.write_text(json.dumps(event), encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "-W", "ignore", "-m", "jsonschema", "-i", str(instance), str(SCHEMA_DIR / f"{name}.json")],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, f"{name}: {done.stdout}{done.stderr}"
