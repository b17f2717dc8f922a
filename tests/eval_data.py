"""The shared gold data (../shared/eval next to the repo), read at test time, never copied."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

EVAL_DIR = Path(os.environ.get("WIRESTREAM_EVAL_DIR", Path(__file__).resolve().parents[2] / "shared" / "eval"))


def gold(name: str) -> list[dict[str, Any]]:
    path = EVAL_DIR / name
    if not path.exists():
        pytest.skip(f"gold data not found at {path} (set WIRESTREAM_EVAL_DIR)")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def seed_dispatch() -> dict[str, Any]:
    return gold("seed.jsonl")[0]
