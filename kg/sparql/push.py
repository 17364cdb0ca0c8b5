"""`kg push`: send every article graph to a triple store (SPARQL 1.1 Graph Store HTTP Protocol).

Each article's named graph is PUT to ``URL?graph=<graph IRI>``, which replaces
that graph on the server, so pushing twice leaves the same store. Server errors
(5xx, 408, 429) and connection failures are retried with exponential backoff;
other 4xx answers are final. One result per graph, failures included.

A push never hangs: each request has a timeout, the whole push an optional
deadline, and once a graph has failed without any answer from the server
(connection refused, reset or timed out, after its retries) the graphs after it
are not tried — they are reported as not sent, with the reason.
"""

from __future__ import annotations

import io
import math
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from kg.errors import ConfigError
from kg.publish.state import open_state
from kg.rdf import formats

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
    deadline: float | None = None  # seconds for the whole push; None: no limit


@dataclass(frozen=True)
class PushResult:
    graph: str
    triples: int
    attempts: int
    status: int | None  # the last HTTP status, None when no answer came
    error: str | None = None
    sent: bool = True  # False: not tried (the deadline passed, or the server is unreachable)

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
    data: Path,
    options: PushOptions,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> Iterator[PushResult]:
    """PUT each article graph of the build in ``data``; yields one result per graph."""
    check_url(options.url)
    state = open_state(data)
    graphs = sorted(str(entry["graph"]) for entry in state.manifest.articles.values())
    deadline = _Deadline(clock, options.deadline)
    stopped: str | None = None
    with _client(options) as client:
        for graph in graphs:
            if stopped is None and deadline.passed():
                stopped = f"not sent: the {options.deadline:g} s deadline (--timeout) passed"
            if stopped is not None:
                yield PushResult(graph, 0, 0, None, stopped, sent=False)
                continue
            buf = io.BytesIO()
            triples = list(state.store.graph_triples(graph))
            TURTLE.writer()(triples, buf)
            result = _put(client, options, graph, buf.getvalue(), len(triples), sleep, deadline)
            yield result
            if not result.ok and result.status is None:
                stopped = f"not sent: {options.url} gave no answer ({result.error})"


class _Deadline:
    """The seconds left before the push's deadline (infinite without one)."""

    def __init__(self, clock: Callable[[], float], seconds: float | None) -> None:
        self.clock = clock
        self.ends = math.inf if seconds is None else clock() + seconds

    def remaining(self) -> float:
        return self.ends - self.clock()

    def passed(self) -> bool:
        return self.remaining() <= 0


def _put(
    client: httpx.Client,
    options: PushOptions,
    graph: str,
    body: bytes,
    triples: int,
    sleep: Callable[[float], None],
    deadline: _Deadline,
) -> PushResult:
    status: int | None = None
    error = "not sent"
    attempts = 0
    for attempt in range(options.retries + 1):
        wait = options.backoff * 2 ** (attempt - 1) if attempt else 0.0
        if attempt and deadline.remaining() <= wait:
            error += (
                f"; no time left for another attempt before the {options.deadline:g} s deadline"
            )
            break
        if wait:
            sleep(wait)
        attempts += 1
        try:
            timeout = max(0.001, min(options.timeout, deadline.remaining()))
            response = client.put(
                options.url, params={"graph": graph}, content=body, timeout=timeout
            )
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
