"""The worker's Prometheus metrics: what `WorkerStats` counts, in the text format a scraper reads.

`WorkerStats` feeds these where it counts (one place: the agent calls the stats, the stats call this); the
health server's `/metrics` view renders them. Each worker has its own registry, so tests and several apps in
one process never share counters.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

# Seconds from a raw record's timestamp to its outputs being acknowledged: about 0.08 s on an idle worker,
# seconds to minutes behind a backlog.
LATENCY_BUCKETS = (0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0)
BATCH_BUCKETS = (1, 2, 4, 8, 16, 32, 64, 128)  # raw messages per batch (WIRESTREAM_BATCH_SIZE: 16)


class WorkerMetrics:
    """The metric families of one worker, in a registry of their own."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.processed = Counter(
            "wirestream_dispatches_processed",
            "Dispatches enriched and published",
            registry=self.registry,
        )
        self.rejected = Counter(
            "wirestream_dispatches_rejected",
            "Dispatches (or raw messages that did not decode) sent to the dead-letter topic, by reason",
            ["reason"],
            registry=self.registry,
        )
        self.skipped = Counter(
            "wirestream_dispatches_skipped",
            "Re-deliveries left out: duplicate (same version and content) or stale (an older version)",
            ["kind"],
            registry=self.registry,
        )
        self.withdrawn = Counter(
            "wirestream_dispatches_withdrawn",
            "Withdrawals and cancellations published",
            registry=self.registry,
        )
        self.latency = Histogram(
            "wirestream_enrichment_latency_seconds",
            "Raw record timestamp to its enriched event acknowledged by the broker",
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.batch_size = Histogram(
            "wirestream_batch_size",
            "Raw messages taken together in one batch",
            buckets=BATCH_BUCKETS,
            registry=self.registry,
        )
        self.lag = Gauge(
            "wirestream_consumer_lag",
            "Messages of the raw topic not yet committed by the consumer group, per partition "
            "(measured every WIRESTREAM_STATS_INTERVAL seconds; the whole group's, as every worker sees it)",
            ["partition"],
            registry=self.registry,
        )
        self.ready = Gauge(
            "wirestream_ready",
            "1 when the worker is ready (models loaded, partitions assigned, output topics found), else 0",
            registry=self.registry,
        )

    def set_lag(self, lag: dict[int, int]) -> None:
        """The lag of every partition as last measured (partitions no longer reported are dropped)."""
        self.lag.clear()
        for partition, behind in lag.items():
            self.lag.labels(partition=str(partition)).set(behind)

    def exposition(self) -> bytes:
        """Every metric in the Prometheus text format."""
        return generate_latest(self.registry)
