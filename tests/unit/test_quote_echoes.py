"""Headline quotes that repeat a body quote take its speaker (invented texts)."""

from streams.nlp.quotes.echoes import echo_speakers
from streams.nlp.types import Entity, Quote

LEA = Entity(id="per:lea-maes", name="Léa Maes", type="PER")
UNION = Entity(id="org:testbond", name="Testbond", type="ORG")


def quote(text: str, section: str = "body", speaker: Entity | None = None, kind: str = "direct") -> Quote:
    return Quote(text, 0, len(text), kind, cue=":", speaker_entity=speaker, section=section)


def test_a_headline_quote_with_no_speaker_takes_the_body_speaker_of_the_same_words():
    body = quote("Genoeg is genoeg, we wachten al twee jaar", speaker=LEA)
    (headline, _) = echo_speakers([quote("Genoeg is genoeg", "headline"), body])
    assert headline.speaker_entity is LEA and headline.speaker_text is None


def test_the_speaker_a_headline_names_stays_and_short_or_other_words_take_none():
    body = quote("Genoeg is genoeg, we wachten al twee jaar", speaker=LEA)
    named = quote("Genoeg is genoeg", "headline", speaker=UNION)
    short = quote("Genoeg", "headline")
    other = quote("Dit is een schande", "headline")
    out = echo_speakers([named, short, other, body])
    assert [q.speaker_entity for q in out[:3]] == [UNION, None, None]


def test_an_indirect_body_quote_lends_no_speaker():
    body = quote("genoeg is genoeg voor de bond", speaker=LEA, kind="indirect")
    (headline, _) = echo_speakers([quote("Genoeg is genoeg", "headline"), body])
    assert headline.speaker_entity is None
