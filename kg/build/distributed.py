"""Extraction on a Dask distributed cluster: ``kg build --scheduler ADDRESS``.

Needs the optional extra: ``pip install 'kg[dask]'``, and kg with its spaCy
model installed on every worker. The cluster runs exactly the function local
workers run (kg.extract.workers.extract_chunk), one chunk of documents per task;
the results come back in the order of the documents, so the build that gathers
them writes the same bytes as a local one. Start the workers with one thread
each (``dask worker ADDRESS --nthreads 1 --nworkers N``): spaCy pipelines are
not shared between threads, and one process per core is what runs in parallel.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable
from typing import Any, TypeVar

from kg.errors import ConfigError, WorkerError
from kg.parallel import AHEAD, in_order

S = TypeVar("S")
T = TypeVar("T")
R = TypeVar("R")
CONNECT_TIMEOUT = "20s"


def cluster_map(
    address: str, fn: Callable[[S, T], R], shared: S, items: Iterable[T]
) -> Generator[R, None, None]:
    """``fn(shared, item)`` for each item on the cluster at ``address``, results in order."""
    try:
        from distributed import Client
    except ImportError as e:
        raise ConfigError("--scheduler needs Dask: pip install 'kg[dask]'") from e
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as e:
        raise WorkerError(f"cannot reach the Dask scheduler at {address}: {e}") from e
    with client:
        slots = sum(client.nthreads().values())
        if slots == 0:
            raise WorkerError(f"the Dask cluster at {address} has no workers")

        def submit(item: T) -> Any:
            return client.submit(fn, shared, item, pure=False)

        yield from in_order(submit, items, window=slots * AHEAD)
