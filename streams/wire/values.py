"""Small value parsers shared by the XML formats: dates, numbers, codes, places, agencies, markers.

Metadata is secondary to the story: a value that does not parse becomes None
rather than failing the dispatch.

The patterns here stay on `re` and are linear in their input: each repetition is bounded or of
one character class followed by a character outside it, so a failed attempt backtracks at most
over one run, and runs do not overlap (tests/unit/test_growth.py, family `wire.values`).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone

from streams.wire.lexicon import AGENCIES, MARKERS, PLACE_PARTICLES

# ISO 8601 basic form, as NITF recommends: 20250403T093000+0200, 20250403T093000Z, 20250403
_BASIC_RE = re.compile(
    r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})"
    r"(?:T(?P<H>\d{2})(?P<M>\d{2})(?P<S>\d{2})?(?:[.,]\d{1,9})?(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"
)
_EXTENDED_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Update/correction/urgency markers at the start of a headline or slugline ("UPDATE 2-", "CORRECTED-").
_MARKER_RE = re.compile(rf"(?P<marker>{MARKERS})[ \t]*[-–—:]")
_PLACE_RE = re.compile(r"['’]?[^\W\d_][^\d,;:()]{0,59}")  # "'s-Hertogenbosch" too


def parse_timestamp(value: str | None) -> datetime | None:
    """An ISO 8601 date-time ("2025-04-03T09:30:00Z", with an offset or naive) as a datetime; None if invalid."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def iso_datetime(value: str | None) -> str | None:
    """An ISO 8601 date-time or date (extended or basic form) as extended ISO 8601; None if invalid.

    The offset is kept as written; UTC is written "Z". A date alone stays a date.
    """
    if not value:
        return None
    value = value.strip()
    basic = _BASIC_RE.fullmatch(value)
    try:
        if basic:
            if basic["H"] is None:
                return date(int(basic["y"]), int(basic["m"]), int(basic["d"])).isoformat()
            tz = basic["tz"] or ""
            if tz and tz != "Z" and ":" not in tz:
                tz = f"{tz[:3]}:{tz[3:]}"
            value = f"{basic['y']}-{basic['m']}-{basic['d']}T{basic['H']}:{basic['M']}:{basic['S'] or '00'}{tz}"
        elif _EXTENDED_DATE_RE.fullmatch(value):
            return date.fromisoformat(value).isoformat()
        if "T" not in value:
            return None
        moment = datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    text = moment.isoformat()
    if moment.tzinfo is not None and moment.utcoffset() == timezone.utc.utcoffset(None):
        text = text.removesuffix("+00:00") + "Z"
    return text


def iso_date(value: str | None) -> str | None:
    """The calendar date of an ISO 8601 date-time, in its own offset ("2025-04-03T23:30+02:00" -> "2025-04-03")."""
    normalised = iso_datetime(value)
    return normalised[:10] if normalised else None


def small_int(value: str | None, *, low: int, high: int) -> int | None:
    """An integer written in decimal digits within [low, high]; None otherwise."""
    if value is None:
        return None
    value = value.strip()
    if not value.isascii() or not value.isdigit() or len(value) > 9:
        return None
    number = int(value)
    return number if low <= number <= high else None


def code_value(code: str | None) -> str | None:
    """The value part of a QCode or code URI ("stat:canceled" or ".../pubstatusg2/canceled" -> "canceled")."""
    if not code:
        return None
    value = re.split(r"[:/#]", code.strip().rstrip("/"))[-1].strip()
    return value or None


def place_of(dateline: str | None) -> str | None:
    """The place of a written dateline ("NAMUR, 3 avril" -> "Namur"); None if it does not start with one."""
    if not dateline:
        return None
    first = re.split(r"[,;(]|\s[-–—]\s", dateline, maxsplit=1)[0].strip()
    if not _PLACE_RE.fullmatch(first):
        return None
    return title_place(first)


def title_place(place: str) -> str:
    """Title-case an all-caps place, particles in lower case; others unchanged.

    "BRUXELLES/LUXEMBOURG" -> "Bruxelles/Luxembourg", "RIO DE JANEIRO" -> "Rio de Janeiro",
    "VILLENEUVE-D'ASCQ" -> "Villeneuve-d'Ascq", "'S-HERTOGENBOSCH" -> "'s-Hertogenbosch".
    """
    if place != place.upper():
        return place
    out = []
    for i, token in enumerate(re.split(r"([\s/\-]+)", place)):
        low = token.lower()
        if i and low in PLACE_PARTICLES:
            out.append(low)
        else:
            out.append(re.sub(r"[^\W\d_]+", lambda w: w[0].capitalize(), low))
    titled = "".join(out)
    titled = re.sub(r"(?<=[\s/\-])([LD])(?=['’])", lambda c: c[1].lower(), titled)
    return re.sub(r"^(['’])S(?=-)", r"\1s", titled)


def agency_of(*candidates: str | None) -> str | None:
    """The agency of a dispatch: the first candidate that names a known agency (normalised), else the first given."""
    for candidate in candidates:
        if candidate:
            for part in re.split(r"[/,;]| - ", candidate):
                known = AGENCIES.get(part.strip().casefold())
                if known:
                    return known
    return next((c for c in candidates if c), None)


def markers_of(*texts: str | None) -> tuple[str, ...]:
    """Update/correction/urgency markers prefixed to a headline or slugline, as the text header names them."""
    found: list[str] = []
    for text in texts:
        if not text:
            continue
        pos = 0
        while (match := _MARKER_RE.match(text, pos)) is not None:
            marker = re.sub(r"UPDATE[ \t]?(\d)", r"UPDATE \1", match["marker"])
            if marker not in found:
                found.append(marker)
            pos = match.end()
            while pos < len(text) and text[pos] in " \t":
                pos += 1
    return tuple(found)


def add_marker(markers: tuple[str, ...], *more: str) -> tuple[str, ...]:
    """Markers with more appended, without duplicates (an "UPDATE 2" already covers "UPDATE")."""
    out = list(markers)
    for marker in more:
        if marker == "UPDATE" and any(m.startswith("UPDATE") for m in out):
            continue
        if marker == "CORRECTED" and any(m in ("CORRECTED", "CORRECTION", "RECTIFICATIF") for m in out):
            continue
        if marker not in out:
            out.append(marker)
    return tuple(out)


def strip_byline(byline: str | None) -> str | None:
    """A byline without its leading "By"/"Par"/"Door"/"Von" ("Par Odile BRASSEUR" -> "Odile BRASSEUR")."""
    if not byline:
        return None
    name = re.sub(r"^(?:by|par|door|von)\s+", "", byline.strip(), flags=re.IGNORECASE).strip()
    return name or None
