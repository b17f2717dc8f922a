"""Where names start and end once their candidates are corrected: an acronym in brackets after a truncated
name, an organisation of a place, a person's first name or particles the model cut off, a demonym or a stray
initial in front of a person, and no entity inside an event's name."""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from streams.nlp.discourse.gender import first_name_gender
from streams.nlp.entities import linking
from streams.nlp.entities.candidates import Candidate
from streams.nlp.entities.words import after_title, has_org_word, initials, is_acronym, normalise
from streams.nlp.lexicon import DEMONYM_ENDINGS, EVENTS, FUNCTION_WORDS
from streams.nlp.lexicon.nations import NATION_WORDS
from streams.textrules import Rule, rule

# Each rule reads a bounded window, or from one anchored position, on `re` for the reason it gives.
_BETWEEN = "fullmatch() of the text between two candidates: spaces read once, then fixed words"
_FIRST_BEFORE = rule(
    "nlp.entities.first_before",
    r"(?<![\w'’-])([A-ZÀ-Þ][a-zà-ÿ]+(?:-[A-ZÀ-Þ][a-zà-ÿ]+)?) $",
    engine="re",
    fallback="applied to the 30 characters before a name",
)
_SURNAME_AFTER = rule(
    "nlp.entities.surname_after",
    r" ((?:(?:van der|van den|van de|van|de|den|der|ter|ten|von|du|le|la) )?[A-ZÀ-Þ][a-zà-ÿ'’-]+)(?![\w'’-])",
    engine="re",
    fallback="anchored by match() at a candidate's end: a particle and one word, given back once",
)
_STRAY_INITIAL = rule(
    "nlp.entities.stray_initial",
    r"[A-Z]\.\s+(?=[A-ZÀ-Þ][\w'’]+)",
    engine="re",
    fallback="anchored by match() at a name's start: its spaces, then one word",
)
_PARTICLES_GAP = rule(
    "nlp.entities.particles_gap",
    r" (?:van der|van den|van de|van|von|de la|de|der|den|ter|ten|du|le|la|da|di|dos) ",
    engine="re",
    fallback=_BETWEEN,
)
_TAIL_TO_ACRONYM = rule(
    "nlp.entities.tail_to_acronym",
    r"((?:\s+[\w'’-]+){1,5}?)\s*\(([\w&-]{2,8})\)",
    engine="re",
    fallback="anchored by match() at a candidate's end: at most five words, each read once and given back once",
)
_OF = rule("nlp.entities.of", r"\s+(?:de|du|des|van|of)\s+|\s+d['’]", engine="re", fallback=_BETWEEN)
_AMPERSAND = rule("nlp.entities.ampersand", r"\s*&\s*", engine="re", fallback=_BETWEEN)


def extend_to_acronym(cands: list[Candidate], body: str) -> list[Candidate]:
    """'Fédération flamande' + ' des brasseurs artisanaux (FFBA)': the bracketed acronym shows where the name ends."""
    out = []
    for cand in cands:
        if cand.type in ("ORG", "MISC"):
            match = _TAIL_TO_ACRONYM.match(body, cand.end)
            if match is not None:
                text = body[cand.start : match.end(1)]
                if initials(text) == normalise(match.group(2)):
                    cand = replace(cand, text=text, end=match.end(1), type="ORG")
        out.append(cand)
    return out


def outside_events(cands: list[Candidate], body: str) -> list[Candidate]:
    """The candidates not inside the name of an event, a race or a competition ("Vlaanderen" in "Ronde van
    Vlaanderen", "Paris" in "Paris-Nice") or of a law ("loi Renault"): those are no entities, nor their parts."""
    spans = [m.span(1) for m in _events_pattern().around(body)]
    return [
        c
        for c in cands
        if c.section != "body"
        or not (any(s <= c.start and c.end <= e for s, e in spans) or _after_law_noun(body, c.start))
    ]


def _after_law_noun(body: str, start: int) -> bool:
    """Whether a name follows "loi" or "wet": a law named after someone or something ("la loi Renault")."""
    before = body[max(0, start - 5) : start]
    return before[-4:] in ("loi ", "wet ") and (len(before) < 5 or not (before[0].isalnum() or before[0] == "-"))


@functools.cache
def _events_pattern() -> Rule:
    """Event names of more than one word, as group 1 with one character of context on each side (RE2)."""
    names = sorted({re.escape(e) for e in EVENTS if " " in e or "-" in e}, key=len, reverse=True)
    return rule("nlp.entities.events", rf"(?:^|[^\w-])((?:{'|'.join(names)}))(?:[^\w-]|$)", re.IGNORECASE)


def person_boundaries(cands: list[Candidate], body: str) -> list[Candidate]:
    """A person's name the model cut or padded: a first name left out before it ("Hélène" + "Van den Abeele"),
    a demonym in front of it ("Gantoise Zoé Gathy")."""
    out = []
    for cand in cands:
        if cand.section == "body" and cand.source not in ("kb", "body") and cand.type != "PER":
            cand = _first_name_and_surname_after(cand, body)
            person = _without_demonym(cand)  # "Gantoise Zoé Gathy" typed an organisation
            cand = replace(person, type="PER") if person is not cand else cand
        if cand.type == "PER" and cand.section == "body" and cand.source != "kb":
            cand = _with_first_name(_without_demonym(_without_stray_initial(cand, body)), body)
            cand = _with_particle_surname(cand, body)
        out.append(cand)
    return out


def _with_particle_surname(cand: Candidate, body: str) -> Candidate:
    """A first name the model cut from its surname at a lower-case particle, as Dutch names in the Netherlands
    are written ("Kamerlid Habtamu" + " de Hoop:"): one word after a title, or a known first name, then a particle
    and a word no table knows, then punctuation."""
    if " " in cand.text or not (after_title(body, cand.start) or first_name_gender(cand.text) is not None):
        return cand
    match = _SURNAME_AFTER.match(body, cand.end)
    if match is None or " " not in match.group(1) or not match.group(1)[0].islower():
        return cand
    surname = match.group(1).rsplit(" ", 1)[1]
    if linking.lookup(surname) is not None or surname.casefold() in FUNCTION_WORDS:
        return cand  # "minister Peeters de Kamer": a known body, not a surname
    if body[match.end() : match.end() + 2].lstrip(" ")[:1] not in (":", ",", ".", ";", "("):
        return cand
    return replace(cand, text=body[cand.start : match.end()], end=match.end())


def _first_name_and_surname_after(cand: Candidate, body: str) -> Candidate:
    """ "Marloes" (tagged a place) + " Brinkhorst": a known first name no table knows, then a surname -> a person."""
    if " " in cand.text or first_name_gender(cand.text) is None or linking.lookup(cand.text) is not None:
        return cand
    match = _SURNAME_AFTER.match(body, cand.end)
    if match is None or match.group(1).casefold() in FUNCTION_WORDS or linking.lookup(match.group(1)):
        return cand
    return replace(cand, text=body[cand.start : match.end()], end=match.end(), type="PER")


def _without_stray_initial(cand: Candidate, body: str) -> Candidate:
    """ "on X. Van Peteghem said": a capital and a full stop after a lower-case word end a sentence, they are no
    initial of the name that follows ("J.B." and "Jan B." stay)."""
    match = _STRAY_INITIAL.match(cand.text)
    if match is None or len(cand.text) - match.end() < 3:
        return cand
    before = body[max(0, cand.start - 20) : cand.start].split()
    if not before or not before[-1][:1].islower():
        return cand
    return replace(cand, text=cand.text[match.end() :], start=cand.start + match.end())


def _with_first_name(cand: Candidate, body: str) -> Candidate:
    before = body[max(0, cand.start - 30) : cand.start]
    match = _FIRST_BEFORE.search(before)
    if match is None or first_name_gender(match.group(1)) is None:
        return cand
    if " " not in cand.text + match.group(1) and not before[: match.start(1)].rstrip()[-1:].islower():
        return cand  # one word and one word: "Board chair Sofie Wuyts", not a capitalised word that opens
    first = cand.start - len(before) + match.start(1)
    if not cand.text.split()[0][:1].isupper() or first_name_gender(cand.text.split()[0]) is not None:
        return cand  # "Hélène Van den Abeele", not "Marc Jean Dupont"
    return replace(cand, text=body[first : cand.end], start=first)


def _without_demonym(cand: Candidate) -> Candidate:
    words = cand.text.split()
    first = words[0].casefold() if words else ""
    demonym = len(words) >= 3 and (first.endswith(DEMONYM_ENDINGS) or first in NATION_WORDS)  # "Dane Lars Holm"
    if demonym and first_name_gender(words[1]) and first_name_gender(words[0]) is None:
        offset = cand.text.index(words[1], len(words[0]))
        return replace(cand, text=cand.text[offset:], start=cand.start + offset)
    return cand


def join_of_place(cands: list[Candidate], body: str) -> list[Candidate]:
    """'Parlement' + ' de ' + 'Wallonie' -> one organisation 'Parlement de Wallonie'; a person's name the
    model cut at its particles joined again ('Marieke' + ' van der ' + 'Linden')."""
    ordered = sorted(cands, key=lambda c: c.start)
    out: list[Candidate] = []
    for cand in ordered:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.type == "ORG"
            and (" " not in prev.text or (prev.text.count(" ") < 3 and has_org_word(prev.text)))  # "Free University"
            and not is_acronym(prev.text)
            and cand.type == "LOC"
            and _OF.fullmatch(body[prev.end : cand.start])
        ):
            out[-1] = replace(prev, text=body[prev.start : cand.end], end=cand.end)
            continue
        if (
            prev is not None
            and prev.type == cand.type == "PER"
            and _PARTICLES_GAP.fullmatch(body[prev.end : cand.start])
            and cand.text[:1].isupper()
            and " " not in cand.text.strip()
        ):
            out[-1] = replace(prev, text=body[prev.start : cand.end], end=cand.end)
            continue  # "Marieke" + " van der " + "Linden": one name the model cut at its particles
        if prev is not None and _AMPERSAND.fullmatch(body[prev.end : cand.start] or "x"):
            kind = "ORG" if "ORG" in (prev.type, cand.type) or has_org_word(cand.text) else cand.type
            out[-1] = replace(prev, text=body[prev.start : cand.end], end=cand.end, type=kind)
            continue  # "Bill & Melinda Gates Foundation" tagged in two pieces
        out.append(cand)
    return out
