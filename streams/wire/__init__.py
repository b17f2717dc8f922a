"""From bytes to `Dispatch`: decoding, the XML formats (NewsML-G2, NITF), the wire header and its vocabulary.

Pure functions, no Kafka: `decode` turns a raw message into dispatches, `parse_header` splits
a dispatch's text into header, body and sign-off.
"""
