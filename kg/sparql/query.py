"""`kg query` as a library: run SPARQL on the store and write the results.

SELECT and ASK results are written in the standard SPARQL results formats (JSON,
XML, CSV, TSV) by Oxigraph itself, or as a plain text table for a terminal;
CONSTRUCT and DESCRIBE graphs in every RDF format of kg's registry (Turtle,
JSON-LD with its context inline, N-Triples, N-Quads, TriG, RDF/XML). A row cap,
when set, is applied while streaming: Oxigraph writes TSV until one row past the
cap, and only those rows are written out.
"""

from __future__ import annotations

import contextlib
import io
import itertools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Literal, cast

import pyoxigraph as ox

from kg.errors import AnswerTooLarge, QueryError
from kg.publish.state import PublishedState, open_state
from kg.publish.store import QueryResult, Store
from kg.rdf import formats
from kg.rdf.namespaces import PREFIXES
from kg.sparql.limits import check_nesting
from kg.sparql.text import Term, bind, refuse_service

Kind = Literal["solutions", "boolean", "graph"]
TABLE_CELL = 60  # widest cell of a table before it is cut with "…"


@dataclass(frozen=True)
class Result:
    """A query's answer: what kind it is and Oxigraph's (single-use) result."""

    kind: Kind
    raw: QueryResult


@dataclass(frozen=True)
class Written:
    rows: int | None  # solutions or triples written; None when not counted (no cap, boolean)
    truncated: bool  # True when max_rows cut the results


DEFAULT_FORMAT: dict[Kind, str] = {"solutions": "table", "boolean": "table", "graph": "turtle"}
ResultWriter = Callable[[Result, IO[bytes], int | None, int | None], Written]


def execute(
    store: Store,
    text: str,
    *,
    graph: str | None = None,
    values: Mapping[str, Term] | None = None,
    allow_service: bool = False,
) -> Result:
    """Run ``text`` on the union of the article graphs (or on the one named ``graph``).

    ``values`` bind variables for the whole WHERE group (see kg.sparql_text.bind).
    SERVICE is refused unless ``allow_service``.
    """
    check_nesting(text)
    refuse_service(text, allow_service)
    text = bind(text, values or {})
    if graph:  # one article: its graph is the default graph and the only named one
        raw = store.query(text, default_graphs=[graph], named_graphs=[graph])
    else:
        raw = store.query(text)
    return Result(kind_of(raw), raw)


def kind_of(raw: QueryResult) -> Kind:
    if isinstance(raw, ox.QuerySolutions):
        return "solutions"
    if isinstance(raw, ox.QueryBoolean):
        return "boolean"
    return "graph"


def _sparql_results(fmt: ox.QueryResultsFormat) -> ResultWriter:
    def write(
        result: Result, out: IO[bytes], max_rows: int | None, max_bytes: int | None
    ) -> Written:
        raw = result.raw
        if isinstance(raw, ox.QueryBoolean):
            raw.serialize(out, format=fmt)
            return Written(None, False)
        assert isinstance(raw, ox.QuerySolutions)
        if max_rows is None:
            raw.serialize(out, format=fmt)
            return Written(None, False)
        capped, rows, truncated = _first_rows(raw, max_rows, max_bytes)
        capped.serialize(out, format=fmt)
        return Written(rows, truncated)

    return write


class _Enough(Exception):
    pass


class _Lines(io.RawIOBase):
    """Collects TSV and stops Oxigraph (by raising) once it has ``limit`` lines, or more
    than ``max_bytes`` bytes (AnswerTooLarge)."""

    def __init__(self, limit: int, max_bytes: int | None) -> None:
        self.limit = limit
        self.max_bytes = max_bytes
        self.lines = 0
        self.size = 0
        self.chunks: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, b: bytes) -> int:  # type: ignore[override]
        self.size += len(b)
        if self.max_bytes is not None and self.size > self.max_bytes:
            raise AnswerTooLarge(self.max_bytes)
        self.chunks.append(bytes(b))
        self.lines += b.count(b"\n")
        if self.lines >= self.limit:
            raise _Enough
        return len(b)


class _Capped(io.RawIOBase):
    """``out`` with a byte budget: AnswerTooLarge once more than ``max_bytes`` pass."""

    def __init__(self, out: IO[bytes], max_bytes: int) -> None:
        self.out = out
        self.max_bytes = max_bytes
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, b: bytes) -> int:  # type: ignore[override]
        self.size += len(b)
        if self.size > self.max_bytes:
            raise AnswerTooLarge(self.max_bytes)
        self.out.write(b)
        return len(b)


def _first_rows(
    raw: ox.QuerySolutions, max_rows: int, max_bytes: int | None
) -> tuple[ox.QuerySolutions, int, bool]:
    """The first ``max_rows`` solutions (re-read from TSV), how many, and whether more existed."""
    sink = _Lines(max_rows + 2, max_bytes)  # header, max_rows rows, and one more for "more"
    with contextlib.suppress(_Enough):
        raw.serialize(cast(IO[bytes], sink), format=ox.QueryResultsFormat.TSV)
    lines = b"".join(sink.chunks).split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    rows = lines[1 : max_rows + 1]
    truncated = len(lines) > max_rows + 1
    tsv = b"\n".join([lines[0], *rows]) + b"\n"
    return ox.parse_query_results(tsv, format=ox.QueryResultsFormat.TSV), len(rows), truncated  # type: ignore[return-value]


def _graph(fmt: formats.Format) -> ResultWriter:
    write_triples = fmt.writer()

    def write(
        result: Result, out: IO[bytes], max_rows: int | None, max_bytes: int | None
    ) -> Written:
        assert isinstance(result.raw, ox.QueryTriples)
        triples = iter(result.raw)
        if max_rows is None:
            write_triples(triples, out)
            return Written(None, False)
        kept = list(itertools.islice(triples, max_rows + 1))
        write_triples(kept[:max_rows], out)
        return Written(min(len(kept), max_rows), len(kept) > max_rows)

    return write


def short(term: object) -> str:
    """A term for people to read: prefixed IRIs, literal values, '' when unbound."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, ns in PREFIXES.items():
            local = term.value[len(ns) :]
            if term.value.startswith(ns) and local.replace("-", "").replace("_", "").isalnum():
                return f"{prefix}:{local}"
        return f"<{term.value}>"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def _cell(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TABLE_CELL else text[: TABLE_CELL - 1] + "…"


def _table(result: Result, out: IO[bytes], max_rows: int | None, max_bytes: int | None) -> Written:
    raw = result.raw
    if isinstance(raw, ox.QueryBoolean):
        out.write(b"true\n" if bool(raw) else b"false\n")
        return Written(None, False)
    assert isinstance(raw, ox.QuerySolutions)
    names = [v.value for v in raw.variables]
    limit = None if max_rows is None else max_rows + 1
    rows = [[_cell(short(s[n])) for n in names] for s in itertools.islice(raw, limit)]
    truncated = max_rows is not None and len(rows) > max_rows
    rows = rows[:max_rows] if max_rows is not None else rows
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]
    lines = [
        "  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)).rstrip(),
        "  ".join("-" * w for w in widths),
        *("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows),
        f"({len(rows)} row{'s' if len(rows) != 1 else ''}{', cut' if truncated else ''})",
    ]
    out.write(("\n".join(lines) + "\n").encode("utf-8"))
    return Written(len(rows), truncated)


def result_formats(kind: Kind) -> list[formats.Format]:
    """The formats a result of ``kind`` can be written in (kg's preferred first)."""
    return formats.carrying(kind)


def result_format(kind: Kind, name: str | None) -> formats.Format:
    """The format ``name`` (or the default for ``kind``); QueryError when it cannot hold it."""
    fmt = formats.get(name or DEFAULT_FORMAT[kind])
    if kind not in fmt.carries:
        usable = ", ".join(f.name for f in result_formats(kind))
        what = "a graph" if kind == "graph" else "solutions"
        raise QueryError(f"this query returns {what}: use --format {usable}")
    return fmt


def _writer(fmt: formats.Format) -> ResultWriter:
    if fmt.results is not None:
        return _sparql_results(fmt.results)
    if fmt.write is not None:
        return _graph(fmt)
    if fmt.name == "table":
        return _table
    raise QueryError(f"kg cannot write query results as {fmt.name}")


def write_result(
    result: Result,
    out: IO[bytes],
    *,
    fmt: str | None = None,
    max_rows: int | None = None,
    max_bytes: int | None = None,
) -> Written:
    """Write ``result`` to ``out`` in format ``fmt`` (None: table, or Turtle for a graph).

    Past ``max_bytes`` bytes of the answer (or of the rows it is cut from), AnswerTooLarge.
    """
    target = out if max_bytes is None else cast(IO[bytes], _Capped(out, max_bytes))
    return _writer(result_format(result.kind, fmt))(result, target, max_rows, max_bytes)


def open_store(data: Path) -> Store:
    """The store of the build in ``data``, read-only (a build or a server may run meanwhile)."""
    return open_state(data).store


def resolve_graph(state: PublishedState, ref: str) -> str:
    """The graph IRI of an article given by id, IRI, graph IRI, url or file name."""
    found = state.manifest.find(ref)
    graph = str(found[1]["graph"]) if found else ref
    if graph not in state.store.graphs():
        raise QueryError(f"no article graph {ref!r} in {state.out}: see manifest.json for the ids")
    return graph
