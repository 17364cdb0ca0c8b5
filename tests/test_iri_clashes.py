"""Article IRIs that cannot collide, even when someone feeding the archive tries.

``a/b/c`` is not a safe path segment, so it mints ``a-b-c-`` + a hash of itself
— which is a safe id someone else can use as their own. Both articles must be
published with distinct IRIs, detected before anything is written; a published
IRI never moves to another article.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import CORPUS

from kg.build import BuildOptions, build
from kg.link.iris import Iris, assign_stems, id_slug
from kg.publish.state import open_state

CRAFTED = "a-b-c-ee2be6da"  # what id_slug("a/b/c") is


def rows(n: int) -> list[dict[str, object]]:
    with CORPUS.open(encoding="utf-8") as f:
        return [json.loads(line) for _, line in zip(range(n), f, strict=False)]


def write(path: Path, ids: list[str]) -> Path:
    lines = [json.dumps({**row, "id": aid}) for aid, row in zip(ids, rows(len(ids)), strict=True)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def manifest(out: Path) -> dict[str, dict[str, str]]:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))["articles"]


def report(out: Path) -> list[dict[str, object]]:
    """report.jsonl, without the default base IRI's warning (the builds here use it)."""
    lines = (out / "report.jsonl").read_text(encoding="utf-8").splitlines()
    return [p for p in map(json.loads, lines) if p["source"] != "--base-iri"]


def test_the_crafted_id_asks_for_the_same_path() -> None:
    assert id_slug("a/b/c") == CRAFTED == id_slug(CRAFTED)


def test_both_published_with_distinct_iris_in_one_build(tmp_path: Path) -> None:
    source = write(tmp_path / "news.jsonl", ["a/b/c", CRAFTED])
    out = tmp_path / "out"
    result = build(BuildOptions(sources=(str(source),), out=out))
    assert result.published == [CRAFTED, "a/b/c"]
    assert result.complete  # a clash is a warning, not a failure
    entries = manifest(out)
    assert entries[CRAFTED]["iri"] == f"http://localhost:8000/article/{CRAFTED}"  # its own id
    moved = entries["a/b/c"]
    assert moved["iri"] != entries[CRAFTED]["iri"] and moved["graph"] != entries[CRAFTED]["graph"]
    assert moved["file"].startswith("a-b-c-") and len(moved["file"]) == len("a-b-c-") + 16
    assert {p.name for p in (out / "articles").iterdir()} == {
        f"{e['file']}{ext}" for e in entries.values() for ext in (".ttl", ".jsonld")
    }
    assert [r for r in report(out) if r["kind"] == "warning"] == [
        {
            "kind": "warning",
            "source": source.name,  # named by file name, never by a local path
            "line": 1,
            "article": "a/b/c",
            "reason": f"article id 'a/b/c' asks for the IRI path article/{CRAFTED}, which is "
            f"article '{CRAFTED}''s; published as article/{moved['file']}",
        }
    ]
    assert set(open_state(out).store.graphs()) == {e["graph"] for e in entries.values()}


def test_a_published_iri_never_moves(tmp_path: Path) -> None:
    """Once `a/b/c` is published under its path, an article arriving later with the
    crafted id cannot take it over (it used to crash every later build)."""
    out = tmp_path / "out"
    first = write(tmp_path / "first.jsonl", ["a/b/c"])
    build(BuildOptions(sources=(str(first),), out=out))
    before = manifest(out)["a/b/c"]
    assert before["file"] == CRAFTED
    both = write(tmp_path / "first.jsonl", ["a/b/c", CRAFTED])
    result = build(BuildOptions(sources=(str(both),), out=out))
    assert result.published == [CRAFTED, "a/b/c"]
    entries = manifest(out)
    assert entries["a/b/c"]["iri"] == before["iri"]
    assert entries[CRAFTED]["file"] != CRAFTED
    assert [r["article"] for r in report(out) if r["kind"] == "warning"] == [CRAFTED]


def test_every_fallback_taken_still_gives_distinct_paths() -> None:
    """Ids crafted to match the longer fallbacks too: each article still gets its own."""
    first = assign_stems(["a/b/c", CRAFTED], {})[0]["a/b/c"]
    ids = ["a/b/c", CRAFTED, first]
    stems, clashes = assign_stems(ids, {})
    iris = Iris(stems=stems)
    paths = [iris.stem(aid) for aid in ids]
    assert len(set(paths)) == 3
    assert iris.stem(CRAFTED) == CRAFTED and iris.stem(first) == first
    assert [c.article for c in clashes] == ["a/b/c"]


def test_safe_ids_keep_their_iris() -> None:
    stems, clashes = assign_stems(["000_d4672ff891c8bbe5", "bbc/business/001"], {})
    assert stems == {} and clashes == []
    assert (
        Iris().article("000_d4672ff891c8bbe5")
        == "http://localhost:8000/article/000_d4672ff891c8bbe5"
    )
