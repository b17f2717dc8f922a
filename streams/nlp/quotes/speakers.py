"""Speaker resolution: speaker phrases to entities, in text order, keeping track of who was last named."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from streams.nlp import lexicon as lx
from streams.nlp.discourse import Discourse
from streams.nlp.discourse.words import EVENT_ROLES, PARTISANS, ROLE_NOUNS, role_phrase
from streams.nlp.entities import kb
from streams.nlp.quotes.attribution import Attribution
from streams.nlp.quotes.cues import cue_at
from streams.nlp.quotes.phrases import SpeakerRef, person_title, title_word
from streams.nlp.quotes.text import SENTENCE_PUNCT
from streams.nlp.types import Entity
from streams.textrules import rule

if TYPE_CHECKING:
    from streams.nlp.quotes.context import Context


_INVERSION = rule(
    "nlp.quotes.inversion",
    r"-(?:t-)?(il|elle|ils|elles|on)$",
    re.IGNORECASE,
    engine="re",
    fallback="a word: at most nine characters read from each hyphen",
)
_NAME_SPLIT_RE = rule(
    "nlp.quotes.name_split", r"[\s'’-]+", engine="re", fallback="one class repeated: each character read once"
)
_ELIDED = rule("nlp.quotes.elided", r"([dlDL])['’]", engine="re", fallback="anchored at a word's start, two characters")


class _Resolver:
    """Resolves speaker phrases to entities, in text order, keeping track of who was last named."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        quoted = [(span.open, span.close) for span in ctx.spans if span.level == 0]
        self.discourse = Discourse(ctx.body, ctx.entities, ctx.lang, doc=ctx.doc, quoted=quoted)
        self.named: list[tuple[int, Entity | None]] = ctx.mentions.person_events  # people named, by offset
        self.spoke: list[tuple[int, Entity | None]] = []  # speakers, appended in text order
        self.by_role: dict[str, list[Entity]] | None = None
        self.by_name_word: dict[str, list[Entity]] | None = None

    def resolve(self, att: Attribution) -> None:
        ref, body = att.ref, self.ctx.body
        att.resolved = True
        if ref is None:
            return
        entity = self._entity(ref)
        att.speaker = entity
        self.discourse.spoke(ref.start, entity)
        if ref.kind == "entity" and ref.mention is not None:
            att.speaker_text = body[ref.mention[0] : ref.mention[1]]
        elif ref.end > ref.start:
            att.speaker_text = body[ref.start : ref.end]
        if ref.kind not in ("none", "definite") and not ref.plural:
            if self.spoke and self.spoke[-1][0] > ref.start:
                bisect.insort(self.spoke, (ref.start, entity), key=_first)
            else:
                self.spoke.append((ref.start, entity))

    def _entity(self, ref: SpeakerRef) -> Entity | None:
        """The speaker a phrase names, through the discourse model; always a PER or ORG entity, or None."""
        body, discourse = self.ctx.body, self.discourse
        if ref.kind == "entity":
            return self._named(ref)
        words = body[ref.start : ref.end].split()
        if ref.kind == "pronoun" and words:
            if len(words) > 1 and words[0].casefold() in self.ctx.lex.pronouns:
                return discourse.pronoun(ref.start, words[0])  # "She called for ... and said"
            word = words[-1]
            inverted = _INVERSION.search(word)
            if inverted is not None:
                word = inverted.group(1)  # "a-t-il", "dit-elle"
            return discourse.pronoun(ref.start, word, before=words[-2] if len(words) > 1 else "")
        phrase = role_phrase(self.ctx.lang, words[1:]) if len(words) > 2 and ref.kind != "pronoun" else None
        if phrase is not None:  # "le chef du gouvernement", "the head of government": a title of several words
            found = discourse.description(ref.start, phrase, _determiner(words[0]))
            if found is not None:
                return found
        if ref.kind in ("title", "org") and ref.noun and words:
            qualified = _qualified(words, ref.noun)  # "the Anderlecht coach", "de spits van Standard"
            found = discourse.description(ref.start, ref.noun, _determiner(words[0]), qualified=qualified)
            if found is None and ref.kind == "title" and not _partisan(self.ctx.lang, ref.noun):
                found = self._title(ref.noun, ref.start, guess=not qualified)
            if found is not None and ref.kind == "title" and self._named_within(found, ref):
                return None  # "X's spokesman", "la porte-parole de la ministre X": X is not the one who speaks
            return found
        if ref.kind == "definite" and len(words) > 1 and words[1][:1].isupper():
            return discourse.description(ref.start, words[1], _determiner(words[0]))  # "la Limbourgeoise"
        return None

    def _named_within(self, entity: Entity, ref: SpeakerRef) -> bool:
        """Whether the phrase of a title names `entity` itself, as a possessor or a complement of its noun."""
        return any(m.section == "body" and ref.start <= m.start < ref.end for m in entity.mentions)

    def _named(self, ref: SpeakerRef) -> Entity | None:
        """A named speaker: a person or organisation; a country or city standing for its government; a
        demonym ("de Kempenaar") for the person it describes; never another place."""
        entity, body = ref.entity, self.ctx.body
        if _metonymy(ref, body):
            return entity  # "Moscou a dénoncé", "Madrid a fait savoir"
        if _unknown_place_speaking(self.ctx, ref):
            return _as_organisation(entity)  # "Voka West-Vlaanderen sluit niet uit dat": no place speaks
        if entity is not None and entity.type in ("LOC", "MISC") and ref.mention is not None:
            determiner = body[ref.start : ref.mention[0]].split()
            if determiner and _determiner(determiner[0]) in self.ctx.lex.definite | {"l'"}:
                noun = body[ref.mention[0] : ref.mention[1]]
                return self.discourse.description(ref.start, noun, determiner[0])
        return self.discourse.named(entity, ref.start)

    def last_named(self, pos: int, *, people_only: bool) -> Entity | None:
        """Who was named (or spoke) last before pos; None when that was an unnamed source."""
        best: tuple[int, Entity | None] | None = None
        for events in (self.named, self.spoke):
            k = bisect.bisect_left(events, pos, key=_first) - 1
            for _ in range(200):
                if k < 0:
                    break
                entity = events[k][1]
                if not people_only or (entity is not None and entity.type == "PER"):
                    if best is None or events[k][0] >= best[0]:
                        best = events[k]
                    break
                k -= 1
        return best[1] if best is not None else None

    def _title(self, noun: str, pos: int, *, guess: bool = True) -> Entity | None:
        """ "le ministre", "de bondscoach": the person with that role, else the last person named; without `guess`
        (a qualified title, "le président du PS") only when no one else was named since: else that may be whom it
        attacked."""
        if self.by_role is None:
            self.by_role = {}
            for e in self.ctx.entities:
                for role in self._roles(e) if e.type == "PER" else ():
                    self.by_role.setdefault(role, []).append(e)
        people = self.by_role.get(noun)
        if people:
            return self._nearest(people, pos)
        if noun in lx.UNNAMED_NOUNS:
            return None
        last = self.last_named(pos, people_only=True)
        if last is not None and self._roles(last) and noun not in self._roles(last):
            return None  # the last person named holds another office: someone new
        if last is not None and not guess and not self._alone(last, pos):
            return None  # "X a critiqué Y. « ... », a lancé le président du PS": X or Y, the text does not say
        only_one = last is not None and self.ctx.mentions.people_before(pos) <= {last.id}
        if last is not None and _event_role(self.ctx.lang, noun) and not only_one:
            return None  # "X won. Y came second. '...', said the winner": the last named did not win
        return last

    def _alone(self, entity: Entity, pos: int) -> bool:
        """Whether `entity` is the only person named from the sentence of its last mention before `pos` on."""
        mentions = [m.start for m in entity.mentions if m.section == "body" and m.start < pos]
        if not mentions:
            return False
        since = self.ctx.scope(None).sentence(max(mentions))[0]
        return all(
            other.id == entity.id for _s, _e, other in self.ctx.mentions.overlapping(since, pos) if other.type == "PER"
        )

    def _organisation(self, noun: str, pos: int) -> Entity | None:
        """ "l'organisation", "het museum", "the company": the organisation so named, or the last one."""
        if self.by_name_word is None:
            self.by_name_word = {}
            for e in self.ctx.entities:
                for word in set(_NAME_SPLIT_RE.split(e.name.casefold())) if e.type != "PER" else ():
                    self.by_name_word.setdefault(word, []).append(e)
        named = self.by_name_word.get(noun)
        if named:
            return self._nearest(named, pos)
        if noun in lx.COMPANY_NOUNS:
            return self.ctx.mentions.last_before(pos, ("ORG",))
        return None

    def _nearest(self, entities: list[Entity], pos: int) -> Entity:
        def key(e: Entity) -> tuple[int, int]:
            spans = self.ctx.mentions.of_entity.get(id(e), [])
            k = bisect.bisect_left(spans, (pos, -1)) - 1
            return (0, -spans[k][0]) if k >= 0 else (1, spans[0][0] if spans else len(self.ctx.body))

        return min(entities, key=key)

    def _roles(self, entity: Entity) -> frozenset[str]:
        """Titles the text gives a person: "le ministre des Finances X", "X, président de ...", Me X."""
        ctx = self.ctx
        cached = ctx.roles.get(id(entity))
        if cached is not None:
            return cached
        words = {t for w in (entity.role or "").casefold().split() if (t := person_title(ctx, w))}
        for s, e in ctx.mentions.of_entity.get(id(entity), [])[:20]:
            before = ctx.tokens(max(0, s - 100), s)[-8:]
            for t in reversed(before):
                if t.text in _BEFORE_NAME_ENDS or t.quote or cue_at(ctx, before, before.index(t)):
                    break  # "'... kandidaat', maakte X bekend": a word of the quote is no title of X
                if (title := person_title(ctx, t.low)) is not None:
                    words.add(title)
            if ctx.body[e : e + 1] == ",":
                for t in ctx.tokens(e + 1, min(len(ctx.body), e + 80))[:7]:
                    if t.text in SENTENCE_PUNCT or t.text in ",:" or t.quote:
                        break
                    if (title := person_title(ctx, t.low)) is not None:
                        words.add(title)
        ctx.roles[id(entity)] = frozenset(words)
        return ctx.roles[id(entity)]


# Where the words before a name stop telling its title: a sentence's end, a colon, a quote mark.
_BEFORE_NAME_ENDS = frozenset(SENTENCE_PUNCT) | frozenset(":'’\"«»“”„")


def _determiner(word: str) -> str:
    """The determiner a phrase opens with, elided forms with their apostrophe: "l'accusé" -> "l'"."""
    elided = _ELIDED.match(word)
    return (elided.group(1) + "'").casefold() if elided else word.casefold()


def _metonymy(ref: SpeakerRef, body: str) -> bool:
    """A country or city that is the whole subject of a reporting verb speaks for its government, a building
    for the organisation it houses."""
    entity = ref.entity
    if entity is None or entity.type != "LOC" or ref.mention is None:
        return False
    known = kb.knowledge_base().entries.get(entity.id)
    if not entity.id.startswith(("loc:iso3166:", "loc:geonames:")) and (known is None or known.kind != "building"):
        return False  # a country, a city, or a building that houses an organisation ("Brussels Airport")
    before = body[ref.start : ref.mention[0]].strip().casefold()
    return before in ("", "la", "le", "l'", "l’", "the") and body[ref.mention[1] : ref.end].strip() == ""


def _unknown_place_speaking(ctx: Context, ref: SpeakerRef) -> bool:
    """A name typed a place that neither the gazetteers nor the knowledge base know, the subject of a reporting
    verb alone or after an organisation noun: an organisation the model mistyped ("Voka West-Vlaanderen",
    "Huisartsenvereniging Domus Medica")."""
    entity, body = ref.entity, ctx.body
    if entity is None or entity.type != "LOC" or ref.mention is None or entity.id.count(":") != 1:
        return False  # gazetteer ids have two colons: "loc:geonames:2800866", "loc:iso3166:BE"
    if kb.knowledge_base().entries.get(entity.id) is not None or " " not in entity.name:
        return False
    before = body[ref.start : ref.mention[0]].split()
    noun = len(before) == 1 and (title_word(ctx, before[0].casefold()) or ("", ""))[0] == "org"
    return (not before or noun) and body[ref.mention[1] : ref.end].strip() == ""


def _as_organisation(entity: Entity) -> Entity:
    """The entity retyped an organisation, its id with it ("loc:domus-medica" -> "org:domus-medica")."""
    entity.type = "ORG"
    entity.id = "org:" + entity.id.partition(":")[2]
    return entity


def _first(pair: tuple[int, Entity | None]) -> int:
    return pair[0]


def resolve_all(ctx: Context, attributions: list[Attribution]) -> None:
    """Resolve every attribution once, in the order their speakers are named."""
    unique = list({id(a): a for a in attributions}.values())
    resolver = _Resolver(ctx)
    for att in sorted(unique, key=lambda a: a.pos):
        if att.same_sentence_as is None:
            resolver.resolve(att)
    sentences = ctx.scope(None)
    named = sorted((a for a in unique if a.resolved and a.ref is not None), key=lambda a: a.pos)
    for att in unique:
        if att.continues and not _camp_before(ctx, att):
            _continue_speaker(ctx, att, named)
        if att.same_sentence_as is None:
            continue
        start, _e = sentences.sentence(att.same_sentence_as)
        k = bisect.bisect_left(named, att.same_sentence_as, key=lambda a: a.pos) - 1
        if k >= 0 and named[k].pos >= start:
            att.speaker, att.speaker_text = named[k].speaker, named[k].speaker_text
        else:
            att.speaker = resolver.last_named(att.same_sentence_as, people_only=False)
        att.resolved = True


def _continue_speaker(ctx: Context, att: Attribution, named: list[Attribution]) -> None:
    """An impersonal cue ("'...', klinkt het") goes on with the speaker before it: the last one attributed, in
    its paragraph or the one before, when no other person or organisation is named between them (outside
    quotes)."""
    k = bisect.bisect_left(named, att.pos, key=lambda a: a.pos) - 1
    if k < 0 or ctx.paragraph_of(named[k].pos) < ctx.paragraph_of(att.pos) - 1:
        return
    before = named[k]
    for s, _e, ent in ctx.mentions.overlapping(before.ref.end, att.pos):
        party = ctx.body[s - 1 : s] == "("  # "Jan Peeters (CD&V)"
        told = any(w in _TOLD for w in ctx.body[max(0, s - 14) : s].casefold().split()[-2:])  # "à la RTBF"
        if ent.type in ("PER", "ORG") and ent is not before.speaker and ctx.inside(s) is None and not party | told:
            return  # "Bij Groen is men boos. '...', klinkt het": someone else (not the medium it was told to)
    att.speaker, att.speaker_text = before.speaker, before.speaker_text


def _camp_before(ctx: Context, att: Attribution) -> bool:
    """Whether an impersonal cue follows a sentence that opens on whose camp it reports, then the speaker is
    that camp: "Bij Groen is men ontgoocheld. '...', klinkt het" is Groen's; "Bij de vakbonden ..." names no
    one, and the quote has no speaker (not the one before)."""
    sentences = ctx.scope(None)
    start, _end = sentences.sentence(att.pos)
    if start == 0:
        return False
    previous, end = sentences.sentence(start - 1)
    opening = _CAMP.match(ctx.body, previous, end)
    if opening is None or ctx.paragraph_of(previous) < ctx.paragraph_of(att.pos) - 1:
        return False
    if not _CAMP_MOOD.search(ctx.body, opening.end(), end):
        return False  # "Bij het ongeval vielen twee doden": a place or an event, not a camp
    first = next(iter(ctx.mentions.overlapping(opening.end(), end)), None)
    if first is not None and first[0] == opening.end() and first[2].type in ("PER", "ORG"):
        att.speaker, att.speaker_text = first[2], ctx.body[first[0] : first[1]]
    return True


_CAMP = rule(
    "nlp.quotes.speakers.camp",
    r"\s*(?:Bij|In het kamp van|Aan de kant van)\s+(?:de\s+|het\s+)?",
    engine="re",
    fallback="anchored by match() at a sentence's start: its spaces, a few words",
)
# What a camp's sentence says of it: "is men ontgoocheld", "heerst tevredenheid", "reageert men boos".
_CAMP_MOOD = rule(
    "nlp.quotes.speakers.camp_mood",
    r"\b(?:men|heerst|heerste)\b",
    engine="re",
    fallback="search() in one sentence: one word at each boundary",
)
# Words before the medium or person something was said to ("aan VTM", "à la RTBF", "told the BBC"): no new source.
_TOLD = frozenset("aan à au tegen to told".split())


def _partisan(lang: str, noun: str) -> bool:
    """Whether a title names a political family ("le socialiste", "de liberaal"): the discourse model's party
    evidence decides it, never the last name read."""
    return _role_of(lang, noun) in PARTISANS


def _event_role(lang: str, noun: str) -> bool:
    """Whether a title names what happened to someone, not an office: "de winnaar", "la victime", "the witness"."""
    return _role_of(lang, noun) in EVENT_ROLES


def _role_of(lang: str, noun: str) -> str | None:
    role = ROLE_NOUNS.get(lang, {}).get(noun)
    return role[0] if role is not None else None


def _qualified(words: list[str], noun: str) -> bool:
    """Whether a name or a possessor qualifies a description ("the Anderlecht coach", "de spits van Standard", "the
    union's housing expert"): it picks out one holder of the role among several, so only the text's own link to it
    tells who, never salience."""
    return any((w[:1].isupper() and w != noun) or w.endswith(("'s", "’s")) for w in words[1:])
