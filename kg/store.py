"""The embedded SPARQL store: Oxigraph on disk, one named graph per article.

Queries see the union of the article graphs as their default graph. Replacing
an article's graph is one transaction (a SPARQL Update of DROP + INSERT DATA),
so a reader or a crash never sees half an article. A first build loads into a
fresh folder and renames it into place, so a killed build leaves the old store.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from kg.errors import StoreError
from kg.rdf.formats import Format
from kg.rdf.jsonld import Triple

UNION_ALL = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"


class Store:
    """An Oxigraph store at ``path`` (or in memory when ``path`` is None)."""

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

    def replace_graph(self, graph_iri: str, triples: Iterable[Triple]) -> None:
        """Replace one named graph with ``triples`` in a single transaction."""
        body = ox.serialize((ox.Triple(*t) for t in triples), format=ox.RdfFormat.N_TRIPLES) or b""
        update = f"DROP SILENT GRAPH <{graph_iri}> ;\nINSERT DATA {{ GRAPH <{graph_iri}> {{\n"
        self._store.update(update + body.decode("utf-8") + "}}")

    def remove_graph(self, graph_iri: str) -> None:
        self._store.update(f"DROP SILENT GRAPH <{graph_iri}>")

    def bulk_add(self, quads: Iterable[ox.Quad]) -> None:
        self._store.bulk_extend(quads)

    def union_triples(self) -> Iterator[ox.Triple]:
        """Every distinct triple of all article graphs, grouped by subject."""
        result = self._store.query(UNION_ALL, use_default_graph_as_union=True)
        return iter(result)  # type: ignore[arg-type]

    def quads(self) -> Iterator[ox.Quad]:
        return iter(self._store.quads_for_pattern(None, None, None, None))

    def export(self, fmt: Format, out: IO[bytes]) -> None:
        """Write the store: datasets with their named graphs, other formats the union."""
        if fmt.dataset:
            fmt.write(self.quads(), out)
        else:
            fmt.write(self.union_triples(), out)

    def count(self) -> int:
        return len(self._store)

    def flush(self) -> None:
        self._store.flush()


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
