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


def test_a_malformed_file_names_its_table(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('[thing.x]\nnames = ["X"]\n', encoding="utf-8")
    kb.use_kb_files(path)
    try:
        with pytest.raises(ValueError, match=r"\[thing\]"):
            kb.knowledge_base()
    finally:
        kb.use_kb_files()
