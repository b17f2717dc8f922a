"""Speaker phrases: what a noun phrase names (an entity, a pronoun, a title, an organisation, an unnamed source)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING

from streams.nlp import lexicon as lx
from streams.nlp.discourse.words import BODY_NOUNS, DEMONSTRATIVES, LATTER, PART_NOUNS, ROLE_NOUNS
from streams.nlp.quotes.cues import cue_at
from streams.nlp.quotes.text import Tok, is_abbreviation, tok_start
from streams.nlp.types import Entity
from streams.textrules import rule

_AGE_NOUN = rule(
    "nlp.quotes.age_noun", r"\d{1,3}-(?:jarige|year-old)", engine="re", fallback="fullmatch() of at most 12 characters"
)

if TYPE_CHECKING:
    from streams.nlp.quotes.context import Context


@dataclass(slots=True)
class SpeakerRef:
    """A phrase naming a speaker, before resolution."""

    kind: str  # entity | pronoun | title | org | unnamed | possessive | none
    start: int
    end: int
    entity: Entity | None = None
    mention: tuple[int, int] | None = None
    noun: str | None = None
    plural: bool = False


# English and French role nouns, which no Dutch compound ends with as a title.
_FOREIGN_TITLES = frozenset(ROLE_NOUNS.get("en", {})) | frozenset(ROLE_NOUNS.get("fr", {}))
# No tail of a Dutch compound longer than this is a title or an organisation noun: the search stops there.
_LONGEST_TAIL = max(
    len(noun)
    for nouns in (ROLE_NOUNS.get("nl", {}), BODY_NOUNS.get("nl", {}), lx.PERSON_TITLES, lx.COMPANY_NOUNS)
    for noun in nouns
)


def _is_modifier(body: str, start: int, end: int) -> bool:
    """A name used as a modifier: "N-VA-fractieleider", "Leuven-based", "Poland's", not a speaker."""
    after = body[end : end + 2]
    if after[:1] == "-" and after[1:2].isalpha():
        return True
    return after in ("'s", "’s") or (after[:1].isalpha() and end > start)


def title_word(ctx: Context, low: str) -> tuple[str, str] | None:
    """("person" | "org", noun) when a word is a person's title or an organisation noun."""
    if low in ctx.lex.titles_abbrev:
        return "person", ctx.lex.titles_abbrev[low]
    roles, bodies = ROLE_NOUNS.get(ctx.lang, {}), BODY_NOUNS.get(ctx.lang, {})
    if low in lx.PERSON_TITLES or low in roles or _AGE_NOUN.fullmatch(low):
        return "person", low
    if low in lx.ORG_NOUNS or low in lx.COMPANY_NOUNS or low in bodies:
        return "org", low
    if "-" in low:
        return title_word(ctx, low.rsplit("-", 1)[1])
    if ctx.lang == "nl":  # compounds: "bondscoach", "museumdirecteur", "batterijproducent"
        for n in range(min(len(low) - 1, _LONGEST_TAIL), 3, -1):
            tail = low[-n:]  # a Dutch title only: "samenwerking" does not end with the English "king"
            if tail in roles or (tail in lx.PERSON_TITLES and tail not in _FOREIGN_TITLES):
                return "person", tail
            if low[-n:] in lx.COMPANY_NOUNS or low[-n:] in bodies:
                return "org", low[-n:]
    return None


def person_title(ctx: Context, low: str) -> str | None:
    """The title a word is when it is a person's ("ministre", "spokesman"), else None."""
    title = title_word(ctx, low)
    return title[1] if title is not None and title[0] == "person" else None


def adverb_after_noun(lex: lx.QuoteLexicon, toks: list[Tok], i: int) -> bool:
    """Whether toks[i] is an adverb that ends the noun phrase before it: "de 23-jarige al (jaren)", "le ministre
    lui-même"; not one right after an article ("the late president", "le nouveau ministre")."""
    before = toks[i - 1].low
    return toks[i].low in lex.adverbs and before not in lex.definite and before not in lex.indefinite


def noun_phrase_end(ctx: Context, toks: list[Tok], k: int, stop: int) -> int:
    """Token index past the noun phrase at k: a pronoun, or a name or title with its complements."""
    lex = ctx.lex
    if k >= stop:
        return k
    if toks[k].low in lex.pronouns or toks[k].low in lex.plural_pronouns:
        return k + 1
    i = k
    while i < stop and i - k < 16:
        t = toks[i]
        mention = ctx.mentions.starting_at(t.start)
        if mention is not None and not t.quote:
            while i < stop and toks[i].start < mention[1]:
                i += 1
            continue
        low = t.low
        if t.text == "," and i + 1 < stop and i > k and _apposition_at(ctx, toks, i + 1, stop):
            i += 1
            continue
        if (
            t.text == "."
            and i > k
            and i + 1 < stop
            and toks[i + 1].text[:1].isupper()
            and is_abbreviation(ctx.body, t.start)
        ):
            i += 1  # "M. Wuyts", "J. Peeters": the full stop of a title or an initial
            continue
        if t.quote or not t.text[0].isalnum():
            break
        if i > k and (
            (low in lex.prepositions and low not in lex.of)
            or (low in lex.relatives and toks[i - 1].low not in lex.of)
            or low in lex.conjunctions
            or low in lx.WEEKDAYS
            or (low in lx.TIME_NOUNS and toks[i - 1].low not in lex.definite)
            or adverb_after_noun(lex, toks, i)
            or cue_at(ctx, toks, i) is not None
        ):
            break
        i += 1
    return i


def _apposition_at(ctx: Context, toks: list[Tok], j: int, stop: int) -> bool:
    """Whether ", <this>" continues a noun phrase: ", Denis Kadima", ", président de ..."."""
    t = toks[j]
    if ctx.mentions.starting_at(t.start) is not None or title_word(ctx, t.low):
        return True
    if t.low in ctx.lex.definite or t.low in ctx.lex.indefinite:
        return any(title_word(ctx, x.low) for x in toks[j + 1 : min(stop, j + 4)])
    return False


def analyze(ctx: Context, toks: list[Tok], a: int, b: int, level: int, *, source: bool = False) -> SpeakerRef:
    """What kind of speaker the phrase toks[a:b] names: an entity, a pronoun, a title, an unnamed source."""
    lex = ctx.lex
    while a < b and (toks[a].low in lex.conjunctions or toks[a].low in lex.adverbs):
        a += 1
    verb = cue_at(ctx, toks, a) if a < b else None
    if verb is not None and verb.end < b:
        a = verb.end  # "(« ... »,) martèle la présidente du PS, qui": the subject after the verb
    while b > a + 1 and toks[b - 1].low in lex.negations:
        b -= 1  # "Ce dernier n'exclut pas": the negation is the verb's
    if a >= b:
        pos = toks[a].start if a < len(toks) else len(ctx.body)
        return SpeakerRef("none", pos, pos)
    start, end = toks[a].start, toks[b - 1].end
    first = toks[a].low
    document = source and any(t.low in lx.DOCUMENT_NOUNS for t in toks[a:b])
    cands = heading_mentions(ctx, toks, a, b, level, relaxed=document)
    person = [c for c in cands if c[2].type == "PER"]
    if first in lex.indefinite and not document and not person:
        return SpeakerRef("unnamed", start, end, plural=first not in lx.SINGULAR_INDEFINITE)
    if cands and cands[0][2].type == "ORG" and _group_of(toks, a, b, cands[0]):
        return SpeakerRef("unnamed", start, end, plural=True)  # "Personeel Vandorp staakt:": its staff
    if cands and _modifies_title(ctx, toks, a, b, cands[-1]):
        cands, person = cands[:-1], [c for c in person if c is not cands[-1]]  # "the Anderlecht coach"
    if cands and ctx.lang == "en" and (first in lex.definite or first in lex.indefinite):
        cands = [c for c in cands if not _modifies_noun(ctx, toks, a, b, c)]  # "The Antwerp branch of the party"
        person = [c for c in person if c in cands]
    if person or cands:  # the first person named, else the last name: "De Limburgse producent VoltaCell"
        s, e, ent = person[0] if person else cands[-1]
        return SpeakerRef("entity", start, end, ent, (s, e))
    if first in lex.pronouns or (b == a + 1 and first in lx.POSSESSIVE_PRONOUNS) or _demonstrative(ctx, toks, a, b):
        return SpeakerRef("pronoun", start, end)  # "zei hij", "selon lui", "volgens haar", "Celle-ci", "the latter"
    spoken_for = _organisation_inside(ctx, toks, a, b, level)
    if spoken_for is not None:  # "La direction de bpost", "a note from ING", "Son équipe SD Worx-Protime"
        return SpeakerRef("entity", start, end, spoken_for[2], spoken_for[:2])
    if first in lex.plural_pronouns:
        return SpeakerRef("unnamed", start, end, plural=True)
    owner = _possessor_end(ctx, toks, a, b)
    if owner is not None:  # "Prime Minister X's spokesman": the one the possessor has speaks, not the possessor
        head = _head_noun(ctx, toks, owner, b)
        if head is not None and head[0] == "person":
            return SpeakerRef("title", start, end, noun=head[1])
        return SpeakerRef("possessive", start, end)
    names = [
        t.text
        for k, t in enumerate(toks[a:b], a)
        if t.text[:1].isupper() and not title_word(ctx, t.low) and not _complement_of_noun(toks, k, a, lex)
    ]
    ent = ctx.mentions.by_name(names) if names and first not in lex.definite else None
    if ent is not None:  # a name the entity stage did not mark: "Me Vanquathem"
        return SpeakerRef("entity", start, end, ent)
    head = _head_noun(ctx, toks, a + (first in lex.definite or first in lex.possessive), b)
    if head is not None and head[0] == "speech":  # "réaction de l'avocat": the complement speaks
        return analyze(ctx, toks, head[2], b, level)
    if first in lex.possessive:
        if head is not None and head[0] == "person":
            return SpeakerRef("title", start, end, noun=head[1])
        return SpeakerRef("possessive", start, end)
    if head is not None and head[1] in lx.UNNAMED_NOUNS and first not in lex.definite:
        return SpeakerRef("unnamed", start, end, plural=True)
    if head is not None:
        return SpeakerRef("title" if head[0] == "person" else "org", start, end, noun=head[1])
    return SpeakerRef("definite" if first in lex.definite else "none", start, end)


def _possessor_end(ctx: Context, toks: list[Tok], a: int, b: int) -> int | None:
    """English: the token after a named possessor's "'s" that a common noun follows ("Orlov's spokesman"), if any."""
    if ctx.lang != "en":
        return None
    for k in range(b - 2, a - 1, -1):
        text = toks[k].text
        if text.endswith(("'s", "’s")) and text[:1].isupper():  # not "the prosecutor's office": a compound noun
            return k + 1 if toks[k + 1].text.islower() else None
    return None


def _complement_of_noun(toks: list[Tok], k: int, a: int, lex: lx.QuoteLexicon) -> bool:
    """Whether toks[k] follows a common noun and its "de" / "van" / "of": "la présidente du PS", not the
    particle of a name ("Els van Doesburg", "Van Doesburg")."""
    return k >= a + 2 and toks[k - 1].text.islower() and toks[k - 1].low in lex.of and toks[k - 2].text.islower()


def _modifies_title(ctx: Context, toks: list[Tok], a: int, b: int, mention: tuple) -> bool:
    """Whether the phrase ends with a lower-case title right after the name: "the Anderlecht coach"."""
    last = toks[b - 1]
    return (
        b - a >= 2
        and last.text.islower()
        and title_word(ctx, last.low) is not None
        and mention[1] <= last.start
        and not ctx.body[mention[1] : last.start].strip()
    )


def _modifies_noun(ctx: Context, toks: list[Tok], a: int, b: int, mention: tuple) -> bool:
    """Whether an English name after the phrase's article modifies the common noun right after it ("the
    Antwerp branch", "a Greenpeace activist"): the noun, not the name, heads the phrase."""
    lex = ctx.lex
    k = bisect.bisect_left(toks, mention[1], key=tok_start)
    if not a < k < b or toks[a].start >= mention[0]:
        return False
    if any(x.low in lex.prepositions or x.low in lex.of for x in toks[a:k]):
        return False  # "a note from Testbank published": the name is a complement's
    t = toks[k]
    return (
        t.text.isalpha()
        and t.text.islower()
        and t.start == mention[1] + 1
        and not t.low.endswith("ed")
        and t.low not in lex.adverbs
        and t.low not in lex.pronouns
        and t.low not in lex.prepositions
        and t.low not in lex.conjunctions
        and t.low not in lex.relatives
    )


# Nouns for the staff or members of an organisation, as a headline writes them before its name, without "of":
# "Personeel Vandorp", "Cabinepersoneel Vandorp"; "Salariés de bpost" has its "de" and needs none of this.
_GROUP_NOUNS = frozenset(
    "personeel werknemers medewerkers bonden vakbonden piloten "
    "personnel salariés travailleurs employés syndicats pilotes "
    "staff workers employees unions pilots".split()
)


def _group_noun(low: str) -> bool:
    """Whether a word names an organisation's people: "personeel", "staff"; Dutch compounds ("grondpersoneel")."""
    return low in _GROUP_NOUNS or low.endswith("personeel")


def _group_of(toks: list[Tok], a: int, b: int, mention: tuple[int, int, Entity]) -> bool:
    """Whether the phrase toks[a:b] opens with an organisation's people and its name, in either order, with no
    word between: "Personeel Vandorp", "Vandorp staff"."""
    if a + 1 < b and _group_noun(toks[a].low) and mention[0] == toks[a + 1].start:
        return True
    k = bisect.bisect_left(toks, mention[1], key=tok_start)
    return mention[0] == toks[a].start and k < b and _group_noun(toks[k].low)


def _demonstrative(ctx: Context, toks: list[Tok], a: int, b: int) -> bool:
    """ "Celui-ci", "cette dernière", "the latter", "the former", Dutch "Die" standing alone, "die laatste"."""
    first = toks[a].low
    second = toks[a + 1].low if a + 1 < b else ""
    if second in LATTER.get(ctx.lang, {}) and first in ("ce", "cette", "the", "deze", "die"):
        return b == a + 2 or ctx.lang != "en"  # "the former prime minister" is a description, "the former" is not
    if first in DEMONSTRATIVES.get(ctx.lang, ()):
        return b == a + 1 or ctx.lang != "nl"
    return False


def _organisation_inside(ctx: Context, toks: list[Tok], a: int, b: int, level: int) -> tuple | None:
    """The one organisation named in a phrase headed by a non-person noun: its management, a section, a note."""
    lex = ctx.lex
    k = a + (toks[a].low in lex.definite or toks[a].low in lex.possessive or toks[a].low in ("l'", "l’"))
    for _ in range(2):  # "De Leuvense afdeling van Unizo": past adjectives before the noun
        if k >= b:
            return None  # "Selon le" ending the text: an article and nothing after it
        low = toks[k].low
        adjective = low.endswith(("se", "sche", "ois", "oise", "ais", "aise", "ale", "ique"))
        if k + 1 < b and adjective and title_word(ctx, low) is None and low not in PART_NOUNS:
            k += 1
    if k >= b:
        return None
    if not _organisation_noun(ctx, toks[k].low) and not (b - k >= 2 and _organisation_noun(ctx, toks[b - 1].low)):
        return None  # neither "La direction de bpost" nor, the noun last, "The ACV union", "the Greens/EFA group"
    named = [c for c in heading_mentions(ctx, toks, a, b, level, relaxed=True) if c[2].type in ("ORG", "PER")]
    if len(named) == 1 and named[0][2].type == "ORG":
        return named[0]
    return None


def _organisation_noun(ctx: Context, low: str) -> bool:
    """Whether a noun names an organisation, a part of one or a document it issues."""
    title = title_word(ctx, low)
    return (title is not None and title[0] == "org") or low in PART_NOUNS or low in lx.DOCUMENT_NOUNS


def _head_noun(ctx: Context, toks: list[Tok], k: int, b: int) -> tuple[str, str, int] | None:
    """The title, organisation or speech noun heading a phrase, before its complements."""
    lex = ctx.lex
    for i in range(k, min(b, k + 5)):
        low = toks[i].low
        if low in lx.SPEECH_NOUNS:
            j = i + 1
            while j < b and toks[j].low not in lex.of:
                j += 1
            if j + 1 < b:
                return "speech", low, j + 1
        title = title_word(ctx, low)
        if title is not None:
            while ctx.lang == "en" and i + 1 < b and (following := title_word(ctx, toks[i + 1].low)) is not None:
                title, i = following, i + 1  # "the socialist union", "the party leader": the last noun heads
            return title[0], title[1], i
        mention = ctx.mentions.starting_at(toks[i].start)
        before_title = i + 1 < b and title_word(ctx, toks[i + 1].low) is not None  # "the Anderlecht coach"
        if (
            low in lex.of
            or low in lex.prepositions
            or (mention and not _is_modifier(ctx.body, *mention[:2]) and not before_title)
        ):
            return None
    return None


def heading_mentions(
    ctx: Context, toks: list[Tok], a: int, b: int, level: int, *, relaxed: bool = False
) -> list[tuple[int, int, Entity]]:
    """Entity mentions heading the phrase toks[a:b]; complements ("de la Ceni") and modifiers left out."""
    out = []
    for s, e, ent in ctx.mentions.overlapping(toks[a].start, toks[b - 1].end):
        if ctx.inside(s, level) is not None:
            continue
        k = bisect.bisect_left(toks, s, key=tok_start) - 1
        if not relaxed and (_is_modifier(ctx.body, s, e) or _in_complement(ctx, toks, k, a, ent.type != "PER")):
            continue
        out.append((s, e, ent))
    return out


def _in_complement(ctx: Context, toks: list[Tok], k: int, a: int, far: bool) -> bool:
    """Whether a name after toks[k] sits in a complement ("de la Ceni", "for the opposition X Party").

    A person's name right after a noun is its head ("le président du parti Paul Dupont"), so only the
    token before it counts; other names may sit a few lower-case words after the preposition.
    """
    lex = ctx.lex
    if not far:  # past the person's own title and its article: "a spokesman for Chancellor X", "de la ministre X",
        j = k  # "a spokesman for Economy Minister X": English titles start with capitalised words
        while (
            j > a
            and k - j < 4
            and (
                person_title(ctx, toks[j].low)
                or toks[j].low in lex.definite
                or (ctx.lang == "en" and toks[j].text[:1].isupper() and j < k and person_title(ctx, toks[j + 1].low))
            )
        ):
            j -= 1
        if j < k and (toks[j].low in lex.of or toks[j].low in lex.prepositions):
            return True
    for j in range(k, max(a - 1, k - (3 if far else 1)), -1):
        low = toks[j].low
        if low in lex.of or low in lex.prepositions:
            return True
        if not toks[j].text.islower() or toks[j].quote:
            return False
    return False
