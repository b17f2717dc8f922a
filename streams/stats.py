"""What a worker reports about itself: counters, latencies and readiness; and the one percentile function.

`WorkerStats` is fed by the agent; `worker.stats` log lines and the health
endpoint read it (consumer lag is measured by `streams.kafka.admin.consumer_lag`).
Each count also feeds the worker's Prometheus metrics (`streams.metrics`), so the
log lines and `/metrics` never disagree.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Sequence
from typing import Any

from streams.metrics import WorkerMetrics

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
        self.metrics = WorkerMetrics()
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
        self.metrics.processed.inc()
        if latency_ms is not None:
            self._latencies.append(latency_ms)
            self.metrics.latency.observe(latency_ms / 1000)

    def skipped(self, kind: str) -> None:
        """A re-delivery left out: `kind` is "duplicate" or "stale"."""
        self.skipped_total += 1
        self._interval_count += 1
        self.metrics.skipped.labels(kind=kind).inc()

    def rejected(self, reason: str | None) -> None:
        """A dead letter was published, for this reason (streams.pipeline.reason_of)."""
        self.rejected_total += 1
        self._interval_count += 1
        self.metrics.rejected.labels(reason=reason or "unknown").inc()

    def withdrawn(self) -> None:
        self.metrics.withdrawn.inc()

    def batch(self, size: int) -> None:
        """A batch of `size` raw messages was taken."""
        self.metrics.batch_size.observe(size)

    def lag_measured(self, lag: dict[int, int]) -> None:
        """The consumer group's lag per partition, as the stats timer measured it."""
        self.metrics.set_lag(lag)

    def exposition(self) -> bytes:
        """The metrics in the Prometheus text format, readiness as of now."""
        self.metrics.ready.set(1 if self.ready else 0)
        return self.metrics.exposition()

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
