"""Trending entities, with no Kafka: counts per entity in event-time windows and spikes (`TrendBook`)."""
