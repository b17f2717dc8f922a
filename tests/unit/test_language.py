"""Tests for streams.nlp.language.detect_language (sentences are invented)."""

from __future__ import annotations

import pytest

from streams.nlp.language import SUPPORTED, detect_language

FR = (
    "Le conseil communal a approuvé lundi soir le réaménagement de la place du Marché. "
    "Les travaux commenceront au printemps et dureront environ dix-huit mois, selon l'échevine."
)
NL = (
    "De gemeenteraad heeft maandagavond het nieuwe mobiliteitsplan goedgekeurd. "
    "Volgens de schepen starten de werken in het voorjaar en duren ze ongeveer anderhalf jaar."
)
EN = (
    "The city council approved the redevelopment of the market square on Monday evening. "
    "Work will begin in the spring and last about eighteen months, the alderwoman said."
)


@pytest.mark.parametrize(("text", "code"), [(FR, "fr"), (NL, "nl"), (EN, "en")])
def test_detects_language(text: str, code: str) -> None:
    lang, confidence = detect_language(text)
    assert lang == code
    assert 0.5 < confidence <= 1.0


def test_only_start_of_long_text_matters() -> None:
    lang, confidence = detect_language(FR * 50 + EN * 50)
    assert lang == "fr"
    assert 0.0 <= confidence <= 1.0


@pytest.mark.parametrize("hint", ["nl", "NL", "nl-BE", "nl_BE", " nl "])
def test_supported_hint_wins(hint: str) -> None:
    assert detect_language(FR, hint=hint) == ("nl", 1.0)


@pytest.mark.parametrize("hint", ["xx", "", "und", "zh"])
def test_unsupported_hint_is_ignored(hint: str) -> None:
    assert detect_language(EN, hint=hint)[0] == "en"


@pytest.mark.parametrize("text", ["", "   \n", "12/03 - 45 %", "Oui", "\U0001f600" * 50, "\ud800\x00"])
def test_undetermined(text: str) -> None:
    assert detect_language(text) == ("und", 0.0)


def test_supported_codes() -> None:
    assert {"fr", "nl", "en", "de", "es", "it", "pt"} == SUPPORTED


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("MONS (Belga) - Un incendie a detruit mardi un entrepot du zoning de Ghlin.", "fr"),
        ("Le train de 8 h 12 est supprime pour la journee.", "fr"),
        ("HASSELT (Belga) - Burgemeester Karel Jacobs opende dinsdag het nieuwe stadhuis.", "nl"),
        ("De trein van Gent naar Brugge rijdt niet op zondag.", "nl"),
        ("Unions said they would meet management on Wednesday.", "en"),
        ("Die Gewerkschaft hat für Montag einen Streik angekündigt.", "de"),
    ],
)
def test_one_line_flashes_are_recognised(text, lang):
    assert detect_language(text)[0] == lang


@pytest.mark.parametrize(("text", "code"), [(FR * 4, "fr"), (NL * 4, "nl"), (EN * 4, "en")])
def test_a_long_text_with_overwhelming_function_words_is_decided_by_them(text, code, monkeypatch):
    from streams.nlp import language

    def no_lingua():
        raise AssertionError("lingua was asked")

    monkeypatch.setattr(language, "_detector", no_lingua)
    lang, confidence = detect_language(text)
    assert lang == code
    assert 0.5 < confidence <= 1.0


def test_a_long_text_whose_function_words_are_mixed_goes_to_lingua(monkeypatch):
    from streams.nlp import language

    asked = []
    real = language._detector

    def counting():
        asked.append(True)
        return real()

    monkeypatch.setattr(language, "_detector", counting)
    mixed = " ".join(f"{a} {b}" for a, b in zip(FR.split(), EN.split(), strict=False)) * 3  # no clear majority
    assert language._function_word_vote(mixed[: language.MAX_CHARS], language.CLEAR_HITS, language.CLEAR_RATIO) is None
    assert detect_language(mixed)[0] in ("fr", "en")
    assert asked
