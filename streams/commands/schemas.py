"""`wirestream schemas register`: the event schemas registered with a schema registry."""

from __future__ import annotations

import argparse

from streams.settings import Settings


def cmd_schemas(args: argparse.Namespace, settings: Settings) -> int:
    from streams.schema_registry import run

    return run(args, settings)
