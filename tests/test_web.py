"""Dereferencing kg's IRIs: content negotiation, 404s and refused paths — as a library, and
through a real `kg serve` on 127.0.0.1."""

from __future__ import annotations

import http.client
import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import select
from ldcheck import Scripts, expand_rdflib, missing_from
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg.rdf import jsonld
from kg.rdf.namespaces import SCHEMA
from kg.web.describe import open_published
from kg.web.negotiation import LinkedData, negotiate

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"
PUTIN = "person/vladimir-putin"


@pytest.fixture(scope="module")
def site(seeds_out: Path) -> LinkedData:
    return LinkedData(open_published(seeds_out))


@pytest.mark.parametrize(
    ("accept", "name"),
    [
        (None, "html"),
        ("", "html"),
        ("*/*", "html"),
        (BROWSER, "html"),
        ("text/turtle", "turtle"),
        ("application/x-turtle", "turtle"),
        ("text/turtle;q=0.5, application/ld+json", "jsonld"),
        ("application/json", "jsonld"),
        ("application/n-triples", "nt"),
        ("text/*", "html"),
        ("text/*;q=0.5, text/turtle", "turtle"),
        ("*/*;q=0.1, text/turtle;q=0", "html"),
        ("text/turtle;q=0", None),
        ("image/png", None),
        ("text/turtle;q=abc, application/n-triples", "nt"),
    ],
)
def test_negotiate(accept: str | None, name: str | None) -> None:
    assert negotiate(accept) == name


def test_turtle_for_a_person(site: LinkedData, seeds_graph: Graph) -> None:
    answer = site.respond("GET", f"/{PUTIN}", "text/turtle")
    assert (answer.status, answer.media_type) == (200, "text/turtle")
    assert ("Vary", "Accept") in answer.headers
    assert ("Content-Location", "vladimir-putin.ttl") in answer.headers
    graph = Graph().parse(data=answer.body, format="turtle")
    iri = URIRef(f"http://localhost:8000/{PUTIN}")
    assert set(seeds_graph.triples((iri, None, None))) <= set(graph)
    assert missing_from(graph, seeds_graph) == []


@pytest.mark.parametrize("accept", ["application/ld+json", "application/n-triples"])
def test_other_rdf_representations_are_the_same_graph(
    site: LinkedData, accept: str, seeds_graph: Graph
) -> None:
    turtle = Graph().parse(
        data=site.respond("GET", f"/{PUTIN}", "text/turtle").body, format="turtle"
    )
    answer = site.respond("GET", f"/{PUTIN}", accept)
    assert (answer.status, answer.media_type) == (200, accept)
    if accept == "application/ld+json":
        graph = jsonld.parse(answer.body.decode("utf-8"))
    else:
        graph = Graph().parse(data=answer.body, format="nt")
    assert set(graph) == set(turtle)


def test_html_page_with_json_ld(site: LinkedData, seeds_graph: Graph) -> None:
    answer = site.respond("GET", f"/{PUTIN}", BROWSER)
    assert (answer.status, answer.media_type) == (200, "text/html")
    page = answer.body.decode("utf-8")
    assert "<h1>Vladimir Putin</h1>" in page
    (doc,) = Scripts(page).jsonld()
    assert missing_from(expand_rdflib(doc), seeds_graph) == []


@pytest.mark.parametrize(
    ("path", "media"),
    [
        (f"/{PUTIN}.ttl", "text/turtle"),
        (f"/{PUTIN}.jsonld", "application/ld+json"),
        (f"/{PUTIN}.nt", "application/n-triples"),
        (f"/{PUTIN}.html", "text/html"),
        ("/kg.ttl", "text/turtle"),
        ("/kg.nq", "application/n-quads"),
        ("/", "text/html"),
        ("/place/", "text/html"),
    ],
)
def test_named_representations_and_site_pages(site: LinkedData, path: str, media: str) -> None:
    answer = site.respond("GET", path, "image/png")  # a name beats the Accept header
    assert (answer.status, answer.media_type) == (200, media)
    assert answer.body or (answer.file is not None and answer.file.stat().st_size > 1000)


def test_article_and_graph_iris(site: LinkedData, seeds_out: Path, seeds_graph: Graph) -> None:
    entry = json.loads((seeds_out / "manifest.json").read_text())["articles"]["d2b7ed0d636f4791"]
    article = site.respond("GET", urlsplit(entry["iri"]).path, None)
    (doc,) = Scripts(article.body.decode()).jsonld()
    assert doc["@graph"][0]["@type"] == "NewsArticle"
    named = site.respond("GET", urlsplit(entry["graph"]).path, "application/n-triples")
    assert named.status == 200
    graph = Graph().parse(data=named.body, format="nt")
    published = Graph().parse(seeds_out / "articles" / f"{entry['file']}.ttl", format="turtle")
    assert set(graph) == set(published)
    page = site.respond("GET", urlsplit(entry["graph"]).path, None).body.decode()
    assert "Named graph of Putin, N Korean leader Kim hold 1st talks in Russia" in page


@pytest.mark.parametrize(
    ("method", "path", "accept", "status"),
    [
        ("GET", "/person/nobody-at-all", "text/turtle", 404),
        ("GET", "/person/vladimir-putin/extra", None, 404),
        ("GET", "/elsewhere/vladimir-putin", None, 404),
        ("GET", "/place/moscow#geo", None, 404),
        ("GET", "/../../etc/passwd", None, 400),
        ("GET", "/person/../../../etc/passwd", None, 400),
        ("GET", "/person/./vladimir-putin", None, 400),
        ("GET", "/person\\..\\kg.ttl", None, 400),
        ("GET", "/person/\x00", None, 400),
        ("GET", "/etc/passwd", None, 404),
        ("GET", f"/{PUTIN}", "image/png", 406),
        ("POST", f"/{PUTIN}", None, 405),
        ("DELETE", "/kg.ttl", None, 405),
    ],
)
def test_refusals(
    site: LinkedData, method: str, path: str, accept: str | None, status: int
) -> None:
    assert site.respond(method, path, accept).status == status


def test_kind_without_slash_redirects(site: LinkedData) -> None:
    answer = site.respond("GET", "/person", None)
    assert answer.status == 301 and ("Location", "/person/") in answer.headers


def test_under_a_base_with_a_path(tmp_path: Path, seeds_build: object) -> None:
    """A base such as https://news.example.org/kg/ is served under /kg/."""
    from conftest import SEEDS

    from kg.build import BuildOptions, build

    out = tmp_path / "out"
    build(BuildOptions(sources=(str(SEEDS),), out=out, base_iri="https://news.example.org/kg/"))
    site = LinkedData(open_published(out))
    answer = site.respond("GET", f"/kg/{PUTIN}", "text/turtle")
    assert answer.status == 200
    graph = Graph().parse(data=answer.body, format="turtle")
    iri = URIRef(f"https://news.example.org/kg/{PUTIN}")
    assert (iri, RDF.type, SCHEMA.Person) in graph
    assert site.respond("GET", f"/{PUTIN}", "text/turtle").status == 404
    assert site.respond("GET", "/kg/", None).status == 200


# -- through a real server ---------------------------------------------------------------


def raw_get(base_url: str, path: str, accept: str | None = None, method: str = "GET"):
    """A request with the path sent exactly as given (no client-side dot-segment removal)."""
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request(method, path, headers={"Accept": accept} if accept else {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def test_server_turtle_html_and_refusals(seeds_server: str, seeds_graph: Graph) -> None:
    status, headers, body = raw_get(seeds_server, f"/{PUTIN}", "text/turtle")
    assert status == 200 and headers["content-type"].startswith("text/turtle")
    assert "Accept" in headers["vary"]
    graph = Graph().parse(data=body, format="turtle")
    assert (URIRef(f"http://localhost:8000/{PUTIN}"), SCHEMA.name, None) in graph
    assert missing_from(graph, seeds_graph) == []

    status, headers, body = raw_get(seeds_server, f"/{PUTIN}", BROWSER)
    assert status == 200 and headers["content-type"].startswith("text/html")
    (doc,) = Scripts(body.decode()).jsonld()
    assert missing_from(expand_rdflib(doc), seeds_graph) == []

    for path in ("/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/person/..%2f..%2fetc/passwd"):
        status, _, body = raw_get(seeds_server, path)
        assert 400 <= status < 500, path
        assert b"root:" not in body
    assert raw_get(seeds_server, "/person/nobody-at-all", "text/turtle")[0] == 404
    status, headers, body = raw_get(seeds_server, f"/{PUTIN}", "text/turtle", method="HEAD")
    assert status == 200 and body == b"" and int(headers["content-length"]) > 100


def test_server_streams_the_dumps(seeds_server: str, seeds_out: Path) -> None:
    status, headers, body = raw_get(seeds_server, "/kg.nq")
    assert status == 200 and headers["content-type"].startswith("application/n-quads")
    assert body == (seeds_out / "kg.nq").read_bytes()


def test_server_keeps_the_sparql_endpoint(seeds_server: str) -> None:
    query = "ASK%20%7B%20%3Fs%20a%20%3Chttp%3A%2F%2Fschema.org%2FPerson%3E%20%7D"
    status, _, body = raw_get(seeds_server, f"/sparql?query={query}", "application/json")
    assert status == 200 and json.loads(body)["boolean"] is True


def test_every_person_resolves_on_the_server(seeds_server: str, seeds_graph: Graph) -> None:
    people = [p for (p,) in select(seeds_graph, "SELECT ?p WHERE { ?p a schema:Person }")]
    assert len(people) >= 5
    for iri in people:
        status, _, body = raw_get(seeds_server, urlsplit(iri).path, "application/n-triples")
        assert status == 200, iri
        assert (URIRef(iri), RDF.type, SCHEMA.Person) in Graph().parse(data=body, format="nt")
