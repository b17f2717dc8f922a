"""Trending entities, offline: event-time windows, grace, de-duplication, spikes, expiry and restore."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace

from streams.trends.book import Mention, TrendBook, TrendConfig, mentions_of, spike_score
from streams.trends.events import trend_event
from tests.schemas import validate

T0 = 1_773_100_800_000  # 2026-03-10T00:00:00Z
MIN = 60_000
SMALL = TrendConfig(windows=(("15m", 15 * MIN), ("1h", 60 * MIN)), grace_ms=5 * MIN, baseline_windows=4)


def mention(dispatch: str, minute: float, entity: str = "per:jane-doe", lang: str = "fr", agency: str = "Belga"):
    return Mention(entity, entity.split(":")[1], "PER", dispatch, T0 + int(minute * MIN), lang, agency)


def feed(book: TrendBook, mentions: list[Mention]) -> list:
    out = []
    for m in mentions:
        out += book.add(m)
        out += book.close()
    return out


def test_the_journalists_a_dispatch_credits_are_no_mentions_unless_the_story_names_them():
    def entity(name: str, *sections: str) -> dict:
        return {"id": f"per:{name}", "name": name, "type": "PER", "mentions": [{"section": s} for s in sections]}

    enriched = {
        "id": "d1",
        "language": "fr",
        "source": {"agency": "AFP"},
        "entities": [
            entity("author", "byline"),  # "Par Claire DUBOIS"
            entity("reporter", "footer"),  # "(Reporting by ...)"
            entity("minister", "headline", "body"),
            entity("author-and-subject", "byline", "body"),  # a journalist the story is about
            {"id": "loc:lyon", "name": "Lyon", "type": "LOC", "mentions": [{"section": "header"}]},  # the dateline
        ],
    }
    found = [m.entity_id for m in mentions_of(enriched, T0)]
    assert found == ["per:minister", "per:author-and-subject", "loc:lyon"]


def test_a_window_closes_once_the_watermark_passes_its_end_and_grace():
    book = TrendBook(replace(SMALL, spike_min_count=99))
    assert feed(book, [mention("a", 1), mention("b", 2, lang="nl", agency="AFP"), mention("c", 19)]) == []
    closed = feed(book, [mention("d", 20)])  # 15 + 5: the first 15-minute window closes
    assert [(u.kind, u.label, u.start_ms, u.window.count) for u in closed] == [("window", "15m", T0, 2)]
    event = trend_event(closed[0], SMALL)
    validate(event)
    assert event["by_language"] == {"fr": 1, "nl": 1} and event["by_agency"] == {"AFP": 1, "Belga": 1}
    assert event["window"] == {"size": "15m", "start": "2026-03-10T00:00:00Z", "end": "2026-03-10T00:15:00Z"}


def test_late_mentions_within_grace_count_in_their_own_window_later_ones_do_not():
    book = TrendBook(SMALL)
    feed(book, [mention("a", 1), mention("b", 18), mention("late-ok", 14)])  # 4 minutes late, within grace
    closed = feed(book, [mention("c", 21), mention("too-late", 10)])  # window closed at 20
    assert [(u.label, u.window.count) for u in closed] == [("15m", 2)]
    assert book.late["15m"] == 1 and book.late["1h"] == 0
    hour = feed(book, [mention("e", 66)])
    assert [(u.label, u.start_ms - T0, u.window.count) for u in hour if u.label == "1h"] == [("1h", 0, 5)]


def test_versions_and_redeliveries_count_once():
    book = TrendBook(SMALL)
    feed(book, [mention("a", 1), mention("a", 2), mention("a", 1), mention("b", 3)])
    closed = feed(book, [mention("z", 40, entity="per:other")])
    assert {(u.entity_id, u.label): u.window.count for u in closed}[("per:jane-doe", "15m")] == 2


def test_counts_equal_a_recount_whatever_the_arrival_order_within_grace():
    rng = random.Random(7)
    mentions = [mention(f"d{i}", i * 0.7, entity=f"per:p{i % 5}") for i in range(600)]
    order = sorted(mentions, key=lambda m: m.time_ms + rng.randrange(0, 4 * MIN))  # up to 4 minutes late
    book = TrendBook(SMALL)
    closed = feed(book, order)
    recount = Counter((m.entity_id, "15m", m.time_ms - m.time_ms % (15 * MIN)) for m in mentions)
    reported = {(u.entity_id, u.label, u.start_ms): u.window.count for u in closed if u.label == "15m"}
    assert reported and all(reported[key] == recount[key] for key in reported)
    due = {key for key in recount if key[2] + 20 * MIN <= book.watermark}
    assert due == set(reported)


def test_a_sudden_burst_spikes_once_against_the_entitys_own_baseline():
    book = TrendBook(SMALL)
    steady = [mention(f"s{i}", i * 15 + 1) for i in range(24)]  # one per 15-minute window for six hours
    early = [(u.label, u.start_ms - T0) for u in feed(book, steady) if u.kind == "spike"]
    assert early == [("1h", 0)]  # a new name, four times in its first hour; then that is its baseline
    burst = [mention(f"b{i}", 365 + i * 0.5) for i in range(8)]
    spikes = [u for u in feed(book, burst) if u.kind == "spike"]
    assert [(s.label, s.window.count) for s in spikes] == [("15m", 6)]  # the hour of 8 is within its baseline of 4
    assert spikes[0].baseline == 1.0 and spikes[0].score == spike_score(6, 1.0) >= SMALL.spike_threshold
    assert spike_score(5, 1.0) < SMALL.spike_threshold
    validate(trend_event(spikes[0], SMALL))


def test_state_is_bounded_and_restore_continues_the_same_counts():
    book = TrendBook(SMALL)
    feed(book, [mention(f"d{i}", i, entity=f"per:p{i // 30}") for i in range(600)])  # a new name each half hour
    assert book.size()["entities"] <= 4 and book.size()["dispatch_ids"] <= 3 * 65
    stored, removed = book.take_dirty()
    assert "per:p0" in removed and stored
    again = TrendBook(SMALL)
    again.restore({key: value for key, value in stored.items()})
    rest = [mention(f"e{i}", 600 + i, entity="per:p19") for i in range(40)]
    first = [(u.entity_id, u.label, u.start_ms, u.window.count) for u in feed(book, rest)]
    second = [(u.entity_id, u.label, u.start_ms, u.window.count) for u in feed(again, rest)]
    assert first == second and first
