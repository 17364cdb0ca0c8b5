"""What a query worker process runs: open the store read-only, answer jobs until told to stop.

The store is a snapshot taken when it is opened; the worker opens it again when
a build has published a new state since (kg.publish.state), so a server keeps
answering while kg build runs and then sees the new graph. What one query may
use is capped (:class:`Limits`): rows, bytes of the answer, and the worker's memory.
"""

from __future__ import annotations

import io
import os
import resource
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from kg.errors import AnswerTooLarge, KGError, QueryError, StoreError
from kg.parallel import die_with_parent
from kg.publish.state import PublishedState, open_state, state_stamp
from kg.publish.store import Store
from kg.rdf import formats
from kg.serve.negotiate import choose, offered
from kg.sources.reading import human_size
from kg.sparql.limits import check_nesting
from kg.sparql.query import Result, kind_of, result_format, write_result
from kg.sparql.text import refuse_service

MB = 1024 * 1024


@dataclass(frozen=True)
class QueryJob:
    """One SPARQL Protocol request, as the endpoint received it."""

    query: str
    accept: str | None = None
    format: str | None = None  # the `format` / `output` request parameter, if any
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Answer:
    status: int
    media_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


def text_answer(status: int, message: str) -> Answer:
    return Answer(status, formats.PLAIN_TEXT_UTF8, (message + "\n").encode("utf-8"))


class Snapshot:
    """The published state of ``data``, opened again whenever a build has published a new one
    (kg.publish.state: the pointer names it; its store and manifest are read together)."""

    def __init__(self, data: Path) -> None:
        self.data = data
        self.stamp: str | None = None
        self.state: PublishedState | None = None

    def current_state(self) -> PublishedState:
        """The newest state that opens; the one before while a build switches states."""
        stamp = state_stamp(self.data)
        if self.state is None or stamp != self.stamp:
            try:
                self.state = open_state(self.data)
            except StoreError:
                if self.state is None:
                    raise
                return self.state  # try again at the next query
            self.stamp = stamp
        return self.state

    def current(self) -> Store:
        return self.current_state().store


@dataclass(frozen=True)
class Limits:
    """What one query may use in a worker."""

    max_rows: int | None = 10_000  # solutions or triples per answer (cut, KG-Truncated)
    max_bytes: int | None = 50 * MB  # bytes of one answer (refused past it, 503)
    memory: int | None = 1024 * MB  # the worker's data memory (RLIMIT_DATA), None: no cap
    allow_service: bool = False


def answer(snapshot: Snapshot, job: QueryJob, limits: Limits) -> Answer:
    """The HTTP answer to one query (never raises for a bad query or a missing store)."""
    try:
        check_nesting(job.query)
        refuse_service(job.query, limits.allow_service)
        store = snapshot.current()
        raw = store.query(
            job.query,
            default_graphs=job.default_graphs,
            named_graphs=job.named_graphs or None,
        )
        kind = kind_of(raw)
        name = choose(kind, job.accept, job.format)
        if name is None:
            return text_answer(
                406, "Not Acceptable: this result is offered as " + ", ".join(offered(kind))
            )
        buf = io.BytesIO()
        written = write_result(
            Result(kind, raw), buf, fmt=name, max_rows=limits.max_rows, max_bytes=limits.max_bytes
        )
    except QueryError as e:
        return text_answer(400, str(e))
    except StoreError as e:
        return text_answer(503, str(e))
    except AnswerTooLarge:
        return text_answer(503, too_large(limits))
    except MemoryError:
        return text_answer(503, out_of_memory(limits))
    except Exception as e:  # noqa: BLE001 - the client gets the reason, the worker lives on
        return text_answer(500, f"the query failed: {type(e).__name__}: {e}")
    headers = {"KG-Truncated": str(limits.max_rows)} if written.truncated else {}
    return Answer(200, result_format(kind, name).content_type, buf.getvalue(), headers)


def too_large(limits: Limits) -> str:
    cap = _size(limits.max_bytes)
    return f"the answer is over {cap} (--max-bytes) and was not sent; add a LIMIT, or select less"


def out_of_memory(limits: Limits) -> str:
    cap = _size(limits.memory)
    return (
        f"the query needed more than the {cap} of memory a query may use (--max-memory) "
        "and was stopped; add a LIMIT, or make it more selective"
    )


def _size(n: int | None) -> str:
    return "no limit" if n is None else human_size(n)


def main(conn: Connection, data: str, limits: Limits, parent: int) -> None:
    """Worker process entry point: report ready, then answer jobs until the pipe closes.

    The memory cap is set first: past it, an allocation fails and the worker dies
    (Oxigraph aborts) or raises MemoryError, never the machine. The worker exits
    when the server process is gone, even in the middle of a query.
    """
    die_with_parent(parent)
    if limits.memory is not None:
        resource.setrlimit(resource.RLIMIT_DATA, (limits.memory, limits.memory))
    snapshot = Snapshot(Path(data))
    try:
        snapshot.current()
        conn.send(("ready", os.getpid()))
    except KGError as e:
        conn.send(("failed", str(e)))
        return
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(answer(snapshot, job, limits))
