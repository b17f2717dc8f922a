"""`wirestream worker` with experimental patches, to measure a proposed change to streams/ before making it.

    BENCH_PATCHES=switch=0.001,lingua=low python bench/worker_shim.py

bench/run.py starts workers through this file when given `--worker-patch`; without BENCH_PATCHES it is
exactly `python -m streams worker`. Patches (comma-separated `name=value`):

- `switch=SECONDS`: `sys.setswitchinterval(SECONDS)` (CPython's default is 0.005): how often a thread
  waiting for the GIL gets it from the enrichment thread that runs spaCy; the event loop is such a thread;
- `lingua=low`: build the language detector in lingua's low-accuracy mode (trigram models only)
  instead of preloading every model in high-accuracy mode;
- `fetch_wait_ms=N`: the Faust consumer's `fetch_max_wait_ms` (hard-coded 1500 in Faust's aiokafka driver);
- `exclude=comp+comp`: also exclude these spaCy components when loading pipelines (e.g. `parser`);
- `warm=1`: `Enricher.load()` also builds the language detector and runs one short text through each
  pipeline, so that the first batch does not pay for them;
- `sample=PATH`: a sampling profiler over every thread (every 5 ms), its summary rewritten to PATH every 5 s;
- `trace=1`: log a `bench.trace` line per batch (message age at batch start, enrich and publish times);
- `pipelined=0`: the agent waits for a batch's acks before it prepares the next (as before pipelining);
- `linger_ms=N`, `batch_kb=N`: the worker producer's `producer_linger` and `producer_max_batch_size`
  (Faust's defaults: 0 ms and 16 KiB per partition batch);
- `profile=PATH`: cProfile the event-loop thread from the first batch on, its stats dumped to PATH every 5 s
  and at exit (read them with `pstats`): what the stream itself costs, apart from the enrichment thread.
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
        elif name == "lingua" and value == "low":
            from functools import cache

            from lingua import LanguageDetectorBuilder

            from streams.nlp import language

            @cache
            def detector():
                return LanguageDetectorBuilder.from_languages(*language.CANDIDATES).with_low_accuracy_mode().build()

            language._detector = detector
        elif name == "fetch_wait_ms":
            import aiokafka

            def init(self, *args, _original=aiokafka.AIOKafkaConsumer.__init__, _wait=int(value), **kwargs):
                kwargs["fetch_max_wait_ms"] = _wait
                _original(self, *args, **kwargs)

            aiokafka.AIOKafkaConsumer.__init__ = init
        elif name == "warm" and value == "1":
            from streams.nlp import enrich
            from streams.nlp.language import detect_language

            def load(self, _original=enrich.Enricher.load):
                _original(self)
                detect_language("Le ministre a annoncé mardi un nouveau plan pour les transports publics.")
                for name in self.pipelines.values():
                    list(enrich.wire_pipeline(name).pipe(["Le ministre Jean Dupont a parlé à Namur."]))

            enrich.Enricher.load = load
        elif name == "sample":
            _sample(value)
        elif name == "trace" and value == "1":
            _trace()
        elif name == "pipelined" and value == "0":
            from streams.agents import EnrichAgent

            async def prepare(self, events, _original=EnrichAgent.prepare):
                if self.inflight is not None:
                    await self.inflight
                return await _original(self, events)

            EnrichAgent.prepare = prepare
        elif name == "profile":
            _profile_loop(value)
        elif name in ("linger_ms", "batch_kb"):
            _producer_setting(name, int(value))
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

    from streams.agents import EnrichAgent

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


def _producer_setting(name: str, value: int) -> None:
    """Pass one more producer setting to the worker's Faust app."""
    from streams import app

    setting = {"linger_ms": ("producer_linger", value / 1000), "batch_kb": ("producer_max_batch_size", value * 1024)}
    key, converted = setting[name]

    def init(self, *args, _original=app.App.__init__, **kwargs):
        kwargs[key] = converted
        _original(self, *args, **kwargs)

    app.App.__init__ = init


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

    from streams import agents

    original_prepare, original_publish, original_enrich = (
        agents.EnrichAgent.prepare,
        agents.EnrichAgent.publish,
        agents.enrich_batch,
    )
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
        traces[id(batch.items)] = {
            "event": "bench.trace",
            "batch": len(events),
            "age_at_start_ms": round(max(ages) * 1000, 1) if ages else None,
            "prepare_ms": round((time.perf_counter() - started) * 1000, 1),
            "enrich_ms": round(sum(enrich_ms), 1),
            "started": started,
        }
        return batch

    async def publish(self, plan):
        started = time.perf_counter()
        try:
            await original_publish(self, plan)
        finally:
            line = traces.pop(id(plan), None)
            if line is not None:
                line["publish_ms"] = round((time.perf_counter() - started) * 1000, 1)
                line["total_ms"] = round((time.perf_counter() - line.pop("started")) * 1000, 1)
                sys.stderr.write(orjson.dumps(line).decode() + "\n")

    agents.enrich_batch = enrich_batch
    agents.EnrichAgent.prepare = prepare
    agents.EnrichAgent.publish = publish


if __name__ == "__main__":
    apply(os.environ.get("BENCH_PATCHES", ""))
    from streams.cli import main

    sys.exit(main(["worker", *sys.argv[1:]]))
