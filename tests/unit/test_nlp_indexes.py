"""The caches and indexes of the NLP core answer as the direct computation they stand in for."""

from __future__ import annotations

import dataclasses
import random

import pytest

from bench.corpus import generate
from streams.nlp import lexicon as lx
from streams.nlp.discourse import salience
from streams.nlp.entities import corrections, grouping, kb, linking
from streams.nlp.entities import cues as entity_cues
from streams.nlp.entities.candidates import Candidate, model_candidates, rule_candidates
from streams.nlp.entities.words import WORD_RE, is_title, words_before
from streams.nlp.quotes import cues
from streams.nlp.quotes.context import Context


def test_a_lookup_answers_from_the_knowledge_base_files_in_use(tmp_path) -> None:
    path = tmp_path / "desk.toml"
    path.write_text('[org.quoxel-works-be]\nkind = "company"\nnames = ["Quoxel Works"]\n', encoding="utf-8")
    assert linking.lookup("Quoxel Works", "ORG") is None  # remembered: the same question comes back below
    linking.use_kb_files(path)
    try:
        found = linking.lookup("Quoxel Works", "ORG")
        assert found is not None and found.id == "org:quoxel-works-be" and found.source == "alias"
    finally:
        linking.use_kb_files()
    assert linking.lookup("Quoxel Works", "ORG") is None


def test_a_lookup_weighs_the_countries_of_each_question_it_is_asked() -> None:
    belgian = linking.lookup("PS", "ORG")
    french = linking.lookup("PS", "ORG", ["FR"])
    assert belgian is not None and french is not None
    assert (belgian.id, french.id) == ("org:ps-belgium", "org:ps-france")
    assert linking.lookup("PS", "ORG") == belgian


def test_a_match_found_around_gives_each_group_as_re2_s_own_match_does() -> None:
    text = "Le ministre a dit « non ». Élodie Ça\n\nrépété: « Été »! Über\n  « Ärger » (fin)."
    found = list(salience._SENTENCE_END.around(text, (1, 2), before=0))
    assert len(found) >= 3 and {m.group(1) is None for m in found} == {True, False}  # each alternative
    for match in found:
        own = salience._SENTENCE_END.compiled.search(text, match.start())
        for g in range(3):
            assert (match.start(g), match.end(g), match.span(g), match.group(g)) == (
                own.start(g),
                own.end(g),
                own.span(g),
                own.group(g),
            )


class _Everything:
    def __contains__(self, word: object) -> bool:
        return True


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_the_words_a_cue_can_start_with_leave_out_no_cue(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    lex = lx.LEXICONS[lang]
    vocabulary = {"Jan", "Marie", "la", "de", "the", ",", ".", "a-t-il", "dit-elle", "te", "door"}
    for value in dataclasses.asdict(lex).values():
        words = value if isinstance(value, frozenset | dict) else ()
        vocabulary |= {w for word in words for w in (word if isinstance(word, tuple) else (word,))}
    for value in lex.multiword.values():
        vocabulary |= {w for words in value for w in words}
    pool, rng = sorted(vocabulary), random.Random(17)
    for _ in range(40):
        body = "D'après Jan, " + " ".join(rng.choice(pool) for _ in range(60))
        ctx = Context(body, [], lex, lang, None)
        toks = ctx.tokens(0, len(body))
        filtered = [cues.cue_at(ctx, toks, i) for i in range(len(toks))]
        with monkeypatch.context() as patch:
            patch.setattr(cues, "_cue_words", lambda _lex: _Everything())
            assert [cues.cue_at(ctx, toks, i) for i in range(len(toks))] == filtered
        assert any(filtered)


def test_the_words_before_a_position_are_the_last_of_its_long_window() -> None:
    rng = random.Random(5)
    pieces = [
        "le",
        "ministre",
        "d'État",
        "N-VA-fractieleider",
        "l’ex-président",
        ",",
        "(",
        "»",
        "Jan",
        "2026",
        "x" * 50,
    ]
    for _ in range(30):
        text = " ".join(rng.choice(pieces) for _ in range(80))
        for pos in range(0, len(text) + 1, 7):
            for limit in (1, 5, 10):
                assert words_before(text, pos, limit) == WORD_RE.findall(text[max(0, pos - 120) : pos])[-limit:]


@pytest.fixture(scope="module")
def corpus_candidates() -> list[tuple[str, Candidate]]:
    """(body, candidate) for every capitalised run of the benchmark's bodies, as each type the model could give."""
    found = []
    for item in generate(40):
        for cand in rule_candidates(item.body):
            found += [(item.body, dataclasses.replace(cand, type=kind)) for kind in ("PER", "ORG", "LOC", "MISC")]
    return found


def test_corrections_keep_a_part_they_left_as_it_was_as_when_they_asked_again(corpus_candidates, monkeypatch) -> None:
    fast = [corrections.correct(cand, body) for body, cand in corpus_candidates]
    fix_type = corrections._fix_type
    monkeypatch.setattr(corrections, "_fix_type", lambda cand, text: dataclasses.replace(fix_type(cand, text)))
    assert [corrections.correct(cand, body) for body, cand in corpus_candidates] == fast  # every part asked again


def test_the_rules_at_a_name_s_end_are_skipped_only_where_they_cannot_match() -> None:
    rng = random.Random(11)
    pieces = ["Radio", " ", "12", "3", "a", "Z", "é", "1", "0", "/", ".", "-", "٣", "²", "ß", "’"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(6)))
        if not corrections._may_end_with(text, "0123456789/."):
            assert corrections._DIGITS.sub("", text) == text
        if not corrections._may_end_with(text, "0123456789"):
            assert corrections._SCORE.sub("", text) == text


def test_a_group_s_type_is_the_vote_s_when_its_members_share_one() -> None:
    rng = random.Random(3)
    for _ in range(3000):
        kinds = rng.choice([("PER",), ("ORG",), ("LOC", "MISC"), ("PER", "ORG", "LOC", "MISC")])
        members = [
            Candidate(
                "X",
                0,
                1,
                rng.choice(kinds),
                section=rng.choice(["body", "body", "header", "footer"]),
                source=rng.choice(["model", "rule", "kb"]),
                kb_id=rng.choice([None, None, "org:x"]),
            )
            for _ in range(rng.randrange(1, 5))
        ]
        assert grouping._group_type(members) == grouping._voted_type(members)


def test_a_title_remembered_is_a_title_asked_anew() -> None:
    words = [*sorted(lx.TITLES)[:400], "MR", "Mr", "CEO", "l'ex-ministre", "N-VA-fractieleider", "Jan", "de", "M."]
    for word in words + [w.upper() for w in words] + [w.capitalize() for w in words]:
        assert is_title(word) == is_title.__wrapped__(word)


def test_the_model_s_candidates_read_from_the_text_are_those_read_from_the_doc() -> None:
    import spacy

    nlp = spacy.blank("fr")
    kb.add_ruler(nlp)
    for item in generate(12):
        doc = nlp(item.body)
        spans = [doc.char_span(c.start, c.end, label=c.type) for c in rule_candidates(item.body)]
        doc.ents = [span for span in spans if span is not None]
        assert doc.ents and doc.spans[kb.SPANS_KEY]  # the model's and the knowledge base's
        assert model_candidates(doc, item.body) == model_candidates(doc)


def test_the_titles_and_cues_of_a_body_are_among_its_word_runs() -> None:
    marks = [chr(c) for c in range(0x110000) if chr(c).casefold() in entity_cues._TITLES_AND_CUES]
    assert not [c for c in marks if WORD_RE.fullmatch(c) and not entity_cues._WORD_RUN.fullmatch(c)]  # no single mark
    rng = random.Random(9)
    pieces = [
        "dit",
        "a",
        "ministre",
        "Ministre",
        "M.",
        "«",
        "’",
        "-",
        "l'ex-ministre",
        "said",
        "Jan",
        " ",
        "\n",
        ",",
        ".",
    ]
    for _ in range(200):
        text = "".join(rng.choice(pieces) for _ in range(40))
        words = [m.span() for m in WORD_RE.finditer(text) if m.group().casefold() in entity_cues._TITLES_AND_CUES]
        assert [
            m.span()
            for m in entity_cues._WORD_RUN.finditer(text)
            if m.group().casefold() in entity_cues._TITLES_AND_CUES
        ] == words
