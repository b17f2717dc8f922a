"""`wirestream tail`: the events of a topic as JSON lines, filtered by speaker, entity or language; trends and
stories as readable summaries."""

from __future__ import annotations

import argparse
import unicodedata
from typing import Any

import orjson

from streams.settings import Settings


def cmd_tail(args: argparse.Namespace, settings: Settings) -> int:
    from streams.kafka.admin import require_topics
    from streams.kafka.clients import consume_events
    from streams.summaries import Summaries

    require_topics(settings, args.topic)
    summaries = None if args.json else Summaries(top=args.top)
    shown = 0
    filters = {"speaker": args.speaker, "entity": args.entity, "entity_id": args.entity_id, "lang": args.lang}
    for event in consume_events(settings, args.topic, from_end=args.from_end, idle_timeout=args.idle_timeout):
        if event is None or not matches(event, **filters):
            continue
        lines = summaries.lines(event) if summaries else None
        for line in [orjson.dumps(event).decode()] if lines is None else lines:
            print(line, flush=True)
        shown += 1
        if args.max and shown >= args.max:
            break
    for line in summaries.flush() if summaries else []:
        print(line, flush=True)
    return 0


def matches(
    event: Any,
    *,
    speaker: str | None = None,
    entity: str | None = None,
    entity_id: str | None = None,
    lang: str | None = None,
) -> bool:
    """Whether an event (enriched, quote, entity, or any JSON) passes the `tail` filters.

    Names match as substrings, ignoring case and accents (`liege` finds Liège).
    """
    if not isinstance(event, dict):
        return not (speaker or entity or entity_id or lang)
    if lang and event.get("language") != lang:
        return False
    if speaker:
        quotes = event.get("quotes", [event] if "kind" in event else [])
        names = [((q.get("speaker") or {}).get("name") or q.get("speaker_text") or "") for q in quotes]
        if not any(fold(speaker) in fold(name) for name in names):
            return False
    entities = event.get("entities", [event] if "mention_count" in event else [])
    if entity:
        names = [
            form
            for e in entities
            for form in [e.get("name") or "", *e.get("forms", []), *(m.get("text", "") for m in e.get("mentions", []))]
        ]
        if not any(fold(entity) in fold(name) for name in names):
            return False
    if entity_id:
        speakers = [q.get("speaker") or {} for q in event.get("quotes", [event] if "kind" in event else [])]
        if entity_id not in {e.get("id") for e in entities} | {s.get("entity_id") for s in speakers}:
            return False
    return True


def fold(text: str) -> str:
    """Text without case or accents, for matching: `Liège` and `LIEGE` both become `liege`."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
