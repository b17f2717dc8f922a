"""The events wirestream publishes, as plain dicts matching `schemas/`.

Pure functions: an `Enrichment` (or a failure) in, JSON-ready dicts out. Every
event names its schema (`"schema": "wirestream.<name>.v<version>"`), which is
also the file name of its JSON Schema in `schemas/`, and its record carries the
same name in a `schema` header (`record_headers`), readable without parsing the value.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import orjson

from streams import __version__
from streams.nlp.enrich import Enrichment
from streams.nlp.types import Entity, Quote
from streams.quotekey import quote_key
from streams.wire.decode import Dispatch
from streams.wire.dispatch import MAX_ID_BYTES

ENRICHED = "wirestream.enriched.v1"
QUOTE = "wirestream.quote.v1"
ENTITY = "wirestream.entity.v1"
WITHDRAWN = "wirestream.withdrawn.v1"
DEAD_LETTER = "wirestream.dead_letter.v1"
MAX_KEY_BYTES = 256  # a dead letter keeps at most this much of the message key (key_truncated beyond)
MAX_TIMESTAMP_MS = 253402300800000  # 10000-01-01T00:00:00Z: later Kafka timestamps are shown as null
SCHEMA_HEADER = "schema"  # the record header naming an event's schema

Headers = list[tuple[str, bytes]]  # Kafka record headers, in order


@dataclass(frozen=True, slots=True)
class Source:
    """Where a raw message came from (all None for offline enrichment)."""

    topic: str | None = None
    partition: int | None = None
    offset: int | None = None
    key: bytes | None = None
    timestamp_ms: int | None = None


def now_iso() -> str:
    """The current UTC time, ISO 8601 with milliseconds."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def dumps(event: dict[str, Any]) -> bytes:
    """Serialise an event: compact UTF-8 JSON, one object."""
    return orjson.dumps(event)


def record_headers(event: dict[str, Any]) -> Headers:
    """The headers of an event's Kafka record: its schema name, as in the event's `schema` field."""
    return [(SCHEMA_HEADER, str(event.get("schema", "")).encode("utf-8"))]


def content_digest(dispatch: Dispatch, version: int | None) -> str:
    """Identifies one version of one dispatch with its exact content: the event id."""
    return _digest(dispatch.id, str(version), dispatch.text)


def enriched_event(
    result: Enrichment, source: Source, *, supersedes: int | None = None, enriched_at: str | None = None
) -> dict[str, Any]:
    """The `wire.enriched` event of one dispatch (`supersedes`: the version it replaces, if known)."""
    dispatch, header = result.dispatch, result.header
    return {
        "schema": ENRICHED,
        "id": dispatch.id,
        "event_id": content_digest(dispatch, result.version),
        "version": result.version,
        "supersedes": supersedes,
        "urgency": dispatch.urgency,
        "slugline": dispatch.slugline,
        "keywords": list(dispatch.keywords),
        "subjects": [{"code": s.code, "name": s.name} for s in dispatch.subjects],
        "first_created": dispatch.first_created,
        "version_created": dispatch.version_created,
        "embargoed": dispatch.embargoed,
        "ed_note": dispatch.ed_note,
        "source": {
            "agency": result.agency,
            "provider": dispatch.provider,
            "credit": dispatch.credit,
            "format": dispatch.format,
            "topic": source.topic,
            "partition": source.partition,
            "offset": source.offset,
        },
        "language": result.language,
        "language_confidence": round(result.language_confidence, 3),
        "dateline": {"place": header.dateline_place, "date": header.dateline_date, "text": header.dateline_text},
        "headline": result.headline,
        "byline": header.byline,
        "markers": list(header.markers),
        "header": header.header_text,
        "body": result.body,
        "footer": header.footer_text,
        "entities": [_entity(e) for e in result.entities],
        "quotes": [_quote(dispatch.id, i, q) for i, q in enumerate(result.quotes)],
        "received_at": dispatch.received_at or _kafka_time(source) or now_iso(),
        "enriched_at": enriched_at or now_iso(),
        "pipeline": {"version": __version__, "models": {"entities": result.model, "quotes": "rules"}},
    }


def quote_events(enriched: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(key, `wire.quotes` event) for each quote: keyed by speaker entity, else dispatch; `quote_key` de-duplicates."""
    out = []
    for quote in enriched["quotes"]:
        speaker = quote["speaker"]
        event = {
            "schema": QUOTE,
            **quote,
            "dispatch_id": enriched["id"],
            "dispatch_version": enriched["version"],
            "language": enriched["language"],
            "dateline": enriched["dateline"],
            "headline": enriched["headline"],
            "agency": enriched["source"]["agency"],
            "enriched_at": enriched["enriched_at"],
            "quote_key": quote_key(quote),
        }
        out.append((speaker["entity_id"] if speaker else enriched["id"], event))
    return out


def entity_events(enriched: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(key, `wire.entities` event) for each entity of a dispatch, keyed by entity id."""
    out = []
    for entity in enriched["entities"]:
        event = {
            "schema": ENTITY,
            "id": entity["id"],
            "name": entity["name"],
            "type": entity["type"],
            "role": entity["role"],
            "forms": sorted({m["text"] for m in entity["mentions"]}),
            "mention_count": len(entity["mentions"]),
            "dispatch_id": enriched["id"],
            "dispatch_version": enriched["version"],
            "language": enriched["language"],
            "dateline": enriched["dateline"],
            "enriched_at": enriched["enriched_at"],
        }
        out.append((entity["id"], event))
    return out


def withdrawn_event(dispatch: Dispatch, source: Source, *, supersedes: int | None = None) -> dict[str, Any]:
    """The `wire.enriched` event saying a dispatch must no longer be used (same key as the dispatch)."""
    return {
        "schema": WITHDRAWN,
        "id": dispatch.id,
        "event_id": content_digest(dispatch, dispatch.version),
        "version": dispatch.version,
        "supersedes": supersedes,
        "status": dispatch.status,
        "ed_note": dispatch.ed_note,
        "source": {
            "agency": dispatch.agency,
            "format": dispatch.format,
            "topic": source.topic,
            "partition": source.partition,
            "offset": source.offset,
        },
        "received_at": dispatch.received_at or _kafka_time(source) or now_iso(),
        "withdrawn_at": now_iso(),
        "pipeline": {"version": __version__},
    }


def dead_letter_event(
    value: bytes | None,
    source: Source,
    *,
    stage: str,
    reason: str,
    error: BaseException,
    dispatch_id: str | None = None,
    max_value_bytes: int | None = None,
) -> dict[str, Any]:
    """The `wire.dlq` event of a message that could not be processed; it never raises.

    The original value is kept whole up to `max_value_bytes`; a longer one
    (a `too_large` message) keeps only its beginning, and says so. So are the
    key (up to `MAX_KEY_BYTES`) and the id (`MAX_ID_BYTES`): a dead letter stays
    small whatever the message held, and `wirestream replay` re-reads a truncated
    original from its source offset.
    """
    truncated = value is not None and max_value_bytes is not None and len(value) > max_value_bytes
    kept = value[:max_value_bytes] if truncated else value
    key = source.key if isinstance(source.key, bytes) or source.key is None else None
    key_truncated = key is not None and len(key) > MAX_KEY_BYTES
    letter_source: dict[str, Any] = {
        "topic": _bounded_str(source.topic),
        "partition": source.partition if isinstance(source.partition, int) and source.partition >= 0 else None,
        "offset": source.offset if isinstance(source.offset, int) and source.offset >= 0 else None,
        "key_b64": _b64(key[:MAX_KEY_BYTES] if key_truncated else key),
        "timestamp": _kafka_time(source),
    }
    if key_truncated:
        letter_source.update(key_bytes=len(key), key_truncated=True)
    return {
        "schema": DEAD_LETTER,
        "id": bounded_id(dispatch_id),
        "reason": reason,
        "stage": stage,
        "error": {"class": _error_class(error), "message": _error_message(error)},
        "source": letter_source,
        "value_b64": _b64(kept),
        "value_bytes": 0 if value is None else len(value),
        "value_truncated": truncated,
        "failed_at": now_iso(),
        "pipeline": {"version": __version__},
    }


def bounded_id(dispatch_id: str | None) -> str | None:
    """A dispatch id as a dead letter may carry it: at most `MAX_ID_BYTES` of UTF-8 (decode refuses longer ones)."""
    if dispatch_id is None:
        return None
    encoded = dispatch_id.encode("utf-8", "replace")
    if len(encoded) <= MAX_ID_BYTES:
        return dispatch_id
    return encoded[:MAX_ID_BYTES].decode("utf-8", "ignore")


def _entity(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "role": entity.role,
        "source": entity.source,
        "mentions": [{"text": m.text, "start": m.start, "end": m.end, "section": m.section} for m in entity.mentions],
    }


def _quote(dispatch_id: str, index: int, quote: Quote) -> dict[str, Any]:
    speaker = quote.speaker_entity
    return {
        "id": f"{dispatch_id}/q{index + 1}",
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "kind": quote.kind,
        "speaker": {"name": speaker.name, "entity_id": speaker.id} if speaker else None,
        "speaker_text": quote.speaker_text,
        "cue": quote.cue,
        "section": quote.section,
    }


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def _b64(data: bytes | None) -> str | None:
    return None if data is None else base64.b64encode(data).decode("ascii")


def _kafka_time(source: Source) -> str | None:
    """A Kafka timestamp as ISO 8601, or None when absent or outside years 1-9999 (any int64 can arrive)."""
    stamp = source.timestamp_ms
    if not isinstance(stamp, int) or not 0 < stamp < MAX_TIMESTAMP_MS:
        return None
    moment = datetime.fromtimestamp(stamp / 1000, timezone.utc)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _bounded_str(text: str | None, limit: int = MAX_ID_BYTES) -> str | None:
    return text if text is None or len(text) <= limit else text[:limit]


def _error_class(error: BaseException) -> str:
    """The class of the original error (an enrichment process's failure names the one raised there)."""
    return str(getattr(error, "error_class", None) or type(error).__name__)[:100]


def _error_message(error: BaseException) -> str:
    try:  # lone surrogates (from a decoded key, say) would make the letter unserialisable: escaped
        return str(error)[:1000].encode("utf-8", "backslashreplace").decode("utf-8")
    except Exception:  # noqa: BLE001 - an exception whose __str__ fails still makes a dead letter
        return f"({type(error).__name__} whose message cannot be shown)"
