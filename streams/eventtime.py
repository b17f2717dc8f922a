"""The event time of an enriched dispatch: when the dispatch happened, not when wirestream saw it.

Windows (`streams.trends`) and story links (`streams.stories`) use it, so that a replay or a late
delivery counts a dispatch where it belongs. The order of preference: the envelope's own `received_at`,
the NewsML/NITF `first_created` (the same for every version of an item), else `received_at` as the
enriched event holds it (the Kafka timestamp of the raw record when the dispatch gave no time).
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any


def parse_ms(text: str | None) -> int | None:
    """An ISO 8601 time as epoch milliseconds (UTC when no offset is given); None if absent or unreadable."""
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return int(moment.timestamp() * 1000)


def iso(ms: int) -> str:
    """Epoch milliseconds as ISO 8601 UTC with a Z."""
    moment = datetime.fromtimestamp(ms / 1000, timezone.utc)
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


def event_time_ms(enriched: dict[str, Any]) -> int | None:
    """The event time of a `wirestream.enriched.v1` event, in epoch ms (None if it has no readable time)."""
    source = enriched.get("source") or {}
    if source.get("format") != "envelope":
        created = parse_ms(enriched.get("first_created"))
        if created is not None:
            return created
    return parse_ms(enriched.get("received_at"))


def now_iso() -> str:
    """The current UTC time, ISO 8601 with milliseconds."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
