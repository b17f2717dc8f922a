"""The NLP rules moved to RE2 (issue 19, item 3) find what the `re` patterns they replaced found.

Each case pairs a rule with the lookaround pattern it replaced, written here as it was, and compares the
spans of their groups on generated texts: words of names, acronyms, titles, quote marks and punctuation
the rules look at, glued or spaced at random, with accented and non-Latin characters among them (RE2 counts
bytes, the rules characters). Every other pattern of streams.nlp that sees message text is a textrules rule,
on RE2 or on `re` with the reason it stays linear.
"""

from __future__ import annotations

import pathlib
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from streams import textrules
from streams.nlp import enrich
from streams.nlp.discourse import salience
from streams.nlp.entities import boundaries, candidates, corrections, cues
from streams.nlp.lexicon import EVENTS
from streams.nlp.quotes import text as quotes_text

# The patterns as they were on `re`.
NAME_WORD = r"[A-ZÀ-ÖØ-Þ](?:[\w'’&-]|\.(?=\w))*"
ACRONYM = r"[A-Z](?:[A-Z]|[&-](?=[A-Z]))+"
BEFORE = {
    "title_party_name": rf"(?<![\w'’])([\w'’-]+)\s+({ACRONYM})\s+((?:{NAME_WORD})(?:\s+{NAME_WORD}){{1,2}})(?![\w'’-])",
    "party_title_name": rf"(?<![\w'’-])((?:{NAME_WORD}\s+)?(?:{NAME_WORD}|{ACRONYM}))-([a-zà-ÿA-Z][a-zà-ÿ]+)"
    rf"\s+((?:{NAME_WORD})(?:\s+(?:(?:de|van|der|den|De|Van|Der|Den)\s+)?{NAME_WORD}){{1,2}})(?![\w'’-])",
    "acronym_word": rf"(?<![\w'’&.-])(?:{ACRONYM})(?![\w'’&]|-[\w])|(?<![\w'’&.-])(?:{ACRONYM})"
    r"(?=-[A-ZÀ-Þ]?[a-zà-ÿ]+\b)",
    "organisation_noun_name": r"(?<![\w'’-])(société|groupe|entreprise|firme|compagnie|constructeur|brasseur|"
    r"assureur|banque|holding|start-up|biotech|bedrijf|groep|onderneming|firma|bouwer|brouwer|verzekeraar|company|"
    r"firm|group|carmaker|brewer|insurer|lender|airline|retailer|maker|startup)"
    rf"(?:\s+[a-zà-ÿ]{{3,}})?\s+({NAME_WORD}(?:\s+{NAME_WORD}){{0,2}})",
    "first_name_capitals": r"(?<![\w'’-])([A-ZÀ-Þ][a-zà-ÿ]+(?:-[A-ZÀ-Þ][a-zà-ÿ]+)?)\s+"
    r"([A-ZÀ-Þ][A-ZÀ-Þ'’-]+(?:\s[A-ZÀ-Þ][A-ZÀ-Þ'’-]+)?)(?![\w'’&-])",
    "capitalised_run": rf"(?<![\w'’]){NAME_WORD}(?:\s(?:(?:de|van|der|den|von|du|la|le|di|da)\s)?{NAME_WORD}){{0,5}}",
    "sentence_end": r"(?:(?<!\b[A-Z])\.|[!?…])[\"'»”’)]*\s+(?=[\"'«“„]?\s?[A-ZÀ-ÖØ-Þ0-9])|\n\s*",
    "paragraph": r"\n\s*\n|\n(?=\s*[«\"“„])",
    "rubric": r"\s*([^\n]{1,60}?)\s+[-–—]\s+(?=\S)",
    "topic": r"\s*([A-Za-z]+(?: [A-Za-z]+)?)-(?=[A-Z])",
}
PIECES = [
    *"AÉBNVxaé-.&'’,;:()«»\"“„”!?…/1 \n\t",
    "\u00a0",
    "\u202f",
    "Ω",
    "ß",
    "×",
    "  ",
    ". ",
    ".\n",
    "\n\n",
    " « ",
    "N-VA",
    "CD&V",
    "PVDA",
    "MR",
    "A.",
    "A&",
    "Jan",
    "Peeters",
    "De",
    "Wever",
    "van",
    "der",
    "de",
    "le",
    "Mireille",
    "FAURE",
    "DE SMET",
    "Jean-Marc",
    "Élodie",
    "député",
    "voorzitter",
    "Vooruit-voorzitter",
    "-voorzitter",
    "société",
    "groupe",
    "bedrijf",
    "automobile",
    "Bâtiroute",
    "O'Neill",
    "Jan.com",
    "ex-",
    "Ronde van Vlaanderen",
    "Paris-Nice",
    "Tour de France",
    "UPDATE 2",
    "Wielrennen/Ronde",
    " - ",
    " – ",
    "SOCCER-",
    "Sport ",
    "in",
    "the",
    "of",
    "12/03",
    "(FFBA)",
    "le député N-VA ",
    "Wannes Claeysens",
    "het CD&V-Kamerlid ",
    "KRC Genk-middenvelder ",
    "la société ",
    "Odile RENAUD",
]
SEPARATORS = [" ", " ", " ", "", "", "\n", ", ", "-"]
TEXTS = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), max_size=30).map(
    lambda pairs: "".join(piece + sep for piece, sep in pairs)
)


def spans(matches, groups) -> list[tuple]:
    return [tuple(m.span(g) for g in groups) for m in matches]


def before(name: str, text: str, groups=(0,), flags=0) -> list[tuple]:
    return spans(re.finditer(BEFORE[name], text, flags), groups)


@settings(max_examples=600, deadline=None)
@given(TEXTS)
def test_the_entity_rules_find_what_their_re_patterns_found(text):
    assert spans(cues._TITLE_PARTY_NAME.finditer(text), (1, 2, 3)) == before("title_party_name", text, (1, 2, 3))
    assert spans(cues._PARTY_TITLE_NAME.around(text, 3), (1, 2, 3)) == before("party_title_name", text, (1, 2, 3))
    assert spans(cues.acronym_words(text), (0,)) == before("acronym_word", text)
    found = spans(cues._ORGANISATION_NOUN_NAME.around(text, 2), (1, 2))
    assert found == before("organisation_noun_name", text, (1, 2))
    found = spans(cues._FIRST_NAME_CAPITALS.around(text), (1, 2, 3))
    assert found == before("first_name_capitals", text, (0, 1, 2))
    assert spans(candidates.CAPITALISED_RUN.around(text), (1,)) == before("capitalised_run", text)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_the_events_rule_finds_what_its_re_pattern_found(text):
    names = sorted({re.escape(e) for e in EVENTS if " " in e or "-" in e}, key=len, reverse=True)
    expected = [m.span() for m in re.finditer(rf"(?<![\w-])(?:{'|'.join(names)})(?![\w-])", text, re.IGNORECASE)]
    assert [m.span(1) for m in boundaries._events_pattern().around(text)] == expected


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_sentence_paragraph_and_headline_rules_find_what_their_re_patterns_found(text):
    assert salience._ends(salience._SENTENCE_END, text) == [m.end() for m in re.finditer(BEFORE["sentence_end"], text)]
    assert salience._ends(salience._PARAGRAPH, text) == [m.end() for m in re.finditer(BEFORE["paragraph"], text)]
    old_paragraphs = [m.end() for m in re.finditer(quotes_text._PARAGRAPH, text)]
    assert [m.end() for m in quotes_text.PARAGRAPH_RE.finditer(text)] == old_paragraphs
    rubric, topic = re.match(BEFORE["rubric"], text), re.match(BEFORE["topic"], text)
    new_rubric, new_topic = enrich._RUBRIC.match(text), enrich._TOPIC.match(text)
    assert (rubric and (rubric.group(1), rubric.end())) == (new_rubric and (new_rubric.group(1), new_rubric.end(2)))
    assert (topic and (topic.group(1), topic.end())) == (new_topic and (new_topic.group(1), new_topic.end(1) + 1))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_the_corrections_on_re2_remove_what_they_removed(text):
    text = text.strip("\n")  # as _trim strips a name before them
    trailing = r"(?:\s+(?:in|on|at|to|of|for|the|and|under|over|after|before|from|into|with|without|by|as|de|du|des|d'|"
    trailing += r"la|le|les|à|au|aux|en|et|sur|van|voor|op|aan|bij|het|met|den|der|ter|ten|von))+$"
    assert corrections._TRAILING.sub("", text) == re.sub(trailing, "", text)
    assert corrections._DIGITS.sub("", text) == re.sub(r"\s+\d[\d/.]*$", "", text)


def test_around_resumes_where_the_group_ends_in_characters_not_bytes():
    found = textrules.rule("test.around", r"(?:^|[^\w'’-])([A-ZÀ-Þ]\w+)(?:[^\w'’-]|$)")
    text = "Élodie,Ça va Été x-Non, Über·Ωmega Ärger"
    expected = [m.span() for m in re.finditer(r"(?<![\w'’-])[A-ZÀ-Þ]\w+(?![\w'’-])", text)]
    assert [m.span(1) for m in found.around(text)] == expected
    assert [m.group(1) for m in found.around(text)] == ["Élodie", "Ça", "Été", "Über", "Ärger"]


def test_a_rule_kept_on_re_says_why():
    kept = textrules.rule("test.kept", r"\S+", engine="re", fallback="one class repeated")
    assert kept.engine == "re" and textrules.FALLBACKS.pop("test.kept") == "one class repeated"
    del textrules.RULES["test.kept"]
    try:
        textrules.rule("test.kept.silent", r"\S+", engine="re")
    except ValueError as exc:
        assert "fallback" in str(exc)
    else:
        raise AssertionError("a rule on re without a reason was accepted")


# Patterns of streams.nlp that never see message text (the lexicon's verb stems, GeoNames' city names).
NOT_MESSAGE_TEXT = {"lexicon/fr.py": 1, "entities/linking.py": 1}


def test_every_pattern_of_the_nlp_core_is_a_text_rule():
    root = pathlib.Path(cues.__file__).resolve().parents[1]
    direct = re.compile(r"\bre\.(?:compile|search|match|fullmatch|sub|subn|split|finditer|findall)\(")
    for path in sorted(root.rglob("*.py")):
        uses = len(direct.findall(path.read_text(encoding="utf-8")))
        assert uses == NOT_MESSAGE_TEXT.get(path.relative_to(root).as_posix(), 0), path
    nlp_rules = {name: r for name, r in textrules.RULES.items() if name.startswith("nlp.")}
    assert len(nlp_rules) > 50
    for name, found in nlp_rules.items():
        assert found.engine == "re2" or textrules.FALLBACKS.get(name), name
