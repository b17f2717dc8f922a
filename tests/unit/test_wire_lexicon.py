"""The wire vocabulary: month and weekday names from CLDR (babel), plus the forms wire copy adds."""

from __future__ import annotations

import pytest

from streams.wire.lexicon import MONTH_ABBREVIATIONS, MONTH_NUMBERS, MONTHS, WEEKDAYS, fold


@pytest.mark.parametrize(
    ("form", "number"),
    [("Février", 2), ("fevr", 2), ("mrt", 3), ("März", 3), ("sept", 9), ("Dez", 12), ("janner", 1), ("août", 8)],
)
def test_month_names_and_abbreviations_of_every_header_language(form, number):
    assert MONTH_NUMBERS[fold(form)] == number


def test_full_names_are_kept_apart_from_abbreviations():
    assert {"février", "fevrier", "maart", "march", "märz"} <= MONTHS
    assert {"janv", "mrt", "sept", "oct"} <= MONTH_ABBREVIATIONS
    assert not MONTHS & MONTH_ABBREVIATIONS


def test_weekdays_in_french_dutch_english_and_german():
    assert {"lundi", "maandag", "monday", "montag"} <= WEEKDAYS and len(WEEKDAYS) == 28
