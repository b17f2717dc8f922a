"""One key for the same words from the same speaker, whatever agency, version or dispatch reports them.

Agencies copy a quote with their own typography (« », " ", ’ or '), case and spacing, and a new
version of a dispatch repeats its quotes: the key folds all that away. It is made from the speaker
(their entity id; else the words naming them, folded; else nobody) and the quote's words, case and
accents folded, punctuation dropped. Different words make a different key: a quote translated by
another agency, or cut shorter, is another quote.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Any

_WORDS = re.compile(r"\w+")


def folded_words(text: str) -> str:
    """The words of a text, lower case without accents, separated by one space."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_WORDS.findall(bare))


def quote_key(quote: dict[str, Any]) -> str:
    """The key of a quote as `wire.enriched` holds it (text, speaker, speaker_text)."""
    speaker = quote.get("speaker") or {}
    who = speaker.get("entity_id") or folded_words(quote.get("speaker_text") or "")
    return hashlib.sha1(f"{who}\x1f{folded_words(quote['text'])}".encode()).hexdigest()[:20]
