"""`kg push`: send every article graph to a triple store (SPARQL 1.1 Graph Store HTTP Protocol).

Each article's named graph is PUT to ``URL?graph=<graph IRI>``, which replaces
that graph on the server, so pushing twice leaves the same store. Server errors
(5xx, 408, 429) and connection failures are retried with exponential backoff;
other 4xx answers are final. One result per graph, failures included.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from kg.errors import ConfigError
from kg.publish.manifest import Manifest
from kg.rdf import formats
from kg.sparql.query import open_store

RETRY_STATUS = frozenset({408, 429, 500, 502, 503, 504})
TURTLE = formats.get("turtle")


@dataclass(frozen=True)
class Credentials:
    user: str | None = None
    password: str | None = None
    token: str | None = None


@dataclass(frozen=True)
class PushOptions:
    url: str
    credentials: Credentials = Credentials()
    retries: int = 3  # attempts after the first one
    backoff: float = 0.5  # seconds before the first retry, doubled each time
    timeout: float = 60.0  # seconds per request


@dataclass(frozen=True)
class PushResult:
    graph: str
    triples: int
    attempts: int
    status: int | None  # the last HTTP status, None when no answer came
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def check_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(f"the graph store URL must be http(s)://…, got {url!r}")
    return url


def _client(options: PushOptions) -> httpx.Client:
    c = options.credentials
    if c.token and (c.user or c.password):
        raise ConfigError("give either a token or a user and password, not both")
    if (c.user is None) != (c.password is None):
        raise ConfigError("give both a user and a password")
    headers = {"Content-Type": TURTLE.media_type}
    if c.token:
        headers["Authorization"] = f"Bearer {c.token}"
    auth = httpx.BasicAuth(c.user, c.password) if c.user is not None and c.password else None
    return httpx.Client(headers=headers, auth=auth, timeout=options.timeout)


def push(
    data: Path, options: PushOptions, sleep: Callable[[float], None] = time.sleep
) -> Iterator[PushResult]:
    """PUT each article graph of the build in ``data``; yields one result per graph."""
    check_url(options.url)
    manifest = Manifest.require(data)
    store = open_store(data)
    graphs = sorted(str(entry["graph"]) for entry in manifest.articles.values())
    with _client(options) as client:
        for graph in graphs:
            buf = io.BytesIO()
            triples = list(store.graph_triples(graph))
            TURTLE.writer()(triples, buf)
            yield _put(client, options, graph, buf.getvalue(), len(triples), sleep)


def _put(
    client: httpx.Client,
    options: PushOptions,
    graph: str,
    body: bytes,
    triples: int,
    sleep: Callable[[float], None],
) -> PushResult:
    status: int | None = None
    error = "not sent"
    attempts = 0
    for attempt in range(options.retries + 1):
        if attempt:
            sleep(options.backoff * 2 ** (attempt - 1))
        attempts += 1
        try:
            response = client.put(options.url, params={"graph": graph}, content=body)
        except httpx.HTTPError as e:
            status, error = None, f"{type(e).__name__}: {e}"
            continue
        status = response.status_code
        if response.is_success:
            return PushResult(graph, triples, attempts, status)
        error = f"HTTP {status}: {response.text.strip()[:200]}"
        if status not in RETRY_STATUS:
            break
    return PushResult(graph, triples, attempts, status, error)
