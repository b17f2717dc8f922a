"""The cue passes of the entity stage and the one `Coverage` they share (texts invented for the tests)."""

import copy

import pytest

from streams.nlp.entities import Candidate, cue_candidates
from streams.nlp.entities.cues import (
    PASSES,
    Coverage,
    acronyms,
    bracketed_party,
    first_name_and_capitals,
    known_names,
    name_after_organisation_noun,
    name_after_title_or_verb,
    party_title_name,
    title_party_name,
)


def model(text, surface, kind, start=0):
    at = text.index(surface, start)
    return Candidate(surface, at, at + len(surface), kind)


def spans(cands):
    return [(c.text, c.type, c.source) for c in cands]


# --- the coverage ------------------------------------------------------------------------------


def test_coverage_tracks_covered_characters_and_the_candidates_kept_added_and_dropped():
    body = "Le ministre Jan Peeters et la FGTB."
    jan = model(body, "Jan Peeters", "LOC")
    coverage = Coverage(body, [jan])
    assert not coverage.free(jan.start, jan.start + 1) and coverage.free(0, jan.start)
    coverage.add("FGTB", body.index("FGTB"), "ORG")
    assert not coverage.free(body.index("FGTB") + 3, len(body))
    assert spans(coverage.candidates) == [("Jan Peeters", "LOC", "model"), ("FGTB", "ORG", "rule")]

    coverage.drop(jan.start + 4, jan.end)  # overlaps the model's span: it goes, the added one stays
    assert coverage.kept == [] and coverage.dropped == [jan]
    assert coverage.free(jan.start, jan.end) and not coverage.free(body.index("FGTB"), len(body))
    assert spans(coverage.candidates) == [("FGTB", "ORG", "rule")]


def test_coverage_retypes_only_the_kept_candidate_of_that_span_and_type():
    body = "Anne Gilis (MR) et (MR)."
    misc = model(body, "MR", "MISC")
    other = model(body, "MR", "MISC", misc.end)
    coverage = Coverage(body, [misc, other])
    coverage.retype(misc.start, misc.end, "MISC", "ORG")
    assert [c.type for c in coverage.kept] == ["ORG", "MISC"]
    coverage.retype(other.start, other.end, "PER", "ORG")  # not of that type: unchanged
    assert [c.type for c in coverage.kept] == ["ORG", "MISC"]


def test_coverage_copies_the_list_it_is_given():
    body = "Jan Peeters zei het."
    found = [model(body, "Jan Peeters", "PER")]
    coverage = Coverage(body, found)
    coverage.drop(0, len(body))
    assert coverage.kept == [] and len(found) == 1


# --- the passes, one by one --------------------------------------------------------------------


def test_title_party_name_replaces_the_models_span_with_a_party_and_a_person():
    body = "Le député N-VA Wannes Claeysens a voté contre."
    coverage = Coverage(body, [model(body, "N-VA Wannes", "ORG")])
    title_party_name(body, coverage)
    assert spans(coverage.kept) == []
    assert spans(coverage.added) == [("N-VA", "ORG", "rule"), ("Wannes Claeysens", "PER", "rule")]


def test_party_title_name_leaves_a_sentence_initial_function_word_out_of_the_party():
    body = "Ook PVDA-fractieleider Raoul Hedebouw was er."
    coverage = Coverage(body, [])
    party_title_name(body, coverage)
    assert spans(coverage.added) == [("PVDA", "ORG", "rule"), ("Raoul Hedebouw", "PER", "rule")]


def test_name_after_a_title_or_a_verb_of_saying_only_where_nothing_stands():
    body = "Het kabinet van minister Jan Peeters reageerde, zei Anna Claes. Volgens Mark Dumont niet."
    coverage = Coverage(body, [model(body, "Anna Claes", "PER")])
    name_after_title_or_verb(body, coverage)
    assert spans(coverage.added) == [("Jan Peeters", "PER", "rule"), ("Mark Dumont", "PER", "rule")]


def test_name_after_a_title_skips_dates_and_organisation_words():
    body = "Le président Lundi Matin et le directeur Banque Centrale ont parlé."
    coverage = Coverage(body, [])
    name_after_title_or_verb(body, coverage)
    assert coverage.added == []


def test_bracketed_party_after_a_person_adds_it_or_retypes_the_models_misc():
    body = "Adrien Dolimont (MR) et Anne Gilis (PS) ont signé."
    found = [model(body, "Adrien Dolimont", "PER"), model(body, "Anne Gilis", "PER"), model(body, "PS", "MISC")]
    coverage = Coverage(body, found)
    bracketed_party(body, coverage)
    assert spans(coverage.added) == [("MR", "ORG", "rule")]
    assert [(c.text, c.type) for c in coverage.kept][-1] == ("PS", "ORG")
    assert found[-1].type == "MISC"  # the caller's candidate itself is untouched


def test_acronyms_are_organisations_unless_capitals_mean_nothing_there():
    body = "LE CONSEIL A DIT NON\nLa FGTB et la CGSP protestent, le CEO aussi, selon Belga."
    coverage = Coverage(body, [model(body, "CGSP", "ORG")])
    acronyms(body, coverage)
    assert spans(coverage.added) == [("FGTB", "ORG", "rule")]


def test_known_names_replace_the_part_of_them_the_model_saw():
    body = "Le titre a gagné 2 % sur Euronext Brussels mardi."
    coverage = Coverage(body, [model(body, "Brussels", "LOC")])
    known_names(body, coverage)
    assert coverage.kept == [] and spans(coverage.dropped) == [("Brussels", "LOC", "model")]
    assert [(c.text, c.type) for c in coverage.added] == [("Euronext Brussels", "ORG")]


def test_a_hyphenated_town_of_any_size_replaces_the_part_of_it_the_model_saw():
    body = "Houses were flooded in Marchienne-au-Pont and Heist-op-den-Berg, said Jean-Luc Dewolf."
    coverage = Coverage(body, [model(body, "Heist", "LOC"), model(body, "Jean-Luc Dewolf", "PER")])
    known_names(body, coverage)
    assert spans(coverage.dropped) == [("Heist", "LOC", "model")]
    towns = [("Marchienne-au-Pont", "LOC"), ("Heist-op-den-Berg", "LOC")]
    assert [(c.text, c.type) for c in coverage.added] == towns
    assert spans(coverage.kept) == [("Jean-Luc Dewolf", "PER", "model")]  # a hyphenated first name is no town


def test_the_passes_run_in_their_documented_order():
    assert [run.__name__ for run in PASSES] == [
        "title_party_name",
        "party_title_name",
        "name_after_title_or_verb",
        "name_after_organisation_noun",
        "first_name_and_capitals",
        "bracketed_party",
        "acronyms",
        "known_names",
    ]


def test_an_organisation_noun_makes_its_name_an_organisation():
    body = "La société Grivaldo a licencié. Het bedrijf Vanbreda Tech groeit. The company Zentrix said no."
    model = [Candidate("Grivaldo", 11, 19, "PER")]
    coverage = Coverage(body, model)
    name_after_organisation_noun(body, coverage)
    assert [(c.text, c.type) for c in coverage.kept] == [("Grivaldo", "ORG")]  # the model's person, retyped
    assert [(c.text, c.type) for c in coverage.added] == [("Vanbreda Tech", "ORG"), ("Zentrix", "ORG")]


def test_a_first_name_and_a_surname_in_capitals_is_a_person():
    body = "Selon Mireille FAURE, envoyée spéciale, la NASA et l'ONU ont réagi. UN DEUX TROIS."
    coverage = Coverage(body, [Candidate("Claire", 6, 12, "PER")])
    first_name_and_capitals(body, coverage)
    assert [(c.text, c.type) for c in coverage.candidates] == [("Mireille FAURE", "PER")]


@pytest.mark.parametrize("body", ["Le CD&V est prêt.", "La CSC-ENERGIE a réagi.", "Le FC Testbeke a gagné."])
def test_an_article_or_a_piece_of_a_longer_acronym_makes_no_person(body):
    coverage = Coverage(body, [])
    first_name_and_capitals(body, coverage)
    assert coverage.candidates == []


# --- all of them -------------------------------------------------------------------------------


def test_cue_candidates_returns_the_result_and_leaves_the_input_list_alone():
    body = "Le député CD&V Hanne Claes a parlé. Anne Gilis (MR) aussi. Ook Groen-fractieleider Els Peeters."
    found = [
        model(body, "CD&V Hanne", "ORG"),
        model(body, "Anne Gilis", "PER"),
        model(body, "MR", "MISC"),
        model(body, "Els", "PER"),
    ]
    before = copy.deepcopy(found)
    ids = [id(c) for c in found]
    out = cue_candidates(body, found)
    assert found == before and [id(c) for c in found] == ids  # neither the list nor its candidates changed
    assert out is not found
    assert [(c.text, c.type) for c in out] == [
        ("Anne Gilis", "PER"),
        ("MR", "ORG"),
        ("CD&V", "ORG"),
        ("Hanne Claes", "PER"),
        ("Groen", "ORG"),
        ("Els Peeters", "PER"),
    ]
