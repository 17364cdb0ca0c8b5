"""Work spread over local processes, results in the order the work was given.

One pool per stage of a build, started when the stage starts: on Linux the
worker processes are forked, so they inherit what the build already loaded (the
spaCy model, the gazetteer, the corpus-wide links) instead of loading or
receiving it again. Work goes out a few items ahead of the results being read,
so memory stays bounded whatever the number of items.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol, TypeVar

from kg.errors import WorkerError

S = TypeVar("S")
T = TypeVar("T")
R = TypeVar("R")
R_co = TypeVar("R_co", covariant=True)
AHEAD = 3  # items submitted per worker before the oldest result is awaited

# A worker process's copy of the work its stage shares (set once, when it starts).
_shared: list[Any] = []


class Waitable(Protocol[R_co]):  # a concurrent.futures or a Dask future
    def result(self) -> R_co: ...


def default_workers() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def in_order(
    submit: Callable[[T], Waitable[R]], items: Iterable[T], window: int
) -> Generator[R, None, None]:
    """``submit`` each item, at most ``window`` outstanding; the results in item order."""
    pending: deque[Waitable[R]] = deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def ordered_map(
    fn: Callable[[S, T], R], shared: S, items: Iterable[T], workers: int
) -> Generator[R, None, None]:
    """``fn(shared, item)`` for each item, in ``workers`` processes (this one when 1).

    ``fn`` must be a module-level function. ``shared`` reaches each worker once,
    when it starts (inherited, not copied, where processes are forked); only the
    items and the results travel between processes.
    """
    if workers <= 1:
        for item in items:
            yield fn(shared, item)
        return
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context(method),
        initializer=_adopt,
        initargs=(shared,),
    )
    with pool:

        def submit(item: T) -> Future[R]:
            return pool.submit(_run, fn, item)

        try:
            yield from in_order(submit, items, window=workers * AHEAD)
        except BrokenProcessPool as e:
            raise WorkerError(
                "a worker process died (out of memory, or killed); "
                "run again, or with fewer --workers"
            ) from e


def _adopt(shared: Any) -> None:
    _shared.append(shared)


def _run(fn: Callable[[Any, T], R], item: T) -> R:
    return fn(_shared[-1], item)
