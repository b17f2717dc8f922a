"""The gender of a person from their first name.

First names come from gender-guesser (PyPI), whose name list (Jörg Michael's `nam_dict`) gives the usual
gender of 40,000 first names per European country, Belgium, the Netherlands and France included. It has
not changed since 2016, and does not need to: first names are stable data. "Mostly" answers count; names
used for both genders ("Dominique", "Kim") and unknown names give None, and so does a name whose gender
depends on the country the list cannot tell apart, unless Belgium's usage decides it and the Netherlands' and
France's do not contradict it: "An" is a woman's name there.
"""

from __future__ import annotations

import functools

from streams.nlp.discourse.words import Gender
from streams.textrules import rule

_ANSWERS: dict[str, Gender] = {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}
_FIRST = rule(
    "nlp.discourse.first",
    r"[^\W\d_]{2,}",
    engine="re",
    fallback="anchored at a first name's start: one class, read once",
)


@functools.cache
def _detector():  # gender_guesser has no type hints
    import gender_guesser.detector

    return gender_guesser.detector.Detector(case_sensitive=False)


def warm() -> None:
    """Read the name list now (about 0.2 s), not on the first dispatch."""
    _detector()


@functools.lru_cache(maxsize=1 << 14)
def first_name_gender(first_name: str) -> Gender | None:
    """ "m", "f" or None for a first name; a compound ("Anne-Catherine", "Jean-Philippe") by its first part."""
    match = _FIRST.match(first_name)
    if match is None:
        return None
    whole = _gender(first_name)
    if whole is not None or "-" not in first_name:
        return whole
    return _gender(match.group())


# The wire's countries, whose usage decides a name the list calls "andy" over all countries ("An": a woman's
# name in Belgium and the Netherlands, a man's elsewhere). Belgium must know it; the others may not disagree.
_HOME_COUNTRIES = ("belgium", "the_netherlands", "france")


def _gender(first_name: str) -> Gender | None:
    """The list's answer over all countries; for a name it calls "andy", Belgium's, if no home country differs."""
    detector = _detector()
    answer = detector.get_gender(first_name)
    if answer != "andy":
        return _ANSWERS.get(answer)
    home = [_ANSWERS.get(detector.get_gender(first_name, country)) for country in _HOME_COUNTRIES]
    if home[0] is None or any(g not in (None, home[0]) for g in home[1:]):
        return None
    return home[0]


def name_gender(name: str) -> Gender | None:
    """The gender a person's full name shows through its first word, if that word is a known first name."""
    words = name.split()
    if len(words) < 2 or words[0].isupper() or words[0].endswith("."):
        return None  # a surname alone, an initial, or a surname written first in capitals
    return first_name_gender(words[0])
