"""Memory of the enrichment process: its resident size (reported by the worker) and its data limit."""

from __future__ import annotations

import contextlib

from streams.errors import ConfigError


def rss_mb(pid: int | str = "self") -> float | None:
    """Resident memory of a process, in MB (Linux /proc)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def limit_memory(memory_mb: int) -> None:
    """Cap the child's data (heap and private mappings: RLIMIT_DATA) once its models are loaded.

    A text that needs more (spaCy and the quote rules take about 4 KB per character of quote-dense text)
    then fails with MemoryError, which is that dispatch's dead letter (`enrich_memory`), instead of the
    kernel's OOM killer ending the pod. The child also offers itself first to the OOM killer.
    """
    with contextlib.suppress(OSError), open("/proc/self/oom_score_adj", "w", encoding="ascii") as adj:
        adj.write("1000")
    if not memory_mb:
        return
    import resource

    limit = memory_mb * 1024 * 1024
    used = _vm_data_bytes()
    if used is not None and used > limit * 0.8:
        raise ConfigError(
            f"setting WIRESTREAM_ENRICH_MEMORY_MB: {memory_mb} MB leaves no room, the models take "
            f"{used // 2**20} MB of data already"
        )
    resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))


def _vm_data_bytes() -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmData:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None
