"""`wirestream config`: the effective configuration, secrets masked."""

from __future__ import annotations

import argparse

from streams.settings import Settings


def cmd_config(args: argparse.Namespace, settings: Settings) -> int:
    for variable, value, help in settings.describe():
        print(f"{variable}={value}\t# {help}")
    return 0
