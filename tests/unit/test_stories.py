"""Story threading, offline: the pairwise rule, stories as connected groups, expiry, restore, events."""

from __future__ import annotations

import random

import pytest

from streams.stories.bcubed import bcubed
from streams.stories.book import StoryBook, StoryConfig, story_id_of
from streams.stories.events import story_event
from streams.stories.links import HOUR_MS, LinkRule
from streams.stories.record import StoryRecord, story_record
from streams.stories.words import lead_stems
from tests.schemas import validate

T0 = 1_773_100_800_000  # 2026-03-10T00:00:00Z
MIN = 60_000


def rec(
    id: str,
    minute: int,
    entities: dict[str, str],
    *,
    lang: str = "fr",
    agency: str = "Belga",
    text: str = "",
    version: int = 1,
) -> StoryRecord:
    return StoryRecord(
        id=id,
        version=version,
        time_ms=T0 + minute * MIN,
        language=lang,
        agency=agency,
        headline=text[:40] or id,
        entities=entities,
        names={key: key.split(":")[-1] for key in entities},
        stems=lead_stems(text, ""),
    )


MINISTER = {"per:jane-doe": "PER", "org:rail": "ORG", "loc:geonames:1": "LOC"}


def stories(book: StoryBook) -> dict[str, str]:
    return dict(book.story_of)


def test_versions_join_their_first_versions_story_even_with_nothing_in_common():
    book = StoryBook()
    book.add(rec("a", 0, MINISTER))
    changes = book.add(rec("a", 300, {"misc:other": "MISC"}, version=2))
    assert [c.story_id for c in changes] == [story_id_of("a")]
    assert set(book.members[story_id_of("a")]) == {"a"}
    assert book.records["a"].version == 2 and book.records["a"].time_ms == T0  # versions merged, earliest time


def test_other_languages_and_agencies_join_on_shared_entity_ids():
    book = StoryBook()
    book.add(rec("fr", 0, MINISTER))
    book.add(rec("nl", 5, {"per:jane-doe": "PER", "org:rail": "ORG"}, lang="nl"))
    book.add(rec("en", 30, {"per:jane-doe": "PER", "org:rail": "ORG", "misc:x": "MISC"}, lang="en", agency="AP"))
    assert set(stories(book).values()) == {story_id_of("fr")}
    event = story_event(book.add(rec("fr2", 40, MINISTER))[-1])
    validate(event)
    assert event["languages"] == ["en", "fr", "nl"] and event["agencies"] == ["AP", "Belga"]
    assert event["dispatch_ids"] == ["fr", "nl", "en", "fr2"] and event["dispatch_count"] == 4
    assert event["top_entities"][0] == {"id": "org:rail", "name": "rail", "dispatches": 4}
    assert event["first_seen"] == "2026-03-10T00:00:00Z" and event["last_seen"] == "2026-03-10T00:40:00Z"


def test_one_shared_name_alone_does_not_link_but_with_the_same_words_in_one_language_it_does():
    rule = LinkRule()
    strike = rec("a", 0, {"per:jane-doe": "PER", "org:union": "ORG"}, text="grève nationale des cheminots retraites")
    school = rec("b", 10, {"per:jane-doe": "PER", "org:school": "ORG"}, text="visite une école ingénieurs étudiantes")
    retold = rec("c", 10, {"per:jane-doe": "PER"}, text="cheminots retraites grève nationale réforme")
    assert not rule.linked(strike, school)
    assert rule.linked(strike, retold)
    assert not rule.linked(strike, rec("d", 10, {"per:jane-doe": "PER"}, lang="nl", text=retold.headline or ""))


def test_broad_places_count_little_and_entity_types_do_not_matter():
    rule = LinkRule()
    first = rec("a", 0, {"loc:geonames:1": "LOC", "loc:iso3166:BE": "LOC", "org:x": "ORG", "per:y": "PER"})
    second = rec("b", 0, {"loc:geonames:1": "LOC", "loc:iso3166:BE": "LOC", "org:z": "ORG", "per:w": "PER"})
    assert not rule.linked(first, second)  # a town and a country: 1.0
    assert rule.linked(
        rec("c", 0, {"org:securitas": "ORG", "loc:airport": "LOC"}),
        rec("d", 0, {"loc:securitas": "LOC", "loc:airport": "LOC"}, lang="en"),
    )


def test_dispatches_further_apart_than_the_window_are_not_linked():
    rule = LinkRule(window_ms=2 * HOUR_MS)
    assert rule.linked(rec("a", 0, MINISTER), rec("b", 120, MINISTER))
    assert not rule.linked(rec("a", 0, MINISTER), rec("b", 121, MINISTER))


def test_a_dispatch_linking_two_stories_merges_them_under_the_earliest_dispatchs_id():
    book = StoryBook()
    book.add(rec("a", 0, {"per:p": "PER", "org:o": "ORG"}))
    book.add(rec("b", 10, {"per:q": "PER", "org:r": "ORG"}))
    changes = book.add(rec("c", 20, {"per:p": "PER", "org:o": "ORG", "per:q": "PER", "org:r": "ORG"}))
    assert [(c.story_id, c.merged_into) for c in changes] == [
        (story_id_of("b"), story_id_of("a")),
        (story_id_of("a"), None),
    ]
    assert changes[-1].merged_from == [story_id_of("b")]
    merged = story_event(changes[0])
    validate(merged)
    assert merged["dispatch_count"] == 0 and merged["merged_into"] == story_id_of("a")
    assert set(stories(book).values()) == {story_id_of("a")}


def test_the_same_dispatches_make_the_same_stories_in_any_arrival_order():
    topics = [{"per:p": "PER", "org:o": "ORG"}, {"per:q": "PER", "org:r": "ORG"}, {"per:s": "PER", "org:t": "ORG"}]
    records = [rec(f"d{i}", i * 7 % 600, topics[i % 3], lang=("fr", "nl", "en")[i % 3]) for i in range(60)]
    records += [rec("d0", 500, {"misc:update": "MISC"}, version=2)]
    config = StoryConfig(grace_ms=24 * HOUR_MS)  # arrivals shuffled over the whole day: lateness up to a day
    expected = None
    for seed in range(5):
        order = records[:]
        random.Random(seed).shuffle(order)
        book = StoryBook(config)
        for record in order:
            book.add(record)
        result = stories(book)
        expected = expected or result
        assert result == expected
    assert len(set(expected.values())) == 3


def test_idle_stories_expire_and_state_stays_bounded():
    config = StoryConfig(rule=LinkRule(window_ms=HOUR_MS), grace_ms=10 * MIN, idle_ms=3 * HOUR_MS)
    book = StoryBook(config)
    for i in range(24 * 12):  # a day, a dispatch every 5 minutes, a new story each hour
        book.add(rec(f"d{i}", 5 * i, {f"per:p{i // 12}": "PER", f"org:o{i // 12}": "ORG"}))
    size = book.size()
    assert size["stories"] <= 4 and size["dispatches"] <= 4 * 12
    assert size["indexed_entities"] <= 2 * 2  # within window + grace of the newest
    written, removed = book.take_dirty()
    assert "d0" in removed and "d287" in written and "\x00" + story_id_of("d0") in removed
    # a late version of a forgotten dispatch starts a story again
    book.add(rec("d0", 24 * 60, {"per:p0": "PER"}, version=2))
    assert book.story_of["d0"] == story_id_of("d0")


def test_a_story_running_for_days_keeps_only_its_recent_dispatches():
    config = StoryConfig(rule=LinkRule(window_ms=HOUR_MS), grace_ms=10 * MIN, idle_ms=3 * HOUR_MS)
    book = StoryBook(config)
    for i in range(24 * 12):  # a day of one story, a dispatch every 5 minutes
        change = book.add(rec(f"d{i}", 5 * i, {"per:p": "PER", "org:o": "ORG"}))[-1]
    assert change.story_id == story_id_of("d0") and change.count == 24 * 12
    assert len(change.members) <= 3 * 12 + 2 and book.size()["dispatches"] <= 3 * 12 + 1
    event = story_event(change)
    assert event["dispatch_count"] == 288 and event["first_seen"] == "2026-03-10T00:00:00Z"
    assert event["dispatch_ids"][0] != "d0"


def test_restore_from_stored_entries_gives_the_same_book():
    book = StoryBook()
    for i in range(30):
        book.add(rec(f"d{i}", i * 10, {f"per:p{i % 4}": "PER", f"org:o{i % 4}": "ORG"}))
    stored, _ = book.take_dirty()
    again = StoryBook()
    again.restore(stored)
    assert again.story_of == book.story_of and again.members == book.members
    assert again.first == book.first and again.count == book.count and again.entries() == book.entries()
    assert again.watermark == book.watermark and again.size() == book.size()
    assert again.add(rec("new", 300, {"per:p1": "PER", "org:o1": "ORG"}))[-1].story_id == book.story_of["d1"]


def test_story_record_keeps_named_entities_but_not_the_agency_nor_dateline_only_places_nor_credited_journalists():
    enriched = {
        "id": "x1",
        "version": 2,
        "language": "nl",
        "headline": "Staking bij de spoorwegen",
        "body": "De spoorbonden staken dinsdag.",
        "first_created": None,
        "received_at": "2026-03-10T06:00:00Z",
        "source": {"agency": "Belga", "format": "envelope"},
        "entities": [
            {
                "id": "loc:geonames:2800866",
                "name": "Brussel",
                "type": "LOC",
                "mentions": [{"text": "BRUSSEL", "section": "header"}],
            },
            {"id": "org:belga", "name": "Belga", "type": "ORG", "mentions": [{"text": "Belga", "section": "body"}]},
            {"id": "org:sncb-nmbs", "name": "NMBS", "type": "ORG", "mentions": [{"text": "NMBS", "section": "body"}]},
            # the journalists it credits: in the byline, and in the footer's "(Reporting by ...)"
            {"id": "per:an-smet", "name": "An Smet", "type": "PER", "mentions": [{"section": "byline"}]},
            {"id": "per:jo-pas", "name": "Jo Pas", "type": "PER", "mentions": [{"section": "footer"}]},
        ],
    }
    record = story_record(enriched)
    assert record is not None and record.time_ms == T0 + 360 * MIN
    assert record.entities == {"org:sncb-nmbs": "ORG"}
    assert StoryRecord.from_json(record.to_json()) == record
    assert story_record({**enriched, "received_at": "nonsense"}) is None


def test_bcubed_against_hand_computed_values():
    gold = {"a": "x", "b": "x", "c": "y", "d": "y"}
    assert bcubed(gold, gold) == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    one = bcubed({k: "s" for k in gold}, gold)
    assert one["precision"] == pytest.approx(0.5) and one["recall"] == 1.0
    alone = bcubed({}, gold)
    assert alone["precision"] == 1.0 and alone["recall"] == pytest.approx(0.5)
