"""Queries run in worker processes, so a runaway query can really be stopped.

Oxigraph evaluates a query in native code that a Python thread cannot
interrupt, so each query goes to a worker process holding its own read-only
snapshot of the store; when the answer is late the worker is killed and a new
one takes its place. Workers are started ahead of time ("spawn", never a fork
of a process that has the store open).
"""

from __future__ import annotations

import multiprocessing as mp
import queue
import threading
from dataclasses import dataclass
from multiprocessing.process import BaseProcess
from pathlib import Path

from kg.errors import StoreError
from kg.serve import worker
from kg.serve.worker import Answer, QueryJob, text_answer

STARTUP_TIMEOUT = 60.0  # seconds a new worker may take to import kg and open the store


@dataclass(frozen=True)
class PoolSettings:
    data: Path
    workers: int = 2
    timeout: float = 10.0  # seconds a query may run
    max_rows: int | None = 10_000  # solutions or triples per answer; None: no cap
    allow_service: bool = False


class _Worker:
    def __init__(self, settings: PoolSettings) -> None:
        ctx = mp.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.process: BaseProcess = ctx.Process(
            target=worker.main,
            args=(child, str(settings.data), settings.max_rows, settings.allow_service),
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

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class QueryPool:
    """A fixed number of query workers; ``run`` is blocking and thread-safe."""

    def __init__(self, settings: PoolSettings) -> None:
        self.settings = settings
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self.killed = 0  # workers killed for running too long

    def start(self) -> None:
        """Start the workers and wait until each has opened the store (StoreError if not)."""
        workers = [self._spawn() for _ in range(max(1, self.settings.workers))]
        for w in workers:
            w.wait_ready()
            self._idle.put(w)

    def close(self) -> None:
        with self._lock:
            for w in list(self._all):
                w.kill()
            self._all.clear()

    def _spawn(self) -> _Worker:
        w = _Worker(self.settings)
        with self._lock:
            self._all.add(w)
        return w

    def _retire(self, w: _Worker) -> None:
        w.kill()
        with self._lock:
            self._all.discard(w)
        self._idle.put(self._spawn())

    def run(self, job: QueryJob) -> Answer:
        """The answer to ``job``; 503 when it runs past the timeout or no worker frees up."""
        timeout = self.settings.timeout
        try:
            w = self._idle.get(timeout=timeout)
        except queue.Empty:
            return text_answer(503, f"busy: no query worker was free within {timeout:g} s")
        try:
            w.wait_ready()
            w.conn.send(job)
            if not w.conn.poll(timeout):
                self.killed += 1
                self._retire(w)
                return text_answer(
                    503, f"query timed out after {timeout:g} s and was stopped; add a LIMIT?"
                )
            result: Answer = w.conn.recv()
        except (EOFError, OSError, StoreError) as e:
            self._retire(w)
            return text_answer(500, f"the query worker failed: {e}")
        self._idle.put(w)
        return result
