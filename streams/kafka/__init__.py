"""Everything that talks to Kafka: the Faust app and its agent, the publisher, admin calls, the embedded broker.

`faust_compat` holds every override of a Faust, aiokafka or mode internal. Importing this package
imports nothing: `streams.kafka.broker` needs no Kafka client, and the rest is imported where used.
"""
