"""Quote marks paired into spans («», “”, „“, ‘’, ""), unclosed quotes repaired, paragraph continuations linked."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from streams.nlp.quotes.cues import cue_at
from streams.nlp.quotes.text import ELISIONS, MAX_CLAUSE
from streams.textrules import rule

if TYPE_CHECKING:
    from streams.nlp.quotes.context import Context


_MARK_RE = rule(
    "nlp.quotes.mark", r"[«»‹›“”„‘’‚\"']", engine="re", fallback="one character; on re for its many small matches"
)
_OPENING_CONTEXT = frozenset("([{«“„‘‚—–-/")
_CLOSING_CONTEXT = frozenset(".,;:!?)]}»”’…")
_FAMILY = {"«": "g", "»": "g", "‹": "sg", "›": "sg", "“": "d", "”": "d", "„": "d", '"': "d"}
_FAMILY.update({"‘": "s", "’": "s", "‚": "s", "'": "s"})
_OPENERS = {"g": "«", "sg": "‹", "d": '“„"', "s": "‘‚'"}


@dataclass(slots=True)
class QuoteSpan:
    """A pair of quote marks; the content (inner spaces stripped) is body[start:end]."""

    open: int  # index of the opening mark
    close: int  # index just past the closing mark (or the repaired end)
    start: int
    end: int
    chain_prev: int | None = None  # the span this one continues (a paragraph re-opening the quote)
    level: int = 0
    parent: int | None = None


@dataclass(slots=True)
class _Open:
    family: str
    pos: int
    paragraph: int
    at_paragraph_start: bool
    chain_prev: int | None


def pair_marks(ctx: Context) -> list[QuoteSpan]:
    """Pair quote marks into spans; repair unclosed ones; link paragraph continuations."""
    body, singles = ctx.body, ctx.lang != "fr"
    spans: list[QuoteSpan] = []
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
    left = prev.isspace() or prev in _OPENING_CONTEXT or _after_elision(body, i)  # looks like an opening mark
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


def _after_elision(body: str, i: int) -> bool:
    """Whether the mark at i follows a French elision, "qu’”aucun ...": it opens, whatever its shape."""
    if i < 2 or body[i - 1] not in "'’":
        return False
    k = i - 1
    while k > 0 and i - 1 - k < 6 and body[k - 1].isalpha():
        k -= 1
    return body[k : i - 1].casefold() in ELISIONS and not (k > 0 and body[k - 1].isalnum())


def _is_contraction(body: str, i: int) -> bool:
    """Dutch 's, 't, 'k, 'n ('s nachts, 't is): an apostrophe, not an opening mark."""
    return body[i + 1 : i + 2] in ("s", "t", "k", "n", "m", "r") and not body[i + 2 : i + 3].isalpha()


def _paragraph_break(
    ctx: Context, stack: list[_Open], spans: list[QuoteSpan], pending_chain: dict[str, int], next_start: int
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


def _repair_end(ctx: Context, open_pos: int, limit: int) -> int:
    """End of a quote whose closing mark is missing: at its attribution (", a-t-il dit"), else at limit."""
    if ctx.body.find(",", open_pos + 1, limit) < 0:
        return limit
    toks = ctx.tokens(open_pos + 1, min(limit, open_pos + 1 + 4 * MAX_CLAUSE))
    for k in range(1, len(toks) - 1):
        if toks[k].text == "," and cue_at(ctx, toks, k + 1) is not None:
            return toks[k].start
    return limit


def _add_span(ctx: Context, spans: list[QuoteSpan], opened: _Open, end_mark: int, close: int | None = None) -> int:
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
    spans.append(QuoteSpan(opened.pos, close if close is not None else end_mark, start, end, chain))
    return opened.pos


def _nest(spans: list[QuoteSpan]) -> None:
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
