"""Attributions: the cue of a quote and the phrase naming its speaker, before the speaker is resolved."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from streams.nlp import lexicon as lx
from streams.nlp.quotes.cues import Cue, cue_text
from streams.nlp.quotes.phrases import SpeakerRef, analyze
from streams.nlp.quotes.subjects import inverted_subject, split_segments, subject_before
from streams.nlp.quotes.text import MAX_LOOKAHEAD, MAX_LOOKBACK, SENTENCE_PUNCT, Tok
from streams.nlp.types import Entity, QuoteKind

if TYPE_CHECKING:
    from streams.nlp.quotes.context import Context


@dataclass(slots=True)
class Attribution:
    """The cue of a quote and who it names; shared by quotes that share a speaker."""

    cue: str | None
    ref: SpeakerRef | None
    pos: int  # where the speaker phrase (or cue) stands, for salience
    same_sentence_as: int | None = None  # a gerund cue ("ajoutant que"): the sentence's own speaker
    continues: bool = False  # an impersonal cue naming no one ("klinkt het"): the speaker before, if near
    resolved: bool = False
    speaker: Entity | None = None
    speaker_text: str | None = None


@dataclass(slots=True)
class FoundQuote:
    """A quote found, before its speaker is resolved."""

    start: int
    end: int
    kind: QuoteKind
    attribution: Attribution | None


def attribution_from_cue(ctx: Context, toks: list[Tok], cue: Cue, level: int, *, inverted: bool) -> Attribution:
    """The attribution a cue gives: its pronoun, its source ("selon X"), or its subject."""
    text = cue_text(ctx, toks, cue)
    if cue.pronoun is not None:
        tok = toks[cue.pronoun]
        pron = tok.low.rsplit("-", 1)[1]
        source = _source_after(ctx, toks, cue.end, level) if pron not in ctx.lex.pronouns else None
        if source is not None:  # "a-t-on appris auprès du parquet de Liège"
            return Attribution(text, source, source.start)
        ref = SpeakerRef(
            "pronoun" if pron in ctx.lex.pronouns else "unnamed",
            tok.end - len(pron),
            tok.end,
            plural=pron not in ctx.lex.pronouns,
        )
        return Attribution(text, ref, ref.start)
    if cue.kind == "gerund":
        return Attribution(text, None, toks[cue.start].start, same_sentence_as=toks[cue.start].start)
    if cue.kind in ("marker", "after_marker"):
        ref = analyze(ctx, toks, cue.end, source_stop(toks, cue.end), level, source=True)
        return Attribution(text, ref, ref.start)
    if inverted and cue.end - cue.start > 1 and toks[cue.start].low in ctx.lex.separable:
        ref = inverted_subject(ctx, toks, cue.start + 1, cue.end - 1, level)  # "voegde hij eraan toe"
    elif inverted:
        ref = inverted_subject(ctx, toks, cue.end, len(toks), level, toks[cue.start].low)
        if ref.kind == "none" and toks[cue.start].low in lx.NL_IMPERSONAL_CUES:
            return Attribution(text, None, toks[cue.start].start, continues=True)  # "'...', klinkt het."
    else:
        end = cue.start
        while end > 0 and toks[end - 1].low in ctx.lex.clitics:  # "le maire nous a dit"
            end -= 1
        lo = max(0, end - MAX_LOOKBACK)
        ref = subject_before(ctx, toks, lo, end, level)
        verb_second = not any(kind == "np" for kind, _i, _j in split_segments(ctx, toks, lo, end))
        if verb_second and cue.end < len(toks) and toks[cue.end].low not in ctx.lex.complementizers:
            ref = inverted_subject(ctx, toks, cue.end, len(toks), level, toks[cue.start].low)  # "Donderdag zei X:"
    return Attribution(text, ref, ref.start)


def _source_after(ctx: Context, toks: list[Tok], k: int, level: int) -> SpeakerRef | None:
    """The source an impersonal cue names after it: "(a-t-on appris samedi) auprès du parquet de Tournai"."""
    lex = ctx.lex
    for _ in range(4):
        if k < len(toks) and (toks[k].low in lx.WEEKDAYS or toks[k].low in lex.adverbs or toks[k].low in lx.TIME_NOUNS):
            k += 1
    if k >= len(toks) or toks[k].low not in lex.source_prepositions:
        return None
    k += 1
    if k < len(toks) and toks[k].low in lex.of:
        k += 1  # "auprès du parquet", "auprès de la police"
    ref = analyze(ctx, toks, k, source_stop(toks, k), level, source=True)
    return ref if ref.kind != "none" else None


def source_stop(toks: list[Tok], k: int) -> int:
    """End of the source phrase after "selon" / "according to": the next comma, quote or full stop."""
    stop = min(len(toks), k + MAX_LOOKAHEAD)
    return next(
        (j for j in range(k, stop) if toks[j].quote or toks[j].text in ",:()" or toks[j].text in SENTENCE_PUNCT),
        stop,
    )
