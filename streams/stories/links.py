"""When two dispatches tell the same story: the pairwise rule of story threading.

A pair is linked when it is the same item (two versions of one dispatch id), or when, within
`window_ms` of each other, the two share enough entities: their ids are language-independent, so
this works across languages and agencies. People, organisations and named sites named in both weigh
1; towns, regions, countries and other names 0.5 (a capital or a nationality is shared by many
unrelated stories). Two dispatches are linked when their shared weight reaches `min_shared` and the
shared entities cover at least `min_cover` of the shorter list, or reach `min_shared_close` and make
up most of it (short dispatches name few entities); or, in one language, when they share at least one named
person or organisation and their leads share `min_text` of their content words (`streams.stories.words`),
the further evidence that lets two short dispatches of one story meet with few names in common.

The rule looks at two dispatches only, never at what else is known: a story is the connected group
of linked dispatches, so the grouping does not depend on the order in which dispatches arrive.
"""

from __future__ import annotations

from dataclasses import dataclass

from streams.stories.record import StoryRecord
from streams.stories.words import overlap

WEIGHTS = {"PER": 1.0, "ORG": 1.0, "LOC": 1.0, "MISC": 0.5}
BROAD_PLACES = ("loc:geonames:", "loc:iso3166:")  # towns, regions, countries: shared by many stories
HOUR_MS = 3_600_000
MIN_LINK_WEIGHT = 1.0  # no pair sharing less can be linked (the text rule needs a shared person or organisation)


@dataclass(frozen=True, slots=True)
class LinkRule:
    """The thresholds of the pairwise rule (defaults measured on bench/stories.py's corpus)."""

    window_ms: int = 12 * HOUR_MS
    min_shared: float = 2.0
    min_cover: float = 0.3
    min_shared_close: float = 1.5  # enough when the shared entities make up most of the shorter list
    min_cover_close: float = 0.66
    min_text: float = 0.25

    def linked(self, first: StoryRecord, second: StoryRecord) -> bool:
        """Whether two dispatches tell the same story."""
        if first.id == second.id:
            return True
        if abs(first.time_ms - second.time_ms) > self.window_ms:
            return False
        shared = [first.keys[key] for key in first.keys.keys() & second.keys.keys()]
        if not shared:
            return False
        weight = sum(weight_of(entity_id, first.entities[entity_id]) for entity_id in shared)
        cover = len(shared) / min(len(first.entities), len(second.entities))
        if weight >= self.min_shared and cover >= self.min_cover:
            return True
        if weight >= self.min_shared_close and cover >= self.min_cover_close:
            return True
        if first.language != second.language or first.language == "und":
            return False
        named = any(first.entities[entity_id] in ("PER", "ORG") for entity_id in shared)
        return named and overlap(first.stems, second.stems) >= self.min_text


def weight_of(entity_id: str, kind: str) -> float:
    """What sharing this entity says: a town or a country little, a person, a body or a named site much."""
    return 0.5 if entity_id.startswith(BROAD_PLACES) else WEIGHTS.get(kind, 0.5)
