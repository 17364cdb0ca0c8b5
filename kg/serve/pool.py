"""Queries run in worker processes, so a runaway query can really be stopped.

Oxigraph evaluates a query in native code that a Python thread cannot
interrupt, so each query goes to a worker process holding its own read-only
snapshot of the store; when the answer is late the worker is killed and a new
one takes its place. Workers are started ahead of time ("spawn", never a fork
of a process that has the store open).

Slow queries do not hold everyone up. A query still running after
``slow_after`` seconds leaves the pool: its worker is given a lower CPU
priority and a spare worker, started in advance, takes its place, so the
``workers`` others keep answering at full speed. At most ``workers`` slow
queries run at once; past that, a query that turns slow is stopped (503).
A request waits at most ``queue_wait`` seconds for a free worker (503 after).
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import queue
import signal
import threading
from dataclasses import dataclass, field
from multiprocessing.process import BaseProcess
from pathlib import Path

from kg.errors import StoreError
from kg.serve import worker
from kg.serve.worker import Answer, Limits, QueryJob, out_of_memory, text_answer

STARTUP_TIMEOUT = 60.0  # seconds a new worker may take to import kg and open the store
SLOW_NICENESS = 10  # added to a slow query's worker: the others get the CPU first


@dataclass(frozen=True)
class PoolSettings:
    data: Path
    workers: int = 2  # queries answered at full speed at once
    timeout: float = 10.0  # seconds a query may run
    limits: Limits = field(default_factory=Limits)
    slow_after: float = 0.5  # seconds after which a query runs aside, at low priority
    queue_wait: float = 2.0  # seconds a request may wait for a free worker


class _Worker:
    def __init__(self, settings: PoolSettings) -> None:
        ctx = mp.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.process: BaseProcess = ctx.Process(
            target=worker.main,
            args=(child, str(settings.data), settings.limits, os.getpid()),
            daemon=True,
            name="kg-query-worker",
        )
        self.process.start()
        child.close()
        self.ready = False

    def wait_ready(self) -> None:
        if self.ready:
            return
        if not self.conn.poll(STARTUP_TIMEOUT):
            self.kill()
            raise StoreError("a query worker did not start in time")
        status, detail = self.conn.recv()
        if status != "ready":
            self.kill()
            raise StoreError(str(detail))
        self.ready = True

    def lower_priority(self) -> None:
        pid = self.process.pid
        if pid is not None:
            with contextlib.suppress(OSError):  # it may have just ended
                os.setpriority(os.PRIO_PROCESS, pid, SLOW_NICENESS)

    def died(self) -> str:
        """How the worker ended (after its pipe closed)."""
        self.process.join(2)
        code = self.process.exitcode
        if code is None:
            return "stopped answering"
        if code < 0:
            return f"was ended by {signal.Signals(-code).name}"
        return f"exited with status {code}"

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class QueryPool:
    """Query workers; ``run`` is blocking and thread-safe."""

    def __init__(self, settings: PoolSettings) -> None:
        self.settings = settings
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._spares: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._slow = threading.BoundedSemaphore(max(1, settings.workers))
        self._closed = False
        self.killed = 0  # workers killed for running too long

    def start(self) -> None:
        """Start the workers and the spares; wait until each has opened the store."""
        n = max(1, self.settings.workers)
        started = [self._spawn() for _ in range(2 * n)]
        for w in started:
            w.wait_ready()
        for w in started[:n]:
            self._idle.put(w)
        for w in started[n:]:
            self._spares.put(w)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            for w in list(self._all):
                w.kill()
            self._all.clear()

    def _spawn(self) -> _Worker:
        w = _Worker(self.settings)
        with self._lock:
            self._all.add(w)
        return w

    def _discard(self, w: _Worker) -> None:
        w.kill()
        with self._lock:
            self._all.discard(w)

    def _refill(self, into: queue.Queue[_Worker]) -> None:
        """Start a worker in the background; it joins ``into`` once it has opened the store."""

        def start() -> None:
            try:
                w = self._spawn()
                w.wait_ready()
            except (OSError, StoreError):
                return
            if self._closed:
                self._discard(w)
            else:
                into.put(w)

        threading.Thread(target=start, name="kg-worker-start", daemon=True).start()

    def _replace(self) -> None:
        """A worker left the pool: a spare takes its place now, a new spare is started."""
        try:
            self._idle.put(self._spares.get_nowait())
            self._refill(self._spares)
        except queue.Empty:
            self._refill(self._idle)

    def run(self, job: QueryJob) -> Answer:
        """The answer to ``job``; 503 when it runs too long, needs too much, or must wait."""
        wait = self.settings.queue_wait
        try:
            w = self._idle.get(timeout=wait)
        except queue.Empty:
            return _busy(f"no query worker was free within {wait:g} s; try again")
        try:
            w.wait_ready()
            w.conn.send(job)
            if w.conn.poll(self.settings.slow_after):
                result: Answer = w.conn.recv()
                self._idle.put(w)
                return result
        except (EOFError, OSError, StoreError) as e:
            return self._failed(w, e)
        return self._run_slow(w)

    def _run_slow(self, w: _Worker) -> Answer:
        """``w``'s query turned slow: it finishes aside, at low priority, or is stopped."""
        self._replace()
        if not self._slow.acquire(blocking=False):
            self.killed += 1
            self._discard(w)
            n = max(1, self.settings.workers)
            return _busy(
                f"{n} slow queries are running already, so this one was stopped after "
                f"{self.settings.slow_after:g} s; try again later, or add a LIMIT"
            )
        try:
            w.lower_priority()
            left = max(0.0, self.settings.timeout - self.settings.slow_after)
            if not w.conn.poll(left):
                self.killed += 1
                timeout = self.settings.timeout
                return _busy(f"query timed out after {timeout:g} s and was stopped; add a LIMIT?")
            result: Answer = w.conn.recv()
            return result
        except (EOFError, OSError) as e:
            return self._answer_of_dead(w, e)
        finally:
            self._discard(w)  # its priority cannot be raised again: a fresh one replaced it
            self._slow.release()

    def _failed(self, w: _Worker, error: BaseException) -> Answer:
        self._replace()
        answer = self._answer_of_dead(w, error)
        self._discard(w)
        return answer

    def _answer_of_dead(self, w: _Worker, error: BaseException) -> Answer:
        how = w.died()
        if how == f"was ended by {signal.SIGABRT.name}":
            # A failed allocation aborts Oxigraph: the worker's memory cap was reached.
            return _busy(out_of_memory(self.settings.limits))
        detail = f" ({type(error).__name__}: {error})" if str(error) else ""
        return text_answer(
            500, f"the query worker {how} while answering this query{detail}; try again"
        )


def _busy(message: str) -> Answer:
    answer = text_answer(503, message)
    return Answer(answer.status, answer.media_type, answer.body, {"Retry-After": "1"})
