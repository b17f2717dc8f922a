"""Input formats of wire dispatches: IPTC NewsML-G2, NITF 3.x, and the helpers they share.

Pure functions over bytes and parsed trees; no Kafka or Faust here.
`streams.nlp.decode.decode` detects the format and calls these.
"""

from streams.nlp.formats.dispatch import STATUSES, Dispatch, Subject, content_id

__all__ = ["STATUSES", "Dispatch", "Subject", "content_id"]
