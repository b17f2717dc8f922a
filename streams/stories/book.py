"""The state of story threading: dispatches, the stories they form, and expiry by event time.

`StoryBook.add` takes one dispatch record and returns the stories it changed. A story is a connected
group of linked dispatches (`streams.stories.links`): a new dispatch joins every story it links to,
which merges them. Its id is made from its earliest dispatch (by event time, then id), so a story
keeps its id as it grows, and the same dispatches make the same stories and ids in any arrival order
(a story renamed because an earlier dispatch arrived late says so: `merged_into` on the old id).

State is bounded by event time, the newest time seen (the watermark): a dispatch can be linked to
while it is within `window_ms + grace_ms` of the watermark, and is kept (for its versions to find
their story, and for the story's summary) while within `idle_ms`; a story with no dispatch kept is
closed and forgotten. So a story that runs for days holds only its last `idle_ms` of dispatches, and
one with no new dispatch for `idle_ms` closes. A dispatch arriving more than `grace_ms` late may miss
dispatches already out of reach; it still joins its own item's story while that is open.
"""

from __future__ import annotations

import hashlib
import heapq
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from streams.stories.links import HOUR_MS, MIN_LINK_WEIGHT, LinkRule, weight_of
from streams.stories.record import StoryRecord

MAX_LISTED = 200  # dispatch ids a story event lists (the most recent); `dispatch_count` gives them all
STORY_KEY = "\x00"  # stored entries of stories: this, then the story id


@dataclass(frozen=True, slots=True)
class StoryConfig:
    """How far apart dispatches may be linked, how late they may arrive, and when a story closes."""

    rule: LinkRule = field(default_factory=LinkRule)
    grace_ms: int = HOUR_MS
    idle_ms: int = 24 * HOUR_MS


@dataclass(slots=True)
class StoryChange:
    """A story after a dispatch joined it (`merged_into` set: the story was absorbed by that one).

    `members`: its latest `MAX_LISTED` dispatches kept, in event-time order (the summary is made of them);
    `count`: all it ever had; `first_ms`: the event time of its earliest dispatch.
    """

    story_id: str
    members: list[StoryRecord]
    dispatch_id: str
    merged_from: list[str] = field(default_factory=list)
    merged_into: str | None = None
    count: int = 0
    first_ms: int | None = None
    headline: str | None = None  # of its earliest dispatch kept


def story_id_of(first_dispatch_id: str) -> str:
    """The id of the story whose earliest dispatch has this id."""
    return "story:" + hashlib.sha1(first_dispatch_id.encode("utf-8")).hexdigest()[:16]


class StoryBook:
    """Dispatches of open stories, indexed by entity, grouped into stories."""

    def __init__(self, config: StoryConfig | None = None) -> None:
        self.config = config or StoryConfig()
        self.records: dict[str, StoryRecord] = {}
        self.story_of: dict[str, str] = {}
        self.members: dict[str, dict[str, None]] = {}  # story -> its dispatches still kept, oldest first
        self.first: dict[str, tuple[int, str]] = {}  # story -> (event time, id) of its earliest dispatch ever
        self.count: dict[str, int] = {}  # story -> dispatches it ever had
        self.index: dict[str, set[str]] = {}  # entity match key -> dispatches that may still be linked to
        self.watermark = 0
        self._linkable: list[tuple[int, str]] = []  # (event time, dispatch id) of indexed dispatches
        self._kept: list[tuple[int, str]] = []  # (event time, dispatch id) of kept dispatches
        self.dirty: set[str] = set()  # dispatch ids changed since `take_dirty`
        self.removed: set[str] = set()  # dispatch ids forgotten since `take_dirty`
        self.dirty_stories: set[str] = set()
        self.closed_stories: set[str] = set()

    # -- adding ---------------------------------------------------------------------------------

    def add(self, record: StoryRecord) -> list[StoryChange]:
        """Thread one dispatch; the stories that changed (the one it is in last)."""
        known = self.records.get(record.id)
        record = merge_versions(known, record) if known else record
        self.records[record.id] = record
        self.dirty.add(record.id)
        if known is None:
            heapq.heappush(self._kept, (record.time_ms, record.id))
        self._index(record)
        joined = self._linked_stories(record)
        if record.id in self.story_of:
            joined.add(self.story_of[record.id])
        changes = self._join(record, joined, new=known is None)
        self._advance(record.time_ms)
        return changes

    def _linked_stories(self, record: StoryRecord) -> set[str]:
        """The stories of the dispatches this one links to.

        Only dispatches sharing a weight of 1 can link (`streams.stories.links`), and one link to a story is
        enough: the others of that story are not tested. Neither changes which stories are found.
        """
        shared: Counter[str] = Counter()
        for key, entity_id in record.keys.items():
            weight = weight_of(entity_id, record.entities[entity_id])
            for other in self.index.get(key, ()):
                shared[other] += weight
        shared.pop(record.id, None)
        joined: set[str] = set()
        for other, weight in shared.items():
            story = self.story_of.get(other)
            if (
                weight >= MIN_LINK_WEIGHT
                and story not in joined
                and self.config.rule.linked(record, self.records[other])
            ):
                joined.add(story)  # type: ignore[arg-type]
        return joined

    def _index(self, record: StoryRecord) -> None:
        if record.time_ms < self.watermark - self.config.rule.window_ms - self.config.grace_ms:
            return  # too late to be linked to by later dispatches
        for key in record.keys:
            self.index.setdefault(key, set()).add(record.id)
        heapq.heappush(self._linkable, (record.time_ms, record.id))

    def _join(self, record: StoryRecord, joined: set[str], *, new: bool) -> list[StoryChange]:
        first = min([(record.time_ms, record.id), *(self.first[old] for old in joined)])
        count = (1 if new else 0) + sum(self.count[old] for old in joined)
        story = story_id_of(first[1])
        absorbed = sorted(joined - {story})
        members = self.members.pop(story, {})
        moved = [member for old in absorbed for member in self.members.pop(old)]
        for old in absorbed:
            del self.first[old], self.count[old]
            self.dirty_stories.discard(old)
            self.closed_stories.add(old)
        if moved:  # merged: the kept dispatches in event-time order again
            members = dict.fromkeys(sorted([*members, *moved], key=lambda m: (self.records[m].time_ms, m)))
        members.setdefault(record.id, None)
        self.members[story], self.first[story], self.count[story] = members, first, count
        self.dirty_stories.add(story)
        for member in [*moved, record.id]:
            if self.story_of.get(member) != story:
                self.story_of[member] = story
                self.dirty.add(member)
        changes = [StoryChange(old, [], record.id, merged_into=story) for old in absorbed]
        changes.append(self.change(story, record.id, merged_from=absorbed))
        return changes

    def change(self, story: str, dispatch_id: str, merged_from: list[str] | None = None) -> StoryChange:
        """What a story holds now: its latest `MAX_LISTED` dispatches kept, in event-time order."""
        members = self.members[story]
        recent = sorted(
            (self.records[m] for m in islice(reversed(members), MAX_LISTED)), key=lambda r: (r.time_ms, r.id)
        )
        return StoryChange(
            story,
            recent,
            dispatch_id,
            merged_from or [],
            count=self.count[story],
            first_ms=self.first[story][0],
            headline=self.records[next(iter(members))].headline,
        )

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
        kept = self.watermark - self.config.idle_ms
        while self._kept and self._kept[0][0] < kept:
            _, dispatch_id = heapq.heappop(self._kept)
            if dispatch_id in self.records and self.records[dispatch_id].time_ms < kept:
                self._forget(dispatch_id)

    def _forget(self, dispatch_id: str) -> None:
        """Drop a dispatch older than `idle_ms`; a story with none left is closed."""
        del self.records[dispatch_id]
        story = self.story_of.pop(dispatch_id)
        self.dirty.discard(dispatch_id)
        self.removed.add(dispatch_id)
        self.members[story].pop(dispatch_id, None)
        if not self.members[story]:
            del self.members[story], self.first[story], self.count[story]
            self.dirty_stories.discard(story)
            self.closed_stories.add(story)

    # -- persistence ----------------------------------------------------------------------------

    def take_dirty(self) -> tuple[dict[str, dict[str, Any]], set[str]]:
        """What to write since the last call: {key: entry} to store, and keys to delete.

        A dispatch's key is its id, a story's is its id after a NUL (dispatch ids cannot hold one).
        """
        written = {
            key: {"record": self.records[key].to_json(), "story": self.story_of[key]}
            for key in self.dirty
            if key in self.records
        }
        for story in self.dirty_stories & self.members.keys():
            written[STORY_KEY + story] = {"first": list(self.first[story]), "count": self.count[story]}
        removed = (self.removed | {STORY_KEY + story for story in self.closed_stories}) - written.keys()
        self.dirty, self.removed, self.dirty_stories, self.closed_stories = set(), set(), set(), set()
        return written, removed

    def entries(self) -> dict[str, dict[str, Any]]:
        """Every stored entry, as `take_dirty` writes them."""
        self.dirty |= set(self.records)
        self.dirty_stories |= set(self.members)
        written, _ = self.take_dirty()
        return written

    def restore(self, entries: dict[str, dict[str, Any]]) -> None:
        """Rebuild the book from stored entries (a restart, or partitions taken over)."""
        self.__init__(self.config)  # type: ignore[misc]
        headers = {key[len(STORY_KEY) :]: e for key, e in entries.items() if key.startswith(STORY_KEY)}
        records = sorted(
            (
                (StoryRecord.from_json(e["record"]), e["story"])
                for key, e in entries.items()
                if not key.startswith(STORY_KEY)
            ),
            key=lambda pair: pair[0].time_ms,
        )
        records = [(r, story) for r, story in records if story in headers]
        self.watermark = max((r.time_ms for r, _ in records), default=0)
        for record, story in records:
            self.records[record.id] = record
            self.story_of[record.id] = story
            self.members.setdefault(story, {})[record.id] = None
            heapq.heappush(self._kept, (record.time_ms, record.id))
            self._index(record)
        for story in self.members:
            self.first[story] = tuple(headers[story]["first"])  # type: ignore[assignment]
            self.count[story] = headers[story]["count"]

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
