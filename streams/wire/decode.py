"""Turn the bytes of a raw message into `Dispatch`es, or say precisely why not.

The format is detected from the first non-blank bytes of the value:

- `<` and a tag: XML, parsed safely (no DTD, no entity, nothing external); the root
  element says which: a NewsML-G2 `newsItem` (one dispatch), a NewsML-G2 `newsMessage`
  (one dispatch per text item), or a NITF `nitf` document (one dispatch);
- `{`: a JSON envelope `{"id", "body", "headline"?, "agency"?, "lang"?, "received_at"?,
  "version"?}`;
- anything else: plain text, a dispatch as it comes off the wire.

The dispatch id of text and envelopes is the envelope's id, else the message key,
else a stable hash of the content, so a re-delivery keeps its id. The id of an
XML item is its guid (NewsML-G2) or doc-id (NITF), shared by all its versions.
An id over `MAX_ID_BYTES` (256 bytes of UTF-8), wherever it comes from, is refused
(`id_too_long`): it would be copied into the key and id of every event.

Reasons of `DecodeError`: empty, too_large, invalid_utf8, binary, invalid_json,
invalid_envelope, invalid_xml, unsafe_xml, unsupported_xml, unsupported_item,
invalid_newsml, id_too_long, too_many_items.
"""

from __future__ import annotations

import orjson

from streams.errors import DecodeError
from streams.wire import newsml, nitf
from streams.wire.dispatch import MAX_ID_BYTES, MAX_VERSION, STATUSES, Dispatch, Subject, content_id, id_too_long
from streams.wire.values import parse_timestamp
from streams.wire.xml_safety import local_name, looks_like_xml, parse_xml

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_ITEMS",
    "MAX_ID_BYTES",
    "STATUSES",
    "DecodeError",
    "Dispatch",
    "Subject",
    "content_id",
    "decode",
]

DEFAULT_MAX_BYTES = 1_000_000
DEFAULT_MAX_ITEMS = 100  # items of one NewsML-G2 newsMessage
ENVELOPE_FIELDS = {"id", "body", "headline", "agency", "lang", "received_at", "version"}
_TEXT_FIELDS = ("headline", "agency", "lang", "received_at")
XML_ROOTS = ("newsItem", "newsMessage", "nitf")


def decode(
    value: bytes | None,
    key: bytes | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_items: int | None = DEFAULT_MAX_ITEMS,
) -> list[Dispatch]:
    """Decode a raw message value (and its key) into its dispatches.

    A NewsML-G2 newsMessage gives one dispatch per text item, in order (at most
    `max_items` of them); every other input gives exactly one. Raises DecodeError
    with a machine-readable `reason` for anything that is not processable (the
    whole message).
    """
    if value is None or not value.strip():
        raise DecodeError("empty", "the message value is empty")
    if len(value) > max_bytes:
        raise DecodeError("too_large", f"the message value is {len(value)} bytes, over the limit of {max_bytes}")
    key_text = _key_text(key)
    if looks_like_xml(value):
        dispatches = _from_xml(value, key_text, max_items)
    else:
        try:
            text = value.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DecodeError(
                "invalid_utf8", f"the message value is not UTF-8: {exc.reason} at byte {exc.start}"
            ) from None
        dispatches = [_from_envelope(text, key_text) if text.lstrip().startswith("{") else _from_text(text, key_text)]
    for dispatch in dispatches:
        if id_too_long(dispatch.id):
            where = (
                "the message key" if key_text is not None and dispatch.id == key_text else f"the {dispatch.format} id"
            )
            raise DecodeError(
                "id_too_long",
                f"the dispatch id ({where}) is {len(dispatch.id.encode('utf-8', 'surrogatepass'))} bytes, "
                f"over the limit of {MAX_ID_BYTES}",
            )
    return dispatches


def _from_xml(value: bytes, key: str | None, max_items: int | None) -> list[Dispatch]:
    root = parse_xml(value)
    name = local_name(root.tag)
    if name == "newsItem":
        return [newsml.item_dispatch(root)]
    if name == "newsMessage":
        return newsml.message_dispatches(root, max_items)
    if name == "nitf":
        return [nitf.nitf_dispatch(root, key)]
    raise DecodeError(
        "unsupported_xml",
        f"the XML root element <{name[:60]}> is none of {', '.join(XML_ROOTS)} (NewsML-G2 or NITF)",
    )


def _key_text(key: bytes | None) -> str | None:
    if not key:
        return None
    try:
        return key.decode("utf-8").strip() or None
    except UnicodeDecodeError:
        return None


def _from_text(text: str, key: str | None) -> Dispatch:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    _reject_binary(text)
    return Dispatch(id=key or content_id(text), text=text, format="text")


def _from_envelope(text: str, key: str | None) -> Dispatch:
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise DecodeError("invalid_json", f"the message looks like JSON but does not parse: {exc}") from None
    if not isinstance(data, dict):
        raise DecodeError("invalid_envelope", "the JSON envelope must be an object")
    body = data.get("body")
    if not isinstance(body, str):
        raise DecodeError("invalid_envelope", f"envelope field 'body' must be a string, not {_type_name(body)}")
    if not body.strip():
        raise DecodeError("empty", "envelope field 'body' is empty")
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    _reject_binary(body)
    fields = {name: _optional_str(data, name) for name in _TEXT_FIELDS}
    if fields["received_at"] is not None:
        _check_timestamp(fields["received_at"])
    version = data.get("version")
    if version is not None and (
        isinstance(version, bool) or not isinstance(version, int) or not 0 <= version <= MAX_VERSION
    ):
        raise DecodeError(
            "invalid_envelope",
            f"envelope field 'version' must be an integer from 0 to {MAX_VERSION}, not {str(version)[:40]}",
        )
    envelope_id = data.get("id")
    if isinstance(envelope_id, bool) or not isinstance(envelope_id, (str, int, type(None))):
        raise DecodeError("invalid_envelope", f"envelope field 'id' must be a string, not {_type_name(envelope_id)}")
    dispatch_id = str(envelope_id).strip() if envelope_id is not None else ""
    return Dispatch(
        id=dispatch_id or key or content_id(body),
        text=body,
        version=version,
        format="envelope",
        **fields,
    )


def _optional_str(data: dict, name: str) -> str | None:
    value = data.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise DecodeError("invalid_envelope", f"envelope field {name!r} must be a string, not {_type_name(value)}")
    return value.strip() or None


def _check_timestamp(value: str) -> None:
    if parse_timestamp(value) is None:
        raise DecodeError("invalid_envelope", f"envelope field 'received_at' is not an ISO 8601 time: {value[:40]!r}")


def _reject_binary(text: str) -> None:
    """Refuse text that is mostly control characters, or holds a NUL anywhere: binary data, not a dispatch."""
    sample = text[:4096]
    controls = sum(1 for c in sample if c < " " and c not in "\n\t")
    if controls > len(sample) // 10 or "\x00" in text:
        raise DecodeError("binary", "the message value is binary data, not text")


def _type_name(value: object) -> str:
    return "null" if value is None else type(value).__name__
