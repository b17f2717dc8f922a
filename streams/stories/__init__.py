"""Story threads, with no Kafka: which enriched dispatches tell the same story (`StoryBook`)."""
