"""The labelled story corpus (bench/story_corpus.py) through the real pipeline: B-cubed F1 of threading."""

from __future__ import annotations

import random

import pytest

from bench.stories import enrich_corpus, thread
from bench.story_corpus import ITEMS, gold
from streams.stories.bcubed import bcubed
from streams.stories.book import StoryConfig


@pytest.fixture(scope="module")
def enriched() -> list[dict]:
    return enrich_corpus()


def test_the_corpus_has_stories_in_three_languages_versions_and_unrelated_dispatches():
    stories = {item.story for item in ITEMS if item.story}
    assert len(stories) >= 8
    told = {story: [item for item in ITEMS if item.story == story] for story in stories}
    assert all(len({item.lang for item in items}) >= 2 for items in told.values())
    assert sum(len({item.lang for item in items}) == 3 for items in told.values()) >= 6
    assert sum(len({item.agency for item in items}) >= 2 for items in told.values()) >= 6
    assert sum(item.version > 1 for item in ITEMS) >= 4
    assert sum(item.story is None for item in ITEMS) >= 20
    assert len({(item.id, item.version) for item in ITEMS}) == len(ITEMS)


def test_threading_the_corpus_scores_a_bcubed_f1_of_at_least_0_90(enriched):
    scores = bcubed(thread(enriched), gold())
    print(f"\nstory corpus: B-cubed P {scores['precision']:.3f} R {scores['recall']:.3f} F1 {scores['f1']:.3f}")
    assert scores["f1"] >= 0.90
    assert scores["precision"] >= 0.90 and scores["recall"] >= 0.90


def test_any_arrival_order_gives_the_same_stories(enriched):
    config = StoryConfig(grace_ms=24 * 3_600_000)
    expected = thread(enriched, config)
    for seed in range(3):
        order = enriched[:]
        random.Random(seed).shuffle(order)
        assert thread(order, config) == expected
