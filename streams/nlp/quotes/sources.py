"""Reported speech around a source rather than after a verb: source markers ("selon X", "volgens X",
"according to X"), a speaker's own account ("naar eigen zeggen", "de son propre aveu"), and attributions
that point back to the sentence before ("Dat zegt X.", "C'est ce qu'a précisé X.", "X l'a confirmé.",
"X confirmed this.")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from streams.nlp import lexicon as lx
from streams.nlp.quotes.attribution import Attribution, FoundQuote, source_stop
from streams.nlp.quotes.clauses import clause_end, clause_span, opens_with_quote, starts_subject, verb_like
from streams.nlp.quotes.cues import Cue, cue_text, phrase_at
from streams.nlp.quotes.phrases import analyze, noun_phrase_end, person_title, title_word
from streams.nlp.quotes.subjects import inverted_subject, subject_before
from streams.nlp.quotes.text import MIN_WORDS, SENTENCE_PUNCT, Tok, word_count

if TYPE_CHECKING:
    from streams.nlp.quotes.context import Context


def source_quote(ctx: Context, toks: list[Tok], cue: Cue, s: int, e: int) -> FoundQuote | None:
    """ "Selon X, ...", "Volgens X <verb> ...", "..., according to X.", "The ban will, according to X, also ...",
    "La facture devrait selon lui baisser en juin": the clause the source governs."""
    lex, i = ctx.lex, cue.start
    if i == 0:
        stop = _source_end(ctx, toks, cue.end)
        if stop is None or stop >= len(toks):
            return None
        np_end = stop
        if toks[stop].text == "," and (_aside(ctx, toks, stop + 1) or _named_apposition(ctx, toks, cue.end, stop + 1)):
            stop = _next_comma(toks, stop + 1)  # "Selon La Gazette du Hainaut, qui a pu lire le rapport, les ..."
            if stop is None:
                return None
        clause_from = toks[stop].end if toks[stop].text == "," else toks[stop].start
        if toks[min(stop + (toks[stop].text == ","), len(toks) - 1)].quote:
            return None  # "Selon lui, «...»": a direct quote
        span = clause_span(ctx, clause_from, e)
    elif toks[i - 1].text == ",":
        np_end = source_stop(toks, cue.end)
        inserted = np_end < len(toks) - 1 and toks[np_end].text == "," and toks[np_end + 1].text[0].isalnum()
        if not inserted:  # "..., selon le parquet.": the words before
            span = clause_span(ctx, toks[_clause_start(ctx, toks, i - 1)].start, toks[i - 1].start)
        elif i >= 2 and toks[i - 2].low in lex.relatives:  # "lequel, selon eux, cherche à ...": the relative
            span = clause_span(ctx, toks[np_end].end, clause_end(ctx, toks, np_end, e))
        else:  # "The new timetable, according to a rail union delegate, starts ...": the whole clause
            span = clause_span(ctx, toks[_clause_start(ctx, toks, i - 1)].start, clause_end(ctx, toks, np_end, e))
    else:  # "La facture devrait selon lui baisser en juin": the clause around the source
        np_end = _source_np_end(ctx, toks, cue.end)
        span = clause_span(ctx, toks[_clause_start(ctx, toks, i)].start, clause_end(ctx, toks, np_end - 1, e))
    if span is None or opens_with_quote(ctx, *span):
        return None
    ref = analyze(ctx, toks, cue.end, np_end, 0, source=True)
    if i > 0 and toks[i - 1].text != "," and ref.kind in ("none", "definite"):
        return None  # "rijden volgens de normale dienstregeling": a plan, not a source
    return FoundQuote(span[0], span[1], "indirect", Attribution(cue_text(ctx, toks, cue), ref, ref.start))


def _aside(ctx: Context, toks: list[Tok], k: int) -> bool:
    """Whether toks[k] opens a relative clause or an apposition about the source ("qui a pu lire le
    rapport", "woordvoerder van de Nationale Bank"), which a second comma closes."""
    if k >= len(toks):
        return False  # "Selon X," and nothing after
    t = toks[k]
    if t.low in ctx.lex.relatives:
        return True
    title = title_word(ctx, t.low)
    if title is None and k + 1 < len(toks) and (t.low in ctx.lex.definite or t.low in ctx.lex.possessive):
        title = title_word(ctx, toks[k + 1].low)
    if title is None or title[0] != "person" or not t.text.islower():
        return False
    end = _next_comma(toks, k)  # an apposition has no verb: "le bourgmestre de Lyon," ("le ministre a dit" has)
    return end is not None and not any(verb_like(ctx, toks, j) for j in range(k, end))


def _named_apposition(ctx: Context, toks: list[Tok], np_start: int, k: int) -> bool:
    """Whether toks[k] opens the name of the person a description just gave, between commas: "D'après le
    porte-parole de la police, Olivier Slosse, ...", "Volgens de woordvoerder, Jan Peeters, ..."."""
    if k >= len(toks) or not toks[np_start].text.islower():
        return False
    if not any(person_title(ctx, t.low) for t in toks[np_start : k - 1]):
        return False  # "Selon la police, Olivier Slosse, le suspect, a été arrêté": a body has no name after it
    found = ctx.mentions.starting_at(toks[k].start)
    if found is None or found[2].type != "PER":
        return False
    end = _next_comma(toks, k)
    return end is not None and toks[end].start == found[1]


def _next_comma(toks: list[Tok], k: int) -> int | None:
    for j in range(k, min(len(toks), k + 40)):
        if toks[j].text == ",":
            return j
        if toks[j].text in SENTENCE_PUNCT:
            return None
    return None


def _clause_start(ctx: Context, toks: list[Tok], i: int) -> int:
    """The first token of the clause that holds toks[i]: after the last ", mais" / "; " before it, else 0."""
    lex = ctx.lex
    for k in range(i - 1, 0, -1):
        t = toks[k]
        if t.text == ";":
            return k + 1
        if (t.low in lex.but or t.low in lex.conjunctions) and toks[k - 1].text == "," and k + 1 < i:
            return k + 1 if starts_subject(ctx, toks[k + 1]) else 0
    return 0


def _source_np_end(ctx: Context, toks: list[Tok], k: int) -> int:
    """End of the source named inside a clause ("selon elle", "volgens het parket", "selon la SWDE",
    "volgens CEO Inge Vandoorne"): a pronoun, or a name or a noun with its "de"/"van" complements."""
    lex, n = ctx.lex, len(toks)
    if k >= n:
        return k
    if toks[k].low in lex.pronouns or toks[k].low in lex.plural_pronouns or toks[k].low in lx.POSSESSIVE_PRONOUNS:
        return k + 1
    j = k
    while j < n and (toks[j].low in lex.definite or toks[j].low in lex.possessive or toks[j].low in lex.indefinite):
        j += 1
    for _ in range(8):
        if j >= n or toks[j].quote or not toks[j].text[0].isalnum():
            break
        mention = ctx.mentions.starting_at(toks[j].start)
        if mention is not None:
            while j < n and toks[j].start < mention[1]:
                j += 1
        elif toks[j].text[0].isupper() or j == k or toks[j - 1].low in lex.definite | lex.possessive:
            j += 1
        else:
            break
        if j + 1 < n and toks[j].low in lex.of and toks[j + 1].text[0].isalnum():
            j += 1  # "le parquet de Namur", "het parket van Gent"
            continue
        if j < n and not toks[j].text[0].isupper():
            break
    return max(j, k + 1)


def _source_end(ctx: Context, toks: list[Tok], k: int) -> int | None:
    """Where the source named after "selon" / "volgens" ends: at a comma, or before the finite verb."""
    comma = next((j for j in range(k, min(len(toks), k + 14)) if toks[j].text == "," or toks[j].quote), None)
    verb = _verb_after(ctx, toks, k)
    if ctx.lang == "nl" and verb is not None and (comma is None or verb < comma):
        return verb
    return comma if comma is not None else verb


def _verb_after(ctx: Context, toks: list[Tok], k: int) -> int | None:
    """The finite verb that follows a fronted source: the parse's tags, else Dutch verb-second clues."""
    lex = ctx.lex
    for j in range(k + 1, min(len(toks) - 1, k + 14)):
        t = toks[j]
        tagged = ctx.finite(t)
        if tagged is not None:
            if tagged:
                return j
            continue
        if t.quote:
            return None
        if t.text in "()":
            continue  # "Volgens schepen Dries Vandekerckhove (CD&V) zijn ..."
        if not t.text[0].isalpha():
            return None
        low = t.low
        if t.text[0].isupper() or low in lex.definite or low in lex.of or low in lex.prepositions or low in lex.adverbs:
            continue
        if low in lx.NAME_PARTICLES and toks[j + 1].text[0].isupper():
            continue  # "Volgens Joris Van den Broeck komt ..."
        if title_word(ctx, low) is not None:
            continue  # "Volgens Vlaams minister Zuhal Demir moet ...", "Volgens de Gentse burgemeester X is ..."
        nxt = toks[j + 1]
        if low in lx.NL_VERB_HINTS or low in lex.verb_hints or starts_subject(ctx, nxt):
            return j
    return None


def own_account_quote(ctx: Context, toks: list[Tok], i: int, e: int) -> tuple[FoundQuote, int] | None:
    """ "Naar eigen zeggen probeerde hij ...", "De son propre aveu, X avait ...", "A l'en croire, il ...": the
    rest of the sentence, said by its own subject (else by the person last named); and the token after the marker."""
    lex = ctx.lex
    j = phrase_at(lex.own_account, toks, i)
    if j == i or j >= len(toks):
        return None
    k = j + 1 if toks[j].text == "," else j
    if k >= len(toks):
        return None
    span = clause_span(ctx, toks[k].start, e)
    if span is None or opens_with_quote(ctx, *span):
        return None
    text = ctx.body[toks[i].start : toks[j - 1].end]
    subject = k if starts_subject(ctx, toks[k]) else k + 1  # Dutch puts the verb first: "probeerde hij"
    if subject < len(toks) and starts_subject(ctx, toks[subject]):
        ref = analyze(ctx, toks, subject, noun_phrase_end(ctx, toks, subject, len(toks)), 0)
        if ref.kind in ("pronoun", "title") or (ref.kind == "entity" and ref.entity and ref.entity.type == "PER"):
            return FoundQuote(span[0], span[1], "indirect", Attribution(text, ref, ref.start)), j
    pos = toks[i].start
    return FoundQuote(span[0], span[1], "indirect", Attribution(text, None, pos, same_sentence_as=pos)), j


def points_back(ctx: Context, toks: list[Tok], cue: Cue, s: int, previous: tuple[int, int] | None) -> FoundQuote | None:
    """ "Dat zegt X." (Dutch), "C'est ce qu'a précisé X." / "X l'a confirmé." (French), "X confirmed this."
    (English): the sentence before, in the same paragraph, is what X said."""
    if previous is None or ctx.paragraph_of(previous[0]) != ctx.paragraph_of(s):
        return None
    lex, i = ctx.lex, cue.start
    objects = lex.anaphoric_objects
    lows = [t.low for t in toks[:i]]
    after = cue.end
    if ctx.lang == "nl" and i >= 1 and lows[0] in objects and (i == 1 or (i >= 3 and lows[1] in lex.auxiliaries)):
        if i == 1:  # "Dat meldt de NOS", "Dat bevestigt de brandweer"
            ref = inverted_subject(ctx, toks, cue.end, len(toks), 0, lows[0])
        else:  # "Dat heeft de minister bevestigd"
            ref = inverted_subject(ctx, toks, 2, i, 0)
    elif ctx.lang == "fr" and lows in (["c'", "est", "ce", "qu'"], ["c'", "est", "ce", "que"]):
        ref = inverted_subject(ctx, toks, cue.end, len(toks), 0)  # "C'est ce qu'a précisé la police locale"
    elif ctx.lang == "fr" and i >= 2 and lows[-1] in objects:
        ref = subject_before(ctx, toks, 0, i - 1, 0)  # "La STIB l'a confirmé mardi"
    elif ctx.lang == "en" and after < len(toks) and toks[after].low in objects:
        ref = subject_before(ctx, toks, 0, i, 0)  # "Her spokesman confirmed this on Friday"
        after += 1
    else:
        return None
    if ref.kind == "none":
        return None
    for k in range(after, len(toks)):
        t = toks[k]
        if t.text == ",":
            break  # ", die de hulp coördineert": what follows describes the speaker
        if t.quote or t.text == ":" or t.low in lex.complementizers or t.low in lex.negative_words:
            return None
        if t.low.endswith("n't") or (t.start >= ref.end and verb_like(ctx, toks, k)):
            return None  # a clause of its own follows: not an attribution alone
    if any(t.low in lex.negative_words or t.low.endswith("n't") for t in toks):
        return None  # "X ne l'a pas confirmé", "X did not confirm this", "Dat bevestigt X, ..., niet"
    span = clause_span(ctx, *previous)
    if span is None or opens_with_quote(ctx, *span) or _holds_direct_quote(ctx, *span):
        return None
    return FoundQuote(span[0], span[1], "indirect", Attribution(cue_text(ctx, toks, cue), ref, ref.start))


def _holds_direct_quote(ctx: Context, start: int, end: int) -> bool:
    """Whether body[start:end] holds a quotation of a sentence of its own, which starts with a capital ("X: '...'
    Dat zei hij dinsdag"): that quote has its speaker already, and the words around it are no reported speech.
    A quoted fragment inside reported speech starts lower-case ("De regering moet 'onmiddellijk ingrijpen'")."""
    body = ctx.body
    inside = (ctx.spans[k] for k in ctx.by_level.get(0, []) if start <= ctx.spans[k].open < end)
    return any(
        body[span.start : span.start + 1].isupper() and word_count(body, span.start, span.end) >= MIN_WORDS - 1
        for span in inside
    )
