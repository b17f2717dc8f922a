"""What story threading keeps of an enriched dispatch: a small record, the same on every worker."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from streams.eventtime import event_time_ms
from streams.nlp.types import CREDIT_SECTIONS
from streams.stories.words import lead_stems

# Organisations that sign dispatches: named in almost every dispatch of their wire, so they say nothing of the
# story (the agency of the dispatch itself is left out too).
AGENCIES = frozenset({"afp", "anp", "ap", "apa", "belga", "bloomberg", "dpa", "efe", "reuters", "ansa", "bns", "pa"})
MAX_ENTITIES = 40  # of a dispatch, by number of mentions: a long list of names says little more


@dataclass(slots=True)
class StoryRecord:
    """One dispatch as story threading sees it.

    `entities` maps an entity id (language-independent) to its type; `stems` are the word stems of the
    headline and lead, comparable between dispatches of one language (`streams.stories.words`).
    """

    id: str
    version: int | None
    time_ms: int
    language: str
    agency: str | None
    headline: str | None
    entities: dict[str, str]
    names: dict[str, str]
    stems: frozenset[str]
    keys: dict[str, str] = field(init=False, repr=False, compare=False)  # match key -> entity id

    def __post_init__(self) -> None:
        self.keys = {match_key(entity_id): entity_id for entity_id in self.entities}

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "version": self.version,
            "t": self.time_ms,
            "lang": self.language,
            "agency": self.agency,
            "headline": self.headline,
            "entities": [[key, kind, self.names.get(key, key)] for key, kind in self.entities.items()],
            "stems": sorted(self.stems),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StoryRecord:
        return cls(
            id=data["id"],
            version=data.get("version"),
            time_ms=int(data["t"]),
            language=data.get("lang") or "und",
            agency=data.get("agency"),
            headline=data.get("headline"),
            entities={key: kind for key, kind, _ in data.get("entities", [])},
            names={key: name for key, _, name in data.get("entities", [])},
            stems=frozenset(data.get("stems", [])),
        )


def match_key(entity_id: str) -> str:
    """What two entity ids are compared on: the id without its type (`per:`, `org:`...).

    Models of different languages may type one name differently (`org:securitas`, `loc:securitas`); the
    rest of an id is a knowledge-base id or the slug of the name, which does not depend on the type.
    """
    return entity_id.partition(":")[2] or entity_id


def story_record(enriched: dict[str, Any], fallback_ms: int | None = None) -> StoryRecord | None:
    """The record of a `wirestream.enriched.v1` event; None when it has no event time (nor a fallback)."""
    time_ms = event_time_ms(enriched)
    if time_ms is None:
        time_ms = fallback_ms
    if time_ms is None:
        return None
    agency = (enriched.get("source") or {}).get("agency")
    signers = AGENCIES | ({agency.casefold()} if agency else set())
    ranked = sorted(enriched.get("entities", []), key=lambda e: (-len(e.get("mentions", [])), e["id"]))
    kept = [e for e in ranked if e["name"].casefold() not in signers and _tells_the_story(e)][:MAX_ENTITIES]
    return StoryRecord(
        id=enriched["id"],
        version=enriched.get("version"),
        time_ms=time_ms,
        language=enriched.get("language") or "und",
        agency=agency,
        headline=enriched.get("headline"),
        entities={e["id"]: e["type"] for e in kept},
        names={e["id"]: e["name"] for e in kept},
        stems=lead_stems(enriched.get("headline"), enriched.get("body") or "", names=_mention_words(kept)),
    )


# Sections that do not tell what a story is about: the dateline place says where the reporter is, the credits who
# wrote or reported it.
_NOT_THE_STORY = CREDIT_SECTIONS | {"header"}


def _tells_the_story(entity: dict[str, Any]) -> bool:
    """Whether an entity is named where the story is told: outside the header and the credits (`_NOT_THE_STORY`)."""
    return any(m.get("section") not in _NOT_THE_STORY for m in entity.get("mentions", []))


def _mention_words(entities: list[dict[str, Any]]) -> set[str]:
    """The words of the entities' mentions: text similarity leaves them out (the entities are compared already)."""
    return {word for e in entities for m in e.get("mentions", []) for word in m["text"].split()}
