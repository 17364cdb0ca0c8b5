"""Standard SPARQL clients against a real `kg serve`, each with its own defaults.

SPARQLWrapper, left as it is, asks for SPARQL results XML (SELECT, ASK) and for
RDF/XML (CONSTRUCT, DESCRIBE); rdflib's SPARQLStore asks for results XML or RDF/XML
in one Accept header. The JSON-LD answer must be readable by a client that fetches
nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from conftest import select
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from servers import free_port, kg_serve, running
from SPARQLWrapper import SPARQLWrapper

from kg.rdf import formats

PREFIX = "PREFIX schema: <http://schema.org/>\n"
PEOPLE = PREFIX + "SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n }"
ASK = PREFIX + "ASK { ?p a schema:Person }"
NAMES = PREFIX + "CONSTRUCT { ?p schema:name ?n } WHERE { ?p a schema:Person ; schema:name ?n }"
PUTIN = "http://localhost:8000/person/vladimir-putin"


@pytest.fixture(scope="module")
def endpoint(seeds_out: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}/sparql"
    log = tmp_path_factory.mktemp("clients") / "serve.log"
    with running(kg_serve(seeds_out, port), url, log):
        yield url


def wrapper(url: str, query: str) -> SPARQLWrapper:
    client = SPARQLWrapper(url)  # every default left alone: GET, XML
    client.setQuery(query)
    return client


def test_sparqlwrapper_defaults_select_and_ask(endpoint: str, seeds_graph: Graph) -> None:
    people = {n for (n,) in select(seeds_graph, PEOPLE)}
    assert "Vladimir Putin" in people
    doc = wrapper(endpoint, PEOPLE).queryAndConvert()  # an xml.dom Document
    found = {
        node.firstChild.data  # type: ignore[union-attr]
        for node in doc.getElementsByTagName("literal")  # type: ignore[union-attr]
    }
    assert found == people
    answer = wrapper(endpoint, ASK).queryAndConvert()
    assert answer.getElementsByTagName("boolean")[0].firstChild.data == "true"  # type: ignore[union-attr]


def test_sparqlwrapper_defaults_construct_and_describe(endpoint: str, seeds_graph: Graph) -> None:
    expected = seeds_graph.query(NAMES).graph  # type: ignore[union-attr]
    response = wrapper(endpoint, NAMES).query()
    assert response.response.headers["Content-Type"].startswith("application/rdf+xml")
    graph = response.convert()
    assert isinstance(graph, Graph) and len(graph) == len(expected) > 5
    assert isomorphic(graph, expected)
    described = wrapper(endpoint, f"DESCRIBE <{PUTIN}>").queryAndConvert()
    assert isinstance(described, Graph)
    own = {(p, o) for _, p, o in seeds_graph.triples((URIRef(PUTIN), None, None))}
    assert own and own <= {(p, o) for _, p, o in described.triples((URIRef(PUTIN), None, None))}


def test_rdflib_sparqlstore_construct(endpoint: str, seeds_graph: Graph) -> None:
    store = SPARQLStore(endpoint)
    result = store.query(NAMES)
    expected = seeds_graph.query(NAMES).graph  # type: ignore[union-attr]
    assert result.graph is not None and isomorphic(result.graph, expected)
    rows = {str(n) for (n,) in store.query(PEOPLE)}  # type: ignore[misc]
    assert rows == {n for (n,) in select(seeds_graph, PEOPLE)}


def test_jsonld_answer_is_read_offline(endpoint: str, seeds_graph: Graph) -> None:
    """No remote @context: rdflib (which would try to fetch one) reads the answer as it is."""
    answer = httpx.get(endpoint, params={"query": NAMES}, headers={"Accept": "application/ld+json"})
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/ld+json")
    doc = answer.json()
    assert isinstance(doc["@context"], dict) and "https://schema.org" not in json.dumps(
        doc["@context"]
    )
    graph = Graph().parse(data=answer.text, format="json-ld")
    assert isomorphic(graph, seeds_graph.query(NAMES).graph)  # type: ignore[union-attr,arg-type]


@pytest.mark.parametrize("fmt", formats.carrying("graph"), ids=lambda f: f.name)
def test_construct_in_every_rdf_format_over_http(
    endpoint: str, seeds_graph: Graph, fmt: formats.Format
) -> None:
    parsers = {"jsonld": "json-ld", "rdfxml": "xml"}
    answer = httpx.get(endpoint, params={"query": NAMES}, headers={"Accept": fmt.media_type})
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].split(";")[0] == fmt.media_type
    graph = Graph().parse(data=answer.text, format=parsers.get(fmt.name, fmt.name))
    assert isomorphic(graph, seeds_graph.query(NAMES).graph)  # type: ignore[union-attr,arg-type]
