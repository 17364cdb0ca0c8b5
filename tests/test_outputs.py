"""Outputs: files agree with the store, builds are deterministic, rebuilds reuse the cache."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
from conftest import SEEDS
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.build import BuildOptions, build
from kg.publish.store import Store


def terms(path: Path) -> dict[str, set[str]]:
    """Triples of each graph in a file as exact N-Triples strings (no literal normalising)."""
    fmt = {".ttl": ox.RdfFormat.TURTLE, ".nq": ox.RdfFormat.N_QUADS}[path.suffix]
    graphs: dict[str, set[str]] = {}
    for q in ox.parse(path=str(path), format=fmt):
        name = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else ""
        graphs.setdefault(name, set()).add(str(q.triple))
    return graphs


def test_article_files_equal_their_store_graphs_term_for_term(seeds_out: Path) -> None:
    store_graphs = terms(seeds_out / "kg.nq")
    assert len(store_graphs) == 2
    for iri, triples in store_graphs.items():
        name = iri.rsplit("/", 1)[-1]
        assert terms(seeds_out / "articles" / f"{name}.ttl")[""] == triples, name


def test_turtle_is_the_union_of_the_article_graphs(seeds_out: Path) -> None:
    union = Graph()
    for path in (seeds_out / "articles").glob("*.ttl"):
        union.parse(path, format="turtle")
    assert isomorphic(union, Graph().parse(seeds_out / "kg.ttl", format="turtle"))


def test_store_has_one_named_graph_per_article(seeds_out: Path) -> None:
    store = Store.open_existing(seeds_out / "store")
    graphs = store.graphs()
    assert len(graphs) == 2 and all("/graph/article/" in g for g in graphs)


def test_same_input_same_bytes_and_cached_rebuild(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(SEEDS, src)
    first = build(BuildOptions(sources=(str(src),), out=tmp_path / "a"))
    second = build(BuildOptions(sources=(str(src),), out=tmp_path / "b", cache=False))
    assert first.reused == second.reused == 0
    names = ["kg.ttl", "kg.jsonld", "kg.nq", "manifest.json", "report.jsonl"]
    names += [f"articles/{p.name}" for p in (tmp_path / "a" / "articles").iterdir()]
    before = {n: (tmp_path / "a" / n).read_bytes() for n in names}
    for n in names:
        assert before[n] == (tmp_path / "b" / n).read_bytes(), n
    again = build(BuildOptions(sources=(str(src),), out=tmp_path / "a"))
    assert again.reused == 2
    for n in names:
        assert before[n] == (tmp_path / "a" / n).read_bytes(), n


def test_removed_source_leaves_the_output(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(SEEDS, src)
    out = tmp_path / "out"
    build(BuildOptions(sources=(str(src),), out=out))
    (src / "004_aa04e5d0ab04c999.txt").unlink()
    result = build(BuildOptions(sources=(str(src),), out=out))
    assert len(result.published) == 1
    assert len(Store.open_existing(out / "store").graphs()) == 1
    assert len(list((out / "articles").glob("*.ttl"))) == 1
    assert "Kim in Russia for talks" not in (out / "kg.ttl").read_text()
