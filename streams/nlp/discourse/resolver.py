"""Who a speaker phrase refers to: a name, a description ("le parquet", "la souveraine") or a pronoun.

Links are made from precise to loose evidence, as in multi-pass sieve coreference (Lee et al. 2013):
a name is its entity (a surname the model typed as an organisation is the person who bears it); a
description is the participant the text gave that role or whose name it heads ("le bourgmestre" for
"le bourgmestre de Wellin, Gaëtan Rousseaux", "le parquet" for "parquet de Namur"), else, for roles
such as "l'accusé" or "de 23-jarige", the most salient person; a pronoun is the most salient
participant that agrees with it in gender and number. Every answer is a PER or ORG entity or None:
a wrong speaker is worse than none.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import TYPE_CHECKING

from streams.nlp.discourse.anaphors import anaphors
from streams.nlp.discourse.participants import SPEAKER_TYPES, Participant, participants
from streams.nlp.discourse.salience import WEIGHTS, Event, Layout, Roles, score
from streams.nlp.discourse.words import (
    ARTICLE_GENDER,
    BODY_NOUNS,
    COMPANY_NOUNS,
    DEMONYM_ENDINGS,
    EVENT_ROLES,
    FIRM_NOUNS,
    GENERIC_KINDS,
    LATTER,
    NOUN_KINDS,
    OFFICES,
    PARTISANS,
    PRONOUNS,
    ROLE_FAMILIES,
    Gender,
    role_noun,
)
from streams.nlp.lexicon.nations import PERSON_NATIONS
from streams.nlp.types import Entity
from streams.textrules import rule

if TYPE_CHECKING:
    from spacy.tokens import Doc

_AGE_NOUN = rule(
    "nlp.discourse.resolver.age_noun",
    r"(\d{1,3})-(?:jarige|year-old)",
    engine="re",
    fallback="fullmatch() of at most 12 characters",
)
MIN_SALIENCE = 0.2  # less than this (a mention several sentences back, in a complement) is no antecedent
UNKNOWN_GENDER = 0.7  # a participant of unknown gender agrees with any pronoun, but less well
ORGANISATION_AS_PERSON = 0.4  # "il"/"elle"/"ze" for an organisation: possible, but a person is likelier
DESCRIPTION_HORIZON = 12  # sentences back a description may reach


class Discourse:
    """The participants of a dispatch body and their salience, for resolving speaker phrases in text order."""

    def __init__(
        self,
        text: str,
        entities: list[Entity],
        lang: str,
        *,
        doc: Doc | None = None,
        sentence_starts: list[int] | None = None,
        quoted: list[tuple[int, int]] = (),
    ) -> None:
        self.text, self.lang = text, lang
        self.participants = participants(text, entities, lang)
        self.index = {id(p.entity): i for i, p in enumerate(self.participants)}
        self.layout = Layout(text, sentence_starts, list(quoted))
        self.events: list[Event] = []
        roles = Roles(text, doc)
        inside = sorted(quoted)
        for i, participant in enumerate(self.participants):
            for mention in participant.entity.mentions:
                if mention.section != "body" or _within(inside, mention.start):
                    continue
                role = roles.of(mention.start, mention.end)
                self._add(mention.start, i, WEIGHTS[role])
        self.events.sort(key=lambda e: e.pos)
        self.resolved: dict[tuple[int, str], Entity | None] = {}  # (anaphor start, word) -> its referent
        for anaphor in anaphors(text, lang, inside):
            if anaphor.kind == "pronoun":
                found = self.pronoun(anaphor.start, anaphor.word, before=anaphor.determiner)
            else:
                found = self.description(anaphor.start, anaphor.word, anaphor.determiner)
            self.resolved[anaphor.start, anaphor.word] = found
            i = self.index.get(id(found)) if found is not None else None
            if i is not None:
                self._add(anaphor.start, i, WEIGHTS[roles.of(anaphor.start, anaphor.end)], source="anaphor")
                self.events.sort(key=lambda e: e.pos)

    # -- what a phrase refers to ------------------------------------------------------------------

    def named(self, entity: Entity | None, pos: int) -> Entity | None:
        """The speaker a name stands for: its entity if a person or organisation, else the person it names."""
        if entity is None:
            return None
        if entity.type in SPEAKER_TYPES and not self._is_surname_of_other(entity):
            return entity
        surname = entity.name.casefold()
        people = [
            p
            for p in self.participants
            if p.type == "PER" and p.entity is not entity and p.entity.name.casefold().split()[-1:] == [surname]
        ]
        return people[0].entity if len(people) == 1 else None

    def pronoun(self, pos: int, word: str, *, before: str = "") -> Entity | None:
        """The referent of a personal or demonstrative pronoun ("il", "a-t-elle", "zij", "she", "ce dernier")."""
        low = word.casefold()
        if (pos, low) in getattr(self, "resolved", {}):
            return self.resolved[pos, low]
        latter = LATTER.get(self.lang, {})
        if low in latter and before.casefold() in ("ce", "cette", "the", "deze", "die"):
            # "the former", "the latter": of the names before, in the order the text gave them
            sources = ("name",) if low in ("former", "latter") else ("name", "anaphor")
            return self._most_recent(
                pos, latter[low], skip=int(low == "former"), people=self.lang != "en", sources=sources
            )
        info = PRONOUNS.get(self.lang, {}).get(low)
        if info is None or info.plural:
            return None
        if info.demonstrative:  # "Celle-ci", "Die": persons, and organisations not named in a complement
            return self._most_recent(pos, info.gender, people=True, heads=True)
        ranked = []
        for i, value in score(self.events, pos, self.layout).items():
            participant = self.participants[i]
            if info.organisation:
                if participant.type != "ORG":
                    continue
            elif participant.type == "ORG":
                if self.lang == "en" or participant.gender not in (info.gender, None):
                    continue
                value *= ORGANISATION_AS_PERSON
            elif participant.gender is None:
                value *= UNKNOWN_GENDER
            elif participant.gender != info.gender:
                continue
            ranked.append((value, -participant.first, i))
        people = [r for r in ranked if self.participants[r[2]].type == "PER" and r[0] >= MIN_SALIENCE]
        if people and not info.organisation:
            ranked = people  # "il", "ze": an organisation only when no person agrees
        found = self._best(ranked)
        if found is None and not info.organisation and info.gender is not None:
            sure = [r for r in ranked if self.participants[r[2]].gender == info.gender and r[0] > 0]
            if len(sure) == 1:  # the only man (woman) of the last sentences, however quiet since
                return self.participants[sure[0][2]].entity
        return found

    def description(self, pos: int, noun: str, determiner: str = "", *, qualified: bool = False) -> Entity | None:
        """The referent of a definite description: "le bourgmestre", "la souveraine", "het parket", "the company";
        `qualified`: a name qualifies the noun ("the Anderlecht coach"), so of several holders of the role none
        is sure."""
        low = noun.casefold()
        if (pos, low) in getattr(self, "resolved", {}):
            return self.resolved[pos, low]
        age = _AGE_NOUN.fullmatch(low)
        if age is not None:  # "de 23-jarige", "the 41-year-old": the person of that age, else the story's
            same_age = [p for p in self.participants if p.age == int(age.group(1)) and p.first < pos]
            return same_age[0].entity if len(same_age) == 1 else self._by_role(pos, "age", None)
        role = role_noun(self.lang, low)
        if role is not None:
            key, gender = role
            gender = gender or ARTICLE_GENDER.get(determiner.casefold())
            return self._by_role(pos, key, gender, qualified=qualified)
        body = self._body_noun(low)
        if body is not None:
            return self._by_noun(pos, body)
        nation = PERSON_NATIONS.get(self.lang, {}).get(low)
        if noun[:1].isupper() and (nation is not None or low.endswith(DEMONYM_ENDINGS)):  # "le Belge", "de Kempenaar"
            gender = ARTICLE_GENDER.get(determiner.casefold())
            return self._by_role(pos, "demonym", gender, nation=nation)
        return None

    def _body_noun(self, low: str) -> str | None:
        """The body noun a word is or ends with ("vervoersmaatschappij" -> "maatschappij" in Dutch)."""
        nouns = BODY_NOUNS.get(self.lang, {})
        if low in nouns or low in COMPANY_NOUNS:
            return low
        if self.lang == "nl":
            return next((n for n in (*nouns, *COMPANY_NOUNS) if len(n) > 3 and low.endswith(n)), None)
        return None

    def spoke(self, pos: int, entity: Entity | None) -> None:
        """Note that `entity` was given a quote at `pos`: speakers are the topics of what follows."""
        i = self.index.get(id(entity)) if entity is not None else None
        if i is not None:
            self._add(pos, i, WEIGHTS["speaker"], source="quote")
            self.events.sort(key=lambda e: e.pos)

    # -- internals --------------------------------------------------------------------------------

    def _add(self, pos: int, participant: int, weight: float, *, source: str = "name") -> None:
        layout = self.layout
        self.events.append(Event(pos, layout.sentence(pos), layout.paragraph(pos), participant, weight, source))

    def _best(self, ranked: list[tuple[float, int, int]], floor: float = MIN_SALIENCE) -> Entity | None:
        """The top-ranked participant, if salient enough; ties go to the one named first."""
        if not ranked:
            return None
        value, _, i = max(ranked)
        return self.participants[i].entity if value >= floor else None

    def _most_recent(
        self,
        pos: int,
        gender: Gender | None,
        *,
        skip: int = 0,
        people: bool = False,
        heads: bool = False,
        sources: tuple[str, ...] = ("name", "anaphor"),
    ) -> Entity | None:
        """ "ce dernier", "the latter", "die": the last participant named before `pos` that agrees
        (`skip=1`: the one before it, "the former"; `people`: persons only; `heads`: persons, and organisations
        not named in a complement, as "celle-ci" and "die": "le projet de la STIB" leaves the STIB out)."""
        here, seen = self.layout.sentence(pos), []
        for event in reversed(self.events):
            if event.pos >= pos or event.participant in seen or event.source not in sources:
                continue
            if here - event.sentence > 3:
                return None
            participant = self.participants[event.participant]
            head_organisation = heads and participant.type == "ORG" and not _after_of(self.text, event.pos)
            if people and participant.type != "PER" and not head_organisation:
                continue
            if gender is None or participant.gender in (gender, None):
                seen.append(event.participant)
                if len(seen) > skip:
                    return participant.entity
        return None

    def _by_role(
        self, pos: int, key: str, gender: Gender | None, *, qualified: bool = False, nation: str | None = None
    ) -> Entity | None:
        """The person a role noun describes; for a nationality (`nation`: "le Belge"), one the text gave that
        nation, else one it gave no nation ("le Slovène X" is not "le Belge")."""
        salience = score(self.events, pos, self.layout, DESCRIPTION_HORIZON)
        people = [(i, p) for i, p in enumerate(self.participants) if p.type == "PER" and p.first < pos]
        if nation is not None:
            found, people = self._given(people, nation, lambda p: p.nations, None, salience)
            if found is not None:
                return found
        if key in PARTISANS:  # "le libéral": one the text gave a party of that family, else one it gave no party
            found, people = self._given(people, key, lambda p: p.families, gender, salience)
            if found is not None:
                return found
        agree = [(i, p) for i, p in people if gender is None or p.gender in (gender, None)]
        family = ROLE_FAMILIES.get(key) if not qualified else None  # "the union's health chief" is no president
        for matches in (
            [(i, p) for i, p in agree if key in p.roles],
            [(i, p) for i, p in agree if family and any(ROLE_FAMILIES.get(r) == family for r in p.roles)],
        ):
            if matches:  # the text gave them that role: a precise link, however far back
                if qualified and len(matches) > 1:
                    return None  # "the Anderlecht coach" and two coaches: the name tells which, not salience
                return self._best([(salience.get(i, 0.0), -p.first, i) for i, p in matches], floor=0.0)
        if qualified:
            return self._named_next(pos, gender, key) if key in OFFICES else None  # "de spits van Standard": no guess
        if key not in OFFICES and key not in EVENT_ROLES:  # "l'accusé", "la lauréate": the story's person
            # a party, a nationality or a home town ("the socialist", "de Fransman") is anyone's, office or not
            free = [(i, p) for i, p in agree if key in PARTISANS or key == "demonym" or not p.roles & OFFICES]
            sure = [(i, p) for i, p in free if gender is not None and p.gender == gender]
            if len(sure) == 1:  # "la lauréate" and one woman in the story
                return sure[0][1].entity
            if len(free) == 1:  # "de beschuldigde" and one person of the story who holds no office
                return free[0][1].entity
            near = score(self.events, pos, self.layout)
            return self._best([(near.get(i, 0.0), -p.first, i) for i, p in free])
        return self._named_next(pos, gender, key) if key in OFFICES else None

    def _given(
        self,
        people: list[tuple[int, Participant]],
        value: str,
        of: Callable[[Participant], set[str]],
        gender: Gender | None,
        salience: dict[int, float],
    ) -> tuple[Entity | None, list[tuple[int, Participant]]]:
        """The most salient of the people the text gave `value` (a nation, a party's family: `of` reads what it
        gave each), agreeing with `gender`; else None, and the people it gave nothing of that kind."""
        same = [(i, p) for i, p in people if value in of(p) and (gender is None or p.gender in (gender, None))]
        if same:
            return self._best([(salience.get(i, 0.0), -p.first, i) for i, p in same], floor=0.0), people
        return None, [(i, p) for i, p in people if not of(p)]

    def _named_next(self, pos: int, gender: Gender | None, key: str) -> Entity | None:
        """Cataphora: "De minister bevestigde ... Marloes Brinkhorst (D66) presenteerde": a person first named
        within the next two sentences, when no one was named before; never one the text gives another role
        ("La juge a estimé ... L'avocate du prévenu, Me X, fera appel": X is not the judge)."""
        here = self.layout.sentence(pos)
        family = ROLE_FAMILIES.get(key)
        later = [
            p
            for p in self.participants
            if p.type == "PER"
            and p.first > pos
            and self.layout.sentence(p.first) - here <= 2
            and (gender is None or p.gender in (gender, None))
            and (not p.roles or key in p.roles or (family and any(ROLE_FAMILIES.get(r) == family for r in p.roles)))
        ]
        earlier = [p for p in self.participants if p.type == "PER" and 0 <= p.first < pos]
        if len(later) >= 1 and not earlier:
            return min(later, key=lambda p: p.first).entity
        # "..., a réagi le ministre du Budget. Sébastien Hellebaut (PTB) n'exclut pas ...": a person
        # new to the text who opens the next sentence, as wire copy names whom it has just described
        following = [p for p in later if self.layout.sentence(p.first) == here + 1]
        if following:
            first = min(following, key=lambda p: p.first)
            opening = self.layout.sentences[here + 1] if here + 1 < len(self.layout.sentences) else -1
            if 0 <= first.first - opening <= 3:
                return first.entity
        return None

    def _by_noun(self, pos: int, noun: str) -> Entity | None:
        salience = score(self.events, pos, self.layout, DESCRIPTION_HORIZON)
        named = [
            (i, p)
            for i, p in enumerate(self.participants)
            if p.type == "ORG" and p.first < pos and any(w == noun or w.endswith(noun) for w in p.nouns)
        ]
        if named:
            return self._best([(salience.get(i, 0.0), -p.first, i) for i, p in named], floor=0.0)
        if noun not in COMPANY_NOUNS:
            return None
        # "l'entreprise", "de club", "the agency": the organisation the story is about, if one stands out
        near = score(self.events, pos, self.layout, 3)
        found = self._best([(v, -self.participants[i].first, i) for i, v in near.items() if self._could_be(i, noun)])
        if found is not None:
            return found
        if noun not in FIRM_NOUNS:
            return None
        # none lately: the one company of the text ("l'entreprise publique" and SNCB); not for looser nouns
        # ("the employers' group" is no company)
        could = [p for i, p in enumerate(self.participants) if 0 <= p.first < pos and self._could_be(i, noun)]
        return could[0].entity if len(could) == 1 else None

    def _could_be(self, i: int, noun: str) -> bool:
        """Whether a participant may be what a generic noun names: "l'entreprise" is no party or medium."""
        participant = self.participants[i]
        if participant.type != "ORG":
            return False
        return participant.kind is None or participant.kind in NOUN_KINDS.get(noun, GENERIC_KINDS)

    def _is_surname_of_other(self, entity: Entity) -> bool:
        """An organisation or place named like the surname of a person of the text is that person."""
        if entity.type == "PER" or " " in entity.name:
            return False
        surname = entity.name.casefold()
        return any(
            p.type == "PER" and p.entity is not entity and p.entity.name.casefold().split()[-1] == surname
            for p in self.participants
        )


def _after_of(text: str, pos: int) -> bool:
    """Whether the name at `pos` is a complement of what precedes it ("de la STIB", "van Testbank") or an
    affiliation in brackets ("Margaux Thiry (Ecolo, Verts/ALE)")."""
    window = text[max(0, pos - 40) : pos]
    if window.rfind("(") > window.rfind(")"):
        return True
    before = window[-12:].casefold().split()
    if not before:
        return False
    if before[-1] in _OF_WORDS or before[-1].endswith(("d'", "d’")):
        return True
    return len(before) > 1 and before[-2] in _OF_WORDS and before[-1] in ("la", "l'", "het", "de", "the")


_OF_WORDS = frozenset("de du des van of".split())


def _within(spans: list[tuple[int, int]], pos: int) -> bool:
    k = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]
