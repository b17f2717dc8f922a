"""Readable lines for `wirestream tail` of `wire.trends` and `wire.stories` (other events stay JSON).

Trends: a spike is printed as it comes; closed windows one line each, or with `top`, as a ranking of the
entities with most dispatches per window, printed once a later window closes (or the tail ends).
Stories: one line per update, with its size, languages, agencies, time span, headline and main entities.
"""

from __future__ import annotations

from typing import Any

TREND = "wirestream.trend.v1"
STORY = "wirestream.story.v1"


class Summaries:
    """Turns trend and story events into lines; `lines` gives None for any other event."""

    def __init__(self, top: int | None = None) -> None:
        self.top = top
        self.windows: dict[tuple[str, str, str], list[dict[str, Any]]] = {}  # (end, size, start) -> events

    def lines(self, event: dict[str, Any]) -> list[str] | None:
        schema = event.get("schema")
        if schema == STORY:
            return [story_line(event)]
        if schema != TREND:
            return None
        if event["kind"] == "spike":
            return [spike_line(event)]
        if not self.top:
            return [window_line(event)]
        window = event["window"]
        out = [line for key in sorted(self.windows) if key[0] < window["end"] for line in self._ranking(key)]
        self.windows.setdefault((window["end"], window["size"], window["start"]), []).append(event)
        return out

    def flush(self) -> list[str]:
        """The rankings still waiting for a later window."""
        return [line for key in sorted(self.windows) for line in self._ranking(key)]

    def _ranking(self, key: tuple[str, str, str]) -> list[str]:
        end, size, start = key
        events = self.windows.pop(key)
        ranked = sorted(events, key=lambda e: (-e["count"], -e["spike_score"], e["entity"]["id"]))
        head = f"top {min(self.top or 0, len(ranked))} of {len(ranked)} entities, {size} window {_span(start, end)}"
        rows = [
            f"  {rank:>2}. {_entity(e)}  {e['count']}  {_split(e['by_language'])}  score {e['spike_score']:g}"
            for rank, e in enumerate(ranked[: self.top], 1)
        ]
        return [head, *rows]


def spike_line(event: dict[str, Any]) -> str:
    window = event["window"]
    return (
        f"SPIKE {window['size']} {_span(window['start'], window['end'])}  {_entity(event)}  {event['count']} dispatches"
        f" (baseline {event['baseline']:g}, score {event['spike_score']:g})  {_split(event['by_language'])}"
    )


def window_line(event: dict[str, Any]) -> str:
    window = event["window"]
    return (
        f"{window['size']} {_span(window['start'], window['end'])}  {_entity(event)}  {event['count']}"
        f"  {_split(event['by_language'])}  {_split(event['by_agency'])}"
    )


def story_line(event: dict[str, Any]) -> str:
    if event.get("merged_into"):
        return f"{event['story_id']} merged into {event['merged_into']}"
    names = ", ".join(e["name"] for e in event["top_entities"][:4])
    return (
        f"{event['story_id']}  {event['dispatch_count']} dispatches  {' '.join(event['languages'])}"
        f"  {' '.join(event['agencies'])}  {_span(event['first_seen'], event['last_seen'])}"
        f"  {event['headline'] or '(no headline)'}  [{names}]"
    )


def _entity(event: dict[str, Any]) -> str:
    return f"{event['entity']['name']} ({event['entity']['id']})"


def _split(counts: dict[str, int]) -> str:
    return " ".join(f"{key} {n}" for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _span(start: str | None, end: str | None) -> str:
    """'2026-03-10 06:00-07:00' (the end's date too when it differs)."""
    if not start or not end:
        return "?"
    first, last = start.replace("T", " ").rstrip("Z")[:16], end.replace("T", " ").rstrip("Z")[:16]
    return f"{first}-{last[11:] if last[:10] == first[:10] else last}"
