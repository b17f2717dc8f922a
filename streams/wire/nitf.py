"""IPTC NITF 3.x (News Industry Text Format) into a Dispatch.

Mapped (with or without the NITF 3.x namespace, matched by local name):

- id, guid: `head/docdata/doc-id/@id-string` (else the message key, else a content hash);
  version: `docdata/du-key/@version`; slugline: `du-key/@key`;
- status: `docdata/@management-status` (withheld -> "withdrawn", canceled -> "canceled"), and
  a kill notice in `docdata/ed-msg` (msg-type or info "kill", "withdraw", "eliminate" ...)
  -> "canceled"; ed_note: the `ed-msg` or `correction` info; markers: "CORRECTED" for a
  `correction`, plus those prefixed to the headline or slugline;
- urgency: `docdata/urgency/@ed-urg`; version_created: `date.issue/@norm`;
  first_created: the earliest `revision-history/@norm`, else `date.issue` for a first
  version; embargoed: `date.release/@norm`;
- keywords: `key-list/keyword/@key`; subjects: `head/tobject/tobject.subject`
  (`@tobject.subject.refnum` as "subj:NNNNNNNN" for an IPTC subject code);
- provider: `doc-id/@regsrc`, else `doc.copyright/@holder`; credit: `body.head/distributor`;
- headline: `body.head/hedline/hl1`, else `head/title`; byline: `body.head/byline`;
  dateline: `body.head/dateline` (`location`, `story.date/@norm`);
- language: `xml:lang` (or `lang`) of nitf, body or head;
- text: the paragraphs of every `body.content` (body.head and body.end left out).
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from streams.errors import DecodeError
from streams.wire.dispatch import MAX_VERSION, Dispatch, Status, Subject, content_id
from streams.wire.values import (
    add_marker,
    agency_of,
    iso_date,
    iso_datetime,
    markers_of,
    place_of,
    small_int,
    strip_byline,
    title_place,
)
from streams.wire.xml_safety import local_name, xml_lang
from streams.wire.xmltext import child, children, clean, descendants, join_paragraphs, paragraphs, text_of

_MANAGEMENT_STATUS: dict[str, Status] = {
    "usable": "usable",
    "embargoed": "usable",  # usable once `embargoed` has passed
    "withheld": "withdrawn",
    "canceled": "canceled",
    "cancelled": "canceled",
}
# Kill notices as agencies word them in ed-msg (type or info): English, French, Dutch, German. Anchored
# (`match`) with a literal alternation after one run of blanks: linear on `re`, which keeps `\b` Unicode.
_KILL_RE = re.compile(
    r"\s*(?:mandatory\s+|urgent\s+)?(?:kill|killed|withdraw|withdrawn|withdrawal|eliminate|elimination|cancel|"
    r"canceled|cancelled|annulation|annul[ée]e?|retrait|supprim[ée]e?|intrekking|ingetrokken|sperrung|gesperrt)\b",
    re.IGNORECASE,
)
_SKIPPED_BODY = ("body.head", "body.end")


def nitf_dispatch(root: Element, key: str | None) -> Dispatch:
    """The Dispatch of a NITF document (its root `nitf` element)."""
    head = child(root, "head")
    docdata = child(head, "docdata")
    body = child(root, "body")
    body_head = child(body, "body.head")

    doc_id = child(docdata, "doc-id")
    guid = clean(doc_id.get("id-string")) if doc_id is not None else None
    du_key = child(docdata, "du-key")
    version = small_int(du_key.get("version"), low=0, high=MAX_VERSION) if du_key is not None else None
    slugline = clean(du_key.get("key")) if du_key is not None else None

    status, ed_note = _status(docdata)
    correction = child(docdata, "correction")
    headline = text_of(child(body_head, "hedline", "hl1")) or text_of(child(head, "title"))
    markers = markers_of(headline, slugline)
    if correction is not None:
        markers = add_marker(markers, "CORRECTED")
        ed_note = ed_note or clean(correction.get("info"))

    copyright_holder = _attr(child(docdata, "doc.copyright"), "holder")
    provider = _attr(doc_id, "regsrc") or copyright_holder
    credit = text_of(child(body_head, "distributor"))
    version_created = iso_datetime(_attr(child(docdata, "date.issue"), "norm"))
    revisions = sorted(filter(None, (iso_datetime(r.get("norm")) for r in children(head, "revision-history"))))
    first_created = revisions[0] if revisions else (version_created if version in (None, 0, 1) else None)
    dateline = child(body_head, "dateline")

    text = join_paragraphs(body_paragraphs(root))
    if not text and status == "usable":
        raise DecodeError("empty", f"the NITF document {guid or '(no doc-id)'} has no body text in body.content")
    return Dispatch(
        id=guid or key or content_id(text),
        text=text,
        headline=headline,
        agency=agency_of(credit, provider, copyright_holder),
        lang=xml_lang(root) or (xml_lang(body) if body is not None else None) or _head_lang(head),
        version=version,
        format="nitf",
        guid=guid,
        status=status,
        urgency=small_int(_attr(child(docdata, "urgency"), "ed-urg"), low=1, high=9),
        slugline=slugline,
        keywords=tuple(k for k in (_attr(kw, "key") for kw in descendants(child(docdata, "key-list"), "keyword")) if k),
        subjects=tuple(_subjects(head)),
        byline=_byline(body_head),
        provider=provider,
        credit=credit,
        dateline_place=_dateline_place(dateline),
        dateline_date=iso_date(_attr(next(descendants(dateline, "story.date"), None), "norm"))
        or iso_date(version_created),
        dateline_text=text_of(dateline),
        first_created=first_created,
        version_created=version_created,
        embargoed=iso_datetime(_attr(child(docdata, "date.release"), "norm")),
        markers=markers,
        ed_note=ed_note,
    )


def body_paragraphs(root: Element) -> list[str]:
    """The paragraphs of a NITF document's story: every `body.content`, in order."""
    body = child(root, "body")
    contents = list(children(body, "body.content"))
    out: list[str] = []
    for content in contents:
        out.extend(paragraphs(content, skip=_SKIPPED_BODY))
    return out


def _attr(element: Element | None, name: str) -> str | None:
    if element is None:
        return None
    return clean(element.get(name))


def _status(docdata: Element | None) -> tuple[Status, str | None]:
    """The status of the document and the editor's note that goes with it."""
    management = (_attr(docdata, "management-status") or "usable").lower()
    status = _MANAGEMENT_STATUS.get(management, "usable")
    note = None
    for message in children(docdata, "ed-msg"):
        info = clean(message.get("info")) or text_of(message)
        kind = clean(message.get("msg-type")) or ""
        note = note or info
        if _KILL_RE.match(kind) or (info and _KILL_RE.match(info)):
            return "canceled", info or kind
    return status, note


def _head_lang(head: Element | None) -> str | None:
    return xml_lang(head) if head is not None else None


def _subjects(head: Element | None) -> list[Subject]:
    out: list[Subject] = []
    seen: set[str] = set()
    for tobject in children(head, "tobject"):
        for subject in children(tobject, "tobject.subject"):
            refnum = _attr(subject, "tobject.subject.refnum") or _attr(subject, "tobject.subject.code")
            if not refnum:
                continue
            ipr = (_attr(subject, "tobject.subject.ipr") or "IPTC").upper()
            code = f"subj:{refnum}" if ipr == "IPTC" and refnum.isdigit() and len(refnum) == 8 else refnum
            if code in seen:
                continue
            seen.add(code)
            name = (
                _attr(subject, "tobject.subject.detail")
                or _attr(subject, "tobject.subject.matter")
                or _attr(subject, "tobject.subject.type")
            )
            out.append(Subject(code=code, name=name))
    return out


def _byline(body_head: Element | None) -> str | None:
    """The author(s): the `person` elements of the byline, else its text without the title."""
    for byline in children(body_head, "byline"):
        persons = [p for p in (text_of(p) for p in descendants(byline, "person")) if p]
        if persons:
            return ", ".join(persons)
        parts = [byline.text or ""]
        for sub in byline:
            if local_name(sub.tag) not in ("byttl", "distributor"):
                parts.append("".join(sub.itertext()))
            parts.append(sub.tail or "")
        name = strip_byline(clean("".join(parts)))
        if name:
            return name.rstrip(" ,;-–—")
    return None


def _dateline_place(dateline: Element | None) -> str | None:
    if dateline is None:
        return None
    for location in descendants(dateline, "location"):
        city = text_of(child(location, "city")) or text_of(location)
        if city:
            return title_place(city)
    return place_of(text_of(dateline))
