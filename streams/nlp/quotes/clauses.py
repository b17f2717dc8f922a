"""Reported clauses: where one starts and ends, and the clues that tell a clause from a noun phrase.

Every scan here is bounded: by the token list of one sentence, and by `MAX_CLAUSE` characters or a
fixed number of tokens.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from streams.nlp.quotes.context import bisect_spans
from streams.nlp.quotes.cues import cue_at, skip_adverbial
from streams.nlp.quotes.text import MAX_CLAUSE, MIN_WORDS, SENTENCE_PUNCT, Tok, word_count

if TYPE_CHECKING:
    from streams.nlp.quotes.context import Context

_VERB_ENDINGS = {  # endings of finite verbs, for the languages without a full tagger
    "nl": ("t", "de", "te", "den", "ten", "en"),
}


def clause_span(ctx: Context, start: int, end: int, min_words: int = MIN_WORDS) -> tuple[int, int] | None:
    """The reported clause body[start:end], trimmed of spaces and final punctuation; None if shorter than
    `min_words`."""
    body = ctx.body
    end = min(end, start + MAX_CLAUSE)
    while start < end and body[start].isspace():
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] in ".;:!?…,"):
        end -= 1
    if word_count(body, start, end) < min_words:
        return None
    return start, end


def opens_with_quote(ctx: Context, start: int, end: int) -> bool:
    """Whether body[start:end] is mostly a quotation it opens with: a direct quote, not reported speech.

    A quotation inside the clause ("Cette fusion « reste exclue à ce stade »") is a mixed quote in
    reported speech; one that opens it ("« ... », selon lui") is the speaker's own words.
    """
    ids = ctx.by_level.get(0, [])
    quoted, first = 0, None
    for k in itertools.islice(ids, max(bisect_spans(ctx.spans, ids, start), 0), None):
        sp = ctx.spans[k]
        if sp.open >= end:
            break
        if sp.close > start:
            first = sp if first is None else first
            quoted += min(sp.close, end) - max(sp.open, start)
    if first is None or 2 * quoted <= end - start:
        return False
    return not ctx.body[start : max(start, first.open)].strip(" \t\n,;:-–—")


def starts_subject(ctx: Context, t: Tok) -> bool:
    """A word a clause's subject can start with: determiner, pronoun, name or number."""
    lex, low = ctx.lex, t.low
    if t.quote or low in lex.prepositions or low in lex.complementizers or low in lex.subordinators:
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


def verb_like(ctx: Context, toks: list[Tok], k: int) -> bool:
    """Whether toks[k] is a finite verb: by the parse when it tags every word, else by word lists and endings."""
    t = toks[k]
    if t.quote:
        return False
    tagged = ctx.finite(t)
    if tagged is not None:
        return tagged
    lex, low = ctx.lex, t.low
    if not t.text.islower():
        return False  # "May", "Associated Press": names
    if low in lex.verb_hints or low in lex.auxiliaries or low in lex.finite:
        return True
    if ctx.lang == "en":
        return low.endswith("ed") and len(low) > 4 and k > 0 and toks[k - 1].low not in lex.definite
    if ctx.lang == "fr":  # imperfect, future and conditional endings: "rouvrira", "devrait", "seront"
        return len(low) > 4 and low.endswith(("ait", "aient", "ront", "era", "ira", "dra", "vra", "rra", "ura"))
    return False


def verb_guess(ctx: Context, toks: list[Tok], k: int) -> bool:
    """`verb_like`, or in Dutch a word with a verb's ending ("zorgde", "stijgt"): for a clause's first verb."""
    if verb_like(ctx, toks, k):
        return True
    endings, t = _VERB_ENDINGS.get(ctx.lang), toks[k]
    return bool(
        endings
        and not t.quote
        and t.text.islower()
        and len(t.low) > 3
        and t.low.endswith(endings)
        and t.low not in ctx.lex.prepositions
        and t.low not in ctx.lex.adverbs
    )


def has_verb(ctx: Context, toks: list[Tok], a: int, b: int) -> bool:
    """Whether toks[a:b] holds a finite verb; in Dutch a clause-final verb form counts ("... opengaat")."""
    return any(verb_guess(ctx, toks, k) for k in range(a, b))


def subject_verb_at(ctx: Context, toks: list[Tok], k: int, stop: int, *, loose: bool = False) -> bool:
    """Whether a subject starting at toks[k] is followed by its finite verb before any comma or conjunction
    ("his government would present ...", "each day of strike action cost ..."), i.e. a clause starts there.
    `loose`: the subject may start with any word ("all 230 flights were ...", "around 2,800 men were ...")."""
    if k >= stop or not (loose or starts_subject(ctx, toks[k])):
        return False
    lex = ctx.lex
    depth = 0
    for j in range(k, min(stop, k + 16)):
        t = toks[j]
        if t.text in "()":
            depth = max(0, depth + (1 if t.text == "(" else -1))  # "core earnings (EBITDA) rose"
            continue
        if depth:
            continue
        if j > k and (t.text in SENTENCE_PUNCT or t.text in ",:;"):
            return False
        if j > k and t.low in lex.conjunctions and (j + 1 >= stop or verb_like(ctx, toks, j + 1)):
            return False  # "the unions' concerns but told ...": a second verb phrase, not a clause
        if j > k and t.low in lex.subordinators:
            return False  # "said X as he arrived"
        if j > k and verb_like(ctx, toks, j):
            return True
    return False


def coordinated_verb_at(ctx: Context, toks: list[Tok], j: int) -> bool:
    """Whether toks[j] (after "and" / "et" / "en") opens a verb phrase sharing the speaker as subject: a
    reporting verb ("et promet que"), an act that ends the report ("and declined to comment"), or an
    auxiliary with a participle ("et a refusé")."""
    lex = ctx.lex
    j = skip_adverbial(lex, toks, j)
    if j >= len(toks) or toks[j].quote:
        return False
    low = toks[j].low
    if low in lex.stop_actions:
        return True
    if low in lex.auxiliaries and j + 1 < len(toks):
        k = skip_adverbial(lex, toks, j + 1)
        if k < len(toks) and toks[k].low in lex.stop_actions:
            return True
    cue = cue_at(ctx, toks, j)
    return cue is not None and cue.kind == "verb" and cue.pronoun is None and not starts_subject(ctx, toks[j])


def clause_end(ctx: Context, toks: list[Tok], k: int, sentence_end: int, *, relative: bool = False) -> int:
    """Where a reported clause that starts after toks[k] stops (a body offset).

    At the sentence end, or before: a contrast that opens an unreported clause (", tandis que le MR ...",
    ", mais le MR a salué ..."); a verb coordinated with the reporting verb ("... et promet que",
    "... and declined to comment"); a reporting participle after a comma (", ajoutant que", ", adding that",
    ", avant d'ajouter que");
    an attribution after a comma (", a person familiar with it told X.");
    and, in a relative clause (", who told police that ..., did not testify"), its closing comma.
    """
    lex = ctx.lex
    limit = toks[k].start + MAX_CLAUSE if k < len(toks) else sentence_end
    for j in range(k + 1, len(toks)):
        t = toks[j]
        if t.start > limit:
            break
        if t.quote:
            continue
        if t.text == ",":
            if relative:
                return t.start
            if j + 1 < len(toks) and _attribution_follows(ctx, toks, j + 1):
                return t.start
            continue
        if t.low in lex.conjunctions and coordinated_verb_at(ctx, toks, j + 1):
            return toks[j - 1].start if toks[j - 1].text == "," else t.start
        if toks[j - 1].text != "," or j + 1 >= len(toks):
            continue
        low, nxt = t.low, toks[j + 1]
        if low in lex.contrast and (ctx.lang != "fr" or nxt.low in ("que", "qu'")):
            return toks[j - 1].start  # ", tandis que le MR ...", ", while ..."
        if low in lex.but and nxt.low not in lex.complementizers and starts_subject(ctx, nxt):
            return toks[j - 1].start  # ", mais le MR a salué ..." (not ", but were outvoted")
        if low in lex.gerunds and nxt.low in lex.complementizers:
            return toks[j - 1].start  # ", ajoutant que ...", ", adding that ...": the speaker reports again
        if ctx.lang == "en" and (low in lex.gerunds or low in _EN_ADJUNCT_PARTICIPLES):
            return toks[j - 1].start  # ", blaming a shortage of aircraft", ", saying ...": what the speaker did
        after = toks[j + 2].low if j + 2 < len(toks) else ""
        if (
            low in ("avant", "before")
            and (nxt.low in lex.gerunds or nxt.low in ("de", "d'"))
            and (after in lex.complementizers or (j + 3 < len(toks) and toks[j + 3].low in lex.complementizers))
        ):
            return toks[j - 1].start  # ", avant d'ajouter que ...", ", before adding that ..."
    return sentence_end


# English participles that open an adjunct about the speaker after the content: ", blaming ...", ", citing ...".
_EN_ADJUNCT_PARTICIPLES = frozenset("blaming citing pointing referring describing".split())


def _attribution_follows(ctx: Context, toks: list[Tok], j: int) -> bool:
    """Whether toks[j:] up to the sentence end is a postposed attribution: ", a-t-il ajouté", ", selon X",
    ", a person close to the tender told The Harbour Courier"."""
    lex = ctx.lex
    if j < len(toks) and toks[j].low in lex.relatives:
        return False  # ", which the minister confirmed, ...": a relative clause inside the content
    end = min(len(toks), j + 12)
    for k in range(j, end):
        t = toks[k]
        if t.quote or t.text in ",:;()" or t.low in lex.complementizers or t.low in lex.conjunctions:
            return False
        if t.text in SENTENCE_PUNCT:
            return False
        cue = cue_at(ctx, toks, k)
        if cue is None:
            continue
        if cue.kind not in ("verb", "marker", "after_marker") or (k > j and cue.kind != "verb"):
            return False
        if k > j and not starts_subject(ctx, toks[j]) and not toks[j].text.islower():
            return False
        if k > j and (toks[j].low in lex.prepositions or toks[j].low in lex.subordinators):
            return False  # ", above the sum expected by analysts": not a subject
        if cue.end < len(toks) and toks[cue.end].low in lex.object_pronouns:
            return False  # ", threatened him with ...": an object, not an inverted subject
        rest = toks[cue.end : cue.end + 10]
        stop = next((n for n, r in enumerate(rest) if r.text in SENTENCE_PUNCT), None)
        if stop is None and cue.end + 10 < len(toks):
            return False
        if any(r.quote or r.text == ":" or r.low in lex.complementizers for r in rest[:stop]):
            return False
        subject = cue.end + (toks[cue.end].low in lex.possessive if cue.end < len(toks) else 0)  # "zijn advocaat"
        return not any(verb_like(ctx, toks, n) for n in range(subject, cue.end + len(rest[:stop])))
    return False


def relative_subject(ctx: Context, toks: list[Tok], i: int) -> bool:
    """Whether the verb at toks[i] is in a relative clause opened after a comma (", qui a affirmé",
    ", who had told police", ", die aan de politie had gemeld"): its content ends at the closing comma."""
    lex = ctx.lex
    for k in range(i - 1, max(-1, i - 9), -1):
        t = toks[k]
        if t.quote or t.text in SENTENCE_PUNCT or t.text in ":;()":
            return False
        if t.text == ",":
            return False
        if t.low in lex.relatives and t.low not in lex.complementizers and k > 0 and toks[k - 1].text == ",":
            return True  # "qui", "who", "which", "die" ("que", "that", "dat" may open the reported clause)
    return False
