"""What the quote stage knows of one body: its quote spans, sentences, entity mentions and finite verbs."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from streams.nlp import lexicon as lx
from streams.nlp.quotes.marks import QuoteSpan, pair_marks
from streams.nlp.quotes.text import (
    ELISIONS,
    PARAGRAPH_RE,
    SENTENCE_END_RE,
    TOKEN_RE,
    Tok,
    is_abbreviation,
    new_tok,
)
from streams.nlp.types import Entity
from streams.textrules import rule

if TYPE_CHECKING:
    from spacy.strings import StringStore
    from spacy.tokens import Doc


class Context:
    """The body with its quote spans, sentences, entity mentions and lexicon."""

    def __init__(self, body: str, entities: list[Entity], lex: lx.QuoteLexicon, lang: str, doc: Doc | None):
        self.body, self.lex, self.lang = body, lex, lang
        self.paragraph_starts = [0] + [m.end() for m in PARAGRAPH_RE.finditer(body)]
        self.paragraph_text = [len(body) - len(body.lstrip()), *self.paragraph_starts[1:]]  # first non-space
        self.spans = pair_marks(self)
        self.closes = {span.close for span in self.spans}
        self.by_level: dict[int, list[int]] = {}
        for i, span in enumerate(self.spans):
            self.by_level.setdefault(span.level, []).append(i)
        self.mentions = _MentionIndex(body, entities, self)
        self.entities = entities
        tagged = doc is not None and doc.has_annotation("POS")
        self.verbs = _verb_offsets(doc) if tagged else None
        # whether every token is tagged (a tagger or morphologizer), not only some (a list of verb forms)
        self.verbs_complete = tagged and doc.has_annotation("POS", require_complete=True)
        self.doc = doc
        self._scopes: dict[int | None, Scope] = {}
        self.roles: dict[int, frozenset[str]] = {}

    def neighbours(self, span: QuoteSpan) -> tuple[int, int]:
        """End of the previous quote and start of the next one at the same nesting level."""
        ids = self.by_level[span.level]
        k = bisect_spans(self.spans, ids, span.open)
        prev_close = self.spans[ids[k - 1]].close if k > 0 else -1
        next_open = self.spans[ids[k + 1]].open if k + 1 < len(ids) else len(self.body)
        return prev_close, next_open

    def finite(self, t: Tok) -> bool | None:
        """Whether the parse tags `t` as a finite verb; None when it cannot tell (no parse, or a partial one)."""
        if self.verbs is None:
            return None
        if t.start in self.verbs:
            return True
        return False if self.verbs_complete else None

    def paragraph_of(self, pos: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, pos) - 1

    def scope(self, parent: int | None) -> Scope:
        """The text a span at this nesting is attributed within: the body, or the enclosing quote."""
        if parent not in self._scopes:
            if parent is None:
                self._scopes[parent] = Scope(self, 0, len(self.body), 0)
            else:
                outer = self.spans[parent]
                self._scopes[parent] = Scope(self, outer.start, outer.end, outer.level + 1)
        return self._scopes[parent]

    def inside(self, pos: int, level: int = 0) -> int | None:
        """The span of this level that contains `pos` (marks included), if any."""
        ids = self.by_level.get(level, [])
        k = bisect_spans(self.spans, ids, pos)
        if k >= 0 and self.spans[ids[k]].open <= pos < self.spans[ids[k]].close:
            return ids[k]
        return None

    def tokens(self, start: int, end: int, level: int | None = None) -> list[Tok]:
        """Tokens of body[start:end]; spans of `level` collapse into one placeholder token each."""
        body, out = self.body, []
        ids = self.by_level.get(level, []) if level is not None else []
        k = max(bisect_spans(self.spans, ids, start), 0) if ids else 0
        pos = start
        while pos < end:
            nxt = self.spans[ids[k]] if k < len(ids) else None
            if nxt is not None and nxt.close <= pos:
                k += 1
                continue
            stop = min(end, nxt.open) if nxt is not None else end
            if nxt is not None and nxt.open <= pos:
                out.append(Tok('"', '"', nxt.open, nxt.close, True))
                pos = nxt.close
                k += 1
                continue
            out.extend(
                [
                    new_tok(Tok, (m[0], m[0].lower().replace("’", "'"), *m.span(), False))
                    for m in TOKEN_RE.finditer(body, pos, stop)
                ]
            )
            if stop < end and len(out) > 1 and out[-1].text in "'’" and out[-2].low in ELISIONS:
                a, b = out[-2], out[-1]  # "qu’" before a quote mark: one word, as before a letter
                if a.end == b.start:
                    out[-2:] = [new_tok(Tok, (a.text + b.text, a.low + "'", a.start, b.end, False))]
            pos = stop
        return out


def bisect_spans(spans: list[QuoteSpan], ids: list[int], pos: int) -> int:
    """Index in `ids` of the last span opening at or before `pos` (-1 if none)."""
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
    array = doc.to_array([IDX, POS, MORPH])
    verbs = array[(array[:, 1] == VERB) | (array[:, 1] == AUX)]  # the verbs picked out in numpy, not in Python
    for idx, _pos, morph in verbs.tolist():
        if _is_finite(strings, morph):
            found.add(idx)
    return found


def _is_finite(strings: StringStore, morph: int) -> bool:
    """Whether a morphological analysis (by its hash) has VerbForm=Fin."""
    finite = _FINITE.get(morph)
    if finite is None:
        finite = _FINITE[morph] = "VerbForm=Fin" in strings[morph].split("|") if morph else False
    return finite


_FINITE: dict[int, bool] = {}  # morphology hash -> finite verb form (the hash depends on the text alone)


# A full stop and a space before a word in lower case: a sentence's end only when a name follows ("bpost", "imec").
_LOWER_CASE_START = rule("nlp.quotes.lower_case_start", r"[.!?][\"'»”’)\]]*[ \t]+[a-zà-öø-ÿ]")


class Scope:
    """A stretch of text (the body, or a quote's content) split into sentences."""

    def __init__(self, ctx: Context, start: int, end: int, level: int):
        self.start, self.end, self.level = start, end, level
        self.bounds = [start]
        body = ctx.body
        for m in SENTENCE_END_RE.finditer(body, start, end):
            p = m.start()
            span_id = ctx.inside(p, level)
            if span_id is not None and ctx.spans[span_id].close > m.end():
                continue  # a full stop or paragraph break inside a quote of this level
            if body[p] == "." and is_abbreviation(body, p):
                continue
            self.bounds.append(m.end())
        for m in _LOWER_CASE_START.finditer(body, start, end):  # "... euros. bpost said": a name in lower case
            p, word = m.start(), m.end() - 1
            span_id = ctx.inside(p, level)
            inside = span_id is not None and ctx.spans[span_id].close > word
            if not inside and ctx.mentions.starting_at(word) is not None and not is_abbreviation(body, p):
                bisect.insort(self.bounds, word)

    def sentence(self, pos: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.bounds, pos) - 1
        end = self.bounds[k + 1] if k + 1 < len(self.bounds) else self.end
        return self.bounds[max(k, 0)], end


class _MentionIndex:
    """Body mentions by offset (mentions nested in a longer one dropped), and entities by name."""

    def __init__(self, body: str, entities: list[Entity], ctx: Context):
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

    def people_before(self, pos: int) -> set[str]:
        """The ids of the persons the body names before `pos`."""
        return {ent.id for _s, _e, ent in self.overlapping(0, pos) if ent.type == "PER"}

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
