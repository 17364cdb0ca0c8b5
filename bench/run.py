"""kg against its baselines on the BBC corpus, in one run; writes bench/RESULTS.md.

    python bench/run.py                  # the whole corpus: about 12 minutes on 2 cores
    python bench/run.py --limit 300      # a quick look at the first 300 articles

Every measurement runs in a fresh process, one after the other, on the same texts:
  spaCy     spacy.load(model).pipe(texts): the model's full default pipeline
  kg w1     kg build --workers 1 --no-cache (the library call the command makes)
  kg w2     kg build --workers 2 --no-cache
  export    kg.ttl, kg.nq, kg.jsonld of the w1 store (kg.store.Store.export) against
            Oxigraph's own dump of the same store (Turtle and JSON-LD of the default
            graph, N-Quads of the whole store)
  queries   queries/*.rq through kg.query against pyoxigraph itself (bench/sparql_bench.py)
The time of a build is the wall time of its whole process (start, imports, model load,
build); its stages are the build's own timers (BuildResult.timings).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "bbc_news_2225.jsonl"
RESULTS = ROOT / "bench" / "RESULTS.md"
sys.path.insert(0, str(ROOT))

from bench.events_section import with_events  # noqa: E402

# Stages of BuildResult.timings, in the order of the flow (worker seconds where parallel).
STAGES = [
    ("read", "read"),
    ("layout", "clean / layout"),
    ("nlp", "NLP (spaCy)"),
    ("rules", "entity rules"),
    ("events", "events"),
    ("link", "link"),
    ("map", "map"),
    ("validate", "SHACL"),
    ("files", "article files"),
    ("spool", "spool"),
    ("store", "store"),
    ("export", "export"),
    ("commit", "commit"),
]


def texts(source: Path, limit: int | None) -> list[str]:
    out = []
    with source.open(encoding="utf-8") as f:
        for n, line in enumerate(f):
            if limit is not None and n >= limit:
                break
            out.append(json.loads(line)["text"])
    return out


def peak_rss_mb() -> dict[str, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"rss_mb": own, "workers_rss_mb": kids}


# -- children (each measurement in its own process) ------------------------------------


def child_spacy(source: Path, limit: int | None) -> dict[str, Any]:
    import spacy

    from kg.extract.nlp import default_model

    docs = texts(source, limit)
    start = time.perf_counter()
    nlp = spacy.load(default_model())
    loaded = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(docs))
    end = time.perf_counter()
    return {
        "load": loaded - start,
        "pipe": end - loaded,
        "tokens": tokens,
        "pipes": nlp.pipe_names,
        **peak_rss_mb(),
    }


def child_build(source: Path, limit: int | None, out: Path, workers: int) -> dict[str, Any]:
    from kg.build import BuildOptions, build

    if limit is not None:
        part = out.parent / f"{out.name}-input.jsonl"
        with source.open(encoding="utf-8") as f:
            part.write_text(
                "".join(line for _, line in zip(range(limit), f, strict=False)), encoding="utf-8"
            )
        source = part
    result = build(BuildOptions(sources=(str(source),), out=out, cache=False, workers=workers))
    return {
        "timings": result.timings,
        "published": len(result.published),
        "problems": len([p for p in result.problems if p.kind != "warning"]),
        "triples": result.triples,
        **peak_rss_mb(),
    }


def child_export(out: Path) -> dict[str, Any]:
    import pyoxigraph as ox

    from kg.publish.files import EXPORTS
    from kg.publish.store import Store
    from kg.rdf import formats
    from kg.rdf.namespaces import PREFIXES

    store = Store(out / "store", read_only=True)
    raw = ox.Store.read_only(str(out / "store"))
    native = {
        "turtle": (ox.RdfFormat.TURTLE, ox.DefaultGraph()),
        "json-ld": (ox.RdfFormat.JSON_LD, ox.DefaultGraph()),
        "nquads": (ox.RdfFormat.N_QUADS, None),
    }
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, fmt_name in EXPORTS:
            fmt = formats.get(fmt_name)
            target = Path(tmp) / name
            start = time.perf_counter()
            with target.open("wb") as f:
                store.export(fmt, f)
            kg_s, kg_bytes = time.perf_counter() - start, target.stat().st_size
            ox_fmt, graph = native[fmt_name]
            start = time.perf_counter()
            with target.open("wb") as f:
                if graph is None:
                    raw.dump(f, ox_fmt)
                else:
                    prefixes = PREFIXES if ox_fmt is ox.RdfFormat.TURTLE else None
                    raw.dump(f, ox_fmt, from_graph=graph, prefixes=prefixes)
            raw_s, raw_bytes = time.perf_counter() - start, target.stat().st_size
            rows.append([name, kg_s, kg_bytes, raw_s, raw_bytes])
    return {"exports": rows}


def child_queries(out: Path, repeat: int) -> dict[str, Any]:
    import pyoxigraph as ox

    from bench.sparql_bench import PROLOGUE, QUERIES, plans
    from kg.sparql.query import execute, open_store, write_result
    from kg.sparql.text import bind

    store, raw = open_store(out), ox.Store.read_only(str(out / "store"))
    rows = []
    for name, values in plans(out):
        text = (QUERIES / name).read_text(encoding="utf-8")
        bound = PROLOGUE + bind(text, values)
        kg_times, raw_times = [], []
        for n in range(repeat + 1):  # the first round warms the caches and is not counted
            start = time.perf_counter()
            buf = io.BytesIO()
            write_result(execute(store, text, values=values), buf, fmt="json")
            middle = time.perf_counter()
            raw.query(bound).serialize(format=ox.QueryResultsFormat.JSON)  # type: ignore[union-attr]
            end = time.perf_counter()
            if n:
                kg_times.append(middle - start)
                raw_times.append(end - middle)
        label = name + ("" if not values else " (" + ", ".join(values) + ")")
        rows.append([label, statistics.median(kg_times), statistics.median(raw_times)])
    return {"queries": rows}


# -- the run ------------------------------------------------------------------------------


def run_child(args: list[str]) -> tuple[dict[str, Any], float, str]:
    """(the child's JSON, its wall time, the load average when it started)."""
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=False
    )
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"bench child {args[0]} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1]), wall, load


def machine() -> list[tuple[str, str]]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "?",
    )
    mem = next(
        int(line.split()[1]) / 1024**2
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    from kg.extract.nlp import default_model

    model = default_model()
    return [
        ("cores", f"{len(os.sched_getaffinity(0))} ({cpu})"),
        ("RAM", f"{mem:.1f} GiB"),
        ("OS", platform.platform()),
        ("Python", platform.python_version()),
        ("spaCy", metadata.version("spacy")),
        ("model", f"{model} {metadata.version(model.replace('_', '-'))}"),
        ("pyoxigraph", metadata.version("pyoxigraph")),
        ("rdflib / pySHACL", f"{metadata.version('rdflib')} / {metadata.version('pyshacl')}"),
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--source", type=Path, default=CORPUS)
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--repeat", type=int, default=5, help="rounds of each query")
    ap.add_argument("--results", type=Path, default=RESULTS)
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(_child(args)))
        return
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        report = measure(args, Path(tmp))
    report["total"] = time.perf_counter() - started
    (args.results.parent / "out").mkdir(exist_ok=True)
    (args.results.parent / "out" / "run.json").write_text(json.dumps(report, indent=1))
    text = with_events(render(report, args))  # the events tables, from bench/EVENTS.md
    print(text)
    args.results.write_text(text, encoding="utf-8")
    print(f"(written to {args.results})")


def _child(args: argparse.Namespace) -> dict[str, Any]:
    kind, rest = args.child[0], args.child[1:]
    if kind == "spacy":
        return child_spacy(args.source, args.limit)
    if kind == "build":
        return child_build(args.source, args.limit, Path(rest[0]), int(rest[1]))
    if kind == "export":
        return child_export(Path(rest[0]))
    return child_queries(Path(rest[0]), args.repeat)


def measure(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    common = ["--source", str(args.source), "--repeat", str(args.repeat)]
    if args.limit is not None:
        common += ["--limit", str(args.limit)]
    docs = texts(args.source, args.limit)
    report: dict[str, Any] = {"articles": len(docs), "words": sum(len(t.split()) for t in docs)}
    for key, child in [
        ("spacy", ["spacy"]),
        ("w1", ["build", str(tmp / "w1"), "1"]),
        ("w2", ["build", str(tmp / "w2"), "2"]),
        ("export", ["export", str(tmp / "w1")]),
        ("queries", ["queries", str(tmp / "w1")]),
    ]:
        print(f"running {key} …", file=sys.stderr, flush=True)
        data, wall, load = run_child([*child, *common])
        report[key] = {**data, "wall": wall, "loadavg": load}
    return report


def render(r: dict[str, Any], args: argparse.Namespace) -> str:
    n, words = r["articles"], r["words"]
    limit = "" if args.limit is None else f" --limit {args.limit}"
    lines = [
        "# kg benchmark",
        "",
        f"`python bench/run.py{limit}` on {args.source.name}: {n} articles, {words:,} words. "
        f"Regenerated by the script; the whole run took {r['total'] / 60:.1f} min.",
        "",
        "| machine | |",
        "|---|---|",
        *[f"| {k} | {v} |" for k, v in machine()],
    ]
    lines += _builds(r)
    lines += _stages(r)
    export_lines, export_ratio = _exports(r)
    lines += export_lines
    lines += _queries(r, args.repeat)
    lines += _goals(r, export_ratio)
    return "\n".join(lines)


def _builds(r: dict[str, Any]) -> list[str]:
    n, words = r["articles"], r["words"]
    sp, w1, w2 = r["spacy"], r["w1"], r["w2"]
    lines = [
        "",
        "## Build against bare spaCy (wall time of each whole process)",
        "",
        "| run | seconds | × spaCy | articles/s | words/s | peak RSS MB | load avg at start |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for label, d, rss in [
        (f"spaCy full pipeline ({', '.join(sp['pipes'])})", sp, sp["rss_mb"]),
        ("kg build --workers 1", w1, max(w1["rss_mb"], w1["workers_rss_mb"])),
        ("kg build --workers 2", w2, max(w2["rss_mb"], w2["workers_rss_mb"])),
    ]:
        lines.append(
            f"| {label} | {d['wall']:.1f} | {d['wall'] / sp['wall']:.2f} | {n / d['wall']:.1f} "
            f"| {words / d['wall']:,.0f} | {rss:,.0f} | {d['loadavg']} |"
        )
    return [
        *lines,
        "",
        f"spaCy alone: model load {sp['load']:.1f} s, pipe {sp['pipe']:.1f} s "
        f"({words / sp['pipe']:,.0f} words/s). kg published {w1['published']} articles "
        f"({w1['triples']:,} triples); {w1['problems']} not published. Peak RSS of kg with "
        f"workers: build process {w2['rss_mb']:,.0f} MB, largest worker "
        f"{w2['workers_rss_mb']:,.0f} MB.",
    ]


def _stages(r: dict[str, Any]) -> list[str]:
    t1, t2 = r["w1"]["timings"], r["w2"]["timings"]
    lines = [
        "",
        "## Stages of the build",
        "",
        "Seconds per stage (BuildResult.timings). Extraction (clean/layout, NLP, entity "
        "rules, events) and map/SHACL/article files/spool run in the workers: their figures "
        "are summed over the workers, so with 2 workers they add up to more than the wall "
        "time. Share = of the sum of the stages.",
        "",
        "| stage | w1 s | w1 share | w2 s (summed) |",
        "|---|---:|---:|---:|",
    ]
    total1 = sum(t1.get(k, 0.0) for k, _ in STAGES)
    for key, label in STAGES:
        a, b = t1.get(key, 0.0), t2.get(key, 0.0)
        lines.append(f"| {label} | {a:.1f} | {100 * a / total1:.1f}% | {b:.1f} |")
    walls = ("extract", "graphs", "publish")
    lines.append(
        "| wall: extract / graphs / publish | "
        + " / ".join(f"{t1.get(k, 0):.1f}" for k in walls)
        + " | | "
        + " / ".join(f"{t2.get(k, 0):.1f}" for k in walls)
        + " |"
    )
    return lines


def _exports(r: dict[str, Any]) -> tuple[list[str], float]:
    lines = [
        "",
        "## Export of the whole graph against Oxigraph's own dump of the same store",
        "",
        "| file | kg s | kg MB | raw s | raw MB | kg / raw |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    kg_sum = raw_sum = 0.0
    for name, kg_s, kg_b, raw_s, raw_b in r["export"]["exports"]:
        kg_sum, raw_sum = kg_sum + kg_s, raw_sum + raw_s
        lines.append(
            f"| {name} | {kg_s:.2f} | {kg_b / 1e6:.1f} | {raw_s:.2f} | {raw_b / 1e6:.1f} "
            f"| {kg_s / raw_s:.2f} |"
        )
    lines += [
        f"| all three | {kg_sum:.2f} | | {raw_sum:.2f} | | {kg_sum / raw_sum:.2f} |",
        "",
        "Raw: Turtle and JSON-LD (expanded, Oxigraph's writer) of the default graph, N-Quads "
        "of the whole store (the default graph, which holds the union, included). kg.nq holds "
        "the article graphs only; kg.jsonld is compact JSON-LD with the schema.org context. "
        "Both sides write one file after the other in one process.",
    ]
    return lines, kg_sum / raw_sum


def _queries(r: dict[str, Any], repeat: int) -> list[str]:
    lines = [
        "",
        f"## Queries against pyoxigraph (median of {repeat}, ms)",
        "",
        "| query | kg ms | raw ms | kg / raw |",
        "|---|---:|---:|---:|",
    ]
    for label, kg_s, raw_s in r["queries"]["queries"]:
        lines.append(
            f"| {label} | {kg_s * 1e3:.2f} | {raw_s * 1e3:.2f} | {kg_s / max(raw_s, 1e-9):.2f} |"
        )
    return lines


def _goals(r: dict[str, Any], export_ratio: float) -> list[str]:
    sp, w1, w2 = r["spacy"], r["w1"], r["w2"]
    goals = [
        ("kg build --workers 1 ≤ 1.3 × spaCy full pipeline", w1["wall"] / sp["wall"], 1.3, "le"),
        ("--workers 2 at least 1.5 × faster than --workers 1", w1["wall"] / w2["wall"], 1.5, "ge"),
        ("whole-graph export ≤ 1.5 × raw pyoxigraph dump", export_ratio, 1.5, "le"),
    ]
    lines = ["", "## Goals", "", "| goal | measured | met |", "|---|---:|---|"]
    for label, value, bound, way in goals:
        met = value <= bound if way == "le" else value >= bound
        lines.append(f"| {label} | {value:.2f} | {'yes' if met else 'NO'} |")
    return [
        *lines,
        "",
        "Timing figures depend on what else the machine runs (see the load average column); "
        "scaling to 50k articles is measured by bench/scale.py (bench/SCALE.md).",
        "",
    ]


if __name__ == "__main__":
    main()
