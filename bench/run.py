"""The wirestream benchmark: the model ceiling, offline enrichment and the stream end to end, in one table.

    .venv/bin/python bench/run.py            # 600 dispatches, a 20-minute soak at 10/s: about 30 minutes
    .venv/bin/python bench/run.py --quick    # 120 dispatches, a 2-minute soak: about 5 minutes
    .venv/bin/python bench/run.py --scenarios ceiling,stream1 --dispatches 200   # a part of it

Scenarios, over the same deterministic corpus (bench/corpus.py):

- ceiling: bare `nlp.pipe` over the story texts, with the pipelines the Enricher uses per language
  (`WIRESTREAM_PIPELINES` / `--pipelines`), in batches of 16 (`--ceiling-batch-size`: the fastest
  here; spaCy's default of 256 is about 40 % slower); a language without a pipeline costs nothing;
- offline: what `wirestream enrich` does, in-process: decode, `Enricher.enrich_many` in batches of
  `batch_size`, enriched event, JSON; with the per-stage split of `Enrichment.timings_ms`;
- stream1 / stream2: the corpus published at once to the raw topic of an embedded broker (Tansu),
  consumed by one / two `wirestream worker` processes; timed from the first publish to the last
  enriched event consumed;
- paced: one worker, dispatches published at `--rate` per second for `--latency-seconds` or
  `--soak-minutes` (the longer); latency = consumed (enriched) - produced (raw), one clock;
  worker RSS sampled every 5 s, at minute 1 against the end.

Each stream scenario has its own broker, topics and consumer group. Prints one table and the target
checks; exits 0 unless `--check` is given and a target fails.

Besides wall-clock rates, the table gives CPU time per dispatch (this process for the in-process rows,
the worker processes for the stream rows) and how many cores other processes kept busy meanwhile: on a
shared machine, CPU time is the steadier comparison. `--worker-patch` runs the same scenarios with
experimental patches applied inside the workers (bench/worker_shim.py), to measure a proposed change
to streams/ before making it.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # `python bench/run.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import orjson

from bench.corpus import DEFAULT_SEED, Item, generate
from streams.kafka.broker import stop_process
from streams.settings import Settings, load_settings
from streams.stats import percentile

SHIM = Path(__file__).resolve().parent / "worker_shim.py"
SCENARIOS = ("ceiling", "offline", "stream1", "stream2", "paced")
TARGETS = {
    "throughput": 0.85,  # one worker end to end / bare-model ceiling
    "scaling": 1.7,  # two workers / one worker
    "p99_ms": 300.0,  # raw -> enriched at the paced rate
    "rss_mb": 700.0,  # peak RSS of any worker
    "rss_growth": 0.05,  # minute 1 -> end of the soak
    "quotes_share": 0.15,  # quotes stage / total enrichment time
}
CLK_TCK = os.sysconf("SC_CLK_TCK")


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# -- results ------------------------------------------------------------------------------------


@dataclass
class Row:
    scenario: str
    dispatches: int
    seconds: float
    rate: float | None = None  # dispatches per second
    ratio: float | None = None  # rate / ceiling rate
    p50_ms: float | None = None
    p95_ms: float | None = None
    p99_ms: float | None = None
    rss_mb: float | None = None  # peak RSS (VmHWM) of the (largest) worker
    cpu_ms: float | None = None  # CPU time per dispatch: this process (in-process rows) or the workers (stream rows)
    other_load: float | None = None  # cores busy with processes outside this benchmark
    notes: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


# -- machine and CPU accounting -----------------------------------------------------------------


def machine() -> dict[str, Any]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in _read("/proc/cpuinfo").splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "?",
    )
    mem_kb = next(
        (int(line.split()[1]) for line in _read("/proc/meminfo").splitlines() if line.startswith("MemTotal")), 0
    )
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory_gb": round(mem_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "loadavg": _read("/proc/loadavg").split()[:3],
    }


def _read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:
        return ""


def cpu_ticks() -> tuple[int, int]:
    """Clock ticks all CPUs spent busy, and idle (or waiting for I/O), since boot (/proc/stat)."""
    values = [int(v) for v in _read("/proc/stat").splitlines()[0].split()[1:]]
    idle = values[3] + (values[4] if len(values) > 4 else 0)
    return sum(values) - idle, idle


def thread_ticks(pid: int) -> dict[int, int]:
    """Clock ticks each thread of a process spent on a CPU, by thread id (the main thread's id is the pid)."""
    out = {}
    with contextlib.suppress(OSError):
        for task in os.listdir(f"/proc/{pid}/task"):
            stat = _read(f"/proc/{pid}/task/{task}/stat")
            if stat:
                fields = stat.rsplit(")", 1)[1].split()
                out[int(task)] = int(fields[11]) + int(fields[12])
    return out


def thread_split(pid: int, before: dict[int, int], after: dict[int, int]) -> str:
    """A worker's CPU during a run, by thread: the event loop (main thread), the busiest other one
    (the enrichment thread, in a busy worker), and the rest (Kafka client threads, Faust's consumer thread)."""
    delta = {tid: after.get(tid, 0) - before.get(tid, 0) for tid in after}
    main = delta.pop(pid, 0)
    top = max(delta.values(), default=0)
    rest = sum(delta.values()) - top
    return f"event loop {main / CLK_TCK:.1f} s, enrichment thread {top / CLK_TCK:.1f} s, others {rest / CLK_TCK:.1f} s"


def harness_split(before: dict[int, int], after: dict[int, int]) -> str:
    """This process's CPU during a run, by thread name (several log readers add up under one name)."""
    names = {t.native_id: t.name for t in threading.enumerate()}
    seconds: dict[str, float] = {}
    for tid, ticks in after.items():
        name = "main" if tid == os.getpid() else names.get(tid, "other")
        seconds[name] = seconds.get(name, 0.0) + (ticks - before.get(tid, 0)) / CLK_TCK
    return ", ".join(f"{name} {s:.1f} s" for name, s in sorted(seconds.items(), key=lambda kv: -kv[1]) if s >= 0.05)


def process_ticks(pid: int) -> int:
    """Clock ticks a process (all its threads) spent on a CPU; 0 once it is gone."""
    stat = _read(f"/proc/{pid}/stat")
    if not stat:
        return 0
    fields = stat.rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime, stime


def children(pid: int) -> list[int]:
    """The child processes of a process (a worker's enrichment process)."""
    out: list[int] = []
    with contextlib.suppress(OSError):
        for task in os.listdir(f"/proc/{pid}/task"):
            out += [int(child) for child in _read(f"/proc/{pid}/task/{task}/children").split()]
    return out


def tree_ticks(pid: int) -> int:
    """Clock ticks of a process and its children: a worker and its enrichment process."""
    return process_ticks(pid) + sum(process_ticks(child) for child in children(pid))


class CpuMeter:
    """How many cores processes outside the benchmark kept busy during a scenario."""

    def __init__(self) -> None:
        self.pids: set[int] = {os.getpid()}
        self.started = time.monotonic()
        self.busy0 = cpu_ticks()[0]
        self.ours0 = process_ticks(os.getpid())
        self.last: dict[int, int] = {}

    def track(self, pid: int) -> None:
        self.pids.add(pid)

    def sample(self) -> None:
        """Remember the CPU time of the tracked processes (call before they exit)."""
        for pid in self.pids:
            ticks = tree_ticks(pid) if pid != os.getpid() else process_ticks(pid)
            if ticks:
                self.last[pid] = ticks

    def other_cores(self) -> float:
        self.sample()
        elapsed = max(time.monotonic() - self.started, 1e-9)
        ours = sum(self.last.values()) - self.ours0
        return max(0.0, (cpu_ticks()[0] - self.busy0 - ours) / CLK_TCK / elapsed)


def memory_mb(pid: int) -> dict[str, float]:
    """VmRSS and VmHWM (peak RSS) of a process, in MB."""
    out = {}
    for line in _read(f"/proc/{pid}/status").splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            out[name] = int(value.split()[0]) / 1024
    return out


# -- in-process scenarios -----------------------------------------------------------------------


def run_ceiling(items: list[Item], pipelines: dict[str, str], batch_size: int) -> Row:
    """Bare `nlp.pipe` over each language's stories with its pipeline (loaded as the Enricher loads it).

    `batch_size` is nlp.pipe's: 16 by default, the fastest measured on this corpus (16 to 64 are within 2 %;
    spaCy's own default, 256, is about 40 % slower, so it would flatter everything compared with it).
    """
    from streams.nlp.models import load_pipeline

    meter = CpuMeter()
    seconds = cpu = 0.0
    per_lang = {}
    for lang, name in pipelines.items():
        texts = [item.body for item in items if item.lang == lang]
        if not texts:
            continue
        nlp = load_pipeline(name)
        for _ in nlp.pipe(texts[:batch_size], batch_size=batch_size):  # warm up
            pass
        started, cpu_started = time.perf_counter(), time.process_time()
        for _ in nlp.pipe(texts, batch_size=batch_size):
            pass
        took = time.perf_counter() - started
        seconds += took
        cpu += time.process_time() - cpu_started
        per_lang[lang] = f"{lang} {len(texts)} in {took:.1f} s ({len(texts) / took:.1f}/s, {name})"
    skipped = sorted({item.lang for item in items} - set(pipelines))
    row = Row(
        f"ceiling: bare nlp.pipe, batch {batch_size}",
        len(items),
        seconds,
        len(items) / seconds if seconds else None,
        1.0,
    )
    row.other_load = meter.other_cores()
    row.cpu_ms = cpu * 1000 / len(items)
    row.notes += list(per_lang.values())
    if seconds and cpu / seconds > 1.2:
        row.notes.append(f"used {cpu / seconds:.1f} cores (BLAS threads?): not a one-core ceiling")
    if skipped:
        row.notes.append(f"no pipeline (no model cost): {', '.join(skipped)}")
    return row


def run_offline(items: list[Item], settings: Settings) -> Row:
    """What `wirestream enrich` does with the corpus, in-process, batch by batch: `streams.pipeline`, JSON."""
    from streams.events import Source, dumps
    from streams.nlp.enrich import Enricher
    from streams.pipeline import Pipeline

    def messages(chunk: list[Item]) -> list[tuple[Source, bytes]]:
        return [(Source(key=item.key.encode()), item.value) for item in chunk]

    enricher = Enricher(settings.pipeline_map)
    enricher.load()
    pipeline = Pipeline(enricher, settings.pipeline_config())  # no versions ledger, as `wirestream enrich`
    warm = [item for lang in ("fr", "nl", "en") for item in items if item.lang == lang][:24]
    pipeline.run(messages(warm[::8]))  # warm up (the language detector is built on first use)
    meter = CpuMeter()
    out = io.BytesIO()
    totals: dict[str, float] = {}
    by_lang: dict[str, dict[str, float]] = {}
    shares = []
    failures = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    for i in range(0, len(items), settings.batch_size):
        for received in pipeline.run(messages(items[i : i + settings.batch_size])).items:
            result = received.result
            if result is None:
                failures += 1
                continue
            out.write(dumps(received.outputs[0][2]) + b"\n")
            lang = by_lang.setdefault(result.language, {})
            for stage, ms in result.timings_ms.items():
                totals[stage] = totals.get(stage, 0.0) + ms
                lang[stage] = lang.get(stage, 0.0) + ms
            shares.append(result.timings_ms.get("quotes", 0.0) / max(sum(result.timings_ms.values()), 1e-9))
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    row = Row(f"offline: Enricher, batch {settings.batch_size}", len(items), seconds, len(items) / seconds)
    row.other_load = meter.other_cores()
    row.cpu_ms = cpu * 1000 / len(items)
    total = sum(totals.values())
    n = len(items)
    split = ", ".join(f"{stage} {ms / n:.1f} ({ms / total:.0%})" for stage, ms in totals.items())
    row.notes.append(f"ms per dispatch: {split}; rest (decode, events, JSON) {seconds * 1000 / n - total / n:.1f}")
    per_lang = ", ".join(
        f"{lang} {t.get('quotes', 0.0) / max(sum(t.values()), 1e-9):.0%}" for lang, t in sorted(by_lang.items())
    )
    row.notes.append(
        f"quotes share of enrichment time: all {totals.get('quotes', 0.0) / max(total, 1e-9):.1%}; by language "
        f"{per_lang}; per dispatch p50 {percentile(shares, 0.5):.0%}, p95 {percentile(shares, 0.95):.0%} "
        "(a language without a model has almost no enrichment time to share)"
    )
    if failures:
        row.notes.append(f"{failures} dispatches failed")
    row.extra = {
        "stage_ms_per_dispatch": {stage: ms / n for stage, ms in totals.items()},
        "quotes_share": totals.get("quotes", 0.0) / total if total else None,
        "quotes_share_p95": percentile(shares, 0.95),
        "stage_ms_by_language": by_lang,
        "bytes_out": out.tell(),
    }
    return row


# -- workers and Kafka clients -------------------------------------------------------------------


class Worker:
    """A `python -m streams worker` subprocess; its JSON log lines are read as they come."""

    def __init__(self, settings: Settings, workdir: Path, name: str, patches: str = "") -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("WIRESTREAM_")}
        env.update(settings.to_env())
        command = [sys.executable, "-m", "streams", "worker"]
        if patches:  # an experiment: the same worker with patches applied in its process (bench/worker_shim.py)
            env["BENCH_PATCHES"] = patches
            command = [sys.executable, str(SHIM)]
        self.name = name
        self.started = time.monotonic()
        self.proc = subprocess.Popen(
            command,
            env=env,
            cwd=workdir,  # Faust writes its <app_id>-data folder here
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        self.partitions: list[int] | None = None  # the latest assignment on the raw topic
        self.rebalances = 0
        self.latencies_ms: list[float] = []  # the worker's own: raw message timestamp -> published
        self.processing_ms: list[float] = []  # the worker's own: batch taken -> outputs acknowledged
        self.rejected = 0
        self.traces: list[dict[str, Any]] = []  # with --worker-patch trace=1
        self.tail: list[str] = []
        self.fatal: list[str] = []
        threading.Thread(target=self._read, name="log reader", daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for raw in self.proc.stderr:
            text = raw.decode("utf-8", "replace").rstrip("\n")
            self.tail = [*self.tail[-40:], text]
            try:
                line = orjson.loads(text)
            except orjson.JSONDecodeError:
                continue
            event = line.get("event") if isinstance(line, dict) else None
            if event == "dispatch.enriched":
                if line.get("latency_ms") is not None:
                    self.latencies_ms.append(float(line["latency_ms"]))
                if line.get("processing_ms") is not None:
                    self.processing_ms.append(float(line["processing_ms"]))
            elif event == "worker.assigned":
                self.partitions = list(line.get("partitions") or [])
                self.rebalances += 1
            elif event == "worker.revoked":
                self.partitions = None
            elif event == "bench.trace":
                self.traces.append(line)
            elif event == "dispatch.rejected":
                self.rejected += 1
            elif line.get("level") in ("critical", "error"):
                self.fatal.append(text[:300])

    @property
    def pid(self) -> int:
        return self.proc.pid

    def check_alive(self) -> None:
        if self.proc.poll() is not None:
            raise RuntimeError(f"{self.name} exited with code {self.proc.returncode}:\n" + "\n".join(self.tail[-20:]))

    def memory(self) -> dict[str, float]:
        """RSS and peak RSS of the worker and its enrichment process, added up (the peak is an upper bound)."""
        out: dict[str, float] = {}
        for pid in [self.pid, *children(self.pid)]:
            for name, value in memory_mb(pid).items():
                out[name] = out.get(name, 0.0) + value
        return out

    def stop(self, timeout: float = 20.0) -> None:
        stop_process(self.proc, timeout)


def wait_assigned(workers: list[Worker], partitions: int, timeout: float) -> float:
    """Wait until the workers hold every raw partition between them, each at least one; the seconds waited."""
    started = time.monotonic()
    deadline = started + timeout
    while time.monotonic() < deadline:
        for worker in workers:
            worker.check_alive()
        held = [w.partitions for w in workers]
        if all(held):
            flat = [p for ps in held for p in ps]
            if sorted(flat) == list(range(partitions)):
                return time.monotonic() - started
        time.sleep(0.2)
    states = ", ".join(f"{w.name}: {w.partitions}" for w in workers)
    raise RuntimeError(f"partitions not assigned within {timeout:.0f} s ({states})")


BURST_FETCH_WAIT_MS = 200


class Collector:
    """Reads the enriched and dead-letter topics from the start; notes when each dispatch id first arrives."""

    def __init__(self, settings: Settings, partitions: int, fetch_wait_ms: int = 20) -> None:
        """`fetch_wait_ms`: 20 where latency is measured, so that our own polling adds next to nothing to it;
        longer in the burst runs, where only the last arrival counts and polling would take CPU from the workers.
        """
        from kafka import KafkaConsumer, TopicPartition

        self.consumer = KafkaConsumer(
            **settings.kafka_client_config(),
            group_id=None,
            enable_auto_commit=False,
            fetch_max_wait_ms=fetch_wait_ms,
            max_partition_fetch_bytes=8 * 1024 * 1024,
            check_crcs=False,  # kafka-python's CRC-32C is pure Python: CPU the workers beside it would lose
        )
        tps = [TopicPartition(settings.topic_enriched, p) for p in range(partitions)]
        tps += [TopicPartition(settings.topic_dlq, p) for p in range(settings.dlq_partitions)]
        self.consumer.assign(tps)
        self.consumer.seek_to_beginning(*tps)
        self.dlq_topic = settings.topic_dlq
        self.arrived: dict[str, float] = {}  # dispatch id -> time.time() of its first enriched event
        self.dead: dict[str, float] = {}
        self.records = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="collector", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            batches = self.consumer.poll(timeout_ms=100)
            now = time.time()
            for tp, records in batches.items():
                into = self.dead if tp.topic == self.dlq_topic else self.arrived
                for record in records:
                    self.records += 1
                    key = record.key.decode("utf-8", "replace") if record.key else f"?{tp.partition}:{record.offset}"
                    into.setdefault(key, now)

    def done(self, keys: set[str]) -> int:
        return sum(1 for key in keys if key in self.arrived or key in self.dead)

    def wait(self, keys: set[str], timeout: float, alive: Callable[[], None]) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.done(keys) >= len(keys):
                return True
            alive()
            time.sleep(0.05)
        return False

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self.consumer.close()


def producer(settings: Settings, linger_ms: int):
    from kafka import KafkaProducer

    return KafkaProducer(
        **settings.kafka_client_config(),
        acks="all",
        linger_ms=linger_ms,
        max_request_size=max(2 * settings.max_dispatch_bytes, 1_048_576),
    )


@contextlib.contextmanager
def stream_setup(
    base: Settings, scenario: str, workers: int, patches: str
) -> Iterator[tuple[Settings, list[Worker], CpuMeter]]:
    """A fresh embedded broker, topics and consumer group of their own, and started, assigned workers."""
    from streams.kafka.admin import ensure_topics
    from streams.kafka.broker import EmbeddedBroker

    tag = uuid.uuid4().hex[:6]
    workdir = Path(tempfile.mkdtemp(prefix=f"wirestream-bench-{scenario}-"))
    running: list[Worker] = []
    try:
        with EmbeddedBroker() as broker:
            settings = base.replace(
                broker=broker.url,
                app_id=f"bench-{scenario}-{tag}",
                topic_raw=f"bench-raw-{tag}",
                topic_enriched=f"bench-enriched-{tag}",
                topic_quotes=f"bench-quotes-{tag}",
                topic_entities=f"bench-entities-{tag}",
                topic_dlq=f"bench-dlq-{tag}",
                health_port=0,
                create_topics=True,
            )
            ensure_topics(settings)
            meter = CpuMeter()
            assert broker.process is not None
            meter.track(broker.process.pid)
            log(f"{scenario}: starting {workers} worker(s) on {broker.url}")
            running.extend(Worker(settings, workdir, f"worker-{i + 1}", patches) for i in range(workers))
            for worker in running:
                meter.track(worker.pid)
            waited = wait_assigned(running, settings.partitions, timeout=180)
            log(f"{scenario}: partitions assigned {[w.partitions for w in running]} after {waited:.1f} s")
            time.sleep(1.0)  # let the last rebalance settle
            try:
                yield settings, running, meter
            finally:
                meter.sample()
                for worker in running:
                    worker.stop()
    finally:
        for worker in running:
            worker.stop()
        shutil.rmtree(workdir, ignore_errors=True)


def run_burst(base: Settings, items: list[Item], workers: int, timeout: float, patches: str) -> Row:
    """The whole corpus published at once; timed from the first publish to the last enriched event consumed."""
    scenario = f"stream{workers}"
    with stream_setup(base, scenario, workers, patches) as (settings, running, meter):
        collector = Collector(settings, settings.partitions, fetch_wait_ms=BURST_FETCH_WAIT_MS)
        try:
            send = producer(settings, linger_ms=5)
            keys = {item.key for item in items}
            broker_pid = next(iter(meter.pids - {os.getpid(), *(w.pid for w in running)}), None)
            cpu0 = {w.pid: tree_ticks(w.pid) for w in running}
            own0 = {w.pid: process_ticks(w.pid) for w in running}
            threads0 = {w.pid: thread_ticks(w.pid) for w in running}
            broker0 = process_ticks(broker_pid) if broker_pid else 0
            harness0, harness_threads0, idle0 = process_ticks(os.getpid()), thread_ticks(os.getpid()), cpu_ticks()[1]
            started = time.time()
            for i, item in enumerate(items):
                key, value = item.message()
                send.send(settings.topic_raw, key=key, value=value, partition=i % settings.partitions)
            send.flush()
            published = time.time() - started
            log(f"{scenario}: published {len(items)} in {published:.1f} s; waiting for the enriched events")
            complete = collector.wait(keys, timeout, lambda: [w.check_alive() for w in running])
            arrivals = [collector.arrived.get(k) or collector.dead.get(k) for k in keys]
            last = max(t for t in arrivals if t is not None) if any(arrivals) else time.time()
            done = collector.done(keys)
            seconds = last - started
            cpu = {w.pid: tree_ticks(w.pid) - cpu0[w.pid] for w in running}
            splits = [
                thread_split(w.pid, threads0[w.pid], thread_ticks(w.pid))
                + f", enrichment process {(cpu[w.pid] - process_ticks(w.pid) + own0[w.pid]) / CLK_TCK:.1f} s"
                for w in running
            ]
            broker_cpu = (process_ticks(broker_pid) - broker0) if broker_pid else 0
            harness_cpu, idle = process_ticks(os.getpid()) - harness0, cpu_ticks()[1] - idle0
            harness_threads = harness_split(harness_threads0, thread_ticks(os.getpid()))
            measured = time.time() - started
            send.close()
        finally:
            collector.close()
        peaks = [w.memory().get("VmHWM", 0.0) for w in running]
        other = meter.other_cores()
    label = "1 worker" if workers == 1 else f"{workers} workers"
    row = Row(f"stream: {label}, burst", done, seconds, done / seconds if seconds > 0 else None)
    row.rss_mb = max(peaks) if peaks else None
    row.other_load = other
    row.cpu_ms = sum(cpu.values()) * 1000 / CLK_TCK / max(done, 1)
    row.notes.append(
        f"CPU: workers {sum(cpu.values()) / CLK_TCK:.1f} s ("
        + ", ".join(f"{t / CLK_TCK / max(seconds, 1e-9):.2f}" for t in cpu.values())
        + f" cores), broker {broker_cpu / CLK_TCK:.1f} s, this harness {harness_cpu / CLK_TCK:.1f} s"
        + f" ({harness_threads}), over {seconds:.1f} s; idle {idle / CLK_TCK / max(measured, 1e-9):.2f} cores; "
        + "; ".join(f"worker {i + 1}: {split}" for i, split in enumerate(splits))
    )
    row.extra = {
        "peak_rss_mb": peaks,
        "partitions": [w.partitions for w in running],
        "published_s": published,
        "worker_cpu_s": [t / CLK_TCK for t in cpu.values()],
        "broker_cpu_s": broker_cpu / CLK_TCK,
        "harness_cpu_s": harness_cpu / CLK_TCK,
        "idle_cores": idle / CLK_TCK / max(measured, 1e-9),
    }
    for worker in running:
        row.notes += trace_notes(worker.traces)
    if workers > 1:
        row.notes.append("peak RSS per worker: " + ", ".join(f"{p:.0f} MB" for p in peaks))
    dead = sum(1 for k in keys if k in collector.dead)
    if dead:
        row.notes.append(f"{dead} dead letters")
    if not complete:
        row.notes.append(f"INCOMPLETE: {done} of {len(items)} within {timeout:.0f} s")
    return row


def run_paced(base: Settings, items: list[Item], rate: float, seconds: float, seed: int, patches: str) -> Row:
    """One worker; dispatches published at a fixed rate; latency and RSS over time.

    The corpus first, then fresh corpora of the same size (seed + 1, + 2, ...) for as long as the run
    lasts: a long run sees new dispatches, as a real feed does, rather than the same texts again.
    """
    count = max(1, round(rate * seconds))
    stream = list(items)
    for cycle in range(1, -(-count // len(items))):
        stream += generate(len(items), seed + cycle)
    with stream_setup(base, "paced", 1, patches) as (settings, running, meter):
        worker = running[0]
        collector = Collector(settings, settings.partitions)
        samples: list[tuple[float, float, float]] = []  # (seconds since the first publish, VmRSS, VmHWM)
        stop = threading.Event()
        started = time.time()

        def sample_memory() -> None:
            while not stop.wait(5.0):
                mem = worker.memory()
                if mem:
                    samples.append((time.time() - started, mem.get("VmRSS", 0.0), mem.get("VmHWM", 0.0)))

        sampler = threading.Thread(target=sample_memory, daemon=True)
        sampler.start()
        sent: dict[str, float] = {}
        try:
            send = producer(settings, linger_ms=0)
            log(f"paced: publishing {count} dispatches at {rate:g}/s ({seconds / 60:.1f} min)")
            next_report = started + 60
            for i in range(count):
                key, value = stream[i].message()
                due = started + i / rate
                delay = due - time.time()
                if delay > 0:
                    time.sleep(delay)
                sent[key.decode()] = time.time()
                send.send(settings.topic_raw, key=key, value=value, partition=i % settings.partitions)
                if time.time() >= next_report:
                    next_report += 60
                    worker.check_alive()
                    lag = i + 1 - collector.done(set(sent))
                    rss = samples[-1][1] if samples else 0.0
                    log(f"paced: {i + 1}/{count} published, {lag} not yet enriched, worker RSS {rss:.0f} MB")
            send.flush()
            complete = collector.wait(set(sent), 120, worker.check_alive)
            send.close()
        finally:
            stop.set()
            collector.close()
        final = worker.memory()
        other = meter.other_cores()
    latencies = [(collector.arrived[k] - t) * 1000 for k, t in sent.items() if k in collector.arrived]
    elapsed = (max(collector.arrived.values()) - started) if collector.arrived else seconds
    row = Row(f"stream: 1 worker, paced {rate:g}/s", len(latencies), elapsed, len(latencies) / elapsed)
    row.p50_ms, row.p95_ms, row.p99_ms = (percentile(latencies, f) for f in (0.5, 0.95, 0.99))
    row.rss_mb = final.get("VmHWM") or (max(s[2] for s in samples) if samples else None)
    row.other_load = other
    own = worker.latencies_ms
    for label, values in (
        ("worker's own latency_ms (raw timestamp -> outputs acked)", own),
        ("worker's processing_ms (batch taken -> outputs acked)", worker.processing_ms),
    ):
        row.notes.append(
            f"{label}: p50 {_ms(percentile(values, 0.5))}, p95 {_ms(percentile(values, 0.95))}, "
            f"p99 {_ms(percentile(values, 0.99))}, max {_ms(max(values) if values else None)}"
        )
    row.notes += trace_notes(worker.traces)
    if latencies:
        row.notes.append(f"latency max {max(latencies):.0f} ms; mean {statistics.fmean(latencies):.0f} ms")
    growth = rss_growth(samples, publish_seconds=count / rate)
    if growth:
        row.notes.append(
            f"RSS at minute 1 {growth['baseline_mb']:.0f} MB, at the end (min {growth['end_min']:.1f}) "
            f"{growth['end_mb']:.0f} MB: {growth['growth']:+.1%}"
        )
    if not complete:
        row.notes.append(f"INCOMPLETE: {len(latencies)} of {len(sent)} enriched")
    row.extra = {"rss_samples": samples, "rss_growth": growth, "worker_latency_ms": own[-5000:]}
    return row


def trace_notes(traces: list[dict[str, Any]]) -> list[str]:
    """With `--worker-patch trace=1`: each phase of the worker's batches, and its total."""
    if not traces:
        return []
    out = []
    for phase in ("batch", "age_at_start_ms", "to_executor_ms", "enrich_ms", "publish_ms", "total_ms"):
        values = [t[phase] for t in traces if t.get(phase) is not None]
        total = f", sum {sum(values) / 1000:.1f} s" if phase.endswith("_ms") and phase != "age_at_start_ms" else ""
        out.append(
            f"trace {phase} per batch: p50 {percentile(values, 0.5)}, p95 {percentile(values, 0.95)}, "
            f"max {max(values) if values else None}{total}"
        )
    return out


def rss_growth(samples: list[tuple[float, float, float]], publish_seconds: float) -> dict[str, float] | None:
    """Mean RSS around minute 1 (50-70 s) against the last 20 s of publishing; None when the run is under 2 min."""
    if publish_seconds < 120:
        return None
    base = [rss for t, rss, _ in samples if 50 <= t <= 70]
    end = [rss for t, rss, _ in samples if publish_seconds - 20 <= t <= publish_seconds + 5]
    if not base or not end:
        return None
    baseline, final = statistics.fmean(base), statistics.fmean(end)
    return {"baseline_mb": baseline, "end_mb": final, "growth": final / baseline - 1, "end_min": publish_seconds / 60}


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f} ms"


# -- report --------------------------------------------------------------------------------------


def table(rows: list[Row]) -> str:
    head = ("scenario", "dispatches", "seconds", "disp/s", "x ceiling", "p50 ms", "p95 ms", "p99 ms", "peak RSS MB")
    head += ("CPU ms/disp", "other load")

    def cell(value: float | None, fmt: str) -> str:
        return "-" if value is None else format(value, fmt)

    body = [
        (
            r.scenario,
            str(r.dispatches),
            cell(r.seconds, ".1f"),
            cell(r.rate, ".1f"),
            cell(r.ratio, ".2f"),
            cell(r.p50_ms, ".0f"),
            cell(r.p95_ms, ".0f"),
            cell(r.p99_ms, ".0f"),
            cell(r.rss_mb, ".0f"),
            cell(r.cpu_ms, ".1f"),
            "-" if r.other_load is None else f"{r.other_load:.1f} cores",
        )
        for r in rows
    ]
    widths = [max(len(line[i]) for line in [head, *body]) for i in range(len(head))]

    def fmt(line: Sequence[str]) -> str:
        return (
            "| "
            + " | ".join(
                c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(line, widths, strict=True))
            )
            + " |"
        )

    rule = "|" + "|".join("-" * (w + 1) + (":" if i else "-") for i, w in enumerate(widths)) + "|"
    return "\n".join([fmt(head), rule, *(fmt(line) for line in body)])


def checks(rows: dict[str, Row]) -> list[tuple[str, str, str]]:
    """(target, measured, PASS | FAIL | n/a) for every target the scenarios run can decide."""
    out = []
    ceiling, offline = rows.get("ceiling"), rows.get("offline")
    one, two, paced = rows.get("stream1"), rows.get("stream2"), rows.get("paced")

    def verdict(ok: bool | None) -> str:
        return "n/a" if ok is None else ("PASS" if ok else "FAIL")

    if ceiling and one and ceiling.rate and one.rate:
        ratio = one.rate / ceiling.rate
        by_cpu = (
            f" (by CPU time per dispatch: {ceiling.cpu_ms / one.cpu_ms:.2f})" if ceiling.cpu_ms and one.cpu_ms else ""
        )
        out.append(
            (
                f"1 worker end to end >= {TARGETS['throughput']} x ceiling",
                f"{ratio:.2f}{by_cpu}",
                verdict(ratio >= TARGETS["throughput"]),
            )
        )
    if one and two and one.rate and two.rate:
        ratio = two.rate / one.rate
        cores = two.extra.get("worker_cpu_s")
        used = f" (the 2 workers used {sum(cores) / two.seconds:.2f} cores)" if cores and two.seconds else ""
        out.append(
            (
                f"2 workers >= {TARGETS['scaling']} x 1 worker",
                f"{ratio:.2f}{used}",
                verdict(ratio >= TARGETS["scaling"]),
            )
        )
    if paced and paced.p99_ms is not None:
        out.append(
            (
                f"p99 raw->enriched <= {TARGETS['p99_ms']:.0f} ms at {paced.scenario.split('paced ')[-1]}",
                f"{paced.p99_ms:.0f} ms",
                verdict(paced.p99_ms <= TARGETS["p99_ms"]),
            )
        )
    peaks = [p for r in (one, two, paced) if r for p in (r.extra.get("peak_rss_mb") or [r.rss_mb]) if p]
    if peaks:
        out.append(
            (
                f"peak RSS <= {TARGETS['rss_mb']:.0f} MB per worker",
                f"{max(peaks):.0f} MB",
                verdict(max(peaks) <= TARGETS["rss_mb"]),
            )
        )
    growth = paced.extra.get("rss_growth") if paced else None
    if growth:
        out.append(
            (
                f"RSS growth minute 1 -> minute {growth['end_min']:.0f} <= {TARGETS['rss_growth']:.0%}",
                f"{growth['growth']:+.1%}",
                verdict(growth["growth"] <= TARGETS["rss_growth"]),
            )
        )
    share = offline.extra.get("quotes_share") if offline else None
    if share is not None:
        out.append(
            (
                f"quotes <= {TARGETS['quotes_share']:.0%} of enrichment time",
                f"{share:.1%} (p95 per dispatch {offline.extra['quotes_share_p95']:.0%})",
                verdict(share <= TARGETS["quotes_share"]),
            )
        )
    return out


def report(rows: dict[str, Row], info: dict[str, Any], args: argparse.Namespace, settings: Settings) -> str:
    lines = [
        "",
        f"wirestream benchmark - {time.strftime('%Y-%m-%d %H:%M')} - {args.label} run",
        f"machine: {info['nproc']} CPUs ({info['cpu']}), {info['memory_gb']} GB RAM, Python {info['python']}; "
        f"load average at start {' '.join(info['loadavg'])}, at end {' '.join(machine()['loadavg'])}",
        f"corpus: {args.dispatches} dispatches (seed {args.seed}): {info['corpus']}",
        f"settings: pipelines {settings.pipelines}; batch_size {settings.batch_size}; "
        f"batch_wait {settings.batch_wait}; partitions {settings.partitions}"
        + (f"\nEXPERIMENT: patched workers and in-process code: {args.worker_patch}" if args.worker_patch else ""),
        "",
        table(list(rows.values())),
        "",
    ]
    for key, row in rows.items():
        for note in row.notes:
            lines.append(f"  {key}: {note}")
    lines += ["", "targets:"]
    results = checks(rows)
    width = max((len(t) for t, _, _ in results), default=0)
    lines += [f"  {verdict:4}  {target.ljust(width)}  {measured}" for target, measured, verdict in results]
    if not results:
        lines.append("  (no target can be decided from the scenarios run)")
    loaded = [r.other_load for r in rows.values() if r.other_load is not None]
    if loaded and max(loaded) >= 0.25:
        lines.append(
            f"\nnote: other processes kept up to {max(loaded):.1f} of {info['nproc']} cores busy during the run: "
            "ratios measured in this run are comparable, absolute rates are not."
        )
    return "\n".join(lines)


# -- main ----------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="A short run: 120 dispatches, 30 s latency, 2-minute soak")
    parser.add_argument("--dispatches", type=int, help="Corpus size (default 600; 120 with --quick)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="Corpus seed")
    parser.add_argument("--scenarios", default=",".join(SCENARIOS), help=f"Comma-separated subset of {SCENARIOS}")
    parser.add_argument("--rate", type=float, default=10.0, help="Dispatches per second of the paced run (10)")
    parser.add_argument("--latency-seconds", type=float, help="Shortest paced run, seconds (60; 30 with --quick)")
    parser.add_argument(
        "--soak-minutes", type=float, help="Length of the paced run for the RSS growth check (20; 2 with --quick)"
    )
    parser.add_argument("--pipelines", help="lang=pipeline,... (default: WIRESTREAM_PIPELINES or the default)")
    parser.add_argument("--batch-size", type=int, help="Worker and offline batch size (default: the setting)")
    parser.add_argument("--batch-wait", type=float, help="Worker batch wait in seconds (default: the setting)")
    parser.add_argument(
        "--ceiling-batch-size", type=int, default=16, help="nlp.pipe batch size of the ceiling (16: the fastest here)"
    )
    parser.add_argument("--partitions", type=int, default=4, help="Partitions of the raw topic (4)")
    parser.add_argument("--timeout", type=float, help="Longest wait for a burst to be enriched, s (60 + 0.5/dispatch)")
    parser.add_argument(
        "--worker-patch",
        default="",
        metavar="SPEC",
        help="Experiment: patches applied in the workers and in-process (bench/worker_shim.py), "
        "e.g. switch=0.0005,lingua=low,exclude=parser",
    )
    parser.add_argument("--json", type=Path, help="Also write every figure to this JSON file")
    parser.add_argument("--check", action="store_true", help="Exit 1 when a target fails")
    args = parser.parse_args(argv)
    args.dispatches = args.dispatches or (120 if args.quick else 600)
    if args.latency_seconds is None:
        args.latency_seconds = 30.0 if args.quick else 60.0
    if args.soak_minutes is None:
        args.soak_minutes = 2.0 if args.quick else 20.0
    args.scenarios = [s.strip() for s in args.scenarios.split(",") if s.strip()]
    default = (
        args.dispatches == (120 if args.quick else 600)
        and args.latency_seconds == (30.0 if args.quick else 60.0)
        and args.soak_minutes == (2.0 if args.quick else 20.0)
        and args.scenarios == list(SCENARIOS)
        and not args.worker_patch
    )
    args.label = ("quick" if args.quick else "full") if default else "custom"
    unknown = set(args.scenarios) - set(SCENARIOS)
    if unknown:
        parser.error(f"unknown scenarios: {', '.join(sorted(unknown))}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    from streams.logging import configure_logging

    configure_logging("warning")  # the embedded broker's and topic creation's info lines would clutter the output
    if args.worker_patch:
        from bench.worker_shim import apply

        # the patches that change the work done apply in-process too, so that the ceiling and offline see them
        work = [p for p in args.worker_patch.split(",") if p.split("=")[0].strip() in ("lingua", "exclude", "warm")]
        apply(",".join(work))
    info = machine()
    overrides = {"pipelines": args.pipelines, "batch_size": args.batch_size, "batch_wait": args.batch_wait}
    settings = load_settings(**overrides).replace(partitions=args.partitions, log_level="info")
    items = generate(args.dispatches, args.seed)
    langs = {lang: sum(1 for i in items if i.lang == lang) for lang in ("fr", "nl", "en")}
    words = [i.words for i in items]
    info["corpus"] = (
        ", ".join(f"{n} {lang}" for lang, n in langs.items())
        + f"; {min(words)}-{max(words)} words, mean {statistics.fmean(words):.0f}"
    )
    log(f"corpus {info['corpus']}; scenarios {', '.join(args.scenarios)}")
    rows: dict[str, Row] = {}
    timeout = args.timeout or 60 + 0.5 * len(items)
    for scenario in args.scenarios:
        log(f"{scenario}: start")
        try:
            if scenario == "ceiling":
                rows[scenario] = run_ceiling(items, settings.pipeline_map, args.ceiling_batch_size)
            elif scenario == "offline":
                rows[scenario] = run_offline(items, settings)
            elif scenario in ("stream1", "stream2"):
                rows[scenario] = run_burst(
                    settings, items, 1 if scenario == "stream1" else 2, timeout, args.worker_patch
                )
            elif scenario == "paced":
                seconds = max(args.latency_seconds, args.soak_minutes * 60)
                rows[scenario] = run_paced(settings, items, args.rate, seconds, args.seed, args.worker_patch)
        except Exception as exc:  # noqa: BLE001 - one failed scenario must not lose the others' figures
            log(f"{scenario}: FAILED: {type(exc).__name__}: {exc}")
            rows[scenario] = Row(f"{scenario}: FAILED", 0, 0.0, notes=[f"{type(exc).__name__}: {exc}"[:500]])
            continue
        row = rows[scenario]
        ceiling = rows.get("ceiling")
        if row.ratio is None and row.rate and ceiling and ceiling.rate and scenario != "paced":
            row.ratio = row.rate / ceiling.rate
        log(f"{scenario}: {row.dispatches} in {row.seconds:.1f} s ({(row.rate or 0):.1f}/s)")
    text = report(rows, info, args, settings)
    print(text, flush=True)
    if args.json:
        args.json.write_text(
            orjson.dumps(
                {
                    "machine": info,
                    "args": {k: str(v) for k, v in vars(args).items()},
                    "rows": {k: asdict(r) for k, r in rows.items()},
                    "checks": checks(rows),
                },
                option=orjson.OPT_INDENT_2 | orjson.OPT_SERIALIZE_NUMPY,
            ).decode()
        )
    failed = any(v == "FAIL" for _, _, v in checks(rows)) or any(r.scenario.endswith("FAILED") for r in rows.values())
    return 1 if args.check and failed else 0


if __name__ == "__main__":
    sys.exit(main())
