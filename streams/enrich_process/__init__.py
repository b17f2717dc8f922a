"""Enrichment in a child process, with a time budget per dispatch: no message can hold the worker.

The worker (the parent) does the Kafka I/O; one child process loads the spaCy pipelines and the
language detector, the only process that holds them, and enriches the batches it is sent. Python's
`re` holds the GIL while it matches, so a slow rule in the worker's own process would stop its
event loop, its health endpoint and its heartbeats; in a child it stops nothing but the child.

The budget of a dispatch is `per_100k` seconds per 100,000 characters of its text, and at least
`MIN_BUDGET_S` (`WIRESTREAM_ENRICH_BUDGET`). In the child, the wait for each result is armed with
a timer (SIGALRM): the wait for the first result of a batch may take the first dispatch's budget and
the others' share of the models' work (they parse the batch together first: `first_wait_seconds`),
each next one its own dispatch's budget. Dispatches over `ALONE_CHARS` are enriched on their own. A dispatch
over its budget is interrupted there (`re` and Python code check for signals) and becomes an
`EnrichFailed("enrich_timeout")`; when the first result is late, the culprit is not known and the
batch's dispatches are tried again one at a time, each with its own budget. The child stays up and
keeps its models: nothing is reloaded.

The parent is the second line: if the child sends nothing for longer than it announced (a C call
that never checks for signals) or dies (a crash, the kernel's OOM killer), the parent kills it,
starts a new one (the models load again: `restart_s` is measured) and sends the unfinished
dispatches one at a time; one that stops or kills the child again is failed (`enrich_timeout` or
`enrich_error`). `abort()` (SIGTERM and its drain timeout) kills the child at once: the batch in
it fails with `EnrichAborted` and nothing of it is acknowledged.

The modules, in the order a batch goes through them:

- `parent`: `EnrichmentProcess`, the worker's side: starts the child, sends batches, restarts it when lost;
- `__main__` and `child`: `python -m streams.enrich_process READ_FD WRITE_FD`, the child's loop (`serve`);
- `batch_runner`: one batch in the child, each wait armed with its budget;
- `budget`: the budget arithmetic and how a batch is cut for the models;
- `memory`: a process's resident memory, the child's data limit.

No Kafka import in this package (tests/unit/test_no_kafka.py).
"""
