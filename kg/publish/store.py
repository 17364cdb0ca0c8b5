"""The embedded SPARQL store: Oxigraph on disk, one named graph per article.

Each article is the named graph ``<base>graph/article/<id>``. The store's default
graph holds the union of the article graphs, kept in step with them, because
Oxigraph's own union mode (``use_default_graph_as_union``) is a bag, not a set:
a triple that two articles share would match twice, and a pattern of two such
triples four times, so counts and aggregates would be wrong. Queries therefore
run on the real default graph, which is a set, as SPARQL's default graph is.

Replacing an article's graph is one SPARQL Update request (one transaction):
the union loses the triples no other article has, the graph is dropped and
inserted again, so a reader or a crash never sees half an article. A first build
loads into a fresh folder and renames it into place, so a killed build leaves
the old store.
"""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.rdf.formats import Format
from kg.rdf.jsonld import Triple
from kg.rdf.namespaces import PREFIXES

DEFAULT = ox.DefaultGraph()
QueryResult = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples

# Drop from the union the triples of <g> that no other article graph has.
_UNION_MINUS = """DELETE {{ ?s ?p ?o }} WHERE {{
  GRAPH <{g}> {{ ?s ?p ?o }}
  FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != <{g}>) }}
}} ;
DROP SILENT GRAPH <{g}>"""


class Store:
    """An Oxigraph store at ``path`` (or in memory when ``path`` is None).

    A read-only store is a snapshot of the store as it was when opened; a build
    may write the store meanwhile (open again to see its result).
    """

    def __init__(self, path: Path | None = None, read_only: bool = False) -> None:
        self.path = path
        try:
            if path is None:
                self._store = ox.Store()
            elif read_only:
                self._store = ox.Store.read_only(str(path))
            else:
                self._store = ox.Store(str(path))
        except OSError as e:
            raise StoreError(f"cannot open the store at {path}: {e}") from e

    @classmethod
    def open_existing(cls, path: Path, read_only: bool = True) -> Store:
        """The store kg build wrote at ``path``; a clear error when there is none."""
        if not path.is_dir() or not any(path.iterdir()):
            raise StoreError(
                f"no kg store at {path}: run `kg build SOURCES --out {path.parent}` first"
            )
        return cls(path, read_only=read_only)

    @property
    def oxigraph(self) -> ox.Store:
        return self._store

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def graph_triples(self, graph_iri: str) -> Iterator[ox.Triple]:
        """The triples of one named graph."""
        for q in self._store.quads_for_pattern(None, None, None, ox.NamedNode(graph_iri)):
            yield q.triple

    def replace_graph(self, graph_iri: str, triples: Iterable[Triple]) -> None:
        """Replace one named graph (and its share of the union) in a single transaction."""
        body = ox.serialize((ox.Triple(*t) for t in triples), format=ox.RdfFormat.N_TRIPLES)
        data = (body or b"").decode("utf-8")
        self._store.update(
            _UNION_MINUS.format(g=graph_iri)
            + f" ;\nINSERT DATA {{\n{data}GRAPH <{graph_iri}> {{\n{data}}}\n}}"
        )

    def remove_graph(self, graph_iri: str) -> None:
        self._store.update(_UNION_MINUS.format(g=graph_iri))

    def bulk_add(self, quads: Iterable[ox.Quad]) -> None:
        """Load article quads into a fresh store (not transactional), union included."""

        def with_union() -> Iterator[ox.Quad]:
            for q in quads:
                yield q
                yield ox.Quad(q.subject, q.predicate, q.object, DEFAULT)

        self._store.bulk_extend(with_union())

    def has_union(self) -> bool:
        """False for a store written before the union was kept in the default graph."""
        empty = next(iter(self._store.quads_for_pattern(None, None, None, DEFAULT)), None) is None
        return not empty or not self.graphs()

    def query(
        self,
        text: str,
        *,
        default_graphs: Iterable[str] = (),
        named_graphs: Iterable[str] | None = None,
    ) -> QueryResult:
        """Run a SPARQL query, kg's prefixes predeclared.

        The default graph is the union of the articles, or the merge of
        ``default_graphs`` when given; ``named_graphs`` limits what GRAPH sees.
        """
        defaults: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] = [
            ox.NamedNode(g) for g in default_graphs
        ]
        named: list[ox.NamedNode | ox.BlankNode] | None = None
        if named_graphs is not None:
            named = [ox.NamedNode(g) for g in named_graphs]
        try:
            return self._store.query(
                text, prefixes=PREFIXES, default_graph=defaults or None, named_graphs=named
            )
        except SyntaxError as e:
            raise QueryError.from_syntax(str(e)) from e
        except ValueError as e:
            raise QueryError(f"query refused: {e}") from e
        except OSError as e:
            raise StoreError(f"query failed: {e}") from e

    def union_triples(self) -> Iterator[ox.Triple]:
        """Every distinct triple of all article graphs, grouped by subject."""
        for q in self._store.quads_for_pattern(None, None, None, DEFAULT):
            yield q.triple

    def quads(self) -> Iterator[ox.Quad]:
        """The quads of the article graphs (not the union kept in the default graph)."""
        for q in self._store.quads_for_pattern(None, None, None, None):
            if not isinstance(q.graph_name, ox.DefaultGraph):
                yield q

    def export(self, fmt: Format, out: IO[bytes]) -> None:
        """Write the store: datasets with their named graphs, other formats the union.

        Oxigraph writes its own formats straight from the store; N-Quads graph by
        graph (sorted), so the union kept in the default graph is left out.
        """
        prefixes = PREFIXES if fmt.prefixes else None
        if fmt.native is ox.RdfFormat.N_QUADS:
            for graph in self.graphs():
                self._dump_graph_as_quads(graph, out)
        elif fmt.native is not None and not fmt.dataset:
            self._store.dump(out, fmt.native, from_graph=DEFAULT, prefixes=prefixes)
        elif fmt.dataset:
            fmt.writer()(self.quads(), out)
        else:
            fmt.writer()(self.union_triples(), out)

    def _dump_graph_as_quads(self, graph: str, out: IO[bytes]) -> None:
        buf = io.BytesIO()
        self._store.dump(buf, ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph))
        # N-Triples escapes line breaks in literals, so " .\n" ends every line and only there.
        out.write(buf.getvalue().replace(b" .\n", f" {ox.NamedNode(graph)} .\n".encode()))

    def load_nquads(self, data: IO[bytes]) -> None:
        """Bulk-load N-Quads into a fresh store (not transactional). The union is not
        derived: ``data`` carries every triple in the default graph too (kg.graphs does)."""
        self._store.bulk_load(data, ox.RdfFormat.N_QUADS)

    def count(self) -> int:
        """The number of distinct triples in the union of the article graphs."""
        raw = self._store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        assert isinstance(raw, ox.QuerySolutions)
        return int(next(iter(raw))[0].value)

    def flush(self) -> None:
        self._store.flush()

    def optimize(self) -> None:
        """Compact the store's files. Each bulk load adds files that span the whole key
        range, so without this every read merges one file per load: reads (exports,
        queries) would slow down as the corpus grows."""
        self._store.optimize()


def swap_in(new: Path, target: Path) -> None:
    """Move a freshly built store folder to ``target``, replacing any old one.

    The old folder is renamed aside first, so ``target`` always holds a complete
    store except for the instant between two renames.
    """
    old = target.with_name(target.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)


def recover(target: Path) -> None:
    """After a crash between the two renames of swap_in, put the old store back."""
    old = target.with_name(target.name + ".old")
    if old.exists() and not target.exists():
        os.replace(old, target)
