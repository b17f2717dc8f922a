"""`wirestream worker` with experimental patches, to measure a proposed change to streams/ before making it.

    BENCH_PATCHES=switch=0.001,exclude=parser python bench/worker_shim.py

bench/run.py starts workers through this file when given `--worker-patch`; without BENCH_PATCHES it is
exactly `python -m streams worker`. Patches (comma-separated `name=value`):

- `switch=SECONDS`: `sys.setswitchinterval(SECONDS)` (CPython's default is 0.005): how often a thread
  waiting for the GIL gets it from the enrichment thread that runs spaCy; the event loop is such a thread;
- `exclude=comp+comp`: also exclude these spaCy components when loading pipelines (e.g. `parser`);
- `sample=PATH`: a sampling profiler over every thread (every 5 ms), its summary rewritten to PATH every 5 s;
- `trace=1`: log a `bench.trace` line per batch (message age at batch start, enrich and publish times);
- `pipelined=0`: the agent waits for a batch's acks before it prepares the next (as before pipelining);
- `profile=PATH`: cProfile the event-loop thread from the first batch on, its stats dumped to PATH every 5 s
  and at exit (read them with `pstats`): what the stream itself costs, apart from the enrichment thread.

Patches that became wirestream's own code are gone: `fetch_wait_ms` (WIRESTREAM_FETCH_MAX_WAIT), `lingua=low`
(streams/nlp/language.py), `warm` (`Enricher.load`), `linger_ms` and `batch_kb` (streams/kafka/app.py).
"""

from __future__ import annotations

import contextlib
import os
import sys


def apply(spec: str) -> list[str]:
    applied = []
    for item in filter(None, (part.strip() for part in spec.split(","))):
        name, _, value = item.partition("=")
        if name == "switch":
            sys.setswitchinterval(float(value))
        elif name == "sample":
            _sample(value)
        elif name == "trace" and value == "1":
            _trace()
        elif name == "pipelined" and value == "0":
            from streams.kafka.agent import EnrichAgent

            async def prepare(self, events, _original=EnrichAgent.prepare):
                if self.inflight is not None:
                    await self.inflight
                return await _original(self, events)

            EnrichAgent.prepare = prepare
        elif name == "profile":
            _profile_loop(value)
        elif name == "exclude":
            from streams.nlp import models

            models.UNUSED_COMPONENTS = (*models.UNUSED_COMPONENTS, *value.split("+"))
        else:
            raise SystemExit(f"worker_shim: unknown patch {item!r}")
        applied.append(item)
    return applied


def _profile_loop(path: str) -> None:
    """cProfile the thread of the agent's event loop, starting with its first batch."""
    import asyncio
    import atexit
    import cProfile

    from streams.kafka.agent import EnrichAgent

    profiler = cProfile.Profile()
    dumper: asyncio.Task | None = None

    def save() -> None:
        profiler.disable()
        profiler.dump_stats(path)

    async def dump() -> None:
        while True:
            await asyncio.sleep(5)
            save()
            profiler.enable()

    async def prepare(self, events, _original=EnrichAgent.prepare):
        nonlocal dumper
        if dumper is None:
            dumper = asyncio.get_running_loop().create_task(dump())
            atexit.register(save)  # runs shorter than the 5 s period are written too
            profiler.enable()
        return await _original(self, events)

    EnrichAgent.prepare = prepare


def _sample(path: str, interval: float = 0.005) -> None:
    """Sample every thread's stack; write the functions with the most samples (self and inclusive) per thread."""
    import collections
    import threading
    import time

    own: collections.Counter[tuple[str, str]] = collections.Counter()
    inclusive: collections.Counter[tuple[str, str]] = collections.Counter()
    per_thread: collections.Counter[str] = collections.Counter()

    def label(frame) -> str:
        code = frame.f_code
        return f"{code.co_filename.rsplit('site-packages/', 1)[-1]}:{code.co_name}"

    def run() -> None:
        me = threading.get_ident()
        next_dump = time.monotonic() + 5
        while True:
            time.sleep(interval)
            names = {t.ident: t.name for t in threading.enumerate()}
            for ident, frame in sys._current_frames().items():
                if ident == me:
                    continue
                thread = names.get(ident, str(ident))
                thread = "enrich" if thread.startswith("enrich") else thread
                per_thread[thread] += 1
                own[(thread, label(frame))] += 1
                seen = set()
                while frame is not None:
                    key = (thread, label(frame))
                    if key not in seen:
                        inclusive[key] += 1
                        seen.add(key)
                    frame = frame.f_back
            if time.monotonic() >= next_dump:
                next_dump += 5
                lines = [f"samples per thread: {dict(per_thread)}", "", "CPU seconds per thread:"]
                lines += [f"  {name}: {cpu:.2f}" for name, cpu in _thread_cpu().items()]
                lines += ["", "self:"]
                lines += [f"{n:7d}  {t:12.12}  {f}" for (t, f), n in own.most_common(60)]
                lines += ["", "inclusive:"]
                lines += [f"{n:7d}  {t:12.12}  {f}" for (t, f), n in inclusive.most_common(120)]
                with open(path, "w") as out:
                    out.write("\n".join(lines) + "\n")

    threading.Thread(target=run, name="bench-sampler", daemon=True).start()


def _thread_cpu() -> dict[str, float]:
    """CPU seconds (user + system) of each thread of this process, by Python thread name where there is one."""
    import threading

    names = {t.native_id: t.name for t in threading.enumerate()}
    tick = os.sysconf("SC_CLK_TCK")
    out: dict[str, float] = {}
    for task in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{task}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        comm = ""
        with contextlib.suppress(OSError), open(f"/proc/self/task/{task}/comm") as f:
            comm = f.read().strip()
        name = names.get(int(task)) or f"native {comm}"
        name = "enrich" if name.startswith("enrich") else name
        out[name] = out.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / tick
    return dict(sorted(out.items(), key=lambda kv: -kv[1]))


def _trace() -> None:
    """Log a `bench.trace` JSON line per batch: how old its messages were when it started, and its phases."""
    import time

    import orjson

    from streams import pipeline
    from streams.kafka.agent import EnrichAgent
    from streams.kafka.publisher import Publisher

    original_prepare, original_publish, original_enrich = EnrichAgent.prepare, Publisher.publish, pipeline.enrich_batch
    enrich_ms: list[float] = []
    traces: dict[int, dict] = {}  # id(events) -> what is known of that batch so far

    def enrich_batch(enricher, dispatches):
        started = time.perf_counter()
        try:
            return original_enrich(enricher, dispatches)
        finally:
            enrich_ms.append((time.perf_counter() - started) * 1000)

    async def prepare(self, events):
        enrich_ms.clear()
        now, started = time.time(), time.perf_counter()
        ages = [now - e.message.timestamp for e in events if e.message.timestamp]
        batch = await original_prepare(self, events)
        traces[id(batch.plan.items)] = {
            "event": "bench.trace",
            "batch": len(events),
            "age_at_start_ms": round(max(ages) * 1000, 1) if ages else None,
            "prepare_ms": round((time.perf_counter() - started) * 1000, 1),
            "enrich_ms": round(sum(enrich_ms), 1),
            "started": started,
        }
        return batch

    async def publish(self, items):
        started = time.perf_counter()
        try:
            await original_publish(self, items)
        finally:
            line = traces.pop(id(items), None)
            if line is not None:
                line["publish_ms"] = round((time.perf_counter() - started) * 1000, 1)
                line["total_ms"] = round((time.perf_counter() - line.pop("started")) * 1000, 1)
                sys.stderr.write(orjson.dumps(line).decode() + "\n")

    pipeline.enrich_batch = enrich_batch
    EnrichAgent.prepare = prepare
    Publisher.publish = publish


if __name__ == "__main__":
    apply(os.environ.get("BENCH_PATCHES", ""))
    from streams.cli import main

    sys.exit(main(["worker", *sys.argv[1:]]))
