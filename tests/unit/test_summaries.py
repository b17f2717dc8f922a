"""`wirestream tail` summaries of trends and stories, and the desk's re-keying of enriched events."""

from __future__ import annotations

import orjson

from streams.kafka.desk import routed
from streams.stories.book import StoryChange
from streams.stories.events import story_event
from streams.stories.record import StoryRecord
from streams.summaries import Summaries


def trend(entity: str, count: int, start: str, end: str, kind: str = "window", size: str = "15m") -> dict:
    return {
        "schema": "wirestream.trend.v1",
        "kind": kind,
        "entity": {"id": f"per:{entity}", "name": entity.title(), "type": "PER"},
        "window": {"size": size, "start": start, "end": end},
        "count": count,
        "by_language": {"fr": count},
        "by_agency": {"Belga": count},
        "baseline": 0.5,
        "spike_score": 2.0,
        "spike_threshold": 3.0,
        "emitted_at": "2026-03-10T10:00:00.000Z",
    }


def test_top_ranks_a_window_once_a_later_window_closes_and_spikes_print_at_once():
    tail = Summaries(top=2)
    first, second = ("2026-03-10T10:00:00Z", "2026-03-10T10:15:00Z"), ("2026-03-10T10:15:00Z", "2026-03-10T10:30:00Z")
    assert tail.lines(trend("ann", 3, *first)) == []
    assert tail.lines(trend("bob", 7, *first)) == []
    assert tail.lines(trend("cid", 1, *first)) == []
    spike = tail.lines(trend("dan", 9, *second, kind="spike"))
    assert spike == ["SPIKE 15m 2026-03-10 10:15-10:30  Dan (per:dan)  9 dispatches (baseline 0.5, score 2)  fr 9"]
    ranking = tail.lines(trend("eve", 2, *second))
    assert ranking == [
        "top 2 of 3 entities, 15m window 2026-03-10 10:00-10:15",
        "   1. Bob (per:bob)  7  fr 7  score 2",
        "   2. Ann (per:ann)  3  fr 3  score 2",
    ]
    assert tail.flush()[0] == "top 1 of 1 entities, 15m window 2026-03-10 10:15-10:30"
    assert tail.lines({"schema": "wirestream.quote.v1"}) is None


def test_story_lines_say_size_languages_span_headline_and_merges():
    entities, names = {"org:sncb": "ORG"}, {"org:sncb": "SNCB"}
    record = StoryRecord("d1", 1, 1_773_136_320_000, "fr", "Belga", "Grève à la SNCB", entities, names, frozenset())
    tail = Summaries()
    line = tail.lines(
        story_event(
            StoryChange(
                "story:0123456789abcdef", [record], "d1", count=1, first_ms=record.time_ms, headline=record.headline
            )
        )
    )
    assert line == ["story:0123456789abcdef  1 dispatches  fr  Belga  2026-03-10 09:52-09:52  Grève à la SNCB  [SNCB]"]
    merged = story_event(StoryChange("story:1111111111111111", [], "d1", merged_into="story:0123456789abcdef"))
    assert tail.lines(merged) == ["story:1111111111111111 merged into story:0123456789abcdef"]


def test_the_desk_rekeys_an_enriched_event_by_entity_and_to_the_single_story_feed():
    enriched = {
        "schema": "wirestream.enriched.v1",
        "id": "d1",
        "version": 1,
        "language": "fr",
        "headline": "Grève",
        "body": "Les cheminots font grève.",
        "first_created": None,
        "received_at": "2026-03-10T06:00:00Z",
        "source": {"agency": "Belga", "format": "envelope"},
        "entities": [
            {"id": "org:sncb", "name": "SNCB", "type": "ORG", "mentions": [{"text": "SNCB", "section": "body"}]},
            {"id": "per:jane", "name": "Jane", "type": "PER", "mentions": [{"text": "Jane", "section": "body"}]},
        ],
    }
    out = routed(orjson.dumps(enriched), None)
    assert [(topic, key) for topic, key, _ in out] == [
        ("mentions", b"org:sncb"),
        ("mentions", b"per:jane"),
        ("feed", b"stories"),
    ]
    assert orjson.loads(out[0][2])["time_ms"] == 1_773_122_400_000
    assert routed(orjson.dumps({"schema": "wirestream.withdrawn.v1", "id": "d1"}), None) == []
    assert routed(None, None) == []
