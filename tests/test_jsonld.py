"""kg's JSON-LD: the offline context is the official one, and the JSON-LD is the Turtle's graph."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import SCHEMAORG
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.rdf import jsonld

OFFICIAL = json.loads((SCHEMAORG / "schemaorgcontext.jsonld").read_text())["@context"]


def expand_with_official(doc: dict) -> Graph:
    """Parse kg's JSON-LD with the official schema.org context in place of kg's inline copy
    (or of the URL), and kg's own prefixes."""

    def swap(ctx):
        if isinstance(ctx, list):
            return [swap(c) for c in ctx]
        if ctx == jsonld.inline_context():
            return [OFFICIAL, jsonld.EXTRA_PREFIXES]
        return OFFICIAL if ctx == "https://schema.org" else ctx

    data = dict(doc, **{"@context": swap(doc["@context"])})
    return Graph().parse(data=json.dumps(data), format="json-ld")


def assert_same(a: Graph, b: Graph) -> None:
    if not isomorphic(a, b):
        _, only_a, only_b = graph_diff(to_isomorphic(a), to_isomorphic(b))
        raise AssertionError(
            f"only in first:\n{only_a.serialize()}\nonly in second:\n{only_b.serialize()}"
        )


def test_offline_context_matches_the_official_context() -> None:
    ours = jsonld.schema_context()
    assert ours["@vocab"] == OFFICIAL["@vocab"] == "http://schema.org/"
    for term, definition in ours.items():
        assert OFFICIAL[term] == definition, term


@pytest.mark.parametrize("name", ["kg.jsonld", "articles"])
def test_jsonld_expands_to_the_turtle(seeds_out: Path, name: str) -> None:
    if name == "kg.jsonld":
        pairs = [(seeds_out / "kg.jsonld", seeds_out / "kg.ttl")]
    else:
        pairs = [
            (p, p.with_suffix(".ttl")) for p in sorted((seeds_out / "articles").glob("*.jsonld"))
        ]
    assert pairs
    for doc_path, ttl_path in pairs:
        doc = json.loads(doc_path.read_text())
        assert doc["@context"] == jsonld.inline_context()  # nothing to fetch
        turtle = Graph().parse(ttl_path, format="turtle")
        assert_same(expand_with_official(doc), turtle)
        # Read as it is, by a processor that may not fetch anything: the same graph.
        assert_same(Graph().parse(doc_path, format="json-ld"), turtle)


def test_offline_reader_gives_the_same_graph(seeds_out: Path) -> None:
    graph = jsonld.parse((seeds_out / "kg.jsonld").read_text())
    assert_same(graph, Graph().parse(seeds_out / "kg.ttl", format="turtle"))


def test_dates_are_xsd_dates_not_schema_dates(seeds_out: Path) -> None:
    text = (seeds_out / "kg.jsonld").read_text()
    assert '"datePublished": {\n' in text or '"datePublished": {' in text
    assert '"@type": "xsd:date"' in text


LITERALS = st.one_of(
    st.builds(lambda s: ox.Literal(s), st.text(max_size=30)),
    st.builds(lambda s: ox.Literal(s, language="en"), st.text(max_size=10)),
    st.builds(
        lambda n: ox.Literal(
            str(n), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
        ),
        st.integers(-(10**12), 10**12),
    ),  # fmt: skip
    st.builds(
        lambda d: ox.Literal(
            d.isoformat(), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
        ),
        st.dates(),
    ),  # fmt: skip
)
PREDICATES = st.sampled_from(
    [
        "http://schema.org/name",
        "http://schema.org/url",
        "http://schema.org/datePublished",
        "http://schema.org/mentions",
        "http://www.w3.org/ns/prov#wasDerivedFrom",
        "https://w3id.org/kg-news/vocab#path",
        "http://schema.org/sameAs",
    ]  # fmt: skip
)
OBJECTS = st.one_of(
    LITERALS, st.builds(lambda n: ox.NamedNode(f"http://example.org/o/{n}"), st.integers(0, 5))
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), PREDICATES, OBJECTS), min_size=1, max_size=12))
def test_round_trip_any_triples(rows) -> None:
    """Any triples kg can write come back identical when expanded with the official context."""
    triples = [(ox.NamedNode(f"http://example.org/s/{s}"), ox.NamedNode(p), o) for s, p, o in rows]
    doc = json.loads(jsonld.dumps(triples))
    expected = Graph().parse(
        data=ox.serialize([ox.Triple(*t) for t in triples], format=ox.RdfFormat.N_TRIPLES).decode(),
        format="nt",
    )  # noqa: E501
    assert_same(expand_with_official(doc), expected)
