"""Crash safety with real processes killed by SIGKILL.

A child process runs kg build and kills itself with SIGKILL when the build
reports a chosen stage (so every stage, including each step of the commit, is
hit for sure), or `kg build` is killed from outside while its workers run. What
kg's readers open must be one whole state (the old one or the new one), no
process may be left behind, and the next build must complete.
(bench/crash_resume.py does the same on 400 corpus articles.)
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from conftest import CORPUS
from rdflib import Graph
from servers import alive, children

from kg.build import BuildOptions, build
from kg.cli import main
from kg.parallel import default_workers
from kg.publish.state import open_state

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


def consistent(out: Path) -> set[str]:
    """What kg's readers open is one state: its manifest, store, kg.nq and articles/ agree.
    Returns the ids it publishes."""
    state = open_state(out)
    graphs = {str(e["graph"]) for e in state.manifest.articles.values()}
    assert set(state.store.graphs()) == graphs
    nquads = (state.folder / "kg.nq").read_text(encoding="utf-8").splitlines()
    assert {line.rsplit(" ", 2)[-2].strip("<>") for line in nquads} == graphs
    stems = {str(e["file"]) for e in state.manifest.articles.values()}
    files = {p.name for p in (state.folder / "articles").iterdir()}
    assert files == {f"{s}{ext}" for s in stems for ext in (".ttl", ".jsonld")}
    return set(state.manifest.articles)


def kill_at(source: Path, out: Path, stage: str, at: int) -> None:
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(source), str(out), stage, str(at)],
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr


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
    [("extract", 6), ("validate", 8), ("store", 1), ("commit", 0), ("commit", 1)],
)
def test_killed_before_the_switch_leaves_the_earlier_output(
    built: tuple[Path, Path, dict[str, bytes], int], stage: str, at: int
) -> None:
    """Up to commit step 1 (the new state renamed into place, the pointer not yet switched)."""
    source, out, before, quads = built
    kill_at(source, out, stage, at)
    assert snapshot(out) == before
    assert readable(out) == quads
    assert len(consistent(out)) == 8


@pytest.mark.parametrize("step", [2, 3, 4])
def test_killed_after_the_switch_leaves_the_new_output(tmp_path: Path, step: int) -> None:
    """From commit step 2 on (the pointer switched), readers see the new state, whole."""
    source, out, fresh = tmp_path / "news.jsonl", tmp_path / "out", tmp_path / "fresh"
    write_input(source, 0, 8)
    run(source, out)
    write_input(source, 4, 8)
    kill_at(source, out, "commit", step)
    run(source, fresh, cache=False)
    assert snapshot(out) == snapshot(fresh)
    assert consistent(out) == consistent(fresh)
    run(source, out)  # and the next build completes, with the same bytes
    assert snapshot(out) == snapshot(fresh)


def test_next_build_after_each_kill_completes(
    built: tuple[Path, Path, dict[str, bytes], int], tmp_path: Path
) -> None:
    source, out, _, _ = built
    kill_at(source, out, "commit", 0)
    run(source, out)
    run(source, tmp_path, cache=False)
    assert snapshot(out) == snapshot(tmp_path)
    assert sorted(p.name for p in (out / ".kg").iterdir() if p.name.startswith("state-")) == [
        os.readlink(out / ".kg" / "current")
    ]


def test_kg_build_killed_with_its_workers_leaves_no_process_and_no_lock(tmp_path: Path) -> None:
    """kill -9 of a build with the default workers while they extract: every worker exits,
    the output folder is not locked, the earlier output is intact, the next build completes."""
    assert default_workers() >= 2, "this machine runs builds with worker processes"
    source, out = tmp_path / "news.jsonl", tmp_path / "out"
    write_input(source, 100, 3)
    run(source, out)
    before, quads = snapshot(out), readable(out)
    write_input(source, 200, 80)
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "build", str(source), "--out", str(out), "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: set[int] = set()
    deadline = time.monotonic() + 120
    while len(workers) < 2 and proc.poll() is None and time.monotonic() < deadline:
        workers |= children(proc.pid)
        time.sleep(0.1)
    assert len(workers) >= 2, "the build started its worker processes"
    proc.send_signal(signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL
    gone_by = time.monotonic() + 5
    while any(alive(w) for w in workers) and time.monotonic() < gone_by:
        time.sleep(0.05)
    assert [w for w in workers if alive(w)] == []
    assert snapshot(out) == before
    assert readable(out) == quads
    result = CliRunner().invoke(main, ["build", str(source), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert f"note: kg process {proc.pid} was stopped while writing to {out}" in result.stderr
    assert len(json.loads((out / "manifest.json").read_text())["articles"]) == 80
