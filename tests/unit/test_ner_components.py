"""The components after the Dutch entity recogniser: the CoNLL gazetteer and one type per name."""

import sys
from pathlib import Path

import spacy
from spacy.tokens import Span

from streams.nlp.ner_components import CONSISTENCY, GAZETTEER, NameConsistency, NameGazetteer

BENCH = Path(__file__).resolve().parents[2] / "bench"


def tagged(nlp, text: str, ents: list[tuple[int, int, str]]):
    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    return doc


def names(doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in doc.ents]


def conll_file(path: Path, sentences: list[list[tuple[str, str]]]) -> Path:
    """A CoNLL-2002 file of one article with these (word, tag) sentences."""
    lines = ["-DOCSTART- -DOCSTART- O"]
    for sentence in sentences:
        lines += [f"{word} N {tag}" for word, tag in sentence] + [""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_the_gazetteer_tags_a_name_the_model_missed_and_by_default_never_changes_the_models_entities():
    nlp = spacy.blank("nl")
    gazetteer = NameGazetteer(nlp)
    gazetteer.add({"Anderlecht": "ORG", "Club Brugge": "ORG", "Brugge": "LOC", "Jan Peeters": "PER"})
    # the model found "Brugge" (a place) and "Peeters" (a person): the longer names around them are not taken
    doc = tagged(nlp, "Anderlecht won van Club Brugge , zei Jan Peeters .", [(4, 5, "LOC"), (8, 9, "PER")])
    assert names(gazetteer(doc)) == [("Anderlecht", "ORG"), ("Brugge", "LOC"), ("Peeters", "PER")]
    # a name of the model's keeps its type even when the gazetteer knows it with another
    doc = tagged(nlp, "Anderlecht speelt thuis .", [(0, 1, "LOC")])
    assert names(gazetteer(doc)) == [("Anderlecht", "LOC")]
    # exact text only: a lower-case word is not a name
    assert names(gazetteer(tagged(nlp, "de anderlecht van vroeger", []))) == []


def test_a_retyping_gazetteer_gives_a_models_entity_that_is_exactly_a_known_name_its_type():
    nlp = spacy.blank("nl")
    gazetteer = NameGazetteer(nlp, retype=True)
    gazetteer.add({"Lokeren": "ORG", "KV Westerlo": "ORG", "Ria Dierckx": "PER"})
    text = "Lokeren won van KV Westerlo , zei Ria Dierckx in Herentals ."
    doc = tagged(nlp, text, [(0, 1, "LOC"), (4, 5, "LOC"), (7, 9, "PER"), (10, 11, "LOC")])
    # "Lokeren" is retyped; "Westerlo" is only part of a known name, so neither it nor its boundaries change
    expected = [("Lokeren", "ORG"), ("Westerlo", "LOC"), ("Ria Dierckx", "PER"), ("Herentals", "LOC")]
    assert names(gazetteer(doc)) == expected


def test_the_gazetteers_retyping_is_set_in_the_pipeline_config(tmp_path):
    nlp = spacy.blank("nl")
    assert not nlp.add_pipe(GAZETTEER).retype
    nlp.remove_pipe(GAZETTEER)
    nlp.add_pipe(GAZETTEER, config={"retype": True}).add({"Sint-Niklaas": "LOC"})
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.get_pipe(GAZETTEER).retype
    doc = loaded.make_doc("Naar Sint-Niklaas .")
    doc.ents = [Span(doc, 1, 2, label="ORG")]
    assert names(loaded.get_pipe(GAZETTEER)(doc)) == [("Sint-Niklaas", "LOC")]


def test_the_gazetteer_is_saved_with_the_pipeline_and_loads_without_running_a_model(tmp_path):
    nlp = spacy.blank("nl")
    nlp.add_pipe(GAZETTEER).add({"Sint-Niklaas": "LOC", "De Lijn": "ORG"})
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert names(loaded("De bus van De Lijn reed naar Sint-Niklaas.")) == [("De Lijn", "ORG"), ("Sint-Niklaas", "LOC")]


def test_consistency_gives_a_name_its_most_frequent_type_in_the_document():
    nlp = spacy.blank("nl")
    text = "Brugge won . In Brugge regende het . Brugge is mooi . Gent en Gent ."
    doc = tagged(nlp, text, [(0, 1, "ORG"), (4, 5, "LOC"), (8, 9, "LOC"), (12, 13, "LOC"), (14, 15, "ORG")])
    found = names(NameConsistency(fill_repeats=False, min_words=2)(doc))
    assert found[:3] == [("Brugge", "LOC")] * 3  # retyped: a place twice, a club once
    assert found[3:] == [("Gent", "LOC"), ("Gent", "ORG")]  # a tie changes nothing


def test_consistency_tags_an_untagged_repeat_of_a_name_of_two_words_or_more():
    nlp = spacy.blank("nl")
    text = "Karel De Gucht sprak . Later zei Karel De Gucht niets . Gucht en Karel zwegen ."
    doc = tagged(nlp, text, [(0, 3, "PER"), (12, 13, "PER")])
    found = names(NameConsistency(fill_repeats=True, min_words=2)(doc))
    # the repeat is tagged; "Karel" alone (one word) is not: a single word is too often something else
    assert found == [("Karel De Gucht", "PER"), ("Karel De Gucht", "PER"), ("Gucht", "PER")]
    unchanged = tagged(nlp, text, [(0, 3, "PER")])
    assert names(NameConsistency(fill_repeats=False, min_words=2)(unchanged)) == [("Karel De Gucht", "PER")]


def test_consistency_is_a_registered_factory():
    nlp = spacy.blank("nl")
    component = nlp.add_pipe(CONSISTENCY, config={"fill_repeats": False})
    assert isinstance(component, NameConsistency) and not component.fill_repeats and not component.short_names


def test_a_person_named_again_by_a_surname_is_a_person_there_too():
    nlp = spacy.blank("nl")
    text = "Minister Greet Wuyts kwam . Wuyts zei niets . Volgens Wuyts is het klaar . Wuyts en Wuyts ."
    # the model: the full name a person, one surname an organisation, one untagged, the last two a person
    doc = tagged(nlp, text, [(1, 3, "PER"), (5, 6, "ORG"), (15, 16, "PER"), (17, 18, "PER")])
    found = names(NameConsistency(fill_repeats=False, min_words=2, short_names=True)(doc))
    assert found == [("Greet Wuyts", "PER")] + [("Wuyts", "PER")] * 4
    # without short names, nothing but the one-type-per-name rule: "Wuyts" is a person twice, an org once
    plain = tagged(nlp, text, [(1, 3, "PER"), (5, 6, "ORG")])
    assert names(NameConsistency(fill_repeats=False, min_words=2)(plain)) == [
        ("Greet Wuyts", "PER"),
        ("Wuyts", "ORG"),
    ]


def test_a_surname_of_several_words_is_taken_whole_from_a_capitalised_word():
    nlp = spacy.blank("nl")
    text = "Pieter Van den Broucke won . Van den Broucke lachte , den Broucke niet . Broucke wel ."
    doc = tagged(nlp, text, [(0, 4, "PER")])
    found = names(NameConsistency(fill_repeats=False, min_words=2, short_names=True)(doc))
    # the longest end first; "den Broucke" does not start with a capital, but its "Broucke" is an end
    expected = [("Pieter Van den Broucke", "PER"), ("Van den Broucke", "PER"), ("Broucke", "PER"), ("Broucke", "PER")]
    assert found == expected


def test_only_the_ends_of_peoples_names_of_two_words_or_more_count():
    nlp = spacy.blank("nl")
    text = "Club Brugge won in Brugge . Peeters speelde . Peeters scoorde , net als Raf Peeters ."
    # an organisation's last word ("Brugge") stays a place; a one-word person gives no shorter name
    doc = tagged(nlp, text, [(0, 2, "ORG"), (4, 5, "LOC"), (6, 7, "PER")])
    found = names(NameConsistency(fill_repeats=False, min_words=2, short_names=True)(doc))
    assert found == [("Club Brugge", "ORG"), ("Brugge", "LOC"), ("Peeters", "PER")]
    # a tie between a person and another type for the full name: no settled type, so no short name either
    tie = tagged(nlp, "Raf Peeters en Raf Peeters . Peeters .", [(0, 2, "PER"), (3, 5, "ORG")])
    assert names(NameConsistency(fill_repeats=False, min_words=2, short_names=True)(tie)) == [
        ("Raf Peeters", "PER"),
        ("Raf Peeters", "ORG"),
    ]


def test_short_names_are_set_in_the_pipeline_config(tmp_path):
    nlp = spacy.blank("nl")
    nlp.add_pipe(CONSISTENCY, config={"fill_repeats": False, "short_names": True})
    nlp.to_disk(tmp_path / "pipeline")
    component = spacy.load(tmp_path / "pipeline").get_pipe(CONSISTENCY)
    assert component.short_names and not component.fill_repeats


def test_the_gazetteer_keeps_only_names_of_one_type_that_are_not_common_words(tmp_path):
    sys.path.insert(0, str(BENCH))
    try:
        from dutch_gazetteer import unambiguous_names
    finally:
        sys.path.remove(str(BENCH))
    sentences = [
        [("Anna", "B-PER"), ("Peeters", "I-PER"), ("woont", "O"), ("in", "O"), ("Mol", "B-LOC")],
        [("Mol", "B-LOC"), ("ligt", "O"), ("bij", "O"), ("Geel", "B-LOC")],
        [("Geel", "B-ORG"), ("won", "O"), ("van", "O"), ("Rode", "B-ORG"), ("Duivels", "I-ORG")],
        [("De", "O"), ("Rode", "O"), ("vlag", "O"), ("en", "O"), ("Rode", "B-MISC"), ("Kruis", "I-MISC")],
        [("Hij", "O"), ("zag", "O"), ("een", "O"), ("mol", "O"), ("en", "O"), ("Die", "B-ORG")],
        [("Naar", "O"), ("Geel", "B-LOC")],
    ]
    data = conll_file(tmp_path / "mini.conll", sentences)
    found = unambiguous_names([data], min_count=1, purity=0.9)
    # "Geel" is a place twice and a club once; "Mol" is also written "mol"; "Die" is a stop word;
    # "Rode" alone was never tagged, and as a word it is not a name
    assert found == {"Anna Peeters": "PER", "Rode Duivels": "ORG", "Rode Kruis": "MISC"}
    assert unambiguous_names([data], min_count=1, purity=0.6)["Geel"] == "LOC"
    assert unambiguous_names([data], min_count=2, purity=0.6) == {"Geel": "LOC"}


def test_the_gazetteer_counts_its_files_together(tmp_path):
    sys.path.insert(0, str(BENCH))
    try:
        from dutch_gazetteer import gazetteer_splits, unambiguous_names
    finally:
        sys.path.remove(str(BENCH))
    first = conll_file(
        tmp_path / "ned.train",
        [[("Ria", "B-PER"), ("Dierckx", "I-PER"), ("won", "O")], [("Naar", "O"), ("Tielt", "B-LOC")]],
    )
    second = conll_file(
        tmp_path / "ned.testa",
        [[("Tielt", "B-ORG"), ("verloor", "O")], [("Een", "O"), ("zege", "O"), ("voor", "O"), ("Lommel", "B-ORG")]],
    )
    assert unambiguous_names([first]) == {"Ria Dierckx": "PER", "Tielt": "LOC"}
    # a name of the second file is added; one of two types over both files is no longer unambiguous
    assert unambiguous_names([first, second]) == {"Ria Dierckx": "PER", "Lommel": "ORG"}
    assert gazetteer_splits(tmp_path, with_testa=False) == [first]
    assert gazetteer_splits(tmp_path, with_testa=True) == [first, second]
