"""The stages after NLP at 2k, 10k and 50k articles: time per article and peak memory.

    python bench/scale.py                        # 2,000, 10,000 and 50,000 articles
    python bench/scale.py --sizes 2000 10000     # fewer
    python bench/scale.py --workers 1

The BBC corpus is extracted once (NLP, cached in bench/out/scale/cache.sqlite). Each
size is then a JSON Lines file of the corpus's records repeated with fresh ids
("bbc/tech/001~7"), and an extraction cache holding, under each copy's own cache
key, the original's Article with the copy's id. `kg build` runs on that file in a
fresh process: extraction is all cache hits, so what is timed is everything after
NLP — read, cache lookups, corpus-wide linking of entities and events, mapping,
SHACL, article files, the store and the exports — done for real on N distinct
articles. Results go to bench/SCALE.md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "bbc_news_2225.jsonl"
WORK = ROOT / "bench" / "out" / "scale"
RESULTS = ROOT / "bench" / "SCALE.md"
EPOCH = 1_700_000_000
sys.path.insert(0, str(ROOT))

from kg.build import BuildOptions, build, extraction_settings  # noqa: E402
from kg.build.cache import Cache, document_key  # noqa: E402
from kg.extract import nlp  # noqa: E402
from kg.extract.entities.knowledge import Knowledge  # noqa: E402
from kg.model import Article, RawDocument  # noqa: E402
from kg.sources import InputLimits, iter_inputs  # noqa: E402

STAGES = ("read", "extract", "link", "map", "validate", "files", "spool", "store", "export")


def originals(workers: int) -> tuple[list[RawDocument], list[Article]]:
    """The corpus's documents and their Articles (extracted once, then from the cache)."""
    base = WORK / "base"
    started = time.perf_counter()
    result = build(BuildOptions(sources=(str(CORPUS),), out=base, workers=workers))
    print(
        f"corpus: {len(result.published)} articles, {result.reused} from the cache, "
        f"{time.perf_counter() - started:.0f} s",
        file=sys.stderr,
        flush=True,
    )
    docs = [d for d in iter_inputs((str(CORPUS),), InputLimits()) if isinstance(d, RawDocument)]
    keys = _keys(docs)
    with Cache.opened(base / ".kg" / "cache.sqlite") as cache:
        articles = [cache.article(k) for k in keys]
    return docs, articles


def _keys(docs: list[RawDocument]) -> list[str]:
    settings = extraction_settings(nlp.model_id(nlp.load()), Knowledge())
    return [document_key(d, settings) for d in docs]


def replicate(n: int, docs: list[RawDocument], articles: list[Article]) -> Path:
    """A folder with N articles (source file and warm extraction cache); its input path."""
    folder = WORK / str(n)
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "out" / ".kg").mkdir(parents=True)
    source = folder / "news.jsonl"
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    with source.open("w", encoding="utf-8") as f:
        for i in range(n):
            record = dict(records[i % len(records)])
            copy = i // len(records)
            if copy:
                record["id"] = f"{record['id']}~{copy}"
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    os.utime(source, (EPOCH, EPOCH))
    copies = [d for d in iter_inputs((str(source),), InputLimits()) if isinstance(d, RawDocument)]
    keys = _keys(copies)
    with Cache.opened(folder / "out" / ".kg" / "cache.sqlite") as cache:
        batch = []
        for i, (doc, key) in enumerate(zip(copies, keys, strict=True)):
            batch.append((key, replace(articles[i % len(articles)], id=doc.meta.id or "")))
            if len(batch) == 1000:
                cache.put_many(batch)
                batch = []
        cache.put_many(batch)
    return source


def child(source: Path, out: Path, workers: int) -> dict[str, Any]:
    started = time.perf_counter()
    result = build(BuildOptions(sources=(str(source),), out=out, workers=workers))
    wall = time.perf_counter() - started
    return {
        "wall": wall,
        "published": len(result.published),
        "reused": result.reused,
        "triples": result.triples,
        "timings": result.timings,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "workers_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def run(source: Path, workers: int) -> dict[str, Any]:
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    command = [sys.executable, __file__, "--child", str(source), "--workers", str(workers)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"build of {source} failed:\n{done.stderr[-3000:]}")
    return {**json.loads(done.stdout.strip().splitlines()[-1]), "loadavg": load}


def render(rows: list[tuple[int, dict[str, Any]]], workers: int) -> str:
    base = rows[0][1]["wall"] / rows[0][0]
    lines = [
        "# kg at scale: the stages after NLP",
        "",
        f"`python bench/scale.py --workers {workers}`: the BBC corpus's extracted articles "
        "repeated with fresh ids; `kg build` with every extraction a cache hit. Wall time of "
        "the build call; stage seconds from BuildResult.timings (map, SHACL, files and spool "
        "summed over the workers).",
        "",
        "| articles | wall s | ms / article | × smallest | peak RSS MB (build / largest "
        "worker) | triples | load avg at start |",
        "|---:|---:|---:|---:|---:|---:|---|",
    ]
    for n, r in rows:
        per = r["wall"] / n
        lines.append(
            f"| {n:,} | {r['wall']:.1f} | {per * 1e3:.1f} | {per / base:.2f} | "
            f"{r['rss_mb']:,.0f} / {r['workers_rss_mb']:,.0f} | {r['triples']:,} | {r['loadavg']} |"
        )
    lines += ["", "ms per article by stage:", ""]
    lines.append("| stage | " + " | ".join(f"{n:,}" for n, _ in rows) + " |")
    lines.append("|---|" + "---:|" * len(rows))
    for stage in STAGES:
        cells = [f"{1e3 * r['timings'].get(stage, 0.0) / n:.2f}" for n, r in rows]
        lines.append(f"| {stage} | " + " | ".join(cells) + " |")
    largest = rows[-1][1]["wall"] / rows[-1][0] / base
    worst = max(r["wall"] / n for n, r in rows) / min(r["wall"] / n for n, r in rows)
    peak = max(max(r["rss_mb"], r["workers_rss_mb"]) for _, r in rows)
    lines += [
        "",
        f"Time per article at the largest size: {largest:.2f} × the smallest (goal ≤ 1.2); "
        f"slowest size against the fastest: {worst:.2f} ×; peak RSS {peak:,.0f} MB "
        "(goal < 2,048).",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000, 50000])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.child.parent / "out", args.workers)))
        return
    docs, articles = originals(args.workers)
    rows = []
    for n in args.sizes:
        source = replicate(n, docs, articles)
        print(f"{n} articles …", file=sys.stderr, flush=True)
        row = run(source, args.workers)
        if row["reused"] != n:
            raise SystemExit(
                f"only {row['reused']} of {n} articles came from the extraction cache "
                "(was kg's extraction code changed during the run?)"
            )
        rows.append((n, row))
        print(json.dumps(rows[-1][1]), file=sys.stderr, flush=True)
        shutil.rmtree(source.parent, ignore_errors=True)
    text = render(rows, args.workers)
    print(text)
    RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
