"""Crash safety with real processes killed by SIGKILL.

A child process runs kg build and kills itself with SIGKILL when the build
reports a chosen stage (so every stage, including the middle of the commit, is
hit for sure), or `kg build` is killed from outside after a delay. The earlier
output must be intact and readable, and the next build must complete.
(bench/crash_resume.py does the same on 400 corpus articles.)
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import CORPUS
from rdflib import Graph

from kg.build import BuildOptions, build

EPOCH = 1_700_000_000
CHILD = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from kg.build import BuildOptions, build

    source, out, stage, at = sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])

    def progress(name, done, total):
        if name == stage and done >= at:
            os.kill(os.getpid(), signal.SIGKILL)

    build(BuildOptions(sources=(source,), out=out), progress)
    """
)


def write_input(path: Path, start: int, n: int) -> None:
    with CORPUS.open(encoding="utf-8") as f:
        lines = [line for i, line in zip(range(start + n), f, strict=False) if i >= start]
    path.write_text("".join(lines), encoding="utf-8")
    os.utime(path, (EPOCH, EPOCH))


def run(source: Path, out: Path, cache: bool = True) -> None:
    """A build in this process (the killed ones run in a child)."""
    result = build(BuildOptions(sources=(str(source),), out=out, cache=cache))
    assert result.complete, result.problems


def snapshot(out: Path) -> dict[str, bytes]:
    files = [out / n for n in ("kg.ttl", "kg.nq", "kg.jsonld", "manifest.json", "report.jsonl")]
    files += sorted((out / "articles").iterdir())
    return {f.name: f.read_bytes() for f in files}


def readable(out: Path) -> int:
    """The store's quad count; kg.ttl parses and the manifest loads."""
    Graph().parse(out / "kg.ttl", format="turtle")
    json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return len(ox.Store.read_only(str(out / "store")))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, bytes], int]:
    """A finished build of 8 articles, and an input where half of them changed."""
    tmp = tmp_path_factory.mktemp("crash")
    source, out = tmp / "news.jsonl", tmp / "out"
    write_input(source, 0, 8)
    run(source, out)
    before = snapshot(out)
    quads = readable(out)
    write_input(source, 4, 8)
    return source, out, before, quads


@pytest.mark.parametrize(
    ("stage", "at"),
    [("extract", 6), ("store", 1), ("commit", 0)],  # commit 0: all staged, nothing renamed
)
def test_killed_before_the_commit_leaves_the_earlier_output(
    built: tuple[Path, Path, dict[str, bytes], int], stage: str, at: int
) -> None:
    source, out, before, quads = built
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(source), str(out), stage, str(at)],
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert snapshot(out) == before
    assert readable(out) == quads


def test_killed_in_the_middle_of_the_commit_then_repaired(
    built: tuple[Path, Path, dict[str, bytes], int], tmp_path: Path
) -> None:
    source, out, _, _ = built
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(source), str(out), "commit", "1"],
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    readable(out)  # a mix of old and new, but every part readable
    assert (out / ".kg" / "committing").exists()
    run(source, out)
    run(source, tmp_path, cache=False)
    assert snapshot(out) == snapshot(tmp_path)


def test_kg_build_killed_after_a_few_seconds(tmp_path: Path) -> None:
    source, out = tmp_path / "news.jsonl", tmp_path / "out"
    write_input(source, 100, 3)
    run(source, out)
    before, quads = snapshot(out), readable(out)
    write_input(source, 200, 25)
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "build", str(source), "--out", str(out), "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        proc.wait(timeout=3)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL  # 25 articles take longer than 3 s
    assert snapshot(out) == before
    assert readable(out) == quads
    run(source, out)
    assert len(json.loads((out / "manifest.json").read_text())["articles"]) == 25
