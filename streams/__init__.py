"""wirestream: enrich news-agency wire dispatches with entities and quotes, on Kafka."""

__version__ = "0.1.0"
