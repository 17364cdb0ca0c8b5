"""The ASGI application of `kg serve`: a read-only SPARQL 1.1 Protocol endpoint at /sparql.

``create_app(settings, extra_routes)`` is the one place the server is put
together. Other parts of kg add their pages as Starlette routes returned by
``default_routes(settings)`` (what `kg serve` mounts after /sparql); their handlers
reach the query pool as ``request.app.state.queries`` (a QueryPool: ``await
run_query(request, QueryJob(...))`` runs a query with the same timeout and cap).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs

import anyio
import anyio.to_thread
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from kg.rdf import formats
from kg.serve.guard import Admission, NoSniff, server_error, timed_protocol
from kg.serve.pool import PoolSettings, QueryPool
from kg.serve.worker import MB, Answer, Limits, QueryJob, text_answer

QUERY_TYPE = formats.SPARQL_QUERY
UPDATE_TYPE = formats.SPARQL_UPDATE
FORM_TYPE = formats.FORM
MAX_QUERY_BYTES = 1_000_000
MAX_WAITING = 32  # queries that may wait for a worker; one more is answered 503 at once


@dataclass(frozen=True)
class ServeSettings:
    data: Path = Path("output")
    host: str = "127.0.0.1"
    port: int = 8000
    timeout: float = 10.0
    max_rows: int | None = 10_000
    workers: int = 2
    allow_service: bool = False
    cors_origins: tuple[str, ...] = ("*",)
    max_bytes: int | None = 50 * MB  # one answer
    memory: int | None = 1024 * MB  # one query worker
    read_timeout: float = 10.0  # seconds for a request's head, and for its body

    def pool(self) -> PoolSettings:
        limits = Limits(self.max_rows, self.max_bytes, self.memory, self.allow_service)
        return PoolSettings(self.data, self.workers, self.timeout, limits)

    def admitted(self) -> int:
        """Queries inside the server at most: running, running slow, and waiting."""
        return 2 * max(1, self.workers) + MAX_WAITING


def _response(answer: Answer) -> Response:
    return Response(answer.body, answer.status, answer.headers, media_type=answer.media_type)


async def run_query(request: Request, job: QueryJob) -> Answer:
    """Run ``job`` on the app's query pool without blocking the event loop (503 at once
    when the server holds as many queries as it admits)."""
    pool: QueryPool = request.app.state.queries
    gate: Admission = request.app.state.admission
    if gate.full():
        message = f"busy: {gate.limit} queries are running or waiting already; try again"
        answer = text_answer(503, message)
        return Answer(503, answer.media_type, answer.body, {"Retry-After": "1"})
    gate.inside += 1
    try:
        return await anyio.to_thread.run_sync(pool.run, job, limiter=gate.threads)
    finally:
        gate.inside -= 1


async def _body(request: Request) -> bytes | Answer:
    """The request body, or a 408 when it does not arrive in time (a lying Content-Length)."""
    seconds = request.app.state.settings.read_timeout
    try:
        with anyio.fail_after(seconds):
            return await request.body()
    except TimeoutError:
        late = text_answer(408, f"the request body did not arrive within {seconds:g} s")
        return Answer(408, late.media_type, late.body, {"Connection": "close"})


async def _job(request: Request) -> QueryJob | Answer:
    """The query job a request carries, or the error answer it deserves."""
    params = request.query_params
    form: dict[str, list[str]] = {}
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if request.method == "POST":
        body = await _body(request)
        if isinstance(body, Answer):
            return body
        if len(body) > MAX_QUERY_BYTES:
            return text_answer(413, "query too large")
        if content_type == UPDATE_TYPE:
            return text_answer(403, "read-only endpoint: SPARQL Update is not accepted")
        if content_type == FORM_TYPE:
            form = parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True)
        elif content_type == QUERY_TYPE:
            form = {"query": [body.decode("utf-8", errors="replace")]}
        else:
            return text_answer(415, f"POST a query as {QUERY_TYPE} or {FORM_TYPE}")

    def values(name: str) -> list[str]:
        return form.get(name, []) + params.getlist(name)

    if values("update"):
        return text_answer(403, "read-only endpoint: SPARQL Update is not accepted")
    queries = values("query")
    if len(queries) != 1:
        return text_answer(400, "give exactly one query (the `query` parameter)")
    fmt = next(iter(values("format") + values("output")), None)
    return QueryJob(
        queries[0],
        accept=request.headers.get("accept"),
        format=fmt,
        default_graphs=tuple(values("default-graph-uri")),
        named_graphs=tuple(values("named-graph-uri")),
    )


async def sparql(request: Request) -> Response:
    """SPARQL 1.1 Protocol: GET ?query=, POST form or application/sparql-query."""
    if request.method == "GET" and not request.query_params:
        return _response(_service_description(request))
    job = await _job(request)
    if isinstance(job, Answer):
        return _response(job)
    return _response(await run_query(request, job))


def _service_description(request: Request) -> Answer:
    endpoint = str(request.url_for("sparql"))
    turtle = f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix fmt: <http://www.w3.org/ns/formats/> .

[] a sd:Service ;
   sd:endpoint <{endpoint}> ;
   sd:supportedLanguage sd:SPARQL11Query ;
   sd:feature sd:UnionDefaultGraph ;
   sd:resultFormat fmt:SPARQL_Results_JSON, fmt:SPARQL_Results_XML, fmt:SPARQL_Results_CSV,
       fmt:SPARQL_Results_TSV, fmt:Turtle, fmt:JSON-LD, fmt:N-Triples .
"""
    return Answer(200, formats.get("turtle").content_type, turtle.encode("utf-8"))


def create_app(settings: ServeSettings, extra_routes: Sequence[BaseRoute] = ()) -> Starlette:
    """The server: /sparql, then ``extra_routes``; CORS on all; query workers for its lifetime."""
    pool = QueryPool(settings.pool())

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await anyio.to_thread.run_sync(pool.start)
        try:
            yield
        finally:
            pool.close()

    app = Starlette(
        routes=[Route("/sparql", sparql, methods=["GET", "POST"], name="sparql"), *extra_routes],
        middleware=[
            Middleware(NoSniff),
            Middleware(
                CORSMiddleware,
                allow_origins=list(settings.cors_origins),
                allow_methods=["GET", "POST", "OPTIONS"],
                allow_headers=["*"],
                expose_headers=["KG-Truncated"],
            ),
        ],
        exception_handlers={Exception: server_error},
        lifespan=lifespan,
    )
    app.state.queries = pool
    app.state.settings = settings
    app.state.admission = Admission(settings.admitted())
    return app


def default_routes(settings: ServeSettings) -> list[BaseRoute]:
    """The routes `kg serve` mounts beside /sparql: add kg's other pages here.

    They come after /sparql, so the catch-all route of the Linked Data pages
    (every IRI under the base, kg.serve.linked_data) never shadows the endpoint.
    """
    from kg.serve.linked_data import linked_data_routes

    return linked_data_routes(settings.data)


def serve(settings: ServeSettings) -> None:
    """Run the server until interrupted (uvicorn, on settings.host:settings.port)."""
    import uvicorn

    uvicorn.run(
        create_app(settings, default_routes(settings)),
        host=settings.host,
        port=settings.port,
        log_level="info",
        timeout_graceful_shutdown=5,
        http=timed_protocol(settings.read_timeout),
        timeout_keep_alive=5,
    )
