"""The body as text: tokens, paragraph and sentence ends, and the bounded windows the quote stage looks through."""

from __future__ import annotations

from typing import NamedTuple

from streams.nlp import lexicon as lx
from streams.textrules import TOKENIZER, rule
from streams.wire.lexicon import MONTHS

MIN_WORDS = 3  # shorter quoted fragments are scare quotes or single words, not quotes
MIN_SET_APART_WORDS = 2  # ... except two words set apart that a cue attributes: « Nous voterons », a-t-il dit
MAX_LOOKBACK = 60  # tokens searched before a quote or cue for its subject
MAX_LOOKAHEAD = 40  # tokens searched after a quote for its attribution
MAX_CLAUSE = 2000  # characters an indirect quote may run for
MAX_GAP = 10  # tokens between a reporting verb and "que" / "dat" / "that"
WINDOW = 700  # characters searched before a quote for its attribution

# French words that elide their vowel before another word: "l'", "qu'", "jusqu'".
ELISIONS = frozenset({"qu", "l", "d", "j", "s", "n", "c", "m", "t", "jusqu", "lorsqu", "puisqu", "presqu"})
# Words (French elisions apart: "l'", "qu'"), numbers and single marks.
TOKEN_RE = rule(
    "nlp.quotes.token",
    r"(?i:jusqu|lorsqu|puisqu|presqu|qu|[cdjlmnst])['’](?=[^\W\d_]|[«“”\"„])"  # French elision: l', qu’”
    r"|\d+(?:-[^\W\d_]+)+"  # "41-year-old", "23-jarige"
    r"|\d+(?:[.,:/h]\d+)*"
    r"|[^\W\d_]+(?:['’][^\W\d_]+)*(?:[-&][^\W_]+)*"
    r"|\S",
    engine="re",
    fallback=TOKENIZER + " (an elision's lookahead reads one character more)",
)
# Runs are matched from their first character only ((?<!...)) and without backtracking into them
# ((?=(?P<x>...))(?P=x) is an atomic group), so long runs of spaces or dots stay linear.
_PARAGRAPH = r"(?<![ \t\u00a0\u202f])(?=(?P<sp>[ \t\u00a0\u202f]*))(?P=sp)\n\s*"
# The same on RE2, for a `finditer` over the whole body: the spaces before a line break, which the previous
# match (ending on `\s*`) never holds, are matched from their first one as the leftmost match.
PARAGRAPH_RE = rule("nlp.quotes.paragraph", r"[ \t\x{a0}\x{202f}]*\n\s*")
SENTENCE_END_RE = rule(
    "nlp.quotes.sentence_end",
    r"(?<![.!?…])(?=(?P<punct>[.!?…]+))(?P=punct)"  # the full stop(s)
    r"(?=(?P<close>(?:[\"'»”’)\]]|\s»)*))(?P=close)"  # closing marks and brackets after them
    r"(?=(?P<ws>\s+))(?P=ws)(?=[^\w\s]{0,2}\s?[A-ZÀ-ÖØ-Þ0-9])"  # space, then a capital or digit
    r"|" + _PARAGRAPH.replace("?P<sp>", "?P<sp2>").replace("?P=sp)", "?P=sp2)"),
    engine="re",
    fallback="each run (full stops, closing marks, spaces) is matched from its first character only and taken"
    " whole, never given back (atomic groups): each character is read a bounded number of times; on re for"
    " finditer() over each quote's span, which RE2's binding would pay with the whole body each time",
)
# Marks that end a sentence or a clause.
SENTENCE_PUNCT = frozenset(".!?…;")


class Tok(NamedTuple):
    """A token of the body (`text == body[start:end]`), or a placeholder for a whole quoted span."""

    text: str
    low: str  # lower case, the typographic apostrophe as "'": "qu’" -> "qu'"
    start: int
    end: int
    quote: bool = False  # a placeholder for a whole quoted span


new_tok = tuple.__new__  # builds a Tok without NamedTuple's slower generated __new__


def tok_start(t: Tok) -> int:
    """A token's start: the key to bisect a token list by offset."""
    return t.start


def is_abbreviation(body: str, dot: int) -> bool:
    """Whether the full stop at `dot` ends an abbreviation ("M.", "Dr.", "art.") rather than a sentence."""
    k = dot
    while k > 0 and dot - k < 12 and body[k - 1].isalpha():
        k -= 1
    word = body[k:dot]
    if k > 0 and body[k - 1] in "-‑" and len(word) > 1:
        return False  # the end of a compound: "les Vingt-Sept." is not "sept." (September)
    return bool(word) and ((len(word) == 1 and word.isupper()) or word.lower() in lx.ABBREVIATIONS)


def word_count(body: str, start: int, end: int) -> int:
    """Words of body[start:end] that hold a letter or digit."""
    return sum(1 for w in body[start:end].split() if any(c.isalnum() for c in w))


def is_month(toks: list[Tok], k: int) -> bool:
    """Whether toks[k] names a month: a month's name, or an abbreviation as dates write it ("12 jan", "JAN",
    "Jan. 12"); a capitalised abbreviation elsewhere is a first name ("Jan Peeters zegt dat ...")."""
    t = toks[k]
    if t.low in MONTHS:
        return True
    if t.low not in lx.MONTH_WORDS:
        return False
    if not t.text[:1].isupper() or t.text.isupper():
        return True
    after = toks[k + 1].text if k + 1 < len(toks) else ""
    return after == "." or after[:1].isdigit() or (k > 0 and toks[k - 1].text[:1].isdigit())
