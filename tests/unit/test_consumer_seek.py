"""The worker's consumer seek: no record of a partition being sought slips through, at either layer."""

import asyncio
from collections import defaultdict

import pytest
from faust.types import TP

from streams.kafka.faust_compat import Consumer

RAW = TP("raw", 1)
LEADER = TP("app-__assignor-__leader", 0)


class Thread:
    """Stands in for the consumer thread: records which partitions aiokafka is told to hold."""

    def __init__(self, consumer: "Probe") -> None:
        self.consumer = consumer
        self.held: set[TP] = set()
        self.calls: list[tuple[bool, set[TP]]] = []

    async def hold(self, tps: set[TP], held: bool) -> None:
        self.calls.append((held, set(self.consumer._active_partitions)))
        self.held = self.held | tps if held else self.held - tps


class Probe(Consumer):
    """`Consumer` with the broker's side of a seek replaced: committed offsets are given."""

    def __init__(self, committed: dict[TP, int], fail: bool = False) -> None:  # no Faust service set-up
        self._active_partitions = {RAW, LEADER}
        self._paused_partitions = set()
        self._read_offset = defaultdict(lambda: None)
        self._committed_offset = {}
        self._thread = Thread(self)
        self.committed, self.fail = committed, fail
        self.during_seek: tuple[set[TP], set[TP]] | None = None

    async def seek_to_committed(self) -> dict[TP, int]:
        self.during_seek = (set(self._active_partitions), set(self._thread.held))
        await asyncio.sleep(0)
        if self.fail:
            raise RuntimeError("coordinator went away")
        return self.committed


def test_while_the_seek_runs_both_faust_and_aiokafka_hold_the_partitions():
    consumer = Probe({RAW: 5})
    asyncio.run(consumer.perform_seek())
    faust_active, aiokafka_held = consumer.during_seek
    assert faust_active == set()  # Faust's getmany drops records of the batch already fetched
    assert aiokafka_held == {RAW, LEADER}  # and aiokafka hands out none of these partitions meanwhile
    assert consumer._read_offset[RAW] == 5
    assert consumer._active_partitions == {RAW, LEADER} and not consumer._thread.held


def test_aiokafka_lets_go_only_once_faust_reads_the_partitions_again():
    consumer = Probe({RAW: 5})
    asyncio.run(consumer.perform_seek())
    (first, active_at_hold), (then, active_at_release) = consumer._thread.calls
    assert (first, then) == (True, False)
    assert active_at_hold == set()
    # were aiokafka released first, a fetch in between would hand Faust records it still drops
    assert active_at_release == {RAW, LEADER}


def test_a_failed_seek_leaves_nothing_paused():
    consumer = Probe({}, fail=True)
    with pytest.raises(RuntimeError, match="coordinator"):
        asyncio.run(consumer.perform_seek())
    assert consumer._active_partitions == {RAW, LEADER} and not consumer._paused_partitions
    assert not consumer._thread.held
