"""kg serve, started for real on 127.0.0.1 and queried by SPARQLWrapper and plain HTTP."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import time
import urllib.error
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from conftest import SEEDS, select
from rdflib import Graph
from servers import children, free_port, kg_serve, running
from SPARQLWrapper import CSV, GET, JSON, POST, POSTDIRECTLY, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.build import BuildOptions, build
from kg.rdf import jsonld

PEOPLE = "SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n }"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


class Server:
    def __init__(self, url: str, proc: subprocess.Popen[bytes]) -> None:
        self.url = url
        self.proc = proc

    def client(self, query: str, fmt: str, method: str = GET) -> SPARQLWrapper:
        sparql = SPARQLWrapper(self.url)
        sparql.setQuery(query)
        sparql.setReturnFormat(fmt)
        sparql.setMethod(method)
        return sparql


@pytest.fixture(scope="module")
def server(seeds_out: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    port = free_port()
    url = f"http://127.0.0.1:{port}/sparql"
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    args = kg_serve(seeds_out, port, "--timeout", "2", "--max-rows", "50")
    with running(args, url, log) as proc:
        yield Server(url, proc)


@pytest.fixture(scope="module")
def people(seeds_graph: Graph) -> set[str]:
    return {n for (n,) in select(seeds_graph, PEOPLE)}


def test_sparqlwrapper_get_and_post_json(server: Server, people: set[str]) -> None:
    for method in (GET, POST):
        result = server.client(PEOPLE, JSON, method).queryAndConvert()
        assert {b["n"]["value"] for b in result["results"]["bindings"]} == people  # type: ignore[index]
    direct = server.client(PEOPLE, JSON, POST)
    direct.setRequestMethod(POSTDIRECTLY)  # body as application/sparql-query
    result = direct.queryAndConvert()
    assert {b["n"]["value"] for b in result["results"]["bindings"]} == people  # type: ignore[index]
    assert "Vladimir Putin" in people


def test_sparqlwrapper_csv(server: Server, people: set[str]) -> None:
    for method in (GET, POST):
        body = server.client(PEOPLE, CSV, method).query().convert()
        rows = list(csv.reader(io.StringIO(body.decode())))  # type: ignore[union-attr]
        assert rows[0] == ["n"] and {r[0] for r in rows[1:]} == people


def test_accept_picks_the_format(server: Server, people: set[str]) -> None:
    params = {"query": PEOPLE}
    tsv = httpx.get(server.url, params=params, headers={"Accept": "text/tab-separated-values"})
    assert tsv.headers["content-type"].startswith("text/tab-separated-values")
    assert {line.strip('"') for line in tsv.text.splitlines()[1:]} == people
    xml = httpx.get(server.url, params=params, headers={"Accept": "application/sparql-results+xml"})
    assert xml.headers["content-type"] == "application/sparql-results+xml"
    odd = httpx.get(server.url, params=params, headers={"Accept": "image/png"})
    assert odd.status_code == 406 and "application/sparql-results+json" in odd.text
    construct = "CONSTRUCT { ?p schema:name ?n } WHERE { ?p a schema:Person ; schema:name ?n }"
    ttl = httpx.get(server.url, params={"query": construct}, headers={"Accept": "text/turtle"})
    assert ttl.headers["content-type"].startswith("text/turtle")
    names = {str(o) for o in Graph().parse(data=ttl.text, format="turtle").objects()}
    assert names == people
    ld = httpx.post(
        server.url,
        content=construct,
        headers={"Content-Type": "application/sparql-query", "Accept": "application/ld+json"},
    )
    assert {str(o) for o in jsonld.parse(ld.text).objects()} == people
    nt = httpx.get(
        server.url, params={"query": construct}, headers={"Accept": "application/n-triples"}
    )
    assert len(nt.text.splitlines()) == len(people)


def test_update_is_refused(server: Server) -> None:
    update = server.client("INSERT DATA { <urn:a> <urn:b> <urn:c> }", JSON, POST)
    with pytest.raises(urllib.error.HTTPError) as e:
        update.query()
    assert e.value.code == 403
    raw = httpx.post(
        server.url,
        content="DELETE WHERE { ?s ?p ?o }",
        headers={"Content-Type": "application/sparql-update"},
    )
    assert raw.status_code == 403 and "read-only" in raw.text
    as_query = httpx.get(server.url, params={"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"})
    assert as_query.status_code == 400 and "SPARQL syntax error" in as_query.text
    count = httpx.get(server.url, params={"query": "ASK { <urn:a> ?p ?o }"}).json()
    assert count["boolean"] is False


def test_service_is_refused(server: Server) -> None:
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    with pytest.raises(QueryBadFormed) as e:
        server.client(query, JSON).query()
    assert "SERVICE (federated query) is disabled" in str(e.value)


def test_runaway_query_is_stopped(server: Server) -> None:
    before = children(server.proc.pid)
    start = time.monotonic()
    slow = httpx.get(server.url, params={"query": RUNAWAY}, timeout=60)
    took = time.monotonic() - start
    assert slow.status_code == 503 and "timed out after 2 s" in slow.text
    assert took < 10
    after = children(server.proc.pid)
    assert before - after, "the worker running the query was not killed"
    quick = httpx.get(server.url, params={"query": "ASK { ?s ?p ?o }"}, timeout=60)
    assert quick.status_code == 200 and quick.json()["boolean"] is True


def test_result_cap_and_cors(server: Server) -> None:
    everything = httpx.get(
        server.url, params={"query": "SELECT * WHERE { ?s ?p ?o }"}, headers={"Origin": "http://x"}
    )
    assert len(everything.json()["results"]["bindings"]) == 50
    assert everything.headers["kg-truncated"] == "50"
    assert everything.headers["access-control-allow-origin"] == "*"
    preflight = httpx.options(
        server.url,
        headers={
            "Origin": "http://example.org",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert preflight.status_code == 200
    assert "POST" in preflight.headers["access-control-allow-methods"]


def test_service_description(server: Server) -> None:
    sd = httpx.get(server.url)
    graph = Graph().parse(data=sd.text, format="turtle")
    endpoints = {str(o) for o in graph.objects(predicate=None) if str(o) == server.url}
    assert sd.headers["content-type"].startswith("text/turtle") and endpoints == {server.url}


def test_a_build_while_serving_is_seen_after_it_finishes(seeds_out: Path, tmp_path: Path) -> None:
    """A real kg build into the folder being served: the endpoint and the pages answer from
    the old state until the new one is switched in, then from the new one."""
    data = tmp_path / "out"
    shutil.copytree(seeds_out, data, symlinks=True, ignore=shutil.ignore_patterns("LOCK"))
    sources = tmp_path / "news"
    shutil.copytree(SEEDS, sources)
    (sources / "extra.txt").write_text(
        "Harbour reopens after the storm\n\nThe harbour of Dover reopened on Monday, "
        "port officials said, after a storm closed it for three days.\n",
        encoding="utf-8",
    )
    port = free_port()
    url = f"http://127.0.0.1:{port}/sparql"
    ask = {"query": 'ASK { ?a schema:headline "Harbour reopens after the storm" }'}
    with running(kg_serve(data, port, "--workers", "1"), url, tmp_path / "log"):
        assert httpx.get(url, params=ask).json()["boolean"] is False
        result = build(BuildOptions(sources=(str(sources),), out=data))
        assert len(result.published) == 3
        assert httpx.get(url, params=ask).json()["boolean"] is True
        people = httpx.get(url, params={"query": PEOPLE}).json()["results"]["bindings"]
        assert json.dumps(people).count("Vladimir Putin") == 1
        home = httpx.get(f"http://127.0.0.1:{port}/", headers={"Accept": "text/html"})
        assert home.status_code == 200


def test_extra_routes_are_mounted_beside_sparql(seeds_out: Path) -> None:
    import threading

    import uvicorn
    from starlette.requests import Request
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route

    from kg.serve.app import ServeSettings, create_app
    from kg.serve.worker import QueryJob

    async def count(request: Request) -> PlainTextResponse:
        from kg.serve.app import run_query

        job = QueryJob("SELECT (COUNT(*) AS ?n) WHERE { ?a a schema:NewsArticle }", "text/csv")
        answer = await run_query(request, job)
        return PlainTextResponse(answer.body.decode().split()[1])

    app = create_app(ServeSettings(data=seeds_out, workers=1), [Route("/count", count)])
    port = free_port()
    uv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not uv.started and thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert uv.started, "uvicorn did not start"
        base = f"http://127.0.0.1:{port}"
        assert httpx.get(f"{base}/count").text == "2"
        ask = httpx.get(f"{base}/sparql", params={"query": "ASK {}"})
        assert ask.json()["boolean"] is True
    finally:
        uv.should_exit = True
        thread.join(30)
