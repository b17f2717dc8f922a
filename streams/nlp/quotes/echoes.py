"""Headline quotes that repeat a body quote: the body says who spoke them.

A headline often quotes words the body gives in full ("Staking bij de post: 'Genoeg is genoeg'" and, below,
"'Genoeg is genoeg. We wachten al twee jaar', zegt bestuurder X") without naming the speaker. As the
annotation guidelines have it, such a headline quote takes the speaker of the body quote that holds its words
when the headline names none.
"""

from __future__ import annotations

from dataclasses import replace

from streams.nlp.types import Quote
from streams.textrules import rule

_WORD = rule("nlp.quotes.echoes.word", r"\w+")
MIN_WORDS = 3  # shorter headline quotes ("Non", "Enfin") may echo anything


def _words(text: str) -> str:
    return " ".join(w.casefold() for w in _WORD.findall(text))


def echo_speakers(quotes: list[Quote]) -> list[Quote]:
    """The quotes, each headline quote that repeats a body quote's words attributed to that quote's speaker."""
    echoes = {
        i: words
        for i, q in enumerate(quotes)
        if q.section == "headline" and q.speaker_entity is None and len((words := _words(q.text)).split()) >= MIN_WORDS
    }
    if not echoes:
        return quotes  # most dispatches: no headline quote without a speaker, nothing to read
    spoken = [
        (f" {_words(q.text)} ", q)
        for q in quotes
        if q.section == "body" and q.kind in ("direct", "mixed") and q.speaker_entity is not None
    ]
    out = list(quotes)
    for i, words in echoes.items():
        source = next((q for body, q in spoken if f" {words} " in body), None)
        if source is not None:
            out[i] = replace(quotes[i], speaker_entity=source.speaker_entity, speaker_text=None)
    return out
