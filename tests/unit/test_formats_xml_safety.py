"""XML safety: every attack is a dead letter with a reason, fast, without touching a file or the network.

Also the property that `decode` raises nothing but DecodeError, whatever the bytes.
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from streams.errors import DecodeError
from streams.wire.decode import Dispatch, decode
from streams.wire.xml_safety import looks_like_xml

FIXTURES = Path(__file__).parent.parent / "fixtures"
ATTACKS = sorted((FIXTURES / "attacks").glob("*.xml"))
GOOD = sorted((FIXTURES / "newsml").glob("*.xml")) + sorted((FIXTURES / "nitf").glob("*.xml"))

# Audit events raised while `decode` runs: any file opened, any socket or URL touched.
_WATCHED = ("open", "os.", "socket.", "urllib.", "http.", "subprocess.")
_seen: list[tuple[str, tuple]] | None = None


def _audit(event: str, args: tuple) -> None:
    if _seen is not None and event.startswith(_WATCHED):
        _seen.append((event, args))


sys.addaudithook(_audit)


def decode_watched(value: bytes, run=decode) -> tuple[list[Dispatch] | DecodeError, list[tuple[str, tuple]]]:
    """Decode while recording the audit events of file and network access."""
    global _seen
    _seen = []
    try:
        result: list[Dispatch] | DecodeError = run(value)
    except DecodeError as exc:
        result = exc
    finally:
        events, _seen = _seen, None
    return result, events


def test_the_watcher_sees_a_file_being_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("x", encoding="utf-8")
    _, events = decode_watched(b"", run=lambda _: [secret.read_text(encoding="utf-8")])
    assert any(event == "open" and str(secret) in repr(args) for event, args in events)


def all_text(dispatches: list[Dispatch]) -> str:
    return "\n".join(str(value) for d in dispatches for value in (getattr(d, f) for f in d.__slots__))


def test_the_attack_fixtures_are_there():
    assert {p.name for p in ATTACKS} >= {
        "billion-laughs.xml",
        "quadratic-blowup.xml",
        "xxe-local-file.xml",
        "external-dtd-http.xml",
        "parameter-entity-http.xml",
    }


@pytest.mark.parametrize("path", ATTACKS, ids=lambda p: p.stem)
def test_each_attack_is_refused_as_unsafe_quickly_without_file_or_network(path):
    value = path.read_bytes()
    started = time.perf_counter()
    result, events = decode_watched(value)
    elapsed = time.perf_counter() - started
    assert isinstance(result, DecodeError)
    assert result.reason == "unsafe_xml"
    assert "DTD" in str(result)
    assert elapsed < 0.2
    assert events == []


def test_the_billion_laughs_finishes_well_under_a_second_in_little_memory():
    value = (FIXTURES / "attacks" / "billion-laughs.xml").read_bytes()
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(DecodeError) as caught:
            decode(value)
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert caught.value.reason == "unsafe_xml"
    assert elapsed < 0.1
    assert peak < 1_000_000  # bytes: nothing was expanded


def test_an_external_entity_to_a_local_file_is_refused_and_the_file_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-7f3a9c", encoding="utf-8")
    for template in (
        '<!DOCTYPE newsItem [<!ENTITY xxe SYSTEM "{uri}">]>'
        '<newsItem guid="g"><contentSet><inlineData>&xxe;</inlineData></contentSet></newsItem>',
        '<!DOCTYPE nitf [<!ENTITY % ext SYSTEM "{uri}"> %ext;]>'
        "<nitf><body><body.content><p>x</p></body.content></body></nitf>",
        '<!DOCTYPE nitf SYSTEM "{uri}"><nitf><body><body.content><p>x</p></body.content></body></nitf>',
    ):
        value = ('<?xml version="1.0"?>\n' + template.format(uri=secret.as_uri())).encode()
        result, events = decode_watched(value)
        assert isinstance(result, DecodeError)
        assert result.reason == "unsafe_xml"
        assert "TOP-SECRET" not in str(result)
        assert not any(str(secret) in repr(args) for _, args in events)
        assert events == []


def test_entity_declarations_are_refused_even_inside_the_dtd_of_a_newsml_item():
    value = (
        b'<!DOCTYPE newsItem [<!ENTITY a "A">]>'
        b'<newsItem guid="g"><contentSet><inlineData>&a;</inlineData></contentSet></newsItem>'
    )
    with pytest.raises(DecodeError) as caught:
        decode(value)
    assert caught.value.reason == "unsafe_xml"


def test_deep_nesting_is_handled_without_recursion():
    depth = 100_000
    body = b"<div>" * depth + b"fond" + b"</div>" * depth
    value = b'<newsItem guid="deep"><contentSet><inlineXML>' + body + b"</inlineXML></contentSet></newsItem>"
    started = time.perf_counter()
    [dispatch] = decode(value, max_bytes=len(value))
    assert dispatch.text == "fond"
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize(
    "value",
    [
        b"<newsItem",
        b"<newsItem guid='g'><contentSet><inlineData>x</inlineData></contentSet></newsItem><extra/>",
        b"<nitf><body><body.content><p>x</body.content></body></nitf>",
        b"<nitf><p>\x00</p></nitf>",
        b"<nitf attr=no-quotes/>",
        b"<?xml version='1.0' encoding='UTF-8'?><nitf>\xff\xfe</nitf>",
        b"<nitf>&#0;</nitf>",
    ],
)
def test_malformed_xml_is_invalid_xml(value):
    with pytest.raises(DecodeError) as caught:
        decode(value)
    assert caught.value.reason == "invalid_xml"
    assert "does not parse" in str(caught.value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (b"<nitf/>", True),
        (b"  \r\n\t<?xml version='1.0'?><x/>", True),
        (b"\xef\xbb\xbf<newsItem/>", True),
        (b" " * 500 + b"\n<nitf/>", True),
        (b"<!DOCTYPE x><x/>", True),
        (b"<\xc3\xa9t\xc3\xa9/>", True),
        (b"<<URGENT>>", False),
        (b"< 5 %", False),
        (b"<3 Belga", False),
        (b"text <p>", False),
        (b"{}", False),
    ],
)
def test_looks_like_xml(value, expected):
    assert looks_like_xml(value) is expected


# -- property: nothing but DecodeError, whatever the bytes -----------------------------------------

_XMLISH = st.text(alphabet=st.sampled_from(list("<>/=\"' &;#x!?[]-:abcnpqtemsIN0129\n\t\u00e9\u00a0")), max_size=200)
_PREFIXES = st.sampled_from(
    [
        b"<",
        b"{",
        b"<?xml version='1.0'?>",
        b"<newsItem guid='g'>",
        b"<newsMessage><itemSet><newsItem guid='a'>",
        b"<nitf><body><body.content>",
        b"<!DOCTYPE nitf [",
        b"\xef\xbb\xbf<",
    ]
)


def _assert_decodes_or_refuses(value: bytes) -> None:
    try:
        dispatches = decode(value)
    except DecodeError as exc:
        assert isinstance(exc.reason, str) and exc.reason
        return
    assert isinstance(dispatches, list) and dispatches
    for dispatch in dispatches:
        assert isinstance(dispatch, Dispatch)
        assert isinstance(dispatch.id, str) and dispatch.id
        assert isinstance(dispatch.text, str)
        assert dispatch.status in ("usable", "withdrawn", "canceled")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=300), st.tuples(st.sampled_from([b"<", b"{", b" <"]), st.binary(max_size=300)).map(b"".join)
    )
)
def test_arbitrary_bytes_give_dispatches_or_a_decode_error(value):
    _assert_decodes_or_refuses(value)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_PREFIXES, _XMLISH)
def test_xml_like_text_gives_dispatches_or_a_decode_error(prefix, text):
    _assert_decodes_or_refuses(prefix + text.encode("utf-8"))


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(GOOD), st.data())
def test_mutated_fixtures_give_dispatches_or_a_decode_error(path, data):
    value = path.read_bytes()
    start = data.draw(st.integers(0, len(value)))
    end = data.draw(st.integers(start, min(len(value), start + 200)))
    insert = data.draw(st.one_of(st.binary(max_size=20), st.sampled_from([b"<", b">", b"&", b"</p>", b"<p>", b"<q>"])))
    _assert_decodes_or_refuses(value[:start] + insert + value[end:])


def test_no_attack_content_leaks_into_any_output():
    for path in ATTACKS:
        result, _ = decode_watched(path.read_bytes())
        assert isinstance(result, DecodeError)
        assert "root:" not in str(result)  # /etc/passwd content
    for path in GOOD:
        dispatches = decode(path.read_bytes())
        assert "root:" not in all_text(dispatches)
