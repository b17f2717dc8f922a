"""Raw dispatches through a real worker on the embedded broker, into every output topic."""

from __future__ import annotations

import base64

import orjson
import pytest

from tests.eval_data import seed_dispatch
from tests.integration.conftest import consume
from tests.schemas import validate

pytestmark = pytest.mark.integration

ENVELOPE = {
    "id": "it-envelope-1",
    "agency": "Belga",
    "lang": "fr",
    "received_at": "2025-06-02T08:00:00Z",
    "version": 3,
    "body": (
        "NAMUR, 2 juin (Belga) - La ministre wallonne de la Mobilité Hélène Dufour a inauguré lundi à Namur "
        "une nouvelle ligne de bus express vers Charleroi.\n\n"
        "« Cette ligne relie enfin les deux plus grandes villes de Wallonie en moins d'une heure », a déclaré "
        "Hélène Dufour. Dufour a ajouté que dix autres lignes suivraient d'ici 2027. (Belga)"
    ),
}


def values(records):
    return [orjson.loads(r.value) for r in records]


def test_seed_dispatch_is_enriched_with_both_bolton_quotes(settings, worker, publish):
    seed = seed_dispatch()
    publish(seed["raw"].encode("utf-8"), key=b"seed-1")

    enriched = [
        e
        for e in values(consume(settings, settings.topic_enriched, lambda rs: any(r.key == b"seed-1" for r in rs)))
        if e["id"] == "seed-1"
    ]
    assert len(enriched) == 1
    event = enriched[0]
    validate(event)
    assert event["source"]["topic"] == settings.topic_raw
    assert event["source"]["agency"] == "Belga"
    assert event["language"] == "fr"
    assert event["dateline"]["date"] == "2018-10"

    direct = [q for q in event["quotes"] if q["kind"] == "direct"]
    assert len(direct) == 2
    assert all(q["speaker"] and q["speaker"]["name"] == "John Bolton" for q in direct)
    quoted = {q["text"] for q in event["quotes"]}
    assert not quoted & {"poursuivre", "faucons"}
    for quote in event["quotes"]:
        section = event["headline"] if quote.get("section") == "headline" else event["body"]
        assert section[quote["start"] : quote["end"]] == quote["text"]

    bolton_id = direct[0]["speaker"]["entity_id"]
    quotes = consume(
        settings,
        settings.topic_quotes,
        lambda rs: sum(orjson.loads(r.value)["dispatch_id"] == "seed-1" for r in rs) >= len(event["quotes"]),
    )
    mine = [r for r in quotes if orjson.loads(r.value)["dispatch_id"] == "seed-1"]
    by_bolton = [r for r in mine if r.key == bolton_id.encode()]
    assert len(by_bolton) == 2
    for record in mine:
        quote = orjson.loads(record.value)
        validate(quote)
        assert quote["language"] == "fr" and quote["dateline"] == event["dateline"]


def test_envelope_yields_enriched_quote_and_entity_events(settings, worker, publish):
    publish(orjson.dumps(ENVELOPE), key=b"ignored-key")

    enriched = values(
        consume(
            settings,
            settings.topic_enriched,
            lambda rs: any(orjson.loads(r.value)["id"] == "it-envelope-1" for r in rs),
        )
    )
    event = next(e for e in enriched if e["id"] == "it-envelope-1")
    validate(event)
    assert event["version"] == 3
    assert event["received_at"] == "2025-06-02T08:00:00Z"
    assert event["source"]["format"] == "envelope"
    assert event["dateline"] == {"place": "Namur", "date": "2025-06-02", "text": "NAMUR, 2 juin"}
    names = {e["name"]: e for e in event["entities"]}
    assert names["Hélène Dufour"]["type"] == "PER"
    assert {m["text"] for m in names["Hélène Dufour"]["mentions"]} == {"Hélène Dufour", "Dufour"}
    assert names["Namur"]["type"] == "LOC"
    quote = next(q for q in event["quotes"] if q["kind"] == "direct")
    assert quote["speaker"]["name"] == "Hélène Dufour"
    assert quote["text"].startswith("Cette ligne relie enfin")

    entity_records = consume(
        settings,
        settings.topic_entities,
        lambda rs: sum(orjson.loads(r.value)["dispatch_id"] == "it-envelope-1" for r in rs) >= len(event["entities"]),
    )
    mine = [r for r in entity_records if orjson.loads(r.value)["dispatch_id"] == "it-envelope-1"]
    assert len(mine) == len(event["entities"])
    for record in mine:
        entity = orjson.loads(record.value)
        validate(entity)
        assert record.key == entity["id"].encode()
    dufour = next(orjson.loads(r.value) for r in mine if orjson.loads(r.value)["name"] == "Hélène Dufour")
    assert dufour["mention_count"] == 3


BAD = [
    (b"\xff\xfe\xfa not utf-8", "invalid_utf8"),
    (b"", "empty"),
    (b'{"id": "broken", "body": ', "invalid_json"),
    (b'{"id": "typed", "body": 12}', "invalid_envelope"),
]


def test_garbage_goes_to_the_dead_letter_topic_and_the_worker_keeps_going(settings, worker, publish):
    for i, (value, _) in enumerate(BAD):
        publish(value, key=f"bad-{i}".encode())
    publish(b"ARLON (Belga) - Le conseil communal a adopte lundi le budget de la ville pour 2026.", key=b"after-bad")

    dead = consume(settings, settings.topic_dlq, lambda rs: len(rs) >= len(BAD))
    letters = {orjson.loads(r.value)["source"]["key_b64"]: orjson.loads(r.value) for r in dead}
    for i, (value, reason) in enumerate(BAD):
        letter = letters[base64.b64encode(f"bad-{i}".encode()).decode()]
        validate(letter)
        assert letter["reason"] == reason
        assert letter["stage"] == "decode"
        assert base64.b64decode(letter["value_b64"]) == value
        assert letter["source"]["topic"] == settings.topic_raw
        assert letter["source"]["offset"] is not None
        assert letter["error"]["message"]

    enriched = values(consume(settings, settings.topic_enriched, lambda rs: any(r.key == b"after-bad" for r in rs)))
    assert any(e["id"] == "after-bad" for e in enriched)
    assert worker.proc.poll() is None
    rejected = {line["reason"] for line in _wait_lines(worker, "dispatch.rejected")}
    assert rejected >= {reason for _, reason in BAD}


def test_every_worker_log_line_is_json_with_stable_fields(settings, worker, publish):
    publish(b"MONS (Belga) - Un incendie a detruit mardi un entrepot du zoning de Ghlin.", key=b"log-check")
    consume(settings, settings.topic_enriched, lambda rs: any(r.key == b"log-check" for r in rs))
    line = next(line for line in _wait_lines(worker, "dispatch.enriched") if line["dispatch_id"] == "log-check")
    assert line["level"] == "info"
    assert line["topic"] == settings.topic_raw
    assert isinstance(line["partition"], int) and isinstance(line["offset"], int)
    assert line["language"] == "fr" and line["latency_ms"] >= 0
    assert {"entities", "quotes", "processing_ms", "ts"} <= set(line)
    assert worker.raw_lines, "the worker logged nothing"
    not_json = [raw for raw in worker.raw_lines if not raw.startswith("{")]
    assert not not_json, not_json[:5]
    assert len(worker.lines) == len(worker.raw_lines)
    assert not any("incendie" in raw for raw in worker.raw_lines), "dispatch text must not be logged at info level"


def _wait_lines(worker, name):
    worker.wait_for_log(name)
    return worker.events(name)
