"""Tests for streams.wire.decode: format detection, plain text and the JSON envelope.

NewsML-G2, NITF and XML safety have their own files (test_formats_*.py).
"""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from streams.errors import DecodeError
from streams.wire.decode import DEFAULT_MAX_BYTES, Dispatch, content_id, decode

FIXTURES = Path(__file__).parent.parent / "fixtures"

TEXT = "NAMUR, 3 avril (Belga) - Le conseil communal a voté mardi le budget. (Belga)"


def one(value, key=None, **kwargs) -> Dispatch:
    """The single dispatch that a non-newsMessage value decodes to."""
    dispatches = decode(value, key, **kwargs)
    assert isinstance(dispatches, list)
    assert len(dispatches) == 1
    return dispatches[0]


def test_plain_text_takes_the_message_key_as_id():
    dispatch = one(TEXT.encode(), b"belga-123")
    assert dispatch.id == "belga-123"
    assert dispatch.text == TEXT
    assert dispatch.format == "text"


def test_plain_text_without_key_gets_a_stable_content_id():
    first, second = one(TEXT.encode()), one(TEXT.encode())
    assert first.id == second.id == content_id(TEXT)
    assert one((TEXT + " ").encode()).id != first.id


def test_windows_line_ends_are_normalised():
    assert one(b"Un\r\nDeux\rTrois").text == "Un\nDeux\nTrois"


def test_envelope_fields_are_read_and_its_id_wins_over_the_key():
    value = orjson.dumps(
        {
            "id": "afp-9",
            "body": TEXT,
            "headline": "Budget voté",
            "agency": "AFP",
            "lang": "fr",
            "received_at": "2025-04-03T10:00:00Z",
            "version": 2,
        }
    )
    dispatch = one(value, b"other-key")
    assert (dispatch.id, dispatch.headline, dispatch.agency, dispatch.lang, dispatch.version) == (
        "afp-9",
        "Budget voté",
        "AFP",
        "fr",
        2,
    )
    assert dispatch.received_at == "2025-04-03T10:00:00Z"
    assert dispatch.format == "envelope"


def test_envelope_without_id_falls_back_to_key_then_content():
    value = orjson.dumps({"body": TEXT})
    assert one(value, b"k1").id == "k1"
    assert one(value).id == content_id(TEXT)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (None, "empty"),
        (b"\xff\xfe\x00garbage\xc3", "invalid_utf8"),
        (b"\x00\x01\x02\x03\x04\x05\x06\x07", "binary"),
        (b'{"id": "x", "body": ', "invalid_json"),
        (b'{"id": "x"}', "invalid_envelope"),
        (b'{"id": "x", "body": 42}', "invalid_envelope"),
        (b'{"id": "x", "body": "  "}', "empty"),
        (b'{"id": ["x"], "body": "texte"}', "invalid_envelope"),
        (b'{"id": true, "body": "texte"}', "invalid_envelope"),
        (b'{"id": "x", "body": "texte", "headline": {"a": 1}}', "invalid_envelope"),
        (b'{"id": "x", "body": "texte", "version": "2"}', "invalid_envelope"),
        (b'{"id": "x", "body": "texte", "version": -1}', "invalid_envelope"),
        (b'{"id": "x", "body": "texte", "received_at": "hier"}', "invalid_envelope"),
    ],
)
def test_bad_input_is_refused_with_a_reason(value, reason):
    with pytest.raises(DecodeError) as caught:
        decode(value)
    assert caught.value.reason == reason
    assert str(caught.value)


def test_a_json_array_is_not_an_envelope():
    # starts with "[" so it is treated as text, and text is a valid dispatch
    assert one(b"[1, 2, 3]").format == "text"


def test_values_over_the_limit_are_too_large():
    with pytest.raises(DecodeError) as caught:
        decode(b"x" * 101, max_bytes=100)
    assert caught.value.reason == "too_large"


# -- the list API, defaults and format detection -------------------------------------------------


def test_text_and_envelope_keep_the_metadata_defaults():
    text = one(b"UPDATE 2-NAMUR, 3 avril (Belga) - Le budget est vot\xc3\xa9.")
    envelope = one(orjson.dumps({"id": "e1", "body": TEXT}))
    for dispatch in (text, envelope):
        assert dispatch.version is None  # text markers are the header's business, not a version
        assert dispatch.status == "usable"
        assert not dispatch.withdrawn
        assert (dispatch.guid, dispatch.urgency, dispatch.slugline, dispatch.byline) == (None, None, None, None)
        assert (dispatch.keywords, dispatch.subjects, dispatch.markers) == ((), (), ())
        assert dispatch.dateline_place is dispatch.dateline_date is dispatch.version_created is None


def test_dispatch_is_frozen_and_built_positionally_as_before():
    dispatch = Dispatch("x", "texte", "Titre", "Belga", "fr", None, 2, "envelope")
    assert (dispatch.id, dispatch.headline, dispatch.version, dispatch.format) == ("x", "Titre", 2, "envelope")
    with pytest.raises(AttributeError):
        dispatch.status = "canceled"  # type: ignore[misc]
    assert not hasattr(dispatch, "__dict__")


@pytest.mark.parametrize(
    ("value", "fmt"),
    [
        (TEXT.encode(), "text"),
        (b"<<URGENT>> NAMUR (Belga) - Le budget.", "text"),  # "<" without a tag is never XML
        (b"< 5 % des voix (Belga)", "text"),
        (b'  \n{"id": "e", "body": "texte"}', "envelope"),
        (b'\n\n  <newsItem guid="g"><contentSet><inlineData>Texte.</inlineData></contentSet></newsItem>', "newsml"),
        (b'\xef\xbb\xbf<?xml version="1.0"?><nitf><body><body.content><p>T.</p></body.content></body></nitf>', "nitf"),
        (b"<!-- a comment first --><nitf><body><body.content><p>T.</p></body.content></body></nitf>", "nitf"),
    ],
)
def test_the_format_is_detected_from_the_first_bytes(value, fmt):
    assert one(value).format == fmt


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (b"<newsItem guid='g'><contentSet>", "invalid_xml"),
        (b"<nitf><body></nitf>", "invalid_xml"),
        (b"<p>a &nbsp; b</p>", "invalid_xml"),  # HTML entity, undefined without a DTD
        (b'<?xml version="1.0" encoding="no-such-encoding"?><nitf/>', "invalid_xml"),
        (b'<rss version="2.0"><channel><title>x</title></channel></rss>', "unsupported_xml"),
        (b'<NewsML Version="1.2"><NewsItem/></NewsML>', "unsupported_xml"),  # NewsML 1.x
        (b"<!DOCTYPE nitf><nitf/>", "unsafe_xml"),
    ],
)
def test_xml_that_cannot_be_used_is_refused_with_a_reason(value, reason):
    with pytest.raises(DecodeError) as caught:
        decode(value)
    assert caught.value.reason == reason
    assert str(caught.value)


def test_the_size_limit_applies_before_any_parsing():
    bomb = (FIXTURES / "attacks" / "billion-laughs.xml").read_bytes()
    with pytest.raises(DecodeError) as caught:
        decode(bomb, max_bytes=len(bomb) - 1)
    assert caught.value.reason == "too_large"
    item = (FIXTURES / "newsml" / "belga-budget-v1.xml").read_bytes()
    assert len(decode(item, max_bytes=len(item))) == 1
    assert DEFAULT_MAX_BYTES == 1_000_000


def test_a_news_message_gives_several_dispatches_and_everything_else_one():
    message = (FIXTURES / "newsml" / "reuters-belga-message.xml").read_bytes()
    assert len(decode(message)) == 3
    for path in sorted(FIXTURES.glob("n*/*.xml")):
        if path.name != "reuters-belga-message.xml":
            assert len(decode(path.read_bytes())) == 1, path.name


def test_the_key_is_ignored_for_an_item_with_a_guid_and_used_for_nitf_without_doc_id():
    item = (FIXTURES / "newsml" / "belga-budget-v1.xml").read_bytes()
    assert one(item, b"some-key").id == "urn:newsml:belga.be:20250403:BEL-NAMUR-BUDGET"
    nitf = b"<nitf><body><body.content><p>Sans identifiant.</p></body.content></body></nitf>"
    assert one(nitf, b"k-7").id == "k-7"
    assert one(nitf).id == content_id("Sans identifiant.")
