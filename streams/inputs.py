"""Read dispatches from files for `publish` and `enrich`: plain text or JSON lines.

- a `.jsonl` or `.ndjson` file (or JSON lines on stdin): one envelope per line,
  passed on as is; a line in the gold-annotation format (`raw` instead of `body`)
  becomes the envelope `{"id", "body": raw}`;
- any other file: one plain-text dispatch per file;
- `-`: standard input, JSON lines if its first character is `{`, else one dispatch.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import orjson

from streams.errors import DecodeError, InputError

JSON_LINES_SUFFIXES = (".jsonl", ".ndjson")


def check_inputs(paths: list[str]) -> None:
    """Raise InputError, naming the file, for the first path that is not a readable file (`-` is stdin)."""
    for path in paths:
        if path == "-":
            continue
        target = Path(path)
        if not target.exists():
            raise InputError(f"{path}: no such file")
        if target.is_dir():
            raise InputError(f"{path}: is a directory, not a file")
        try:
            with target.open("rb"):
                pass
        except OSError as exc:
            raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def read_inputs(paths: list[str]) -> Iterator[bytes]:
    """The raw message values the named files (or `-`) hold, in order."""
    for path in paths:
        try:
            data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
        is_jsonl = path.lower().endswith(JSON_LINES_SUFFIXES) or (path == "-" and data.lstrip().startswith(b"{"))
        if is_jsonl:
            yield from _jsonl_values(data)
        elif data.strip():
            yield data


def dispatch_ids(value: bytes, *, max_bytes: int, max_items: int | None) -> list[str]:
    """The ids of the dispatches a raw message holds, as the worker will decode them; [] if it cannot."""
    from streams.wire.decode import decode

    try:
        return [dispatch.id for dispatch in decode(value, max_bytes=max_bytes, max_items=max_items)]
    except DecodeError:
        return []


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
