"""Direct and mixed quotes: quoted spans that are someone's words, classified, with their attribution."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from streams.nlp import lexicon as lx
from streams.nlp.quotes.attribution import Attribution, FoundQuote, attribution_from_cue
from streams.nlp.quotes.cues import Cue, cue_at, cue_text
from streams.nlp.quotes.phrases import SpeakerRef, title_word
from streams.nlp.quotes.subjects import subject_before
from streams.nlp.quotes.text import (
    MAX_LOOKBACK,
    MIN_SET_APART_WORDS,
    MIN_WORDS,
    SENTENCE_PUNCT,
    WINDOW,
    Tok,
    is_abbreviation,
    word_count,
)

if TYPE_CHECKING:
    from streams.nlp.quotes.context import Context, Scope
    from streams.nlp.quotes.marks import QuoteSpan


def direct_quotes(ctx: Context) -> tuple[list[FoundQuote], list[QuoteSpan]]:
    """Quoted spans that are someone's words, classified direct or mixed, with their attribution; and the quoted
    fragments inside a clause that no cue attributes (scare quotes, unless reported speech holds them)."""
    found: dict[int, FoundQuote] = {}
    split: list[FoundQuote] = []
    loose: list[QuoteSpan] = []
    for k, span in enumerate(ctx.spans):
        words = word_count(ctx.body, span.start, span.end)
        if words < MIN_SET_APART_WORDS:
            continue
        scope = ctx.scope(span.parent)
        embedded = _is_embedded(ctx, span, scope)
        if words < MIN_WORDS and embedded:
            continue  # a fragment of one or two words in a clause: a scare quote
        before, after = (_attribute_before, _attribute_after) if embedded else (_attribute_after, _attribute_before)
        att = before(ctx, span, scope) or after(ctx, span, scope)
        if words < MIN_WORDS and att is None:
            continue  # two words set apart count when a cue gives them a speaker: « Nous voterons », a-t-il dit
        if _is_title(ctx, span, embedded, att):
            continue
        if embedded and att is None:
            if span.level == 0:
                loose.append(span)
            continue  # a quoted phrase nobody is said to have said: scare quotes
        found[k] = FoundQuote(span.start, span.end, "mixed" if embedded else "direct", att)
        if not embedded:
            inner = _split_at_incise(ctx, span)  # «A, a expliqué X. B»: two quotes, one speaker
            if inner is not None:
                first_end, second, inner_att = inner
                found[k] = FoundQuote(span.start, first_end, "direct", att or inner_att)
                split.append(FoundQuote(second, span.end, "direct", inner_att))
    _share_chains(ctx, found)
    _carry_over(ctx, found)
    return [*found.values(), *split], loose


def fragments_in(ctx: Context, loose: list[QuoteSpan], reported: list[FoundQuote]) -> list[FoundQuote]:
    """Quoted fragments inside reported speech ("X a affirmé que le site «restera ouvert jusqu'en mars»"),
    attributed like the reported clause that holds them: mixed quotes."""
    spans = [(f.start, f.end, f.attribution) for f in reported if f.kind == "indirect"]
    out = []
    for span in loose:
        holder = next((att for s, e, att in spans if s <= span.open and span.close <= e + 1), None)
        if holder is not None:
            out.append(FoundQuote(span.start, span.end, "mixed", holder))
    return out


def within_reported(direct: list[FoundQuote], reported: list[FoundQuote]) -> None:
    """A quote the same cue introduces as the reported clause that holds it is that clause's: "Volgens de
    rechtbank handelde Tom V. 'in opdracht van een bende'" quotes the court, not the man the clause is about."""
    spans = [(f.start, f.end, f.attribution) for f in reported if f.kind == "indirect" and f.attribution is not None]
    for quote in direct:
        att = quote.attribution
        if att is None:
            continue
        holder = next((h for s, e, h in spans if s <= quote.start and quote.end <= e + 1), None)
        if holder is not None and holder is not att and holder.cue == att.cue and holder.pos < quote.start:
            quote.attribution = holder
            quote.kind = "mixed"


def _split_at_incise(ctx: Context, span: QuoteSpan) -> tuple[int, int, Attribution] | None:
    """A quotation its attribution interrupts inside the same marks: «J'ai voulu filmer ces gens, a expliqué
    la réalisatrice. Ceux qui travaillent la nuit ...»; returns the end of the first part, the start of the
    second and the attribution."""
    toks = ctx.tokens(span.start, span.end, span.level + 1)
    for k in range(MIN_WORDS, len(toks) - MIN_WORDS):
        if toks[k - 1].text != "," or toks[k].quote:
            continue
        cue = cue_at(ctx, toks, k)
        if cue is None or cue.kind != "verb":
            continue
        att = attribution_from_cue(ctx, toks, cue, span.level + 1, inverted=True)
        if att.ref is None or att.ref.kind == "none":
            continue
        stop = next(
            (j for j in range(cue.end, min(len(toks), cue.end + 16)) if toks[j].text in ",." or toks[j].quote), None
        )
        if stop is None or toks[stop].quote or stop + 1 >= len(toks):
            continue
        first, second = toks[k - 1].start, toks[stop + 1].start
        if word_count(ctx.body, span.start, first) < MIN_WORDS or word_count(ctx.body, second, span.end) < MIN_WORDS:
            continue
        return first, second, att
    return None


def _is_embedded(ctx: Context, span: QuoteSpan, scope: Scope) -> bool:
    """Whether the quote sits inside a clause ("a dénoncé «...»") rather than opening one."""
    body, k = ctx.body, span.open - 1
    while k >= scope.start and body[k] in " \t\u00a0\u202f":
        k -= 1
    if k < scope.start:
        return False
    return body[k].isalnum() or (body[k] in "'’" and body[k - 1 : k].isalpha() and k + 1 not in ctx.closes)


def _is_title(ctx: Context, span: QuoteSpan, embedded: bool, att: Attribution | None) -> bool:
    """Titles of works and names in quote marks: capitalised words, or a noun such as "film" before them."""
    text = ctx.body[span.start : span.end]
    if text[-1] in ".!?…" or (not embedded and att is not None):
        return False
    if not next((c for c in text if c.isalpha()), "").isupper():
        return False  # a title starts with a capital letter
    words = [w for w in text.split() if sum(c.isalpha() for c in w) >= 4]
    letters = [next((c for c in w if c.isalpha()), "") for w in words]
    if bool(words) and 2 * sum(c.isupper() for c in letters) >= len(words):
        return True  # title case
    if not embedded:
        return False
    before = ctx.tokens(max(0, span.open - 60), span.open)[-3:]
    return any(t.low in lx.WORK_NOUNS for t in before)


MAX_ATTRIBUTION_WORDS = 7  # a sentence after a question that is its attribution alone: "Finance Minister X asked."


def _attribute_after(ctx: Context, span: QuoteSpan, scope: Scope, depth: int = 0) -> Attribution | None:
    """An attribution right after the closing mark: "», a déclaré X", "', zei hij", "” he said"."""
    _s, end = scope.sentence(span.close - 1)
    body = ctx.body
    question = body[span.start : span.end].rstrip()[-1:] in ("?", "!")
    if question and not body[span.close : end].strip() and end < scope.end and "\n" not in body[span.close : end]:
        following = scope.sentence(end)[1]  # a question's own mark ends no attribution: '"Why?" Karl Huber asked.'
        if word_count(body, end, following) <= MAX_ATTRIBUTION_WORDS:
            end = following
    if end <= span.close:
        return None
    _prev, next_open = ctx.neighbours(span)
    toks = ctx.tokens(span.close, min(end, span.close + WINDOW, next_open + 1), span.level)
    i = 1 if toks and toks[0].text == "," else 0
    if i + 1 < len(toks) and toks[i].low in ctx.lex.conjunctions and toks[i + 1].quote and depth < 3:
        nxt = ctx.inside(toks[i + 1].start, span.level)  # «A» et «B», a-t-il dit: A shares B's attribution
        if nxt is not None and word_count(ctx.body, ctx.spans[nxt].start, ctx.spans[nxt].end) >= MIN_WORDS:
            return _attribute_after(ctx, ctx.spans[nxt], scope, depth + 1)
        return None
    if i >= len(toks) or toks[i].quote:
        return None
    cue = cue_at(ctx, toks, i)
    if cue is not None:
        if cue.kind == "gerund":
            return None
        return attribution_from_cue(ctx, toks, cue, span.level, inverted=True)
    apposition, skip_to = False, 0
    for k in range(i + 1, min(len(toks), i + 24)):  # subject first: "he said", "a spokesman said"
        t = toks[k]
        if k < skip_to:
            continue
        if t.text == "," and not apposition and k + 1 < len(toks) and toks[k + 1].low in ctx.lex.relatives:
            close = _relative_end(ctx, toks, k + 1)
            if close is None:
                break
            skip_to = close + 1  # "X, who chairs the meetings, told reporters": the relative clause is X's
            continue
        if k - i > 15:
            break
        if t.text == "," and (apposition or (k + 1 < len(toks) and _apposition(ctx, toks, k + 1))):
            apposition = not apposition
            continue  # "his lawyer, Anna Peeters, told reporters"
        if t.text == "." and k + 1 < len(toks) and is_abbreviation(ctx.body, t.start):
            continue  # "U.S. President X said", "Dr. X said"
        if t.quote or t.text in SENTENCE_PUNCT or t.text in ":,;()" or t.low in ctx.lex.conjunctions:
            break
        cue = cue_at(ctx, toks, k)
        if cue is not None and cue.kind == "verb":
            if all(t.low in ctx.lex.clitics for t in toks[i:k]):  # "», lui a répondu Me X": X speaks
                return attribution_from_cue(ctx, toks, cue, span.level, inverted=True)
            ref = subject_before(ctx, toks, i, k, span.level)
            return Attribution(cue_text(ctx, toks, cue), ref, ref.start)
    return None


def _relative_end(ctx: Context, toks: list[Tok], k: int) -> int | None:
    """The comma that closes a relative clause opened at toks[k] ("who chairs the meetings,"), within the sentence."""
    for j in range(k + 1, min(len(toks), k + 16)):
        if toks[j].text == ",":
            return j
        if toks[j].quote or toks[j].text in SENTENCE_PUNCT or toks[j].text in ":;":
            return None
    return None


def _apposition(ctx: Context, toks: list[Tok], k: int) -> bool:
    """Whether toks[k] opens an apposition after a comma: a name, or a title ("Anna Peeters", "l'avocate de X")."""
    t = toks[k]
    if ctx.mentions.starting_at(t.start) is not None or title_word(ctx, t.low) is not None:
        return True
    lex = ctx.lex
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    determiner = t.low in lex.definite or t.low in lex.possessive or t.low in lex.indefinite
    return determiner and nxt is not None and title_word(ctx, nxt.low) is not None


def _attribute_before(ctx: Context, span: QuoteSpan, scope: Scope) -> Attribution | None:
    """An attribution before the opening mark: "X a dénoncé «", "X : «", "Selon X, «", "Pour X, «"."""
    start, _e = scope.sentence(span.open)
    start = max(start, span.open - WINDOW)
    prev_close, _next = ctx.neighbours(span)
    after_quote = prev_close > start  # "«A», a-t-il dit, «B»": what stands between the two quotes first
    toks = ctx.tokens(max(start, prev_close), span.open, span.level)
    colon = bool(toks) and toks[-1].text == ":"
    if not toks and not after_quote and scope.level == 0:
        toks, colon = _colon_paragraph_before(ctx, span)
    if colon:
        toks = toks[:-1]
    for region in (toks, None) if not colon and after_quote else (toks,):
        region = region if region is not None else ctx.tokens(start, span.open, span.level)
        cue = _last_cue(ctx, region)
        if cue is not None and not (region is toks and after_quote and _coordinated(ctx, region[: cue.start])):
            return attribution_from_cue(ctx, region, cue, span.level, inverted=False)
    if toks and toks[0].low in ctx.lex.viewpoint and any(t.text == "," for t in toks):
        ref = subject_before(ctx, toks, 1, len(toks), span.level)
        if ref.kind in ("entity", "title", "org", "pronoun"):
            return Attribution(toks[0].text, ref, ref.start)
    if colon:
        lex = ctx.lex
        if toks and all(t.low in lex.conjunctions or t.low in lex.but or t.low in lex.adverbs for t in toks):
            return Attribution(":", None, span.open, continues=True)  # "Maar: '...'": the speaker before goes on
        ref = subject_before(ctx, toks, 0, len(toks), span.level) if toks else None
        return Attribution(":", ref, ref.start if ref else span.open)
    return None


def _last_cue(ctx: Context, toks: list[Tok]) -> Cue | None:
    for k in range(len(toks) - 1, max(-1, len(toks) - MAX_LOOKBACK), -1):
        cue = cue_at(ctx, toks, k)
        if cue is not None and cue.kind != "after_marker":
            return cue
    return None


def _coordinated(ctx: Context, toks: list[Tok]) -> bool:
    """ "«...» et dénonce «...»": a verb coordinated with the sentence's first, sharing its subject."""
    lex = ctx.lex
    words = [t for t in toks if t.text not in (",", "-")]
    return bool(words) and all(t.low in lex.conjunctions or t.low in lex.adverbs for t in words)


def _colon_paragraph_before(ctx: Context, span: QuoteSpan) -> tuple[list[Tok], bool]:
    """A quote opening a paragraph, introduced by the previous paragraph ending with a colon."""
    par = ctx.paragraph_of(span.open)
    if par == 0 or span.open != ctx.paragraph_text[par]:
        return [], False
    end = ctx.paragraph_starts[par]
    while end > 0 and ctx.body[end - 1].isspace():
        end -= 1
    if end == 0 or ctx.body[end - 1] != ":":
        return [], False
    start, _e = ctx.scope(None).sentence(end - 1)
    return ctx.tokens(max(start, end - WINDOW), end, 0), True


def _share_chains(ctx: Context, found: dict[int, FoundQuote]) -> None:
    """Paragraphs of one quotation (each re-opening the quote) share one attribution."""
    groups: dict[int, list[int]] = {}
    head: dict[int, int] = {}
    for k in sorted(found):
        prev = ctx.spans[k].chain_prev
        root = head.get(prev, prev) if prev is not None and prev in found else k
        head[k] = root
        groups.setdefault(root, []).append(k)
    for members in groups.values():
        if len(members) < 2:
            continue
        atts = [found[members[-1]].attribution, *(found[k].attribution for k in members)]
        att = next((a for a in atts if a is not None), None)
        for k in members:
            found[k].attribution = att


def _carry_over(ctx: Context, found: dict[int, FoundQuote]) -> None:
    """A quote with no attribution of its own keeps the previous quote's speaker in the same paragraph, or in the
    paragraph before when it opens its own (a quote paragraph with no cue)."""
    prev: int | None = None
    for k in sorted(found):
        span, f = ctx.spans[k], found[k]
        if f.attribution is None and prev is not None and f.kind == "direct":
            before = ctx.spans[prev]
            att = found[prev].attribution
            paragraph, previous = ctx.paragraph_of(span.open), ctx.paragraph_of(before.open)
            opens = span.open == ctx.paragraph_text[paragraph]  # a quote paragraph continues the last speaker
            next_one = opens and paragraph == previous + 1
            same_place = before.parent == span.parent and (paragraph == previous or next_one)
            if att is not None and same_place and not _other_person_between(ctx, before.close, span.open, att):
                f.attribution = att
        if found[k].attribution is not None:
            prev = k


def carry_over_reported(ctx: Context, direct: list[FoundQuote], reported: list[FoundQuote]) -> None:
    """A quote paragraph with no cue right after a paragraph of reported speech continues its speaker ("Mayor X
    said the situation was serious.\n\n'We have evacuated ...'"), as it would after a direct quote."""
    attributed = sorted((f for f in (*direct, *reported) if f.attribution is not None), key=lambda f: f.start)
    starts = [f.start for f in attributed]
    for f in direct:
        k = ctx.inside(f.start)
        if f.attribution is not None or f.kind != "direct" or k is None:
            continue
        span = ctx.spans[k]
        paragraph = ctx.paragraph_of(span.open)
        ends = ctx.paragraph_starts[paragraph + 1] if paragraph + 1 < len(ctx.paragraph_starts) else len(ctx.body)
        if span.open != ctx.paragraph_text[paragraph] or any(c.isalnum() for c in ctx.body[span.close : ends]):
            continue  # only a paragraph that is the quote alone: words after it may be a cue not understood
        j = bisect.bisect_left(starts, f.start) - 1
        if j < 0 or attributed[j].kind != "indirect" or ctx.paragraph_of(attributed[j].start) != paragraph - 1:
            continue  # a direct quote before is _carry_over's
        before = attributed[j]
        if not _other_person_between(ctx, before.end, span.open, before.attribution):
            f.attribution = before.attribution


def sentence_subject_speaks(ctx: Context, direct: list[FoundQuote]) -> None:
    """A quote with no cue that ends its paragraph right after a sentence of that paragraph whose subject is a
    person is that person's: "Coach X rejected the criticism. 'We ran more than they did.'", "Interrogée sur le
    calendrier, la ministre a refusé de s'avancer. « ... »". Not across a paragraph break: a quote paragraph
    continues a speaker who was quoted (the carry-over), not a sentence's subject."""
    scope = ctx.scope(None)
    for f in direct:
        k = ctx.inside(f.start)
        if f.attribution is not None or f.kind != "direct" or k is None or ctx.spans[k].level != 0:
            continue
        span = ctx.spans[k]
        paragraph = ctx.paragraph_of(span.open)
        ends = ctx.paragraph_starts[paragraph + 1] if paragraph + 1 < len(ctx.paragraph_starts) else len(ctx.body)
        start, _end = scope.sentence(span.open)
        if any(c.isalnum() for c in ctx.body[span.close : ends]) or ctx.body[start : span.open].strip():
            continue  # the quote is a sentence of its own, the paragraph's last
        if start <= ctx.paragraph_starts[paragraph]:
            continue  # a quote paragraph: the carry-over's
        before = scope.sentence(start - 1)
        if before[0] < ctx.paragraph_starts[paragraph] or ctx.inside(before[0]) is not None:
            continue
        ref = _sentence_subject(ctx, *before)
        if ref is not None:
            f.attribution = Attribution(None, ref, ref.start)


def _sentence_subject(ctx: Context, start: int, end: int) -> SpeakerRef | None:
    """The person a sentence has as its subject, at its start or after a fronted phrase: a name (after a title at
    most) when the sentence names no one else, or a title ("la ministre", "de burgemeester") when the text named
    one person before; none for a sentence with a quote, or a passive ("X was arrested", "X a été arrêté")."""
    toks = ctx.tokens(start, end, 0)
    if not toks or any(t.quote for t in toks) or toks[-1].text == ":":
        return None
    people = [m for m in ctx.mentions.overlapping(start, end) if m[2].type == "PER"]
    lex = ctx.lex
    for p in [0, *(i + 1 for i, t in enumerate(toks[:25]) if t.text == ",")]:
        if p >= len(toks):
            break
        found = ctx.mentions.starting_at(toks[p].start)
        q = p
        while found is None and q < p + 3 and q < len(toks) and _title_or_article(ctx, toks[q].low):
            q += 1  # "Coach X", "L'entraîneuse X"
            found = ctx.mentions.starting_at(toks[q].start) if q < len(toks) else None
        if found is not None and found[2].type == "PER" and all(m[2] is found[2] for m in people):
            after = next((i for i, t in enumerate(toks) if t.start >= found[1]), len(toks))
            ref = SpeakerRef("entity", found[0], found[1], found[2], found[:2])
        elif not people and toks[p].low in lex.definite and p + 1 < len(toks):
            head = title_word(ctx, toks[p + 1].low)
            if head is None or head[0] != "person" or len(ctx.mentions.people_before(start)) != 1:
                return None  # a title, when the text named one person before it: who else would it be
            after = p + 2
            ref = SpeakerRef("title", toks[p].start, toks[p + 1].end, noun=head[1])
        else:
            continue
        if after >= len(toks):
            return None
        verb, nxt = toks[after], toks[after + 1].low if after + 1 < len(toks) else ""
        if verb.text in ",(" or verb.low in lex.of or verb.low in lex.passive or verb.low in _BE:
            return None  # an apposition, a complement, or "X was arrested": the quote is not theirs
        return None if verb.low == "a" and nxt == "été" else ref
    return None


def _title_or_article(ctx: Context, low: str) -> bool:
    """Whether a word may stand before a name in its subject: an article or a title ("L'entraîneuse", "Coach")."""
    return low in ctx.lex.definite or title_word(ctx, low) is not None


# Forms of "to be" that open a passive or a description right after a subject: not a speaker's sentence.
_BE = frozenset("was were is are est était sont werd wordt werden".split())


def _other_person_between(ctx: Context, start: int, end: int, att: Attribution) -> bool:
    ref = att.ref
    for s, _e, ent in ctx.mentions.overlapping(start, end):
        if ent.type == "PER" and ctx.inside(s) is None and not (ref and ref.start <= s < ref.end):
            return True
    return False
