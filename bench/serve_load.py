"""kg serve under load while runaway queries run: throughput, latency, memory caps.

    python -m bench.serve_load [--articles 300] [--clients 20] [--requests 50] [--runaways 2]

1. Builds the first --articles BBC corpus articles into bench/out/load (extraction
   comes from its cache after the first run) and starts `kg serve` on 127.0.0.1
   with its default limits (2 workers, --timeout 10, --max-memory 1GB).
2. Keeps --runaways queries running the whole time (a four-way cartesian COUNT,
   each stopped at the 10 s timeout and sent again), and waits a second.
3. --clients threads each send --requests queries (people, sections, an article's
   headline, ASK, in turn) over keep-alive connections: prints requests per second,
   the latency percentiles and the status codes.
4. Sends the wide queries — a SELECT * of 15 triple patterns, each binding a whole
   article text (its answer passes --max-bytes long before --max-rows), and a
   cartesian ORDER BY (Oxigraph holds every solution) — and follows the workers'
   memory (VmHWM) until the answer: each must end with 503 below the memory cap.

All on loopback; the corpus is read in place from ../shared (or $KG_SHARED/data).
The machine's load average is printed before and after: on a shared machine the
figures are only as good as the quiet they were measured in.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KG_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "data" / "corpus" / "bbc_news_2225.jsonl"
OUT = ROOT / "bench" / "out" / "load"

sys.path.insert(0, str(ROOT))
from kg.build import BuildOptions, build  # noqa: E402

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
CLIENT_QUERIES = (
    "SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n } LIMIT 100",
    "SELECT ?s (COUNT(?a) AS ?n) WHERE { ?a schema:articleSection ?s } GROUP BY ?s",
    "SELECT ?h WHERE { ?a a schema:NewsArticle ; schema:headline ?h } LIMIT 20",
    "ASK { ?e a schema:Event }",
)
# 15 triple patterns, each binding an article's whole text: every row is ~15 article bodies.
WIDE = "SELECT * WHERE { " + " . ".join(f"?a{i} schema:articleBody ?b{i}" for i in range(15)) + " }"
CARTESIAN_SORT = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i"


def corpus_part(n: int, path: Path) -> Path:
    with CORPUS.open(encoding="utf-8") as f:
        lines = [line for _, line in zip(range(n), f, strict=False)]
    if not path.exists() or path.read_text(encoding="utf-8") != "".join(lines):
        path.write_text("".join(lines), encoding="utf-8")
    return path


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(data: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    args = [sys.executable, "-m", "kg.cli", "serve", "--data", str(data), "--port", str(port)]
    with log.open("wb") as out:
        proc = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/sparql"
    for _ in range(300):
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit(f"kg serve did not start: {log.read_text(errors='replace')}")


def children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def peak_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def keep_running(url: str, stop: threading.Event, outcomes: list[int]) -> None:
    with httpx.Client(timeout=60) as client:
        while not stop.is_set():
            outcomes.append(client.get(url, params={"query": RUNAWAY}).status_code)


def client(url: str, requests: int, offset: int, seen: list[tuple[float, int]]) -> None:
    with httpx.Client(timeout=60) as c:
        for n in range(requests):
            query = CLIENT_QUERIES[(offset + n) % len(CLIENT_QUERIES)]
            start = time.perf_counter()
            status = c.get(url, params={"query": query}).status_code
            seen.append((time.perf_counter() - start, status))


def load(url: str, clients: int, requests: int) -> tuple[float, list[tuple[float, int]]]:
    seen: list[tuple[float, int]] = []
    threads = [
        threading.Thread(target=client, args=(url, requests, i, seen)) for i in range(clients)
    ]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start, seen


def wide(url: str, server: int, query: str) -> tuple[int, float, int, str]:
    """(status, seconds, the highest peak memory of a worker in kB, first line of the body)."""
    result: list[httpx.Response] = []
    thread = threading.Thread(
        target=lambda: result.append(httpx.get(url, params={"query": query}, timeout=60))
    )
    start = time.perf_counter()
    thread.start()
    peak = 0
    while thread.is_alive():
        peak = max([peak, *(peak_kb(pid) for pid in children(server))])
        time.sleep(0.02)
    answer = result[0]
    first = (
        answer.text.splitlines()[0] if answer.status_code != 200 else f"{len(answer.content)} bytes"
    )
    return answer.status_code, time.perf_counter() - start, peak, first[:200]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--runaways", type=int, default=2)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    source = corpus_part(args.articles, OUT.parent / f"load-{args.articles}.jsonl")
    built = build(BuildOptions(sources=(str(source),), out=OUT))
    print(f"data: {len(built.published)} articles, {built.triples} triples in {OUT}")
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    port = free_port()
    url = f"http://127.0.0.1:{port}/sparql"
    proc = start_server(OUT, port, OUT.parent / "serve-load.log")
    try:
        stop, runaway_codes = threading.Event(), []
        runaways = [
            threading.Thread(target=keep_running, args=(url, stop, runaway_codes))
            for _ in range(args.runaways)
        ]
        for t in runaways:
            t.start()
        time.sleep(1.0)
        seconds, seen = load(url, args.clients, args.requests)
        stop.set()
        latencies = [s for s, _ in seen]
        codes = sorted({c for _, c in seen})
        print(
            f"{args.clients} clients x {args.requests} requests while {args.runaways} runaway "
            f"queries ran: {len(seen) / seconds:.1f} req/s, p50 {percentile(latencies, 50):.3f} s, "
            f"p99 {percentile(latencies, 99):.3f} s, max {max(latencies):.3f} s; status "
            + ", ".join(f"{c}: {sum(1 for _, x in seen if x == c)}" for c in codes)
        )
        for t in runaways:
            t.join()
        print(f"runaway answers: {sorted(runaway_codes)}")
        for name, query in (
            ("wide SELECT * (15 patterns)", WIDE),
            ("sorted cartesian", CARTESIAN_SORT),
        ):
            status, took, peak, first = wide(url, proc.pid, query)
            print(
                f"{name}: HTTP {status} after {took:.1f} s, "
                f"worker peak {peak / 1024:.0f} MB: {first}"
            )
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    finally:
        proc.terminate()
        proc.wait(30)


if __name__ == "__main__":
    main()
