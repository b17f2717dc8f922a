"""Reporting cues: verbs of saying ("a déclaré", "zei", "said") and source markers ("selon", "volgens", "aldus")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from streams.nlp import lexicon as lx
from streams.nlp.quotes.text import MAX_GAP, SENTENCE_PUNCT, Tok

if TYPE_CHECKING:
    from streams.nlp.quotes.context import Context


_FR_INVERSION_RE = re.compile(r"(\w+?)-(?:t-)?(il|elle|ils|elles|on)")


class Cue(NamedTuple):
    """A reporting cue: tokens toks[start:end] of a token list."""

    start: int  # first token
    end: int  # past the last token
    kind: str  # verb | gerund | marker | after_marker
    pronoun: int | None = None  # the token holding an inverted subject pronoun (a-t-il, dit-il)


def cue_at(ctx: Context, toks: list[Tok], i: int) -> Cue | None:
    """The reporting cue that starts at token i, if any."""
    lex, t = ctx.lex, toks[i]
    if t.quote:
        return None
    low = t.low
    nxt = toks[i + 1].low if i + 1 < len(toks) else ""
    if low in lex.markers:
        if low == "according":
            return Cue(i, i + 2, "marker") if nxt == "to" else None
        return Cue(i, i + 1, "marker")
    if ctx.lang == "fr" and low == "d'" and nxt == "après":
        return Cue(i, i + 2, "marker")
    if low in lex.after_markers:
        return Cue(i, i + 1, "after_marker")
    prev = toks[i - 1].low if i > 0 else ""
    if prev in lex.definite or prev in lex.indefinite or prev in lex.possessive or prev in lex.of:
        return None  # a noun: "la note", "the reports"
    if ctx.lang == "fr" and "-" in low:
        return _fr_inversion(lex, toks, i)
    if low in lex.auxiliaries or (low in ("s'", "se") and nxt in ("est", "sont", "était", "étaient")):
        end = _participle_after(lex, toks, i + (1 if low in lex.auxiliaries else 2))
        if end is not None:
            return Cue(i, end, "verb")
    if low in lex.participles:
        if ctx.lang == "nl" and any(toks[k].low in lex.auxiliaries for k in range(max(0, i - MAX_GAP), i)):
            return Cue(i, i + 1, "verb")
        return None
    if low in lex.finite:
        if prev in lex.passive:
            return None  # "was called"
        if low in lex.separable:
            return _separable(lex, toks, i)
        return Cue(i, i + 1, "verb")
    if low in lex.gerunds:
        return Cue(i, i + 1, "gerund")
    return None


def _fr_inversion(lex: lx.QuoteLexicon, toks: list[Tok], i: int) -> Cue | None:
    """French inverted attributions: "a-t-il déclaré", "dit-elle", "avait-il ajouté"."""
    m = _FR_INVERSION_RE.fullmatch(toks[i].low)
    if m is None:
        return None
    if m.group(1) in lex.auxiliaries:
        end = _participle_after(lex, toks, i + 1)
        return Cue(i, end, "verb", i) if end is not None else None
    return Cue(i, i + 1, "verb", i) if m.group(1) in lex.finite else None


def _participle_after(lex: lx.QuoteLexicon, toks: list[Tok], k: int) -> int | None:
    """End of a reporting participle after an auxiliary, adverbs allowed between ("a également dit")."""
    for _ in range(4):
        if k >= len(toks):
            return None
        low = toks[k].low
        for words in lex.multiword.get(low, ()):
            if [t.low for t in toks[k + 1 : k + 1 + len(words)]] == list(words):
                return k + 1 + len(words)
        if low in lex.participles:
            return k + 1
        if not (low in lex.adverbs or (low.endswith("ment") and len(low) > 6) or low in ("de", "à")):
            return None
        k += 1
    return None


def _separable(lex: lx.QuoteLexicon, toks: list[Tok], i: int) -> Cue | None:
    """Dutch separable verbs: "voegde hij eraan toe", "haalde hard uit"; the particle must follow."""
    particles = lex.separable[toks[i].low]
    for k in range(i + 1, min(len(toks), i + 8)):
        if toks[k].low in particles:
            return Cue(i, k + 1, "verb")
        if toks[k].quote or toks[k].text in SENTENCE_PUNCT or toks[k].text in ",:":
            break
    return None


def cue_text(ctx: Context, toks: list[Tok], cue: Cue) -> str:
    """The cue as written in the body."""
    return ctx.body[toks[cue.start].start : toks[cue.end - 1].end]
