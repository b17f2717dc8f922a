"""The pure NLP core: language -> entities -> quotes, on dispatches that `streams.wire` decoded.

Nothing in this package imports Kafka or Faust; the agents and the offline
CLI call the same functions.
"""
