"""Counts of the dispatches naming each entity, in tumbling windows of event time, and spikes.

`TrendBook.add` takes one mention (an entity named by a dispatch) and counts it in the window of each
size that holds its event time; a dispatch is counted once per entity (its versions and re-deliveries
are recognised by dispatch id). Windows close by event time: when the newest time seen (the watermark)
is `grace_ms` past a window's end, `close` returns its final count, and a mention arriving later is
left out of it (and counted in `late`). A spike is a window whose running count stands out from the
entity's own baseline, the mean count of the `baseline_windows` windows of the same size before it:
score = (count - mean) / sqrt(mean + 1), a Poisson-like z-score that stays finite for a new name.
A window spikes once, the first time its score reaches `spike_threshold` with at least
`spike_min_count` dispatches.

State is bounded by event time: an entity keeps its open windows, the dispatch ids of its last
`longest window + grace` (to count each once) and the counts of its last `baseline_windows` closed
windows of each size; an entity with nothing left is forgotten.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from streams.nlp.types import CREDIT_SECTIONS

MINUTE_MS = 60_000
DEFAULT_WINDOWS = (("15m", 15 * MINUTE_MS), ("1h", 60 * MINUTE_MS), ("24h", 24 * 60 * MINUTE_MS))


@dataclass(frozen=True, slots=True)
class TrendConfig:
    """Window sizes (label, ms), lateness allowed, and what makes a spike."""

    windows: tuple[tuple[str, int], ...] = DEFAULT_WINDOWS
    grace_ms: int = 10 * MINUTE_MS
    baseline_windows: int = 24
    spike_threshold: float = 3.0
    spike_min_count: int = 3

    @property
    def horizon_ms(self) -> int:
        """How long a dispatch id is remembered: the longest window and the grace."""
        return max(size for _, size in self.windows) + self.grace_ms


@dataclass(frozen=True, slots=True)
class Mention:
    """One entity named by one dispatch, at the dispatch's event time."""

    entity_id: str
    name: str
    type: str
    dispatch_id: str
    time_ms: int
    language: str
    agency: str | None


@dataclass(slots=True)
class WindowCount:
    """The dispatches counted in one window of one entity, by language and agency."""

    count: int = 0
    languages: Counter[str] = field(default_factory=Counter)
    agencies: Counter[str] = field(default_factory=Counter)
    spiked: bool = False

    def copy(self) -> WindowCount:
        return WindowCount(self.count, Counter(self.languages), Counter(self.agencies), self.spiked)

    def to_json(self) -> list[Any]:
        return [self.count, dict(self.languages), dict(self.agencies), self.spiked]

    @classmethod
    def from_json(cls, data: list[Any]) -> WindowCount:
        return cls(data[0], Counter(data[1]), Counter(data[2]), data[3])


@dataclass(slots=True)
class EntityTrend:
    """One entity's windows: open ones, the closed counts of its baseline, and the dispatches seen."""

    name: str
    type: str
    seen: dict[str, int] = field(default_factory=dict)  # dispatch id -> event time
    open: dict[str, dict[int, WindowCount]] = field(default_factory=dict)  # label -> start -> count
    history: dict[str, dict[int, int]] = field(default_factory=dict)  # label -> start -> final count (> 0)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type,
            "seen": self.seen,
            "open": {label: {str(s): w.to_json() for s, w in windows.items()} for label, windows in self.open.items()},
            "history": {label: {str(s): n for s, n in counts.items()} for label, counts in self.history.items()},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EntityTrend:
        return cls(
            name=data["name"],
            type=data["type"],
            seen=dict(data["seen"]),
            open={
                label: {int(s): WindowCount.from_json(w) for s, w in windows.items()}
                for label, windows in data["open"].items()
            },
            history={label: {int(s): n for s, n in counts.items()} for label, counts in data["history"].items()},
        )


@dataclass(frozen=True, slots=True)
class TrendUpdate:
    """A window that closed (`kind` "window") or spiked ("spike"), with what the event reports."""

    kind: str
    entity_id: str
    entity: EntityTrend
    label: str
    size_ms: int
    start_ms: int
    window: WindowCount
    baseline: float
    score: float


class TrendBook:
    """The trend state of the entities of one or more partitions."""

    def __init__(self, config: TrendConfig | None = None) -> None:
        self.config = config or TrendConfig()
        self.entities: dict[str, EntityTrend] = {}
        self.watermark = 0
        self.late: Counter[str] = Counter()  # label -> mentions too late for a window of that size
        self.dirty: set[str] = set()  # entity ids changed since `take_dirty`
        self.removed: set[str] = set()
        self._next_close: int | None = None  # the earliest time a window can close

    def add(self, mention: Mention) -> list[TrendUpdate]:
        """Count one mention; the spikes it causes. Call `close` after it for the windows it closed."""
        trend = self.entities.get(mention.entity_id)
        if trend is not None and mention.dispatch_id in trend.seen:
            return []  # another version, or a re-delivery, of a dispatch counted already
        if mention.time_ms + self.config.horizon_ms <= self.watermark:
            self.late.update(label for label, _ in self.config.windows)
            return []
        if trend is None:
            trend = self.entities[mention.entity_id] = EntityTrend(mention.name, mention.type)
        trend.seen[mention.dispatch_id] = mention.time_ms
        self.dirty.add(mention.entity_id)
        spikes = []
        for label, size in self.config.windows:
            start = mention.time_ms - mention.time_ms % size
            end = start + size
            if end + self.config.grace_ms <= self.watermark:
                self.late[label] += 1
                continue
            window = trend.open.setdefault(label, {}).setdefault(start, WindowCount())
            window.count += 1
            window.languages[mention.language] += 1
            window.agencies[mention.agency or "unknown"] += 1
            if self._next_close is None or end + self.config.grace_ms < self._next_close:
                self._next_close = end + self.config.grace_ms
            if not window.spiked and window.count >= self.config.spike_min_count:
                baseline = self.baseline(trend, label, size, start)
                score = spike_score(window.count, baseline)
                if score >= self.config.spike_threshold:
                    window.spiked = True
                    spikes.append(
                        TrendUpdate(
                            "spike", mention.entity_id, trend, label, size, start, window.copy(), baseline, score
                        )
                    )
        self.watermark = max(self.watermark, mention.time_ms)
        return spikes

    def baseline(self, trend: EntityTrend, label: str, size: int, start: int) -> float:
        """The mean count of the entity's `baseline_windows` closed windows of this size before `start`."""
        counts = trend.history.get(label, {})
        first = start - self.config.baseline_windows * size
        return sum(n for s, n in counts.items() if first <= s < start) / self.config.baseline_windows

    def close(self) -> list[TrendUpdate]:
        """The windows the watermark has passed by more than the grace: their final counts, oldest first."""
        if self._next_close is None or self.watermark < self._next_close:
            return []
        closed: list[TrendUpdate] = []
        next_close: int | None = None
        for entity_id in list(self.entities):
            trend = self.entities[entity_id]
            for label, size in self.config.windows:
                windows = trend.open.get(label, {})
                for start in sorted(windows):
                    due = start + size + self.config.grace_ms
                    if due > self.watermark:
                        next_close = due if next_close is None else min(next_close, due)
                        continue
                    window = windows.pop(start)
                    baseline = self.baseline(trend, label, size, start)
                    history = trend.history.setdefault(label, {})
                    history[start] = window.count
                    oldest = start - self.config.baseline_windows * size
                    for old in [s for s in history if s < oldest]:
                        del history[old]
                    score = spike_score(window.count, baseline)
                    closed.append(TrendUpdate("window", entity_id, trend, label, size, start, window, baseline, score))
                    self.dirty.add(entity_id)
                if not windows:
                    trend.open.pop(label, None)
            self._prune(entity_id, trend)
        self._next_close = next_close
        closed.sort(key=lambda u: (u.start_ms + u.size_ms, u.size_ms, u.entity_id))
        return closed

    def _prune(self, entity_id: str, trend: EntityTrend) -> None:
        forget = self.watermark - self.config.horizon_ms
        stale = [d for d, t in trend.seen.items() if t < forget]
        for dispatch_id in stale:
            del trend.seen[dispatch_id]
        if stale:
            self.dirty.add(entity_id)
        if not trend.seen and not trend.open:
            del self.entities[entity_id]
            self.dirty.discard(entity_id)
            self.removed.add(entity_id)

    # -- persistence ----------------------------------------------------------------------------

    def take_dirty(self) -> tuple[dict[str, dict[str, Any]], set[str]]:
        """What to write since the last call: {entity id: state} to store, and entity ids to delete."""
        written = {key: self.entities[key].to_json() for key in self.dirty if key in self.entities}
        removed = self.removed - written.keys()
        self.dirty, self.removed = set(), set()
        return written, removed

    def restore(self, entries: dict[str, dict[str, Any]]) -> None:
        """Rebuild the book from stored entity states (a restart, or partitions taken over)."""
        self.entities = {key: EntityTrend.from_json(value) for key, value in entries.items()}
        self.watermark = max((t for e in self.entities.values() for t in e.seen.values()), default=0)
        self.dirty, self.removed = set(), set()
        self._next_close = min(
            (
                start + size + self.config.grace_ms
                for e in self.entities.values()
                for label, size in self.config.windows
                for start in e.open.get(label, {})
            ),
            default=None,
        )

    def size(self) -> dict[str, int]:
        """Counts that state memory grows with."""
        return {
            "entities": len(self.entities),
            "dispatch_ids": sum(len(e.seen) for e in self.entities.values()),
            "open_windows": sum(len(w) for e in self.entities.values() for w in e.open.values()),
            "history_windows": sum(len(h) for e in self.entities.values() for h in e.history.values()),
        }


def spike_score(count: int, baseline: float) -> float:
    """How far a count stands above its baseline mean, in Poisson-like standard deviations."""
    return round((count - baseline) / math.sqrt(baseline + 1.0), 3)


def mentions_of(enriched: dict[str, Any], time_ms: int) -> list[Mention]:
    """The mentions of a `wirestream.enriched.v1` event: one per entity it names, but for the journalists it
    credits and names nowhere else (`CREDIT_SECTIONS`): who wrote the news is not a trend of it."""
    agency = (enriched.get("source") or {}).get("agency")
    return [
        Mention(e["id"], e["name"], e["type"], enriched["id"], time_ms, enriched.get("language") or "und", agency)
        for e in enriched.get("entities", [])
        if not _credited_only(e)
    ]


def _credited_only(entity: dict[str, Any]) -> bool:
    """Whether every mention of an entity is in a section that credits the dispatch's authors."""
    mentions = entity.get("mentions") or []
    return bool(mentions) and all(m.get("section") in CREDIT_SECTIONS for m in mentions)
