"""Quote keys: the same words from the same speaker get one key across agencies, versions and typography."""

from __future__ import annotations

from streams.events import quote_events
from streams.quotekey import quote_key
from tests.schemas import validate


def quote(text: str, entity_id: str | None = "per:jane-doe", speaker_text: str | None = "Jane Doe") -> dict:
    speaker = {"name": "Jane Doe", "entity_id": entity_id} if entity_id else None
    return {"text": text, "speaker": speaker, "speaker_text": speaker_text}


def test_typography_case_and_accents_do_not_change_the_key():
    key = quote_key(quote("« Nous devons rester unis. »"))
    assert quote_key(quote('"nous devons  rester unis"')) == key
    assert quote_key(quote("Nous dévons rester unis !", speaker_text="Mme Doe")) == key  # the entity id decides
    assert len(key) == 20


def test_other_words_or_another_speaker_make_another_key():
    key = quote_key(quote("Nous devons rester unis"))
    assert quote_key(quote("Nous devons rester très unis")) != key
    assert quote_key(quote("We must stay united")) != key  # a translation is another quote
    assert quote_key(quote("Nous devons rester unis", entity_id="per:john-roe")) != key


def test_without_an_entity_the_speakers_words_decide():
    first = quote_key(quote("Le budget est voté", entity_id=None, speaker_text="le porte-parole"))
    assert quote_key(quote("Le budget est voté.", entity_id=None, speaker_text="Le porte-parole")) == first
    assert quote_key(quote("Le budget est voté", entity_id=None, speaker_text="un témoin")) != first


def test_quote_events_carry_the_key_and_match_the_schema():
    base = {
        "id": "d1",
        "version": 1,
        "language": "fr",
        "dateline": {"place": None, "date": None, "text": None},
        "headline": None,
        "source": {"agency": "Belga"},
        "enriched_at": "2026-03-10T10:00:00.000Z",
    }
    quoted = {"id": "d1/q1", "start": 0, "end": 10, "kind": "direct", "cue": None, "section": "body"}
    first = quote_events({**base, "quotes": [{**quoted, **quote("Nous devons rester unis")}]})
    other = quote_events(
        {
            **base,
            "id": "d2",
            "source": {"agency": "AFP"},
            "quotes": [{**quoted, **quote("« Nous devons rester unis »")}],
        }
    )
    validate(first[0][1])
    assert first[0][1]["quote_key"] == other[0][1]["quote_key"]
