"""Parallel builds: worker processes give the same bytes as one process."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import CORPUS

from kg.build import BuildOptions, BuildResult, build
from kg.errors import WorkerError
from kg.extract import nlp
from kg.extract.workers import CHUNK
from kg.parallel import ordered_map

EPOCH = 1_700_000_000
ARTICLES = 2 * CHUNK + 6  # three chunks of extraction work, so two workers share it


def published_files(out: Path) -> dict[str, bytes]:
    names = ["kg.ttl", "kg.nq", "kg.jsonld", "manifest.json", "report.jsonl", "event-types.ttl"]
    found = {n: (out / n).read_bytes() for n in names}
    found.update({f"articles/{f.name}": f.read_bytes() for f in (out / "articles").iterdir()})
    return found


@pytest.fixture(scope="module")
def corpus_part(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("workers") / "news.jsonl"
    with CORPUS.open(encoding="utf-8") as f:
        path.write_text(
            "".join(line for _, line in zip(range(ARTICLES), f, strict=False)), encoding="utf-8"
        )
    os.utime(path, (EPOCH, EPOCH))
    return path


@pytest.fixture(scope="module")
def one_process(corpus_part: Path) -> tuple[Path, BuildResult]:
    out = corpus_part.parent / "one"
    return out, build(BuildOptions(sources=(str(corpus_part),), out=out, cache=False, workers=1))


def test_two_workers_write_the_same_bytes_as_one(
    corpus_part: Path, one_process: tuple[Path, BuildResult]
) -> None:
    one, single = one_process
    out = corpus_part.parent / "two"
    result = build(BuildOptions(sources=(str(corpus_part),), out=out, cache=False, workers=2))
    assert len(result.published) == len(single.published) > ARTICLES - 3
    assert result.problems == single.problems
    mine, theirs = published_files(out), published_files(one)
    assert sorted(mine) == sorted(theirs)
    assert [n for n in mine if mine[n] != theirs[n]] == []


def test_timings_name_every_stage(one_process: tuple[Path, BuildResult]) -> None:
    timings = one_process[1].timings
    stages = ["read", "layout", "nlp", "rules", "events", "link", "map", "validate", "store"]
    assert [s for s in [*stages, "export", "files"] if s not in timings] == []
    assert all(v >= 0 for v in timings.values())
    assert timings["nlp"] > timings["layout"]


def test_only_the_pipes_kg_reads_run() -> None:
    assert nlp.load().pipe_names == ["tok2vec", nlp.PARAGRAPHS, "parser", "ner"]


def _square(offset: int, n: int) -> int:
    return n * n + offset


def _die(_: int, n: int) -> int:
    if n == 3:
        os._exit(1)
    return n


def test_ordered_map_keeps_the_order_of_the_work() -> None:
    assert list(ordered_map(_square, 1, range(40), workers=2)) == [n * n + 1 for n in range(40)]
    assert list(ordered_map(_square, 0, range(5), workers=1)) == [0, 1, 4, 9, 16]


def test_a_worker_that_dies_is_a_clear_error() -> None:
    with pytest.raises(WorkerError, match="a worker process died"):
        list(ordered_map(_die, None, range(10), workers=2))


def test_a_dask_cluster_writes_the_same_bytes_as_one_process(
    corpus_part: Path, one_process: tuple[Path, BuildResult]
) -> None:
    from distributed import Client, LocalCluster

    one, single = one_process
    out = corpus_part.parent / "dask"
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        options = BuildOptions(
            sources=(str(corpus_part),), out=out, cache=False, scheduler=cluster.scheduler_address
        )
        result = build(options)
        with Client(cluster) as client:
            models = client.run(lambda: __import__("kg.extract.nlp").extract.nlp.load.cache_info())
    assert result.published == single.published
    mine, theirs = published_files(out), published_files(one)
    assert [n for n in sorted(theirs) if mine.get(n) != theirs[n]] == []
    # The extraction ran on the cluster: both of its workers loaded the model.
    assert [info.currsize for info in models.values()] == [1, 1]


def test_cli_workers_and_an_unreachable_scheduler(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import main

    runner = CliRunner()
    bad = runner.invoke(main, ["build", "seeds", "--out", str(tmp_path / "a"), "--workers", "0"])
    assert bad.exit_code == 2
    assert "0 is not in the range x>=1" in bad.output
    gone = runner.invoke(
        main,
        ["build", "seeds", "--out", str(tmp_path / "b"), "--scheduler", "tcp://127.0.0.1:9"],
    )
    assert gone.exit_code == 1
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in gone.output
