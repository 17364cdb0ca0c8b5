"""kg query, kg serve, kg push."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import click

from kg.cli.common import DATA_OPTION, EXIT_FAILURE, BindingType, SizeType, library_errors
from kg.rdf import formats

# What kg query writes: the SPARQL results formats and a table, then the RDF formats.
QUERY_FORMATS = list(
    dict.fromkeys(f.name for k in ("solutions", "graph") for f in formats.carrying(k))
)


@click.command()
@click.argument("query")
@DATA_OPTION
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(QUERY_FORMATS),
    default=None,
    help="Output format [default: table; turtle for CONSTRUCT/DESCRIBE].",
)
@click.option("--graph", "-g", default=None, help="Query one article only (graph IRI, IRI or id).")
@click.option(
    "--bind",
    "-b",
    "bindings",
    multiple=True,
    type=BindingType(),
    help="Bind a variable of the query for its whole WHERE group (repeatable).",
)
@click.option("--allow-service", is_flag=True, help="Allow SERVICE (federated query).")
def query(
    query: str,
    data: Path,
    fmt: str | None,
    graph: str | None,
    bindings: tuple[tuple[str, Any], ...],
    allow_service: bool,
) -> None:
    """Run a SPARQL QUERY (or @FILE.rq) on the store kg build wrote.

    The default graph is the union of all article graphs (a set: a triple two
    articles share counts once); --graph restricts it to one article. Prefixes
    schema:, rdf:, rdfs:, xsd:, owl:, skos:, prov:, geo:, nif:, itsrdf:,
    dcterms:, kg: and kgt: are predeclared. SELECT and ASK
    print a table, or csv, tsv, json, xml (the SPARQL results formats);
    CONSTRUCT and DESCRIBE print turtle, or any RDF format kg writes: jsonld
    (its context inline, nothing to fetch), nt, nquads, trig, rdfxml. A syntax
    error exits 2.

    \b
    Examples:
      kg query 'SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name }'
      kg query @queries/most-mentioned-people.rq --format csv
      kg query @queries/timeline.rq --bind name="Kim Jong Un"
      kg query 'DESCRIBE ?a WHERE { ?a a schema:NewsArticle }' --graph ID -f jsonld
    """
    from kg.publish.state import open_state
    from kg.sparql import query as sparql
    from kg.sparql.text import read_query

    with library_errors():
        text = read_query(query)
    with library_errors(text):
        state = open_state(data)
        graph_iri = sparql.resolve_graph(state, graph) if graph else None
        result = sparql.execute(
            state.store, text, graph=graph_iri, values=dict(bindings), allow_service=allow_service
        )
        sys.stdout.flush()
        sparql.write_result(result, sys.stdout.buffer, fmt=fmt)


@click.command()
@DATA_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    "-p",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port to listen on.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=10.0,
    show_default=True,
    help="Seconds a query may run before it is stopped (HTTP 503).",
)
@click.option(
    "--max-rows",
    type=click.IntRange(min=0),
    default=10_000,
    show_default=True,
    help="Most solutions or triples in one answer (0: no cap); a cut answer has KG-Truncated.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="Query worker processes (queries answered at full speed at the same time).",
)
@click.option(
    "--max-bytes",
    type=SizeType(),
    default="50MB",
    show_default=True,
    help="Largest answer (0: no cap); a bigger one is refused with 503.",
)
@click.option(
    "--max-memory",
    type=SizeType(),
    default="1GB",
    show_default=True,
    help="Memory a query worker may use (0: no cap); a query needing more is stopped (503).",
)
@click.option(
    "--read-timeout",
    type=click.FloatRange(min=0.1),
    default=10.0,
    show_default=True,
    help="Seconds a client has to send a request's head, and then its body (else 408).",
)
@click.option("--allow-service", is_flag=True, help="Allow SERVICE (federated query).")
def serve(
    data: Path,
    host: str,
    port: int,
    timeout: float,
    max_rows: int,
    workers: int,
    max_bytes: int,
    max_memory: int,
    read_timeout: float,
    allow_service: bool,
) -> None:
    """Serve the store read-only over HTTP: a SPARQL 1.1 endpoint at /sparql, and Linked Data.

    GET /sparql?query=…, POST form-encoded or application/sparql-query. SELECT
    and ASK answer JSON, XML, CSV or TSV by Accept; CONSTRUCT and DESCRIBE
    Turtle, JSON-LD or N-Triples. SPARQL Update and SERVICE are refused; a
    query running past --timeout is stopped (its worker process is killed;
    HTTP 503); an answer is cut at --max-rows, refused past --max-bytes (503),
    and a query needing more than --max-memory is stopped (503). A query still
    running after half a second finishes aside at low priority while a spare
    worker takes its place (at most --workers of them; one more is stopped), so
    slow queries never hold up the others; a query that finds no free worker
    within 2 s, or more than 32 waiting, gets 503 at once. A client has
    --read-timeout seconds to send its request (else 408). CORS is open to any
    origin; every answer has X-Content-Type-Options: nosniff. The store is
    opened read-only, so kg build can update it meanwhile; the server answers
    from a new build once it has finished.

    Every IRI kg minted answers at its path under the base IRI, by content
    negotiation: text/html the page (as kg site writes it), text/turtle,
    application/ld+json or application/n-triples its description; NAME.ttl,
    NAME.jsonld, NAME.nt and NAME.html name one. / is the home page.

    \b
    Examples:
      kg serve
      kg serve --data output --port 8080 --timeout 30 --max-rows 50000
      curl -H 'Accept: text/csv' 'http://127.0.0.1:8000/sparql?query=SELECT...'
      curl -H 'Accept: text/turtle' http://127.0.0.1:8000/person/vladimir-putin
    """
    from kg.serve.app import ServeSettings
    from kg.serve.app import serve as run_server
    from kg.sparql.query import open_store

    with library_errors():
        open_store(data)  # fail here, not in a worker, when there is no store
    settings = ServeSettings(
        data=data,
        host=host,
        port=port,
        timeout=timeout,
        max_rows=max_rows or None,
        workers=workers,
        allow_service=allow_service,
        max_bytes=max_bytes or None,
        memory=max_memory or None,
        read_timeout=read_timeout,
    )
    click.echo(f"SPARQL endpoint: http://{host}:{port}/sparql (Ctrl-C to stop)", err=True)
    click.echo(f"Linked Data pages: http://{host}:{port}/", err=True)
    with library_errors():
        run_server(settings)


@click.command()
@click.argument("url")
@DATA_OPTION
@click.option("--user", "-u", default=None, help="User for HTTP Basic authentication.")
@click.option("--password", default=None, help="Password for HTTP Basic authentication.")
@click.option("--token", default=None, help="Bearer token (instead of user and password).")
@click.option(
    "--retries",
    type=click.IntRange(min=0),
    default=3,
    show_default=True,
    help="Retries of a graph after a 5xx answer or a connection error (backoff 0.5 s, doubling).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=None,
    metavar="SECONDS",
    help="Deadline for the whole push: graphs not sent by then are reported [default: none].",
)
def push(
    url: str,
    data: Path,
    user: str | None,
    password: str | None,
    token: str | None,
    retries: int,
    timeout: float | None,
) -> None:
    """PUT every article graph to the triple store at URL (SPARQL 1.1 Graph Store Protocol).

    URL is the store's Graph Store endpoint (Oxigraph: …/store, Fuseki:
    …/DATASET/data, GraphDB: …/repositories/REPO/rdf-graphs/service). Each
    article graph replaces the graph of the same IRI there, so pushing again
    changes nothing. Prints one line per graph sent and a summary; when the
    server gives no answer at all (refused, timed out) after a graph's retries,
    or --timeout passes, the graphs left are not sent. Exits 1 if any graph was
    not pushed.

    \b
    Examples:
      kg push http://127.0.0.1:7878/store
      kg push https://triples.example.org/news/data --user kg --password "$PW"
      kg push https://graphdb.example.org/repositories/news/rdf-graphs/service --token "$T"
      kg push http://127.0.0.1:7878/store --timeout 600
    """
    from kg.sparql.push import Credentials, PushOptions
    from kg.sparql.push import push as run_push

    options = PushOptions(
        url, Credentials(user, password, token), retries=retries, deadline=timeout
    )
    started = time.monotonic()
    results = []
    with library_errors():
        for r in run_push(data, options):
            results.append(r)
            tries = f" after {r.attempts} attempts" if r.attempts > 1 else ""
            if r.ok:
                click.echo(f"ok      {r.graph} ({r.triples} triples, HTTP {r.status}{tries})")
            elif r.sent:
                click.echo(f"FAILED  {r.graph}: {r.error}{tries}", err=True)
    _push_summary(results, url, time.monotonic() - started)
    if any(not r.ok for r in results):
        sys.exit(EXIT_FAILURE)


def _push_summary(results: list[Any], url: str, seconds: float) -> None:
    ok = [r for r in results if r.ok]
    failed = sum(1 for r in results if r.sent and not r.ok)
    unsent = [r for r in results if not r.sent]
    if unsent:
        click.echo(f"NOT SENT {len(unsent)} graph(s): {unsent[0].error}", err=True)
    triples = sum(r.triples for r in ok)
    click.echo(
        f"Pushed {len(ok)} of {len(results)} graph(s) to {url} ({triples} triples, "
        f"{seconds:.1f} s); {failed} failed, {len(unsent)} not sent."
    )
