"""Named entities of a dispatch: model mentions, wire-aware corrections, grouping.

1. `candidates`: mentions from the spaCy model (or from capitalisation rules
   when the language has no model), plus the agency credit and dateline place
   from the wire header.
2. `correct`: wire-aware fixes: agency credits are ORG, weekdays and months are
   not entities, titles are not part of names, a person glued to an
   organisation is split off.
3. `group`: one Entity per real-world entity: same name, a surname after the
   full name ("Trump" -> "Donald Trump"), an acronym in brackets after its
   expansion. Two people who share only a surname are never merged.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from streams.nlp.lexicon import AGENCIES, MONTHS, NAME_PARTICLES, TITLES, WEEKDAYS
from streams.nlp.types import Entity, EntityType, Header, Mention, Section

if TYPE_CHECKING:
    from spacy.tokens import Doc

# spaCy labels (French/Dutch WikiNER style and English OntoNotes style) -> ours.
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

_WORD = re.compile(r"\S+")
_EDGE_PUNCT = "\"'«»“”„‘’()[]{},;:.!?–—-·"
# Capitalised runs for languages without a model: "Jan De Smet", "Banque Nationale".
_CAPITALISED_RUN = re.compile(
    r"(?<![\w'’])[A-ZÀ-ÖØ-Þ](?:[\w'’&-]|\.(?=\w))*"
    r"(?:\s(?:(?:de|van|der|den|von|du|la|le|di|da)\s)?[A-ZÀ-ÖØ-Þ](?:[\w'’&-]|\.(?=\w))*){0,5}"
)


@dataclass(slots=True)
class Candidate:
    """A mention before grouping."""

    text: str
    start: int
    end: int
    type: EntityType
    section: Section = "body"
    source: str = "model"


def find_entities(body: str, header: Header, doc: Doc | None) -> list[Entity]:
    """All entities of a dispatch, grouped, in order of first mention.

    `doc` is the model's parse of `body`; None means the language has no model.
    """
    found = model_candidates(doc) if doc is not None else rule_candidates(body)
    corrected = [c for c in (correct(c) for c in found) if c is not None]
    return group(header_candidates(header) + corrected)


def model_candidates(doc: Doc) -> list[Candidate]:
    """Mentions the spaCy model tagged, with our labels."""
    return [
        Candidate(ent.text, ent.start_char, ent.end_char, LABELS[ent.label_])
        for ent in doc.ents
        if ent.label_ in LABELS
    ]


def rule_candidates(body: str) -> list[Candidate]:
    """Capitalised word runs not at a sentence start, typed MISC (ORG for acronyms)."""
    found = []
    for match in _CAPITALISED_RUN.finditer(body):
        before = body[max(0, match.start() - 3) : match.start()].rstrip()
        sentence_start = not before or before[-1] in '.!?\n«"“:'
        text = match.group().rstrip(".")
        if sentence_start and " " not in text:
            continue
        kind: EntityType = "ORG" if text.isupper() and len(text) > 1 else "MISC"
        found.append(Candidate(text, match.start(), match.start() + len(text), kind, source="rule"))
    return found


def header_candidates(header: Header) -> list[Candidate]:
    """The agency credit (ORG) and the dateline place(s) (LOC) as written in the header."""
    found = []
    written = header.header_text.casefold()
    for place in (header.dateline_place or "").split("/"):
        at = written.find(place.strip().casefold()) if place.strip() else -1
        if at >= 0:
            end = at + len(place.strip())
            found.append(Candidate(header.header_text[at:end], at, end, "LOC", "header", "rule"))
    for text, section in ((header.header_text, "header"), (header.footer_text, "footer")):
        for match in re.finditer(r"\(([^()/]{2,20})(?:/[^()]*)?\)", text):
            name = match.group(1).strip()
            if name.casefold() in AGENCIES:
                found.append(Candidate(name, match.start(1), match.start(1) + len(name), "ORG", section, "rule"))
    return found


def correct(cand: Candidate) -> Candidate | None:
    """Apply the wire-aware corrections to one candidate; None drops it."""
    cand = _trim(cand)
    if cand is None:
        return None
    key = cand.text.casefold()
    if key in AGENCIES:
        return Candidate(cand.text, cand.start, cand.end, "ORG", cand.section, cand.source)
    if key in WEEKDAYS or key in MONTHS:
        return None
    cand = _strip_titles(cand)
    if cand is None or not any(c.isupper() for c in cand.text):
        return None
    return _split_glued_person(cand)


def _trim(cand: Candidate) -> Candidate | None:
    """Strip edge punctuation, a possessive 's and trailing dateline digits."""
    text, start = cand.text, cand.start
    stripped = re.sub(r"(?:['’]s|\s+\d[\d/.]*)$", "", text.strip(_EDGE_PUNCT + " \n\t"))
    if len(stripped) < 2 or stripped.isdigit():
        return None
    start += text.find(stripped)
    return Candidate(stripped, start, start + len(stripped), cand.type, cand.section, cand.source)


_LEADING_ARTICLE = re.compile(r"^(?:(?:le|la|les|the|het|de)\s+|[lL]['’])(?=[A-ZÀ-Þ])")


def _strip_titles(cand: Candidate) -> Candidate | None:
    """Drop leading titles and lower-case words: "le ministre Jan Jambon" -> "Jan Jambon"."""
    article = _LEADING_ARTICLE.match(cand.text)
    if article:
        cut = article.end()
        cand = Candidate(cand.text[cut:], cand.start + cut, cand.end, cand.type, cand.section, cand.source)
    words = list(_WORD.finditer(cand.text))
    i = 0
    while i < len(words):
        word = words[i].group()
        lowered = word.casefold().rstrip(".")
        if lowered in TITLES or lowered + "." in TITLES or (word[0].islower() and lowered not in NAME_PARTICLES):
            i += 1
            continue
        if word[0].islower() and i + 1 < len(words) and words[i + 1].group()[0].islower():
            i += 1  # "le ministre ...", "de la ..."
            continue
        if word[0].islower() and i + 1 < len(words) and words[i + 1].group()[0].isupper() and i > 0:
            i += 1  # a particle right after a title: "ministre de Affaires"
            continue
        break
    if i == 0:
        return cand
    if i >= len(words):
        return None
    offset = words[i].start()
    text = cand.text[offset:]
    if cand.type in ("ORG", "MISC") and i > 0 and not _looks_like_name(text):
        return None  # "ministre des Affaires étrangères": a function, not an organisation
    return Candidate(text, cand.start + offset, cand.end, cand.type, cand.section, cand.source)


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return len(words) >= 2 and all(w[0].isupper() or w.casefold() in NAME_PARTICLES for w in words)


def _split_glued_person(cand: Candidate) -> Candidate:
    """'Conseil de sécurité Nikolaï Patrouchev' (ORG) -> 'Nikolaï Patrouchev' (PER).

    Only the person is kept here; the organisation is usually tagged elsewhere.
    """
    if cand.type not in ("ORG", "MISC"):
        return cand
    words = list(_WORD.finditer(cand.text))
    for i in range(len(words) - 2, 0, -1):
        word = words[i - 1].group()
        if word[0].islower() and word.casefold() not in NAME_PARTICLES:
            tail = words[i:]
            if len(tail) >= 2 and all(w.group()[0].isupper() for w in tail):
                offset = tail[0].start()
                return Candidate(cand.text[offset:], cand.start + offset, cand.end, "PER", cand.section, cand.source)
            break
    return cand


def normalise(text: str) -> str:
    """Comparison key: no accents, case-folded, hyphens and spaces folded."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return re.sub(r"[\s\-‐]+", " ", text.replace("’", "'")).strip()


def slug(text: str) -> str:
    """The normalised name as an id fragment: 'Sergueï Lavrov' -> 'sergue-lavrov'."""
    return re.sub(r"[^0-9a-z]+", "-", normalise(text)).strip("-") or "x"


def group(cands: list[Candidate]) -> list[Entity]:
    """One Entity per real-world entity, in order of first mention."""
    groups: dict[str, list[Candidate]] = {}
    for cand in cands:
        groups.setdefault(normalise(cand.text), []).append(cand)
    _join_surnames(groups)
    _join_short_forms(groups)
    _join_acronyms(groups, cands)
    entities = [_to_entity(members) for members in groups.values()]
    seen: Counter[str] = Counter()
    for entity in entities:
        seen[entity.id] += 1
        if seen[entity.id] > 1:
            entity.id = f"{entity.id}-{seen[entity.id]}"
    return entities


def _group_type(members: list[Candidate]) -> EntityType:
    votes = Counter(m.type for m in members if m.source == "model")
    if any(m.section != "body" for m in members):
        return next(m.type for m in members if m.section != "body")
    if not votes:
        return members[0].type
    if len(votes) > 1:
        votes.pop("MISC", None)
    return votes.most_common(1)[0][0]


def _join_surnames(groups: dict[str, list[Candidate]]) -> None:
    """Move 'Trump' into 'Donald Trump' when exactly one full name ends with it."""
    full_names = [key for key, members in groups.items() if _group_type(members) == "PER" and " " in key]
    for key in list(groups):
        if key in full_names:
            continue
        owners = [full for full in full_names if full.endswith(" " + key)]
        if len(owners) == 1 and (
            _group_type(groups[key]) == "PER" or not any(m.section != "body" for m in groups[key])
        ):
            groups[owners[0]].extend(groups.pop(key))


def _join_short_forms(groups: dict[str, list[Candidate]]) -> None:
    """Move 'Commission' into 'Commission européenne' when exactly one organisation starts with it."""
    long_names = [key for key, members in groups.items() if _group_type(members) == "ORG" and " " in key]
    for key in list(groups):
        if " " in key or _group_type(groups[key]) not in ("ORG", "MISC"):
            continue
        owners = [full for full in long_names if full.startswith(key + " ")]
        if len(owners) == 1:
            groups[owners[0]].extend(groups.pop(key))


def _join_acronyms(groups: dict[str, list[Candidate]], cands: list[Candidate]) -> None:
    """'Banque centrale européenne (BCE)': the bracketed acronym joins its expansion."""
    ordered = sorted((c for c in cands if c.section == "body"), key=lambda c: c.start)
    for long, short in pairwise(ordered):
        gap_ok = 0 < short.start - long.end <= 2
        if not (gap_ok and short.text.isupper() and len(short.text) <= 8 and " " in long.text):
            continue
        long_key, short_key = normalise(long.text), normalise(short.text)
        if long_key in groups and short_key in groups and long_key != short_key:
            groups[long_key].extend(groups.pop(short_key))


def _to_entity(members: list[Candidate]) -> Entity:
    kind = _group_type(members)
    body_forms = [m.text for m in members if m.section == "body"]
    forms = body_forms or [m.text for m in members]
    mixed_case = [f for f in forms if not f.isupper()] or forms
    name = max(mixed_case, key=len)
    if name.isupper() and len(name) > 4 and kind == "LOC":
        name = name.title()
    mentions = sorted(
        {Mention(m.text, m.start, m.end, m.section) for m in members},
        key=lambda m: (_SECTION_ORDER[m.section], m.start),
    )
    source = "model" if any(m.source == "model" for m in members) else "rule"
    return Entity(id=f"{kind.lower()}:{slug(name)}", name=name, type=kind, mentions=mentions, source=source)


_SECTION_ORDER = {"headline": 0, "header": 1, "body": 2, "footer": 3}
