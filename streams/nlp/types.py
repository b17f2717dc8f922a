"""Plain data types shared by the stages of the NLP core."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

EntityType = Literal["PER", "ORG", "LOC", "MISC"]
QuoteKind = Literal["direct", "mixed", "indirect"]
Section = Literal["headline", "header", "body", "footer"]


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
    """Something a speaker said; `text == body[start:end]` (marks excluded)."""

    text: str
    start: int
    end: int
    kind: QuoteKind
    cue: str | None = None
    speaker_text: str | None = None
    speaker_entity: Entity | None = None


@dataclass(frozen=True, slots=True)
class Header:
    """What the wire header and sign-off say, and where the story body lies.

    `body_start`/`body_end` index into the text the header was parsed from.
    """

    body_start: int
    body_end: int
    headline: str | None = None
    byline: str | None = None
    agency: str | None = None
    dateline_place: str | None = None
    dateline_date: str | None = None  # ISO 8601, as precise as the dateline says
    dateline_text: str | None = None  # the dateline as written, e.g. "BRUXELLES, 12 mars"
    markers: tuple[str, ...] = ()  # "URGENT", "FLASH", "UPDATE 2", "CORRECTED" ...
    header_text: str = ""  # the header as written (dateline, credit, dash)
    footer_text: str = ""  # trailing sign-off, e.g. "(Belga)"
