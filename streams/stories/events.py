"""The `wire.stories` event of a story (`wirestream.story.v1`), as a plain dict."""

from __future__ import annotations

from typing import Any

from streams.eventtime import iso, now_iso
from streams.stories.book import MAX_LISTED, StoryChange, top_entities

STORY = "wirestream.story.v1"


def story_event(change: StoryChange) -> dict[str, Any]:
    """The event saying what a story holds now (or, with `merged_into`, that it became another story)."""
    members = change.members
    headline = next((r.headline for r in members if r.headline), None)
    return {
        "schema": STORY,
        "story_id": change.story_id,
        "merged_into": change.merged_into,
        "merged_from": change.merged_from,
        "updated_by": change.dispatch_id,
        "dispatch_count": len(members),
        "dispatch_ids": [r.id for r in members[-MAX_LISTED:]],
        "languages": sorted({r.language for r in members}),
        "agencies": sorted({r.agency for r in members if r.agency}),
        "top_entities": top_entities(members),
        "first_seen": iso(members[0].time_ms) if members else None,
        "last_seen": iso(max(r.time_ms for r in members)) if members else None,
        "headline": headline,
        "emitted_at": now_iso(),
    }
