"""Rules over message text in linear time: patterns compiled with RE2, Python's `re` only where stated why.

Python's `re` backtracks: a pattern with overlapping repetitions (`(?:\\w|\\.(?=\\w))*` next to
another run of the same characters, say) can take time quadratic or worse in the length of a run,
and it holds the GIL while it does. RE2 (google-re2) matches in time linear in the text, whatever
the pattern, and refuses the features that would break that: lookaround, backreferences, possessive
or atomic groups. Every pattern that sees message text should be compiled here:

    from streams.textrules import rule
    _TAG = rule("newsml.tag", r"<[^<>]*>")
    _TAG.sub("", text)

`rule` compiles with RE2. A pattern RE2 refuses is an error, unless the caller gives `fallback`:
the reason the pattern stays linear under `re` all the same (anchored and bounded, a bounded input
window...). It is then compiled with `re`, and listed in `FALLBACKS` with that reason, so that the
exceptions stay few, visible and argued. Every rule is in `RULES` under its name, where the growth
tests (tests/growth.py) find it. `engine="re"` (with `fallback`) keeps a pattern RE2 would accept on `re`:
for the many tiny matches of a tokenizer, or one word or short name, where RE2's binding costs more per
call than the match (about 8 µs a call, 11 µs a match, against 0.3 µs).

A lookbehind or lookahead of one character class is written for RE2 as consumed context around a group,
`(?:^|[^\\w'])(...)(?:[^\\w'-]|$)`, and `Rule.around` finds the matches of that group as `finditer` found
the pattern's with zero-width lookarounds: each search starts where the previous group ended (less the one
character of context before), so the context one match consumed is there for the next. RE2 prefers among
the ways to match as a backtracking engine does (leftmost-first), so the groups are those `re` found.

RE2's `\\w`, `\\d`, `\\s` and `\\b` are ASCII only, where Python's are Unicode. `rule` therefore
rewrites `\\w`, `\\d`, `\\s` (in and out of brackets), `\\W`, `\\D`, `\\S` (out of brackets) and the
letter idiom `[^\\W\\d_]` into Unicode classes (`\\p{L}`, `\\p{N}`...), so a pattern matches what it
matched under `re`. `\\b`, `\\B` and a `\\W`/`\\D`/`\\S` inside brackets have no Unicode form in RE2: they
are refused unless `ascii=True` says ASCII semantics are meant (ASCII text, or ASCII words
around). tests/unit/test_textrules.py checks each rule's matches against `re` on generated text.

Flags: `re.IGNORECASE` and `re.MULTILINE`, `re.DOTALL` map to RE2 options; others are refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import re2
from re2 import _re2

# Python's Unicode classes, written for RE2 (inside brackets: without the brackets).
_WORD = r"\p{L}\p{N}_"  # str.isalnum() or "_"; marks (Mn, Mc) are not word characters for `re`
_DIGIT = r"\p{Nd}"
_SPACE = r"\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}"
_LETTER_IDIOM = r"[^\W\d_]"  # \w less digits and "_": letters, and numbers that are not digits ("Ⅻ")
_LETTERS = r"[\p{L}\p{Nl}\p{No}]"
_SUPPORTED_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.UNICODE


@dataclass(frozen=True)
class Rule:
    """A compiled pattern and what it runs on: `engine` is "re2", or "re" with the `fallback` reason."""

    name: str
    pattern: str
    engine: str
    compiled: Any
    fallback: str | None = None

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self.compiled.search(text, pos, len(text) if endpos is None else endpos)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self.compiled.match(text, pos, len(text) if endpos is None else endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self.compiled.fullmatch(text, pos, len(text) if endpos is None else endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Any]:
        return self.compiled.finditer(text, pos, len(text) if endpos is None else endpos)

    def around(self, text: str, group: int | tuple[int, ...] = 1, *, before: int = 1) -> Iterator[Found]:
        """The matches of a pattern whose `group` is the match proper and the rest one-character context (see the
        module docstring): the next search starts at the group's end less `before` characters of context.

        With several groups (one per alternative), the one that took part in the match counts."""
        groups = (group,) if isinstance(group, int) else group
        if self.engine != "re2":
            raise ValueError(f"text rule {self.name!r} runs on re: use its lookarounds with finditer")
        scan = _Scan(self.compiled, text)
        pos = 0
        while pos <= len(text):
            match = scan.search(pos)
            if match is None:
                return
            yield match
            end = max(match.end(g) for g in groups)
            pos = max(end - before, match.start() + 1)

    def findall(self, text: str) -> list[Any]:
        return self.compiled.findall(text)

    def split(self, text: str, maxsplit: int = 0) -> list[str]:
        return self.compiled.split(text, maxsplit)

    def sub(self, repl: str | Callable[[Any], str], text: str, count: int = 0) -> str:
        return self.compiled.sub(repl, text, count)


class _Scan:
    """Searches of one RE2 pattern in one text from positions that only grow, the text encoded once.

    The binding's own `search(text, pos)` encodes the whole text and counts its characters up to `pos` at each
    call: a search per match would cost the square of the text. Here byte and character offsets are carried
    forward from the last search, so the searches of a text cost its length once (the binding's offset
    helpers and match class are used as its `finditer` uses them).
    """

    def __init__(self, compiled: Any, text: str) -> None:
        self.compiled, self.text = compiled, text
        self.data = text.encode("utf-8")
        self.ascii = len(self.data) == len(text)
        self.char = self.byte = 0  # a character offset and the byte offset it starts at

    def search(self, pos: int) -> Found | None:
        if pos < self.char:
            self.char = self.byte = 0
        start = pos if self.ascii else self.byte + _re2.CharLenToBytes(self.data, self.byte, pos - self.char)
        self.char, self.byte = pos, start
        spans = self.compiled._regexp.Match(re2._Anchor.UNANCHORED, self.data, start, len(self.data))
        if spans[0] == (-1, -1):
            return None
        if not self.ascii:
            chars, last_byte, last_char = {}, start, pos
            for offset in sorted({o for span in spans for o in span if o >= 0}):
                last_char += _re2.BytesToCharLen(self.data, last_byte, offset)
                chars[offset], last_byte = last_char, offset
            spans = [(chars[a], chars[b]) if a >= 0 else (a, b) for a, b in spans]
        return Found(self.text, spans)


class Found:
    """A match of `Rule.around`: its groups' spans and text, as re2's match gives them (-1 and None for a group
    that took no part), without the count of the pattern's groups that re2's match looks up at every call."""

    __slots__ = ("_spans", "_text")

    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        self._text, self._spans = text, spans

    def start(self, group: int = 0) -> int:
        return self._spans[group][0]

    def end(self, group: int = 0) -> int:
        return self._spans[group][1]

    def span(self, group: int = 0) -> tuple[int, int]:
        return self._spans[group]

    def group(self, group: int = 0) -> str | None:
        start, end = self._spans[group]
        return None if start < 0 else self._text[start:end]


RULES: dict[str, Rule] = {}
# The reason a tokenizer stays on `re` (engine="re"): linear, and RE2's binding costs ~10 µs a match.
TOKENIZER = (
    "a tokenizer: each alternative reads one run of one class, each character once; on re for its many small matches"
)
FALLBACKS: dict[str, str] = {}  # rule name -> why it runs on `re` and stays linear


def rule(
    name: str,
    pattern: str,
    flags: int = 0,
    *,
    fallback: str | None = None,
    ascii: bool = False,
    engine: str = "re2",
) -> Rule:
    """Compile a rule over message text with RE2 (see the module docstring); register it under `name`.

    `engine="re"` keeps it on `re` for the reason `fallback` gives (which must say why it stays linear)."""
    if name in RULES and RULES[name].pattern != pattern:
        raise ValueError(f"text rule {name!r} is already registered with another pattern")
    if engine not in ("re2", "re") or (engine == "re" and not fallback):
        raise ValueError(f"text rule {name!r}: engine {engine!r} (re only with a fallback reason)")
    try:
        if engine == "re":
            raise ValueError("kept on re")
        compiled = re2.compile(to_re2(pattern, ascii=ascii), _options(flags))
        made = Rule(name, pattern, "re2", compiled)
    except (re2.error, ValueError) as exc:
        if fallback is None:
            reason = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else exc
            raise ValueError(
                f"text rule {name!r}: RE2 refuses {pattern!r} ({reason}); rewrite it, or say why it stays linear "
                "under re with fallback="
            ) from None
        made = Rule(name, pattern, "re", re.compile(pattern, flags), fallback)
        FALLBACKS[name] = fallback
    RULES[name] = made
    return made


def _options(flags: int) -> Any:
    if flags & ~_SUPPORTED_FLAGS:
        raise ValueError(f"flags {flags!r} have no RE2 option")
    options = re2.Options()
    options.case_sensitive = not flags & re.IGNORECASE
    options.dot_nl = bool(flags & re.DOTALL)
    options.never_nl = False
    options.posix_syntax = False
    options.longest_match = False
    options.one_line = not flags & re.MULTILINE
    options.word_boundary = True
    options.perl_classes = True
    options.log_errors = False  # a refused pattern is reported by `rule`; RE2's own log line would not be JSON
    return options


def to_re2(pattern: str, *, ascii: bool = False) -> str:
    """A Python pattern with its Unicode classes written out for RE2 (ValueError for those RE2 cannot say).

    With `ascii`, the pattern is taken as it is: RE2's ASCII classes are what is meant.
    """
    if ascii:
        return pattern
    out: list[str] = []
    i, in_class = 0, False
    while i < len(pattern):
        if not in_class and pattern.startswith(_LETTER_IDIOM, i):
            out.append(_LETTERS)
            i += len(_LETTER_IDIOM)
            continue
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern):
            escape = pattern[i + 1]
            out.append(_class_escape(escape, in_class) or pattern[i : i + 2])
            i += 2
            continue
        if char == "[" and not in_class:
            in_class = True
            out.append(char)
            i += 1
            if i < len(pattern) and pattern[i] == "^":
                out.append("^")
                i += 1
            if i < len(pattern) and pattern[i] == "]":  # a literal ] first in the class
                out.append(r"\]")
                i += 1
            continue
        if char == "]" and in_class:
            in_class = False
        out.append(char)
        i += 1
    return "".join(out)


def _class_escape(escape: str, in_class: bool) -> str | None:
    """RE2 for a class escape (\\w, \\s ...), or None to keep the escape as written."""
    positive = {"w": _WORD, "d": _DIGIT, "s": _SPACE}
    if escape in positive:
        return positive[escape] if in_class else f"[{positive[escape]}]"
    if escape in "WDS":
        if in_class:
            raise ValueError(f"\\{escape} inside brackets has no Unicode form in RE2 (ascii=True if ASCII is meant)")
        return f"[^{positive[escape.lower()]}]"
    if escape in "bB":
        raise ValueError(f"\\{escape} is ASCII-only in RE2 (pass ascii=True if ASCII words are meant)")
    return None
