"""Incremental builds: unchanged input is reused and writes identical bytes; a changed
article replaces only its own graph; `kg remove` takes an article out everywhere."""

from __future__ import annotations

import json
import os
import shutil
from collections import defaultdict
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS

from kg.build import BuildOptions, BuildResult, build
from kg.cli import main
from kg.errors import StoreError
from kg.publish.output import OutputFolder
from kg.publish.state import PUBLISHED, open_state
from kg.publish.store import Store

EPOCH = 1_700_000_000


def corpus(n: int, start: int = 0) -> list[dict[str, object]]:
    with CORPUS.open(encoding="utf-8") as f:
        rows = [json.loads(line) for _, line in zip(range(start + n), f, strict=False)]
    return rows[start:]


def write_jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    os.utime(path, (EPOCH, EPOCH))
    return path


def run(source: Path, out: Path, cache: bool = True) -> BuildResult:
    return build(BuildOptions(sources=(str(source),), out=out, cache=cache))


def published_files(out: Path) -> dict[str, bytes]:
    names = ["kg.ttl", "kg.jsonld", "kg.nq", "manifest.json", "report.jsonl"]
    found = {n: (out / n).read_bytes() for n in names}
    found.update({f"articles/{f.name}": f.read_bytes() for f in (out / "articles").iterdir()})
    return found


def inodes(out: Path) -> dict[str, int]:
    files = [out / "kg.ttl", *sorted((out / "articles").iterdir())]
    return {f.name: f.stat().st_ino for f in files}


def quads_by_graph(out: Path) -> dict[str, set[str]]:
    graphs: dict[str, set[str]] = defaultdict(set)
    for line in (out / "kg.nq").read_text(encoding="utf-8").splitlines():
        graph = line.rsplit(" ", 2)[-2]
        graphs[graph].add(line)
    return dict(graphs)


@pytest.fixture(scope="module")
def six(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, BuildResult]:
    """Six corpus articles, built once: (input file, output folder, result)."""
    tmp = tmp_path_factory.mktemp("six")
    source = write_jsonl(tmp / "news.jsonl", corpus(6))
    out = tmp / "out"
    return source, out, run(source, out)


def test_unchanged_build_reuses_everything_and_writes_identical_bytes(
    six: tuple[Path, Path, BuildResult],
) -> None:
    source, out, first = six
    assert len(first.published) == 6 and first.reused == 0
    before, ids = published_files(out), inodes(out)
    again = run(source, out)
    assert again.reused == 6
    assert again.published == first.published
    assert again.timings.get("validate", 0.0) < 0.05  # SHACL verdicts came from the cache
    assert published_files(out) == before
    assert inodes(out) == ids  # not even rewritten


def test_fresh_build_equals_incremental_build(
    six: tuple[Path, Path, BuildResult], tmp_path: Path
) -> None:
    source, out, _ = six
    fresh = run(source, tmp_path, cache=False)
    assert fresh.reused == 0
    assert published_files(tmp_path) == published_files(out)


def test_changed_article_replaces_only_its_own_graph(tmp_path: Path) -> None:
    rows = corpus(6)
    source = write_jsonl(tmp_path / "news.jsonl", rows)
    out = tmp_path / "out"
    run(source, out)
    before_quads, before_inodes = quads_by_graph(out), inodes(out)
    manifest = json.loads((out / "manifest.json").read_text())["articles"]
    rows[2] = {
        **rows[2],
        "text": str(rows[2]["text"]) + "\n\nThe figures were published on Monday.",
    }
    write_jsonl(source, rows)
    result = run(source, out)
    assert result.reused == 5
    changed_graph = manifest["bbc/business/003"]["graph"]
    after_quads = quads_by_graph(out)
    changed = {
        g
        for g in before_quads.keys() | after_quads.keys()
        if before_quads.get(g) != after_quads.get(g)
    }
    assert changed == {f"<{changed_graph}>"}
    stem = manifest["bbc/business/003"]["file"]
    after_inodes = inodes(out)
    assert {n for n in before_inodes if before_inodes[n] != after_inodes.get(n)} == {
        "kg.ttl",
        f"{stem}.ttl",
        f"{stem}.jsonld",
    }
    store = Store.open_existing(out / "store")
    body = store.oxigraph.query(
        f"SELECT ?b {{ GRAPH <{changed_graph}> {{ ?a <http://schema.org/articleBody> ?b }} }}"
    )
    assert next(iter(body))["b"].value.endswith("The figures were published on Monday.")


def test_removed_input_leaves_the_output(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "news.jsonl", corpus(3))
    out = tmp_path / "out"
    run(source, out)
    write_jsonl(source, corpus(2))
    result = run(source, out)
    assert result.published == ["bbc/business/001", "bbc/business/002"]
    assert len(list((out / "articles").iterdir())) == 4
    assert "bbc/business/003" not in (out / "kg.ttl").read_text(encoding="utf-8")
    assert len(Store.open_existing(out / "store").graphs()) == 2


@pytest.mark.parametrize("ref", ["id", "iri", "url", "file", "file.ttl", "articles/file.jsonld"])
def test_kg_remove_takes_an_article_out_everywhere(tmp_path: Path, ref: str) -> None:
    rows = corpus(3)
    rows[1]["url"] = "https://news.example.org/business/002"
    source = write_jsonl(tmp_path / "news.jsonl", rows)
    out = tmp_path / "out"
    run(source, out)
    manifest = json.loads((out / "manifest.json").read_text())["articles"]
    entry = manifest["bbc/business/002"]
    name = {
        "id": "bbc/business/002",
        "iri": entry["iri"],
        "url": entry["url"],
        "file": entry["file"],
        "file.ttl": f"{entry['file']}.ttl",
        "articles/file.jsonld": f"articles/{entry['file']}.jsonld",
    }
    others = {g: q for g, q in quads_by_graph(out).items() if g != f"<{entry['graph']}>"}
    result = CliRunner().invoke(main, ["remove", name[ref], "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == "Removed bbc/business/002\n"
    after = json.loads((out / "manifest.json").read_text())["articles"]
    assert sorted(after) == ["bbc/business/001", "bbc/business/003"]
    assert quads_by_graph(out) == others  # the other graphs untouched
    for export in ("kg.ttl", "kg.jsonld", "kg.nq"):
        assert entry["iri"] not in (out / export).read_text(encoding="utf-8")
    assert not list((out / "articles").glob(f"{entry['file']}.*"))
    assert entry["graph"] not in Store.open_existing(out / "store").graphs()
    # the next build of the same input publishes it again
    assert len(run(source, out).published) == 3


def test_kg_remove_unknown_id_changes_nothing(six: tuple[Path, Path, BuildResult]) -> None:
    _, out, _ = six
    before = published_files(out)
    result = CliRunner().invoke(main, ["remove", "bbc/business/001", "nope", "--out", str(out)])
    assert result.exit_code == 2
    assert f"no article 'nope' in {out}" in result.stderr
    assert published_files(out) == before


def test_kg_remove_without_output(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["remove", "x", "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert f"no kg output in {tmp_path}: run `kg build SOURCES --out {tmp_path}` first" in (
        result.stderr
    )


def test_one_command_at_a_time(six: tuple[Path, Path, BuildResult]) -> None:
    source, out, _ = six
    with OutputFolder(out), pytest.raises(StoreError, match="another kg command is writing"):
        OutputFolder(out).__enter__()
    with OutputFolder(out):
        result = CliRunner().invoke(main, ["build", str(source), "--out", str(out)])
    assert result.exit_code == 1
    assert f"another kg command is writing to {out}" in result.stderr


def test_leftovers_of_killed_runs_are_cleaned(six: tuple[Path, Path, BuildResult]) -> None:
    source, out, _ = six
    before = published_files(out)
    (out / ".store.staged-99999").mkdir()
    (out / ".articles.staged-99999").mkdir()
    (out / ".kg.ttl.staged-99999").write_bytes(b"half")
    (out / ".manifest.json.x1y2.tmp").write_bytes(b"half")
    shutil.copytree(out / "store", out / "store.old")
    run(source, out)
    assert sorted(p.name for p in out.iterdir()) == [
        ".kg",
        "articles",
        "event-types.ttl",
        "kg.jsonld",
        "kg.nq",
        "kg.ttl",
        "manifest.json",
        "report.jsonl",
        "store",
    ]
    assert published_files(out) == before


def to_old_layout(out: Path) -> None:
    """Turn an output into what kg wrote before it kept states: real files and folders."""
    for name in PUBLISHED:
        link = out / name
        target = link.resolve()
        link.unlink()
        if target.is_dir():
            shutil.copytree(target, link, copy_function=os.link)
        else:
            os.link(target, link)
    (out / ".kg" / "current").unlink()
    for state in (out / ".kg").glob("state-*"):
        shutil.rmtree(state)


def test_output_of_the_old_layout_is_moved_to_states(six: tuple[Path, Path, BuildResult]) -> None:
    source, out, _ = six
    before = published_files(out)
    to_old_layout(out)
    assert open_state(out).folder == out  # readers still read it
    run(source, out)
    assert published_files(out) == before
    assert all((out / name).is_symlink() for name in PUBLISHED)
    assert open_state(out).folder == out / ".kg" / os.readlink(out / ".kg" / "current")


def test_half_done_commit_of_the_old_layout_is_repaired(
    six: tuple[Path, Path, BuildResult],
) -> None:
    """kg before states left a marker when killed between its renames: the manifest of such
    an output is not trusted, and everything is built again."""
    source, out, _ = six
    before = published_files(out)
    to_old_layout(out)
    victim = sorted((out / "articles").iterdir())[0]
    victim.unlink()
    victim.write_bytes(b"# half-committed\n")
    (out / "kg.ttl").unlink()
    (out / ".kg" / "committing").touch()
    run(source, out)
    assert published_files(out) == before
    assert not (out / ".kg" / "committing").exists()


def test_files_kg_did_not_write_stay_in_articles(tmp_path: Path) -> None:
    rows = corpus(2)
    source = write_jsonl(tmp_path / "news.jsonl", rows)
    out = tmp_path / "out"
    run(source, out)
    (out / "articles" / "README.txt").write_text("notes of mine\n")
    rows[0] = {**rows[0], "text": str(rows[0]["text"]) + "\n\nMore was said on Friday."}
    write_jsonl(source, rows)
    run(source, out)  # a changed article: articles/ is written again
    assert (out / "articles" / "README.txt").read_text() == "notes of mine\n"


def test_editing_one_line_changes_one_graph_and_its_two_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """prov:generatedAtTime is when the article's content was first built, not the file's
    modification time: editing one line of a JSON Lines file (which changes the file's
    mtime) changes that article only."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    rows = corpus(5)
    source = tmp_path / "news.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    os.utime(source, (EPOCH, EPOCH))
    out = tmp_path / "out"
    run(source, out)
    before_quads, before_files = quads_by_graph(out), published_files(out)
    rows[3] = {**rows[3], "headline": "A headline of the editor's"}
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert source.stat().st_mtime != EPOCH
    run(source, out)
    after_quads, after_files = quads_by_graph(out), published_files(out)
    manifest = json.loads((out / "manifest.json").read_text())["articles"]
    edited = manifest["bbc/business/004"]
    changed = {
        g
        for g in before_quads.keys() | after_quads.keys()
        if before_quads.get(g) != after_quads.get(g)
    }
    assert changed == {f"<{edited['graph']}>"}
    changed_files = {
        n
        for n in before_files.keys() | after_files.keys()
        if before_files.get(n) != after_files.get(n)
    }
    assert {n for n in changed_files if n.startswith("articles/")} == {
        f"articles/{edited['file']}.ttl",
        f"articles/{edited['file']}.jsonld",
    }
    assert "A headline of the editor's" in after_files[f"articles/{edited['file']}.ttl"].decode()


def test_output_folder_that_cannot_be_written(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("x")
    out = tmp_path / "a-file" / "out"
    result = CliRunner().invoke(main, ["build", "--out", str(out)])
    assert result.exit_code == 1
    assert f"cannot write to {out}: Not a directory" in result.stderr
