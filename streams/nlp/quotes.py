"""Direct, mixed and indirect quotes of a dispatch body, with their cue and speaker.

The stages: find the quote marks -> pair them into spans -> classify each span (direct, mixed, or
not a quote) -> find its cue and speaker phrase -> resolve the speaker to an Entity. Indirect speech
("X a affirmé que ...", "selon X, ...", "X zei dat ...", "X said ...") is found from reporting cues
outside quote marks. Word lists live in `streams.nlp.lexicon`.

Everything is linear in the body: the regexes have no nested quantifiers, and every look-around
works on a window of bounded size, so a malformed or 1 MB body degrades to fewer quotes.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from streams.nlp import lexicon as lx
from streams.nlp.types import Entity, Quote, QuoteKind

if TYPE_CHECKING:
    from spacy.strings import StringStore
    from spacy.tokens import Doc

MIN_WORDS = 3  # shorter quoted fragments are scare quotes or single words, not quotes
MAX_LOOKBACK = 60  # tokens searched before a quote or cue for its subject
MAX_LOOKAHEAD = 40  # tokens searched after a quote for its attribution
MAX_CLAUSE = 2000  # characters an indirect quote may run for
MAX_GAP = 10  # tokens between a reporting verb and "que" / "dat" / "that"
WINDOW = 700  # characters searched before a quote for its attribution

_TOKEN_RE = re.compile(
    r"(?i:jusqu|lorsqu|puisqu|presqu|qu|[cdjlmnst])['’](?=[^\W\d_])"  # French elision: l', qu', d'
    r"|\d+(?:[.,:/h]\d+)*"
    r"|[^\W\d_]+(?:['’][^\W\d_]+)*(?:[-&][^\W_]+)*"
    r"|\S"
)
_MARK_RE = re.compile(r"[«»‹›“”„‘’‚\"']")
# Runs are matched from their first character only ((?<!...)) and without backtracking into them
# ((?=(?P<x>...))(?P=x) is an atomic group), so long runs of spaces or dots stay linear.
_PARAGRAPH = r"(?<![ \t\u00a0\u202f])(?=(?P<sp>[ \t\u00a0\u202f]*))(?P=sp)\n\s*"
_PARAGRAPH_RE = re.compile(_PARAGRAPH)
_SENTENCE_END_RE = re.compile(
    r"(?<![.!?…])(?=(?P<punct>[.!?…]+))(?P=punct)"  # the full stop(s)
    r"(?=(?P<close>(?:[\"'»”’)\]]|\s»)*))(?P=close)"  # closing marks and brackets after them
    r"(?=(?P<ws>\s+))(?P=ws)(?=[^\w\s]{0,2}\s?[A-ZÀ-ÖØ-Þ0-9])"  # space, then a capital or digit
    r"|" + _PARAGRAPH.replace("?P<sp>", "?P<sp2>").replace("?P=sp)", "?P=sp2)")
)
_FR_INVERSION_RE = re.compile(r"(\w+?)-(?:t-)?(il|elle|ils|elles|on)")
_SENTENCE_PUNCT = frozenset(".!?…;")
_OPENING_CONTEXT = frozenset("([{«“„‘‚—–-/")
_CLOSING_CONTEXT = frozenset(".,;:!?)]}»”’…")
_FAMILY = {"«": "g", "»": "g", "‹": "sg", "›": "sg", "“": "d", "”": "d", "„": "d", '"': "d"}
_FAMILY.update({"‘": "s", "’": "s", "‚": "s", "'": "s"})
_OPENERS = {"g": "«", "sg": "‹", "d": '“„"', "s": "‘‚'"}
_NAME_SPLIT_RE = re.compile(r"[\s'’-]+")


class _Tok(NamedTuple):
    text: str
    low: str
    start: int
    end: int
    quote: bool = False  # a placeholder for a whole quoted span


@dataclass(slots=True)
class _Span:
    """A pair of quote marks; the content (inner spaces stripped) is body[start:end]."""

    open: int  # index of the opening mark
    close: int  # index just past the closing mark (or the repaired end)
    start: int
    end: int
    chain_prev: int | None = None  # the span this one continues (a paragraph re-opening the quote)
    level: int = 0
    parent: int | None = None


@dataclass(slots=True)
class _Ref:
    """A phrase naming a speaker, before resolution."""

    kind: str  # entity | pronoun | title | org | unnamed | possessive | none
    start: int
    end: int
    entity: Entity | None = None
    mention: tuple[int, int] | None = None
    noun: str | None = None
    plural: bool = False


@dataclass(slots=True)
class _Attribution:
    """The cue of a quote and who it names; shared by quotes that share a speaker."""

    cue: str | None
    ref: _Ref | None
    pos: int  # where the speaker phrase (or cue) stands, for salience
    same_sentence_as: int | None = None  # a gerund cue ("ajoutant que"): the sentence's own speaker
    resolved: bool = False
    speaker: Entity | None = None
    speaker_text: str | None = None


@dataclass(slots=True)
class _Found:
    """A quote found, before its speaker is resolved."""

    start: int
    end: int
    kind: QuoteKind
    attribution: _Attribution | None


# ----------------------------------------------------------------------------- public API


def extract_quotes(body: str, entities: list[Entity], lang: str, doc: Doc | None = None) -> list[Quote]:
    """Direct, mixed and indirect quotes of `body`, sorted by start, speakers resolved to `entities`.

    `entities` are the dispatch's entities; only their mentions with section "body" are used. `lang`
    selects the word lists ("fr", "nl", "en"); other languages get what needs no words: quote marks,
    colon introductions and entity mentions. `doc`, spaCy's parse of `body` if there is one, only
    lends its finite-verb tags; everything works without it.
    """
    if not body or not body.strip():
        return []
    ctx = _Context(body, entities, lx.LEXICONS.get(lang, lx.NEUTRAL), lang, doc)
    found = _direct_quotes(ctx) + _indirect_quotes(ctx)
    _resolve_all(ctx, [f.attribution for f in found if f.attribution is not None])
    quotes = []
    for f in sorted(found, key=lambda f: (f.start, f.end)):
        att = f.attribution
        quotes.append(
            Quote(
                text=body[f.start : f.end],
                start=f.start,
                end=f.end,
                kind=f.kind,
                cue=att.cue if att else None,
                speaker_text=att.speaker_text if att else None,
                speaker_entity=att.speaker if att else None,
            )
        )
    return quotes


# ----------------------------------------------------------------------------- context


class _Context:
    """The body with its quote spans, sentences, entity mentions and lexicon."""

    def __init__(self, body: str, entities: list[Entity], lex: lx.QuoteLexicon, lang: str, doc: Doc | None):
        self.body, self.lex, self.lang = body, lex, lang
        self.paragraph_starts = [0] + [m.end() for m in _PARAGRAPH_RE.finditer(body)]
        self.paragraph_text = [len(body) - len(body.lstrip()), *self.paragraph_starts[1:]]  # first non-space
        self.spans = _pair_marks(self)
        self.closes = {span.close for span in self.spans}
        self.by_level: dict[int, list[int]] = {}
        for i, span in enumerate(self.spans):
            self.by_level.setdefault(span.level, []).append(i)
        self.mentions = _MentionIndex(body, entities, self)
        self.entities = entities
        self.verbs = _verb_offsets(doc) if doc is not None else None
        self._scopes: dict[int | None, _Scope] = {}
        self.roles: dict[int, frozenset[str]] = {}

    def neighbours(self, span: _Span) -> tuple[int, int]:
        """End of the previous quote and start of the next one at the same nesting level."""
        ids = self.by_level[span.level]
        k = _bisect_spans(self.spans, ids, span.open)
        prev_close = self.spans[ids[k - 1]].close if k > 0 else -1
        next_open = self.spans[ids[k + 1]].open if k + 1 < len(ids) else len(self.body)
        return prev_close, next_open

    def paragraph_of(self, pos: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, pos) - 1

    def scope(self, parent: int | None) -> _Scope:
        """The text a span at this nesting is attributed within: the body, or the enclosing quote."""
        if parent not in self._scopes:
            if parent is None:
                self._scopes[parent] = _Scope(self, 0, len(self.body), 0)
            else:
                outer = self.spans[parent]
                self._scopes[parent] = _Scope(self, outer.start, outer.end, outer.level + 1)
        return self._scopes[parent]

    def inside(self, pos: int, level: int = 0) -> int | None:
        """The span of this level that contains `pos` (marks included), if any."""
        ids = self.by_level.get(level, [])
        k = _bisect_spans(self.spans, ids, pos)
        if k >= 0 and self.spans[ids[k]].open <= pos < self.spans[ids[k]].close:
            return ids[k]
        return None

    def tokens(self, start: int, end: int, level: int | None = None) -> list[_Tok]:
        """Tokens of body[start:end]; spans of `level` collapse into one placeholder token each."""
        body, out = self.body, []
        ids = self.by_level.get(level, []) if level is not None else []
        k = max(_bisect_spans(self.spans, ids, start), 0) if ids else 0
        pos = start
        while pos < end:
            nxt = self.spans[ids[k]] if k < len(ids) else None
            if nxt is not None and nxt.close <= pos:
                k += 1
                continue
            stop = min(end, nxt.open) if nxt is not None else end
            if nxt is not None and nxt.open <= pos:
                out.append(_Tok('"', '"', nxt.open, nxt.close, True))
                pos = nxt.close
                k += 1
                continue
            out.extend(
                [_new_tok(_Tok, (m[0], m[0].lower(), *m.span(), False)) for m in _TOKEN_RE.finditer(body, pos, stop)]
            )
            pos = stop
        return out


_new_tok = tuple.__new__  # builds a _Tok without NamedTuple's slower generated __new__


def _tok_start(t: _Tok) -> int:
    return t.start


def _bisect_spans(spans: list[_Span], ids: list[int], pos: int) -> int:
    lo, hi = 0, len(ids)
    while lo < hi:
        mid = (lo + hi) // 2
        if spans[ids[mid]].open <= pos:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1


def _verb_offsets(doc: Doc) -> set[int]:
    """Start offsets of the tokens spaCy tags as finite verbs or auxiliaries.

    Read from the doc's arrays rather than token by token: building a Token for
    every word cost 4 % of enrichment time.
    """
    from spacy.attrs import IDX, MORPH, POS
    from spacy.symbols import AUX, VERB

    strings = doc.vocab.strings
    found = set()
    for idx, pos, morph in doc.to_array([IDX, POS, MORPH]).tolist():
        if pos in (VERB, AUX) and _is_finite(strings, morph):
            found.add(idx)
    return found


def _is_finite(strings: StringStore, morph: int) -> bool:
    """Whether a morphological analysis (by its hash) has VerbForm=Fin."""
    finite = _FINITE.get(morph)
    if finite is None:
        finite = _FINITE[morph] = "VerbForm=Fin" in strings[morph].split("|") if morph else False
    return finite


_FINITE: dict[int, bool] = {}  # morphology hash -> finite verb form (the hash depends on the text alone)


class _Scope:
    """A stretch of text (the body, or a quote's content) split into sentences."""

    def __init__(self, ctx: _Context, start: int, end: int, level: int):
        self.start, self.end, self.level = start, end, level
        self.bounds = [start]
        body = ctx.body
        for m in _SENTENCE_END_RE.finditer(body, start, end):
            p = m.start()
            span_id = ctx.inside(p, level)
            if span_id is not None and ctx.spans[span_id].close > m.end():
                continue  # a full stop or paragraph break inside a quote of this level
            if body[p] == "." and _is_abbreviation(body, p):
                continue
            self.bounds.append(m.end())

    def sentence(self, pos: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.bounds, pos) - 1
        end = self.bounds[k + 1] if k + 1 < len(self.bounds) else self.end
        return self.bounds[max(k, 0)], end


def _is_abbreviation(body: str, dot: int) -> bool:
    k = dot
    while k > 0 and dot - k < 12 and body[k - 1].isalpha():
        k -= 1
    word = body[k:dot]
    return bool(word) and ((len(word) == 1 and word.isupper()) or word.lower() in lx.ABBREVIATIONS)


# ----------------------------------------------------------------------------- marks -> spans


@dataclass(slots=True)
class _Open:
    family: str
    pos: int
    paragraph: int
    at_paragraph_start: bool
    chain_prev: int | None


def _pair_marks(ctx: _Context) -> list[_Span]:
    """Pair quote marks into spans; repair unclosed ones; link paragraph continuations."""
    body, singles = ctx.body, ctx.lang != "fr"
    spans: list[_Span] = []
    stack: list[_Open] = []
    pending_chain: dict[str, int] = {}
    para_k = 0
    starts = ctx.paragraph_starts
    for m in _MARK_RE.finditer(body):
        i, ch = m.start(), m.group()
        while para_k + 1 < len(starts) and starts[para_k + 1] <= i:
            para_k += 1
            _paragraph_break(ctx, stack, spans, pending_chain, starts[para_k])
        role = _mark_role(body, i, ch, stack, singles)
        if role is None:
            continue
        family = _FAMILY[ch]
        if role == "close":
            depth = next((d for d in range(len(stack) - 1, -1, -1) if stack[d].family == family), None)
            if depth is None:
                continue  # a stray closing mark
            for broken in stack[depth + 1 :]:
                _add_span(ctx, spans, broken, _repair_end(ctx, broken.pos, i))
            opened = stack[depth]
            del stack[depth:]
            _add_span(ctx, spans, opened, i, i + 1)
        else:
            for d in range(len(stack) - 1, -1, -1):
                if stack[d].family == family:  # the same mark re-opened: the earlier one was never closed
                    for broken in stack[d:]:
                        _add_span(ctx, spans, broken, _repair_end(ctx, broken.pos, i))
                    del stack[d:]
                    break
            at_start = i == ctx.paragraph_text[para_k]
            stack.append(_Open(family, i, para_k, at_start, pending_chain.pop(family, None) if at_start else None))
    for broken in stack:
        limit = starts[broken.paragraph + 1] if broken.paragraph + 1 < len(starts) else len(body)
        _add_span(ctx, spans, broken, _repair_end(ctx, broken.pos, limit))
    spans.sort(key=lambda s: s.open)
    _nest(spans)
    return spans


def _mark_role(body: str, i: int, ch: str, stack: list[_Open], singles: bool) -> str | None:
    """Whether the mark at i opens or closes a quote, or is an apostrophe (None)."""
    if ch in "«‹„‚":
        return "open"
    if ch in "»›":
        return "close"
    prev = body[i - 1] if i > 0 else " "
    nxt = body[i + 1] if i + 1 < len(body) else " "
    left = prev.isspace() or prev in _OPENING_CONTEXT  # looks like an opening mark
    right = nxt.isspace() or nxt in _CLOSING_CONTEXT  # looks like a closing mark
    family = _FAMILY[ch]
    is_open = any(o.family == family for o in stack)
    if ch == "“":
        if is_open and (body[stack[-1].pos] == "„" or (right and not left)):
            return "close"
        return "open"
    if ch == "”":
        return "open" if left and not right and not is_open else "close"
    if ch == '"':
        if left and not right:
            return "open"
        if right and not left:
            return "close"
        return "close" if is_open else "open"
    if prev.isalnum() and nxt.isalpha():
        return None  # an apostrophe inside a word: l'homme, it's, De Wever's
    if ch == "‘":
        return "open"
    if ch == "’" or (ch == "'" and singles):
        if is_open and (right or not left):
            return "close"
        if ch == "'" and left and not right and not _is_contraction(body, i):
            return "open"
    return None


def _is_contraction(body: str, i: int) -> bool:
    """Dutch 's, 't, 'k, 'n ('s nachts, 't is): an apostrophe, not an opening mark."""
    return body[i + 1 : i + 2] in ("s", "t", "k", "n", "m", "r") and not body[i + 2 : i + 3].isalpha()


def _paragraph_break(
    ctx: _Context, stack: list[_Open], spans: list[_Span], pending_chain: dict[str, int], next_start: int
) -> None:
    """At a paragraph break, end the quotes the break ends and keep the ones that run on."""
    body = ctx.body
    break_pos = next_start
    while break_pos > 0 and body[break_pos - 1].isspace():
        break_pos -= 1
    reopened = body[next_start : next_start + 1]
    keep: list[_Open] = []
    for opened in stack:
        if opened.at_paragraph_start and reopened and reopened in _OPENERS[opened.family]:
            pending_chain[opened.family] = _add_span(ctx, spans, opened, break_pos)
        elif opened.at_paragraph_start and ctx.paragraph_of(next_start) - opened.paragraph <= 5:
            keep.append(opened)  # a quoted paragraph that runs on into the next one
        else:
            limit = ctx.paragraph_starts[opened.paragraph + 1] if opened.at_paragraph_start else break_pos
            _add_span(ctx, spans, opened, _repair_end(ctx, opened.pos, limit))
    stack[:] = keep


def _repair_end(ctx: _Context, open_pos: int, limit: int) -> int:
    """End of a quote whose closing mark is missing: at its attribution (", a-t-il dit"), else at limit."""
    if ctx.body.find(",", open_pos + 1, limit) < 0:
        return limit
    toks = ctx.tokens(open_pos + 1, min(limit, open_pos + 1 + 4 * MAX_CLAUSE))
    for k in range(1, len(toks) - 1):
        if toks[k].text == "," and _cue_at(ctx, toks, k + 1) is not None:
            return toks[k].start
    return limit


def _add_span(ctx: _Context, spans: list[_Span], opened: _Open, end_mark: int, close: int | None = None) -> int:
    """Record a span (content trimmed); returns its opening position, or -1 when empty."""
    body = ctx.body
    start, end = opened.pos + 1, end_mark
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if end <= start:
        return -1
    chain = opened.chain_prev if opened.chain_prev is not None and opened.chain_prev >= 0 else None
    spans.append(_Span(opened.pos, close if close is not None else end_mark, start, end, chain))
    return opened.pos


def _nest(spans: list[_Span]) -> None:
    """Set each span's nesting level and parent; turn chain links (opening positions) into indexes."""
    index = {s.open: k for k, s in enumerate(spans)}
    stack: list[int] = []
    for k, span in enumerate(spans):
        if span.chain_prev is not None:
            span.chain_prev = index.get(span.chain_prev)
        while stack and spans[stack[-1]].close <= span.open:
            stack.pop()
        if stack and span.close <= spans[stack[-1]].close:
            span.parent, span.level = stack[-1], spans[stack[-1]].level + 1
        stack.append(k)


# ----------------------------------------------------------------------------- entity mentions


class _MentionIndex:
    """Body mentions by offset (mentions nested in a longer one dropped), and entities by name."""

    def __init__(self, body: str, entities: list[Entity], ctx: _Context):
        items = sorted(
            (
                (m.start, m.end, e)
                for e in entities
                for m in e.mentions
                if m.section == "body" and 0 <= m.start < m.end <= len(body)
            ),
            key=lambda x: (x[0], -x[1]),
        )
        self.items: list[tuple[int, int, Entity]] = []
        reach = -1
        for item in items:
            if item[1] > reach:
                self.items.append(item)
                reach = item[1]
        self.starts = [it[0] for it in self.items]
        self.of_entity: dict[int, list[tuple[int, int]]] = {}
        for s, e, ent in self.items:
            self.of_entity.setdefault(id(ent), []).append((s, e))
        self.by_form: dict[str, Entity] = {}
        self.by_surname: dict[str, list[Entity]] = {}
        for ent in entities:
            for form in {ent.name, *(m.text for m in ent.mentions)}:
                key = form.casefold().strip()
                if key:
                    self.by_form.setdefault(key, ent)
                    surname = key.split()[-1]
                    if len(surname) >= 3 and ent.type == "PER" and ent not in self.by_surname.get(surname, []):
                        self.by_surname.setdefault(surname, []).append(ent)
        # people named outside quotes: what a pronoun or a title may refer back to
        self.person_events = [(s, ent) for s, _e, ent in self.items if ent.type == "PER" and ctx.inside(s) is None]

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, Entity]]:
        k = bisect.bisect_left(self.starts, start)
        if k > 0 and self.items[k - 1][1] > start:
            k -= 1
        out = []
        while k < len(self.items) and self.items[k][0] < end:
            out.append(self.items[k])
            k += 1
        return out

    def starting_at(self, pos: int) -> tuple[int, int, Entity] | None:
        k = bisect.bisect_left(self.starts, pos)
        return self.items[k] if k < len(self.items) and self.items[k][0] == pos else None

    def last_before(self, pos: int, types: tuple[str, ...], limit: int = 200) -> Entity | None:
        k = bisect.bisect_left(self.starts, pos) - 1
        while k >= 0 and limit > 0:
            if self.items[k][2].type in types:
                return self.items[k][2]
            k, limit = k - 1, limit - 1
        return None

    def by_name(self, words: list[str]) -> Entity | None:
        """The entity a capitalised name (or surname) in the text stands for."""
        if not words:
            return None
        ent = self.by_form.get(" ".join(words).casefold())
        if ent is not None:
            return ent
        same = self.by_surname.get(words[-1].casefold(), [])
        return same[0] if len(same) == 1 else None


def _is_modifier(body: str, start: int, end: int) -> bool:
    """A name used as a modifier: "N-VA-fractieleider", "Leuven-based", "Poland's", not a speaker."""
    after = body[end : end + 2]
    if after[:1] == "-" and after[1:2].isalpha():
        return True
    return after in ("'s", "’s") or (after[:1].isalpha() and end > start)


# ----------------------------------------------------------------------------- cues


class _Cue(NamedTuple):
    start: int  # first token
    end: int  # past the last token
    kind: str  # verb | gerund | marker | after_marker
    pronoun: int | None = None  # the token holding an inverted subject pronoun (a-t-il, dit-il)


def _cue_at(ctx: _Context, toks: list[_Tok], i: int) -> _Cue | None:
    """The reporting cue that starts at token i, if any."""
    lex, t = ctx.lex, toks[i]
    if t.quote:
        return None
    low = t.low
    nxt = toks[i + 1].low if i + 1 < len(toks) else ""
    if low in lex.markers:
        if low == "according":
            return _Cue(i, i + 2, "marker") if nxt == "to" else None
        return _Cue(i, i + 1, "marker")
    if ctx.lang == "fr" and low == "d'" and nxt == "après":
        return _Cue(i, i + 2, "marker")
    if low in lex.after_markers:
        return _Cue(i, i + 1, "after_marker")
    prev = toks[i - 1].low if i > 0 else ""
    if prev in lex.definite or prev in lex.indefinite or prev in lex.possessive or prev in lex.of:
        return None  # a noun: "la note", "the reports"
    if ctx.lang == "fr" and "-" in low:
        return _fr_inversion(lex, toks, i)
    if low in lex.auxiliaries or (low in ("s'", "se") and nxt in ("est", "sont", "était", "étaient")):
        end = _participle_after(lex, toks, i + (1 if low in lex.auxiliaries else 2))
        if end is not None:
            return _Cue(i, end, "verb")
    if low in lex.participles:
        if ctx.lang == "nl" and any(toks[k].low in lex.auxiliaries for k in range(max(0, i - MAX_GAP), i)):
            return _Cue(i, i + 1, "verb")
        return None
    if low in lex.finite:
        if prev in lex.passive:
            return None  # "was called"
        if low in lex.separable:
            return _separable(lex, toks, i)
        return _Cue(i, i + 1, "verb")
    if low in lex.gerunds:
        return _Cue(i, i + 1, "gerund")
    return None


def _fr_inversion(lex: lx.QuoteLexicon, toks: list[_Tok], i: int) -> _Cue | None:
    """French inverted attributions: "a-t-il déclaré", "dit-elle", "avait-il ajouté"."""
    m = _FR_INVERSION_RE.fullmatch(toks[i].low)
    if m is None:
        return None
    if m.group(1) in lex.auxiliaries:
        end = _participle_after(lex, toks, i + 1)
        return _Cue(i, end, "verb", i) if end is not None else None
    return _Cue(i, i + 1, "verb", i) if m.group(1) in lex.finite else None


def _participle_after(lex: lx.QuoteLexicon, toks: list[_Tok], k: int) -> int | None:
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


def _separable(lex: lx.QuoteLexicon, toks: list[_Tok], i: int) -> _Cue | None:
    """Dutch separable verbs: "voegde hij eraan toe", "haalde hard uit"; the particle must follow."""
    particles = lex.separable[toks[i].low]
    for k in range(i + 1, min(len(toks), i + 8)):
        if toks[k].low in particles:
            return _Cue(i, k + 1, "verb")
        if toks[k].quote or toks[k].text in _SENTENCE_PUNCT or toks[k].text in ",:":
            break
    return None


def _cue_text(ctx: _Context, toks: list[_Tok], cue: _Cue) -> str:
    return ctx.body[toks[cue.start].start : toks[cue.end - 1].end]


# ----------------------------------------------------------------------------- speaker phrases


def _title_word(ctx: _Context, low: str) -> tuple[str, str] | None:
    """("person" | "org", noun) when a word is a person's title or an organisation noun."""
    if low in ctx.lex.titles_abbrev:
        return "person", ctx.lex.titles_abbrev[low]
    if low in lx.PERSON_TITLES:
        return "person", low
    if low in lx.ORG_NOUNS or low in lx.COMPANY_NOUNS:
        return "org", low
    if "-" in low:
        return _title_word(ctx, low.rsplit("-", 1)[1])
    if ctx.lang == "nl":  # compounds: "bondscoach", "museumdirecteur", "batterijproducent"
        for n in range(len(low) - 1, 4, -1):
            if low[-n:] in lx.PERSON_TITLES:
                return "person", low[-n:]
            if low[-n:] in lx.COMPANY_NOUNS:
                return "org", low[-n:]
    return None


def _np_end(ctx: _Context, toks: list[_Tok], k: int, stop: int) -> int:
    """Token index past the noun phrase at k: a pronoun, or a name or title with its complements."""
    lex = ctx.lex
    if k >= stop:
        return k
    if toks[k].low in lex.pronouns or toks[k].low in lex.plural_pronouns:
        return k + 1
    i = k
    while i < stop and i - k < 16:
        t = toks[i]
        mention = ctx.mentions.starting_at(t.start)
        if mention is not None and not t.quote:
            while i < stop and toks[i].start < mention[1]:
                i += 1
            continue
        low = t.low
        if t.text == "," and i + 1 < stop and i > k and _apposition_at(ctx, toks, i + 1, stop):
            i += 1
            continue
        if t.quote or not t.text[0].isalnum():
            break
        if i > k and (
            (low in lex.prepositions and low not in lex.of)
            or (low in lex.relatives and toks[i - 1].low not in lex.of)
            or low in lex.conjunctions
            or low in lx.WEEKDAYS
            or (low in lx.TIME_NOUNS and toks[i - 1].low not in lex.definite)
            or _cue_at(ctx, toks, i) is not None
        ):
            break
        i += 1
    return i


def _apposition_at(ctx: _Context, toks: list[_Tok], j: int, stop: int) -> bool:
    """Whether ", <this>" continues a noun phrase: ", Denis Kadima", ", président de ..."."""
    t = toks[j]
    if ctx.mentions.starting_at(t.start) is not None or _title_word(ctx, t.low):
        return True
    if t.low in ctx.lex.definite or t.low in ctx.lex.indefinite:
        return any(_title_word(ctx, x.low) for x in toks[j + 1 : min(stop, j + 4)])
    return False


def _analyze(ctx: _Context, toks: list[_Tok], a: int, b: int, level: int, *, source: bool = False) -> _Ref:
    """What kind of speaker the phrase toks[a:b] names: an entity, a pronoun, a title, an unnamed source."""
    lex = ctx.lex
    while a < b and (toks[a].low in lex.conjunctions or toks[a].low in lex.adverbs):
        a += 1
    if a >= b:
        pos = toks[a].start if a < len(toks) else len(ctx.body)
        return _Ref("none", pos, pos)
    start, end = toks[a].start, toks[b - 1].end
    first = toks[a].low
    document = source and any(t.low in lx.DOCUMENT_NOUNS for t in toks[a:b])
    cands = _candidates(ctx, toks, a, b, level, relaxed=document)
    person = [c for c in cands if c[2].type == "PER"]
    if first in lex.indefinite and not document and not person:
        return _Ref("unnamed", start, end, plural=first not in lx.SINGULAR_INDEFINITE)
    if person or cands:  # the first person named, else the last name: "De Limburgse producent VoltaCell"
        s, e, ent = person[0] if person else cands[-1]
        return _Ref("entity", start, end, ent, (s, e))
    if first in lex.pronouns or (b == a + 1 and first in lx.POSSESSIVE_PRONOUNS):
        return _Ref("pronoun", start, end)  # "zei hij", "selon lui", "volgens haar"
    if first in lex.plural_pronouns:
        return _Ref("unnamed", start, end, plural=True)
    names = [t.text for t in toks[a:b] if t.text[:1].isupper() and not _title_word(ctx, t.low)]
    ent = ctx.mentions.by_name(names) if names and first not in lex.definite else None
    if ent is not None:  # a name the entity stage did not mark: "Me Lambrecht"
        return _Ref("entity", start, end, ent)
    head = _head_noun(ctx, toks, a + (first in lex.definite or first in lex.possessive), b)
    if head is not None and head[0] == "speech":  # "réaction de l'avocat": the complement speaks
        return _analyze(ctx, toks, head[2], b, level)
    if first in lex.possessive:
        if head is not None and head[0] == "person":
            return _Ref("title", start, end, noun=head[1])
        return _Ref("possessive", start, end)
    if head is not None and head[1] in lx.UNNAMED_NOUNS and first not in lex.definite:
        return _Ref("unnamed", start, end, plural=True)
    if head is not None:
        return _Ref("title" if head[0] == "person" else "org", start, end, noun=head[1])
    return _Ref("definite" if first in lex.definite else "none", start, end)


def _head_noun(ctx: _Context, toks: list[_Tok], k: int, b: int) -> tuple[str, str, int] | None:
    """The title, organisation or speech noun heading a phrase, before its complements."""
    lex = ctx.lex
    for i in range(k, min(b, k + 5)):
        low = toks[i].low
        if low in lx.SPEECH_NOUNS:
            j = i + 1
            while j < b and toks[j].low not in lex.of:
                j += 1
            if j + 1 < b:
                return "speech", low, j + 1
        title = _title_word(ctx, low)
        if title is not None:
            return title[0], title[1], i
        mention = ctx.mentions.starting_at(toks[i].start)
        if low in lex.of or low in lex.prepositions or (mention and not _is_modifier(ctx.body, *mention[:2])):
            return None
    return None


def _candidates(
    ctx: _Context, toks: list[_Tok], a: int, b: int, level: int, *, relaxed: bool = False
) -> list[tuple[int, int, Entity]]:
    """Entity mentions heading the phrase toks[a:b]; complements ("de la Ceni") and modifiers left out."""
    out = []
    for s, e, ent in ctx.mentions.overlapping(toks[a].start, toks[b - 1].end):
        if ctx.inside(s, level) is not None:
            continue
        k = bisect.bisect_left(toks, s, key=_tok_start) - 1
        if not relaxed and (_is_modifier(ctx.body, s, e) or _in_complement(ctx, toks, k, a, ent.type != "PER")):
            continue
        out.append((s, e, ent))
    return out


def _in_complement(ctx: _Context, toks: list[_Tok], k: int, a: int, far: bool) -> bool:
    """Whether a name after toks[k] sits in a complement ("de la Ceni", "for the opposition X Party").

    A person's name right after a noun is its head ("le président du parti Paul Dupont"), so only the
    token before it counts; other names may sit a few lower-case words after the preposition.
    """
    lex = ctx.lex
    for j in range(k, max(a - 1, k - (3 if far else 1)), -1):
        low = toks[j].low
        if low in lex.of or low in lex.prepositions:
            return True
        if not toks[j].text.islower() or toks[j].quote:
            return False
    return False


def _inverted_subject(ctx: _Context, toks: list[_Tok], k: int, stop: int, level: int, verb: str = "") -> _Ref:
    """The subject after a cue ("a déclaré mardi Paul Dupont", "zei hij"), adverbials skipped."""
    lex = ctx.lex
    if verb in lx.NL_IMPERSONAL_CUES and k + 1 < stop and toks[k].low == "het":
        k += 2 if toks[k + 1].low in lex.prepositions else 1
    for _ in range(12):
        if k >= stop:
            break
        low = toks[k].low
        if toks[k].quote:
            break
        if _is_adverbial(lex, low):
            k += 1
        elif (low in lex.definite or low in lex.possessive) and k + 1 < stop and toks[k + 1].low in lx.TIME_NOUNS:
            k += 2
        elif low in lex.prepositions and low not in lex.of:
            k = _skip_pp(ctx, toks, k + 1, stop)
        else:
            break
    if k >= stop:
        pos = toks[stop - 1].end if stop else 0
        return _Ref("none", pos, pos)
    return _analyze(ctx, toks, k, _np_end(ctx, toks, k, stop), level)


def _is_adverbial(lex: lx.QuoteLexicon, low: str) -> bool:
    """Adverbs, dates and times that may stand between a verb and its inverted subject."""
    if low in lex.adverbs or low in lx.WEEKDAYS or low in lx.MONTH_WORDS or low in lx.TIME_NOUNS:
        return True
    return low[:1].isdigit() or (low.endswith("ment") and len(low) > 6)


def _skip_pp(ctx: _Context, toks: list[_Tok], k: int, stop: int) -> int:
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


def _subject(ctx: _Context, toks: list[_Tok], a: int, b: int, level: int) -> _Ref:
    """The subject in toks[a:b] before a verb: fronted adverbials, appositions and relatives set aside."""
    segments = _segments(ctx, toks, a, b)
    open_relative = bool(segments) and segments[-1][0] == "rel" and toks[b - 1].text != ","
    if open_relative and segments[-1][2] - segments[-1][1] > 1:
        _kind, i, j = segments[-1]  # "..., which unions described as": the relative clause has its own subject
        return _analyze(ctx, toks, i + 1, j, level)
    if open_relative and len(segments) > 1:  # "X, qui a déclaré": X speaks
        _kind, i, j = segments[-2]
        cands = _candidates(ctx, toks, i, j, level) if j > i else []
        if cands:
            s, e, ent = cands[-1]
            return _Ref("entity", s, e, ent, (s, e))
    phrases = [(i, j) for kind, i, j in segments if kind == "np"]
    refs = [_analyze(ctx, toks, i, j, level) for i, j in reversed(phrases)]
    for ref in refs:
        if ref.kind == "entity" and ref.entity is not None and ref.entity.type == "PER":
            return ref
    for ref in refs:
        if ref.kind != "none":
            return ref
    if refs:
        return refs[0]
    pos = toks[b - 1].end if b > a else (toks[a].start if a < len(toks) else 0)
    return _Ref("none", pos, pos)


def _segments(ctx: _Context, toks: list[_Tok], a: int, b: int) -> list[tuple[str, int, int]]:
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


def _segment_kind(ctx: _Context, toks: list[_Tok], i: int, j: int, a: int) -> tuple[str, int, int]:
    lex = ctx.lex
    k = i
    while k < j and (toks[k].low in lex.conjunctions or toks[k].low in lex.adverbs):
        k += 1
    if k >= j:
        return "empty", k, j
    low = toks[k].low
    if (low in lex.prepositions and low not in lex.of) or low in lx.WEEKDAYS or low in lx.MONTH_WORDS:
        return "adv", k, j
    if low in lx.TIME_NOUNS or low[:1].isdigit():
        return "adv", k, j
    if low in lex.relatives and i > a and low not in lex.possessive:
        return "rel", k, j
    if low in ("s'", "se") or low in lex.gerunds or (low.endswith(("ant", "ing")) and toks[k].text.islower()):
        return "part", k, j
    return "np", k, j


# ----------------------------------------------------------------------------- direct and mixed quotes


def _direct_quotes(ctx: _Context) -> list[_Found]:
    """Quoted spans that are someone's words, classified direct or mixed, with their attribution."""
    found: dict[int, _Found] = {}
    for k, span in enumerate(ctx.spans):
        if _word_count(ctx.body, span.start, span.end) < MIN_WORDS:
            continue
        scope = ctx.scope(span.parent)
        embedded = _is_embedded(ctx, span, scope)
        before, after = (_attribute_before, _attribute_after) if embedded else (_attribute_after, _attribute_before)
        att = before(ctx, span, scope) or after(ctx, span, scope)
        if _is_title(ctx, span, embedded, att):
            continue
        if embedded and att is None:
            continue  # a quoted phrase nobody is said to have said: scare quotes
        found[k] = _Found(span.start, span.end, "mixed" if embedded else "direct", att)
    _share_chains(ctx, found)
    _carry_over(ctx, found)
    return list(found.values())


def _word_count(body: str, start: int, end: int) -> int:
    return sum(1 for w in body[start:end].split() if any(c.isalnum() for c in w))


def _is_embedded(ctx: _Context, span: _Span, scope: _Scope) -> bool:
    """Whether the quote sits inside a clause ("a dénoncé «...»") rather than opening one."""
    body, k = ctx.body, span.open - 1
    while k >= scope.start and body[k] in " \t\u00a0\u202f":
        k -= 1
    if k < scope.start:
        return False
    return body[k].isalnum() or (body[k] in "'’" and body[k - 1 : k].isalpha() and k + 1 not in ctx.closes)


def _is_title(ctx: _Context, span: _Span, embedded: bool, att: _Attribution | None) -> bool:
    """Titles of works and names in quote marks: capitalised words, or a noun such as "film" before them."""
    body = ctx.body
    text = body[span.start : span.end]
    if text[-1] in ".!?…":
        return False
    words = [w for w in text.split() if sum(c.isalpha() for c in w) >= 4]
    letters = [next((c for c in w if c.isalpha()), "") for w in words]
    title_case = bool(words) and 2 * sum(c.isupper() for c in letters) >= len(words)
    starts_upper = next((c for c in text if c.isalpha()), "").isupper()
    if not embedded:
        return att is None and starts_upper and title_case
    before = ctx.tokens(max(0, span.open - 60), span.open)[-3:]
    work = any(t.low in lx.WORK_NOUNS for t in before)
    return starts_upper and (title_case or work)


def _attribute_after(ctx: _Context, span: _Span, scope: _Scope) -> _Attribution | None:
    """An attribution right after the closing mark: "», a déclaré X", "', zei hij", "” he said"."""
    _s, end = scope.sentence(span.close - 1)
    if end <= span.close:
        return None
    _prev, next_open = ctx.neighbours(span)
    toks = ctx.tokens(span.close, min(end, span.close + WINDOW, next_open + 1), span.level)
    i = 1 if toks and toks[0].text == "," else 0
    if i >= len(toks) or toks[i].quote:
        return None
    cue = _cue_at(ctx, toks, i)
    if cue is not None:
        if cue.kind == "gerund":
            return None
        return _attribution_from_cue(ctx, toks, cue, span.level, inverted=True)
    for k in range(i + 1, min(len(toks), i + 10)):  # subject first: "he said", "a spokesman said"
        t = toks[k]
        if t.quote or t.text in _SENTENCE_PUNCT or t.text in ":,;()" or t.low in ctx.lex.conjunctions:
            break
        cue = _cue_at(ctx, toks, k)
        if cue is not None and cue.kind == "verb":
            ref = _subject(ctx, toks, i, k, span.level)
            return _Attribution(_cue_text(ctx, toks, cue), ref, ref.start)
    return None


def _attribute_before(ctx: _Context, span: _Span, scope: _Scope) -> _Attribution | None:
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
            return _attribution_from_cue(ctx, region, cue, span.level, inverted=False)
    if toks and toks[0].low in ctx.lex.viewpoint and any(t.text == "," for t in toks):
        ref = _subject(ctx, toks, 1, len(toks), span.level)
        if ref.kind in ("entity", "title", "org", "pronoun"):
            return _Attribution(toks[0].text, ref, ref.start)
    if colon:
        ref = _subject(ctx, toks, 0, len(toks), span.level) if toks else None
        return _Attribution(":", ref, ref.start if ref else span.open)
    return None


def _last_cue(ctx: _Context, toks: list[_Tok]) -> _Cue | None:
    for k in range(len(toks) - 1, max(-1, len(toks) - MAX_LOOKBACK), -1):
        cue = _cue_at(ctx, toks, k)
        if cue is not None and cue.kind != "after_marker":
            return cue
    return None


def _coordinated(ctx: _Context, toks: list[_Tok]) -> bool:
    """ "«...» et dénonce «...»": a verb coordinated with the sentence's first, sharing its subject."""
    lex = ctx.lex
    words = [t for t in toks if t.text not in (",", "-")]
    return bool(words) and all(t.low in lex.conjunctions or t.low in lex.adverbs for t in words)


def _colon_paragraph_before(ctx: _Context, span: _Span) -> tuple[list[_Tok], bool]:
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


def _attribution_from_cue(ctx: _Context, toks: list[_Tok], cue: _Cue, level: int, *, inverted: bool) -> _Attribution:
    """The attribution a cue gives: its pronoun, its source ("selon X"), or its subject."""
    text = _cue_text(ctx, toks, cue)
    if cue.pronoun is not None:
        tok = toks[cue.pronoun]
        pron = tok.low.rsplit("-", 1)[1]
        ref = _Ref(
            "pronoun" if pron in ctx.lex.pronouns else "unnamed",
            tok.end - len(pron),
            tok.end,
            plural=pron not in ctx.lex.pronouns,
        )
        return _Attribution(text, ref, ref.start)
    if cue.kind == "gerund":
        return _Attribution(text, None, toks[cue.start].start, same_sentence_as=toks[cue.start].start)
    if cue.kind in ("marker", "after_marker"):
        ref = _analyze(ctx, toks, cue.end, _source_stop(toks, cue.end), level, source=True)
        return _Attribution(text, ref, ref.start)
    if inverted and cue.end - cue.start > 1 and toks[cue.start].low in ctx.lex.separable:
        ref = _inverted_subject(ctx, toks, cue.start + 1, cue.end - 1, level)  # "voegde hij eraan toe"
    elif inverted:
        ref = _inverted_subject(ctx, toks, cue.end, len(toks), level, toks[cue.start].low)
    else:
        end = cue.start
        while end > 0 and toks[end - 1].low in ctx.lex.clitics:  # "le maire nous a dit"
            end -= 1
        lo = max(0, end - MAX_LOOKBACK)
        ref = _subject(ctx, toks, lo, end, level)
        verb_second = not any(kind == "np" for kind, _i, _j in _segments(ctx, toks, lo, end))
        if verb_second and cue.end < len(toks) and toks[cue.end].low not in ctx.lex.complementizers:
            ref = _inverted_subject(ctx, toks, cue.end, len(toks), level, toks[cue.start].low)  # "Donderdag zei X:"
    return _Attribution(text, ref, ref.start)


def _share_chains(ctx: _Context, found: dict[int, _Found]) -> None:
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


def _carry_over(ctx: _Context, found: dict[int, _Found]) -> None:
    """A quote with no attribution of its own keeps the previous quote's speaker in the same paragraph."""
    prev: int | None = None
    for k in sorted(found):
        span, f = ctx.spans[k], found[k]
        if f.attribution is None and prev is not None and f.kind == "direct":
            before = ctx.spans[prev]
            att = found[prev].attribution
            same_place = before.parent == span.parent and ctx.paragraph_of(before.open) == ctx.paragraph_of(span.open)
            if att is not None and same_place and not _other_person_between(ctx, before.close, span.open, att):
                f.attribution = att
        if found[k].attribution is not None:
            prev = k


def _other_person_between(ctx: _Context, start: int, end: int, att: _Attribution) -> bool:
    ref = att.ref
    for s, _e, ent in ctx.mentions.overlapping(start, end):
        if ent.type == "PER" and ctx.inside(s) is None and not (ref and ref.start <= s < ref.end):
            return True
    return False


# ----------------------------------------------------------------------------- indirect quotes


def _indirect_quotes(ctx: _Context) -> list[_Found]:
    """Reported speech outside quote marks, one sentence at a time."""
    if not ctx.lex.finite and not ctx.lex.markers:
        return []
    scope = ctx.scope(None)
    out: list[_Found] = []
    bounds = [*scope.bounds, scope.end]
    for s, e in itertools.pairwise(bounds):
        if e > s:
            out.extend(_indirect_in_sentence(ctx, s, e))
    return out


def _indirect_in_sentence(ctx: _Context, s: int, e: int) -> list[_Found]:
    toks = ctx.tokens(s, min(e, s + 8 * MAX_CLAUSE), 0)
    out: list[_Found] = []
    covered = 0
    for i in range(len(toks)):
        if i < covered or toks[i].quote:
            continue
        cue = _cue_at(ctx, toks, i)
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
        covered = cue.end if item.end <= toks[i].start else bisect.bisect_left(toks, item.end, key=_tok_start)
    return out


def _clause(ctx: _Context, start: int, end: int) -> tuple[int, int] | None:
    """The reported clause body[start:end], trimmed of spaces and final punctuation; None if too short."""
    body = ctx.body
    end = min(end, start + MAX_CLAUSE)
    while start < end and body[start].isspace():
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] in ".;:!?…,"):
        end -= 1
    if _word_count(body, start, end) < MIN_WORDS:
        return None
    return start, end


def _indirect_complement(ctx: _Context, toks: list[_Tok], cue: _Cue, sentence_end: int) -> _Found | None:
    """ "X a affirmé que ...", "X zei dat ...", "X said (that) ...": the clause after the verb."""
    lex = ctx.lex
    clause_start, comp = None, None
    for j in range(cue.end, min(len(toks), cue.end + MAX_GAP)):
        t = toks[j]
        if t.quote or t.text in _SENTENCE_PUNCT or t.text in ":,()":
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
    text = _cue_text(ctx, toks, cue)
    if cue.kind == "gerund":
        att = _Attribution(text, None, toks[cue.start].start, same_sentence_as=toks[cue.start].start)
    elif cue.pronoun is not None:
        att = _attribution_from_cue(ctx, toks, cue, 0, inverted=True)
    else:
        ref = _subject(ctx, toks, max(0, cue.start - MAX_LOOKBACK), cue.start, 0)
        if ref.kind == "none" and comp is not None and comp > cue.end:  # Dutch: "Donderdag zei de minister dat"
            ref = _inverted_subject(ctx, toks, cue.end, comp, 0, toks[cue.start].low)
        att = _Attribution(text, ref, ref.start)
    return _Found(span[0], span[1], "indirect", att)


def _clause_end(ctx: _Context, toks: list[_Tok], k: int, sentence_end: int) -> int:
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


def _starts_subject(ctx: _Context, t: _Tok) -> bool:
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


def _zero_complement(ctx: _Context, toks: list[_Tok], cue: _Cue) -> int | None:
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
    if t.quote or _cue_at(ctx, toks, k) is not None or t.low in lx.EN_NOT_A_CLAUSE:
        return None
    if _starts_subject(ctx, t) or (
        verb in ("say", "says", "said")
        and t.text.islower()
        and t.text.isalpha()
        and not (t.low in lex.prepositions or t.low in lex.conjunctions or t.low in lex.adverbs)
    ):
        return t.start
    return None


def _indirect_postposed(ctx: _Context, toks: list[_Tok], cue: _Cue, s: int) -> _Found | None:
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
        att = _attribution_from_cue(ctx, toks, cue, 0, inverted=True)
    elif inverted:
        ref = _inverted_subject(ctx, toks, cue.end, len(toks), 0, toks[cue.start].low)
        if ref.kind == "none" and ref.start == ref.end:
            return None
        att = _Attribution(_cue_text(ctx, toks, cue), ref, ref.start)
    else:
        ref = _subject(ctx, toks, comma + 1, i, 0)
        att = _Attribution(_cue_text(ctx, toks, cue), ref, ref.start)
    return _Found(span[0], span[1], "indirect", att)


def _has_finite_verb(ctx: _Context, toks: list[_Tok], a: int, b: int) -> bool:
    """Whether toks[a:b] holds a clause (a finite verb outside relative clauses), not only a noun phrase."""
    lex = ctx.lex
    for kind, i, j in _segments(ctx, toks, a, b):
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


def _mostly_quoted(ctx: _Context, start: int, end: int) -> bool:
    ids = ctx.by_level.get(0, [])
    quoted = 0
    for k in itertools.islice(ids, max(_bisect_spans(ctx.spans, ids, start), 0), None):
        sp = ctx.spans[k]
        if sp.open >= end:
            break
        if sp.close > start:
            quoted += min(sp.close, end) - max(sp.open, start)
    return 2 * quoted > end - start


def _indirect_source(ctx: _Context, toks: list[_Tok], cue: _Cue, s: int, e: int) -> _Found | None:
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
        np_end = _source_stop(toks, cue.end)
        before = _clause(ctx, s, toks[i - 1].start if toks[i - 1].text == "," else toks[i].start)
        after = _clause(ctx, toks[np_end].end, e) if np_end < len(toks) - 1 else None
        span = before if before is not None and not _mostly_quoted(ctx, *before) else after
    if span is None or _mostly_quoted(ctx, *span):
        return None
    ref = _analyze(ctx, toks, cue.end, np_end, 0, source=True)
    return _Found(span[0], span[1], "indirect", _Attribution(_cue_text(ctx, toks, cue), ref, ref.start))


def _source_stop(toks: list[_Tok], k: int) -> int:
    """End of the source phrase after "selon" / "according to": the next comma, quote or full stop."""
    stop = min(len(toks), k + MAX_LOOKAHEAD)
    return next(
        (j for j in range(k, stop) if toks[j].quote or toks[j].text in ",:()" or toks[j].text in _SENTENCE_PUNCT),
        stop,
    )


def _source_end(ctx: _Context, toks: list[_Tok], k: int) -> int | None:
    """Where the source named after "selon" / "volgens" ends: at a comma, or before the finite verb."""
    comma = next((j for j in range(k, min(len(toks), k + 14)) if toks[j].text == "," or toks[j].quote), None)
    verb = _verb_after(ctx, toks, k)
    if ctx.lang == "nl" and verb is not None and (comma is None or verb < comma):
        return verb
    return comma if comma is not None else verb


def _verb_after(ctx: _Context, toks: list[_Tok], k: int) -> int | None:
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


# ----------------------------------------------------------------------------- speaker resolution


class _Resolver:
    """Resolves speaker phrases to entities, in text order, keeping track of who was last named."""

    def __init__(self, ctx: _Context):
        self.ctx = ctx
        self.named: list[tuple[int, Entity | None]] = ctx.mentions.person_events  # people named, by offset
        self.spoke: list[tuple[int, Entity | None]] = []  # speakers, appended in text order
        self.by_role: dict[str, list[Entity]] | None = None
        self.by_name_word: dict[str, list[Entity]] | None = None

    def resolve(self, att: _Attribution) -> None:
        ref, body = att.ref, self.ctx.body
        att.resolved = True
        if ref is None:
            return
        entity = self._entity(ref)
        att.speaker = entity
        if ref.kind == "entity" and ref.mention is not None:
            att.speaker_text = body[ref.mention[0] : ref.mention[1]]
        elif ref.end > ref.start:
            att.speaker_text = body[ref.start : ref.end]
        if ref.kind not in ("none", "definite") and not ref.plural:
            if self.spoke and self.spoke[-1][0] > ref.start:
                bisect.insort(self.spoke, (ref.start, entity), key=_first)
            else:
                self.spoke.append((ref.start, entity))

    def _entity(self, ref: _Ref) -> Entity | None:
        if ref.kind == "entity":
            return ref.entity
        if ref.kind in ("pronoun", "possessive"):
            return self.last_named(ref.start, people_only=False)
        if ref.kind == "title" and ref.noun:
            return self._title(ref.noun, ref.start)
        if ref.kind == "org" and ref.noun:
            return self._organisation(ref.noun, ref.start)
        return None

    def last_named(self, pos: int, *, people_only: bool) -> Entity | None:
        """Who was named (or spoke) last before pos; None when that was an unnamed source."""
        best: tuple[int, Entity | None] | None = None
        for events in (self.named, self.spoke):
            k = bisect.bisect_left(events, pos, key=_first) - 1
            for _ in range(200):
                if k < 0:
                    break
                entity = events[k][1]
                if not people_only or (entity is not None and entity.type == "PER"):
                    if best is None or events[k][0] >= best[0]:
                        best = events[k]
                    break
                k -= 1
        return best[1] if best is not None else None

    def _title(self, noun: str, pos: int) -> Entity | None:
        """ "le ministre", "de bondscoach": the person with that role, else the last person named."""
        if self.by_role is None:
            self.by_role = {}
            for e in self.ctx.entities:
                for role in self._roles(e) if e.type == "PER" else ():
                    self.by_role.setdefault(role, []).append(e)
        people = self.by_role.get(noun)
        if people:
            return self._nearest(people, pos)
        if noun in lx.UNNAMED_NOUNS:
            return None
        last = self.last_named(pos, people_only=True)
        if last is not None and self._roles(last) and noun not in self._roles(last):
            return None  # the last person named holds another office: someone new
        return last

    def _organisation(self, noun: str, pos: int) -> Entity | None:
        """ "l'organisation", "het museum", "the company": the organisation so named, or the last one."""
        if self.by_name_word is None:
            self.by_name_word = {}
            for e in self.ctx.entities:
                for word in set(_NAME_SPLIT_RE.split(e.name.casefold())) if e.type != "PER" else ():
                    self.by_name_word.setdefault(word, []).append(e)
        named = self.by_name_word.get(noun)
        if named:
            return self._nearest(named, pos)
        if noun in lx.COMPANY_NOUNS:
            return self.ctx.mentions.last_before(pos, ("ORG",))
        return None

    def _nearest(self, entities: list[Entity], pos: int) -> Entity:
        def key(e: Entity) -> tuple[int, int]:
            spans = self.ctx.mentions.of_entity.get(id(e), [])
            k = bisect.bisect_left(spans, (pos, -1)) - 1
            return (0, -spans[k][0]) if k >= 0 else (1, spans[0][0] if spans else len(self.ctx.body))

        return min(entities, key=key)

    def _roles(self, entity: Entity) -> frozenset[str]:
        """Titles the text gives a person: "le ministre des Finances X", "X, président de ...", Me X."""
        ctx = self.ctx
        cached = ctx.roles.get(id(entity))
        if cached is not None:
            return cached
        words = {t for w in (entity.role or "").casefold().split() if (t := _title_of(ctx, w))}
        for s, e in ctx.mentions.of_entity.get(id(entity), [])[:20]:
            before = ctx.tokens(max(0, s - 100), s)[-8:]
            for t in reversed(before):
                if t.text in _SENTENCE_PUNCT or t.text == ":" or t.quote or _cue_at(ctx, before, before.index(t)):
                    break
                if (title := _title_of(ctx, t.low)) is not None:
                    words.add(title)
            if ctx.body[e : e + 1] == ",":
                for t in ctx.tokens(e + 1, min(len(ctx.body), e + 80))[:7]:
                    if t.text in _SENTENCE_PUNCT or t.text in ",:" or t.quote:
                        break
                    if (title := _title_of(ctx, t.low)) is not None:
                        words.add(title)
        ctx.roles[id(entity)] = frozenset(words)
        return ctx.roles[id(entity)]


def _first(pair: tuple[int, Entity | None]) -> int:
    return pair[0]


def _title_of(ctx: _Context, low: str) -> str | None:
    title = _title_word(ctx, low)
    return title[1] if title is not None and title[0] == "person" else None


def _resolve_all(ctx: _Context, attributions: list[_Attribution]) -> None:
    """Resolve every attribution once, in the order their speakers are named."""
    unique = list({id(a): a for a in attributions}.values())
    resolver = _Resolver(ctx)
    for att in sorted(unique, key=lambda a: a.pos):
        if att.same_sentence_as is None:
            resolver.resolve(att)
    sentences = ctx.scope(None)
    named = sorted((a for a in unique if a.resolved and a.ref is not None), key=lambda a: a.pos)
    for att in unique:
        if att.same_sentence_as is None:
            continue
        start, _e = sentences.sentence(att.same_sentence_as)
        k = bisect.bisect_left(named, att.same_sentence_as, key=lambda a: a.pos) - 1
        if k >= 0 and named[k].pos >= start:
            att.speaker, att.speaker_text = named[k].speaker, named[k].speaker_text
        else:
            att.speaker = resolver.last_named(att.same_sentence_as, people_only=False)
        att.resolved = True
