"""Direct, mixed and indirect quotes of a dispatch body, with their cue and speaker.

The stages: find the quote marks -> pair them into spans -> classify each span (direct, mixed, or
not a quote) -> find its cue and speaker phrase -> resolve the speaker to an Entity. Indirect speech
("X a affirmé que ...", "selon X, ...", "X zei dat ...", "X said ...") is found from reporting cues
outside quote marks. Word lists live in `streams.nlp.lexicon`.

Everything is linear in the body: the regexes have no nested quantifiers, and every look-around
works on a window of bounded size, so a malformed or 1 MB body degrades to fewer quotes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from streams.nlp import lexicon as lx
from streams.nlp.quotes.context import Context
from streams.nlp.quotes.direct import (
    carry_over_reported,
    direct_quotes,
    fragments_in,
    sentence_subject_speaks,
    within_reported,
)
from streams.nlp.quotes.indirect import indirect_quotes
from streams.nlp.quotes.speakers import resolve_all
from streams.nlp.types import Entity, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["extract_quotes"]


def extract_quotes(body: str, entities: list[Entity], lang: str, doc: Doc | None = None) -> list[Quote]:
    """Direct, mixed and indirect quotes of `body`, sorted by start, speakers resolved to `entities`.

    `entities` are the dispatch's entities; only their mentions with section "body" are used. `lang`
    selects the word lists ("fr", "nl", "en"); other languages get what needs no words: quote marks,
    colon introductions and entity mentions. `doc`, spaCy's parse of `body` if there is one, only
    lends its finite-verb tags; everything works without it.
    """
    if not body or not body.strip():
        return []
    ctx = Context(body, entities, lx.LEXICONS.get(lang, lx.NEUTRAL), lang, doc)
    direct, loose = direct_quotes(ctx)
    indirect = indirect_quotes(ctx)
    within_reported(direct, indirect)
    carry_over_reported(ctx, direct, indirect)
    sentence_subject_speaks(ctx, direct)
    found = direct + indirect + fragments_in(ctx, loose, indirect)
    resolve_all(ctx, [f.attribution for f in found if f.attribution is not None])
    quotes = []
    for f in sorted(found, key=lambda f: (f.start, f.end)):
        att = f.attribution
        quotes.append(
            Quote(
                text=body[f.start : f.end],
                start=f.start,
                end=f.end,
                kind=f.kind,
                cue=att.cue if att else None,
                speaker_text=att.speaker_text if att else None,
                speaker_entity=att.speaker if att else None,
            )
        )
    return quotes
