"""Text out of XML: whitespace normalisation, element text, and body paragraphs.

Walks are iterative (no recursion), so a deeply nested document cannot
exhaust the stack. Its two patterns are linear on `re`: a single character class, and a newline,
one class run and a newline (a failed attempt backtracks over one run of blanks only); see the
growth tests' family `wire.xmltext`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from xml.etree.ElementTree import Element

from streams.wire.xml_safety import local_name

PARAGRAPH_SEPARATOR = "\n\n"

_XML_SPACE_RE = re.compile(r"[ \t\r\n]+")  # XML whitespace only: a no-break space is content
_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")
_QUOTE_MARKS = frozenset("«»‹›“”„‘’‚\"'")

# Elements (XHTML and NITF) that make their own paragraph.
BLOCKS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 hl1 hl2 li dt dd blockquote bq block pre tr table thead tbody tfoot caption "
    "ul ol dl section article header footer aside figure figcaption address hr fn note tagline "
    "body body.content nitf html".split()
)
# Elements whose text is never body copy.
SKIPPED = frozenset("head script style title media media-reference media-metadata media-caption iim".split())
# Table cells and the like: inline, but never glued to their neighbour.
_SEPARATED = frozenset("td th".split())


def clean(text: str | None) -> str | None:
    """Collapse XML whitespace runs into one space and strip; None when nothing is left."""
    if text is None:
        return None
    cleaned = _XML_SPACE_RE.sub(" ", text).strip()
    return cleaned or None


def text_of(element: Element | None) -> str | None:
    """All the text inside an element (markup dropped), whitespace normalised; None if blank."""
    if element is None:
        return None
    return clean("".join(element.itertext()))


def children(element: Element | None, *names: str) -> Iterator[Element]:
    """The direct children of `element` with one of the given local names, in document order."""
    if element is None:
        return
    for child in element:
        if local_name(child.tag) in names:
            yield child


def child(element: Element | None, *path: str) -> Element | None:
    """The first element along a path of local names (`child(item, "contentMeta", "headline")`)."""
    current = element
    for name in path:
        current = next(children(current, name), None)
        if current is None:
            return None
    return current


def descendants(element: Element | None, name: str) -> Iterator[Element]:
    """Every element below `element` (itself excluded) with the given local name, in document order."""
    if element is None:
        return
    for found in element.iter():
        if found is not element and local_name(found.tag) == name:
            yield found


def paragraphs(root: Element, *, skip: Iterable[str] = ()) -> list[str]:
    """The paragraphs of an XHTML or NITF body, each whitespace normalised.

    Block elements (p, h1-h6, li, hl2, bq ...) make paragraphs; inline markup
    (em, person, org, a ...) is dropped but its text kept; `<br/>` becomes a
    line break inside its paragraph; `<q>` gets quote marks unless its text
    carries its own. Elements named in `skip` (and head, media ...) are left out.
    """
    skipped = SKIPPED | frozenset(skip)
    out: list[str] = []
    lines: list[list[str]] = [[]]  # the current paragraph: its lines, each a list of text pieces

    def flush() -> None:
        text = "\n".join(filter(None, (clean("".join(line)) for line in lines)))
        if text:
            out.append(text)
        lines[:] = [[]]

    stack: list[tuple[Element, bool]] = [(root, False)]
    quoted: set[int] = set()
    while stack:
        element, leaving = stack.pop()
        name = local_name(element.tag)
        if leaving:
            if name == "q" and id(element) in quoted:
                lines[-1].append("”")
            if name in BLOCKS:
                flush()
        elif name in skipped or not name:
            pass
        else:
            if name in BLOCKS:
                flush()
            elif name == "br":
                lines.append([])
            elif name in _SEPARATED:
                lines[-1].append(" ")
            elif name == "q" and (element.text or "").lstrip()[:1] not in _QUOTE_MARKS:
                quoted.add(id(element))
                lines[-1].append("“")
            if element.text:
                lines[-1].append(element.text)
            stack.append((element, True))
            stack.extend((sub, False) for sub in reversed(element))
            continue
        if element is not root and element.tail:
            lines[-1].append(element.tail)
    flush()
    return out


def text_paragraphs(text: str) -> list[str]:
    """The paragraphs of plain text: split at blank lines, else at line ends; whitespace normalised."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    parts = _BLANK_LINE_RE.split(text) if _BLANK_LINE_RE.search(text) else text.split("\n")
    return [p for p in (clean(part) for part in parts) if p]


def join_paragraphs(parts: Iterable[str]) -> str:
    """The body text: paragraphs separated by one blank line."""
    return PARAGRAPH_SEPARATOR.join(parts)
