"""The subject of a reporting verb: before it, or inverted after it ("a déclaré mardi X", "zei hij")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from streams.nlp import lexicon as lx
from streams.nlp.quotes.cues import is_derived_adverb, phrase_at
from streams.nlp.quotes.phrases import SpeakerRef, adverb_after_noun, analyze, heading_mentions, noun_phrase_end
from streams.nlp.quotes.text import Tok, is_month

if TYPE_CHECKING:
    from streams.nlp.quotes.context import Context


def inverted_subject(ctx: Context, toks: list[Tok], k: int, stop: int, level: int, verb: str = "") -> SpeakerRef:
    """The subject after a cue ("a déclaré mardi Paul Dupont", "zei hij"), adverbials skipped."""
    lex = ctx.lex
    if verb in lx.NL_IMPERSONAL_CUES and k + 1 < stop and toks[k].low == "het":
        k += 2 if toks[k + 1].low in lex.prepositions else 1
    start = k
    for _ in range(12):
        if k >= stop:
            break
        low = toks[k].low
        if toks[k].quote:
            break
        if phrase_at(lex.adverbial_phrases, toks, k) > k:
            k = phrase_at(lex.adverbial_phrases, toks, k)
        elif toks[k].text == "," and k == start:
            k = _past_incise(ctx, toks, k, stop)  # ", a promis, confiant, l'échevin X"
            if k == start:
                break
        elif _is_adverbial(lex, toks, k):
            k += 1
        elif (low in lex.definite or low in lex.possessive) and k + 1 < stop and toks[k + 1].low in lx.TIME_NOUNS:
            k += 2
        elif low in lex.prepositions and low not in lex.of:
            k = _skip_pp(ctx, toks, k + 1, stop)
        else:
            break
    if k >= stop:
        pos = toks[stop - 1].end if stop else 0
        return SpeakerRef("none", pos, pos)
    return analyze(ctx, toks, k, noun_phrase_end(ctx, toks, k, stop), level)


def _past_incise(ctx: Context, toks: list[Tok], k: int, stop: int) -> int:
    """Past an incise between the verb and its subject: ", confiant,", ", encore sous le choc,"; k if none."""
    for j in range(k + 1, min(stop, k + 7)):
        t = toks[j]
        if t.text == ",":
            return j + 1 if j > k + 1 else k
        if t.quote or not t.text.islower() or ctx.mentions.starting_at(t.start) is not None:
            return k
    return k


def _is_adverbial(lex: lx.QuoteLexicon, toks: list[Tok], k: int) -> bool:
    """Adverbs, dates and times that may stand between a verb and its inverted subject."""
    low = toks[k].low
    if low in lex.adverbs or low in lx.WEEKDAYS or is_month(toks, k) or low in lx.TIME_NOUNS:
        return True
    return low[:1].isdigit() or is_derived_adverb(lex, low)


def _skip_pp(ctx: Context, toks: list[Tok], k: int, stop: int) -> int:
    """Past the object of a preposition: determiners, one noun or name, and its "de ..." complements."""
    lex = ctx.lex
    stop = min(stop, k + 12)
    while True:
        while k < stop and (
            toks[k].low in lex.definite
            or toks[k].low in lex.possessive
            or toks[k].low in lex.indefinite
            or toks[k].low in lex.of
        ):
            k += 1
        if k >= stop:
            return k
        mention = ctx.mentions.starting_at(toks[k].start)
        if mention is not None:
            while k < stop and toks[k].start < mention[1]:
                k += 1
        elif toks[k].text[0].isalnum():
            k += 1
        if k < stop and toks[k].low in lex.of:
            continue
        return k


def subject_before(ctx: Context, toks: list[Tok], a: int, b: int, level: int) -> SpeakerRef:
    """The subject in toks[a:b] before a verb: fronted adverbials, appositions and relatives set aside."""
    antecedent = _restrictive_antecedent(ctx, toks, a, b)
    if antecedent is not None:  # "police arrested a man who had told officers that": the man
        return analyze(ctx, toks, *antecedent, level)
    segments = split_segments(ctx, toks, a, b)
    open_relative = bool(segments) and segments[-1][0] == "rel" and toks[b - 1].text != ","
    if open_relative and _relative_has_subject(ctx, toks, segments[-1]):
        _kind, i, j = segments[-1]  # "..., which unions described as": the relative clause has its own subject
        return analyze(ctx, toks, i + 1, j, level)
    if open_relative and len(segments) > 1:  # "X, qui a déclaré": X speaks
        _kind, i, j = segments[-2]
        cands = heading_mentions(ctx, toks, i, j, level) if j > i else []
        if not cands and j > i:  # "Le poste reviendra à X, qui se dit": the person right before the comma
            last = [m for m in ctx.mentions.overlapping(toks[i].start, toks[j - 1].end) if m[1] == toks[j - 1].end]
            at = next((k for k in range(i, j) if last and toks[k].start >= last[0][0]), j)
            of = at > i and toks[at - 1].low in ctx.lex.of  # "la présidente du Vandis, qui": the title's, not its
            cands = [m for m in last if m[2].type == "PER" and not of]
        if cands:
            s, e, ent = cands[-1]
            return SpeakerRef("entity", s, e, ent, (s, e))
    phrases = [(i, j) for kind, i, j in segments if kind == "np"]
    refs = [analyze(ctx, toks, *_without_adverbs(ctx, toks, i, j), level) for i, j in reversed(phrases)]
    for ref in refs:
        if ref.kind == "entity" and ref.entity is not None and ref.entity.type == "PER":
            return ref
    for n, ref in enumerate(refs):
        if ref.kind == "none":
            continue
        apposed = ref.kind != "entity" and n + 1 < len(refs) and _named(refs[n + 1])
        if apposed and _adjacent(toks, phrases[-n - 2], phrases[-n - 1]):
            return refs[n + 1]  # "Testair, principal transporteur de la région, dénonce [« ... » et exige]"
        return _on_behalf(ctx, toks, segments, ref, level)
    if refs:
        return refs[0]
    pos = toks[b - 1].end if b > a else (toks[a].start if a < len(toks) else 0)
    return SpeakerRef("none", pos, pos)


def _without_adverbs(ctx: Context, toks: list[Tok], i: int, j: int) -> tuple[int, int]:
    """A subject phrase without the adverbs that end it before its verb: "the mayor also (said)", "de minister
    nog (zei)"; not one right after an article ("the late mayor")."""
    while j - i > 1 and adverb_after_noun(ctx.lex, toks, j - 1):
        j -= 1
    return i, j


def _restrictive_antecedent(ctx: Context, toks: list[Tok], a: int, b: int) -> tuple[int, int] | None:
    """The noun phrase a relative pronoun without a comma refers to, when the pronoun is the verb's subject
    ("a man who (had) told", "une femme qui", "een man die"): from its article to the pronoun."""
    lex = ctx.lex
    rel = b - 1
    while rel > a and (toks[rel].low in lex.auxiliaries or toks[rel].low in lex.adverbs):
        rel -= 1
    if rel <= a + 1 or toks[rel].low not in lex.relatives or toks[rel - 1].low in lex.of:
        return None
    k = rel - 1
    while k >= a and rel - k <= 4:
        t = toks[k]
        if t.low in lex.definite or t.low in lex.indefinite:
            return (k, noun_phrase_end(ctx, toks, k, rel)) if k < rel - 1 else None  # not "een man aan"
        if t.quote or not t.text[0].isalnum() or t.text[0].isupper() or t.low in lex.verb_hints or ctx.finite(t):
            return None  # a name, a verb or a mark first: not a phrase this rule reads
        k -= 1
    return None


def _named(ref: SpeakerRef) -> bool:
    return ref.kind == "entity" and ref.entity is not None and ref.entity.type in ("PER", "ORG")


def _adjacent(toks: list[Tok], first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether two phrases are separated by one comma only."""
    return second[0] == first[1] + 1 and toks[first[1]].text == ","


def _relative_has_subject(ctx: Context, toks: list[Tok], segment: tuple[str, int, int]) -> bool:
    """Whether a relative clause has a subject of its own ("which unions described as") rather than its
    antecedent ("who had told", "qui a affirmé", "die aan de politie had gemeld")."""
    lex = ctx.lex
    _kind, i, j = segment
    if j - i < 2:
        return False
    nxt = toks[i + 1]
    low = nxt.low
    if nxt.quote or low in lex.auxiliaries or low in lex.verb_hints or low in lex.finite or low in lex.adverbs:
        return False
    return not (low in lex.prepositions or low in lex.clitics or low in lex.negations or is_derived_adverb(lex, low))


def _on_behalf(
    ctx: Context, toks: list[Tok], segments: list[tuple[str, int, int]], ref: SpeakerRef, level: int
) -> SpeakerRef:
    """ "Du côté de la FGTB, on réclame que ...", "Chez bpost, on ...": an impersonal subject speaks for the one
    organisation a fronted adverbial names."""
    if ref.kind != "unnamed" or ref.end - ref.start > 3:
        return ref
    lex = ctx.lex
    for _kind, i, j in segments:
        if toks[i].start >= ref.start or not (toks[i].low in lex.prepositions or toks[i].low in lex.of):
            continue  # "Du côté de la CSC,", "Chez bpost,", "Bij de bond,"
        named = [c for c in heading_mentions(ctx, toks, i, j, level, relaxed=True) if c[2].type in ("ORG", "PER")]
        if len(named) == 1:
            s, e, ent = named[0]
            return SpeakerRef("entity", s, e, ent, (s, e))
    return ref


def split_segments(ctx: Context, toks: list[Tok], a: int, b: int) -> list[tuple[str, int, int]]:
    """Split toks[a:b] at commas and dashes into (np | adv | rel | part, start, end); drop parentheses."""
    out: list[tuple[str, int, int]] = []
    i = a
    depth = 0
    start = a
    while i <= b:
        t = toks[i] if i < b else None
        if t is not None and t.text == "(":
            if depth == 0 and i > start:
                out.append(_segment_kind(ctx, toks, start, i, a))
            depth += 1
        elif t is not None and t.text == ")":
            depth = max(depth - 1, 0)
            start = i + 1
        elif depth == 0 and (t is None or t.text in (",", ";", ":", "-", "–", "—") or t.quote):
            if i > start:
                out.append(_segment_kind(ctx, toks, start, i, a))
            start = i + 1
        i += 1
    return out


def _segment_kind(ctx: Context, toks: list[Tok], i: int, j: int, a: int) -> tuple[str, int, int]:
    lex = ctx.lex
    k = i
    while k < j and (toks[k].low in lex.conjunctions or toks[k].low in lex.adverbs):
        k += 1
    if k >= j:
        return "empty", k, j
    low = toks[k].low
    if (low in lex.prepositions and low not in lex.of) or low in lx.WEEKDAYS or is_month(toks, k):
        return "adv", k, j
    if low in lx.TIME_NOUNS or low[:1].isdigit():
        return "adv", k, j
    if low in lex.relatives and i > a and low not in lex.possessive:
        return "rel", k, j
    if i > a and any(t.low in lex.relatives and t.low not in lex.complementizers for t in toks[k + 1 : min(j, k + 3)]):
        return "rel", k, j  # "several of whose MPs ...", "dont deux ..."
    participle = low in ("s'", "se") or low in lex.gerunds or (low.endswith(("ant", "ing")) and toks[k].text.islower())
    if participle and not (k + 1 < j and toks[k + 1].low in lx.TITLES and _names_a_person(ctx, toks, k, j)):
        return "part", k, j  # but "presiding judge X", "acting mayor X": a modifier of the title
    if _past_participle_phrase(lex, toks, k, j) and not _names_a_person(ctx, toks, k, j):
        return "part", k, j  # "détenu par le fonds X", "based in Y": the names there are not subjects
    return "np", k, j


def _names_a_person(ctx: Context, toks: list[Tok], k: int, j: int) -> bool:
    """Whether a person is named in toks[k:j]: "La défense, assurée par Me X, a dénoncé": the lawyer speaks."""
    return any(entity.type == "PER" for *_, entity in ctx.mentions.overlapping(toks[k].start, toks[j - 1].end))


def _past_participle_phrase(lex: lx.QuoteLexicon, toks: list[Tok], k: int, j: int) -> bool:
    """A lower-case past participle, not a title, followed by a preposition ("racheté en 2015", "based in"), or
    an irregular one by its agent ("détenu par", "repris par")."""
    word = toks[k]
    if not word.text.islower() or word.low in lx.TITLES or k + 1 >= j:
        return False
    after = toks[k + 1].low
    if word.low.endswith(("é", "ée", "és", "ées", "ed")):
        return after in lex.prepositions
    return word.low.endswith(("u", "ue", "us", "ues", "is", "ise", "it", "ite")) and after in ("par", "by", "door")
