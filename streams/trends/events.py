"""The `wire.trends` event of a window that closed or spiked (`wirestream.trend.v1`), as a plain dict."""

from __future__ import annotations

from typing import Any

from streams.eventtime import iso, now_iso
from streams.trends.book import TrendConfig, TrendUpdate

TREND = "wirestream.trend.v1"


def trend_event(update: TrendUpdate, config: TrendConfig) -> dict[str, Any]:
    """Key: the entity id. `kind` "window": the window's final count; "spike": its count when it spiked."""
    window = update.window
    return {
        "schema": TREND,
        "kind": update.kind,
        "entity": {"id": update.entity_id, "name": update.entity.name, "type": update.entity.type},
        "window": {
            "size": update.label,
            "start": iso(update.start_ms),
            "end": iso(update.start_ms + update.size_ms),
        },
        "count": window.count,
        "by_language": dict(sorted(window.languages.items())),
        "by_agency": dict(sorted(window.agencies.items())),
        "baseline": round(update.baseline, 3),
        "spike_score": update.score,
        "spike_threshold": config.spike_threshold,
        "emitted_at": now_iso(),
    }
