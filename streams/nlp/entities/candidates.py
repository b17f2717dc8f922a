"""Mention candidates: the model's entities, capitalised runs for a language without a model, and the header's
agency credit, dateline places and reporters."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from streams.nlp.discourse.gender import first_name_gender
from streams.nlp.entities import kb, linking
from streams.nlp.entities.words import NAME_WORD, NAME_WORD_RE2, after_title, at_sentence_start
from streams.nlp.types import EntityType, Section
from streams.textrules import rule
from streams.wire.header import Header
from streams.wire.lexicon import AGENCIES, MONTHS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


# spaCy labels (French/Dutch WikiNER and CoNLL style, English OntoNotes style) -> ours.
LABELS: dict[str, EntityType] = {
    "PER": "PER",
    "PERSON": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "GPE": "LOC",
    "FAC": "LOC",
    "MISC": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
}
# Capitalised runs for languages without a model: "Jan De Smet", "Banque Nationale". Group 1, found by
# `.around()`: the character before it is context (not a word character or apostrophe).
CAPITALISED_RUN = rule(
    "nlp.entities.capitalised_run",
    rf"(?:^|[^\w'’])({NAME_WORD_RE2}(?:\s(?:(?:de|van|der|den|von|du|la|le|di|da)\s)?{NAME_WORD_RE2}){{0,5}})",
)
# Reuters-style credits in the sign-off: "(Reporting by Anna Peeters; Editing by Tom Baker)".
_CREDIT_NAMES = rule(
    "nlp.entities.credit_names",
    r"(?:Reporting|Writing|Editing|Additional reporting|Compiled|Reporting and writing)\s+by\s+([^;()]{3,120})",
)
_BOUNDED_CREDIT = "applied to one credit of at most 120 characters"
MAX_BYLINE = 200  # characters of a byline read for names (a text byline has at most 80)
_NAME_ONLY = rule(
    "nlp.entities.name_only",
    rf"{NAME_WORD}(?:\s+(?:(?:de|van|der|den|von|du|le|la)\s+)?{NAME_WORD}){{1,3}}",
    engine="re",
    fallback=_BOUNDED_CREDIT,
)
_CREDIT_SPLIT = rule(
    "nlp.entities.credit_split", r"\s*(?:,|\band\b|\bet\b|\ben\b)\s*", engine="re", fallback=_BOUNDED_CREDIT
)
# Between the authors of a byline: "Odile BRASSEUR, avec Arnout DEWULF", "Jan Peeters en Els Claes".
_BYLINE_SPLIT = rule(
    "nlp.entities.byline_split",
    r"\s*(?:[,;]|\b(?:and|et|en|und|avec|with|met)\b)\s*",
    engine="re",
    fallback=f"applied to one byline of at most {MAX_BYLINE} characters",
)
_AGENCY_IN_BRACKETS = rule("nlp.entities.agency_in_brackets", r"\(([^()/]{2,20})(?:/[^()]*)?\)")


@dataclass(slots=True)
class Candidate:
    """A mention before grouping."""

    text: str
    start: int
    end: int
    type: EntityType
    section: Section = "body"
    source: str = "model"  # "model", "rule", "kb" (the knowledge base's ruler) or "body" (a named body)
    kb_id: str | None = None  # the knowledge base's id, when its ruler found the mention
    name: str | None = None  # how to name the entity, when the text writes it otherwise ("DEN HAAG": "Den Haag")


def model_candidates(doc: Doc, text: str | None = None) -> list[Candidate]:
    """The doc's entities, with our labels: the model's, the named bodies' (`wire_bodies`) and the knowledge
    base's where it settles a conflict or the model saw nothing (`kb.settle`).

    `text`, the doc's text when the caller holds it, gives each entity's text as a slice (a span joins its
    tokens again)."""
    ents, ids = kb.settle(doc)
    out = []
    for ent in ents:
        label = ent.label_
        if label not in LABELS:
            continue
        start, end = ent.start_char, ent.end_char
        kb_id = ids.get((start, end))
        source = "body" if getattr(ent, "id_", "") == kb.BODY_MARKER else "kb" if kb_id else "model"
        form = ent.text if text is None else text[start:end]
        if source == "model" and _common_noun_opening(ent, form, doc.text if text is None else text):
            continue
        out.append(Candidate(form, start, end, LABELS[label], source=source, kb_id=kb_id))
    return out


def _common_noun_opening(ent: Span, form: str, text: str) -> bool:
    """Whether the model took a capitalised common noun opening a sentence or headline for a name: "Grève à la
    SNCB : « ... »", "Genoeg is genoeg". One word in title case that no table knows, which the tagger calls a
    noun (French, English) or, where no tagger runs (Dutch), which the text also writes in lower case."""
    if len(ent) != 1 or not form[:1].isupper() or not form[1:].islower() or not _opens(text, ent.start_char):
        return False
    if linking.lookup(form) is not None or first_name_gender(form) is not None:
        return False
    pos = ent[0].pos_
    if pos:
        return pos == "NOUN"
    return _written_in_lower_case(text, form.casefold())


def _written_in_lower_case(text: str, word: str) -> bool:
    """Whether `word` (in lower case) stands in `text` as a whole word."""
    at = text.find(word)
    while at != -1:
        if not text[at - 1 : at].isalnum() and not text[at + len(word) : at + len(word) + 1].isalnum():
            return True
        at = text.find(word, at + 1)
    return False


def _opens(text: str, pos: int) -> bool:
    """A sentence's start, or the first word in single quote marks (Dutch quotes: "zei hij: 'Genoeg ...'")."""
    if at_sentence_start(text, pos):
        return True
    return text[pos - 1 : pos] in ("'", "‘") and text[max(0, pos - 2) : pos - 1] in ("", " ", "\n")


def rule_candidates(body: str) -> list[Candidate]:
    """Capitalised word runs typed by the gazetteers, acronyms (ORG) and names after a title (PER).

    A lone capitalised word no table knows is kept (MISC) only when it ends a longer name of the
    text ("Peeters" after "Jan Peeters"): alone it is as often a noun (German) or a sentence's start.
    """
    found = []
    for match in CAPITALISED_RUN.around(body):
        text = match.group(1).rstrip(".")
        sentence_start = at_sentence_start(body, match.start(1))
        known = linking.lookup(text)
        if sentence_start and " " not in text and known is None:
            continue
        kind: EntityType = "MISC"
        if known is not None:
            kind = known.type
        elif text.isupper() and len(text) > 1:
            kind = "ORG"
        elif " " in text and after_title(body, match.start(1)):
            kind = "PER"
        found.append(Candidate(text, match.start(1), match.start(1) + len(text), kind, source="rule"))
    surnames = {c.text.split()[-1] for c in found if " " in c.text}
    return [c for c in found if " " in c.text or c.type != "MISC" or c.text in surnames]


def header_candidates(header: Header) -> list[Candidate]:
    """The agency credit (ORG) and the dateline place(s) (LOC) as written in the header, the authors of the
    byline and the footer's credits (PER)."""
    found = byline_candidates(header.byline or "")
    written = header.header_text.casefold()
    for place in (header.dateline_place or "").split("/"):
        at = written.find(place.strip().casefold()) if place.strip() else -1
        if at >= 0:
            end = at + len(place.strip())
            found.append(Candidate(header.header_text[at:end], at, end, "LOC", "header", "rule", name=place.strip()))
    places = [p.strip() for p in (header.dateline_place or "").split("/") if p.strip()]
    for part in (header.dateline_text or "").split(",")[1:]:
        part = part.strip()
        at = header.header_text.find(part) if part and not any(c.isdigit() for c in part) else -1
        if at >= 0 and part.casefold() not in MONTHS and not any(part.casefold() == p.casefold() for p in places):
            found.append(Candidate(part, at, at + len(part), "LOC", "header", "rule"))  # "LEUVEN, Belgium"
    for match in _CREDIT_NAMES.finditer(header.footer_text):
        for name in _CREDIT_SPLIT.split(match.group(1)):
            at = header.footer_text.find(name, match.start(1)) if name.strip() else -1
            if at >= 0 and _NAME_ONLY.fullmatch(name):
                found.append(Candidate(name, at, at + len(name), "PER", "footer", "rule"))
    for text, section in ((header.header_text, "header"), (header.footer_text, "footer")):
        for match in _AGENCY_IN_BRACKETS.finditer(text):
            name = match.group(1).strip()
            if name.casefold() in AGENCIES:
                found.append(Candidate(name, match.start(1), match.start(1) + len(name), "ORG", section, "rule"))
    return found


def byline_candidates(byline: str) -> list[Candidate]:
    """The people a byline names, each of two words or more ("Claire DUBOIS, avec Arnout DEWULF à Lisbonne":
    two; the place they write from is not an author)."""
    found = []
    at = 0
    for part in _BYLINE_SPLIT.split(byline[:MAX_BYLINE]):
        start = byline.find(part, at) if part else -1
        if start < 0:
            continue
        at = start + len(part)
        name = _NAME_ONLY.match(part)
        if name is not None and (name.end() == len(part) or part[name.end() + 1 : name.end() + 2].islower()):
            found.append(Candidate(name.group(), start, start + name.end(), "PER", "byline", "rule"))
    return found
