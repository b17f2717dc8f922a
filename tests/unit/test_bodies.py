"""Named bodies and places with a common-noun head become one entity under the whole name."""

from __future__ import annotations

import pytest
import spacy

import streams.nlp.entities.bodies  # noqa: F401 - registers wire_bodies


@pytest.fixture(scope="module")
def pipelines():
    out = {}
    for lang in ("fr", "nl", "en"):
        nlp = spacy.blank(lang)
        nlp.add_pipe("wire_bodies")
        out[lang] = nlp
    return out


def ents(nlp, text):
    return [(e.text, e.label_) for e in nlp(text).ents]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le parquet de Namur a ouvert une enquête.", [("parquet de Namur", "ORG")]),
        ("La zone de police Haute-Lesse a fermé la rue.", [("zone de police Haute-Lesse", "ORG")]),
        ("Il habite rue de la Loi, près de la place d’Armes.", [("rue de la Loi", "LOC"), ("place d’Armes", "LOC")]),
        ("Le tribunal correctionnel de Liège a jugé.", [("tribunal correctionnel de Liège", "ORG")]),
        ("La cour d’appel de Mons a tranché.", [("cour d’appel de Mons", "ORG")]),
        ("Au stade Roi Baudouin, rien.", [("stade Roi Baudouin", "LOC")]),
        ("La Ville de Bruxelles et la ville de Namur.", [("Ville de Bruxelles", "ORG")]),
        ("Le CPAS de Schaerbeek ouvre un centre.", [("CPAS de Schaerbeek", "ORG")]),  # an acronym heads it too
        ("Les pays de l'UE.", []),
        ("Les pays de l'OCDE et ceux de l'Opep.", []),  # an organisation the knowledge base knows: no place
        ("Le parquet a indiqué mardi que rien n'était décidé.", []),
    ],
)
def test_french_heads_come_before_the_name(pipelines, text, expected):
    assert ents(pipelines["fr"], text) == expected


def test_dutch_heads_and_compounds(pipelines):
    text = "Het parket van Gent en de politiezone Gent-Zuid onderzoeken de zaak."
    assert ents(pipelines["nl"], text) == [("parket van Gent", "ORG"), ("politiezone Gent-Zuid", "ORG")]
    assert ents(pipelines["nl"], "Het OCMW van Schaarbeek opent.") == [("OCMW van Schaarbeek", "ORG")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dat bevestigt het parket van Gent aan Belga.", [("parket van Gent", "ORG")]),  # "aan": to whom
        ("Dat schrijft de politiezone Zennevallei op Facebook.", [("politiezone Zennevallei", "ORG")]),
        ("Het gebeurde aan het station Alphen aan den Rijn.", [("station Alphen aan den Rijn", "LOC")]),
    ],
)
def test_a_dutch_preposition_after_a_name_ends_it_unless_an_article_follows(pipelines, text, expected):
    assert ents(pipelines["nl"], text) == expected


def test_english_heads_come_after_the_name_without_the_article(pipelines):
    text = "The Zenne-Dijle police zone and the Mechelen public prosecutor's office said nothing."
    assert ents(pipelines["en"], text) == [
        ("Zenne-Dijle police zone", "ORG"),
        ("Mechelen public prosecutor's office", "ORG"),
    ]


@pytest.mark.parametrize(
    "text", ["A Belgian court sentenced him on Tuesday.", "On Tuesday a Mechelen court sentenced him."]
)
def test_an_english_court_after_an_indefinite_article_is_one_of_many_not_a_name(pipelines, text):
    assert ents(pipelines["en"], text) == []


def test_the_whole_name_replaces_the_entities_inside_it():
    nlp = spacy.blank("fr")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PER", "pattern": "Antoine Dansaert"}, {"label": "LOC", "pattern": "Namur"}])
    nlp.add_pipe("wire_bodies")
    doc = nlp("La rue Antoine Dansaert est fermée, dit le parquet de Namur. Namur attend.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("rue Antoine Dansaert", "LOC"),
        ("parquet de Namur", "ORG"),
        ("Namur", "LOC"),
    ]
