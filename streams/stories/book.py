"""The state of story threading: dispatches, the stories they form, and expiry by event time.

`StoryBook.add` takes one dispatch record and returns the stories it changed. A story is a connected
group of linked dispatches (`streams.stories.links`): a new dispatch joins every story it links to,
which merges them. Its id is made from its earliest dispatch (by event time, then id), so a story
keeps its id as it grows, and the same dispatches make the same stories and ids in any arrival order
(a story renamed because an earlier dispatch arrived late says so: `merged_into` on the old id).

State is bounded by event time, the newest time seen (the watermark): a dispatch can be linked to
while it is within `window_ms + grace_ms` of the watermark; a story with no dispatch newer than
`idle_ms` before the watermark is closed and forgotten with its dispatches. A dispatch arriving more
than `grace_ms` late may miss dispatches already out of reach; it still joins its own item's story.
"""

from __future__ import annotations

import hashlib
import heapq
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from streams.stories.links import HOUR_MS, LinkRule
from streams.stories.record import StoryRecord

MAX_LISTED = 200  # dispatch ids a story event lists (the most recent); `dispatch_count` gives them all


@dataclass(frozen=True, slots=True)
class StoryConfig:
    """How far apart dispatches may be linked, how late they may arrive, and when a story closes."""

    rule: LinkRule = field(default_factory=LinkRule)
    grace_ms: int = HOUR_MS
    idle_ms: int = 24 * HOUR_MS


@dataclass(slots=True)
class StoryChange:
    """A story after a dispatch joined it (`merged_into` set: the story was absorbed by that one)."""

    story_id: str
    members: list[StoryRecord]
    dispatch_id: str
    merged_from: list[str] = field(default_factory=list)
    merged_into: str | None = None


def story_id_of(first_dispatch_id: str) -> str:
    """The id of the story whose earliest dispatch has this id."""
    return "story:" + hashlib.sha1(first_dispatch_id.encode("utf-8")).hexdigest()[:16]


class StoryBook:
    """Dispatches of open stories, indexed by entity, grouped into stories."""

    def __init__(self, config: StoryConfig | None = None) -> None:
        self.config = config or StoryConfig()
        self.records: dict[str, StoryRecord] = {}
        self.story_of: dict[str, str] = {}
        self.members: dict[str, set[str]] = {}
        self.last_ms: dict[str, int] = {}  # story -> newest event time of its dispatches
        self.index: dict[str, set[str]] = {}  # entity match key -> dispatches that may still be linked to
        self.watermark = 0
        self._linkable: list[tuple[int, str]] = []  # (event time, dispatch id) of indexed dispatches
        self._idle: list[tuple[int, str]] = []  # (last event time, story id), possibly outdated
        self.dirty: set[str] = set()  # dispatch ids whose record or story changed since `take_dirty`
        self.removed: set[str] = set()  # dispatch ids forgotten since `take_dirty`

    # -- adding ---------------------------------------------------------------------------------

    def add(self, record: StoryRecord) -> list[StoryChange]:
        """Thread one dispatch; the stories that changed (the one it is in last)."""
        known = self.records.get(record.id)
        record = merge_versions(known, record) if known else record
        self.records[record.id] = record
        self.dirty.add(record.id)
        self._index(record)
        linked = {other for other in self._candidates(record) if self.config.rule.linked(record, self.records[other])}
        joined = {self.story_of[other] for other in linked if other in self.story_of}
        if record.id in self.story_of:
            joined.add(self.story_of[record.id])
        changes = self._join(record, joined)
        self._advance(record.time_ms)
        return changes

    def _candidates(self, record: StoryRecord) -> set[str]:
        found: set[str] = set()
        for key in record.keys:
            found |= self.index.get(key, set())
        found.discard(record.id)
        return found

    def _index(self, record: StoryRecord) -> None:
        if record.time_ms < self.watermark - self.config.rule.window_ms - self.config.grace_ms:
            return  # too late to be linked to by later dispatches
        for key in record.keys:
            self.index.setdefault(key, set()).add(record.id)
        heapq.heappush(self._linkable, (record.time_ms, record.id))

    def _join(self, record: StoryRecord, joined: set[str]) -> list[StoryChange]:
        members = {record.id}
        for story in joined:
            members |= self.members.pop(story)
            self.last_ms.pop(story, None)
        first = min(members, key=lambda m: (self.records[m].time_ms, m))
        story = story_id_of(first)
        self.members[story] = members
        self.last_ms[story] = max(self.records[m].time_ms for m in members)
        heapq.heappush(self._idle, (self.last_ms[story], story))
        for member in members:
            if self.story_of.get(member) != story:
                self.story_of[member] = story
                self.dirty.add(member)
        absorbed = sorted(joined - {story})
        changes = [StoryChange(old, [], record.id, merged_into=story) for old in absorbed]
        ordered = sorted((self.records[m] for m in members), key=lambda r: (r.time_ms, r.id))
        changes.append(StoryChange(story, ordered, record.id, merged_from=absorbed))
        return changes

    # -- expiry ---------------------------------------------------------------------------------

    def _advance(self, time_ms: int) -> None:
        if time_ms <= self.watermark:
            return
        self.watermark = time_ms
        reach = self.watermark - self.config.rule.window_ms - self.config.grace_ms
        while self._linkable and self._linkable[0][0] < reach:
            _, dispatch_id = heapq.heappop(self._linkable)
            record = self.records.get(dispatch_id)
            if record is None or record.time_ms >= reach:
                continue  # forgotten already, or indexed again with a newer version
            for key in record.keys:
                holders = self.index.get(key)
                if holders is not None:
                    holders.discard(dispatch_id)
                    if not holders:
                        del self.index[key]
        closed = self.watermark - self.config.idle_ms
        while self._idle and self._idle[0][0] < closed:
            last, story = heapq.heappop(self._idle)
            if self.last_ms.get(story) != last:
                continue  # merged, or renewed since: a newer entry stands for it
            self._forget(story)

    def _forget(self, story: str) -> None:
        for member in self.members.pop(story):
            self.records.pop(member, None)
            self.story_of.pop(member, None)
            self.dirty.discard(member)
            self.removed.add(member)
        del self.last_ms[story]

    # -- persistence ----------------------------------------------------------------------------

    def take_dirty(self) -> tuple[dict[str, dict[str, Any]], set[str]]:
        """What to write since the last call: {dispatch id: entry} to store, and dispatch ids to delete."""
        written = {key: self.entry(key) for key in self.dirty if key in self.records}
        removed = self.removed - written.keys()
        self.dirty, self.removed = set(), set()
        return written, removed

    def entry(self, dispatch_id: str) -> dict[str, Any]:
        """A dispatch's stored form: its record and its story."""
        return {"record": self.records[dispatch_id].to_json(), "story": self.story_of[dispatch_id]}

    def restore(self, entries: list[dict[str, Any]]) -> None:
        """Rebuild the book from stored entries (a restart, or partitions taken over)."""
        self.__init__(self.config)  # type: ignore[misc]
        records = sorted(
            ((StoryRecord.from_json(e["record"]), e["story"]) for e in entries), key=lambda pair: pair[0].time_ms
        )
        self.watermark = max((r.time_ms for r, _ in records), default=0)
        for record, story in records:
            self.records[record.id] = record
            self.story_of[record.id] = story
            self.members.setdefault(story, set()).add(record.id)
            self.last_ms[story] = max(self.last_ms.get(story, 0), record.time_ms)
            self._index(record)
        for story, last in self.last_ms.items():
            heapq.heappush(self._idle, (last, story))

    # -- figures --------------------------------------------------------------------------------

    def size(self) -> dict[str, int]:
        """Counts that state memory grows with."""
        return {
            "dispatches": len(self.records),
            "stories": len(self.members),
            "indexed_entities": len(self.index),
            "index_entries": sum(len(v) for v in self.index.values()),
        }


def merge_versions(known: StoryRecord, newer: StoryRecord) -> StoryRecord:
    """One record for all versions of an item: the union of what they name, at the earliest time."""
    names = {**known.names, **newer.names}
    return StoryRecord(
        id=known.id,
        version=max((v for v in (known.version, newer.version) if v is not None), default=None),
        time_ms=min(known.time_ms, newer.time_ms),
        language=known.language,
        agency=known.agency or newer.agency,
        headline=newer.headline or known.headline,
        entities={**known.entities, **newer.entities},
        names=names,
        stems=known.stems | newer.stems,
    )


def top_entities(members: list[StoryRecord], limit: int = 5) -> list[dict[str, Any]]:
    """The entities named by most dispatches of a story."""
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    for record in members:
        counts.update(record.entities.keys())
        for key, name in record.names.items():
            names.setdefault(key, name)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return [{"id": key, "name": names.get(key, key), "dispatches": n} for key, n in ranked]
