"""Running the same SPARQL text with kg (Oxigraph) and with rdflib, to compare answers."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset

from kg.publish.store import Store
from kg.rdf.namespaces import PREFIXES
from kg.sparql.query import execute
from kg.sparql.text import Term, bind

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "queries"
DATA = Path(__file__).resolve().parent / "data"

Row = tuple[str | None, ...]


def load_store(path: Path, trig: Path) -> Store:
    """A store at ``path`` holding the named graphs of a TriG file, as kg build writes them."""
    store = Store(path)
    store.bulk_add(q for q in ox.parse(path=str(trig), format=ox.RdfFormat.TRIG))
    store.flush()
    return store


def load_dataset(path: Path, fmt: str) -> Dataset:
    dataset = Dataset(default_union=True)
    dataset.parse(path, format=fmt)
    return dataset


def kg_rows(store: Store, text: str, values: Mapping[str, Term] | None = None) -> list[Row]:
    result = execute(store, text, values=values)
    assert isinstance(result.raw, ox.QuerySolutions)
    names = [v.value for v in result.raw.variables]
    return [tuple(None if s[n] is None else s[n].value for n in names) for s in result.raw]


def rdflib_rows(dataset: Dataset, text: str, values: Mapping[str, Term] | None = None) -> list[Row]:
    prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
    result = dataset.query(prologue + bind(text, values or {}))
    return [tuple(None if v is None else str(v) for v in row) for row in result]  # type: ignore[union-attr]


def query_file(name: str) -> str:
    return (QUERIES / name).read_text(encoding="utf-8")
