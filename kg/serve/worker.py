"""What a query worker process runs: open the store read-only, answer jobs until told to stop.

The store is a snapshot taken when it is opened; the worker opens it again when
a build has finished since (manifest.json, written last, has changed), so a
server keeps answering while kg build runs and then sees the new graph.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from kg.errors import KGError, QueryError, StoreError
from kg.publish.manifest import FILENAME
from kg.publish.store import Store
from kg.rdf import formats
from kg.serve.negotiate import choose, offered
from kg.sparql.query import Result, kind_of, result_format, write_result
from kg.sparql.text import refuse_service


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
    """The store of ``data``, opened again whenever a build has finished since."""

    def __init__(self, data: Path) -> None:
        self.data = data
        self.stamp: tuple[int, int] | None = None
        self.store: Store | None = None

    def _stamp(self) -> tuple[int, int]:
        try:
            return (
                (self.data / "store").stat().st_ino,
                (self.data / FILENAME).stat().st_mtime_ns,
            )
        except OSError:
            return (0, 0)

    def current(self) -> Store:
        """The newest store that opens; the previous snapshot while a build swaps folders."""
        stamp = self._stamp()
        if self.store is None or stamp != self.stamp:
            try:
                self.store = Store.open_existing(self.data / "store", read_only=True)
            except StoreError:
                if self.store is None:
                    raise
                return self.store  # try again at the next query
            self.stamp = stamp
        return self.store


def answer(snapshot: Snapshot, job: QueryJob, max_rows: int | None, allow_service: bool) -> Answer:
    """The HTTP answer to one query (never raises for a bad query or a missing store)."""
    try:
        refuse_service(job.query, allow_service)
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
        written = write_result(Result(kind, raw), buf, fmt=name, max_rows=max_rows)
    except QueryError as e:
        return text_answer(400, str(e))
    except StoreError as e:
        return text_answer(503, str(e))
    except KGError as e:
        return text_answer(500, str(e))
    headers = {"KG-Truncated": str(max_rows)} if written.truncated else {}
    return Answer(200, result_format(kind, name).content_type, buf.getvalue(), headers)


def main(conn: Connection, data: str, max_rows: int | None, allow_service: bool) -> None:
    """Worker process entry point: report ready, then answer jobs until the pipe closes."""
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
        conn.send(answer(snapshot, job, max_rows, allow_service))
