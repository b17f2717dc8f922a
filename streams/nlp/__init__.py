"""The pure NLP core: decode -> header -> language -> entities -> quotes.

Nothing in this package imports Kafka or Faust; the agents and the offline
CLI call the same functions.
"""
