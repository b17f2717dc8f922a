"""The wire's own vocabulary: agency credits, urgency and update markers, month and weekday names.

Month and weekday names come from the CLDR data of babel for the languages a dispatch header is
written in; the few forms wire copy uses that CLDR does not have are listed here.
"""

from __future__ import annotations

import unicodedata

from babel import Locale

# Languages whose month and weekday names a header may use.
HEADER_LANGUAGES = ("fr", "nl", "en", "de")

# fmt: off
# Agency credits: case-folded form -> usual spelling.
AGENCIES: dict[str, str] = {
    name.casefold(): name
    for name in (
        "Belga", "AFP", "Reuters", "AP", "dpa", "dpa-AFX", "ANP", "ANSA", "EFE", "Bloomberg", "APA",
        "ATS", "Keystone-ATS", "SDA", "Lusa", "PAP", "CTK", "TASS", "Interfax", "Xinhua", "Kyodo",
        "Yonhap", "UPI", "Europa Press", "Anadolu", "BNA",
    )
}

# Urgency, update and correction markers, as a regex alternation (longest forms first).
MARKERS = (
    r"UPDATE[ \t]?\d{1,2}|UPDATE|URGENT|FLASH|BULLETIN|ALERTE|DRINGEND|SPOED"
    r"|RECTIFICATIF|CORRECTED|CORRECTION|REFILE|EXCLUSIVE|BREAKING"
)

# Topic slugs that open a headline, glued to it with a hyphen ("Cycling-Evenepoel wins ...", Reuters' style).
HEADLINE_TOPICS = frozenset(
    "soccer football cycling tennis golf athletics rugby basketball volleyball hockey cricket boxing swimming "
    "skiing olympics motor racing formula one sailing equestrian judo handball".split()
)

# Lower-case words inside place names ("Rio de Janeiro", "Frankfurt am Main", "Villers-lez-Heest").
PLACE_PARTICLES = frozenset(
    ("de", "du", "des", "en", "sur", "sous", "lez", "lès", "la", "le", "les", "ten", "ter", "aan", "op", "am", "der")
)

# Month forms CLDR does not give: older abbreviations and the Austrian January.
_EXTRA_MONTHS = {"fev": 2, "febr": 2, "janner": 1}
# fmt: on


def fold(word: str) -> str:
    """Case-folded, accents removed ("Février" -> "fevrier")."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _cldr(attribute: str, context: str, width: str) -> dict[str, int]:
    forms: dict[str, int] = {}
    for lang in HEADER_LANGUAGES:
        names = getattr(Locale.parse(lang), attribute)[context][width]
        for number, name in names.items():
            forms.setdefault(name.casefold().rstrip("."), number)
    return forms


def _month_numbers() -> dict[str, int]:
    """Every month name and abbreviation, folded -> month number (1-12)."""
    numbers = dict(_EXTRA_MONTHS)
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            numbers.update({fold(name): n for name, n in _cldr("months", context, width).items()})
    return numbers


# Folded month name or abbreviation -> month number: "fevr", "mrt", "sept", "dez".
MONTH_NUMBERS: dict[str, int] = _month_numbers()
# Full month names as written, accented and accent-free: "février", "fevrier", "maart", "märz".
MONTHS: frozenset[str] = frozenset(form for name in _cldr("months", "format", "wide") for form in (name, fold(name)))
# Month abbreviations as written, without their full stop: "janv", "mrt", "sept".
MONTH_ABBREVIATIONS: frozenset[str] = frozenset(_cldr("months", "format", "abbreviated")) - MONTHS
# Weekday names, case-folded: "lundi", "maandag", "monday", "montag".
WEEKDAYS: frozenset[str] = frozenset(_cldr("days", "format", "wide"))
