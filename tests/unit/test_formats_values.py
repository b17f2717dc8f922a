"""Tests for the helpers the XML formats share: values (dates, codes, markers) and text (paragraphs)."""

from __future__ import annotations

import pytest
from defusedxml.ElementTree import fromstring

from streams.wire.header import parse_header
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
from streams.wire.xmltext import clean, paragraphs, text_paragraphs


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-04-03T10:02:00+02:00", "2025-04-03T10:02:00+02:00"),
        ("2025-04-03T08:10:00Z", "2025-04-03T08:10:00Z"),
        ("2025-04-03T08:10:00.000Z", "2025-04-03T08:10:00Z"),
        ("2025-04-03T08:10:00+00:00", "2025-04-03T08:10:00Z"),
        ("2025-04-03", "2025-04-03"),
        ("20250403T083100+0200", "2025-04-03T08:31:00+02:00"),  # NITF basic form
        ("20250403T083100-0500", "2025-04-03T08:31:00-05:00"),
        ("20250403T0831Z", "2025-04-03T08:31:00Z"),
        ("20250403T000000", "2025-04-03T00:00:00"),
        ("20250403", "2025-04-03"),
        ("2025-02-30", None),
        ("20251340T000000Z", None),
        ("hier", None),
        ("", None),
        (None, None),
    ],
)
def test_iso_datetime(value, expected):
    assert iso_datetime(value) == expected


def test_iso_date_keeps_the_written_offset():
    assert iso_date("2025-04-03T23:30:00-05:00") == "2025-04-03"
    assert iso_date("nope") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [("3", 3), (" 9 ", 9), ("0", None), ("10", None), ("x", None), ("٣", None), ("-1", None), (None, None)],
)
def test_small_int(value, expected):
    assert small_int(value, low=1, high=9) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("stat:canceled", "canceled"),
        ("http://cv.iptc.org/newscodes/pubstatusg2/withheld/", "withheld"),
        ("usable", "usable"),
        ("", None),
        (None, None),
    ],
)
def test_code_value(value, expected):
    assert code_value(value) == expected


@pytest.mark.parametrize(
    ("dateline", "place"),
    [
        ("NAMUR, 3 avril", "Namur"),
        ("BRUXELLES/LUXEMBOURG, 12 mars", "Bruxelles/Luxembourg"),
        ("Den Haag, 3 april", "Den Haag"),
        ("WASHINGTON (Reuters)", "Washington"),
        ("3 avril", None),
        ("", None),
        (None, None),
    ],
)
def test_place_of(dateline, place):
    assert place_of(dateline) == place


def test_title_place_only_touches_all_caps():
    assert title_place("SAINT-GILLES") == "Saint-Gilles"
    assert title_place("La Louvière") == "La Louvière"


@pytest.mark.parametrize(
    ("written", "titled"),
    [
        ("RIO DE JANEIRO", "Rio de Janeiro"),
        ("VILLENEUVE-D'ASCQ", "Villeneuve-d'Ascq"),
        ("'S-HERTOGENBOSCH", "'s-Hertogenbosch"),
        ("BRUXELLES/LUXEMBOURG", "Bruxelles/Luxembourg"),
    ],
)
def test_a_place_is_cased_alike_from_a_text_dateline_and_from_metadata(written, titled):
    from_text = parse_header(f"{written}, 3 mars (Belga) - Le texte suit ici.").dateline_place
    assert title_place(written) == from_text == titled
    assert place_of(f"{written}, 3 mars") == titled


def test_agency_of_prefers_a_known_agency_then_the_first_given():
    assert agency_of("BELGA", "Belga") == "Belga"
    assert agency_of(None, "afp") == "AFP"
    assert agency_of("Agence Locale", "reuters") == "Reuters"
    assert agency_of("Agence Locale", None) == "Agence Locale"
    assert agency_of(None, None) is None


@pytest.mark.parametrize(
    ("texts", "markers"),
    [
        (("UPDATE 2-EU readies countermeasures",), ("UPDATE 2",)),
        (("UPDATE2-EU",), ("UPDATE 2",)),
        (("CORRECTED-UPDATE 1-Title",), ("CORRECTED", "UPDATE 1")),
        (("Title", "URGENT: BUDGET"), ("URGENT",)),
        (("FLASH - Séisme",), ("FLASH",)),
        (("Update on talks",), ()),
        ((None, ""), ()),
    ],
)
def test_markers_of(texts, markers):
    assert markers_of(*texts) == markers


def test_add_marker_does_not_repeat_what_is_there():
    assert add_marker(("UPDATE 2",), "UPDATE", "CORRECTED") == ("UPDATE 2", "CORRECTED")
    assert add_marker(("CORRECTION",), "CORRECTED") == ("CORRECTION",)


@pytest.mark.parametrize(
    ("byline", "name"),
    [
        ("Par Odile BRASSEUR", "Odile BRASSEUR"),
        ("By Jane Doe", "Jane Doe"),
        ("Door Jan Peeters", "Jan Peeters"),
        ("Van Dyck", "Van Dyck"),
        ("By", "By"),
        (None, None),
    ],
)
def test_strip_byline(byline, name):
    assert strip_byline(byline) == name


def test_clean_collapses_xml_whitespace_but_keeps_no_break_spaces():
    assert clean("  un\n\t deux\r\n") == "un deux"
    assert clean("« Oui\u00a0»") == "« Oui\u00a0»"
    assert clean(" \n ") is None


def test_text_paragraphs_split_at_blank_lines_else_at_line_ends():
    assert text_paragraphs("Un\ndeux.\n\n  Trois\r\n\r\nQuatre") == ["Un deux.", "Trois", "Quatre"]
    assert text_paragraphs("   Un.\n   Deux.\n") == ["Un.", "Deux."]


def test_paragraphs_of_xhtml():
    root = fromstring(
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>T</title><style>p{}</style></head><body>'
        "loose text<p>Un <a href='x'>lien</a>.</p><h2>Titre</h2>tail<table><tr><td>a</td><td>b</td></tr></table>"
        "<script>alert(1)</script><p>  </p></body></html>"
    )
    assert paragraphs(root) == ["loose text", "Un lien.", "Titre", "tail", "a b"]
