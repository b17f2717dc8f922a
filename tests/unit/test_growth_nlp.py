"""Every rule of the NLP core that sees message text runs in linear time (issue 19, item 3).

Families of tests.growth, one per module or stage of streams/nlp, each run through the functions that
apply its rules (so a rule kept on `re` is tried the way it is used: anchored, or on one word); every
rule on RE2 is a family of its own too, run over the whole text. The units: those of issue 19, which
made the entity rules quadratic, and pieces of names, titles, quotes, sentences and headlines that the
rules look for, each repeated into a long text; the fuzzer searches each stage for more.
"""

from __future__ import annotations

from collections import deque

import pytest
import spacy
from spacy.tokens import Span

from streams import textrules
from streams.nlp import enrich, language
from streams.nlp import lexicon as lx
from streams.nlp.discourse import anaphors, salience
from streams.nlp.discourse.participants import participants as find_participants
from streams.nlp.entities import boundaries, candidates, corrections, cues, find_entities
from streams.nlp.entities.candidates import Candidate
from streams.nlp.ner_components import NameConsistency
from streams.nlp.quotes import extract_quotes
from streams.nlp.quotes.context import Context
from streams.nlp.quotes.phrases import title_word
from streams.wire.header import parse_header
from tests.growth import FAMILIES, RATIO_LIMIT, Family, fuzz, linear, register

ISSUE_19_UNITS = ["A.", "A&", "-", "N-VA", "É-", "1-"]
NAMES = ["A ", "AB ", "Ab-", "A'", "A.a", "Jan Peeters ", "N-VA Jan ", "Ab-ab ", "AB-Ab ", "(AB) "]
MARKS = [" ", "\n", " \n", ". ", ".\n", "« ", "»", '"', "“", "’", "qu'", ", ", "("]
HEADER = parse_header("BRUXELLES, 12 mars (Belga) - ")
RULE_UNITS = [*ISSUE_19_UNITS, *NAMES, " ", "\n", ". ", "« ", "’"]
MIN_SECONDS = 0.03  # a stage's time at n: at 10 ms, a busy machine or a garbage collection can double one measure


def rule_entities(text: str) -> list:
    return find_entities(text, HEADER, None, rules=True)


def run_cues(text: str) -> None:
    cues.cue_candidates(text, candidates.rule_candidates(text))


def run_boundaries(text: str) -> None:
    found = candidates.rule_candidates(text)
    boundaries.outside_events(found, text)
    boundaries.person_boundaries(found, text)
    boundaries.join_of_place(found, text)
    boundaries.extend_to_acronym(found, text)


def run_corrections(text: str) -> None:
    for cand in candidates.rule_candidates(text):
        corrections.correct(cand, text)
    for kind in ("PER", "LOC", "ORG"):  # the whole text as one name: the rules that read a name read it once
        corrections.correct(Candidate(text, 0, len(text), kind, source="rule"), text)


def run_discourse(text: str) -> None:
    salience.Layout(text, None, [])
    for lang in ("fr", "nl", "en"):
        anaphors.anaphors(text, lang, [])
    find_participants(text, rule_entities(text), "fr")


_DUTCH = spacy.blank("nl")


def run_consistency(text: str) -> None:
    """One type per name, with short names, after a stand-in model: each run of capitalised words, cut every
    four words, a person (every third an organisation)."""
    doc = _DUTCH.make_doc(text)
    ents, start = [], None
    for token in [*doc, None]:
        if token is not None and token.text[:1].isupper() and (start is None or token.i - start < 4):
            start = token.i if start is None else start
            continue
        if start is not None:
            end = token.i if token is not None else len(doc)
            ents.append(Span(doc, start, end, label="ORG" if len(ents) % 3 == 2 else "PER"))
            start = token.i if token is not None and token.text[:1].isupper() else None
    doc.ents = ents
    NameConsistency(fill_repeats=True, min_words=2, short_names=True)(doc)


_DUTCH_QUOTES = Context("", [], lx.LEXICONS["nl"], "nl", None)


def run_titles(text: str) -> None:
    """The title lookup on the whole text as one word (a Dutch word is also read for a title at its end)."""
    title_word(_DUTCH_QUOTES, text.casefold())


def run_headline(text: str) -> None:
    enrich.title_start(text)
    enrich.version_from_markers((text,))
    language._function_word_vote(text)


STAGES = {
    "nlp.entities.candidates": (candidates.rule_candidates, [*ISSUE_19_UNITS, *NAMES, " ", "\n"]),
    "nlp.entities.cues": (run_cues, [*ISSUE_19_UNITS, *NAMES, "zei ", "a dit ", "société Ab ", "Ab ABC "]),
    "nlp.entities.boundaries": (run_boundaries, [*ISSUE_19_UNITS, "A ", "Ab ", "van der ", "de ", "& ", "(AB) "]),
    "nlp.entities.corrections": (run_corrections, [*ISSUE_19_UNITS, "Ab ", "Ab-ab ", " in", "'s", " 1/", "Le "]),
    "nlp.entities": (rule_entities, [*ISSUE_19_UNITS, *NAMES]),
    "nlp.discourse": (run_discourse, [*ISSUE_19_UNITS, *MARKS, "Ab ", "de 23-jarige ", ", 41 ans, ", "-t-il "]),
    "nlp.ner_components": (run_consistency, ["Jan Peeters ", "Peeters ", "Van den Ab ", "A ", "ab ", "Ab. ", "A-"]),
    "nlp.quotes.titles": (run_titles, ["a", "ab", "voorzitter", "A&", "é-"]),
    "nlp.headline": (run_headline, [*ISSUE_19_UNITS, " ", " - ", "Ab/", "A ", "AB-", "UPDATE 1"]),
}


for name, (run, units) in STAGES.items():
    register(name, run, units, max_chars=4_000_000)
for lang in ("fr", "nl", "en"):
    register(
        f"nlp.quotes.{lang}",
        lambda t, lang=lang: extract_quotes(t, rule_entities(t), lang),
        [*ISSUE_19_UNITS, *MARKS, "« Ab ab ab ab. » ", "that ", "dat ", "que ", "dit-il ", "zei ", "N-VA Jan "],
        start_chars=2_000,
    )
NLP_RULES = sorted(name for name, found in textrules.RULES.items() if name.startswith("nlp.") and found.engine == "re2")
for name in NLP_RULES:
    # the matches are dropped as found: a list of them all would make the garbage collector's time grow faster
    register(f"textrules.{name}", lambda t, r=textrules.RULES[name]: deque(r.finditer(t), 0), RULE_UNITS)

STAGE_NAMES = [*STAGES, "nlp.quotes.fr", "nlp.quotes.nl", "nlp.quotes.en"]
CASES = [(f, unit) for f in [*STAGE_NAMES, *(f"textrules.{n}" for n in NLP_RULES)] for unit in FAMILIES[f].units]


@pytest.mark.parametrize(("family", "unit"), CASES, ids=[f"{f}-{u!r}" for f, u in CASES])
def test_nlp_rules_grow_linearly(family, unit):
    growth = linear(FAMILIES[family], unit, min_seconds=MIN_SECONDS)
    assert growth.ratio < RATIO_LIMIT, str(growth)


@pytest.mark.parametrize("family", STAGE_NAMES)
def test_the_fuzzer_finds_no_superlinear_unit_in_the_nlp_core(family):
    found = fuzz(FAMILIES[family], budget_s=3.0, max_examples=40)
    assert not found, "; ".join(map(str, found))


ISSUE_19 = [
    ("party_title_name", "A."),
    ("party_title_name", "A&"),
    ("title_party_name", "-"),
    ("title_party_name", "N-VA"),
    ("title_party_name", "É-"),
    ("title_party_name", "1-"),
]


@pytest.mark.parametrize(("rule", "unit"), ISSUE_19, ids=[f"{r}-{u!r}" for r, u in ISSUE_19])
def test_the_entity_rules_of_issue_19_grow_linearly(rule, unit):
    """30 KB of "A." took `re` 25 s; at least 150 ms at n, so that a quadratic term would show."""
    passes = {"party_title_name": cues.party_title_name, "title_party_name": cues.title_party_name}
    family = Family(
        f"nlp.{rule}", lambda t: passes[rule](t, cues.Coverage(t, [])), (unit,), start_chars=2_000, max_chars=4_000_000
    )
    growth = linear(family, unit, min_seconds=0.15)
    assert growth.ratio < RATIO_LIMIT, str(growth)
    assert textrules.RULES[f"nlp.entities.{rule}"].engine == "re2"
