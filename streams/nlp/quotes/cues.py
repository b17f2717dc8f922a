"""Reporting cues: verbs of saying ("a déclaré", "zei", "said") and source markers ("selon", "volgens", "aldus")."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from streams.nlp import lexicon as lx
from streams.nlp.quotes.text import MAX_GAP, SENTENCE_PUNCT, Tok
from streams.textrules import rule

if TYPE_CHECKING:
    from streams.nlp.quotes.context import Context


_FR_INVERSION_RE = rule(
    "nlp.quotes.fr_inversion",
    r"(\w+?)-(?:t-)?(il|elle|ils|elles|on)",
    engine="re",
    fallback="fullmatch() of one token: each hyphen reads at most nine characters",
)


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
    if low not in _cue_words(lex) and "-" not in low:
        return None  # most words start no cue, and this is asked at every word of a body
    nxt = toks[i + 1].low if i + 1 < len(toks) else ""
    if low in lex.markers:
        if low == "according":
            return Cue(i, i + 2, "marker") if nxt == "to" else None
        if nxt in lex.relatives or nxt in lex.complementizers:
            return None  # "les rumeurs selon lesquelles ...", "selon que": not a source
        return Cue(i, i + 1, "marker")
    if ctx.lang == "fr" and low == "d'" and nxt == "après":
        return Cue(i, i + 2, "marker")
    if low == "à":  # "À en croire le ministre, ...": as "selon"; not "commence à en croire ses yeux"
        opens = i == 0 or not toks[i - 1].text[:1].isalnum()
        croire = nxt == "en" and i + 2 < len(toks) and toks[i + 2].low == "croire"
        return Cue(i, i + 3, "marker") if ctx.lang == "fr" and opens and croire else None
    if low in lex.after_markers:
        return Cue(i, i + 1, "after_marker")
    prev = toks[i - 1].low if i > 0 else ""
    if (
        (prev in lex.definite or prev in lex.indefinite or prev in lex.possessive or prev in lex.of)
        and low not in lex.auxiliaries  # "la STIB l'a confirmé"
        # Dutch demonstratives and relatives before a finite verb are its subject: "Dat zegt X", ", die stelt"
        and not (ctx.lang == "nl" and prev in lex.definite and prev not in ("de", "het") and low in lex.finite)
    ):
        return None  # a noun: "la note", "the reports"
    if ctx.lang == "fr" and "-" in low:
        return _fr_inversion(lex, toks, i)
    if low in lex.auxiliaries or (low in ("s'", "se") and nxt in ("est", "sont", "était", "étaient")):
        end = _participle_after(lex, toks, i + (1 if low in lex.auxiliaries else 2))
        if end is not None:
            return Cue(i, end, "verb")
    if ctx.lang == "nl":
        if prev == "te":  # an infinitive: "door te beweren dat" reports, "om te zeggen" does not
            return Cue(i, i + 1, "gerund") if low in lex.gerunds and i > 1 and toks[i - 2].low == "door" else None
        end = _multiword_at(lex, toks, i)
        if (low in lex.participles or end is not None) and _auxiliary_before(lex, toks, i):
            return Cue(i, end or i + 1, "verb")  # "heeft ... bevestigd", "heeft ... laten weten"
    if ctx.lang == "fr" and low in lex.multiword and not _after_auxiliary(lex, toks, i):
        end = _multiword_at(lex, toks, i)
        if end is not None:
            return Cue(i, end, "verb")  # the present tense: "fait savoir", "met en garde"
    if low in lex.participles and (low not in lex.finite or _after_auxiliary(lex, toks, i)):
        return None  # a participle belongs to the cue its auxiliary starts: "a dit", "a-t-il dit"
    if low in lex.finite:
        if prev in lex.passive:
            return None  # "was called"
        if low in lex.separable:
            return _separable(lex, toks, i)
        return Cue(i, i + 1, "verb")
    if low in lex.gerunds:
        return Cue(i, i + 1, "gerund")
    return None


_CUE_WORDS: dict[int, tuple[lx.QuoteLexicon, frozenset[str]]] = {}  # id -> the lexicon (kept: its id stays its own)


def _cue_words(lex: lx.QuoteLexicon) -> frozenset[str]:
    """Every word a cue of `cue_at` can start with, but for the French inversions (a hyphen: "a-t-il")."""
    cached = _CUE_WORDS.get(id(lex))
    if cached is None:
        words = lex.markers | lex.after_markers | lex.auxiliaries | lex.participles | lex.finite | lex.gerunds
        cached = _CUE_WORDS[id(lex)] = (lex, frozenset(words | lex.multiword.keys() | {"d'", "s'", "se", "à"}))
    return cached[1]


def _after_auxiliary(lex: lx.QuoteLexicon, toks: list[Tok], i: int) -> bool:
    """Whether the word at i follows an auxiliary, adverbs apart: "a dit", "a-t-il dit", "a également écrit"."""
    for k in range(i - 1, max(-1, i - 4), -1):
        low = toks[k].low
        if low in lex.auxiliaries or (low in ("est", "sont") and k > 0 and toks[k - 1].low in ("s'", "se")):
            return True
        m = _FR_INVERSION_RE.fullmatch(low)
        if m is not None:
            return m.group(1) in lex.auxiliaries
        if not (low in lex.adverbs or is_derived_adverb(lex, low)):
            return False
    return False


def _fr_inversion(lex: lx.QuoteLexicon, toks: list[Tok], i: int) -> Cue | None:
    """French inverted attributions: "a-t-il déclaré", "dit-elle", "avait-il ajouté", "a-t-on appris"."""
    m = _FR_INVERSION_RE.fullmatch(toks[i].low)
    if m is None:
        return None
    impersonal = lex.impersonal_participles if m.group(2) == "on" else frozenset()
    if m.group(1) in lex.auxiliaries:
        end = _participle_after(lex, toks, i + 1, impersonal)
        return Cue(i, end, "verb", i) if end is not None else None
    end = _multiword_at(lex, toks, i, m.group(1))  # "fait-il savoir", "met-elle en garde"
    if end is not None:
        return Cue(i, end, "verb", i)
    return Cue(i, i + 1, "verb", i) if m.group(1) in lex.finite or m.group(1) in impersonal else None


def _participle_after(lex: lx.QuoteLexicon, toks: list[Tok], k: int, more: frozenset[str] = frozenset()) -> int | None:
    """End of a reporting participle after an auxiliary, adverbials allowed between ("a également dit", "a quant
    à lui assuré", "a pour sa part réclamé"); `more`: participles that count here only ("a-t-on appris")."""
    for _ in range(4):
        if k >= len(toks):
            return None
        low = toks[k].low
        end = _multiword_at(lex, toks, k)
        if end is not None:
            return end
        if low in lex.participles or low in more:
            return k + 1
        nxt = skip_adverbial(lex, toks, k)
        if nxt == k:
            if low not in ("de", "à"):
                return None
            nxt = k + 1
        k = nxt
    return None


def _multiword_at(lex: lx.QuoteLexicon, toks: list[Tok], k: int, head: str | None = None) -> int | None:
    """End of a multiword reporting verb at k ("fait savoir", "mis en garde", "laten weten"), if any; `head`: the
    verb toks[k] holds when it is more than the verb ("fait" of "fait-il", its complement after the pronoun)."""
    for words in lex.multiword.get(head or toks[k].low, ()):
        if [t.low for t in toks[k + 1 : k + 1 + len(words)]] == list(words):
            return k + 1 + len(words)
    return None


def _auxiliary_before(lex: lx.QuoteLexicon, toks: list[Tok], i: int) -> bool:
    """Dutch: an auxiliary earlier in the clause of a final participle ("heeft dinsdag bevestigd")."""
    for k in range(i - 1, max(-1, i - MAX_GAP), -1):
        if toks[k].quote or toks[k].text in SENTENCE_PUNCT:
            return False
        if toks[k].low in lex.auxiliaries:
            return True
    return False


def phrase_at(phrases: tuple[tuple[str, ...], ...], toks: list[Tok], k: int) -> int:
    """End of the first of `phrases` (word tuples) that toks[k:] starts with, or k."""
    for words in phrases:
        n = len(words)
        if k + n <= len(toks) and toks[k].low == words[0] and all(toks[k + j].low == words[j] for j in range(1, n)):
            return k + n
    return k


def skip_adverbial(lex: lx.QuoteLexicon, toks: list[Tok], k: int) -> int:
    """Past one adverbial at k: an adverb ("également", "ook", "also"), an -ment / -ly adverb, a weekday or a
    multiword adverbial ("quant à lui", "pour sa part", "na afloop", "for his part"); k when there is none."""
    if k >= len(toks) or toks[k].quote:
        return k
    end = phrase_at(lex.adverbial_phrases, toks, k)
    if end > k:
        return end
    low = toks[k].low
    if low in lex.adverbs or low in lx.WEEKDAYS or is_derived_adverb(lex, low):
        return k + 1
    return k


def is_derived_adverb(lex: lx.QuoteLexicon, low: str) -> bool:
    """An adverb by its ending: "clairement", "publicly" (not "gouvernement", "family")."""
    suffix = lex.adverb_suffix
    return bool(suffix) and low.endswith(suffix) and len(low) > len(suffix) + 3 and low not in lex.not_adverbs


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
