"""The benchmark's synthetic corpus (bench/corpus.py): deterministic, realistic mix, decodable."""

from __future__ import annotations

import re
from collections import Counter

import orjson
import pytest

from bench.corpus import MAX_WORDS, MIN_WORDS, generate, messages
from streams.wire.decode import decode
from tests.eval_data import EVAL_DIR

COUNT = 120


@pytest.fixture(scope="module")
def items():
    return generate(COUNT)


def test_same_arguments_same_bytes():
    assert messages(40) == messages(40)
    assert messages(40, seed=7) == messages(40, seed=7)
    assert messages(40, seed=7) != messages(40)


def test_a_longer_corpus_starts_with_the_shorter_one():
    assert messages(60)[:20] == messages(20)


def test_lengths_from_100_to_800_words_with_a_realistic_spread(items):
    words = sorted(item.words for item in items)
    assert words[0] >= MIN_WORDS and words[-1] <= MAX_WORDS
    assert sum(1 for w in words if w < 250) >= COUNT // 10  # short briefs
    assert sum(1 for w in words if w > 550) >= COUNT // 20  # long stories
    assert 320 <= sum(words) / len(words) <= 480


def test_mostly_french_with_dutch_and_english(items):
    langs = Counter(item.lang for item in items)
    assert set(langs) == {"fr", "nl", "en"}
    assert langs["fr"] > langs["nl"] + langs["en"]
    assert langs["nl"] >= COUNT // 10 and langs["en"] >= COUNT // 10


def test_wire_copy_features(items):
    texts = [item.text for item in items]
    assert any(re.search(r"^[A-ZÈÉ' -]+, \d{1,2} \w+ (?:\d{4} )?\((?:Belga|AFP)\) -", t, re.M) for t in texts)
    assert any(re.search(r"^[A-Z ]+ \d\d/\d\d \(BELGA\) =", t, re.M) for t in texts)
    assert any("(Reuters) -" in t for t in texts)
    assert any("«" in t and "»" in t for t in texts)
    assert any(re.search(r'"[A-Z][^"]{10,}[.,]"', t) for t in texts)
    assert any(re.search(r"'[A-Z][^']{10,}'", t) for t in texts)
    assert any(re.search(r"\b(?:a indiqué que|zei dat|said)\b", t) for t in texts)
    assert {item.format for item in items} == {"text", "envelope"}


def test_every_message_decodes_to_one_dispatch_with_the_key_as_id(items):
    for item in items:
        key, value = item.message()
        dispatches = decode(value, key)
        assert len(dispatches) == 1
        assert dispatches[0].id == item.key
        assert item.body in dispatches[0].text


def test_a_suffix_makes_another_dispatch_id(items):
    for item in items[:30]:
        key, value = item.message("~1")
        assert key == (item.key + "~1").encode()
        assert decode(value, key)[0].id == item.key + "~1"
        if item.format == "envelope":
            assert orjson.loads(value)["body"] == orjson.loads(item.value)["body"]


def test_no_text_from_the_evaluation_data(items):
    """The corpus is written from its own templates: no run of 7 words in common with the gold dispatches."""
    paths = [EVAL_DIR / name for name in ("seed.jsonl", "dev.jsonl") if (EVAL_DIR / name).exists()]
    if not paths:
        pytest.skip(f"no evaluation data at {EVAL_DIR}")

    def shingles(text: str) -> set[tuple[str, ...]]:
        words = re.findall(r"\w+", text.lower())
        return {tuple(words[i : i + 7]) for i in range(len(words) - 6)}

    gold = set()
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                gold |= shingles(orjson.loads(line)["raw"])
    ours = set().union(*(shingles(item.text) for item in items))
    assert not ours & gold
