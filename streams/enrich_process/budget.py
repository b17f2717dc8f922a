"""The enrichment time budget of a dispatch, and how the child cuts a batch into calls of the models."""

from __future__ import annotations

from streams.wire.dispatch import Dispatch

MIN_BUDGET_S = 1.0  # every dispatch gets at least this long, however short
BUDGET_UNIT_CHARS = 100_000  # the budget setting is in seconds per this many characters
SHARED_MIN_S = 0.1  # the least a batch's first wait allows for each other dispatch's share of the models' work
ALONE_CHARS = 20_000  # longer dispatches (rare: wire copy is 1-5 KB) are enriched on their own, never batched
# The models get at most this many dispatches, and characters, at once: a batch of newsMessages can hold hundreds
# of items, and spaCy holds every Doc of a call (800 items of 9 KB in one call took the child to 8.6 GB).
CHUNK_DISPATCHES = 16
CHUNK_CHARS = 200_000


def budget_seconds(dispatch: Dispatch, per_100k: float) -> float:
    """The enrichment time budget of one dispatch."""
    return max(MIN_BUDGET_S, per_100k * len(dispatch.text) / BUDGET_UNIT_CHARS)


def first_wait_seconds(batch: list[Dispatch], per_100k: float) -> float:
    """How long the first result of a batch may take: the first dispatch's budget, and each other's share of the
    work the models do for the whole batch before any result (its characters' worth of budget, at least 0.1 s)."""
    shared = sum(max(SHARED_MIN_S, per_100k * len(d.text) / BUDGET_UNIT_CHARS) for d in batch[1:])
    return budget_seconds(batch[0], per_100k) + shared
