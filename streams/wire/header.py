"""Recognise the wire header and sign-off of a dispatch.

A dispatch arrives as plain text: optional preamble lines (urgency markers, a
headline, a byline, an editor's note), a dateline with an agency credit
(``BRUXELLES, 12 mars (Belga) -``), the story, and an optional sign-off
(``(Belga)``, ``nl/xyz``, ``(Reporting by ...)``). `parse_header` returns these
parts and the offsets of the story body in the original string.

Only the first `HEAD_LIMIT` and last `TAIL_LIMIT` characters are examined and
every regex is anchored with bounded repetitions, so parsing is linear-time.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from streams.wire.lexicon import AGENCIES, MARKERS, MONTH_NUMBERS, PLACE_PARTICLES, fold
from streams.wire.values import title_place

HEAD_LIMIT = 640  # the header must lie within the first characters
TAIL_LIMIT = 320  # the sign-off must lie within the last characters
MAX_FUTURE = timedelta(days=3)  # a dateline may run this far ahead of received_at


# Urgency/update markers: on their own line or as a slug prefix ("UPDATE 2-...").
_MARKER_RE = re.compile(rf"(?P<marker>{MARKERS})(?:[ \t]*[-–—:][ \t]*|[ \t]*(?=\n|\Z))")
_BYLINE_RE = re.compile(r"(?:Par|By|Door|Von)[ \t]+(?P<name>[^\W\d_][^\n]{1,80})")
_NOTE_RE = re.compile(r"\([^()\n]{2,200}\)")
# Belga's archive date marker, "date 2024-11", before the dateline or the body (with "(Belga)" right after it, the
# marker is the whole dateline and `_DATELINE_RE` takes it).
_ARCHIVE_DATE_RE = re.compile(r"date[ \t]+(?P<y>\d{4})-(?P<m>\d{1,2})(?![\w-])[ \t]*(?:[-–—=:][ \t]*)?")
_DATELINE_RE = re.compile(
    r"(?P<dl>[^\n()]{0,80}?)[ \t]*\((?P<credit>[^\n()]{1,40})\)(?P<sep>[ \t]*(?:[-–—=:]+[ \t]*)?)"
)
_DATE_RE = re.compile(
    r"(?:^|(?<=[\s,]))(?:"
    r"(?P<iy>\d{4})-(?P<im>\d{1,2})(?:-(?P<id>\d{1,2}))?"
    r"|(?P<nd>\d{1,2})[/.](?P<nm>\d{1,2})(?:[/.](?P<ny>\d{4}|\d{2}))?"
    r"|(?P<dd>\d{1,2})(?:er|e)?\.?[ \t]+(?P<dm>[^\W\d_]{3,10})\.?(?:[ \t]+(?P<dy>\d{4}))?"
    r"|(?P<mm>[^\W\d_]{3,10})\.?[ \t]+(?P<md>\d{1,2})(?:st|nd|rd|th)?(?:,?[ \t]+(?P<my>\d{4}))?"
    r")[\s,]*\Z"
)
_INITIALS_RE = re.compile(r"[a-z]{2,5}(?:[/-][a-z0-9]{2,6}){1,3}|(?:[a-z]{2,5})?/[A-Z]{2,4}")  # "nl/xyz", "/JDE"
_REUTERS_CREDIT_RE = re.compile(
    r"\((?:Reporting|Writing|Additional reporting|Editing|Compiled|Reporting and writing)\b[^()\n]{0,280}\)"
)
_SPACE_RE = re.compile(r"\s*")
_PLACE_CHARS = frozenset("'’.-")
# Lower-case words allowed inside a byline ("Par Odile BRASSEUR, avec Arnout DEWULF à Lisbonne").
_NAME_WORDS = PLACE_PARTICLES | {"and", "et", "und", "with", "avec", "met", "in", "à", "van", "den", "von", "te"}


@dataclass(frozen=True, slots=True)
class Header:
    """What the wire header and sign-off say, and where the story body lies.

    `body_start`/`body_end` index into the text the header was parsed from.
    """

    body_start: int
    body_end: int
    headline: str | None = None
    byline: str | None = None
    agency: str | None = None
    dateline_place: str | None = None
    dateline_date: str | None = None  # ISO 8601, as precise as the dateline says
    dateline_text: str | None = None  # the dateline as written, e.g. "BRUXELLES, 12 mars"
    markers: tuple[str, ...] = ()  # "URGENT", "FLASH", "UPDATE 2", "CORRECTED" ...
    header_text: str = ""  # the header as written (dateline, credit, dash)
    footer_text: str = ""  # trailing sign-off, e.g. "(Belga)"


def parse_header(text: str, *, received_at: datetime | None = None) -> Header:
    """Split `text` into wire header, story body and sign-off; never raises.

    `received_at` supplies the year when the dateline gives none; without it
    such a date is left out (`dateline_date` None, `dateline_text` kept).
    """
    if not isinstance(text, str):
        return Header(body_start=0, body_end=0)
    try:
        return _parse(text, received_at)
    except Exception:  # noqa: BLE001 - a stream processor must not die on odd copy
        start, end = _strip(text, 0, len(text))
        return Header(body_start=start, body_end=end)


def _parse(text: str, received_at: datetime | None) -> Header:
    head = text[:HEAD_LIMIT]
    pos = _skip_space(head, 0)
    body_start = pos
    fields: dict[str, Any] = {"markers": []}
    for _ in range(12):  # preamble lines, then the dateline
        if pos >= len(head):
            break
        dateline = _match_dateline(head, pos, received_at)
        if dateline is not None:
            body_start = _skip_space(text, dateline.pop("end"))
            dateline["header_text"] = text[fields.get("archive_at", pos) : body_start].rstrip()
            for name in ("dateline_date", "dateline_text"):
                dateline[name] = dateline[name] or fields.get(name)
            fields.update(dateline)
            break
        new_pos = _preamble_item(head, pos, fields, received_at)
        if new_pos is None:
            break
        pos = body_start = new_pos
    if "archive_at" in fields and "header_text" not in fields:  # the marker alone, the body right after it
        fields["header_text"] = fields["dateline_text"]
    fields.pop("archive_at", None)
    body_start, body_end = _strip(text, body_start, len(text))
    body_end, footer, signed = _sign_off(text, body_start, body_end)
    fields["agency"] = fields.get("agency") or signed
    fields["markers"] = tuple(fields["markers"])
    return Header(body_start=body_start, body_end=body_end, footer_text=footer, **fields)


def _preamble_item(head: str, pos: int, fields: dict[str, Any], received_at: datetime | None) -> int | None:
    """Consume one preamble item at `pos` into `fields`; return the next position or None."""
    archive = _ARCHIVE_DATE_RE.match(head, pos)
    if archive and "archive_at" not in fields:  # "date 2024-11 BRUXELLES (Belga) -", "date 2024-11 Le conseil ..."
        year, month = int(archive["y"]), int(archive["m"])
        fields["archive_at"] = pos
        fields["dateline_date"] = f"{year:04d}-{month:02d}" if 1 <= month <= 12 else None
        fields["dateline_text"] = head[pos : archive.end()].strip(" \t-–—=:")
        return _skip_space(head, archive.end())
    marker = _MARKER_RE.match(head, pos)
    if marker:
        fields["markers"].append(re.sub(r"(?<=[A-Z])[ \t]*(?=\d)", " ", marker["marker"]))
        return _skip_space(head, marker.end())
    line_end = head.find("\n", pos)
    if line_end < 0:
        if len(head) == HEAD_LIMIT:
            return None  # the line runs past the header window: not a preamble line
        line_end = len(head)
    line = head[pos:line_end].strip()
    byline = _BYLINE_RE.fullmatch(line)
    if byline and "byline" not in fields and _is_name(byline["name"]):
        fields["byline"] = byline["name"].strip()
    elif _NOTE_RE.fullmatch(line):
        pass  # editor's note such as "(Adds CEO comments)": not part of the body
    elif "headline" not in fields and _is_headline(head, line, line_end, received_at):
        fields["headline"] = line
    else:
        return None
    return _skip_space(head, line_end)


def _is_name(s: str) -> bool:
    """Whether a byline's text looks like names: capitalised words and a few connectors."""
    words = s.replace(",", " ").split()
    if not (1 <= len(words) <= 12) or s.rstrip()[-1] in ".:;":
        return False
    return words[0][0].isupper() and all(w[0].isupper() or w.casefold() in _NAME_WORDS for w in words)


def _is_headline(head: str, line: str, line_end: int, received_at: datetime | None) -> bool:
    """A short line without final punctuation, followed by a blank line or the dateline."""
    if not (3 <= len(line) <= 200) or line[-1] in ".,;:" or line[0].islower():
        return False
    if not any(c.isalpha() for c in line):
        return False
    following = head[line_end : _skip_space(head, line_end)]
    nxt = line_end + len(following)
    return following.count("\n") >= 2 or _match_dateline(head, nxt, received_at) is not None


def _match_dateline(head: str, pos: int, received_at: datetime | None) -> dict[str, Any] | None:
    """Parse `PLACE[, Country][,] [date] (Agency) -` at `pos`; None if it is not one."""
    m = _DATELINE_RE.match(head, pos)
    if not m:
        return None
    agency = _agency(m["credit"])
    if agency is None:
        return None
    written = m["dl"].strip().rstrip(",").rstrip()
    dl = unicodedata.normalize("NFC", written)
    iso, rest = _parse_date(dl, received_at)
    parts = [p.strip() for p in rest.split(",")]
    place: str | None = parts[0]
    if place.casefold() == "date" and len(parts) == 1 and rest != dl:
        place = None  # Belga archive form: "date 2018-10 (Belga)"
    elif not place:
        if rest.strip(" ,"):
            return None
        place = None
    elif not _is_place(place) or not all(_is_place(p) for p in parts[1:]):
        return None
    return {
        "agency": agency,
        "dateline_place": title_place(place) if place else None,
        "dateline_date": iso,
        "dateline_text": written or None,
        "end": m.end(),
    }


def _agency(credit: str) -> str | None:
    """Normalised agency of a credit such as "BELGA", "Belga/ABC" or "AFP"; None if unknown."""
    first = re.split(r"[/,;]", credit, maxsplit=1)[0].strip()
    return AGENCIES.get(first.casefold())


def _is_place(s: str) -> bool:
    """Whether `s` looks like a dateline place or country ("BRUXELLES", "Den Haag", "Rio de Janeiro")."""
    words = s.split()
    if not (1 <= len(words) <= 6) or len(s) > 50:
        return False
    caps = s == s.upper()
    for i, word in enumerate(words):
        for segment in word.split("/"):
            if not segment or not (segment[0].isalpha() or segment[0] in "'’"):
                return False
            if not all(c.isalpha() or c in _PLACE_CHARS or unicodedata.combining(c) for c in segment):
                return False
        if not caps and not word[0].isupper() and not (i and word.casefold() in PLACE_PARTICLES):
            return False
    return True


def _parse_date(dl: str, received_at: datetime | None) -> tuple[str | None, str]:
    """Find a date at the end of dateline `dl`; return (ISO date or None, the rest of `dl`)."""
    m = _DATE_RE.search(dl)
    if not m:
        return None, dl
    rest = dl[: m.start()].rstrip(" ,")
    if m["iy"]:
        year, month = int(m["iy"]), int(m["im"])
        if m["id"]:
            return _iso(year, month, int(m["id"])), rest
        return (f"{year:04d}-{month:02d}" if 1 <= month <= 12 else None), rest
    if m["nd"]:
        day, month, year = int(m["nd"]), int(m["nm"]), m["ny"]
    elif m["dd"]:
        day, month, year = int(m["dd"]), _month(m["dm"]), m["dy"]
    else:
        day, month, year = int(m["md"]), _month(m["mm"]), m["my"]
    if month is None:
        return None, dl
    if year is not None:
        return _iso(int(year) + (2000 if len(year) == 2 else 0), month, day), rest
    return _infer_year(month, day, received_at), rest


def _month(word: str) -> int | None:
    """Month number of a French, Dutch, English or German month name or abbreviation."""
    return MONTH_NUMBERS.get(fold(word))


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _infer_year(month: int, day: int, received_at: datetime | None) -> str | None:
    """The latest valid date with this month/day not more than `MAX_FUTURE` after `received_at`."""
    if received_at is None:
        return None
    ref = received_at.date() if isinstance(received_at, datetime) else received_at
    latest = ref + MAX_FUTURE if ref < date.max - MAX_FUTURE else date.max  # received_at may be in year 9999
    for year in (ref.year + 1, ref.year, ref.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:  # 29 February, or a year outside 1-9999
            continue
        if candidate <= latest:
            return candidate.isoformat()
    return None


def _sign_off(text: str, start: int, end: int) -> tuple[int, str, str | None]:
    """Strip trailing sign-offs from `text[start:end]`; return (new end, footer text, agency)."""
    new_end, agency = end, None
    for _ in range(3):
        cut = _sign_off_start(text, max(start, new_end - TAIL_LIMIT), new_end)
        if cut is None:
            break
        agency = agency or _agency(text[cut + 1 : new_end - 1])
        new_end = _strip(text, start, cut)[1]
    return new_end, text[new_end:end].strip(), agency


def _sign_off_start(text: str, lo: int, end: int) -> int | None:
    """Start of the last sign-off in `text[lo:end]` (which ends on it), or None."""
    tail = text[lo:end]
    if tail.endswith(")"):
        i = tail.rfind("(")
        word = tail[i:] if i >= 0 else ""
    else:
        i = max(tail.rfind(" "), tail.rfind("\n"), tail.rfind("\t")) + 1
        word = tail[i:]
    before = tail[:i]
    prev = before.rstrip()
    own_line = not prev or "\n" in before[len(prev) :]
    after_sentence = own_line or (prev[-1] in ".!?»”\"')" and len(prev) < len(before))
    if word.startswith("("):
        if _REUTERS_CREDIT_RE.fullmatch(word) and own_line:
            return lo + i
        if _agency(word[1:-1]) is not None and (own_line or len(prev) < len(before)):
            return lo + i
    elif "/" in word and _INITIALS_RE.fullmatch(word) and after_sentence:
        return lo + i
    return None


def _skip_space(text: str, pos: int) -> int:
    return _SPACE_RE.match(text, pos).end() if pos < len(text) else pos


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Move `start`/`end` inwards past whitespace."""
    start = _skip_space(text, start)
    return start, max(start, start + len(text[start:end].rstrip()))
