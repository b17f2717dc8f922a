"""The participants of a dispatch: its people and organisations, with what the text says of each.

A participant is a PER or ORG entity with the evidence a later description or pronoun must agree with:
its gender (from an honorific, a gendered title or article before a mention, then the first name), the
roles the text gives it ("le bourgmestre de Wellin, Gaëtan Rousseaux", "Yannick Dubuisson, 34 ans"), a person's
nation ("le Slovène X", "X (BEL)") and party's political family ("X (MR)"), and, for an organisation, the nouns
its name is headed by ("parquet" in "parquet de Namur").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from streams.nlp.discourse import gender as names
from streams.nlp.discourse.words import (
    ARTICLE_GENDER,
    BODY_NOUNS,
    COMPANY_NOUNS,
    HONORIFICS,
    PARTY_FAMILIES,
    Gender,
    role_noun,
)
from streams.nlp.entities import kb, linking
from streams.nlp.entities.roles import ELIDED
from streams.nlp.lexicon.nations import NATIONS, SPORTS_CODES
from streams.nlp.types import Entity
from streams.textrules import TOKENIZER, rule

_TOKEN = rule("nlp.discourse.participants.token", r"[^\W\d_][\w'’.-]*|\d+|[^\w\s]", engine="re", fallback=TOKENIZER)
_AGE_AFTER = rule(
    "nlp.discourse.age_after",
    r"\s*(?:,\s*(\d{1,3})\s*(?:ans|jaar|years? old)?\s*[,.)]|\((\d{1,3})\))",
    engine="re",
    fallback="anchored by match() at a mention's end: its spaces read twice at most, then a few characters",
)
# A person who won, as the sentence says right after the name: the "winner" a later "de winnaar" refers to.
_WON_AFTER = rule(
    "nlp.discourse.won_after",
    r"\s+(?:(?:has\s+|heeft\s+|a\s+)?(?:won|wins|wint|gewonnen|remporté|remporte|gagné|gagne)\b|s['’]est\s+imposée?\b)",
    engine="re",
    fallback="anchored by match() at a mention's end: its spaces, one auxiliary and one verb",
)
_SPORTS_CODE = rule(
    "nlp.discourse.sports_code",
    r"\s*\(([A-Z]{3})\)",
    engine="re",
    fallback="anchored by match() at a mention's end: its spaces, then five characters",
)
_PARTY_AFTER = rule(
    "nlp.discourse.party_after",
    r"\s*\(([^()\s,]{2,12})[),]",
    engine="re",
    fallback="anchored by match() at a mention's end: its spaces, then at most 14 characters",
)
_AGE_BEFORE = rule(
    "nlp.discourse.age_before",
    r"(?:de|het|the)\s+(\d{1,3})(?:-jarige|-year-old)\s+$",
    re.IGNORECASE,
    engine="re",
    fallback="applied to the 80 characters before a mention",
)
_NAME_SPLIT = rule(
    "nlp.discourse.name_split", r"[\s-]+", engine="re", fallback="one class repeated: each character read once"
)
SPEAKER_TYPES = ("PER", "ORG")
_RoleLookup = Callable[[str], "tuple[str, Gender | None] | None"]


@dataclass(slots=True)
class Participant:
    """A person or organisation of the dispatch, and what the text says of it."""

    entity: Entity
    gender: Gender | None = None
    roles: set[str] = field(default_factory=set)
    nouns: set[str] = field(default_factory=set)  # an organisation's name words: "parquet", "zone", "institut"
    age: int | None = None
    nations: set[str] = field(default_factory=set)  # "le Slovène X", "Dutch rider X", "X (BEL)": keys of `nations`
    families: set[str] = field(default_factory=set)  # "Jan Peeters (MR)", "l'échevin MR X": "liberal"
    kind: str | None = None  # the knowledge base's kind ("party", "media", "company" ...), when it knows it

    @property
    def type(self) -> str:
        return self.entity.type

    @property
    def first(self) -> int:
        """Offset of the first body mention (the position of the first event about it)."""
        starts = [m.start for m in self.entity.mentions if m.section == "body"]
        return min(starts) if starts else -1


def participants(text: str, entities: list[Entity], lang: str) -> list[Participant]:
    """A participant for each PER and ORG entity, with its gender, roles, name nouns, age, nations and families."""
    roles = partial(role_noun, lang)  # compounds too: "Telcora-topman", "partijvoorzitter"
    out = []
    for entity in entities:
        if entity.type not in SPEAKER_TYPES:
            continue
        known = kb.knowledge_base().entries.get(entity.id)
        found = Participant(entity, kind=known.kind if known is not None else None)
        evidence: list[tuple[int, Gender]] = []  # (precision rank, gender): the most precise wins
        for mention in entity.mentions:
            if mention.section != "body":
                continue
            _before(text, mention.start, roles, found, evidence, _apposition_ends(text, mention.end))
            _after(text, mention.end, roles, found, evidence)
            if entity.type == "PER":
                _nation(text, mention.start, mention.end, lang, found)
                _party(text, mention.start, mention.end, found)
        if known is not None and known.gender is not None:
            evidence.append((0, known.gender))
        if entity.type == "PER":
            guessed = names.name_gender(entity.name)
            if guessed is not None:
                evidence.append((3, guessed))
        else:
            found.nouns = {ELIDED.sub("", w).casefold() for w in _NAME_SPLIT.split(entity.name) if w}
            found.nouns |= {n for m in entity.mentions if m.section == "body" and (n := _noun_before(text, m.start))}
            head = _head_noun(entity.name, lang)
            if head is not None and head in BODY_NOUNS.get(lang, {}):
                gender = BODY_NOUNS[lang][head]
                if gender is not None:
                    evidence.append((2, gender))
        if entity.role:
            words = _TOKEN.findall(entity.role.casefold())
            for word in (" ".join(words), *words):  # "premier ministre": the whole title, then each word
                if (role := roles(word)) is not None:
                    _add_role(found, role[0], words)
        if evidence:
            found.gender = min(evidence)[1]
        out.append(found)
    return out


def _before(
    text: str,
    start: int,
    roles: _RoleLookup,
    found: Participant,
    evidence: list,
    closed: bool = False,
) -> None:
    """Honorific, title and article right before a mention: "Mme", "la ministre", "de 23-jarige"; with `closed`
    (the apposition ends with the mention), a title before a comma too: "The Mortsel coach, Jorn Verheyden, said",
    "a indiqué l'échevin des Sports, Paul Durant (MR)." But not after a preposition: in "Pour le ministre, Jan
    Peeters a tort" the minister is another man."""
    window = text[max(0, start - 80) : start]
    cut = max(window.rfind(c) for c in '.;:!?\n«»"“”')
    window = window[cut + 1 :]
    raw = _TOKEN.findall(window)
    if raw[-1:] in (["Me"], ["Maître"]):
        found.roles.add("lawyer")  # "Me Sophie Dehon": the French lawyer's title, of either gender
    words = [w.casefold() for w in raw]
    comma = closed and words[-1:] == [","]
    if comma:
        words.pop()  # an apposition between commas
    age = _AGE_BEFORE.search(window)
    if age is not None:
        found.age = int(age.group(1))
    for k in range(len(words) - 1, max(-1, len(words) - 5), -1):
        word = ELIDED.sub("", words[k])
        if word in HONORIFICS:
            evidence.append((0, HONORIFICS[word]))
            return
        if (found_role := roles(word)) is not None:
            article = words[k - 1] if k > 0 else ""
            if comma and _ADVERBIAL.intersection(words[max(0, k - 3) : k]):
                return  # "Selon le ministre, Jan Peeters ...": a comma ends an adverbial, not an apposition
            role, gender = found_role
            _add_role(found, role, words[k:])
            pair = roles(" ".join(words[k - 1 : k + 1])) if k > 0 else None  # "Prime Minister", "Premier ministre"
            if pair is not None:
                _add_role(found, pair[0], words[k - 1 :])
            gender = gender or ARTICLE_GENDER.get(article)
            if gender is not None:
                evidence.append((1, gender))
            return
        if not word[:1].isalpha() or word in ("et", "en", "and"):
            return
    if comma:
        _fronted_apposition(words, roles, found, evidence)


def _fronted_apposition(words: list[str], roles: _RoleLookup, found: Participant, evidence: list) -> None:
    """A sentence that opens with a described role, the name between commas after it: "Le porte-parole du parquet
    de Liège, Denis Goeman, a confirmé", "The spokesman for the Antwerp prosecutor's office, Jan Peeters, said". An
    adverbial's comma ("Selon le ministre, Jan Peeters a tort") has a preposition first, not an article."""
    if not 2 <= len(words) <= 12 or words[0] not in _ARTICLES:
        return
    word = ELIDED.sub("", words[1])
    found_role = roles(word)
    if found_role is None:
        return
    role, gender = found_role
    _add_role(found, role, words[1:])
    gender = gender or ARTICLE_GENDER.get(words[0])
    if gender is not None:
        evidence.append((1, gender))


def _nation(text: str, start: int, end: int, lang: str, found: Participant) -> None:
    """The nation the text gives a person: a nationality among the few words before the name, up to a
    punctuation mark or another name ("le Slovène X", "la coureuse belge X", "De Belgische tennisster X",
    "Dutch rider X"), or a sports code after it ("X (BEL)")."""
    code = _SPORTS_CODE.match(text, end)
    if code is not None and code.group(1) in SPORTS_CODES:
        found.nations.add(SPORTS_CODES[code.group(1)])
    nations = NATIONS.get(lang, {})
    for word in reversed(_TOKEN.findall(text[max(0, start - 50) : start])[-3:]):
        nation = nations.get(word.casefold())
        if nation is not None:
            found.nations.add(nation)
            return
        if not word[:1].isalpha() or word[:1].isupper():
            return  # "le Belge X devance Y": another name is between, the nationality is not Y's


def _party(text: str, start: int, end: int, found: Participant) -> None:
    """The political family of a person's party, where the text gives the party: in brackets after the name
    ("Jan Peeters (MR)"), or among the words of its title ("l'échevin MR X", "N-VA-voorzitter X", "le président
    du PS X")."""
    bracket = _PARTY_AFTER.match(text, end)
    words = [bracket.group(1)] if bracket is not None else []
    for word in reversed(_TOKEN.findall(text[max(0, start - 40) : start])[-4:]):
        if not word[:1].isalpha():
            break
        words.append(word.rsplit("-", 1)[0] if word.count("-") and word[:1].isupper() else word)
    for word in words:
        known = linking.lookup(word, "ORG") if word[:1].isupper() else None
        family = PARTY_FAMILIES.get(known.id) if known is not None and known.id else None
        if family is not None:
            found.families.add(family)
            return


def _add_role(found: Participant, role: str, phrase: list[str]) -> None:
    """Add a role the text gives; a spokesperson of a prosecutor's office is one of its magistrates too (as
    Belgian prosecution services have their press magistrates speak), so "le magistrat" can refer to them."""
    found.roles.add(role)
    if role == "spokesperson" and any(ELIDED.sub("", w) in _PROSECUTION for w in phrase):
        found.roles.add("magistrate")


def _noun_before(text: str, start: int) -> str | None:
    """The organisation noun that introduces a name, maybe with an adjective between: "le groupe pharmaceutique
    Vacxis" -> "groupe", "het bedrijf Vanbelle", "the carmaker Veltrion"; a later "le groupe" is then that one."""
    words = [ELIDED.sub("", w.casefold()) for w in _TOKEN.findall(text[max(0, start - 40) : start])][-2:]
    for word in reversed(words):
        if word in COMPANY_NOUNS:
            return word
        if not word.isalpha() or not word.islower():
            return None
    return None


_ARTICLES = frozenset("le la l' l’ de het the".split())
# Prosecution services: "parquet", "parket", "auditorat", "prosecutor's office".
_PROSECUTION = frozenset("parquet parket auditorat auditoraat prosecutor prosecutor's prosecutor’s prosecution".split())
# Prepositions that open an adverbial before the subject: "Selon le ministre, ...", "Pour la bourgmestre, ...".
_ADVERBIAL = frozenset("selon pour d'après d’après volgens voor according to for".split())


def _apposition_ends(text: str, end: int) -> bool:
    """Whether a name ends an apposition: a comma, a bracket (a party, an age), a full stop or a semicolon
    follows it."""
    rest = text[end : end + 3].lstrip(" ")
    return not rest or rest[0] in ",(.;\n"


def _after(text: str, end: int, roles: _RoleLookup, found: Participant, evidence: list) -> None:
    """An apposition after a mention: ", porte-parole de ...", ", présidente du ...", ", 29 ans"; or what the
    person did that names them later: "X won", "X a remporté", "X wint" (the winner)."""
    if _WON_AFTER.match(text, end) is not None:
        found.roles.add("winner")
    age = _AGE_AFTER.match(text, end)
    if age is not None:
        found.age = int(age.group(1) or age.group(2))
        return
    if not text.startswith(",", end):
        return
    words = [w.casefold() for w in _TOKEN.findall(text[end + 1 : end + 60])][:6]
    for k, word in enumerate(words):
        word = ELIDED.sub("", word)
        if (found_role := roles(word)) is not None:
            role, gender = found_role
            _add_role(found, role, words[k:])
            gender = gender or (ARTICLE_GENDER.get(words[k - 1]) if k else None)
            if gender is not None:
                evidence.append((1, gender))
            return
        if word not in (
            "le",
            "la",
            "l'",
            "l’",
            "de",
            "het",
            "the",
            "a",
            "an",
            "un",
            "une",
            "een",
            "ancien",
            "ancienne",
            "former",
            "voormalig",
            "nouveau",
            "nouvelle",
            "new",
            "nieuwe",
        ):
            return


def _head_noun(name: str, lang: str) -> str | None:
    """The noun heading an organisation's name: first word in French and Dutch, last in English."""
    words = [ELIDED.sub("", w).casefold() for w in name.split()]
    if not words:
        return None
    if lang == "en":
        return words[-1]
    return words[0]
