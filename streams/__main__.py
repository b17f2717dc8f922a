"""`python -m streams` is the `wirestream` command."""

import sys

from streams.cli import main

sys.exit(main())
