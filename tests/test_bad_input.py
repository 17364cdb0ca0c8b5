"""Bad input loses nothing: every input is published or named in report.jsonl, and why."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import CORPUS, SEEDS, select
from rdflib import Graph

from kg.cli import EXIT_PARTIAL, main
from kg.model import RawDocument, Rejected
from kg.sources import InputLimits, iter_inputs

HTML_PAGE = Path(__file__).parent / "data" / "html" / "jsonld_article.html"
LATIN1_TEXT = (
    "Café owners in Lyon protest new tax\n\n"
    "Café owners in Lyon marched to the town hall on Monday to protest against a new tax "
    "on terraces. Jérôme Müller, who runs a café near the river Saône, said the tax would "
    "cost him more than 2,000 euros a year.\n\n"
    "The mayor of Lyon, Grégory Doucet, said the city needed the money to repair its streets.\n"
)
NO_ENTITIES = {
    "id": "weather-0001",
    "title": "Mild and wet day ahead",
    "text": "It will be a mild day with light rain in the afternoon.\n\n"
    "The wind will drop in the evening, and the rain should clear before midnight.",
}


def corpus_lines(n: int) -> list[str]:
    with CORPUS.open(encoding="utf-8") as f:
        return [next(f) for _ in range(n)]


def build(args: list[str], stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(main, ["build", *args], input=stdin)


def report(out: Path) -> list[dict[str, object]]:
    text = (out / "report.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def not_published(out: Path) -> dict[tuple[str, object], str]:
    """(file name, line) → reason, for every rejected input in report.jsonl."""
    return {
        (Path(str(p["source"])).name, p.get("line")): str(p["reason"])
        for p in report(out)
        if p["kind"] != "warning"
    }


def manifest(out: Path) -> dict[str, dict[str, object]]:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))["articles"]


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Result]:
    """The done-when folder: seeds, empty, binary, Latin-1, 50 MB, JSON Lines with a bad line."""
    folder = tmp_path_factory.mktemp("mixed")
    shutil.copytree(SEEDS, folder / "seeds")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "latin1.txt").write_bytes(LATIN1_TEXT.encode("latin-1"))
    with (folder / "huge.txt").open("wb") as f:  # 50 MB, sparse: quick to make
        f.truncate(50 * 1024 * 1024)
    lines = corpus_lines(3)
    lines.insert(2, '{"id": "broken", "text": "no closing quote}\n')
    (folder / "news.jsonl").write_text("".join(lines), encoding="utf-8")
    nested = folder / "more" / "deeper"
    nested.mkdir(parents=True)
    (nested / "page.html").write_bytes(HTML_PAGE.read_bytes())
    (nested / "notes.md").write_text("# not an article\n", encoding="utf-8")
    (nested / "weather.jsonl").write_text(json.dumps(NO_ENTITIES) + "\n", encoding="utf-8")
    out = folder.parent / f"{folder.name}-out"
    return folder, out, build([str(folder), "--out", str(out)])


def test_mixed_folder_exit_code_says_some_rejected(mixed: tuple[Path, Path, Result]) -> None:
    _, _, result = mixed
    assert result.exit_code == EXIT_PARTIAL == 3, result.output
    assert "5 rejected, 0 failed SHACL, 1 input warning(s)" in result.stdout
    assert "See " in result.stdout and "report.jsonl for what was not published." in result.stdout


def test_mixed_folder_names_each_bad_input_with_its_reason(
    mixed: tuple[Path, Path, Result],
) -> None:
    folder, out, result = mixed
    assert not_published(out) == {
        ("empty.txt", None): "empty file",
        ("binary.txt", None): "binary file, not text",
        ("huge.txt", None): "file is 50 MB, over the 10 MB limit (see --max-size)",
        ("news.jsonl", 3): "not valid JSON (Unterminated string starting at column 26)",
        ("notes.md", None): "unknown file type '.md' (kg reads .atom, .htm, .html, .jsonl, "
        ".ndjson, .rss, .txt, .xml)",
    }
    # Named as in report.jsonl: relative to the folder given, never by a local path.
    for line in (
        "rejected: empty.txt: empty file",
        "rejected: news.jsonl:3: not valid JSON",
        "rejected: more/deeper/notes.md: unknown file type",
    ):
        assert line in result.stderr
    assert str(folder) not in result.stderr


def test_mixed_folder_publishes_the_good_articles(mixed: tuple[Path, Path, Result]) -> None:
    folder, out, _ = mixed
    published = {Path(str(e["source"])).name: e for e in manifest(out).values()}
    assert sorted(published) == sorted(
        [
            "000_d4672ff891c8bbe5.txt",
            "004_aa04e5d0ab04c999.txt",
            "latin1.txt",
            "news.jsonl",
            "page.html",
            "weather.jsonl",
        ]
    )
    from_jsonl = [e for e in manifest(out).values() if e["source"].endswith("news.jsonl")]
    assert sorted(e["line"] for e in from_jsonl) == [1, 2, 4]
    # every input is either published or in the report
    inputs = 2 + 4 + 4 + 3  # seeds, single files, JSON Lines records, nested files
    assert len(manifest(out)) + len(not_published(out)) == inputs


def test_invalid_utf8_is_published_with_a_warning(mixed: tuple[Path, Path, Result]) -> None:
    folder, out, _ = mixed
    warnings = [p for p in report(out) if p["kind"] == "warning" and p["source"] != "--base-iri"]
    bad = sum(ord(c) > 127 for c in LATIN1_TEXT)  # each a single Latin-1 byte
    assert warnings == [
        {
            "kind": "warning",
            "source": "latin1.txt",
            "reason": f"invalid UTF-8 at byte 3 ({bad} bad byte(s) replaced with U+FFFD)",
        }
    ]
    graph = Graph().parse(out / "kg.ttl")
    (headline,) = select(
        graph, "SELECT ?h { ?a schema:headline ?h FILTER(CONTAINS(?h, 'protest new tax')) }"
    )
    assert headline == ("Caf\ufffd owners in Lyon protest new tax",)


def test_article_without_entities_is_published(mixed: tuple[Path, Path, Result]) -> None:
    _, out, _ = mixed
    graph = Graph().parse(out / "kg.ttl")
    rows = select(
        graph,
        """SELECT ?body (COUNT(?m) AS ?n) {
             ?a schema:identifier "weather-0001" ; schema:articleBody ?body .
             OPTIONAL { ?a schema:mentions ?m } } GROUP BY ?body""",
    )
    assert rows == [(NO_ENTITIES["text"], "0")]


def test_jsonl_on_stdin(tmp_path: Path) -> None:
    lines = corpus_lines(2) + ["[1, 2]\n", '{"title": "no text"}\n', '{"id": "x"}\n']
    result = build(["-", "--out", str(tmp_path)], stdin="".join(lines).encode())
    assert result.exit_code == 3, result.output
    assert not_published(tmp_path) == {
        ("<stdin>", 3): "expected a JSON object, got an array",
        ("<stdin>", 5): "no 'text' field with the article's text",
    }
    # A record with a headline and no text is an article (issue 14): published, and said so.
    warned = [p for p in report(tmp_path) if p["kind"] == "warning" and p["source"] == "<stdin>"]
    assert [(p["line"], p["reason"]) for p in warned] == [
        (4, "no 'text' field: published from its headline and other fields")
    ]
    assert len(manifest(tmp_path)) == 3
    assert {"bbc/business/001", "bbc/business/002"} <= set(manifest(tmp_path))
    headlines = {e["headline"] for e in manifest(tmp_path).values()}
    assert "no text" in headlines
    assert {e["source"] for e in manifest(tmp_path).values()} == {"<stdin>"}


def test_all_published_exits_0(tmp_path: Path) -> None:
    base = "https://news.example.org/kg/"
    result = build([str(SEEDS), "--out", str(tmp_path), "--base-iri", base])
    assert result.exit_code == 0, result.output
    assert "Published 2 article(s)" in result.stdout
    assert "0 rejected, 0 failed SHACL, 0 input warning(s)" in result.stdout
    assert (tmp_path / "report.jsonl").read_bytes() == b""
    assert result.stderr == ""


def test_the_default_base_iri_is_a_warning(tmp_path: Path) -> None:
    """Built, and said on stderr and in report.jsonl: the IRIs resolve on this machine only."""
    result = build([str(SEEDS), "--out", str(tmp_path), "-q"])
    assert result.exit_code == 0, result.output
    expected = (
        "the base IRI is kg's default http://localhost:8000/: every IRI published resolves "
        'on this machine only. Set yours once in kg.toml ([build] base_iri = "https://'
        'news.example.org/kg/") or give --base-iri.'
    )
    assert result.stderr == f"warning: {expected}\n"
    assert report(tmp_path) == [{"kind": "warning", "source": "--base-iri", "reason": expected}]


def test_max_size_option(tmp_path: Path) -> None:
    lines = sorted(corpus_lines(2), key=len)
    (tmp_path / "two.jsonl").write_text(lines[0] + lines[1], encoding="utf-8")
    limit = len(lines[0].encode()) + 1  # the first record fits, the second does not
    assert len(lines[1].encode()) > limit
    result = build(
        [str(tmp_path / "two.jsonl"), "--out", str(tmp_path / "o"), "--max-size", str(limit)]
    )
    assert result.exit_code == 3, result.output
    ((where, reason),) = not_published(tmp_path / "o").items()
    assert where == ("two.jsonl", 2)
    assert reason.startswith("line is ") and reason.endswith("limit (see --max-size)")
    bad = build([str(SEEDS), "--max-size", "ten"])
    assert bad.exit_code == 2
    assert "'ten' is not a size like 10MB, 512KB or 1000000" in bad.stderr


def test_nothing_publishable_keeps_the_previous_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build([str(SEEDS), "--out", str(out)]).exit_code == 0
    before = (out / "kg.ttl").read_bytes(), (out / "manifest.json").read_bytes()
    articles = {p.name: p.read_bytes() for p in (out / "articles").iterdir()}
    (tmp_path / "typo.txt").write_bytes(b"")
    result = build([str(tmp_path / "typo.txt"), str(tmp_path / "missing"), "--out", str(out)])
    assert result.exit_code == 3
    assert "Nothing could be published: 2 rejected, 0 failed SHACL." in result.stdout
    assert ((out / "kg.ttl").read_bytes(), (out / "manifest.json").read_bytes()) == before
    assert {p.name: p.read_bytes() for p in (out / "articles").iterdir()} == articles
    assert not_published(out) == {
        ("typo.txt", None): "empty file",
        ("missing", None): "no such file or folder",
    }


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("blank.txt", b"  \n\n\t\n", "empty file"),
        ("blank.jsonl", b"\n\n", "empty file"),
        ("blank.html", b"", "empty file"),
        ("zeros.jsonl", b"\x00" * 100, "binary file, not text"),
        ("image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "binary file, not text"),
        ("feed.rss", b"<rss><channel><item>", "feed item 1 has no text"),
        ("empty.rss", b"<rss><channel></channel></rss>", "feed has no items"),
        ("x.xml", b"{}", "not an RSS or Atom feed"),
        ("page.htm", b"<html><body><p>Too short.</p></body></html>", "no article text found"),
    ],
)
def test_bad_single_files(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    (tmp_path / name).write_bytes(data)
    (item,) = iter_inputs([str(tmp_path / name)])
    assert isinstance(item, Rejected)
    assert item.reason.startswith(reason)


def test_special_file_is_reported_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block for ever
    (item,) = iter_inputs([str(tmp_path)])
    assert item == Rejected(str(tmp_path / "pipe.txt"), "not a regular file")


def test_output_folder_inside_the_sources_is_not_read(tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    first = build([str(tmp_path), "--out", str(tmp_path / "output")])
    assert first.exit_code == 0, first.output
    again = build([str(tmp_path), "--out", str(tmp_path / "output")])
    assert again.exit_code == 0, again.output  # report.jsonl and kg.* were not taken as input


def test_jsonl_line_numbers_count_blank_lines() -> None:
    import io

    data = b'\n{"text": "One article with some words."}\n\n{"text": 5}\n'
    items = list(iter_inputs(["-"], InputLimits(), stdin=io.BytesIO(data)))
    assert isinstance(items[0], RawDocument) and items[0].line == 2
    assert items[1] == Rejected(
        "<stdin>", "'text' is a number, not a string with the article's text", 4
    )
