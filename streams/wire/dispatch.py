"""The `Dispatch`: one dispatch as received, in any input format, before enrichment.

`streams.wire.decode` re-exports everything here; import it from there.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Literal

Status = Literal["usable", "withdrawn", "canceled"]
Format = Literal["text", "envelope", "newsml", "nitf"]
STATUSES: tuple[Status, ...] = ("usable", "withdrawn", "canceled")
# The longest dispatch id accepted, in UTF-8 bytes, wherever it comes from (envelope id, message key,
# NewsML-G2 guid, NITF doc-id). The id is the Kafka key and part of every event id and quote id: a longer one
# is refused (`id_too_long`) rather than copied into every output. Agencies' ids are under 100 bytes.
MAX_ID_BYTES = 256
# The highest version accepted (a signed 32-bit integer, as NewsML-G2 and NITF define it); above: refused.
MAX_VERSION = 2**31 - 1


@dataclass(frozen=True, slots=True)
class Subject:
    """A subject of a dispatch: a qualified code ("medtop:20000106", "subj:04000000") and its name."""

    code: str
    name: str | None = None


@dataclass(frozen=True, slots=True)
class Dispatch:
    """One dispatch as received, before any enrichment.

    For plain text and envelopes only the first eight fields are set: the wire
    header in `text` says the rest. For XML formats (`newsml`, `nitf`) `text`
    is the body alone (paragraphs joined by a blank line) and the metadata
    fields carry what the XML says; `id` is the item's guid / doc-id, the same
    for every version of the item.
    """

    id: str
    text: str
    headline: str | None = None
    agency: str | None = None
    lang: str | None = None  # a BCP 47 tag as given ("fr", "nl-BE")
    received_at: str | None = None
    version: int | None = None
    format: Format = "text"
    # -- metadata of XML formats (defaults for text and envelopes) --------------------------
    guid: str | None = None  # NewsML-G2 guid or NITF doc-id (then equal to `id`)
    status: Status = "usable"  # "withdrawn": withheld; "canceled": canceled or killed
    urgency: int | None = None  # 1 (most urgent) .. 9
    slugline: str | None = None
    keywords: tuple[str, ...] = ()
    subjects: tuple[Subject, ...] = ()
    byline: str | None = None  # the author's name(s), without "By"/"Par"
    provider: str | None = None  # who supplied the item (G2 provider, NITF doc-id regsrc)
    credit: str | None = None  # the credit line as written (G2 creditline, NITF distributor)
    dateline_place: str | None = None
    dateline_date: str | None = None  # ISO 8601 date of the story, e.g. "2025-04-03"
    dateline_text: str | None = None  # the dateline as written, e.g. "NAMUR, 3 avril"
    first_created: str | None = None  # ISO 8601 date-time
    version_created: str | None = None  # ISO 8601 date-time of this version
    embargoed: str | None = None  # ISO 8601 date-time before which the item must not be used
    markers: tuple[str, ...] = ()  # same vocabulary as the text header: "CORRECTED", "UPDATE 2", "URGENT"...
    ed_note: str | None = None  # a note to editors: correction notice, kill reason

    @property
    def withdrawn(self) -> bool:
        """Whether the item must no longer be used (withheld, canceled or killed)."""
        return self.status != "usable"


def id_too_long(dispatch_id: str) -> bool:
    """Whether a dispatch id is over `MAX_ID_BYTES` (checked without encoding a long one whole)."""
    return len(dispatch_id) > MAX_ID_BYTES or len(dispatch_id.encode("utf-8", "surrogatepass")) > MAX_ID_BYTES


def content_id(text: str) -> str:
    """A stable id for a dispatch that came without one."""
    return "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
