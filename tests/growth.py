"""Growth tests for rules over message text: time at 2n over time at n stays under 3 (issue 19, item 3).

A linear rule takes twice as long on twice the text (ratio 2); a quadratic one four times (ratio 4).
Any module registers its rules here as a `Family`: a function over a text and the adversarial units
whose repetition is the worst case known for it. tests/unit/test_growth.py then checks every unit of
every family, and searches for new units with hypothesis within a time budget (`fuzz`).

    from tests.growth import register
    register("nlp.entities.party_title", lambda t: list(_PARTY_TITLE_NAME.finditer(t)), ["A.", "A&"])

Times are the best of a few runs, on a text grown until one run takes a measurable time; a ratio
near the limit is measured three times and the median counts, so a busy machine neither fails a
linear rule nor passes a quadratic one; a median over it is measured again one size up (a text that
outgrows a processor cache makes one step of a linear rule look quadratic, never two).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from dataclasses import dataclass

RATIO_LIMIT = 3.0
MIN_SECONDS = 0.02  # the text at n is doubled until one run takes this long (10 ms was noise on a busy machine)
REPEATS = 3


@dataclass(frozen=True)
class Family:
    """Rules exercised by `run` on a text; `units`: adversarial pieces, repeated to make the text."""

    name: str
    run: Callable[[str], object]
    units: tuple[str, ...]
    prefix: str = ""  # put before the repeated unit (a wire header, say)
    start_chars: int = 4_000
    max_chars: int = 1_000_000

    def text(self, unit: str, count: int) -> str:
        return self.prefix + unit * count


FAMILIES: dict[str, Family] = {}


def register(
    name: str,
    run: Callable[[str], object],
    units: list[str] | tuple[str, ...],
    *,
    prefix: str = "",
    start_chars: int = 4_000,
    max_chars: int = 1_000_000,
) -> Family:
    """Add a family of rules to the growth tests."""
    family = Family(name, run, tuple(units), prefix, start_chars, max_chars)
    FAMILIES[name] = family
    return family


def seconds(run: Callable[[str], object], text: str, repeats: int = REPEATS) -> float:
    """The best time of `repeats` runs of `run(text)`, the garbage collector off while it runs: a full collection
    costs the size of whatever the process holds (the gazetteers an earlier test loaded, say) wherever it falls,
    and can make one measure of a linear rule look quadratic."""
    best = float("inf")
    for _ in range(repeats):
        gc.disable()
        try:
            started = time.perf_counter()
            run(text)
            best = min(best, time.perf_counter() - started)
        finally:
            gc.enable()
    return best


@dataclass(frozen=True)
class Growth:
    unit: str
    chars: int  # the length of the text at n
    at_n: float
    at_2n: float

    @property
    def ratio(self) -> float:
        # a rule still faster than MIN_SECONDS at the largest text is bounded: its ratio is noise
        return self.at_2n / max(self.at_n, MIN_SECONDS)

    def __str__(self) -> str:
        return (
            f"unit {self.unit!r}: {self.at_n * 1000:.1f} ms at {self.chars} characters, "
            f"{self.at_2n * 1000:.1f} ms at twice that (ratio {self.ratio:.2f})"
        )


def growth(family: Family, unit: str, *, min_seconds: float = MIN_SECONDS) -> Growth:
    """Time at n and 2n for a unit, n grown until the time at n is measurable."""
    count = max(1, family.start_chars // len(unit))
    while True:
        at_n = seconds(family.run, family.text(unit, count), repeats=1)
        if at_n >= min_seconds or len(unit) * count * 4 > family.max_chars:
            break
        count *= 2
    return growth_at(family, unit, count, at_n)


def growth_at(family: Family, unit: str, count: int, at_n: float = float("inf")) -> Growth:
    """Time at n (`count` units) and at 2n for a unit.

    The runs at n and at 2n alternate, each time the best of its runs: a busy spell on the machine slows
    both sizes alike instead of one."""
    small, large = family.text(unit, count), family.text(unit, 2 * count)
    at_2n = float("inf")
    for _ in range(REPEATS):
        at_n = min(at_n, seconds(family.run, small, repeats=1))
        at_2n = min(at_2n, seconds(family.run, large, repeats=1))
    return Growth(unit, len(unit) * count, at_n, at_2n)


def linear(family: Family, unit: str, *, min_seconds: float = MIN_SECONDS) -> Growth:
    """The growth of a unit: one measure when it is clearly under the limit (ratio under 2.5), else the median
    of three, so that one noisy measure neither fails a linear rule nor passes a quadratic one (on a machine
    shared with other work a linear rule measured 3.5 to 4.3 once, a quadratic one stays near 4 or over).

    A median over the limit is measured once more, one size up: a text that outgrows a processor cache
    between n and 2n makes one step of a linear rule cost four times more (0.5 to 1 MB of "1-" through the
    discourse rules: 12 ms, 49 ms, then 93 ms at 2 MB), while a quadratic rule stays near 4 at every size."""
    first = growth(family, unit, min_seconds=min_seconds)
    if first.ratio < RATIO_LIMIT - 0.5:
        return first
    again = [growth(family, unit, min_seconds=min_seconds) for _ in range(2)]
    median = sorted([first, *again], key=lambda g: g.ratio)[1]
    count = median.chars // len(unit)
    if median.ratio < RATIO_LIMIT or len(unit) * count * 4 > family.max_chars:
        return median
    return min(median, growth_at(family, unit, 2 * count), key=lambda g: g.ratio)


def quick_ratio(family: Family, unit: str, chars: int = 2_000) -> float:
    """A fast screen for the fuzzer: time at 4n over time at n, small n (linear: 4, quadratic: 16)."""
    count = max(1, chars // len(unit))
    small, large = family.text(unit, count), family.text(unit, 4 * count)
    at_n = at_4n = float("inf")
    for _ in range(2):
        at_n = min(at_n, seconds(family.run, small, repeats=1))
        at_4n = min(at_4n, seconds(family.run, large, repeats=1))
    return at_4n / max(at_n, 2e-5)


# Characters the fuzzer builds units from: what the rules of the wire and of the entities look at.
FUZZ_ALPHABET = "A.&-NVÉ1a é,;:()«»\"'’\n\t<>/=_|BELGA" + "\u00a0"


def fuzz(
    family: Family, *, budget_s: float, max_examples: int = 300, max_unit: int = 6, stop_at: int = 3
) -> list[Growth]:
    """Units that make `family` superlinear, searched for at most `budget_s` seconds (`stop_at` of them at most)."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    deadline = time.monotonic() + budget_s
    found: list[Growth] = []

    @settings(
        max_examples=max_examples,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.text(alphabet=FUZZ_ALPHABET, min_size=1, max_size=max_unit))
    def search(unit: str) -> None:
        if time.monotonic() > deadline or len(found) >= stop_at or any(g.unit == unit for g in found):
            return
        if quick_ratio(family, unit) >= 10:  # a suspect: measured properly
            measured = linear(family, unit)
            if measured.ratio >= RATIO_LIMIT:
                found.append(measured)

    search()
    return found
