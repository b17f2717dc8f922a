"""IPTC NewsML-G2: a `newsItem`, or a `newsMessage` carrying several, into Dispatches.

Mapped (all in the G2 namespace http://iptc.org/std/nar/2006-10-01/, matched
by local name):

- id, guid: `newsItem/@guid` (the same for every version); version: `@version` (default 1);
- status: `itemMeta/pubStatus` (stat:usable, stat:withheld -> "withdrawn", stat:canceled -> "canceled");
- provider: `itemMeta/provider` (name, literal or qcode); first_created, version_created,
  embargoed, ed_note: `itemMeta/firstCreated`, `versionCreated`, `embargoed`, `edNote`;
  markers: `itemMeta/signal` (sig:correction -> "CORRECTED", sig:update -> "UPDATE") and
  the markers prefixed to the headline or slugline;
- urgency, slugline, headline, byline (`by`, else the creators), credit (`creditline`),
  keywords, subjects (qcode or uri with their name), language, dateline (`dateline`,
  `located`, the date of `contentCreated`): `contentMeta`;
- text: the first `contentSet` child that yields text: `inlineXML` (XHTML, NITF, or other
  markup) or `inlineData` (plain text, or escaped markup; base64 allowed). `remoteContent`
  is never fetched.
"""

from __future__ import annotations

import binascii
import html
import re
from xml.etree.ElementTree import Element

from streams.errors import DecodeError
from streams.textrules import rule
from streams.wire import nitf
from streams.wire.dispatch import MAX_VERSION, Dispatch, Status, Subject
from streams.wire.values import (
    add_marker,
    agency_of,
    code_value,
    iso_date,
    iso_datetime,
    markers_of,
    place_of,
    small_int,
    strip_byline,
    title_place,
)
from streams.wire.xml_safety import local_name, parse_xml, xml_lang
from streams.wire.xmltext import (
    child,
    children,
    clean,
    join_paragraphs,
    paragraphs,
    text_of,
    text_paragraphs,
)

NAMESPACE = "http://iptc.org/std/nar/2006-10-01/"
_TEXT_CLASSES = frozenset(("text", "composite"))
_PUB_STATUS: dict[str, Status] = {"usable": "usable", "withheld": "withdrawn", "canceled": "canceled"}
_SIGNAL_MARKERS = {"correction": "CORRECTED", "update": "UPDATE"}
# Tags of HTML that is not XML, stripped from inlineData (the whole body): with RE2, linear in the text whatever
# the tags, so no tag needs a length bound (under `re` each was bounded at 2,000 characters).
_BLOCK_TAG_RE = rule(
    "newsml.block_tag", r"</?(?:p|div|br|h[1-6]|li|tr|blockquote|hl2|ul|ol|table)(?:[^\w<>][^<>]*)?>", re.IGNORECASE
)
_TAG_RE = rule("newsml.tag", r"<[^<>]*>")


def message_dispatches(message: Element, max_items: int | None = None) -> list[Dispatch]:
    """One Dispatch per text newsItem of a newsMessage, in order; other items are skipped.

    A message of more than `max_items` items is refused whole (`too_many_items`): each item becomes
    about thirty events, so one message must not flood the output topics (nor the worker's memory).
    """
    items = [item for item_set in children(message, "itemSet") for item in item_set]
    if not items:
        raise DecodeError("empty", "the newsMessage carries no item")
    if max_items is not None and len(items) > max_items:
        raise DecodeError(
            "too_many_items",
            f"the newsMessage carries {len(items)} items, over the limit of {max_items} (WIRESTREAM_MAX_ITEMS)",
        )
    out = []
    for index, item in enumerate(items, start=1):
        if local_name(item.tag) != "newsItem" or not _is_text_item(item):
            continue  # packageItem, conceptItem, pictures, video ...
        try:
            out.append(item_dispatch(item))
        except DecodeError as exc:
            raise DecodeError(exc.reason, f"newsMessage item {index}: {exc}") from None
    if not out:
        kinds = sorted({_item_kind(item) for item in items})
        raise DecodeError("unsupported_item", f"the newsMessage carries no text newsItem, only: {', '.join(kinds)}")
    return out


def item_dispatch(item: Element) -> Dispatch:
    """The Dispatch of one newsItem element."""
    guid = clean(item.get("guid"))
    if not guid:
        raise DecodeError("invalid_newsml", "the newsItem has no guid")
    raw_version = item.get("version")
    version = 1 if raw_version is None else small_int(raw_version, low=0, high=MAX_VERSION)
    if version is None:
        raise DecodeError(
            "invalid_newsml", f"newsItem {guid}: version must be a non-negative integer, not {raw_version!r}"
        )
    if not _is_text_item(item):
        raise DecodeError("unsupported_item", f"newsItem {guid} is a {_item_kind(item)}, not text")

    meta = child(item, "itemMeta")
    content = child(item, "contentMeta")
    status = _PUB_STATUS.get(code_value(_ref(child(meta, "pubStatus"))) or "usable", "usable")
    provider = _name_or_code(child(meta, "provider"))
    credit = text_of(child(content, "creditline"))
    headline = _headline(content)
    slugline = text_of(child(content, "slugline"))
    markers = markers_of(headline, slugline)
    for signal in children(meta, "signal"):
        marker = _SIGNAL_MARKERS.get(code_value(_ref(signal)) or "")
        if marker:
            markers = add_marker(markers, marker)
    first_created = iso_datetime(text_of(child(meta, "firstCreated")))
    dateline_text = text_of(child(content, "dateline"))
    located = next((n for n in (text_of(child(loc, "name")) for loc in children(content, "located")) if n), None)

    body = _body(item)
    if body is None:
        if status == "usable":
            remote = next(children(child(item, "contentSet"), "remoteContent"), None) is not None
            raise DecodeError(
                "unsupported_item" if remote else "empty",
                f"newsItem {guid} has no inline text"
                + (" (only remoteContent, which is never fetched)" if remote else " (no inlineXML or inlineData)"),
            )
        body = ""  # a withdrawn item often comes without its content

    return Dispatch(
        id=guid,
        text=body,
        headline=headline,
        agency=agency_of(credit, provider),
        lang=_language(item, content),
        version=version,
        format="newsml",
        guid=guid,
        status=status,
        urgency=small_int(text_of(child(content, "urgency")), low=1, high=9),
        slugline=slugline,
        keywords=tuple(k for k in (text_of(kw) for kw in children(content, "keyword")) if k),
        subjects=tuple(_subjects(content)),
        byline=_byline(content),
        provider=provider,
        credit=credit,
        dateline_place=title_place(located) if located else place_of(dateline_text),
        dateline_date=iso_date(text_of(child(content, "contentCreated"))) or iso_date(first_created),
        dateline_text=dateline_text,
        first_created=first_created,
        version_created=iso_datetime(text_of(child(meta, "versionCreated"))),
        embargoed=iso_datetime(text_of(child(meta, "embargoed"))),
        markers=markers,
        ed_note=text_of(child(meta, "edNote")),
    )


def _ref(element: Element | None) -> str | None:
    """The QCode (else URI) a G2 property points at."""
    if element is None:
        return None
    return element.get("qcode") or element.get("uri")


def _name_or_code(element: Element | None) -> str | None:
    """A party's name: its `name` child, else its `literal`, else the value of its qcode."""
    if element is None:
        return None
    return text_of(child(element, "name")) or clean(element.get("literal")) or code_value(_ref(element))


def _item_kind(item: Element) -> str:
    kind = local_name(item.tag)
    if kind != "newsItem":
        return kind
    return f"newsItem of class {_ref(child(item, 'itemMeta', 'itemClass')) or 'unknown'}"


def _is_text_item(item: Element) -> bool:
    item_class = code_value(_ref(child(item, "itemMeta", "itemClass")))
    return item_class is None or item_class in _TEXT_CLASSES


def _headline(content: Element | None) -> str | None:
    """The main headline: one without a role or with a "main" role, else the first."""
    headlines = list(children(content, "headline"))
    main = [h for h in headlines if code_value(h.get("role")) in (None, "main")]
    for headline in main + headlines:
        text = text_of(headline)
        if text:
            return text
    return None


def _byline(content: Element | None) -> str | None:
    by = strip_byline(text_of(child(content, "by")))
    if by:
        return by
    names = (text_of(child(c, "name")) or clean(c.get("literal")) for c in children(content, "creator"))
    return ", ".join(n for n in names if n) or None


def _language(item: Element, content: Element | None) -> str | None:
    for language in children(content, "language"):
        tag = clean(language.get("tag"))
        if tag:
            return tag
    return xml_lang(item)


def _subjects(content: Element | None) -> list[Subject]:
    out: list[Subject] = []
    seen: set[str] = set()
    for subject in children(content, "subject"):
        code = clean(_ref(subject))
        if not code or code in seen:
            continue
        seen.add(code)
        out.append(Subject(code=code, name=text_of(child(subject, "name"))))
    return out


def _body(item: Element) -> str | None:
    """The body text of the first contentSet alternative that has any; None if none has."""
    content_set = child(item, "contentSet")
    for content in () if content_set is None else content_set:
        kind = local_name(content.tag)
        if kind == "inlineXML":
            parts = _xml_paragraphs(content)
        elif kind == "inlineData":
            parts = _data_paragraphs(content)
        else:
            continue
        if parts:
            return join_paragraphs(parts)
    return None


def _xml_paragraphs(inline: Element) -> list[str]:
    """Paragraphs of inlineXML: an XHTML document (its body), a NITF document (its body.content), or markup."""
    roots = list(inline)
    if len(roots) == 1:
        root = roots[0]
        name = local_name(root.tag)
        if name == "nitf":
            return nitf.body_paragraphs(root)
        if name == "html":
            body = child(root, "body")
            return paragraphs(root if body is None else body)
    return paragraphs(inline)


def _data_paragraphs(inline: Element) -> list[str]:
    """Paragraphs of inlineData: plain text, or markup escaped in it (parsed safely, else stripped)."""
    data = inline.text or ""
    encoding = (inline.get("encoding") or "").strip().lower()
    if encoding == "base64":
        try:
            data = binascii.a2b_base64(data.encode("ascii")).decode("utf-8")
        except (binascii.Error, ValueError) as exc:
            raise DecodeError("invalid_newsml", f"inlineData declared base64 does not decode: {exc}") from None
        if "\x00" in data:
            raise DecodeError("binary", "inlineData holds binary data, not text")
    elif encoding:
        raise DecodeError("invalid_newsml", f"inlineData encoding {encoding!r} is not supported")
    content_type = (inline.get("contenttype") or "text/plain").lower()
    if "html" in content_type or "xml" in content_type:
        try:
            return paragraphs(parse_xml(f"<div>{data}</div>".encode()))
        except DecodeError as exc:
            if exc.reason == "unsafe_xml":
                raise
        # HTML that is not XML (entities such as &nbsp;, unclosed tags): drop the tags
        data = html.unescape(_TAG_RE.sub("", _BLOCK_TAG_RE.sub("\n\n", data)))
    return text_paragraphs(data)
