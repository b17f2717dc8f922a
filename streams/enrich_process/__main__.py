"""`python -m streams.enrich_process READ_FD WRITE_FD`: the enrichment child, as `EnrichmentProcess.start` runs it."""

import sys

from streams.enrich_process.child import serve

if __name__ == "__main__":  # the guard keeps a mere import (tests/unit/test_no_kafka.py) from serving
    sys.exit(serve(int(sys.argv[1]), int(sys.argv[2])))
