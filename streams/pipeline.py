"""One message's fate, with no Kafka: received -> decode -> versions ledger -> enrich -> planned outputs.

The worker's agent, `wirestream enrich`, `wirestream evaluate` and the benchmarks all go through a
`Pipeline`. A raw message becomes one `Received` per dispatch it holds (one for the message itself
when it does not decode), and each ends as events (enriched, its quotes and entities; or a
withdrawal) or as one dead letter, planned in input order. A `VersionsLedger` leaves out exact
re-deliveries and versions older than one already published; without a ledger, every dispatch is new.
"""

from __future__ import annotations

from collections.abc import Iterable, MutableMapping
from dataclasses import dataclass, field
from typing import Any

from streams.errors import DecodeError
from streams.events import (
    Source,
    content_digest,
    dead_letter_event,
    enriched_event,
    entity_events,
    quote_events,
    withdrawn_event,
)
from streams.nlp.enrich import Enricher, Enrichment
from streams.settings import PipelineConfig
from streams.wire.decode import Dispatch, decode

Output = tuple[str, str | None, dict[str, Any]]  # (topic, key, event)
Message = tuple[Source, bytes | None]  # where a raw message came from, and its value


@dataclass(slots=True)
class Received:
    """One dispatch of a raw message (or the message itself, when it does not decode) and what became of it."""

    source: Source
    value: bytes | None
    dispatch: Dispatch | None = None
    error: BaseException | None = None
    stage: str = "decode"  # where it failed, when it failed
    reason: str | None = None  # set once the item is planned as a dead letter
    result: Enrichment | None = None  # None for a withdrawal or a failure
    supersedes: int | None = None  # the version this one replaces, if one was published
    digest: str | None = None
    claim: dict[str, Any] | None = None  # its entry among the versions being published
    skipped: str | None = None  # "duplicate" or "stale": left out, not published
    latest_version: int | None = None  # of the version published before, when skipped
    outputs: list[Output] = field(default_factory=list)

    @property
    def dead_letter(self) -> bool:
        """Whether its planned output is a dead letter."""
        return self.reason is not None


@dataclass(slots=True)
class Plan:
    """A batch's items in input order: those to publish, and the re-deliveries left out."""

    items: list[Received]
    skipped: list[Received]

    @property
    def to_enrich(self) -> list[Received]:
        return [item for item in self.items if item.dispatch is not None and not item.dispatch.withdrawn]


class VersionsLedger:
    """The last version published of each dispatch id, and the versions on their way out.

    `table` maps a dispatch id to {"version", "digest"}: the worker's Faust table, whose changelog
    keeps it across restarts, or a dict. A version is claimed when admitted and remembered once its
    outputs are acknowledged; a re-delivery arriving in between already sees the claim.
    """

    def __init__(self, table: MutableMapping[str, Any] | None = None) -> None:
        self.table: MutableMapping[str, Any] = {} if table is None else table
        self.claims: dict[str, dict[str, Any]] = {}

    def admit(self, item: Received) -> bool:
        """Whether to publish a decoded dispatch; a skipped one says why (`item.skipped`)."""
        dispatch = item.dispatch
        digest = content_digest(dispatch, dispatch.version)
        seen = self.claims.get(dispatch.id) or self.table.get(dispatch.id)
        if seen and seen["digest"] == digest:
            item.skipped = "duplicate"
        elif seen and None not in (seen["version"], dispatch.version) and dispatch.version < seen["version"]:
            item.skipped = "stale"
        if item.skipped:
            item.latest_version = seen["version"]
            return False
        item.supersedes = seen["version"] if seen else None
        item.digest = digest
        item.claim = self.claims[dispatch.id] = {"version": dispatch.version, "digest": digest}
        return True

    def settle(self, item: Received) -> None:
        """An item's outputs are acknowledged: release its claim, and remember its version unless it failed."""
        if item.claim is not None and self.claims.get(item.dispatch.id) is item.claim:
            del self.claims[item.dispatch.id]
        if item.error is None and item.dispatch is not None:
            version = item.result.version if item.result is not None else item.dispatch.version
            self.table[item.dispatch.id] = {"version": version, "digest": item.digest}


def enrich_batch(enricher: Enricher, dispatches: list[Dispatch]) -> list[Enrichment | BaseException]:
    """Enrich a batch; if the batch fails, retry one by one so only the culprit fails."""
    try:
        return list(enricher.enrich_many(dispatches))
    except Exception:  # noqa: BLE001 - isolate the failing dispatch below
        results: list[Enrichment | BaseException] = []
        for dispatch in dispatches:
            try:
                results.append(enricher.enrich(dispatch))
            except Exception as exc:  # noqa: BLE001 - becomes a dead letter
                results.append(exc)
        return results


class Pipeline:
    """The steps of a batch: `receive`, `enrich` (the slow one), `finish`; `run` does all three."""

    def __init__(self, enricher: Enricher, config: PipelineConfig, ledger: VersionsLedger | None = None) -> None:
        self.enricher = enricher
        self.config = config
        self.ledger = ledger

    def run(self, messages: Iterable[Message]) -> Plan:
        """A batch's plan, its outputs ready to publish."""
        plan = self.receive(messages)
        self.enrich(plan)
        return self.finish(plan)

    def receive(self, messages: Iterable[Message]) -> Plan:
        """Decode each message, and leave out the dispatches the versions ledger has seen."""
        items = [item for source, value in messages for item in self._decode(source, value)]
        kept = [item for item in items if item.dispatch is None or self.ledger is None or self.ledger.admit(item)]
        return Plan(items=kept, skipped=[item for item in items if item.skipped])

    def enrich(self, plan: Plan) -> None:
        """Enrich the new dispatches of a plan; one that fails is marked for a dead letter."""
        todo = plan.to_enrich
        for item, result in zip(todo, enrich_batch(self.enricher, [i.dispatch for i in todo]), strict=True):
            if isinstance(result, BaseException):
                item.error, item.stage = result, "enrich"
            else:
                item.result = result

    def finish(self, plan: Plan) -> Plan:
        """Plan the outputs of every item."""
        for item in plan.items:
            self._plan_outputs(item)
        return plan

    def refuse(self, item: Received, error: BaseException) -> None:
        """The broker refused one of an item's events: the item becomes a dead letter."""
        item.error, item.stage, item.result = error, "publish", None
        self._plan_outputs(item)

    def settle(self, item: Received) -> None:
        """An item's outputs are acknowledged by the broker (or written): the ledger remembers its version."""
        if self.ledger is not None:
            self.ledger.settle(item)

    def _decode(self, source: Source, value: bytes | None) -> list[Received]:
        """The dispatches one raw message holds (a NewsML-G2 newsMessage may hold several)."""
        try:
            dispatches = decode(value, source.key, max_bytes=self.config.max_dispatch_bytes)
        except DecodeError as exc:
            return [Received(source=source, value=value, error=exc)]
        return [Received(source=source, value=value, dispatch=d) for d in dispatches]

    def _plan_outputs(self, item: Received) -> None:
        """The events one item becomes: enriched (+ quotes, entities), withdrawn, or a dead letter."""
        topics = self.config.topics
        if item.error is None:
            try:
                if item.result is not None:
                    enriched = enriched_event(item.result, item.source, supersedes=item.supersedes)
                    item.outputs = [(topics.enriched, enriched["id"], enriched)]
                    item.outputs += [(topics.quotes, key, event) for key, event in quote_events(enriched)]
                    item.outputs += [(topics.entities, key, event) for key, event in entity_events(enriched)]
                else:
                    withdrawn = withdrawn_event(item.dispatch, item.source, supersedes=item.supersedes)
                    item.outputs = [(topics.enriched, withdrawn["id"], withdrawn)]
                return
            except Exception as exc:  # noqa: BLE001 - an event that cannot be built makes a dead letter
                item.error, item.stage = exc, "publish"
        error = item.error
        item.reason = error.reason if isinstance(error, DecodeError) else f"{item.stage}_error"
        key = item.dispatch.id if item.dispatch else None
        letter = dead_letter_event(
            item.value,
            item.source,
            stage=item.stage,
            reason=item.reason,
            error=error,
            dispatch_id=key,
            max_value_bytes=self.config.dead_letter_value_limit,
        )
        item.outputs = [(topics.dlq, key, letter)]
