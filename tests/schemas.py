"""Validate events against the JSON Schemas in schemas/ with a real validator, each schema file on its own.

Each file is self-contained (shared parts under `$defs`): the validator gets no other schema and may fetch
nothing, as a subscriber's standard validator would run it offline without a base URI.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry
from referencing.exceptions import NoSuchResource

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"


def _refuse(uri: str) -> Any:
    raise NoSuchResource(ref=uri)  # no network, no sibling file: a $ref outside the schema fails


@cache
def schemas() -> dict[str, dict[str, Any]]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(SCHEMA_DIR.glob("*.json"))}


def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(schemas()[name], registry=Registry(retrieve=_refuse), format_checker=FormatChecker())


def validate(event: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError unless `event` matches the schema it names."""
    validator(event["schema"]).validate(event)
