"""Safe XML parsing: defusedxml with DTDs, entity declarations and external references forbidden.

A document that declares a DTD (`<!DOCTYPE ...>`, internal or external) is
refused outright: without a DTD there is no entity to expand (billion laughs,
quadratic blow-up) and nothing external to fetch (`SYSTEM "file:///etc/passwd"`,
`http://...` DTDs). The parser never opens a file or a socket, and expat stops
at the declaration, before reading further. The size of the input is bounded
by the caller before parsing. `_XML_START` is anchored (`match`): one run of blanks at most.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import fromstring

from streams.errors import DecodeError

XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"
_BOM = b"\xef\xbb\xbf"
_WHITESPACE = b" \t\r\n"
# Blanks, a UTF-8 byte-order mark, then what may follow "<" at the start of a well-formed
# document: a declaration, a comment or doctype ("<!"), or an element name.
# "<<URGENT>>" or "< 5 %" can never be XML: they stay text.
_XML_START = re.compile(rb"[ \t\r\n]*(?:\xef\xbb\xbf[ \t\r\n]*)?<[?!A-Za-z_:\x80-\xff]")


def looks_like_xml(value: bytes) -> bool:
    """Whether a raw value is to be parsed as XML: its first non-blank bytes open a tag."""
    return _XML_START.match(value) is not None


def parse_xml(value: bytes) -> Element:
    """Parse a whole XML document safely, or raise DecodeError (`unsafe_xml` / `invalid_xml`).

    Leading blanks (and a UTF-8 byte-order mark) are skipped; the encoding the
    XML declaration names is honoured.
    """
    data = value.lstrip(_WHITESPACE)
    if data.startswith(_BOM):
        data = data[len(_BOM) :].lstrip(_WHITESPACE)
    try:
        return fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DTDForbidden as exc:
        where = f" {exc.sysid!r}" if exc.sysid else ""
        raise DecodeError(
            "unsafe_xml",
            f"the XML declares a DTD (<!DOCTYPE {exc.name}{where}>); DTDs are refused because they allow "
            "entity-expansion bombs and external references",
        ) from None
    except EntitiesForbidden as exc:
        raise DecodeError("unsafe_xml", f"the XML declares an entity ({exc.name!r}); entities are refused") from None
    except ExternalReferenceForbidden as exc:
        raise DecodeError(
            "unsafe_xml", f"the XML refers to an external resource ({exc.sysid!r}), which is never fetched"
        ) from None
    except DefusedXmlException as exc:
        raise DecodeError("unsafe_xml", f"the XML uses a refused feature: {exc}") from None
    except ParseError as exc:
        raise DecodeError("invalid_xml", f"the message looks like XML but does not parse: {exc}") from None
    except (ValueError, LookupError, UnicodeError, RecursionError, MemoryError) as exc:
        # expat reports most faults as ParseError; these cover odd declared encodings and the like
        raise DecodeError("invalid_xml", f"the message looks like XML but does not parse: {exc}") from None


def local_name(tag: object) -> str:
    """The local name of an element tag, without its namespace ("{ns}newsItem" -> "newsItem")."""
    if not isinstance(tag, str):  # comments and processing instructions, should a tree hold any
        return ""
    return tag.rpartition("}")[2]


def xml_lang(element: Element) -> str | None:
    """The language an element declares (`xml:lang`, else a plain `lang` attribute)."""
    value = element.get(f"{{{XML_NAMESPACE}}}lang") or element.get("lang")
    return value.strip() or None if value else None
