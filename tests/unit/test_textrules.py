"""streams.textrules: RE2 matches what `re` matched, Unicode classes included; what RE2 cannot say is refused."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from streams import textrules
from streams.textrules import rule, to_re2

# Patterns written the way the wire and entity rules are, with Unicode classes: each must match the same
# spans under RE2 (after to_re2) as under `re`.
PATTERNS = [
    r"[^\W\d_]+",
    r"\w+(?:['’-]\w+)*",
    r"\s+",
    r"\d{1,2}[/.]\d{1,2}",
    r"[\w'’-]+|[^\w\s]",
    r"\S+",
    r"[A-ZÀ-Þ][a-zà-ÿ]+(?:se|sche|ese)",
    r"<[^<>]*>",
    r"\(([^()\n]{1,40})\)",
]
CHARACTERS = [*"Aa É1١Ⅻ½_ \t\n\u00a0\u2009'’-().,<>/«»ß", "\u0301", "\u3000"]
TEXT = st.text(alphabet=st.sampled_from(CHARACTERS), max_size=60)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_re2_matches_the_same_spans_as_re(text):
    for pattern in PATTERNS:
        compiled = rule(f"test.{pattern}", pattern)
        assert compiled.engine == "re2"
        expected = [m.span() for m in re.finditer(pattern, text)]
        assert [m.span() for m in compiled.finditer(text)] == expected, pattern


def test_the_wire_s_rules_match_as_before_on_html():
    from streams.wire.newsml import _BLOCK_TAG_RE, _TAG_RE

    # the patterns they replace (on `re`, each tag bounded at 2,000 characters)
    block = re.compile(r"</?(?:p|div|br|h[1-6]|li|tr|blockquote|hl2|ul|ol|table)\b[^<>]{0,2000}>", re.IGNORECASE)
    tag = re.compile(r"<[^<>]{0,2000}>")
    text = '<P class="x">Un<br/>deux</p><pre>x</pre><p-x> <pé> <div\n>trois</div><a href="/">lien</a><h2 id=é>'
    assert (
        _BLOCK_TAG_RE.sub("|", text)
        == block.sub("|", text)
        == '|Un|deux|<pre>x</pre>| <pé> |trois|<a href="/">lien</a>|'
    )
    assert _TAG_RE.sub("", text) == tag.sub("", text) == "Undeuxx  troislien"


def test_what_re2_cannot_say_is_refused_unless_argued():
    with pytest.raises(ValueError, match="fallback"):
        rule("test.lookbehind", r"(?<![\w'’])X")
    argued = rule("test.lookbehind.argued", r"(?<=a)b", fallback="a one-character lookbehind: linear")
    assert argued.engine == "re" and textrules.FALLBACKS["test.lookbehind.argued"].startswith("a one")
    with pytest.raises(ValueError, match="ASCII"):
        to_re2(r"\bX")
    with pytest.raises(ValueError, match="brackets"):
        to_re2(r"[\W]")
    assert to_re2(r"\bX", ascii=True) == r"\bX"
    assert rule("test.flags", r"belga", re.IGNORECASE).search("BELGA") is not None
    textrules.FALLBACKS.pop("test.lookbehind.argued")
    for name in [n for n in textrules.RULES if n.startswith("test.")]:
        del textrules.RULES[name]


def test_a_name_is_one_pattern():
    rule("test.once", r"a+")
    with pytest.raises(ValueError, match="already registered"):
        rule("test.once", r"b+")
    del textrules.RULES["test.once"]
