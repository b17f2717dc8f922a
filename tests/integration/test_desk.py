"""The desk worker on the embedded broker: stories and trends from wire.enriched, with one and two workers.

The labelled corpus (bench/story_corpus.py) goes through the real pipeline once; its enriched events are
published to the enriched topic as the enrichment workers would (key = dispatch id), then, once the
day is threaded, a dispatch four days later moves event time on, so that every window of the day closes.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections import Counter
from typing import Any

import orjson
import pytest
from kafka import KafkaProducer

from bench.stories import enrich_corpus
from bench.story_corpus import gold
from streams.eventtime import event_time_ms, iso
from streams.settings import Settings
from streams.stories.bcubed import bcubed
from tests.integration.conftest import WorkerProcess, consume, settings_env, start_worker, unique_settings
from tests.schemas import validate

pytestmark = pytest.mark.integration

DAY_MS = 86_400_000


def start_desk(settings: Settings) -> WorkerProcess:
    return start_worker(settings, "desk")


def desk_settings(broker) -> Settings:
    return unique_settings(
        broker,
        topic_trends=f"trends-{time.monotonic_ns()}",
        topic_stories=f"stories-{time.monotonic_ns()}",
        trend_windows="15m,1h,24h",
        trend_grace=48 * 3600.0,  # the whole day is published at once: partitions are read at different paces
        story_grace=24 * 3600.0,
        story_idle=48 * 3600.0,
        stats_interval=0.0,
    )


def clock_event(corpus: list[dict[str, Any]]) -> dict[str, Any]:
    """A dispatch four days after the corpus, naming eight entities: event time moves on in every partition."""
    last = max(event_time_ms(e) or 0 for e in corpus)
    names = [f"Clock Person {i}" for i in range(8)]
    mention = [{"text": "x", "start": 0, "end": 1, "section": "body"}]
    entities = [
        {"id": f"per:clock-{i}", "name": name, "type": "PER", "role": None, "source": "rule", "mentions": mention}
        for i, name in enumerate(names)
    ]
    changes = {"id": "clock", "event_id": "clock", "received_at": iso(last + 4 * DAY_MS), "first_created": None}
    return {**corpus[0], **changes, "entities": entities, "quotes": [], "headline": "clock", "body": "clock"}


@pytest.fixture(scope="module")
def corpus() -> list[dict[str, Any]]:
    events = enrich_corpus()
    return [*events, clock_event(events)]


def publish_enriched(settings: Settings, events: list[dict[str, Any]]) -> None:
    producer = KafkaProducer(**settings.kafka_client_config(), acks="all", linger_ms=5)
    for event in events:
        producer.send(settings.topic_enriched, key=event["id"].encode(), value=orjson.dumps(event))
    producer.flush(timeout=60)
    producer.close()


def final_stories(records: list[Any]) -> dict[str, str]:
    """Dispatch id -> story id, from the latest event of each story (an absorbed story lists nothing)."""
    latest: dict[str, dict[str, Any]] = {}
    for record in records:
        event = orjson.loads(record.value)
        validate(event)
        assert record.key == event["story_id"].encode()
        latest[event["story_id"]] = event
    return {d: story for story, e in latest.items() if not e["merged_into"] for d in e["dispatch_ids"]}


def recount(corpus: list[dict[str, Any]], windows: dict[str, int]) -> Counter:
    """(entity id, window size, window start ms) -> dispatches naming the entity, from the enriched events.

    A dispatch counts once per entity, at the event time of its first version naming it; a journalist it names
    only in its byline or footer credits does not count.
    """
    first: dict[tuple[str, str], int] = {}
    for event in corpus:
        for entity in event["entities"]:
            if entity["mentions"] and {m["section"] for m in entity["mentions"]} <= {"byline", "footer"}:
                continue
            key = (event["id"], entity["id"])
            first[key] = min(first.get(key, event_time_ms(event)), event_time_ms(event))
    counts: Counter = Counter()
    for (_, entity_id), time_ms in first.items():
        for label, size in windows.items():
            counts[(entity_id, label, time_ms - time_ms % size)] += 1
    return counts


def reported_windows(records: list[Any]) -> dict[tuple[str, str, int], int]:
    out = {}
    for record in records:
        event = orjson.loads(record.value)
        if event["kind"] == "window":
            start = event_time_ms({"received_at": event["window"]["start"]})
            out[(event["entity"]["id"], event["window"]["size"], start)] = event["count"]
    return out


def updates(records: list[Any]) -> int:
    """How many story records were threaded: each makes one event that is not a merge notice."""
    return sum(not orjson.loads(r.value)["merged_into"] for r in records)


def run_desk(settings: Settings, corpus: list[dict[str, Any]], workers: int) -> tuple[dict[str, str], list[Any]]:
    running = [start_desk(settings) for _ in range(workers)]
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:  # every worker holds mention partitions: the group is settled
            last = [w.events("desk.assigned")[-1] if w.events("desk.assigned") else None for w in running]
            if all(line and line["mention_partitions"] for line in last):
                break
            for worker in running:
                if worker.proc.poll() is not None:
                    raise AssertionError("desk worker exited:\n" + "\n".join(worker.raw_lines[-30:]))
            time.sleep(0.2)
        else:
            raise AssertionError("the desk workers did not share the partitions within 120 s")
        writers = [w for w in running if w.events("desk.assigned")[-1]["story_writer"]]
        assert len(writers) == 1, "one worker threads the story feed"
        publish_enriched(settings, corpus[:-1])
        threaded = consume(settings, settings.topic_stories, lambda rs: updates(rs) >= len(corpus) - 1, timeout=120)
        assert updates(threaded) == len(corpus) - 1
        publish_enriched(settings, corpus[-1:])  # once the whole day is routed: a dispatch of a later day
        stories = consume(settings, settings.topic_stories, lambda rs: updates(rs) == len(corpus), timeout=120)
        windows = settings.trend_window_sizes
        expected = recount(corpus[:-1], dict(windows))
        trends = consume(
            settings, settings.topic_trends, lambda rs: expected.keys() <= reported_windows(rs).keys(), timeout=120
        )
        for worker in running:
            assert not worker.events("desk.failed"), worker.events("desk.failed")
        return final_stories(stories), trends
    finally:
        for worker in running:
            worker.stop()


def tail(settings: Settings, *args: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-m", "streams", "tail", *args, "--idle-timeout", "3"],
        env=settings_env(settings),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.splitlines()


def check_tail(settings: Settings) -> None:
    """`wirestream tail` prints rankings, spikes and stories as readable lines."""
    trends = tail(settings, settings.topic_trends, "--top", "3")
    rankings = [line for line in trends if line.startswith("top 3 of")]
    assert rankings and all(not line.startswith("{") for line in trends)
    first = trends.index(rankings[0])
    assert trends[first + 1].startswith("   1. ") and trends[first + 3].startswith("   3. ")
    assert any(line.startswith("SPIKE ") for line in trends)
    stories = tail(settings, settings.topic_stories)
    assert any("Grève à la SNCB" in line and "fr nl" in line for line in stories)
    assert tail(settings, settings.topic_stories, "--json", "--max", "1")[0].startswith(
        '{"schema":"wirestream.story.v1"'
    )


def test_one_and_two_desk_workers_thread_the_same_stories_and_count_trends_exactly(broker, corpus):
    truth = gold()
    results = []
    for workers in (1, 2):
        settings = desk_settings(broker)
        stories, trends = run_desk(settings, corpus, workers)
        scores = bcubed(stories, truth)
        print(
            f"\ndesk, {workers} worker(s): B-cubed P {scores['precision']:.3f} R {scores['recall']:.3f} "
            f"F1 {scores['f1']:.3f}, {len(set(stories[d] for d in truth))} stories, {len(trends)} trend events"
        )
        assert scores["f1"] >= 0.90
        for record in trends:
            validate(orjson.loads(record.value))
        expected = recount(corpus[:-1], dict(settings.trend_window_sizes))
        reported = reported_windows(trends)
        assert {key: reported[key] for key in expected} == dict(expected), "window counts equal a recount"
        results.append({d: stories[d] for d in truth})
        if workers == 1:
            check_tail(settings)
    assert results[0] == results[1], "two workers thread exactly the stories one worker threads"


def synthetic_day(count: int) -> list[dict[str, Any]]:
    """`count` enriched events over one day, each naming 4 of 200 entities (some far more often than others)."""
    names = [f"Person {i}" for i in range(200)]
    events = []
    for i in range(count):
        picked = sorted({(i * 7 + k * k * 13) % (20 if k < 2 else 200) for k in range(4)})
        entities = [
            {"id": f"per:person-{n}", "name": names[n], "type": "PER", "role": None, "source": "rule",
             "mentions": [{"text": names[n], "start": 0, "end": len(names[n]), "section": "body"}]}
            for n in picked
        ]  # fmt: skip
        events.append(
            {"schema": "wirestream.enriched.v1", "id": f"syn-{i:05d}", "version": 1, "language": ("fr", "nl")[i % 2],
             "source": {"agency": ("Belga", "AFP")[i % 2], "format": "envelope"}, "first_created": None,
             "received_at": iso(1_773_100_800_000 + i * DAY_MS // count), "headline": f"Dispatch {i}",
             "body": "Words of the dispatch.", "entities": entities}
        )  # fmt: skip
    return events


def test_trend_counts_equal_a_recount_after_a_sigkill_and_restart(broker):
    settings = desk_settings(broker)
    day = synthetic_day(3000)
    ids = {e["id"] for e in day}
    first = start_desk(settings)
    try:
        first.wait_for_log("desk.assigned")
        publish_enriched(settings, day)
        consume(settings, settings.topic_stories, lambda rs: updates(rs) >= 600, timeout=120)
        first.proc.send_signal(signal.SIGKILL)
        first.proc.wait(timeout=10)
    finally:
        first.stop()
    threaded = {orjson.loads(r.value)["updated_by"] for r in consume(settings, settings.topic_stories, lambda rs: True)}
    assert 600 <= len(threaded) < len(ids), "the kill must land mid-run"
    second = start_desk(settings)
    try:
        consume(
            settings,
            settings.topic_stories,
            lambda rs: ids <= {orjson.loads(r.value)["updated_by"] for r in rs},
            timeout=180,
        )
        publish_enriched(settings, [clock_event(day)])
        expected = recount(day, dict(settings.trend_window_sizes))
        trends = consume(
            settings, settings.topic_trends, lambda rs: expected.keys() <= reported_windows(rs).keys(), timeout=180
        )
        assert not second.events("desk.failed")
    finally:
        second.stop()
    every: dict[tuple[str, str, int], set[int]] = {}
    for record in trends:
        event = orjson.loads(record.value)
        if event["kind"] == "window":
            start = event_time_ms({"received_at": event["window"]["start"]})
            every.setdefault((event["entity"]["id"], event["window"]["size"], start), set()).add(event["count"])
    wrong = {
        key: (counts, expected[key]) for key, counts in every.items() if key in expected and counts != {expected[key]}
    }
    print(
        f"\nsigkill: {len(threaded)} of {len(ids)} dispatches threaded before the kill; {len(expected)} windows exact"
    )
    assert not wrong, f"windows whose count differs from the recount: {list(wrong.items())[:5]}"
