"""Read dispatches from files for `publish` and `enrich`: plain text or JSONL.

- a `.jsonl` file (or JSON lines on stdin): one envelope per line, passed on as
  is; a line in the gold-annotation format (`raw` instead of `body`) becomes
  the envelope `{"id", "body": raw}`;
- any other file: one plain-text dispatch per file;
- `-`: standard input, JSON lines if its first character is `{`, else one dispatch.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import orjson


def read_inputs(paths: list[str]) -> Iterator[bytes]:
    """The raw message values the named files (or `-`) hold, in order."""
    for path in paths:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
        is_jsonl = path.endswith(".jsonl") or (path == "-" and data.lstrip().startswith(b"{"))
        if is_jsonl:
            yield from _jsonl_values(data)
        elif data.strip():
            yield data


def _jsonl_values(data: bytes) -> Iterator[bytes]:
    for line in data.splitlines():
        if not line.strip():
            continue
        try:
            record = orjson.loads(line)
        except orjson.JSONDecodeError:
            yield line  # let the pipeline reject it with a reason
            continue
        if isinstance(record, dict) and "raw" in record and "body" not in record:
            yield orjson.dumps({"id": record.get("id"), "body": record["raw"]})
        else:
            yield line
