"""Validate events against the JSON Schemas in schemas/ with a real validator."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"


@cache
def _registry() -> tuple[Registry, dict[str, dict[str, Any]]]:
    schemas = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in SCHEMA_DIR.glob("*.json")}
    registry = Registry().with_resources((schema["$id"], Resource.from_contents(schema)) for schema in schemas.values())
    return registry, schemas


def validator(name: str) -> Draft202012Validator:
    registry, schemas = _registry()
    return Draft202012Validator(schemas[name], registry=registry, format_checker=FormatChecker())


def validate(event: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError unless `event` matches the schema it names."""
    validator(event["schema"]).validate(event)
