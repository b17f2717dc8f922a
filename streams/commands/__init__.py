"""The `wirestream` subcommands, one module each; `streams.cli` holds the parser and calls them.

Each `cmd_*` takes the parsed arguments and the settings and returns the exit code. A command imports the
Kafka clients, Faust and the NLP models inside its function, so that `wirestream enrich` loads no Kafka
library (tests/unit/test_no_kafka.py) and `--help` stays fast.
"""
