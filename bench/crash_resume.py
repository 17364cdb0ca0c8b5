"""Crash safety and incremental builds on real articles, with real processes.

    python -m bench.crash_resume [--articles 400] [--kills 3,8,20]

1. `kg build` of N corpus articles (timed), then the same build again (timed:
   everything reused) — every output file must be byte-identical.
2. The input changes (half the articles replaced), and `kg build` is started and
   killed with SIGKILL after each delay in --kills: after every kill the earlier
   kg.ttl, kg.nq, manifest.json must be byte-identical and the store readable
   with the same number of quads.
3. The build then runs to the end, and its output must equal a fresh
   (--no-cache) build of the same input in another folder.

The corpus is read from ../shared in place; everything is written under a temp folder.
Timings are wall-clock on whatever machine runs this (noisy on a shared one).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared/data/corpus/bbc_news_2225.jsonl"
KG = [sys.executable, "-m", "kg.cli"]
CHECKED = ("kg.ttl", "kg.nq", "kg.jsonld", "manifest.json", "report.jsonl")


def write_input(path: Path, lines: list[str]) -> None:
    path.write_text("".join(lines), encoding="utf-8")
    os.utime(path, (1_700_000_000, 1_700_000_000))  # same mtime: same generatedAtTime


def run(args: list[str]) -> tuple[int, float]:
    start = time.perf_counter()
    done = subprocess.run(KG + args, capture_output=True, check=False)
    if done.returncode not in (0, 3):
        sys.stderr.write(done.stderr.decode())
    return done.returncode, time.perf_counter() - start


def snapshot(out: Path) -> dict[str, str]:
    """sha256 of every published file (exports, manifest, report, articles/*)."""
    files = [out / n for n in CHECKED] + sorted((out / "articles").iterdir())
    return {str(f.relative_to(out)): hashlib.sha256(f.read_bytes()).hexdigest() for f in files}


def store_quads(out: Path) -> int:
    return len(ox.Store.read_only(str(out / "store")))


def kill_after(args: list[str], seconds: float) -> int:
    proc = subprocess.Popen(KG + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        proc.wait(timeout=seconds)
        return proc.returncode  # finished before the kill
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        return proc.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--kills", default="3,8,20", help="seconds after which to kill")
    args = parser.parse_args()
    n = args.articles
    lines = CORPUS.read_text(encoding="utf-8").splitlines(keepends=True)
    with tempfile.TemporaryDirectory() as tmp:
        source, out, fresh = Path(tmp) / "news.jsonl", Path(tmp) / "out", Path(tmp) / "fresh"
        write_input(source, lines[:n])
        build = ["build", str(source), "--out", str(out), "--quiet"]
        code1, first = run(build)
        before = snapshot(out)
        code2, second = run(build)
        same = snapshot(out) == before
        print(f"first build of {n} articles: {first:.1f} s (exit {code1})")
        print(
            f"unchanged second build: {second:.1f} s (exit {code2}), {first / second:.1f}x faster"
        )
        print(f"second build wrote identical bytes: {same}")
        quads = store_quads(out)
        write_input(source, lines[n // 2 : n + n // 2])
        for delay in (float(s) for s in args.kills.split(",")):
            code = kill_after(build, delay)
            intact = snapshot(out) == before and store_quads(out) == quads
            print(f"killed after {delay:.0f} s (exit {code}): earlier output intact: {intact}")
        code3, resumed = run(build)
        code4, _ = run(["build", str(source), "--out", str(fresh), "--quiet", "--no-cache"])
        equal = snapshot(out) == snapshot(fresh)
        print(
            f"next build completed in {resumed:.1f} s (exit {code3}); equals a fresh build: {equal}"
        )
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        print(f"published {len(manifest['articles'])} articles, {store_quads(out)} quads")


if __name__ == "__main__":
    main()
