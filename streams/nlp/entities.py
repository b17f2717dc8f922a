"""Named entities of a dispatch: model mentions, wire-aware corrections, grouping, linking, roles.

1. `candidates`: mentions from the spaCy model (or, when the language has no model, from
   capitalisation rules typed by the gazetteers), names after titles and verbs of saying that
   the model missed, plus the agency credit and dateline place from the wire header.
2. `correct`: wire-aware fixes: agency credits are ORG; weekdays, months, demonyms and
   portfolios ("ministre des Finances") are not entities; titles are not part of names; a
   title glued to a name is split ("secrétaire du Conseil de sécurité Nikolaï Patrouchev" ->
   ORG "Conseil de sécurité" + PER "Nikolaï Patrouchev").
3. `group`: one Entity per real-world entity: same name, a surname (or a lone first name) after
   the full name ("Trump" -> "Donald Trump"), a short form of an organisation ("la Commission"),
   an acronym of its expansion ("BCE", "ONSS"). Two people who share only a surname are never
   merged.
4. `link` (streams.nlp.linking): a stable id across dispatches and languages (ISO 3166,
   GeoNames, curated aliases, else the name's slug); entities with the same id are one.
5. `role`: the title or function the dispatch gives a person ("ministre des Affaires étrangères").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import TYPE_CHECKING

from streams.nlp import linking
from streams.nlp.lexicon import (
    DEMONYM_ENDINGS,
    FUNCTION_WORDS,
    MINISTER_TITLES,
    NAME_PARTICLES,
    NOT_ENTITIES,
    ORG_WORDS,
    PORTFOLIOS,
    ROLE_BREAKERS,
    ROLE_LINKS,
    SPEECH_CUES,
    TITLES,
)
from streams.nlp.linking import slug
from streams.nlp.types import Entity, EntityType, Mention, Section
from streams.wire.header import Header
from streams.wire.lexicon import AGENCIES, MONTHS, WEEKDAYS

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "Candidate",
    "correct",
    "find_entities",
    "group",
    "header_candidates",
    "model_candidates",
    "normalise",
    "rule_candidates",
    "slug",
]

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

_WORD = re.compile(r"\S+")
_EDGE_PUNCT = "\"'«»“”„‘’()[]{},;:.!?–—-·"
_UPPER = "A-ZÀ-ÖØ-Þ"
_NAME_WORD = rf"[{_UPPER}](?:[\w'’&-]|\.(?=\w))*"
# Capitalised runs for languages without a model: "Jan De Smet", "Banque Nationale".
_CAPITALISED_RUN = re.compile(
    rf"(?<![\w'’]){_NAME_WORD}(?:\s(?:(?:de|van|der|den|von|du|la|le|di|da)\s)?{_NAME_WORD}){{0,5}}"
)
# Two or three capitalised words (particles allowed inside): a person's name after a cue.
_PERSON_AFTER = re.compile(
    rf"\s+((?:{_NAME_WORD})(?:\s+(?:(?:de|van|der|den|von|du|le|la|ter|ten|De|Van|Le|La|Von|Du|Der|Den)\s+)?"
    rf"{_NAME_WORD}){{1,2}})"
)
_WORD_RE = re.compile(r"[\w'’-]+|[^\w\s]")
_ACRONYM_TOKEN = r"[A-Z](?:[A-Z]|[&-](?=[A-Z]))+"
# A title, a party acronym and a name: "le député N-VA Sander Loones", "het CD&V-Kamerlid" is not one.
_TITLE_PARTY_NAME = re.compile(
    rf"(?<![\w'’])([\w'’-]+)\s+({_ACRONYM_TOKEN})\s+((?:{_NAME_WORD})(?:\s+{_NAME_WORD}){{1,2}})(?![\w'’-])"
)
# "Vooruit-voorzitter Conner Rousseau": an organisation glued to a title, then a name.
_PARTY_TITLE_NAME = re.compile(
    rf"(?<![\w'’-])((?:{_NAME_WORD}\s+)?(?:{_NAME_WORD}|{_ACRONYM_TOKEN}))-([a-zà-ÿA-Z][a-zà-ÿ]+)"
    rf"\s+((?:{_NAME_WORD})(?:\s+(?:(?:de|van|der|den|De|Van|Der|Den)\s+)?{_NAME_WORD}){{1,2}})(?![\w'’-])"
)
_BRACKETED = re.compile(rf"\s*\(((?:{_NAME_WORD})(?:\s+{_NAME_WORD}){{0,2}})\)")
# An acronym on its own, or heading a compound ("N-VA-fractieleider", "CD&V-Kamerlid").
_ACRONYM_WORD = re.compile(
    rf"(?<![\w'’&.-])(?:{_ACRONYM_TOKEN})(?![\w'’&]|-[\w])"
    rf"|(?<![\w'’&.-])(?:{_ACRONYM_TOKEN})(?=-[A-ZÀ-Þ]?[a-zà-ÿ]+\b)"
)
# Capitals that are not organisations.
_NOT_ACRONYMS = frozenset(
    "ceo cfo coo cto eur usd gbp jpy chf pib bnp gdp vat tva btw pdf tv ok ii iii iv vi vii viii ix xi xii xiii "
    "xiv xv xx ai ia it id sms gps dna adn km kg am pm ko nb ip ppm ebitda ebit ipo eps roi hr faq".split()
)
# Reuters-style credits in the sign-off: "(Reporting by Anna Peeters; Editing by Tom Baker)".
_CREDIT_NAMES = re.compile(
    r"(?:Reporting|Writing|Editing|Additional reporting|Compiled|Reporting and writing)\s+by\s+([^;()]{3,120})"
)
_NAME_ONLY = re.compile(rf"{_NAME_WORD}(?:\s+(?:(?:de|van|der|den|von|du|le|la)\s+)?{_NAME_WORD}){{1,3}}")
_SENTENCE_END = '.!?\n«»"“”:;'
_TAIL_TO_ACRONYM = re.compile(r"((?:\s+[\w'’-]+){1,5}?)\s*\(([\w&-]{2,8})\)")
_COMPOUND = re.compile(r"((?=[^\s]*[A-ZÀ-Þ])[^\W_][\w&.-]*?)-[a-zà-ÿ]+")
_ADJECTIVE = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ]+(?:se|sche|ese|aanse|ische)")
_CAMEL = re.compile(r"(?!Mc|Mac|O['’]|De|Le|La|Di|Da|Van|Von)[A-Z][a-z]+[A-Z][A-Za-z]*")
_OF = re.compile(r"\s+(?:de|du|des|van|of)\s+|\s+d['’]")
# Function words a model may take at the end of a name ("Grand Prix in").
_TRAILING = re.compile(
    r"(?:\s+(?:in|on|at|to|of|for|the|and|de|du|des|d'|la|le|les|à|au|aux|en|et|sur|van|voor|op|aan|bij|het|met))+$"
)
_POSSESSIVE = re.compile(r"['’]s?$")
_DIGITS = re.compile(r"\s+\d[\d/.]*$")
_LOWER_ARTICLE = re.compile(r"^(?:(?:le|la|les|the|het|de|een|un|une|a|an)\s+|[lL]['’])(?=[A-ZÀ-Þ])")
_UPPER_ARTICLE = re.compile(
    r"^(?:Le|La|Les|The|Het|De|Een|Un|Une|Der|Die|Das|Den|Dem|Des|Ein|Eine|El|Los|Las|Il|Lo|Gli)\s+(?=[A-ZÀ-Þ])"
)
_ACRONYM_SKIP = frozenset("de du des d l la le les et en van voor der den het of the and for & a à au aux".split())


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
    """All entities of a dispatch, grouped and linked, in order of first mention.

    `doc` is the model's parse of `body`; None means the language has no model.
    """
    found = model_candidates(doc) if doc is not None else rule_candidates(body)
    found += cue_candidates(body, found)
    corrected = [fixed for cand in found for fixed in correct(cand, body)]
    return group(header_candidates(header) + _join_of_place(_extend_to_acronym(corrected, body), body), body)


def _extend_to_acronym(cands: list[Candidate], body: str) -> list[Candidate]:
    """'Fédération wallonne' + ' de l'agriculture (FWA)': the bracketed acronym shows where the name ends."""
    out = []
    for cand in cands:
        if cand.type in ("ORG", "MISC"):
            match = _TAIL_TO_ACRONYM.match(body, cand.end)
            if match is not None:
                text = body[cand.start : match.end(1)]
                if _initials(text) == normalise(match.group(2)):
                    cand = replace(cand, text=text, end=match.end(1), type="ORG")
        out.append(cand)
    return out


def _join_of_place(cands: list[Candidate], body: str) -> list[Candidate]:
    """'Parlement' + ' de ' + 'Wallonie' -> one organisation 'Parlement de Wallonie'."""
    ordered = sorted(cands, key=lambda c: c.start)
    out: list[Candidate] = []
    for cand in ordered:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.type == "ORG"
            and " " not in prev.text
            and not _is_acronym(prev.text)
            and cand.type == "LOC"
            and _OF.fullmatch(body[prev.end : cand.start])
        ):
            out[-1] = replace(prev, text=body[prev.start : cand.end], end=cand.end)
            continue
        if prev is not None and re.fullmatch(r"\s*&\s*", body[prev.end : cand.start] or "x"):
            kind = "ORG" if "ORG" in (prev.type, cand.type) or _has_org_word(cand.text) else cand.type
            out[-1] = replace(prev, text=body[prev.start : cand.end], end=cand.end, type=kind)
            continue  # "Bill & Melinda Gates Foundation" tagged in two pieces
        out.append(cand)
    return out


def model_candidates(doc: Doc) -> list[Candidate]:
    """Mentions the spaCy model tagged, with our labels."""
    return [
        Candidate(ent.text, ent.start_char, ent.end_char, LABELS[ent.label_])
        for ent in doc.ents
        if ent.label_ in LABELS
    ]


def rule_candidates(body: str) -> list[Candidate]:
    """Capitalised word runs typed by the gazetteers, acronyms (ORG) and names after a title (PER).

    A lone capitalised word no table knows is kept (MISC) only when it ends a longer name of the
    text ("Peeters" after "Jan Peeters"): alone it is as often a noun (German) or a sentence's start.
    """
    found = []
    for match in _CAPITALISED_RUN.finditer(body):
        text = match.group().rstrip(".")
        sentence_start = _at_sentence_start(body, match.start())
        known = linking.lookup(text)
        if sentence_start and " " not in text and known is None:
            continue
        kind: EntityType = "MISC"
        if known is not None:
            kind = known.type
        elif text.isupper() and len(text) > 1:
            kind = "ORG"
        elif " " in text and _after_title(body, match.start()):
            kind = "PER"
        found.append(Candidate(text, match.start(), match.start() + len(text), kind, source="rule"))
    surnames = {c.text.split()[-1] for c in found if " " in c.text}
    return [c for c in found if " " in c.text or c.type != "MISC" or c.text in surnames]


def cue_candidates(body: str, found: list[Candidate]) -> list[Candidate]:
    """What the model missed, from wire conventions; drops the model's spans a stronger cue contradicts.

    - a person's name (two to four capitalised words) right after a title or a verb of saying;
    - "le député N-VA Sander Loones": a title, a party acronym, a name -> ORG + PER;
    - "Adrien Dolimont (MR)": the party in brackets after a person -> ORG;
    - acronyms ("CD&V", "PVDA") -> ORG, or what the gazetteers say ("RDC" -> LOC);
    - countries and curated names (aliases) that the gazetteers know.
    Returns the new candidates; model candidates overlapping a title-acronym-name cue are removed from `found`.
    """
    extra: list[Candidate] = []
    covered = bytearray(len(body) + 1)  # characters inside a candidate: overlap tests stay linear

    def cover(cands: list[Candidate]) -> None:
        covered[:] = bytes(len(body) + 1)
        for c in cands:
            covered[c.start : c.end] = b"\x01" * (c.end - c.start)

    def free(start: int, end: int) -> bool:
        return not any(covered[start:end])

    def add(text: str, start: int, kind: EntityType) -> None:
        extra.append(Candidate(text, start, start + len(text), kind, source="rule"))
        covered[start : start + len(text)] = b"\x01" * len(text)

    def drop(start: int, end: int) -> None:
        found[:] = [c for c in found if not (c.start < end and start < c.end)]
        cover(found + extra)

    cover(found)

    for match in _TITLE_PARTY_NAME.finditer(body):
        if not _is_title(match.group(1)) or match.group(2).casefold() in AGENCIES:
            continue
        drop(match.start(2), match.end(3))
        known = linking.lookup(match.group(2))
        add(match.group(2), match.start(2), known.type if known is not None else "ORG")
        add(match.group(3), match.start(3), "PER")
    for match in _PARTY_TITLE_NAME.finditer(body):
        if not _is_title(match.group(2)) or match.group(1).casefold() in AGENCIES:
            continue  # "Vlaams Belang-Kamerlid Barbara Pas", "KRC Genk-middenvelder Jan Peeters"
        org, org_start = match.group(1), match.start(1)
        first = org.split()[0]
        if " " in org and first.casefold() in FUNCTION_WORDS:
            org_start += org.index(org.split()[1])  # "Ook PVDA-fractieleider ...": not "Ook PVDA"
            org = body[org_start : match.end(1)]
        drop(org_start, match.end(3))
        known = linking.lookup(org)
        add(org, org_start, known.type if known is not None else "ORG")
        add(match.group(3), match.start(3), "PER")
    for word in _WORD_RE.finditer(body):
        low = word.group().casefold()
        if low not in TITLES and low not in SPEECH_CUES:
            continue
        match = _PERSON_AFTER.match(body, word.end())
        if match is None or not free(*match.span(1)):
            continue
        words = match.group(1).split()
        folded = [w.casefold() for w in words]
        if any(f in TITLES or f in WEEKDAYS or f in MONTHS or f in AGENCIES or f in ORG_WORDS for f in folded):
            continue
        if linking.lookup(match.group(1)) is not None or any(w.isupper() and len(w) > 1 for w in words):
            continue
        add(match.group(1), match.start(1), "PER")
    for cand in [c for c in found + extra if c.type == "PER"]:
        match = _BRACKETED.match(body, cand.end)
        if match is None or match.group(1).casefold() in AGENCIES:
            continue
        if free(*match.span(1)):
            add(match.group(1), match.start(1), "ORG")  # "Adrien Dolimont (MR)": his party
        else:
            found[:] = [
                replace(c, type="ORG") if (c.start, c.end) == match.span(1) and c.type == "MISC" else c for c in found
            ]
    for match in _ACRONYM_WORD.finditer(body):
        text = match.group()
        if not free(match.start(), match.end()) or text.casefold() in NOT_ENTITIES or text.casefold() in AGENCIES:
            continue
        if text.casefold() in _NOT_ACRONYMS or _in_caps_line(body, match.start()):
            continue
        known = linking.lookup(text)
        add(text, match.start(), known.type if known is not None else "ORG")
    for match in _CAPITALISED_RUN.finditer(body):
        known = linking.lookup(match.group(), None)
        if known is None or known.source not in ("alias", "country") or len(match.group()) < 2:
            continue
        start, end = match.span()
        if " " in match.group() and not free(start, end):
            inside = [c for c in found if start <= c.start and c.end <= end and (c.start, c.end) != (start, end)]
            outside = [c for c in found if c.start < end and start < c.end and c not in inside]
            if inside and not outside:  # "Euronext Brussels": the model saw only "Brussels"
                drop(start, end)
        if free(start, end):
            add(match.group(), start, known.type)
    return extra


def _in_caps_line(body: str, pos: int) -> bool:
    """Whether `pos` lies in a line written in capitals (a slug or headline), where caps mean nothing."""
    start = body.rfind("\n", 0, pos) + 1
    end = body.find("\n", pos)
    line = body[start : end if end >= 0 else len(body)]
    letters = [c for c in line if c.isalpha()]
    return len(letters) > 12 and sum(c.isupper() for c in letters) > 0.6 * len(letters)


def header_candidates(header: Header) -> list[Candidate]:
    """The agency credit (ORG) and the dateline place(s) (LOC) as written in the header."""
    found = []
    written = header.header_text.casefold()
    for place in (header.dateline_place or "").split("/"):
        at = written.find(place.strip().casefold()) if place.strip() else -1
        if at >= 0:
            end = at + len(place.strip())
            found.append(Candidate(header.header_text[at:end], at, end, "LOC", "header", "rule"))
    places = [p.strip() for p in (header.dateline_place or "").split("/") if p.strip()]
    for part in (header.dateline_text or "").split(",")[1:]:
        part = part.strip()
        at = header.header_text.find(part) if part and not any(c.isdigit() for c in part) else -1
        if at >= 0 and part.casefold() not in MONTHS and not any(part.casefold() == p.casefold() for p in places):
            found.append(Candidate(part, at, at + len(part), "LOC", "header", "rule"))  # "LEUVEN, Belgium"
    for match in _CREDIT_NAMES.finditer(header.footer_text):
        for name in re.split(r"\s*(?:,|\band\b|\bet\b|\ben\b)\s*", match.group(1)):
            at = header.footer_text.find(name, match.start(1)) if name.strip() else -1
            if at >= 0 and _NAME_ONLY.fullmatch(name):
                found.append(Candidate(name, at, at + len(name), "PER", "footer", "rule"))
    for text, section in ((header.header_text, "header"), (header.footer_text, "footer")):
        for match in re.finditer(r"\(([^()/]{2,20})(?:/[^()]*)?\)", text):
            name = match.group(1).strip()
            if name.casefold() in AGENCIES:
                found.append(Candidate(name, match.start(1), match.start(1) + len(name), "ORG", section, "rule"))
    return found


# --- corrections -------------------------------------------------------------------------------


def correct(cand: Candidate, text: str | None = None) -> list[Candidate]:
    """The wire-aware corrections of one candidate: zero, one or two (a title-glued org and person).

    `text` is the section the candidate indexes; it tells sentence starts and the words before.
    """
    cand = _trim(cand)
    if cand is None:
        return []
    key = cand.text.casefold()
    if key in AGENCIES:
        return [replace(cand, type="ORG")]
    if key in WEEKDAYS or key in MONTHS:
        return []
    cand = _strip_article(cand, text)
    if cand is None:
        return []
    return [_fix_type(c, text) for c in _split_titles(cand, text) if _keep(c, text)]


def _fix_type(cand: Candidate, text: str | None) -> Candidate:
    """Types the model often gets wrong on wire copy, from the form and the words before it."""
    words = list(_WORD.finditer(cand.text))
    compound = _COMPOUND.fullmatch(words[-1].group()) if words else None
    if compound is not None:  # "N-VA-fractieleider", "NAVO-top", "Kremlin-backed": the entity is the head
        first = 0
        while first < len(words) - 1 and _ADJECTIVE.fullmatch(words[first].group()):
            first += 1  # "Europese NAVO-landen" -> "NAVO"
        start = words[first].start()
        end = words[-1].start() + len(compound.group(1))
        head = cand.text[start:end]
        known = linking.lookup(head, None)
        kind = known.type if known is not None else "ORG" if _is_acronym(head) else "MISC"
        if known is None and " " in head and cand.type != "MISC":
            kind = cand.type
        return replace(cand, text=head, start=cand.start + start, end=cand.start + end, type=kind)
    if cand.type == "PER" and _CAMEL.fullmatch(cand.text):
        return replace(cand, type="ORG")  # "VoltaCell", "InBev": a company
    if cand.type == "LOC" and linking.lookup(cand.text, "LOC") is None:
        acronym = _is_acronym(cand.text) and not any(c.islower() for c in cand.text)
        if acronym or _has_org_word(cand.text) or any(c.isdigit() or c == "&" for c in cand.text):
            return replace(cand, type="ORG")  # "N-VA", "M23", "Confédération paysanne"
    if (
        cand.type in ("ORG", "LOC", "MISC")
        and text is not None
        and _looks_like_name(cand.text)
        and not _has_org_word(cand.text)
        and _after_title(text, cand.start)
        and linking.lookup(cand.text) is None
    ):
        return replace(cand, type="PER")  # "le directeur Jan Peeters" tagged as a place
    return cand


def _trim(cand: Candidate) -> Candidate | None:
    """Strip edge punctuation, trailing lower-case words, a possessive and trailing dateline digits."""
    text = cand.text.strip(_EDGE_PUNCT + " \n\t")
    if cand.type == "LOC" or re.search(r"\d[/.]\d", text):
        text = _DIGITS.sub("", text)  # "BRUXELLES 12/03"; "Radio 1" keeps its number
    if cand.type in ("PER", "LOC"):
        text = _POSSESSIVE.sub("", text) if _POSSESSIVE.search(text) and not text.isupper() else text
    text = _TRAILING.sub("", text).strip(_EDGE_PUNCT + " ")
    if (len(text) < 2 and not (text.isupper() and text.isalpha())) or text.isdigit() or not text:
        return None
    start = cand.start + cand.text.find(text)
    return replace(cand, text=text, start=start, end=start + len(text))


def _strip_article(cand: Candidate, text: str | None) -> Candidate | None:
    """ "la Chine" -> "Chine"; "La France" at a sentence start too, but not "La Haye" or "The Lancet" mid-sentence."""
    article = _LOWER_ARTICLE.match(cand.text)
    if (
        article is None
        and cand.type != "PER"  # "De Wever", "Le Pen": a particle of the name
        and text is not None
        and _at_sentence_start(text, cand.start)
        and linking.lookup(cand.text, cand.type) is None
    ):
        article = _UPPER_ARTICLE.match(cand.text)
    if article is None:
        return cand
    cut = article.end()
    return replace(cand, text=cand.text[cut:], start=cand.start + cut)


def _is_title(word: str) -> bool:
    if sum(c.isalpha() for c in word) > 1 and word.isupper():
        return False  # "MR" is a party, "Mr" a title
    low = word.casefold().rstrip(".")
    low = re.sub(r"^[ld]['’]", "", low)
    if low in TITLES or low + "." in TITLES:
        return True
    head, dash, tail = low.rpartition("-")  # "N-VA-fractieleider", "Belang-Kamerlid", "ex-ministre"
    return bool(dash and head) and (tail in TITLES or any(tail.endswith(t) for t in _TITLE_ENDINGS))


# Dutch compound titles end with one of these: "fractieleider", "partijvoorzitter", "oud-premier".
_TITLE_ENDINGS = ("leider", "voorzitter", "secretaris", "minister", "woordvoerder", "kamerlid", "burgemeester")


def _split_titles(cand: Candidate, text: str | None) -> list[Candidate]:
    """Leading titles off; a person glued after an organisation split off; functions dropped."""
    words = list(_WORD.finditer(cand.text))
    if len(words) == 1 and _COMPOUND.fullmatch(cand.text):
        return [cand]  # "N-VA-fractieleider": `_fix_type` keeps its head
    if cand.type in ("ORG", "MISC") and len(words) > 1 and _is_title(words[-1].group()):
        return []  # "EU Economy Commissioner": a function
    i, last_title, linked = 0, None, False
    while i < len(words):
        word = words[i].group()
        if _is_title(word):
            last_title, linked = word.casefold(), False
            i += 1
        elif word[0].islower() and (
            i > 0
            or word.casefold() not in NAME_PARTICLES
            or last_title
            or (len(words) > 1 and (words[1].group()[0].islower() or _is_title(words[1].group())))
        ):
            linked = linked or word.casefold() in ROLE_LINKS or word.casefold()[:2] in ("d'", "d’")
            i += 1  # "le ministre ...", "de la ..."
        else:
            break
    if i >= len(words):
        return []
    if i and cand.type in ("ORG", "MISC", "LOC") and words[0].group()[0].isupper():
        rest = cand.text[words[i].start() :]
        if not _looks_like_name(rest) or _has_org_word(rest):
            return [cand]  # "Premier League", "Prince Albert Fund": the title is part of the name
    if i:
        offset = words[i].start()
        cand = replace(cand, text=cand.text[offset:], start=cand.start + offset)
        words = list(_WORD.finditer(cand.text))
    portfolio = (last_title in MINISTER_TITLES and linked) or (text is not None and _after_minister(text, cand.start))
    if portfolio:
        cand = _strip_portfolio(cand)
    head, person = _split_person(cand)
    out = []
    if head is not None:
        if not (portfolio or head.text.casefold() in PORTFOLIOS or _is_title(head.text.split()[0])):
            out.append(replace(head, type="ORG" if head.type in ("ORG", "MISC", "PER") else head.type))
        out.append(person)
        return out
    if last_title is not None and cand.type in ("ORG", "MISC", "LOC"):
        if portfolio or cand.text.casefold() in PORTFOLIOS:
            return []  # "ministre des Affaires étrangères"
        if cand.type != "LOC" and _looks_like_name(cand.text) and not _has_org_word(cand.text):
            return [replace(cand, type="PER")]  # "le ministre Jan Jambon" tagged as an organisation
    if portfolio and cand.text.casefold() in PORTFOLIOS:
        return []
    return [cand]


def _strip_portfolio(cand: Candidate) -> Candidate:
    """'Défense Theo Francken' after "ministre de la": the portfolio off, the person left."""
    words = cand.text.split()
    for n in range(min(4, len(words) - 2), 0, -1):
        if " ".join(words[:n]).casefold() in PORTFOLIOS:
            rest = cand.text.split(maxsplit=n)[n]
            start = cand.start + cand.text.rindex(rest)
            return replace(cand, text=rest, start=start, type="PER" if _looks_like_name(rest) else cand.type)
    return cand


def _split_person(cand: Candidate) -> tuple[Candidate | None, Candidate]:
    """'Conseil de sécurité Nikolaï Patrouchev' (ORG) -> ('Conseil de sécurité' ORG, 'Nikolaï Patrouchev' PER)."""
    if cand.type not in ("ORG", "MISC", "PER"):
        return None, cand
    words = list(_WORD.finditer(cand.text))
    for i in range(len(words) - 2, 0, -1):
        word = words[i - 1].group()
        if word[0].islower() and word.casefold() not in NAME_PARTICLES and word.casefold() not in ROLE_LINKS:
            tail = words[i:]
            if 2 <= len(tail) <= 4 and all(w.group()[0].isupper() for w in tail):
                if _has_org_word(" ".join(w.group() for w in tail)):
                    break
                offset = tail[0].start()
                person = replace(cand, text=cand.text[offset:], start=cand.start + offset, type="PER")
                head_text = cand.text[: words[i - 1].end()]
                head = replace(cand, text=head_text, end=cand.start + len(head_text))
                head = _trim(head)
                return (head if head is not None and head.text[0].isupper() else None), person
            break
    return None, cand


def _keep(cand: Candidate, text: str | None) -> bool:
    """Whether a corrected candidate is an entity at all."""
    if not any(c.isupper() for c in cand.text):
        return False
    key = cand.text.casefold()
    if key in NOT_ENTITIES or key in WEEKDAYS or key in MONTHS:
        return False
    if " " not in cand.text and cand.type in ("LOC", "MISC") and key.endswith(DEMONYM_ENDINGS):
        return linking.lookup(cand.text, "LOC") is not None  # "Montois" is a people; "Calais" a city
    return not (key in PORTFOLIOS and text is not None and _after_minister(text, cand.start))


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return (
        2 <= len(words) <= 4
        and all(w[0].isupper() or w.casefold() in NAME_PARTICLES for w in words)
        and not any(w.isupper() and len(w) > 1 for w in words[:-1])
    )


def _has_org_word(text: str) -> bool:
    return any(w.casefold().strip(".,") in ORG_WORDS for w in text.split())


def _words_before(text: str, pos: int, limit: int = 10) -> list[str]:
    return _WORD_RE.findall(text[max(0, pos - 120) : pos])[-limit:]


def _after_minister(text: str, pos: int) -> bool:
    """Whether `pos` follows "ministre de/des/du", "minister van/voor", "Secretary of": a portfolio."""
    before = [w.casefold() for w in _words_before(text, pos, 5)]
    links = 0
    while before and (before[-1] in ROLE_LINKS or before[-1][:2] in ("d'", "d’")):
        links += 1
        before.pop()
    if links and len(before) >= 2 and before[-1][0].isalpha() and before[-2] in MINISTER_TITLES:
        before.pop()  # "commissaire européen à l'Agriculture", "minister federaal van ..."
    return links > 0 and bool(before) and before[-1] in MINISTER_TITLES


def _after_title(text: str, pos: int) -> bool:
    before = _words_before(text, pos, 1)
    return bool(before) and _is_title(before[-1])


def _at_sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 4) : pos].rstrip()
    return not before or before[-1] in _SENTENCE_END


# --- grouping ----------------------------------------------------------------------------------


def normalise(text: str) -> str:
    """Comparison key: no accents, case-folded, hyphens and spaces folded."""
    return linking.key(text)


def group(cands: list[Candidate], body: str | None = None) -> list[Entity]:
    """One Entity per real-world entity, in order of first mention, linked and with roles."""
    groups: dict[str, list[Candidate]] = {}
    for cand in cands:
        groups.setdefault(normalise(cand.text), []).append(cand)
    for key in list(groups):
        members = groups[key]
        body_types = {m.type for m in members if m.section == "body" and m.source == "model"}
        if body_types == {"ORG"} and any(m.section == "header" and m.type == "LOC" for m in members):
            groups[key] = [m for m in members if m.section != "body"]  # "LIVERPOOL, England": the city;
            groups[key + " #org"] = [m for m in members if m.section == "body"]  # "Liverpool won": the club
    _join_acronyms(groups, cands)
    _join_surnames(groups)
    _join_first_names(groups)
    _join_short_forms(groups)
    entities = _link([_to_entity(members) for members in groups.values()])
    if body is not None:
        for entity in entities:
            if entity.type == "PER":
                entity.role = find_role(body, entity)
    seen: Counter[str] = Counter()
    for entity in entities:
        seen[entity.id] += 1
        if seen[entity.id] > 1:
            entity.id = f"{entity.id}-{seen[entity.id]}"
    return entities


def _group_type(members: list[Candidate]) -> EntityType:
    if any(m.section != "body" for m in members):
        return next(m.type for m in members if m.section != "body")
    votes = Counter(m.type for m in members if m.source == "model") or Counter(m.type for m in members)
    if len(votes) > 1:
        votes.pop("MISC", None)
    best = max(votes.values())
    return next(m.type for m in members if votes.get(m.type) == best)  # a tie: the first mention's type


def _retype(members: list[Candidate], kind: EntityType) -> list[Candidate]:
    return [m if m.section != "body" else replace(m, type=kind) for m in members]


def _full_name(key: str) -> bool:
    """A first name and a surname ("bart de wever"), not a surname with its particle ("de wever")."""
    return " " in key and key.split()[0] not in NAME_PARTICLES and key.split()[0] not in _SURNAME_PARTICLES


_SURNAME_PARTICLES = frozenset("van von vander vanden ver le la di da del della dos das mc mac o".split())


def _join_surnames(groups: dict[str, list[Candidate]]) -> None:
    """Move 'Trump' into 'Donald Trump' when exactly one full name ends with it.

    A full name the model typed as a place or misc joins too when its surname is a person
    elsewhere ("Lukas Dhont" LOC, "Dhont" PER), and becomes a person.
    """
    people = {key for key, members in groups.items() if _group_type(members) == "PER" and not _full_name(key)}
    for key, members in groups.items():
        kind = _group_type(members)
        words = key.split()
        named = words[-1] in people or words[0] in people or " ".join(words[-2:]) in people
        if (
            kind in ("LOC", "MISC", "ORG")
            and 2 <= len(words) <= 3
            and named
            and _looks_like_name(members[0].text)
            and not _has_org_word(members[0].text)
        ):
            groups[key] = _retype(members, "PER")
    full_names = {key for key, members in groups.items() if _group_type(members) == "PER" and _full_name(key)}
    by_ending: dict[str, list[str]] = {}
    for full in full_names:
        words = full.split()
        for n in range(1, len(words)):
            by_ending.setdefault(" ".join(words[n:]), []).append(full)
    for key in list(groups):
        if key in full_names or key not in groups:
            continue
        owners = by_ending.get(key, [])
        members = groups[key]
        if len(owners) == 1 and (_group_type(members) == "PER" or not any(m.section != "body" for m in members)):
            if _group_type(members) == "ORG" and len(members) > 1:
                continue  # a party or firm named like a person, tagged so each time
            groups[owners[0]].extend(_retype(groups.pop(key), "PER"))


def _join_first_names(groups: dict[str, list[Candidate]]) -> None:
    """Move a lone first name ('Remco') into the one full name that starts with it."""
    full_names = [key for key, members in groups.items() if _group_type(members) == "PER" and _full_name(key)]
    firsts: dict[str, list[str]] = {}
    lasts: set[str] = set()
    for full in full_names:
        firsts.setdefault(full.split()[0], []).append(full)
        lasts.add(full.split()[-1])
    for key in list(groups):
        members = groups[key]
        if " " in key or _group_type(members) != "PER" or any(m.section != "body" for m in members):
            continue
        owners = firsts.get(key, [])
        if len(owners) == 1 and key not in lasts:
            groups[owners[0]].extend(groups.pop(key))


def _join_short_forms(groups: dict[str, list[Candidate]]) -> None:
    """Move 'Commission' into 'Commission européenne' (or 'European Commission') when exactly one
    organisation starts or ends with it."""
    edges: dict[str, set[str]] = {}
    for full in (key for key, members in groups.items() if _group_type(members) == "ORG" and " " in key):
        words = full.split()
        edges.setdefault(words[0], set()).add(full)
        edges.setdefault(words[-1], set()).add(full)
    for key in list(groups):
        members = groups[key]
        if " " in key or _group_type(members) not in ("ORG", "MISC") or any(m.section != "body" for m in members):
            continue
        if any(m.text.isupper() for m in members):
            continue  # an acronym is not a short form
        owners = sorted(edges.get(key, ()))
        if len(owners) == 1:
            groups[owners[0]].extend(_retype(groups.pop(key), "ORG"))


def _initials(text: str) -> str:
    words = re.split(r"[\s'’]+", text)
    return normalise("".join(w[0] for w in words if w and w.casefold() not in _ACRONYM_SKIP))


def _join_acronyms(groups: dict[str, list[Candidate]], cands: list[Candidate]) -> None:
    """'Banque centrale européenne (BCE)' and 'Office national de sécurité sociale' ... 'ONSS':
    an acronym joins the one organisation whose initials it spells, or its bracketed expansion."""
    ordered = sorted((c for c in cands if c.section == "body"), key=lambda c: c.start)
    for long, short in pairwise(ordered):
        gap_ok = 0 < short.start - long.end <= 2
        spelled = " " not in short.text and _initials(long.text) == normalise(short.text)
        if not (gap_ok and (_is_acronym(short.text) or spelled) and " " in long.text):
            continue
        long_key, short_key = normalise(long.text), normalise(short.text)
        if long_key in groups and _group_type(groups[long_key]) == "PER" and not spelled:
            continue  # "Anne Dupont (PS)": her party, not her acronym
        if long_key in groups and short_key in groups and long_key != short_key:
            groups[long_key].extend(_retype(groups.pop(short_key), _group_type(groups[long_key])))
    spelled: dict[str, list[str]] = {}
    for full, members in groups.items():
        if " " in full and _group_type(members) in ("ORG", "MISC"):
            spelled.setdefault(_initials(members[0].text), []).append(full)
    for key in list(groups):
        members = groups[key]
        if " " in key or not all(_is_acronym(m.text) or (m.text[0].isupper() and len(m.text) <= 5) for m in members):
            continue
        owners = [full for full in spelled.get(key, []) if full in groups]
        if len(owners) == 1 and len(key) >= 2:
            groups[owners[0]].extend(_retype(groups.pop(key), "ORG"))
            groups[owners[0]][:] = _retype(groups[owners[0]], "ORG")


def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(letters) <= 8 and " " not in text and sum(c.isupper() for c in letters) >= 2


def _to_entity(members: list[Candidate]) -> Entity:
    kind = _group_type(members)
    body_forms = [m.text for m in members if m.section == "body"]
    forms = body_forms or [m.text for m in members]
    mixed_case = [f for f in forms if not f.isupper()] or forms
    name = max(mixed_case, key=len)
    mentions = sorted(
        {Mention(m.text, m.start, m.end, m.section) for m in members},
        key=lambda m: (_SECTION_ORDER[m.section], m.start),
    )
    source = "model" if any(m.source == "model" for m in members) else "rule"
    return Entity(id=linking.entity_id(name, kind), name=name, type=kind, mentions=mentions, source=source)


_SECTION_ORDER = {"headline": 0, "header": 1, "body": 2, "footer": 3}
# A lone word tagged as a person that names a city this large is the city ("Washington").
BIG_CITY = 500_000


# --- linking -----------------------------------------------------------------------------------


def _link(entities: list[Entity]) -> list[Entity]:
    """Give each entity its stable id (and the type its table implies); merge entities that share one."""
    context: set[str] = set()
    links = []
    for entity in entities:
        forms = _forms(entity)
        found = linking.link(forms, entity.type)
        links.append(found)
        if found is not None and found.source == "country" and entity.type != "PER":
            context.add(found.country)
    merged: dict[str, Entity] = {}
    out = []
    for entity, found in zip(entities, links, strict=True):
        if found is not None and found.source == "city":
            found = linking.link(_forms(entity), entity.type, context)  # a city of a country the text names
        if found is not None and _accept(entity, found):
            entity.id, entity.type = found.id, found.type
        same = merged.get(entity.id)
        if same is None:
            merged[entity.id] = entity
            out.append(entity)
            continue
        same.mentions = sorted(
            set(same.mentions) | set(entity.mentions), key=lambda m: (_SECTION_ORDER[m.section], m.start)
        )
        body_names = [m.text for m in same.mentions if m.section == "body" and not m.text.isupper()]
        if body_names:
            same.name = max(body_names, key=len)
        if entity.source == "model":
            same.source = "model"
    return out


def _forms(entity: Entity) -> list[str]:
    forms = [entity.name]
    for mention in sorted(entity.mentions, key=lambda m: -len(m.text)):
        if mention.text not in forms:
            forms.append(mention.text)
    return forms


def _accept(entity: Entity, found: linking.Link) -> bool:
    """Whether a table's id (and type) overrides the model's: aliases always; countries unless the
    model saw a person; cities only for places."""
    if found.source == "alias":
        return True
    lone = entity.type == "PER" and all(" " not in m.text for m in entity.mentions)
    if found.source == "country":
        return entity.type != "PER" or lone  # "Oekraïne" tagged as a person
    return entity.type in ("LOC", "MISC") or (lone and found.population >= BIG_CITY)


# --- roles -------------------------------------------------------------------------------------


def find_role(body: str, entity: Entity) -> str | None:
    """The title or function the dispatch gives a person, before ("le ministre des Affaires
    étrangères Sergueï Lavrov") or after ("John Bolton, conseiller à la sécurité nationale,") a mention."""
    for mention in entity.mentions:
        if mention.section != "body":
            continue
        role = _role_before(body, mention.start) or _role_after(body, mention.end)
        if role:
            return role
    return None


def _role_before(body: str, start: int) -> str | None:
    """The title phrase right before a name: from the title nearest the name, widened to the titles and
    capitalised words glued to its left ("Premier ministre", "Environment Secretary", "KRC Genk-middenvelder")."""
    window = body[max(0, start - 160) : start]
    tokens = list(_WORD_RE.finditer(window))
    if not tokens or tokens[-1].group().casefold() in ROLE_LINKS or tokens[-1].group() in ("'", "’"):
        return None  # "le conseiller de Donald Trump": Trump is the complement, not the adviser
    nearest = None
    for k in range(len(tokens) - 1, max(-1, len(tokens) - 10), -1):
        word = tokens[k].group()
        low = word.casefold()
        if not (word[0].isalnum() or word in "'’-") or low in ROLE_BREAKERS or low in SPEECH_CUES:
            break
        if _is_title(word):
            nearest = k
            break
    if nearest is None:
        return None
    first = nearest
    while first > 0 and first > nearest - 3:
        word = tokens[first - 1].group()
        glued = word[:1].isupper() and (tokens[nearest].group()[:1].isupper() or "-" in tokens[nearest].group())
        if not (_is_title(word) or word.casefold() in _ROLE_MODIFIERS or glued) or word.casefold() in ROLE_BREAKERS:
            break
        if (
            glued
            and not _is_title(word)
            and "-" not in tokens[nearest].group()
            and not word.isupper()
            and _at_sentence_start(window, tokens[first - 1].start())
        ):
            break  # "Yesterday Prime Minister ...": a sentence's first word is no modifier
        first -= 1
    text = window[tokens[first].start() :].strip()
    text = re.sub(r"^[lLdD]['’]", "", text)
    return text.strip(" ,") or None


_ROLE_MODIFIERS = frozenset("ancien ancienne ex vice nouveau nouvelle futur future former new deputy acting".split())


def _role_after(body: str, end: int) -> str | None:
    match = re.match(r"\s*,\s*", body[end:])
    if match is None:
        return None
    rest = body[end + match.end() : end + match.end() + 160]
    tokens = list(_WORD_RE.finditer(rest))
    k = 0
    while k < len(tokens) and tokens[k].group().casefold() in ("le", "la", "l'", "l’", "the", "de", "het", "a", "an"):
        k += 1
    if k >= len(tokens) or not _is_title(tokens[k].group()):
        return None
    stop = len(rest)
    for token in tokens[k + 1 : k + 14]:
        word = token.group()
        if (
            word in (",", ".", ";", ":", "(", ")", "«", "»", '"', "“", "”")
            or word.casefold() in ROLE_BREAKERS - ROLE_LINKS
        ):
            stop = token.start()
            break
    else:
        return None
    return rest[tokens[k].start() : stop].strip() or None
