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
tests (tests/growth.py) find it.

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

    def search(self, text: str, pos: int = 0) -> Any:
        return self.compiled.search(text, pos)

    def match(self, text: str, pos: int = 0) -> Any:
        return self.compiled.match(text, pos)

    def fullmatch(self, text: str, pos: int = 0) -> Any:
        return self.compiled.fullmatch(text, pos)

    def finditer(self, text: str) -> Iterator[Any]:
        return self.compiled.finditer(text)

    def findall(self, text: str) -> list[Any]:
        return self.compiled.findall(text)

    def split(self, text: str, maxsplit: int = 0) -> list[str]:
        return self.compiled.split(text, maxsplit)

    def sub(self, repl: str | Callable[[Any], str], text: str, count: int = 0) -> str:
        return self.compiled.sub(repl, text, count)


RULES: dict[str, Rule] = {}
FALLBACKS: dict[str, str] = {}  # rule name -> why it runs on `re` and stays linear


def rule(name: str, pattern: str, flags: int = 0, *, fallback: str | None = None, ascii: bool = False) -> Rule:
    """Compile a rule over message text with RE2 (see the module docstring); register it under `name`."""
    if name in RULES and RULES[name].pattern != pattern:
        raise ValueError(f"text rule {name!r} is already registered with another pattern")
    try:
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
