"""The knowledge base: loaded from TOML, applied by spaCy's EntityRuler over what the model tagged."""

from __future__ import annotations

import pytest
import spacy

from streams.nlp.entities import kb

USER_FILE = """
[org.test-party]
kind = "party"
country = "BE"
names = ["Testpartij", "TP", "Parti du test", "bpostal"]

[org.lower-phrase]
kind = "institution"
names = ["Société de test"]
local_names = ["gouvernement de test"]

[per.test-king]
kind = "royal"
gender = "m"
names = ["Albéric de Testland"]
titled = ["Albéric"]
titles = ["roi", "koning", "king"]
"""


@pytest.fixture
def user_kb(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(USER_FILE, encoding="utf-8")
    kb.use_kb_files(path)
    yield kb.knowledge_base()
    kb.use_kb_files()


def test_a_user_file_adds_entries_indexed_by_form(user_kb):
    entry = user_kb.get("TP")
    assert entry is not None and entry.id == "org:test-party" and entry.kind == "party" and entry.type == "ORG"
    assert user_kb.get("bpostal").id == "org:test-party"  # one lower-case word: a name ("bpost")
    assert user_kb.get("gouvernement de test") is None  # a lower-case phrase is a description, not a name
    assert user_kb.entries["per:test-king"].gender == "m"


def test_the_ruler_overrides_the_model_and_titled_forms_need_their_title(user_kb):
    nlp = spacy.blank("fr")
    model = nlp.add_pipe("entity_ruler", name="ner")  # stands in for a statistical model
    model.add_patterns([{"label": "LOC", "pattern": "Testpartij"}, {"label": "PER", "pattern": "Albéric"}])
    kb.add_ruler(nlp)
    doc = nlp("Le Testpartij et le roi Albéric. Albéric Dupont aussi.")
    ents, ids = kb.settle(doc)
    found = [(e.text, e.label_, ids.get((e.start_char, e.end_char))) for e in ents]
    assert ("Testpartij", "ORG", "org:test-party") in found  # the same span as the model's: its type wins
    assert ("roi Albéric", "PER", "per:test-king") in found  # across the model's "Albéric": taken
    assert ("Albéric", "PER", None) in found  # no title before it: not the king


def test_the_model_keeps_a_longer_name_and_a_named_body_keeps_its_place(user_kb):
    nlp = spacy.blank("fr")
    model = nlp.add_pipe("entity_ruler", name="ner")
    model.add_patterns([{"label": "ORG", "pattern": "Testpartij Jeunes"}])
    kb.add_ruler(nlp)
    ents, ids = kb.settle(nlp("Les Testpartij Jeunes et le TP."))
    assert [(e.text, e.label_) for e in ents] == [("Testpartij Jeunes", "ORG"), ("TP", "ORG")]
    assert list(ids.values()) == ["org:test-party"]


def test_a_model_span_that_runs_on_past_a_known_name_into_the_next_is_cut_there(user_kb):
    nlp = spacy.blank("fr")
    model = nlp.add_pipe("entity_ruler", name="ner")
    model.add_patterns([{"label": "LOC", "pattern": "Testpartij le ministre Jan Peeters"}])
    kb.add_ruler(nlp)
    ents, ids = kb.settle(nlp("Il a reçu au Testpartij le ministre Jan Peeters."))
    assert [(e.text, e.label_) for e in ents] == [("Testpartij", "ORG"), ("ministre Jan Peeters", "MISC")]
    assert list(ids.values()) == ["org:test-party"]


CROSSING = """
[org.the-paper]
kind = "media"
names = ["La Testcroix"]

[org.the-charity]
kind = "institution"
names = ["Testcroix-Rouge de Testland", "Testcroix-Rouge"]
"""


def test_of_two_known_names_that_cross_the_longer_wins(tmp_path):
    path = tmp_path / "crossing.toml"
    path.write_text(CROSSING, encoding="utf-8")
    kb.use_kb_files(path)
    try:
        nlp = spacy.blank("fr")
        nlp.add_pipe("entity_ruler", name="ner").add_patterns([{"label": "LOC", "pattern": "Testville"}])
        kb.add_ruler(nlp)
        ents, ids = kb.settle(nlp("Un centre a ouvert. La Testcroix-Rouge de Testland assure la gestion."))
        assert [e.text for e in ents] == ["Testcroix-Rouge de Testland"]  # not the paper "La Testcroix"
        assert list(ids.values()) == ["org:the-charity"]
        ents, ids = kb.settle(nlp("Il lit La Testcroix chaque jour."))
        assert [e.text for e in ents] == ["La Testcroix"]
    finally:
        kb.use_kb_files()


def test_a_malformed_file_names_its_table(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('[thing.x]\nnames = ["X"]\n', encoding="utf-8")
    kb.use_kb_files(path)
    try:
        with pytest.raises(ValueError, match=r"\[thing\]"):
            kb.knowledge_base()
    finally:
        kb.use_kb_files()


def test_an_enricher_given_user_files_links_their_entries_and_one_without_forgets_them(tmp_path):
    from streams.nlp.enrich import Enricher
    from streams.wire.decode import Dispatch

    path = tmp_path / "desk.toml"
    path.write_text('[org.zorblax-group-be]\nkind = "company"\nnames = ["Zorblax"]\n', encoding="utf-8")
    dispatch = Dispatch(id="kb", text="NAMUR (Belga) - La société Zorblax a licencié mardi à Namur.", lang="fr")
    try:
        with_file = Enricher({}, [path]).enrich(dispatch)
        assert ("Zorblax", "org:zorblax-group-be") in [(e.name, e.id) for e in with_file.entities]
    finally:
        without = Enricher({}).enrich(dispatch)
    assert kb.kb_files() == ()
    assert "org:zorblax-group-be" not in [e.id for e in without.entities]


def test_the_setting_names_a_missing_file(tmp_path):
    from streams.errors import ConfigError
    from streams.settings import Settings

    present = tmp_path / "desk.toml"
    present.write_text("", encoding="utf-8")
    assert Settings(kb_files=f"{present}, ").kb_paths == (str(present),)
    with pytest.raises(ConfigError, match=r"WIRESTREAM_KB_FILES: .*missing\.toml"):
        Settings(kb_files=str(tmp_path / "missing.toml"))


CROSS_LANGUAGE = {
    "fr": "BRUXELLES, 3 mars (Belga) - Le président de Groen a interpellé mardi la Chambre des représentants et la "
    "Commission européenne, a rapporté la VRT, avant le match du Club de Bruges.",
    "nl": "BRUSSEL, 3 maart (Belga) - De voorzitter van Groen interpelleerde dinsdag de Kamer van "
    "volksvertegenwoordigers en de Europese Commissie, meldde de VRT, voor de wedstrijd van Club Brugge.",
    "en": "BRUSSELS, March 3 (Reuters) - The leader of Groen questioned the Belgian Chamber of Representatives and "
    "the European Commission on Tuesday, VRT reported, ahead of the match against FC Bruges.",
}


def test_a_party_an_institution_a_medium_and_a_club_have_one_id_in_french_dutch_and_english():
    from streams.nlp.enrich import Enricher
    from streams.wire.decode import Dispatch

    enricher = Enricher()
    ids = {
        lang: {e.id for e in enricher.enrich(Dispatch(id=lang, text=text, lang=lang)).entities}
        for lang, text in CROSS_LANGUAGE.items()
    }
    shared = ids["fr"] & ids["nl"] & ids["en"]
    assert {
        "org:groen",
        "org:belgian-chamber-of-representatives",
        "org:european-commission",
        "org:vrt",
        "org:club-brugge",
    } <= shared


def test_a_country_s_adjective_before_a_known_body_describes_it_and_is_no_part_of_its_name():
    from streams.nlp.enrich import Enricher
    from streams.wire.decode import Dispatch

    text = "THE HAGUE, May 2 (Belga) - The Dutch Public Prosecution Service charged two men on Friday, it said."
    entities = Enricher().enrich(Dispatch(id="om", text=text, lang="en")).entities
    (body,) = [e for e in entities if e.id == "org:openbaar-ministerie-nl"]
    assert body.name == "Public Prosecution Service"


def test_a_bilingual_body_s_two_acronyms_joined_name_it_once():
    from streams.nlp.enrich import Enricher
    from streams.wire.decode import Dispatch

    text = "BRUSSELS, March 3 (Belga) - The doctors' union BVAS-ABSyM rejected the plan; ABSyM/BVAS will strike."
    entities = Enricher().enrich(Dispatch(id="ab", text=text, lang="en")).entities
    (union,) = [e for e in entities if e.id == "org:absym-bvas"]
    assert union.name == "BVAS-ABSyM"
    assert [m.text for m in union.mentions if m.section == "body"] == ["BVAS-ABSyM", "ABSyM/BVAS"]
    assert kb._acronym_pairs(["Absym", "ABSyM", "BVAS", "Belgische Vereniging"]) == [
        "ABSyM-BVAS",
        "ABSyM/BVAS",
        "BVAS-ABSyM",
        "BVAS/ABSyM",
    ]


def test_the_council_of_ministers_is_one_body_apart_from_the_council_of_state():
    from streams.nlp.enrich import Enricher
    from streams.wire.decode import Dispatch

    enricher = Enricher()
    fr = (
        "NAMUR, 3 mars (Belga) - Le Conseil des ministres a adopté vendredi le projet. Le Conseil d'État rendra "
        "son avis, puis le Comité de concertation tranchera."
    )
    nl = "BRUSSEL, 3 maart (Belga) - Het Overlegcomité komt woensdag samen."
    entities = {e.id: e for e in enricher.enrich(Dispatch(id="fr", text=fr, lang="fr")).entities}
    assert [m.text for m in entities["org:conseil-des-ministres"].mentions] == ["Conseil des ministres"]
    assert [m.text for m in entities["org:belgian-council-of-state"].mentions] == ["Conseil d'État"]
    dutch = {e.id for e in enricher.enrich(Dispatch(id="nl", text=nl, lang="nl")).entities}
    assert "org:consultative-committee-belgium" in set(entities) & dutch
