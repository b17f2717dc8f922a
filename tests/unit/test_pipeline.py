"""One message's fate, without Kafka: decode, versions ledger, enrichment, planned outputs."""

from __future__ import annotations

from pathlib import Path

import orjson
from aiokafka.errors import MessageSizeTooLargeError

from streams.events import Source
from streams.nlp.enrich import Enricher
from streams.pipeline import Pipeline, VersionsLedger
from streams.settings import OutputTopics, PipelineConfig, Settings
from tests.schemas import validate

RULES_ONLY = Enricher({})
TOPICS = OutputTopics(enriched="enriched", quotes="quotes", entities="entities", dlq="dlq")
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def pipeline(ledger: VersionsLedger | None = None, limit: int | None = 100) -> Pipeline:
    return Pipeline(RULES_ONLY, PipelineConfig(TOPICS, max_dispatch_bytes=1000, dead_letter_value_limit=limit), ledger)


def envelope(dispatch_id: str, version: int | None = None, body: str = "") -> tuple[Source, bytes]:
    body = body or "NAMUR, 3 mars (Belga) - L'échevine Claire Dubois a dit: « Le budget est voté. »"
    value = {"id": dispatch_id, "lang": "fr", "body": body}
    if version is not None:
        value["version"] = version
    return Source(topic="raw", partition=0, offset=1), orjson.dumps(value)


def test_an_enriched_dispatch_plans_its_event_then_its_quotes_and_entities():
    (item,) = pipeline().run([envelope("a")]).items
    topics = [topic for topic, _, _ in item.outputs]
    assert topics[0] == "enriched" and set(topics[1:]) == {"quotes", "entities"}
    assert topics == sorted(topics, key=["enriched", "quotes", "entities"].index)
    for _, _, event in item.outputs:
        validate(event)
    assert item.outputs[0][1] == "a" and not item.dead_letter


def test_a_message_that_does_not_decode_is_a_dead_letter_with_its_reason():
    (item,) = pipeline().run([(Source(), b"\xff\xfe not utf-8")]).items
    ((topic, key, letter),) = item.outputs
    assert (topic, key, letter["reason"], letter["stage"]) == ("dlq", None, "invalid_utf8", "decode")
    assert item.dead_letter


def test_a_dead_letter_keeps_the_value_up_to_the_limit_or_whole():
    too_large = (Source(), b"y" * 2000)
    (kept,) = pipeline(limit=100).run([too_large]).items
    assert kept.outputs[0][2]["value_truncated"] is True and kept.outputs[0][2]["reason"] == "too_large"
    (whole,) = pipeline(limit=None).run([too_large]).items
    assert whole.outputs[0][2]["value_truncated"] is False


def test_the_ledger_skips_duplicates_and_stale_versions_and_says_what_a_version_supersedes():
    ledger = VersionsLedger()
    run = pipeline(ledger)
    first = run.run([envelope("a", 2)])
    assert [item.supersedes for item in first.items] == [None]
    again = run.run([envelope("a", 2)])  # not settled yet: the claim is seen
    assert again.items == [] and [s.skipped for s in again.skipped] == ["duplicate"]
    for item in first.items:
        run.settle(item)
    assert ledger.table["a"]["version"] == 2 and ledger.claims == {}
    older = run.run([envelope("a", 1, body="NAMUR (Belga) - Une version plus ancienne du texte.")])
    assert [(s.skipped, s.latest_version) for s in older.skipped] == [("stale", 2)]
    newer = run.run([envelope("a", 3, body="NAMUR (Belga) - Une version plus récente du texte.")])
    assert [item.supersedes for item in newer.items] == [2]
    assert newer.items[0].outputs[0][2]["supersedes"] == 2


def test_without_a_ledger_every_dispatch_is_new():
    plan = pipeline().run([envelope("a", 2), envelope("a", 2)])
    assert len(plan.items) == 2 and not plan.skipped
    assert all(item.supersedes is None for item in plan.items)


def test_a_failed_item_is_not_remembered():
    ledger = VersionsLedger()
    run = pipeline(ledger)
    (item,) = run.run([envelope("a", 1)]).items
    run.refuse(item, MessageSizeTooLargeError())
    assert item.dead_letter and item.outputs[0][2]["reason"] == "publish_error"
    assert item.outputs[0][2]["stage"] == "publish" and item.outputs[0][1] == "a"
    run.settle(item)
    assert "a" not in ledger.table and ledger.claims == {}


def test_a_withdrawn_item_is_not_enriched_and_plans_a_withdrawal():
    value = (FIXTURES / "newsml" / "belga-budget-v4-canceled.xml").read_bytes()
    (item,) = pipeline().run([(Source(), value)]).items
    assert item.result is None and not item.dead_letter
    ((topic, _, event),) = item.outputs
    assert topic == "enriched" and event["schema"] == "wirestream.withdrawn.v1"


def test_a_failing_dispatch_fails_alone():
    class Failing(Enricher):
        def _prepare(self, dispatch):
            if dispatch.id == "bad":
                raise RuntimeError("boom")
            return super()._prepare(dispatch)

    config = Settings().pipeline_config()
    plan = Pipeline(Failing({}), config).run([envelope("good"), envelope("bad")])
    assert [(item.dispatch.id, item.stage if item.dead_letter else None) for item in plan.items] == [
        ("good", None),
        ("bad", "enrich"),
    ]
    assert plan.items[1].outputs[0][2]["reason"] == "enrich_error"
