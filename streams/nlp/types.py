"""Plain data types shared by the stages of the NLP core."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

EntityType = Literal["PER", "ORG", "LOC", "MISC"]
QuoteKind = Literal["direct", "mixed", "indirect"]
Section = Literal["headline", "header", "body", "footer"]
# The order an entity's mentions are listed in.
SECTION_ORDER: dict[Section, int] = {"headline": 0, "header": 1, "body": 2, "footer": 3}


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
