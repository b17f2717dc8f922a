"""One message's fate, with no Kafka: received -> decode -> versions ledger -> enrich -> planned outputs.

The worker's agent, `wirestream enrich`, `wirestream evaluate` and the benchmarks all go through a
`Pipeline`. A raw message becomes one `Received` per dispatch it holds (one for the message itself
when it does not decode), and each ends as events (enriched, its quotes and entities; or a
withdrawal) or as one dead letter, planned in input order. A `VersionsLedger` leaves out exact
re-deliveries and versions older than one already published; without a ledger, every dispatch is new.

Nothing a message holds can make a step raise: an unexpected error while decoding, admitting,
enriching or building events makes the item a dead letter, and a dead letter is built so that it
cannot fail and stays under the record size limit. Every output is serialised here (`Received.encoded`)
and checked against `max_record_bytes`, and the outputs of one raw message against `max_output_bytes`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, MutableMapping
from dataclasses import dataclass, field
from typing import Any

from streams.errors import DecodeError, EnrichFailed, OutputTooLarge
from streams.events import (
    Source,
    bounded_id,
    content_digest,
    dead_letter_event,
    dumps,
    enriched_event,
    entity_events,
    now_iso,
    quote_events,
    withdrawn_event,
)
from streams.nlp.enrich import Enricher, Enrichment
from streams.settings import PipelineConfig
from streams.wire.decode import Dispatch, decode

Output = tuple[str, str | None, dict[str, Any]]  # (topic, key, event)
Encoded = tuple[bytes | None, bytes]  # an output as the broker gets it: (key, value)
Message = tuple[Source, bytes | None]  # where a raw message came from, and its value
BatchEnrich = Callable[[list[Dispatch]], list["Enrichment | BaseException"]]


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
    encoded: list[Encoded] = field(default_factory=list)  # the outputs serialised, in the same order

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
        return [
            item
            for item in self.items
            if item.dispatch is not None and item.error is None and not item.dispatch.withdrawn
        ]


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


def reason_of(error: BaseException, stage: str) -> str:
    """A dead letter's reason: the error's own (decode, timeout, output size), else `<stage>_error`."""
    if isinstance(error, (DecodeError, EnrichFailed, OutputTooLarge)):
        return error.reason
    return f"{stage}_error"


class Pipeline:
    """The steps of a batch: `receive`, `enrich` (the slow one), `finish`; `run` does all three.

    `enricher` is an in-process `Enricher`, or anything with `enrich_batch(dispatches)` returning a
    result or an exception per dispatch (`streams.enrich_process.parent.EnrichmentProcess`: the models in a
    child process, with a time budget per dispatch).
    """

    def __init__(self, enricher: Any, config: PipelineConfig, ledger: VersionsLedger | None = None) -> None:
        self.enricher = enricher
        self.config = config
        self.ledger = ledger
        own: BatchEnrich | None = getattr(enricher, "enrich_batch", None)
        self._enrich_batch: BatchEnrich = own or functools.partial(enrich_batch, enricher)

    def run(self, messages: Iterable[Message]) -> Plan:
        """A batch's plan, its outputs ready to publish."""
        plan = self.receive(messages)
        self.enrich(plan)
        return self.finish(plan)

    def receive(self, messages: Iterable[Message]) -> Plan:
        """Decode each message, and leave out the dispatches the versions ledger has seen."""
        items = [item for source, value in messages for item in self._decode(source, value)]
        kept = [item for item in items if self._admit(item)]
        return Plan(items=kept, skipped=[item for item in items if item.skipped])

    def enrich(self, plan: Plan) -> None:
        """Enrich the new dispatches of a plan; one that fails is marked for a dead letter."""
        todo = plan.to_enrich
        if not todo:
            return
        results = self._enrich_batch([i.dispatch for i in todo])
        for item, result in zip(todo, results, strict=True):
            if isinstance(result, BaseException):
                item.error, item.stage = result, "enrich"
            else:
                item.result = result

    def finish(self, plan: Plan) -> Plan:
        """Plan the outputs of every item, each raw message's within `max_output_bytes`.

        The items of one message are consecutive and share its `source`. Once their outputs add up to more
        than the limit, no more are built (memory stays bounded) and the message becomes one dead letter.
        """
        limit = self.config.max_output_bytes
        start = 0
        while start < len(plan.items):
            end = start + 1
            while end < len(plan.items) and plan.items[end].source is plan.items[start].source:
                end += 1
            group, total = plan.items[start:end], 0
            for item in group:
                self._plan_outputs(item)
                total += sum(len(value) + len(key or b"") for key, value in item.encoded)
                if limit is not None and total > limit:
                    self._one_dead_letter(group, total, limit)
                    break
            start = end
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
            dispatches = decode(
                value, source.key, max_bytes=self.config.max_dispatch_bytes, max_items=self.config.max_items
            )
        except Exception as exc:  # noqa: BLE001 - DecodeError has a reason; anything else is decode_error
            return [Received(source=source, value=value, error=exc)]
        return [Received(source=source, value=value, dispatch=d) for d in dispatches]

    def _admit(self, item: Received) -> bool:
        if item.dispatch is None or self.ledger is None:
            return True
        try:
            return self.ledger.admit(item)
        except Exception as exc:  # noqa: BLE001 - a dispatch the ledger cannot take is a dead letter, not a crash
            item.error = exc
            return True

    def _plan_outputs(self, item: Received) -> None:
        """The events one item becomes: enriched (+ quotes, entities), withdrawn, or a dead letter."""
        if item.error is None:
            try:
                outputs = self._events(item)
                item.outputs, item.encoded = outputs, self._encode(outputs)
                return
            except Exception as exc:  # noqa: BLE001 - an event that cannot be built or sent makes a dead letter
                item.error, item.stage = exc, "publish"
        self._plan_dead_letter(item)

    def _events(self, item: Received) -> list[Output]:
        topics = self.config.topics
        if item.result is not None:
            enriched = enriched_event(item.result, item.source, supersedes=item.supersedes)
            outputs = [(topics.enriched, enriched["id"], enriched)]
            outputs += [(topics.quotes, key, event) for key, event in quote_events(enriched)]
            outputs += [(topics.entities, key, event) for key, event in entity_events(enriched)]
            return outputs
        withdrawn = withdrawn_event(item.dispatch, item.source, supersedes=item.supersedes)
        return [(topics.enriched, withdrawn["id"], withdrawn)]

    def _encode(self, outputs: list[Output]) -> list[Encoded]:
        """The outputs as (key, value) bytes; OutputTooLarge when one is over `max_record_bytes`."""
        limit = self.config.max_record_bytes
        encoded = []
        for topic, key, event in outputs:
            raw_key = key.encode("utf-8") if key is not None else None
            value = dumps(event)
            size = len(value) + (len(raw_key) if raw_key is not None else 0)
            if limit is not None and size > limit:
                raise OutputTooLarge(
                    f"its {event.get('schema', 'event')} event for {topic} would be {size} bytes, "
                    f"over the record limit of {limit} (WIRESTREAM_MAX_RECORD_BYTES)"
                )
            encoded.append((raw_key, value))
        return encoded

    def _plan_dead_letter(self, item: Received, error: BaseException | None = None) -> None:
        """Plan an item's dead letter; this never raises, and the letter is never over `max_record_bytes`."""
        error = error or item.error
        item.reason = reason_of(error, item.stage)
        key = bounded_id(item.dispatch.id) if item.dispatch is not None else None
        try:
            letter = dead_letter_event(
                item.value,
                item.source,
                stage=item.stage,
                reason=item.reason,
                error=error,
                dispatch_id=key,
                max_value_bytes=self.config.dead_letter_value_limit,
            )
            value = dumps(letter)
        except Exception as exc:  # noqa: BLE001 - the last resort: a letter of constant fields, the value re-readable
            letter = _last_resort_letter(item, exc)
            value = dumps(letter)
        item.outputs = [(self.config.topics.dlq, key, letter)]
        item.encoded = [(key.encode("utf-8") if key is not None else None, value)]

    def _one_dead_letter(self, group: list[Received], total: int, limit: int) -> None:
        """The items of a message over its output limit: the first carries the message's dead letter, the others
        are rejected with it and publish nothing of their own."""
        error = OutputTooLarge(
            f"the {len(group)} dispatch(es) of this message would produce more than {total} bytes of output, "
            f"over the limit of {limit} (WIRESTREAM_MAX_OUTPUT_BYTES)"
        )
        for item in group:
            item.error, item.stage, item.result = error, "publish", None
            item.reason, item.outputs, item.encoded = error.reason, [], []
        first = group[0]
        dispatch, first.dispatch = first.dispatch, None  # the letter stands for the whole message
        self._plan_dead_letter(first)
        first.dispatch = dispatch


def _last_resort_letter(item: Received, exc: BaseException) -> dict[str, Any]:
    """A dead letter made of nothing the message holds: what failed, and where to re-read the original."""
    from streams import __version__

    source = item.source
    return {
        "schema": "wirestream.dead_letter.v1",
        "id": None,
        "reason": item.reason or "publish_error",
        "stage": item.stage if item.stage in ("decode", "enrich", "publish") else "publish",
        "error": {"class": "DeadLetterError", "message": f"the dead letter could not be built: {type(exc).__name__}"},
        "source": {
            "topic": source.topic if isinstance(source.topic, str) else None,
            "partition": source.partition if isinstance(source.partition, int) and source.partition >= 0 else None,
            "offset": source.offset if isinstance(source.offset, int) and source.offset >= 0 else None,
            "key_b64": None,
            "timestamp": None,
        },
        "value_b64": None,
        "value_bytes": len(item.value) if isinstance(item.value, bytes) else 0,
        "value_truncated": item.value is not None,
        "failed_at": now_iso(),
        "pipeline": {"version": __version__},
    }
