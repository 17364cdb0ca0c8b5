"""Seconds per stage of a build, the one way kg times its work.

A :class:`Timings` is a dict of seconds by stage name that adds up: a stage timed
twice counts twice, the timings of worker processes merge into the build's. A stage
timed inside another (layout pulled in while spaCy reads its batch, events found
while the entity rules run) counts for itself only: the outer stage's seconds leave
out the inner one's, so the stages of one process add up to its wall time.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager


class Timings(dict[str, float]):
    def __init__(self, seconds: Mapping[str, float] | None = None) -> None:
        super().__init__(seconds or {})
        self._open: list[float] = []  # seconds spent in inner stages, per open stage

    def add(self, stage: str, seconds: float) -> None:
        self[stage] = self.get(stage, 0.0) + seconds

    def merge(self, other: Mapping[str, float]) -> None:
        for stage, seconds in other.items():
            self.add(stage, seconds)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Time the block as ``name``, less the stages timed inside it."""
        start = time.perf_counter()
        self._open.append(0.0)
        try:
            yield
        finally:
            inner = self._open.pop()
            spent = time.perf_counter() - start
            self.add(name, spent - inner)
            if self._open:
                self._open[-1] += spent

    def lap(self, stage: str, since: float) -> float:
        """Add the seconds from ``since`` (a perf_counter reading) to ``stage``; now."""
        now = time.perf_counter()
        self.add(stage, now - since)
        return now

    def __reduce__(self) -> tuple[type[Timings], tuple[dict[str, float]]]:
        return (Timings, (dict(self),))  # open stages do not travel between processes
