"""rdflib terms ↔ pyoxigraph terms. rdflib for small graphs, Oxigraph for everything big."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.rdf.jsonld import Triple

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@lru_cache(maxsize=4096)
def _named(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def term(
    node: Node | ox.NamedNode | ox.BlankNode | ox.Literal,
) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The pyoxigraph term of an rdflib term (pyoxigraph terms pass through)."""
    if isinstance(node, ox.NamedNode | ox.BlankNode | ox.Literal):
        return node
    if isinstance(node, URIRef):
        return _named(str(node)) if len(node) < 200 else ox.NamedNode(str(node))
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    if isinstance(node, Literal):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        if node.datatype is not None:
            return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
        return ox.Literal(str(node))
    raise TypeError(f"not an RDF term: {node!r}")


def triples(graph: Graph) -> list[Triple]:
    """The graph's triples as pyoxigraph terms, sorted (stable bytes for any serialiser)."""
    out = [(term(s), term(p), term(o)) for s, p, o in graph]
    out.sort(key=lambda t: (t[0].value, t[1].value, str(t[2])))
    return out  # type: ignore[return-value]


def quads(items: Iterable[Triple], graph_iri: str) -> Iterator[ox.Quad]:
    g = ox.NamedNode(graph_iri)
    for s, p, o in items:
        yield ox.Quad(s, p, o, g)


def to_rdflib(node: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    if isinstance(node, ox.NamedNode):
        return URIRef(node.value)
    if isinstance(node, ox.BlankNode):
        return BNode(node.value)
    if node.language:
        return Literal(node.value, lang=node.language)
    if node.datatype.value == _XSD_STRING:
        return Literal(node.value)  # RDF 1.1: a plain literal is an xsd:string
    # normalize=False: keep the exact lexical form (rdflib would rewrite "Z" as "+00:00").
    return Literal(node.value, datatype=URIRef(node.datatype.value), normalize=False)


def graph_from(items: Iterable[Triple | ox.Triple], store: str = "default") -> Graph:
    g = Graph(store=store)
    for t in items:
        s, p, o = (t.subject, t.predicate, t.object) if isinstance(t, ox.Triple) else t
        g.add((to_rdflib(s), to_rdflib(p), to_rdflib(o)))  # type: ignore[arg-type]
    return g
