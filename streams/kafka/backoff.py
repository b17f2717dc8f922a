"""Waiting out an unreachable broker: one growing delay for start-up calls and for publish retries."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import TypeVar

from streams.errors import ConfigError
from streams.logging import get_logger

log = get_logger(__name__)

T = TypeVar("T")
FIRST_S, MAX_S = 0.5, 10.0


def delays(first: float = FIRST_S, longest: float = MAX_S) -> Iterator[float]:
    """Seconds to wait before each retry: doubling from `first`, at most `longest`."""
    delay = first
    while True:
        yield delay
        delay = min(delay * 2, longest)


def retry(action: Callable[[], T], *, what: str, broker: str, limit_s: float = 300.0) -> T:
    """Run a blocking Kafka call until it succeeds, waiting longer after each failure (up to `limit_s` in all)."""
    from kafka.errors import KafkaError

    deadline, waits = time.monotonic() + limit_s, delays()
    while True:
        try:
            return action()
        except ConfigError:
            raise
        except (KafkaError, OSError) as exc:
            if time.monotonic() > deadline:
                raise
            delay = next(waits)
            log.warning("broker.unavailable", action=what, broker=broker, error=str(exc), retry_in_s=delay)
            time.sleep(delay)
