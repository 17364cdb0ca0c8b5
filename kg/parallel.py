"""Work spread over local processes, results in the order the work was given.

One pool per stage of a build, started when the stage starts: on Linux the
worker processes are forked, so they inherit what the build already loaded (the
spaCy model, the gazetteer, the corpus-wide links) instead of loading or
receiving it again. Work goes out a few items ahead of the results being read,
so memory stays bounded whatever the number of items.

Workers never outlive the process that started them: each one exits the moment
its parent is gone (killed with ``kill -9`` included), so a killed build leaves
no process behind, holding memory or files (:func:`die_with_parent`).
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
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
WATCH_INTERVAL = 0.2  # seconds between two looks of a worker at its parent
_PR_SET_PDEATHSIG = 1  # prctl(2)

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
        initargs=(shared, os.getpid()),
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


def _adopt(shared: Any, parent: int) -> None:
    # The kernel's signal fires when the forking thread ends: the pool's own threads never
    # fork here (submit runs in the thread that consumes the results), so it is the build's.
    die_with_parent(parent, kernel_signal=True)
    _shared.append(shared)


def die_with_parent(parent: int, kernel_signal: bool = False) -> None:
    """Make this (worker) process exit as soon as its parent process ``parent`` is gone.

    A thread looks at the parent every WATCH_INTERVAL seconds. With
    ``kernel_signal`` (Linux), the kernel also kills this process when the thread
    that started it ends — at once, even while this process is busy in native
    code; only for processes started from a thread that lives as long as they do.
    """
    if kernel_signal and sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # no prctl: the watching thread is enough
            pass
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(WATCH_INTERVAL)
        os._exit(1)  # no clean-up: the parent that would use the results is gone

    threading.Thread(target=watch, name="kg-parent-watch", daemon=True).start()


def _run(fn: Callable[[Any, T], R], item: T) -> R:
    return fn(_shared[-1], item)
