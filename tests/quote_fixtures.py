"""Entities and quote extraction on invented sentences, for the quote tests."""

from __future__ import annotations

import re

from streams.nlp.quotes import extract_quotes
from streams.nlp.types import Entity, Mention, Quote


def entities(body: str, *specs: tuple[str, str, list[str]]) -> list[Entity]:
    """Entities whose mentions are every whole-word occurrence of their forms in body."""
    out = []
    for k, (name, etype, forms) in enumerate(specs):
        ent = Entity(id=f"e{k}", name=name, type=etype)  # type: ignore[arg-type]
        for form in forms:
            for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", body):
                ent.mentions.append(Mention(form, m.start(), m.end()))
        out.append(ent)
    return out


def run(body: str, lang: str, *specs: tuple[str, str, list[str]]) -> list[Quote]:
    """The quotes of body, each checked to be the text at its offsets, in order."""
    quotes = extract_quotes(body, entities(body, *specs), lang)
    for q in quotes:
        assert body[q.start : q.end] == q.text
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    return quotes


def speaker(q: Quote) -> str | None:
    return q.speaker_entity.name if q.speaker_entity else None
