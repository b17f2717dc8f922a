"""The desk worker: trends (`wire.trends`) and story threads (`wire.stories`) from `wire.enriched`.

A Faust app of its own (`wirestream desk`, consumer group `<app id>-desk`), so that it scales and
restarts apart from the enrichment workers, which it never slows down. Three agents:

- `desk-route` reads `wire.enriched` (keyed by dispatch id) and re-keys what the two others need:
  one mention per entity to the mentions topic, keyed by entity id (partitioned like the enriched
  topic), and one small story record to the story feed, a topic of ONE partition;
- `desk-trends` counts mentions per entity in event-time windows (`streams.trends.TrendBook`, one per
  partition, its state in the changelog-backed table `desk-trends`, written to the partition being
  processed); an entity is always counted by the worker holding its partition, so any number of
  workers count each entity once;
- `desk-stories` threads the story feed (`streams.stories.StoryBook`, state in the table
  `desk-stories`). Stories cut across every partition of the enriched topic, so they are threaded in
  one place: the feed's single partition is processed by one worker at a time; the others hold a
  standby copy of its table and take over on a rebalance. How two workers agree: there is one
  writer. Threading costs microseconds per dispatch, so one partition carries far more than a
  news desk's day; the costly part, enrichment, is spread over all partitions upstream. As stories
  are connected groups of pairwise links, the order in which the workers' re-keyed records reach
  the feed does not change them, within the grace period (`streams.stories.book`).

Delivery is at least once: Faust flushes every output and table write before it commits an offset.
A re-processed record changes nothing: a dispatch is counted once per entity and window, and joins
the story it is already in. Errors are logged (`desk.failed`) and the record is skipped, never a crash.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import faust
import orjson

from streams.errors import ConfigError
from streams.eventtime import event_time_ms
from streams.kafka.app import cluster_options
from streams.kafka.faust_compat import App
from streams.logging import get_logger
from streams.settings import Settings
from streams.stories.book import StoryBook, StoryConfig
from streams.stories.events import story_event
from streams.stories.links import LinkRule
from streams.stories.record import StoryRecord, story_record
from streams.trends.book import Mention, TrendBook, TrendConfig, mentions_of
from streams.trends.events import trend_event

log = get_logger(__name__)

ENRICHED = "wirestream.enriched.v1"
TRENDS_TABLE = "desk-trends"
STORIES_TABLE = "desk-stories"


def desk_app_id(settings: Settings) -> str:
    return f"{settings.app_id}-desk"


def desk_topics(settings: Settings) -> dict[str, int]:
    """The topics the desk worker reads and writes, with the partition count each is created with."""
    app_id = desk_app_id(settings)
    return {
        settings.topic_enriched: settings.partitions,
        f"{app_id}-mentions": settings.partitions,
        f"{app_id}-story-feed": 1,
        settings.topic_trends: settings.partitions,
        settings.topic_stories: settings.partitions,
    }


def trend_config(settings: Settings) -> TrendConfig:
    return TrendConfig(
        windows=settings.trend_window_sizes,
        grace_ms=int(settings.trend_grace * 1000),
        spike_threshold=settings.spike_threshold,
    )


def story_config(settings: Settings) -> StoryConfig:
    return StoryConfig(
        rule=LinkRule(window_ms=int(settings.story_window * 1000)),
        grace_ms=int(settings.story_grace * 1000),
        idle_ms=int(settings.story_idle * 1000),
    )


def create_desk_app(settings: Settings) -> faust.App:
    """The desk worker's Faust app (`app.trend_books`, `app.story_books`: the state, for tests and stats)."""
    app_id = desk_app_id(settings)
    app = App(app_id, **cluster_options(settings), web_enabled=False)
    raw = {"key_type": bytes, "value_type": bytes, "key_serializer": "raw", "value_serializer": "raw"}
    enriched = app.topic(settings.topic_enriched, partitions=settings.partitions, **raw)
    mentions = app.topic(f"{app_id}-mentions", partitions=settings.partitions, **raw)
    feed = app.topic(f"{app_id}-story-feed", partitions=1, **raw)
    trends_out = app.topic(settings.topic_trends, **raw)
    stories_out = app.topic(settings.topic_stories, **raw)
    trend_table = app.Table(TRENDS_TABLE, partitions=settings.partitions)
    story_table = app.Table(STORIES_TABLE, partitions=1)
    trends = TrendRunner(trend_config(settings), trend_table)
    stories = StoryRunner(story_config(settings), story_table)

    async def route(stream: faust.StreamT) -> None:
        async for event in stream.events():
            try:
                for topic, key, value in routed(event.message.value, _timestamp_ms(event.message.timestamp)):
                    await (mentions if topic == "mentions" else feed).send(key=key, value=value)
            except Exception as exc:  # noqa: BLE001 - Faust acks a message whose agent raised: log it, go on
                _failed("route", event, exc)

    async def count(stream: faust.StreamT) -> None:
        async for event in stream.events():
            try:
                for key, value in trends.add(event.message.partition, orjson.loads(event.message.value)):
                    await trends_out.send(key=key, value=value)
            except Exception as exc:  # noqa: BLE001
                _failed("trends", event, exc)

    async def thread(stream: faust.StreamT) -> None:
        async for event in stream.events():
            try:
                for key, value in stories.add(orjson.loads(event.message.value)):
                    await stories_out.send(key=key, value=value)
            except Exception as exc:  # noqa: BLE001
                _failed("stories", event, exc)

    app.agent(enriched, name="desk-route")(route)
    app.agent(mentions, name="desk-trends")(count)
    app.agent(feed, name="desk-stories")(thread)

    @app.on_partitions_assigned.connect
    async def _assigned(sender: faust.App, assigned: set, **_: Any) -> None:
        trends.books.clear()  # rebuilt from the tables, once recovered, at the next record
        stories.book = None
        mine = sorted(tp.partition for tp in assigned if tp.topic == mentions.get_topic_name())
        story_writer = any(tp.topic == feed.get_topic_name() for tp in assigned)
        log.info("desk.assigned", mention_partitions=mine, story_writer=story_writer)

    if settings.stats_interval > 0:

        @app.timer(settings.stats_interval)
        async def report() -> None:
            log.info("desk.state", trends=trends.size(), stories=stories.book.size() if stories.book else None)

    app.trend_runner, app.story_runner = trends, stories
    return app


def routed(value: bytes | None, fallback_ms: int | None) -> list[tuple[str, bytes, bytes]]:
    """(topic, key, value) to re-key for one `wire.enriched` record: its mentions, and its story record.

    Withdrawals, dead letters and anything not an enriched event give nothing.
    """
    if not value:
        return []
    event = orjson.loads(value)
    if not isinstance(event, dict) or event.get("schema") != ENRICHED:
        return []
    time_ms = event_time_ms(event) or fallback_ms
    if time_ms is None:
        return []
    out = [("mentions", m.entity_id.encode(), orjson.dumps(asdict(m))) for m in mentions_of(event, time_ms)]
    record = story_record(event, time_ms)
    if record is not None:
        out.append(("feed", b"stories", orjson.dumps(record.to_json())))
    return out


class TrendRunner:
    """One `TrendBook` per partition of the mentions topic, kept in step with its table."""

    def __init__(self, config: TrendConfig, table: Any) -> None:
        self.config = config
        self.table = table
        self.books: dict[int, TrendBook] = {}

    def add(self, partition: int, data: dict[str, Any]) -> list[tuple[bytes, bytes]]:
        """Count a mention; the (key, value) trend events to publish. Table writes go to `partition`."""
        book = self.books.get(partition)
        if book is None:
            book = self.books[partition] = TrendBook(self.config)
            book.restore({key: v["state"] for key, v in list(self.table.items()) if v.get("p") == partition})
        updates = book.add(Mention(**data)) + book.close()
        written, removed = book.take_dirty()
        for key, state in written.items():
            self.table[key] = {"p": partition, "state": state}
        for key in removed:
            self.table.pop(key, None)
        return [(u.entity_id.encode(), orjson.dumps(trend_event(u, self.config))) for u in updates]

    def size(self) -> dict[str, int]:
        total: dict[str, int] = {}
        for book in self.books.values():
            for name, n in book.size().items():
                total[name] = total.get(name, 0) + n
        return total


class StoryRunner:
    """The `StoryBook` of the story feed, kept in step with its table."""

    def __init__(self, config: StoryConfig, table: Any) -> None:
        self.config = config
        self.table = table
        self.book: StoryBook | None = None

    def add(self, data: dict[str, Any]) -> list[tuple[bytes, bytes]]:
        """Thread a story record; the (key, value) story events to publish."""
        if self.book is None:
            self.book = StoryBook(self.config)
            self.book.restore(dict(self.table.items()))
        changes = self.book.add(StoryRecord.from_json(data))
        written, removed = self.book.take_dirty()
        for key, entry in written.items():
            self.table[key] = entry
        for key in removed:
            self.table.pop(key, None)
        return [(c.story_id.encode(), orjson.dumps(story_event(c))) for c in changes]


def run_desk(settings: Settings) -> int:
    """`wirestream desk`: create the desk topics if allowed, then run the desk worker until stopped."""
    from streams.kafka.admin import admin_client, ensure_topics
    from streams.kafka.backoff import retry
    from streams.kafka.faust_compat import Worker, check_versions

    check_versions()
    wanted = desk_topics(settings)
    if settings.create_topics:
        retry(lambda: ensure_topics(settings, wanted=wanted), what="topics.ensure", broker=settings.broker)
    else:
        retry(lambda: _check_topics(admin_client(settings), wanted), what="topics.check", broker=settings.broker)
    app = create_desk_app(settings)
    log.info("desk.starting", broker=settings.broker, topic=settings.topic_enriched, app_id=desk_app_id(settings))
    worker = Worker(app, loglevel=settings.log_level, override_logging=False, quiet=True, redirect_stdouts=False)
    worker.execute_from_commandline()
    return 0


def _check_topics(admin: Any, wanted: dict[str, int]) -> None:
    try:
        missing = sorted(set(wanted) - set(admin.list_topics()))
    finally:
        admin.close()
    if missing:
        raise ConfigError(f"topics {missing} do not exist and WIRESTREAM_CREATE_TOPICS is false: create them first")


def _timestamp_ms(timestamp: object) -> int | None:
    if not isinstance(timestamp, (int, float)) or isinstance(timestamp, bool) or timestamp <= 0:
        return None
    return int(timestamp * 1000)


def _failed(stage: str, event: faust.EventT, exc: BaseException) -> None:
    message = event.message
    log.error(
        "desk.failed",
        stage=stage,
        topic=message.topic,
        partition=message.partition,
        offset=message.offset,
        error_class=type(exc).__name__,
        error=str(exc)[:300],
    )
