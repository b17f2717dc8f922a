import orjson
import pytest

from streams.errors import DecodeError
from streams.nlp.decode import content_id, decode

TEXT = "NAMUR, 3 avril (Belga) - Le conseil communal a voté mardi le budget. (Belga)"


def test_plain_text_takes_the_message_key_as_id():
    dispatch = decode(TEXT.encode(), b"belga-123")
    assert dispatch.id == "belga-123"
    assert dispatch.text == TEXT
    assert dispatch.format == "text"


def test_plain_text_without_key_gets_a_stable_content_id():
    first, second = decode(TEXT.encode()), decode(TEXT.encode())
    assert first.id == second.id == content_id(TEXT)
    assert decode((TEXT + " ").encode()).id != first.id


def test_windows_line_ends_are_normalised():
    assert decode(b"Un\r\nDeux\rTrois").text == "Un\nDeux\nTrois"


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
    dispatch = decode(value, b"other-key")
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
    assert decode(value, b"k1").id == "k1"
    assert decode(value).id == content_id(TEXT)


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
    assert decode(b"[1, 2, 3]").format == "text"


def test_values_over_the_limit_are_too_large():
    with pytest.raises(DecodeError) as caught:
        decode(b"x" * 101, max_bytes=100)
    assert caught.value.reason == "too_large"
