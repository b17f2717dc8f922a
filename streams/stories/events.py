"""The `wire.stories` event of a story (`wirestream.story.v1`), as a plain dict."""

from __future__ import annotations

from typing import Any

from streams.eventtime import iso, now_iso
from streams.stories.book import StoryChange, top_entities

STORY = "wirestream.story.v1"


def story_event(change: StoryChange) -> dict[str, Any]:
    """The event saying what a story holds now (or, with `merged_into`, that it became another story)."""
    members = change.members
    return {
        "schema": STORY,
        "story_id": change.story_id,
        "merged_into": change.merged_into,
        "merged_from": change.merged_from,
        "updated_by": change.dispatch_id,
        "dispatch_count": change.count,
        "dispatch_ids": [r.id for r in members],
        "languages": sorted({r.language for r in members}),
        "agencies": sorted({r.agency for r in members if r.agency}),
        "top_entities": top_entities(members),
        "first_seen": iso(change.first_ms) if change.first_ms is not None else None,
        "last_seen": iso(max(r.time_ms for r in members)) if members else None,
        "headline": change.headline,
        "emitted_at": now_iso(),
    }
