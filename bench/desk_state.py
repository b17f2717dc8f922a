"""State memory of the desk worker's trends and stories for a simulated week (pure modules, no Kafka).

    .venv/bin/python bench/desk_state.py                       # 7 days x 10,000 dispatches a day
    .venv/bin/python bench/desk_state.py --days 2 --per-day 2000

Synthetic dispatches, evenly spread over each day: 8 entities each, drawn from a Zipf-like law over
50,000 names (a few names are everywhere, most are rare); 60 % of dispatches retell one of the stories
of the last 6 hours (its 3 core entities, and other names), the rest start a story. The trends book
counts every mention in 15 min, 1 h and 24 h windows; the story book threads every dispatch. At the end
of each day: Python heap held by each book (tracemalloc), its stored size (the JSON of its table
entries, what the changelog topics hold after compaction), and its counts.
"""

from __future__ import annotations

import argparse
import bisect
import random
import sys
import time
import tracemalloc
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from streams.stories.book import StoryBook
from streams.stories.record import StoryRecord
from streams.trends.book import Mention, TrendBook

DAY_MS = 86_400_000
NAMES = 50_000
TYPES = ("PER", "ORG", "LOC", "MISC")
LANGS = ("fr", "nl", "en")
AGENCIES = ("Belga", "AFP", "Reuters", "ANP", "AP")


def zipf_sampler(rng: random.Random, n: int, s: float = 1.1):
    weights = [1.0 / (rank + 1) ** s for rank in range(n)]
    total = sum(weights)
    cumulative, running = [], 0.0
    for w in weights:
        running += w / total
        cumulative.append(running)
    return lambda: min(bisect.bisect_left(cumulative, rng.random()), n - 1)


def dispatches(days: int, per_day: int, seed: int = 1):
    """(story record, mentions) of each synthetic dispatch, in event-time order."""
    rng = random.Random(seed)
    draw = zipf_sampler(rng, NAMES)
    stories: list[tuple[int, list[int]]] = []  # (start ms, core entities)
    step = DAY_MS // per_day
    for i in range(days * per_day):
        time_ms = 1_773_100_800_000 + i * step
        recent = [s for s in stories[-300:] if time_ms - s[0] < 6 * 3_600_000]
        if recent and rng.random() < 0.6:
            core = rng.choice(recent)[1]
        else:
            core = [draw() for _ in range(3)]
            stories.append((time_ms, core))
        names = list(dict.fromkeys(core + [draw() for _ in range(5)]))
        entities = {f"{TYPES[n % 4].lower()}:name-{n}": TYPES[n % 4] for n in names}
        lang, agency = rng.choice(LANGS), rng.choice(AGENCIES)
        dispatch_id = f"{agency.lower()}-{i:08d}"
        record = StoryRecord(
            id=dispatch_id,
            version=1,
            time_ms=time_ms,
            language=lang,
            agency=agency,
            headline=f"Headline of dispatch {i} with a few words",
            entities=entities,
            names={key: key.split(":")[1].replace("-", " ").title() for key in entities},
            stems=frozenset(f"word{draw() % 3000}" for _ in range(25)),
        )
        mentions = [
            Mention(key, record.names[key], kind, dispatch_id, time_ms, lang, agency) for key, kind in entities.items()
        ]
        yield record, mentions


def restored(book, entries):
    book.restore(entries)
    return book


def heap_mb(build, *args) -> float:
    """The Python heap (MB) held by what `build(*args)` returns: a book rebuilt from its stored entries."""
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    made = build(*args)
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del made
    return (after - before) / 1e6


def stored_mb(entries) -> float:
    return sum(len(key) + len(orjson.dumps(value)) for key, value in entries) / 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=7)
    parser.add_argument("--per-day", type=int, default=10_000)
    args = parser.parse_args(argv)
    trends, stories = TrendBook(), StoryBook()
    started = time.perf_counter()
    day = 0
    print("day  trends: heap MB  stored MB  entities  dispatch ids  | stories: heap MB  stored MB  dispatches  stories")
    for i, (record, mentions) in enumerate(dispatches(args.days, args.per_day)):
        stories.add(record)
        for mention in mentions:
            trends.add(mention)
        trends.close()
        if (i + 1) % args.per_day == 0:
            day += 1
            trend_entries = {k: e.to_json() for k, e in trends.entities.items()}
            story_entries = stories.entries()
            trend_heap = heap_mb(restored, TrendBook(), trend_entries)
            story_heap = heap_mb(restored, StoryBook(), story_entries)
            t, s = trends.size(), stories.size()
            print(
                f"{day:>3}  {trend_heap:>15.1f}  {stored_mb(trend_entries.items()):>9.1f}  {t['entities']:>8}  "
                f"{t['dispatch_ids']:>12}  | {story_heap:>16.1f}  {stored_mb(story_entries.items()):>9.1f}  "
                f"{s['dispatches']:>10}  {s['stories']:>7}",
                flush=True,
            )
            trends.take_dirty()
    elapsed = time.perf_counter() - started
    total = args.days * args.per_day
    print(f"{total} dispatches in {elapsed:.0f} s: {elapsed / total * 1e6:.0f} us a dispatch (both books)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
