"""Time the example queries (queries/*.rq) on a store built from the BBC corpus.

The same query text runs three ways in one run, on the same data:
  kg      kg.query.execute + write_result (SPARQL JSON), the path of `kg query -f json`
  raw     pyoxigraph itself: Store.read_only(...).query(...).serialize(JSON)
  rdflib  rdflib in memory: Dataset(default_union=True) parsed from kg.nq, result rows listed

    python bench/sparql_bench.py            # builds bench/out/bbc once (spaCy: minutes), then times
    python bench/sparql_bench.py --rebuild  # kg build again first (extraction comes from its cache)
    python bench/sparql_bench.py --repeat 9 --rdflib-timeout 300

Parameters of the queries (a person, a place) are taken from the data: the most
mentioned person and the most frequent content location, never written here.
"""

from __future__ import annotations

import argparse
import io
import multiprocessing as mp
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "bbc_news_2225.jsonl"
OUT = ROOT / "bench" / "out" / "bbc"
QUERIES = ROOT / "queries"

sys.path.insert(0, str(ROOT))
from kg.build import BuildOptions, build  # noqa: E402
from kg.rdf.namespaces import PREFIXES  # noqa: E402
from kg.sparql.query import execute, open_store, write_result  # noqa: E402
from kg.sparql.text import Term, bind, parse_term  # noqa: E402

PROLOGUE = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
TOP_PLACE = """SELECT ?name (COUNT(DISTINCT ?a) AS ?n) WHERE {
  ?a schema:contentLocation ?p . ?p schema:name ?name } GROUP BY ?name ORDER BY DESC(?n) LIMIT 1"""


def ensure_build(source: Path, out: Path) -> None:
    started = time.perf_counter()
    result = build(BuildOptions(sources=(str(source),), out=out))
    print(
        f"build: {len(result.published)} articles published, {result.triples} triples, "
        f"{result.reused} from cache, {time.perf_counter() - started:.1f} s "
        f"(store {result.timings.get('store', 0):.1f} s)",
        flush=True,
    )


def first_value(store_dir: Path, text: str, column: str) -> str:
    raw = ox.Store.read_only(str(store_dir)).query(PROLOGUE + text)
    return next(iter(raw))[column].value  # type: ignore[call-overload, index]


def plans(out: Path) -> list[tuple[str, dict[str, Term]]]:
    """(query file, bindings) for every example query, parameters taken from the data."""
    person = first_value(out / "store", (QUERIES / "most-mentioned-people.rq").read_text(), "name")
    place = first_value(out / "store", TOP_PLACE, "name")
    print(f"parameters from the data: person={person!r} place={place!r}", flush=True)
    return [
        ("most-mentioned-people.rq", {}),
        ("co-mentioned.rq", {"name": parse_term(person)}),
        ("articles-about-place.rq", {"placeName": parse_term(place)}),
        ("timeline.rq", {"name": parse_term(person)}),
        ("people-who-met.rq", {}),
        ("people-who-met.rq", {"name": parse_term(person)}),
    ]


def median_time(run: Callable[[], int], repeat: int) -> tuple[float, int]:
    times, rows = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        rows = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), rows


def _rdflib_worker(conn: mp.connection.Connection, nq: str) -> None:
    from rdflib import Dataset

    start = time.perf_counter()
    dataset = Dataset(default_union=True)
    dataset.parse(nq, format="nquads")
    conn.send(("loaded", time.perf_counter() - start))
    while True:
        try:
            text = conn.recv()
        except EOFError:  # the benchmark is over
            return
        start = time.perf_counter()
        rows = len(list(dataset.query(text)))
        conn.send((time.perf_counter() - start, rows))


class Rdflib:
    """rdflib in a child process, so a query that runs too long can be given up."""

    def __init__(self, nq: Path, timeout: float) -> None:
        self.nq, self.timeout = nq, timeout
        self._start()

    def _start(self) -> None:
        ctx = mp.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_rdflib_worker, args=(child, str(self.nq)), daemon=True)
        self.proc.start()
        _, seconds = self.conn.recv()
        print(f"rdflib: parsed {self.nq.name} in {seconds:.1f} s", flush=True)

    def run(self, text: str) -> tuple[float | None, int | None]:
        self.conn.send(text)
        if self.conn.poll(self.timeout):
            return self.conn.recv()  # type: ignore[no-any-return]
        self.proc.kill()
        self.proc.join()
        self._start()
        return None, None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--source", type=Path, default=CORPUS, help="what to build [the BBC corpus]")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--rebuild", action="store_true", help="run kg build even if OUT exists")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--rdflib-timeout", type=float, default=120.0)
    ap.add_argument("--no-rdflib", action="store_true")
    args = ap.parse_args()
    if args.rebuild or not (args.out / "manifest.json").exists():
        ensure_build(args.source, args.out)
    work = plans(args.out)
    rdflib = None if args.no_rdflib else Rdflib(args.out / "kg.nq", args.rdflib_timeout)
    store = open_store(args.out)
    raw_store = ox.Store.read_only(str(args.out / "store"))
    print(
        f"\n{'query':<40} {'rows':>6} {'kg ms':>9} {'raw ms':>9} {'rdflib ms':>10} "
        f"{'kg/raw':>7} {'rdflib/raw':>10}"
    )
    ratios = []
    for name, values in work:
        text = (QUERIES / name).read_text(encoding="utf-8")
        bound = bind(text, values)

        def kg_run(text: str = text, values: dict[str, Term] = values) -> int:
            buf = io.BytesIO()
            write_result(execute(store, text, values=values), buf, fmt="json")
            return buf.getvalue().count(b'"type"')

        def raw_run(bound: str = bound) -> int:
            out = raw_store.query(PROLOGUE + bound).serialize(format=ox.QueryResultsFormat.JSON)  # type: ignore[union-attr]
            return out.count(b'"type"')

        kg_run(), raw_run()  # warm caches once for both
        kg_times, raw_times = [], []
        for _ in range(args.repeat):  # interleaved, so load on the machine hits both alike
            kg_times.append(median_time(kg_run, 1)[0])
            raw_times.append(median_time(raw_run, 1)[0])
        kg_s, raw_s = statistics.median(kg_times), statistics.median(raw_times)
        rows = len(list(raw_store.query(PROLOGUE + bound)))  # type: ignore[arg-type]
        rd_s, rd_rows = rdflib.run(PROLOGUE + bound) if rdflib else (None, None)
        label = name + ("" if not values else " " + ",".join(values))
        rd = (
            "timeout" if rdflib and rd_s is None else ("-" if rd_s is None else f"{rd_s * 1e3:.1f}")
        )
        rd_ratio = "-" if rd_s is None else f"{rd_s / raw_s:.0f}x"
        same = "" if rd_rows is None or rd_rows == rows else f"  (rdflib rows {rd_rows}!)"
        print(
            f"{label:<40} {rows:>6} {kg_s * 1e3:>9.2f} {raw_s * 1e3:>9.2f} {rd:>10} "
            f"{kg_s / raw_s:>6.2f}x {rd_ratio:>10}{same}",
            flush=True,
        )
        ratios.append(kg_s / raw_s)
    print(
        f"\nkg/raw: median {statistics.median(ratios):.2f}x, worst {max(ratios):.2f}x "
        f"(goal <= 1.3x); machine shared and busy, figures are noisy"
    )


if __name__ == "__main__":
    main()
