"""The store wrapper: the union default graph is a set and follows every graph change."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.errors import StoreError
from kg.publish.store import Store
from kg.rdf import convert, formats

P = ox.NamedNode("http://example.org/p")
A = ox.NamedNode("http://example.org/a")
G1, G2 = "http://example.org/graph/1", "http://example.org/graph/2"


def lit(value: str) -> ox.Literal:
    return ox.Literal(value)


def union(store: Store) -> set[str]:
    return {t.object.value for t in store.union_triples()}


def count(store: Store, query: str) -> int:
    raw = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {query} }}")
    return int(next(iter(raw))["n"].value)  # type: ignore[call-overload, index]


def test_shared_triple_counts_once_in_the_union(tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    store.bulk_add(convert.quads([(A, P, lit("x")), (A, P, lit("y"))], G1))
    store.bulk_add(convert.quads([(A, P, lit("x"))], G2))
    assert count(store, "?s ?p ?o") == 2  # Oxigraph's own union mode would say 3
    assert count(store, "?s ?p ?o . ?s ?p2 ?o2") == 4  # and 5 here
    assert count(store, "GRAPH ?g { ?s ?p ?o }") == 3
    assert store.count() == 2


def test_replace_and_remove_keep_the_union_exact(tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    store.bulk_add(convert.quads([(A, P, lit("x")), (A, P, lit("y"))], G1))
    store.bulk_add(convert.quads([(A, P, lit("x"))], G2))
    store.replace_graph(G1, [(A, P, lit("z"))])
    assert union(store) == {"x", "z"}  # x stays: graph 2 still has it
    assert {t.object.value for t in store.graph_triples(G1)} == {"z"}
    store.remove_graph(G2)
    assert union(store) == {"z"}
    assert store.graphs() == [G1]
    store.replace_graph(G2, [(A, P, lit("z"))])
    store.remove_graph(G1)
    assert union(store) == {"z"}


def test_export_nquads_has_only_the_article_graphs(tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    store.bulk_add(convert.quads([(A, P, lit("x"))], G1))
    store.bulk_add(convert.quads([(A, P, lit("x"))], G2))
    out = io.BytesIO()
    store.export(formats.get("nquads"), out)
    quads = list(ox.parse(out.getvalue(), format=ox.RdfFormat.N_QUADS))
    assert sorted(q.graph_name.value for q in quads) == [G1, G2]  # type: ignore[union-attr]


def test_store_written_before_the_union_is_recognised(tmp_path: Path) -> None:
    raw = ox.Store(str(tmp_path / "store"))
    raw.add(ox.Quad(A, P, lit("x"), ox.NamedNode(G1)))
    del raw
    assert not Store(tmp_path / "store").has_union()
    fresh = Store(tmp_path / "fresh")
    assert fresh.has_union()  # empty
    fresh.bulk_add(convert.quads([(A, P, lit("x"))], G1))
    assert fresh.has_union()


def test_missing_store_says_how_to_build_one(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"run `kg build SOURCES --out .*` first"):
        Store.open_existing(tmp_path / "store")


def test_seeds_store_union_is_kg_ttl(seeds_out: Path, seeds_graph: Graph) -> None:
    store = Store.open_existing(seeds_out / "store")
    ttl = ox.parse(path=str(seeds_out / "kg.ttl"), format=ox.RdfFormat.TURTLE)
    # both sides through convert: rdflib's own Turtle parser rewrites "…Z" as "…+00:00"
    assert isomorphic(
        convert.graph_from(store.union_triples()), convert.graph_from(q.triple for q in ttl)
    )
    dataset = Dataset()
    dataset.parse(seeds_out / "kg.nq", format="nquads")
    named = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert named == set(store.graphs())
    assert store.count() == len(seeds_graph)


def test_build_reloads_a_store_without_the_union(seeds_out: Path, tmp_path: Path) -> None:
    from conftest import SEEDS

    from kg.build import BuildOptions, build

    out = tmp_path / "out"
    shutil.copytree(seeds_out, out)
    seeds = Store.open_existing(seeds_out / "store")
    shutil.rmtree(out / "store")
    old = ox.Store(str(out / "store"))  # the layout before the union: named graphs only
    old.extend(seeds.quads())
    old.flush()
    del old
    assert not Store(out / "store").has_union()
    result = build(BuildOptions(sources=(str(SEEDS),), out=out))
    assert result.reused == 2  # nothing extracted again, only the store reloaded
    store = Store.open_existing(out / "store")
    assert store.has_union() and store.count() == seeds.count()
    assert sorted(map(str, store.quads())) == sorted(map(str, seeds.quads()))
