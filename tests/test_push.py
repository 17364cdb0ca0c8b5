"""kg push into a real Oxigraph server, and retries against a real flaky HTTP server."""

from __future__ import annotations

import contextlib
import shutil
import socket
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from servers import free_port, running

from kg.cli import main
from kg.publish.store import Store
from kg.sparql.push import PushOptions, push

COUNT = (
    "SELECT (COUNT(*) AS ?quads) (COUNT(DISTINCT ?g) AS ?graphs) WHERE { GRAPH ?g { ?s ?p ?o } }"
)


@pytest.fixture
def oxigraph(tmp_path: Path) -> Iterator[str]:
    beside = Path(sys.executable).with_name("oxigraph")  # the venv's bin/, also when not on PATH
    binary = str(beside) if beside.exists() else shutil.which("oxigraph")
    assert binary, "the oxigraph package (test extra) provides the oxigraph server"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    args = [binary, "serve", "--location", str(tmp_path / "db"), "--bind", f"127.0.0.1:{port}"]
    with running(args, f"{base}/query?query=ASK%7B%7D", tmp_path / "oxigraph.log"):
        yield base


def counts(base: str) -> tuple[int, int]:
    answer = httpx.post(
        f"{base}/query",
        data={"query": COUNT},
        headers={"Accept": "application/sparql-results+json"},
    ).json()["results"]["bindings"][0]
    return int(answer["quads"]["value"]), int(answer["graphs"]["value"])


def test_push_twice_into_oxigraph(oxigraph: str, seeds_out: Path) -> None:
    store = Store.open_existing(seeds_out / "store")
    quads = sum(1 for _ in store.quads())
    assert counts(oxigraph) == (0, 0)
    result = CliRunner().invoke(main, ["push", f"{oxigraph}/store", "--data", str(seeds_out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.count("ok      ") == 2
    assert f"Pushed 2 of 2 graph(s) to {oxigraph}/store ({quads} triples, " in result.stdout
    assert "; 0 failed, 0 not sent." in result.stdout
    assert counts(oxigraph) == (quads, 2)
    again = CliRunner().invoke(main, ["push", f"{oxigraph}/store", "--data", str(seeds_out)])
    assert again.exit_code == 0
    assert counts(oxigraph) == (quads, 2)
    for graph in store.graphs():
        ask = f"ASK {{ GRAPH <{graph}> {{ ?a a <http://schema.org/NewsArticle> }} }}"
        assert httpx.get(f"{oxigraph}/query", params={"query": ask}).json()["boolean"] is True


class Flaky(BaseHTTPRequestHandler):
    """Answers 503 to the first ``failures`` PUTs of each graph, then 204; records requests."""

    failures = 2
    seen: list[tuple[str, str | None]] = []

    def do_PUT(self) -> None:  # noqa: N802 (http.server's naming)
        self.rfile.read(int(self.headers["Content-Length"]))
        Flaky.seen.append((self.path, self.headers.get("Authorization")))
        tries = sum(1 for p, _ in Flaky.seen if p == self.path)
        self.send_response(503 if tries <= Flaky.failures else 204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        return


@pytest.fixture
def flaky() -> Iterator[str]:
    Flaky.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Flaky)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/store"
    finally:
        server.shutdown()
        server.server_close()


def test_retries_with_backoff_then_succeeds(flaky: str, seeds_out: Path) -> None:
    waits: list[float] = []
    options = PushOptions(flaky, retries=3, backoff=0.01)
    results = list(push(seeds_out, options, sleep=waits.append))
    assert [(r.ok, r.attempts, r.status) for r in results] == [(True, 3, 204)] * 2
    assert waits == [0.01, 0.02] * 2


def test_gives_up_and_exits_1_with_a_report(flaky: str, seeds_out: Path) -> None:
    Flaky.failures = 100
    try:
        result = CliRunner().invoke(
            main, ["push", flaky, "-d", str(seeds_out), "--retries", "1", "--token", "T0K"]
        )
    finally:
        Flaky.failures = 2
    assert result.exit_code == 1
    assert result.stderr.count("FAILED  ") == 2 and "HTTP 503" in result.stderr
    assert "after 2 attempts" in result.stderr
    assert "Pushed 0 of 2 graph(s)" in result.stdout and "; 2 failed, 0 not sent." in result.stdout
    assert {auth for _, auth in Flaky.seen} == {"Bearer T0K"}


def test_connection_refused_fails_fast_after_the_first_graph(seeds_out: Path) -> None:
    """Against a closed port the first graph is tried (with its retries) and the rest are
    not sent: one backoff sequence, not one per graph."""
    url = f"http://127.0.0.1:{free_port()}/store"
    waits: list[float] = []
    results = list(push(seeds_out, PushOptions(url, retries=3, backoff=0.5), sleep=waits.append))
    assert waits == [0.5, 1.0, 2.0]
    first, rest = results[0], results[1:]
    assert (first.sent, first.ok, first.attempts, first.status) == (True, False, 4, None)
    assert "ConnectError" in (first.error or "")
    assert rest and all(not r.sent and r.attempts == 0 for r in rest)
    assert all(r.error == f"not sent: {url} gave no answer ({first.error})" for r in rest)
    result = CliRunner().invoke(main, ["push", url, "-d", str(seeds_out), "--retries", "0"])
    assert result.exit_code == 1
    assert result.stderr.count("FAILED  ") == 1
    assert f"NOT SENT 1 graph(s): not sent: {url} gave no answer (ConnectError" in result.stderr
    assert "Pushed 0 of 2 graph(s)" in result.stdout and "; 1 failed, 1 not sent." in result.stdout


@pytest.fixture
def hanging() -> Iterator[str]:
    """A server that accepts connections and never answers."""
    listener = socket.create_server(("127.0.0.1", 0))
    accepted: list[socket.socket] = []

    def accept() -> None:
        with contextlib.suppress(OSError):
            while True:
                accepted.append(listener.accept()[0])

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/store"
    finally:
        listener.close()
        for conn in accepted:
            conn.close()


def test_push_to_a_hanging_server_ends_at_the_deadline(hanging: str, seeds_out: Path) -> None:
    started = time.monotonic()
    result = CliRunner().invoke(main, ["push", hanging, "-d", str(seeds_out), "--timeout", "1.5"])
    elapsed = time.monotonic() - started
    assert elapsed < 10  # 60 s x 4 attempts per graph without the deadline
    assert result.exit_code == 1
    assert "FAILED  " in result.stderr and "Timeout" in result.stderr
    assert "NOT SENT 1 graph(s)" in result.stderr
    assert "Pushed 0 of 2 graph(s)" in result.stdout


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def test_no_retry_after_the_deadline(flaky: str, seeds_out: Path) -> None:
    Flaky.failures = 100
    clock = Clock()
    try:
        options = PushOptions(flaky, retries=3, backoff=0.5, deadline=1.0)
        results = list(push(seeds_out, options, sleep=clock.sleep, clock=clock))
    finally:
        Flaky.failures = 2
    assert clock.now == 0.5  # one wait of 0.5 s; the next one (1 s) would pass the deadline
    assert [(r.sent, r.attempts, r.status) for r in results] == [(True, 2, 503), (True, 1, 503)]
    assert all(
        "no time left for another attempt before the 1 s deadline" in (r.error or "")
        for r in results
    )


def test_bad_options(seeds_out: Path, tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/store"
    runner = CliRunner()
    both = runner.invoke(main, ["push", url, "-d", str(seeds_out), "--user", "u", "--token", "t"])
    assert both.exit_code == 2 and "either a token or a user and password" in both.stderr
    scheme = runner.invoke(main, ["push", "ftp://x/store", "-d", str(seeds_out)])
    assert scheme.exit_code == 2 and "must be http(s)" in scheme.stderr
    empty = runner.invoke(main, ["push", url, "-d", str(tmp_path)])
    assert empty.exit_code == 1 and f"no kg output in {tmp_path}" in empty.stderr


def test_service_runs_only_when_allowed(oxigraph: str, seeds_out: Path) -> None:
    pushed = CliRunner().invoke(main, ["push", f"{oxigraph}/store", "-d", str(seeds_out)])
    assert pushed.exit_code == 0
    query = (
        f"SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE {{ SERVICE <{oxigraph}/query> "
        "{ GRAPH ?g { ?a a schema:NewsArticle } } }"
    )
    refused = CliRunner().invoke(main, ["query", query, "-d", str(seeds_out)])
    assert refused.exit_code == 2 and "SERVICE (federated query) is disabled" in refused.stderr
    allowed = CliRunner().invoke(
        main, ["query", query, "-d", str(seeds_out), "--allow-service", "-f", "csv"]
    )
    assert allowed.exit_code == 0 and allowed.stdout.split() == ["n", "2"]
