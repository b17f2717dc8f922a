"""Indirect quotes: reported speech outside quote marks ("X a affirmé que ...", "selon X, ...", "X said ...")."""

from __future__ import annotations

import bisect
import itertools
from typing import TYPE_CHECKING

from streams.nlp import lexicon as lx
from streams.nlp.quotes.attribution import Attribution, FoundQuote, attribution_from_cue, source_stop
from streams.nlp.quotes.context import bisect_spans
from streams.nlp.quotes.cues import Cue, cue_at, cue_text
from streams.nlp.quotes.phrases import analyze
from streams.nlp.quotes.subjects import inverted_subject, split_segments, subject_before
from streams.nlp.quotes.text import (
    MAX_CLAUSE,
    MAX_GAP,
    MAX_LOOKAHEAD,
    MAX_LOOKBACK,
    MIN_WORDS,
    SENTENCE_PUNCT,
    Tok,
    tok_start,
    word_count,
)

if TYPE_CHECKING:
    from streams.nlp.quotes.context import Context


def indirect_quotes(ctx: Context) -> list[FoundQuote]:
    """Reported speech outside quote marks, one sentence at a time."""
    if not ctx.lex.finite and not ctx.lex.markers:
        return []
    scope = ctx.scope(None)
    out: list[FoundQuote] = []
    bounds = [*scope.bounds, scope.end]
    for s, e in itertools.pairwise(bounds):
        if e > s:
            out.extend(_indirect_in_sentence(ctx, s, e))
    return out


def _indirect_in_sentence(ctx: Context, s: int, e: int) -> list[FoundQuote]:
    toks = ctx.tokens(s, min(e, s + 8 * MAX_CLAUSE), 0)
    out: list[FoundQuote] = []
    covered = 0
    for i in range(len(toks)):
        if i < covered or toks[i].quote:
            continue
        cue = cue_at(ctx, toks, i)
        if cue is None:
            continue
        if cue.kind == "marker":
            item = _indirect_source(ctx, toks, cue, s, e)
        elif cue.kind == "after_marker":
            item = _indirect_postposed(ctx, toks, cue, s)
        else:
            item = _indirect_complement(ctx, toks, cue, e)
            if item is None and cue.kind == "verb":
                item = _indirect_postposed(ctx, toks, cue, s)
        if item is None:
            continue
        out.append(item)
        covered = cue.end if item.end <= toks[i].start else bisect.bisect_left(toks, item.end, key=tok_start)
    return out


def _clause(ctx: Context, start: int, end: int) -> tuple[int, int] | None:
    """The reported clause body[start:end], trimmed of spaces and final punctuation; None if too short."""
    body = ctx.body
    end = min(end, start + MAX_CLAUSE)
    while start < end and body[start].isspace():
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] in ".;:!?…,"):
        end -= 1
    if word_count(body, start, end) < MIN_WORDS:
        return None
    return start, end


def _indirect_complement(ctx: Context, toks: list[Tok], cue: Cue, sentence_end: int) -> FoundQuote | None:
    """ "X a affirmé que ...", "X zei dat ...", "X said (that) ...": the clause after the verb."""
    lex = ctx.lex
    clause_start, comp = None, None
    for j in range(cue.end, min(len(toks), cue.end + MAX_GAP)):
        t = toks[j]
        if t.quote or t.text in SENTENCE_PUNCT or t.text in ":,()":
            break
        if t.low in lex.complementizers:
            clause_start, comp = t.end, j
            break
        verb = toks[cue.start].low
        if (
            j == cue.end
            and ctx.lang != "nl"
            and verb not in lex.addressee_verbs
            and (t.low in lex.definite or t.low in lex.indefinite)
        ):
            break  # an object noun phrase: "a annoncé un plan que ..." is a relative clause
    if clause_start is None and cue.kind == "verb":
        clause_start = _zero_complement(ctx, toks, cue)
    if clause_start is None:
        return None
    span = _clause(ctx, clause_start, _clause_end(ctx, toks, comp if comp is not None else cue.end, sentence_end))
    if span is None:
        return None
    text = cue_text(ctx, toks, cue)
    if cue.kind == "gerund":
        att = Attribution(text, None, toks[cue.start].start, same_sentence_as=toks[cue.start].start)
    elif cue.pronoun is not None:
        att = attribution_from_cue(ctx, toks, cue, 0, inverted=True)
    else:
        ref = subject_before(ctx, toks, max(0, cue.start - MAX_LOOKBACK), cue.start, 0)
        if ref.kind == "none" and comp is not None and comp > cue.end:  # Dutch: "Donderdag zei de minister dat"
            ref = inverted_subject(ctx, toks, cue.end, comp, 0, toks[cue.start].low)
        att = Attribution(text, ref, ref.start)
    return FoundQuote(span[0], span[1], "indirect", att)


def _clause_end(ctx: Context, toks: list[Tok], k: int, sentence_end: int) -> int:
    """Where a reported clause stops: the sentence end, or a contrast that opens an unreported clause."""
    lex = ctx.lex
    for j in range(k + 1, len(toks) - 1):
        if toks[j].start > toks[k].start + MAX_CLAUSE:
            break
        if toks[j - 1].text != "," or toks[j].quote:
            continue
        low, nxt = toks[j].low, toks[j + 1]
        if low in lex.contrast and (ctx.lang != "fr" or nxt.low in ("que", "qu'")):
            return toks[j - 1].start  # ", tandis que le MR ...", ", while ..."
        if low in lex.but and nxt.low not in lex.complementizers and _starts_subject(ctx, nxt):
            return toks[j - 1].start  # ", mais le MR a salué ..." (not ", but were outvoted")
    return sentence_end


def _starts_subject(ctx: Context, t: Tok) -> bool:
    """A word a clause's subject can start with: determiner, pronoun, name or number."""
    lex, low = ctx.lex, t.low
    if t.quote or low in lex.prepositions or low in lex.complementizers:
        return False
    return (
        low in lex.definite
        or low in lex.indefinite
        or low in lex.possessive
        or low in lex.pronouns
        or low in lex.plural_pronouns
        or low in lex.expletives
        or t.text[:1].isupper()
        or t.text[:1].isdigit()
    )


def _zero_complement(ctx: Context, toks: list[Tok], cue: Cue) -> int | None:
    """English "said the government was ready": where a clause without "that" starts, if one does."""
    lex, verb = ctx.lex, toks[cue.start].low
    if verb not in lex.zero_complement or cue.start == 0 or not toks[cue.start - 1].text[0].isalnum():
        return None  # "“...,” said X" or "..., said X": the verb is inverted, its subject follows
    k, n = cue.end, len(toks)
    if verb in lex.addressee_verbs:  # "told reporters ...": skip whom they told
        if k < n and (toks[k].low in lex.definite or toks[k].low in lex.indefinite):
            k += 1
        for _ in range(4):
            if k >= n or not toks[k].text[0].isalpha() or _starts_subject(ctx, toks[k]):
                break
            k += 1
    for _ in range(6):
        if k >= n:
            break
        low = toks[k].low
        if low in lx.WEEKDAYS or low in lex.adverbs:
            k += 1
        elif k + 1 < n and (
            (low == "on" and (toks[k + 1].low in lx.WEEKDAYS or toks[k + 1].low in lx.MONTH_WORDS))
            or (low in ("last", "this", "next") and toks[k + 1].low in lx.TIME_NOUNS)
        ):
            k += 2
        else:
            break
    if k >= n - 3:
        return None
    t = toks[k]
    if t.quote or cue_at(ctx, toks, k) is not None or t.low in lx.EN_NOT_A_CLAUSE:
        return None
    if _starts_subject(ctx, t) or (
        verb in ("say", "says", "said")
        and t.text.islower()
        and t.text.isalpha()
        and not (t.low in lex.prepositions or t.low in lex.conjunctions or t.low in lex.adverbs)
    ):
        return t.start
    return None


def _indirect_postposed(ctx: Context, toks: list[Tok], cue: Cue, s: int) -> FoundQuote | None:
    """ "..., a indiqué X.", "..., zei X.", "..., aldus X.", "..., the White House said.": the words before."""
    i = cue.start
    if i >= 2 and toks[i - 1].text == ",":
        comma, inverted = i - 1, True
    elif ctx.lang == "en" and cue.kind == "verb":
        comma = next((k for k in range(i - 1, max(0, i - 9), -1) if toks[k].text in ",;" or toks[k].quote), -1)
        if comma <= 0 or toks[comma].text != "," or comma == i - 1:
            return None
        inverted = False
    else:
        return None
    if toks[comma - 1].quote:
        return None  # "«...», a-t-il dit": the attribution of a direct quote
    rest = toks[cue.end : cue.end + MAX_LOOKAHEAD]
    if any(t.quote or t.text == ":" for t in rest):
        return None  # "..., a déclaré X : «...»": the attribution of what follows
    if ctx.lang != "nl" and not _has_finite_verb(ctx, toks, max(0, comma - MAX_LOOKBACK), comma):
        return None  # "X, président de Y, a déclaré": the comma closed an apposition, not a clause
    span = _clause(ctx, s, toks[comma].start)
    if span is None or _mostly_quoted(ctx, span[0], span[1]):
        return None
    if cue.pronoun is not None or cue.kind == "after_marker":
        att = attribution_from_cue(ctx, toks, cue, 0, inverted=True)
    elif inverted:
        ref = inverted_subject(ctx, toks, cue.end, len(toks), 0, toks[cue.start].low)
        if ref.kind == "none" and ref.start == ref.end:
            return None
        att = Attribution(cue_text(ctx, toks, cue), ref, ref.start)
    else:
        ref = subject_before(ctx, toks, comma + 1, i, 0)
        att = Attribution(cue_text(ctx, toks, cue), ref, ref.start)
    return FoundQuote(span[0], span[1], "indirect", att)


def _has_finite_verb(ctx: Context, toks: list[Tok], a: int, b: int) -> bool:
    """Whether toks[a:b] holds a clause (a finite verb outside relative clauses), not only a noun phrase."""
    lex = ctx.lex
    for kind, i, j in split_segments(ctx, toks, a, b):
        if kind == "rel":
            continue
        for k in range(i, j):
            t = toks[k]
            if ctx.verbs is not None and t.start in ctx.verbs:
                return True
            if t.low in lex.verb_hints or (t.low in lex.finite and k > i):
                return True
            if ctx.lang == "en" and t.low.endswith("ed") and k > i and toks[k - 1].low not in lex.definite:
                return True
    return False


def _mostly_quoted(ctx: Context, start: int, end: int) -> bool:
    ids = ctx.by_level.get(0, [])
    quoted = 0
    for k in itertools.islice(ids, max(bisect_spans(ctx.spans, ids, start), 0), None):
        sp = ctx.spans[k]
        if sp.open >= end:
            break
        if sp.close > start:
            quoted += min(sp.close, end) - max(sp.open, start)
    return 2 * quoted > end - start


def _indirect_source(ctx: Context, toks: list[Tok], cue: Cue, s: int, e: int) -> FoundQuote | None:
    """ "Selon X, ...", "Volgens X <verb> ...", "..., according to X.": the clause the source governs."""
    i = cue.start
    if i == 0:
        stop = _source_end(ctx, toks, cue.end)
        if stop is None or stop >= len(toks):
            return None
        clause_from = toks[stop].end if toks[stop].text == "," else toks[stop].start
        if toks[min(stop + (toks[stop].text == ","), len(toks) - 1)].quote:
            return None  # "Selon lui, «...»": a direct quote
        span = _clause(ctx, clause_from, e)
        np_end = stop
    else:
        np_end = source_stop(toks, cue.end)
        before = _clause(ctx, s, toks[i - 1].start if toks[i - 1].text == "," else toks[i].start)
        after = _clause(ctx, toks[np_end].end, e) if np_end < len(toks) - 1 else None
        span = before if before is not None and not _mostly_quoted(ctx, *before) else after
    if span is None or _mostly_quoted(ctx, *span):
        return None
    ref = analyze(ctx, toks, cue.end, np_end, 0, source=True)
    return FoundQuote(span[0], span[1], "indirect", Attribution(cue_text(ctx, toks, cue), ref, ref.start))


def _source_end(ctx: Context, toks: list[Tok], k: int) -> int | None:
    """Where the source named after "selon" / "volgens" ends: at a comma, or before the finite verb."""
    comma = next((j for j in range(k, min(len(toks), k + 14)) if toks[j].text == "," or toks[j].quote), None)
    verb = _verb_after(ctx, toks, k)
    if ctx.lang == "nl" and verb is not None and (comma is None or verb < comma):
        return verb
    return comma if comma is not None else verb


def _verb_after(ctx: Context, toks: list[Tok], k: int) -> int | None:
    """The finite verb that follows a fronted source: spaCy's tags if any, else Dutch verb-second clues."""
    lex = ctx.lex
    for j in range(k + 1, min(len(toks) - 1, k + 14)):
        t = toks[j]
        if ctx.verbs is not None:
            if t.start in ctx.verbs:
                return j
            continue
        if t.quote or not t.text[0].isalpha():
            return None
        low = t.low
        if t.text[0].isupper() or low in lex.definite or low in lex.of or low in lex.prepositions or low in lex.adverbs:
            continue
        nxt = toks[j + 1]
        if low in lx.NL_VERB_HINTS or _starts_subject(ctx, nxt):
            return j
    return None
