"""Detect the language of a dispatch with lingua over a fixed candidate set.

The detector is built once, on first use, from `CANDIDATES`; restricting the
candidates keeps it fast and accurate on wire copy.
"""

from __future__ import annotations

from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

# Languages the detector chooses from; extend this tuple to support more.
CANDIDATES: tuple[Language, ...] = (
    Language.FRENCH,
    Language.DUTCH,
    Language.ENGLISH,
    Language.GERMAN,
    Language.SPANISH,
    Language.ITALIAN,
    Language.PORTUGUESE,
)
SUPPORTED: frozenset[str] = frozenset(lang.iso_code_639_1.name.lower() for lang in CANDIDATES)
UNDETERMINED = ("und", 0.0)
MAX_CHARS = 2000  # only the start of the text is examined
MIN_LETTERS = 10  # fewer letters than this is too short to tell


@cache
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*CANDIDATES).with_preloaded_language_models().build()


def detect_language(text: str, *, hint: str | None = None) -> tuple[str, float]:
    """Return (ISO 639-1 code, confidence in [0, 1]) for `text`; never raises.

    A `hint` declared by the envelope ("fr", "nl-BE") wins with confidence 1.0
    when it is a supported language. Text with fewer than `MIN_LETTERS`
    letters gives ("und", 0.0).
    """
    try:
        if isinstance(hint, str):
            code = hint.strip().replace("_", "-").split("-")[0].lower()
            if code in SUPPORTED:
                return code, 1.0
        if not isinstance(text, str):
            return UNDETERMINED
        sample = text[:MAX_CHARS]
        if sum(c.isalpha() for c in sample) < MIN_LETTERS:
            return UNDETERMINED
        values = _detector().compute_language_confidence_values(sample)
        if not values or values[0].value <= 0.0:
            return UNDETERMINED
        best = values[0]
        return best.language.iso_code_639_1.name.lower(), min(1.0, max(0.0, float(best.value)))
    except Exception:  # noqa: BLE001 - detection is best effort, never fatal
        return UNDETERMINED
