"""Indirect quotes: reported speech outside quote marks, one sentence at a time.

The constructions, by where the reported content stands:
- after the verb: a clause ("a affirmé que ...", "zei dat ...", "said (that) ...", "told reporters the ..."),
  an infinitive clause ("a reconnu avoir menti", "claimed to have paid", "ontkent het te hebben gedaan");
- before it: a postposed attribution ("..., a indiqué X", "..., zei X", "..., the ministry said");
- around a source marker ("selon X, ...", "Volgens X is ...", "..., according to X"), a speaker's own account
  ("Naar eigen zeggen ...") or in the sentence before ("Dat zegt X.", "C'est ce qu'a précisé X.",
  "X l'a confirmé.", "X confirmed this."): `streams.nlp.quotes.sources`.
A reported clause ends at its sentence end, or earlier (see `clauses.clause_end`); a verb inside it that
reports again ("a rappelé que l'accusé avait raconté qu'...") gives a quote of its own.
"""

from __future__ import annotations

import bisect
import itertools
from typing import TYPE_CHECKING

from streams.nlp import lexicon as lx
from streams.nlp.quotes.attribution import Attribution, FoundQuote, attribution_from_cue
from streams.nlp.quotes.clauses import (
    clause_end,
    clause_span,
    has_verb,
    opens_with_quote,
    relative_subject,
    verb_guess,
    verb_like,
)
from streams.nlp.quotes.complements import complementizer, infinitive_start, zero_start
from streams.nlp.quotes.cues import Cue, cue_at, cue_text
from streams.nlp.quotes.phrases import SpeakerRef, analyze, title_word
from streams.nlp.quotes.sources import own_account_quote, points_back, source_quote
from streams.nlp.quotes.subjects import inverted_subject, split_segments, subject_before
from streams.nlp.quotes.text import (
    MAX_CLAUSE,
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
    previous: tuple[int, int] | None = None
    for s, e in itertools.pairwise(bounds):
        if e > s:
            out.extend(_indirect_in_sentence(ctx, s, e, previous))
            previous = (s, e)
    return out


def _indirect_in_sentence(ctx: Context, s: int, e: int, previous: tuple[int, int] | None) -> list[FoundQuote]:
    toks = ctx.tokens(s, min(e, s + 8 * MAX_CLAUSE), 0)
    out: list[FoundQuote] = []
    covered = 0  # cues before this token stand inside the last quote's clause: only a new "que"/"that" counts
    inner_from = 0  # where that clause starts: a nested reporting verb's subject is after it
    last: tuple[FoundQuote, int] | None = None  # the last quote and the token its clause ends at
    skip_to = 0
    for i in range(len(toks)):
        if toks[i].quote or i < skip_to:
            continue
        if i < covered and i < inner_from:
            continue  # between the last quote's cue and its clause: "heeft vrijdag aangekondigd dat"
        nested = i < covered
        if not nested and (i == 0 or toks[i - 1].text == ","):
            own = own_account_quote(ctx, toks, i, e)
            if own is not None:
                out.append(own[0])
                skip_to = own[1]
                continue
        cue = cue_at(ctx, toks, i)
        if cue is None:
            continue
        if nested:
            item = _complement(ctx, toks, cue, e, lower=inner_from, nested=True) if cue.kind != "marker" else None
        elif cue.kind == "marker":
            item = source_quote(ctx, toks, cue, s, e)
        elif cue.kind == "after_marker":
            item = _postposed(ctx, toks, cue, s)
        else:
            item = _complement(ctx, toks, cue, e, last=last, earlier=bool(out))
            if item is None and cue.kind == "verb":
                item = _postposed(ctx, toks, cue, s) or points_back(ctx, toks, cue, s, previous)
        if item is None:
            continue
        out.append(item)
        end = bisect.bisect_left(toks, item.end, key=tok_start)
        if not nested and item.start >= toks[i].start:
            covered, inner_from = end, bisect.bisect_left(toks, item.start, key=tok_start)
        last = (item, end)
    return out


def _head(ctx: Context, toks: list[Tok], cue: Cue) -> str:
    """The reporting verb of a cue: the participle of "a déclaré", the finite verb of "voegde ... toe"."""
    if cue.end - cue.start > 1 and toks[cue.start].low in ctx.lex.separable:
        return toks[cue.start].low
    return toks[cue.end - 1].low


def _complement(
    ctx: Context,
    toks: list[Tok],
    cue: Cue,
    sentence_end: int,
    *,
    lower: int = 0,
    nested: bool = False,
    last: tuple[FoundQuote, int] | None = None,
    earlier: bool = False,
) -> FoundQuote | None:
    """The reported clause after a verb: "que ...", "dat ...", "that ...", an infinitive clause, or (English) a
    clause without "that". `nested`: inside another reported clause, where only "que"/"dat"/"that" counts."""
    head = _head(ctx, toks, cue)
    comp = complementizer(ctx, toks, cue, head)
    if comp is not None:
        first, start = comp + 1, toks[comp].end
    elif nested:
        return None
    else:
        first = infinitive_start(ctx, toks, cue, head)
        if first is None and cue.kind in ("verb", "gerund"):
            first = zero_start(ctx, toks, cue, head)
        if first is None:
            return None
        start = toks[first].start
    if first >= len(toks):
        return None
    relative = relative_subject(ctx, toks, cue.start)
    end = clause_end(ctx, toks, first - 1, sentence_end, relative=relative)
    end_tok = bisect.bisect_left(toks, end, key=tok_start)
    if comp is not None and _maybe_object(ctx, toks, comp) and not _clause_like(ctx, toks, first, end_tok):
        return None  # "herhaalde dat 's avonds op Canvas", "said that again": the object, no clause follows
    short = comp is not None and _subject_and_verb(ctx, toks, first, end_tok)
    span = clause_span(ctx, start, end, 2 if short else MIN_WORDS)
    if span is None:
        return None
    return FoundQuote(span[0], span[1], "indirect", _attribution(ctx, toks, cue, comp, lower, last, earlier))


def _subject_and_verb(ctx: Context, toks: list[Tok], a: int, b: int) -> bool:
    """Whether toks[a:b] is two words, a subject and its finite verb: a whole clause after "que", "dat",
    "that" ("said that prices rose", "affirme que Paul ment"), however short."""
    while b > a and not toks[b - 1].text[0].isalnum():
        b -= 1  # the full stop
    if b - a != 2 or toks[a].quote or not toks[a].text[0].isalnum():
        return False
    lex, low = ctx.lex, toks[a].low
    if low in lex.prepositions or low in lex.adverbs or low in lex.conjunctions or low in lex.complementizers:
        return False
    return verb_guess(ctx, toks, a + 1)


def _maybe_object(ctx: Context, toks: list[Tok], comp: int) -> bool:
    """Whether the "dat" / "that" at toks[comp] may be a pronoun, the verb's object: Dutch "dat" always;
    English "that" before an adverbial ("said that again", "said that on Monday")."""
    if ctx.lang == "nl":
        return True
    if ctx.lang != "en" or toks[comp].low != "that" or comp + 1 >= len(toks):
        return False
    low, lex = toks[comp + 1].low, ctx.lex
    return low in lex.adverbs or low in lex.prepositions or low in lx.TIME_NOUNS or low in lx.WEEKDAYS


def _clause_like(ctx: Context, toks: list[Tok], a: int, b: int) -> bool:
    """Whether toks[a:b] reads as a clause: a finite verb, or quoted words that may hold it (not a title)."""
    body = ctx.body
    return has_verb(ctx, toks, a, b) or any(
        t.quote and word_count(body, t.start, t.end) >= MIN_WORDS for t in toks[a:b]
    )


def _attribution(
    ctx: Context,
    toks: list[Tok],
    cue: Cue,
    comp: int | None,
    lower: int,
    last: tuple[FoundQuote, int] | None,
    earlier: bool,
) -> Attribution:
    """Who a reporting verb's clause is attributed to: its subject, or the subject it shares."""
    text = cue_text(ctx, toks, cue)
    if cue.kind == "gerund":
        return _gerund_attribution(ctx, toks, cue, text, earlier)
    if cue.pronoun is not None:
        return attribution_from_cue(ctx, toks, cue, 0, inverted=True)
    if last is not None and last[0].attribution is not None and _coordinated(ctx, toks, last[1], cue.start):
        shared = last[0].attribution.ref  # "reconnaît que ... et promet que ...": the same subject
        if shared is not None:
            return Attribution(text, shared, shared.start)
    lo = max(lower, cue.start - MAX_LOOKBACK)
    ref = subject_before(ctx, toks, lo, _first_verb(ctx, toks, lo, cue.start), 0)
    if last is not None and lo < last[1] < cue.start:  # "X said ..., while Y said ...": a subject of its own
        k = last[1]
        lex = ctx.lex
        while k < cue.start and (
            toks[k].text == "," or toks[k].low in lex.contrast or toks[k].low in lex.subordinators
        ):
            k += 1  # ", while", ", tandis que", ", terwijl"
        own = subject_before(ctx, toks, k, _first_verb(ctx, toks, k, cue.start), 0) if k < cue.start else None
        if own is not None and own.kind != "none":
            ref = own
    fronted = ctx.lang == "nl" and _fronted_phrase(ctx, toks, lo, cue.start)  # "Tegen de VRT zei Peeters dat"
    if (ref.kind == "none" or fronted) and comp is not None and comp > cue.end:  # "Donderdag zei de minister dat"
        inverted = inverted_subject(ctx, toks, cue.end, comp, 0, toks[cue.start].low)
        if inverted.kind != "none":
            ref = inverted
    return Attribution(text, ref, ref.start)


def _fronted_phrase(ctx: Context, toks: list[Tok], lo: int, i: int) -> bool:
    """Whether a Dutch clause opens with a prepositional phrase before its verb at toks[i] ("Tegen de VRT zei
    Peeters dat"): the verb comes second, its subject after it."""
    return lo < i and toks[lo].low in ctx.lex.prepositions and all(t.text != "," for t in toks[lo:i])


def _coordinated(ctx: Context, toks: list[Tok], k: int, i: int) -> bool:
    """Whether only a conjunction (with commas and adverbs) stands between toks[k] and the verb at toks[i]."""
    words = [t for t in toks[k:i] if t.text != ","]
    lex = ctx.lex
    return bool(words) and words[0].low in lex.conjunctions and all(t.low in lex.adverbs for t in words[1:])


def _first_verb(ctx: Context, toks: list[Tok], lo: int, i: int) -> int:
    """Where the subject of a verb after a conjunction ends: before the clause's first verb ("La trentenaire
    nie tout et affirme ...", "She called for ... and said ..."); i otherwise."""
    lex = ctx.lex
    k = i - 1
    while k > lo and (toks[k].low in lex.adverbs or toks[k].text == ","):
        k -= 1
    if k <= lo or toks[k].low not in lex.conjunctions:
        return i
    for j in range(k - 1, lo, -1):
        t = toks[j]
        if t.quote or t.text in SENTENCE_PUNCT or t.text in ";:":
            break
        if t.low in lex.complementizers:
            return i  # "... a dit que X et Y ...": the conjunction is inside a clause
    for j in range(lo + 1, k):
        if verb_like(ctx, toks, j) and toks[j - 1].text != ",":
            return j
    return i


def _gerund_attribution(ctx: Context, toks: list[Tok], cue: Cue, text: str, earlier: bool) -> Attribution:
    """ "..., ajoutant que", "en affirmant que", "by saying": the speaker of an earlier quote in the sentence, or
    else the sentence's subject ("Le syndicat a défendu sa position en affirmant que ...")."""
    pos = toks[cue.start].start
    quoted = _quoted_as(ctx, toks, cue) or _absolute_subject(ctx, toks, cue)
    if quoted is not None:
        return Attribution(text, quoted, quoted.start)
    ids = ctx.by_level.get(0, [])
    sentence_start = toks[0].start if toks else pos
    quoted_before = any(sentence_start <= ctx.spans[k].open < pos for k in ids)
    if not earlier and not quoted_before:
        v = next((j for j in range(1, cue.start) if verb_guess(ctx, toks, j)), None)
        if v is not None:
            ref = subject_before(ctx, toks, 0, v, 0)
            if ref.kind not in ("none", "definite"):
                return Attribution(text, ref, ref.start)
    return Attribution(text, None, pos, same_sentence_as=pos)


_QUOTING_VERBS = frozenset("quoted cited quotes cites quoting citing".split())


def _quoted_as(ctx: Context, toks: list[Tok], cue: Cue) -> SpeakerRef | None:
    """English "RIA quoted Foreign Minister X as saying that ...": the one quoted speaks, not the medium."""
    i = cue.start
    if ctx.lang != "en" or i < 3 or toks[i - 1].low != "as":
        return None
    verb = next((k for k in range(i - 2, max(0, i - 12), -1) if toks[k].low in _QUOTING_VERBS), None)
    if verb is None or any(t.quote or t.text in SENTENCE_PUNCT for t in toks[verb + 1 : i - 1]):
        return None
    if toks[verb - 1].low in ctx.lex.passive or toks[verb + 1].low == "by":
        return None  # "X was quoted by RIA as saying": the subject, as for any gerund
    ref = analyze(ctx, toks, verb + 1, i - 1, 0)
    return ref if ref.kind != "none" else None


def _absolute_subject(ctx: Context, toks: list[Tok], cue: Cue) -> SpeakerRef | None:
    """English "..., with President X warning that ...": the gerund's own subject, after "with", speaks, not the
    sentence's."""
    i = cue.start
    if ctx.lang != "en":
        return None
    w = next((k for k in range(i - 1, max(-1, i - 9), -1) if toks[k].low == "with"), None)
    if w is None or w + 1 >= i or any(t.quote or t.text in ",;:" or t.text in SENTENCE_PUNCT for t in toks[w + 1 : i]):
        return None
    ref = analyze(ctx, toks, w + 1, i, 0)
    return ref if ref.kind in ("entity", "title", "org", "unnamed") else None


def _postposed(ctx: Context, toks: list[Tok], cue: Cue, s: int) -> FoundQuote | None:
    """ "..., a indiqué X.", "..., zei X.", "..., aldus X.", "..., the White House said.", "..., zo meldt X.",
    "..., laat X weten.", "..., zo heeft het stadsbestuur bekendgemaakt": the words before the comma."""
    lex = ctx.lex
    i = cue.start
    zo = None
    if i >= 2 and toks[i - 1].text == ",":
        comma, inverted = i - 1, True
    elif ctx.lang == "nl" and cue.kind == "verb" and i >= 3 and toks[i - 1].low == "zo" and toks[i - 2].text == ",":
        comma, inverted = i - 2, True  # ", zo meldt de woordvoerder": the finite verb right after "zo"
    elif ctx.lang == "nl" and cue.kind == "verb" and (zo := _dutch_zo(ctx, toks, i)) is not None:
        comma, inverted = zo - 2, True  # ", zo heeft de provincie vrijdag meegedeeld"
    elif ctx.lang == "en" and cue.kind == "verb":
        comma = next((k for k in range(i - 1, max(0, i - 9), -1) if toks[k].text in ",;" or toks[k].quote), -1)
        if comma <= 0 or toks[comma].text != "," or comma == i - 1:
            return None
        if not _may_start_subject(ctx, toks, comma + 1):
            return None  # ", as drugmakers warned of ...", ", above the sum expected by ...", ", which said"
        inverted = False
    else:
        return None
    if comma < 1:
        return None
    rest_end = next(
        (k for k in range(cue.end, len(toks)) if toks[k].text == "," or toks[k].text in SENTENCE_PUNCT), None
    )
    rest = toks[cue.end : min(rest_end if rest_end is not None else len(toks), cue.end + MAX_LOOKAHEAD)]
    if any(t.quote or t.text == ":" or t.low in lex.complementizers for t in rest):
        return None  # "..., a déclaré X : «...»": the attribution of what follows
    segments = split_segments(ctx, toks, 0, comma)
    if segments and segments[-1][0] == "rel":
        return None  # "De verdachte, die ... wordt geïdentificeerd, ontkent": the comma closed a relative clause
    if ctx.lang != "nl" and not _has_finite_verb(ctx, toks, max(0, comma - MAX_LOOKBACK), comma):
        return None  # "X, président de Y, a déclaré": the comma closed an apposition, not a clause
    if ctx.lang == "nl" and _apposition_before(ctx, toks, comma):
        return None  # "X, woordvoerder van het parket, bevestigde": Dutch verbs are too often untagged to ask for one
    span = clause_span(ctx, s, toks[comma].start)
    if span is None or opens_with_quote(ctx, span[0], span[1]):
        return None  # "«...», a-t-il dit": the attribution of a direct quote
    if cue.pronoun is not None or cue.kind == "after_marker":
        att = attribution_from_cue(ctx, toks, cue, 0, inverted=True)
    elif zo is not None:
        ref = inverted_subject(ctx, toks, zo + 1, cue.start, 0)
        att = Attribution(cue_text(ctx, toks, cue), ref, ref.start)
    elif inverted:
        if cue.end < len(toks) and toks[cue.end].low in lex.object_pronouns:
            return None  # ", threatened him with ...": an object, not an inverted subject
        if cue.end - cue.start > 1 and toks[cue.start].low in lex.separable:
            ref = inverted_subject(ctx, toks, cue.start + 1, cue.end - 1, 0)  # ", laat de woordvoerder weten"
        else:
            ref = inverted_subject(ctx, toks, cue.end, len(toks), 0, toks[cue.start].low)
        if ref.kind == "none" and ref.start == ref.end:
            return None
        att = Attribution(cue_text(ctx, toks, cue), ref, ref.start)
    else:
        ref = subject_before(ctx, toks, comma + 1, i, 0)
        att = Attribution(cue_text(ctx, toks, cue), ref, ref.start)
    return FoundQuote(span[0], span[1], "indirect", att)


def _apposition_before(ctx: Context, toks: list[Tok], comma: int) -> bool:
    """Whether the words before `comma` are a name and an apposition about it, with no verb: "Jan Peeters,
    woordvoerder van het parket(, bevestigde)", "De CEO, Anna Maes(, kondigde)"."""
    lex = ctx.lex
    first = next((k for k in range(comma - 1, -1, -1) if toks[k].text == ","), None)
    if first is None or first == 0 or any(t.text in SENTENCE_PUNCT for t in toks[first:comma]):
        return False
    if any(ctx.mentions.starting_at(t.start) is not None for t in toks[:first]):
        j = first + 1
        determiners = lex.definite | lex.indefinite | lex.possessive
        if j < comma and toks[j].low in determiners:
            j += 1
        if j < comma and title_word(ctx, toks[j].low) is not None:
            return not any(verb_like(ctx, toks, k) for k in range(first + 1, comma))
    found = ctx.mentions.starting_at(toks[first + 1].start) if first + 1 < comma else None
    if found is None or found[1] != toks[comma - 1].end:
        return False
    return not any(verb_like(ctx, toks, k) for k in range(first))  # "De CEO, Anna Maes,": the name closes it


def _may_start_subject(ctx: Context, toks: list[Tok], k: int) -> bool:
    """Whether toks[k] may open a subject noun phrase ("diplomats", "mayor X", "the ministry"): not a
    preposition, subordinator, conjunction, relative pronoun, adverb or verb."""
    lex, t = ctx.lex, toks[k]
    low = t.low
    if t.quote or not t.text[0].isalnum() or verb_like(ctx, toks, k):
        return False
    return not (
        low in lex.prepositions
        or low in lex.subordinators
        or low in lex.conjunctions
        or low in lex.relatives
        or low in lex.adverbs
        or low in lex.complementizers
    )


def _dutch_zo(ctx: Context, toks: list[Tok], i: int) -> int | None:
    """Dutch ", zo heeft X ... bekendgemaakt": the auxiliary after "zo", for a final participle."""
    for k in range(i - 1, max(1, i - 10), -1):
        t = toks[k]
        if t.quote or t.text in SENTENCE_PUNCT or t.text == ",":
            return None
        if t.low in ctx.lex.auxiliaries and toks[k - 1].low == "zo" and k >= 2 and toks[k - 2].text == ",":
            return k
    return None


def _has_finite_verb(ctx: Context, toks: list[Tok], a: int, b: int) -> bool:
    """Whether toks[a:b] holds a clause (a finite verb outside relative clauses), not only a noun phrase."""
    lex = ctx.lex
    for k in range(a + 1, b):  # a quotation inside the clause may hold its verb: "Ce scénario « n'est pas ... »"
        if toks[k].quote and toks[k - 1].text[0].isalnum():
            inner = ctx.tokens(toks[k].start + 1, toks[k].end - 1)
            if any(verb_like(ctx, inner, j) for j in range(len(inner))):
                return True
    for kind, i, j in split_segments(ctx, toks, a, b):
        if kind == "rel":
            continue
        for k in range(i, j):  # a reporting verb opening a segment is not its clause's
            if (k > i or toks[k].low not in lex.finite) and verb_like(ctx, toks, k):
                return True
    return False
