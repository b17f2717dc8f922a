"""Plain data types shared by the stages of the NLP core."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

EntityType = Literal["PER", "ORG", "LOC", "MISC"]
QuoteKind = Literal["direct", "mixed", "indirect"]
Section = Literal["headline", "byline", "header", "body", "footer"]
# The order an entity's mentions are listed in.
SECTION_ORDER: dict[Section, int] = {"headline": 0, "byline": 1, "header": 2, "body": 3, "footer": 4}
# Where a dispatch credits who wrote or reported it (its byline, the reporters of its footer), not what it is about.
CREDIT_SECTIONS: frozenset[Section] = frozenset(("byline", "footer"))


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an entity: `text == <section text>[start:end]`."""

    text: str
    start: int
    end: int
    section: Section = "body"


@dataclass(slots=True)
class Entity:
    """One real-world entity of a dispatch, with every mention of it."""

    id: str
    name: str
    type: EntityType
    mentions: list[Mention] = field(default_factory=list)
    role: str | None = None
    source: Literal["model", "rule"] = "model"


@dataclass(slots=True)
class Quote:
    """Something a speaker said; `text == <section text>[start:end]` (marks excluded): the body, or the headline."""

    text: str
    start: int
    end: int
    kind: QuoteKind
    cue: str | None = None
    speaker_text: str | None = None
    speaker_entity: Entity | None = None
    section: Section = "body"
