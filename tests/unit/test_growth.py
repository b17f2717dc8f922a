"""Every rule that sees message text runs in linear time: growth tests and a fuzzer (issue 19, item 3).

The wire (streams/wire) is registered here as families of tests.growth, one per module, each run
through its public functions on whole adversarial texts; so is every pattern of the wire compiled with
streams.textrules. The rules of streams/nlp have theirs in tests/unit/test_growth_nlp.py.
"""

from __future__ import annotations

import contextlib
import html
import time
from datetime import datetime, timezone

import pytest

from streams import textrules
from streams.errors import DecodeError
from streams.wire import values, xmltext
from streams.wire.decode import decode
from streams.wire.header import parse_header
from streams.wire.xml_safety import looks_like_xml
from tests.growth import FAMILIES, RATIO_LIMIT, Family, fuzz, growth, linear, register

# Units that made some rule quadratic, or that wire rules look for; each family adds its own.
ISSUE_19_UNITS = ["A.", "A&", "-", "N-VA", "É-", "1-"]
WIRE_UNITS = [*ISSUE_19_UNITS, " ", "\n", "\n \n", "(", "(Belga) ", "BRUXELLES, ", "UPDATE 2-", "Par A ", "nl/", ")"]
RECEIVED = datetime(2025, 3, 12, tzinfo=timezone.utc)
NLP = "nlp."
G2 = "http://iptc.org/std/nar/2006-10-01/"


def decoded(value: bytes) -> None:
    with contextlib.suppress(DecodeError):
        decode(value, max_bytes=10_000_000)


def run_values(text: str) -> None:
    values.markers_of(text)
    values.place_of(text)
    values.title_place(text.upper())
    values.agency_of(text)
    values.strip_byline(text)
    values.iso_datetime(text)
    values.code_value(text)


def run_xmltext(text: str) -> None:
    xmltext.clean(text)
    xmltext.text_paragraphs(text)


def newsml_item(text: str) -> bytes:
    """A newsItem whose inlineData is escaped HTML that is not XML (its tags are stripped by rules)."""
    data = html.escape(f"<p class=x>{text}<br>&nbsp;</p>")
    return (
        f'<newsItem xmlns="{G2}" guid="urn:g" version="1"><contentMeta><headline>{html.escape(text[:2000])}'
        f'</headline></contentMeta><contentSet><inlineData contenttype="text/html">{data}</inlineData>'
        "</contentSet></newsItem>"
    ).encode()


def nitf_document(text: str) -> bytes:
    escaped = html.escape(text)
    return (
        f'<nitf><head><docdata><ed-msg info="{escaped}"/></docdata></head><body><body.head><dateline>{escaped}'
        f"</dateline></body.head><body.content><p>{escaped}</p></body.content></body></nitf>"
    ).encode()


register("wire.header", lambda t: parse_header(t, received_at=RECEIVED), WIRE_UNITS)
register("wire.header.after_dateline", lambda t: parse_header(t), WIRE_UNITS, prefix="NAMUR, 3 mars (Belga) - ")
register("wire.values", run_values, [*WIRE_UNITS, "2025", "T", "+0", ":/#"])
register("wire.xmltext", run_xmltext, [*WIRE_UNITS, "\t\n", " \n\n"])
register("wire.decode.text", lambda t: decoded(t.encode()), WIRE_UNITS, prefix="NAMUR (Belga) - ")
register("wire.decode.xml_start", lambda t: looks_like_xml(t.encode()), [" ", "\n", "\ufeff", " <"])
register("wire.newsml.html", lambda t: decoded(newsml_item(t)), [*WIRE_UNITS, "<", "<p", "<p ", "</", "<br"])
register("wire.nitf", lambda t: decoded(nitf_document(t)), [*WIRE_UNITS, "kill ", " ", "withdraw"])
for name, compiled in sorted(textrules.RULES.items()):
    if not name.startswith(NLP):  # those of streams/nlp: tests/unit/test_growth_nlp.py
        register(f"textrules.{name}", lambda t, c=compiled: list(c.finditer(t)), [*WIRE_UNITS, "<", "<p ", "<a"])

WIRE_FAMILIES = sorted(name for name in FAMILIES if not name.startswith((NLP, f"textrules.{NLP}")))
WIRE_CASES = [(name, unit) for name in WIRE_FAMILIES for unit in FAMILIES[name].units]


@pytest.mark.parametrize(("family", "unit"), WIRE_CASES, ids=[f"{f}-{u!r}" for f, u in WIRE_CASES])
def test_wire_rules_grow_linearly(family, unit):
    growth = linear(FAMILIES[family], unit)
    assert growth.ratio < RATIO_LIMIT, str(growth)


@pytest.mark.parametrize("family", WIRE_FAMILIES)
def test_the_fuzzer_finds_no_superlinear_unit(family):
    found = fuzz(FAMILIES[family], budget_s=4.0, max_examples=60)
    assert not found, "; ".join(map(str, found))


def test_the_harness_tells_a_quadratic_pattern_from_a_linear_one():
    import re

    backtracking = re.compile(r"[^ X]*X")  # rescans a run without "X" from each of its positions
    quadratic = Family("quadratic", lambda t: backtracking.search(t), ("A.",))
    assert linear(quadratic, "A.").ratio >= RATIO_LIMIT
    assert fuzz(quadratic, budget_s=30.0, max_examples=30, stop_at=1)
    straight = Family("linear", lambda t: t.count("A."), ("A.",))
    assert linear(straight, "A.").ratio < RATIO_LIMIT


def test_the_harness_passes_a_linear_rule_whose_cost_steps_up_once():
    """A text that outgrows a cache doubles the cost per character once: 4 times the time from n to 2n, then 2."""

    def stepped(text: str) -> None:
        per_char = 6e-6 if len(text) < 8_000 else 12e-6
        time.sleep(per_char * len(text))

    family = Family("stepped", stepped, ("A.",), start_chars=4_000, max_chars=64_000)
    assert growth(family, "A.").ratio > RATIO_LIMIT  # the step alone looks quadratic
    assert linear(family, "A.").ratio < RATIO_LIMIT


def test_wire_rules_that_see_whole_texts_run_on_re2():
    assert textrules.RULES["newsml.tag"].engine == "re2"
    assert textrules.RULES["newsml.block_tag"].engine == "re2"
    wire = {name: why for name, why in textrules.FALLBACKS.items() if not name.startswith(NLP)}
    assert not wire, wire  # no rule of the wire needs `re`
