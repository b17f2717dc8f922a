"""What a worker reports about itself: counters, latencies and readiness; and the one percentile function.

`WorkerStats` is fed by the agent; `worker.stats` log lines and the health
endpoint read it (consumer lag is measured by `streams.kafka.admin.consumer_lag`).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Sequence
from typing import Any

LATENCY_WINDOW = 10_000  # latencies kept for the percentiles of one stats interval


def percentile(values: Sequence[float], fraction: float) -> float | None:
    """The nearest-rank percentile of `values` (None when empty)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, round(fraction * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


class WorkerStats:
    """Counters of one worker process since it started, and over the current interval."""

    def __init__(self) -> None:
        self.processed = 0
        self.rejected_total = 0
        self.skipped_total = 0  # duplicates and stale versions, not published again
        self.models_loaded = False
        self.assigned: set[int] | None = None  # raw-topic partitions; None until the first assignment
        self.missing_topics: list[str] | None = []  # output topics found missing; None until checked
        self._interval_started = time.monotonic()
        self._interval_count = 0
        self._latencies: deque[float] = deque(maxlen=LATENCY_WINDOW)

    def enriched(self, latency_ms: float | None) -> None:
        self.processed += 1
        self._interval_count += 1
        if latency_ms is not None:
            self._latencies.append(latency_ms)

    def skipped(self) -> None:
        self.skipped_total += 1
        self._interval_count += 1

    def rejected(self) -> None:
        self.rejected_total += 1
        self._interval_count += 1

    @property
    def ready(self) -> bool:
        """Models loaded, partitions assigned (an assignment may be empty when workers outnumber partitions),
        and every output topic found."""
        return self.models_loaded and self.assigned is not None and self.missing_topics == []

    def interval(self) -> dict[str, Any]:
        """Figures of the interval since the last call, which starts a new interval."""
        now = time.monotonic()
        elapsed = max(now - self._interval_started, 1e-9)
        latencies = list(self._latencies)
        figures = {
            "processed": self.processed,
            "rejected": self.rejected_total,
            "skipped": self.skipped_total,
            "rate_per_s": round(self._interval_count / elapsed, 2),
            "latency_p50_ms": percentile(latencies, 0.50),
            "latency_p95_ms": percentile(latencies, 0.95),
        }
        self._interval_started, self._interval_count = now, 0
        self._latencies.clear()
        return figures
