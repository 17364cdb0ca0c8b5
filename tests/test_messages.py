"""Each input kg cannot publish says what really happened, not something near it.

(`kg remove NAME.ttl` is in test_incremental.py, nosniff in test_serve_limits.py.)
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from kg.model import RawDocument, Rejected
from kg.sources import iter_inputs

TEXT = "Vladimir Putin met Kim Jong Un in Vladivostok on Thursday, officials said. " * 5


def read(path: Path) -> list[RawDocument | Rejected]:
    return list(iter_inputs([str(path)]))


def reasons(path: Path) -> list[str]:
    return [item.reason for item in read(path) if isinstance(item, Rejected)]


def test_utf16_text_is_called_utf16_not_binary(tmp_path: Path) -> None:
    with_mark = tmp_path / "marked.txt"
    with_mark.write_bytes(TEXT.encode("utf-16"))
    without = tmp_path / "bare.txt"
    without.write_bytes(TEXT.encode("utf-16-le"))
    lines = tmp_path / "news.jsonl"
    lines.write_bytes((json.dumps({"text": TEXT}) + "\n").encode("utf-16"))
    wide = tmp_path / "wide.txt"
    wide.write_bytes(TEXT.encode("utf-32"))
    utf16 = "UTF-16 text: kg reads UTF-8 (convert it, e.g. iconv -f UTF-16 -t UTF-8)"
    for path in (with_mark, without, lines):
        assert reasons(path) == [utf16], path
    assert reasons(wide) == [utf16.replace("16", "32")]
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    assert reasons(binary) == ["binary file, not text"]


def test_text_of_the_wrong_type_says_its_type(tmp_path: Path) -> None:
    source = tmp_path / "news.jsonl"
    rows = [{"text": 12345}, {"text": None}, {"text": ["a"]}, {"text": "  "}, {"id": "x"}]
    rows.append({"text": 12345, "title": "Markets rally"})  # a headline: published from it
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert reasons(source) == [
        "'text' is a number, not a string with the article's text",
        "'text' is null, not a string with the article's text",
        "'text' is an array, not a string with the article's text",
        "'text' is empty",
        "no 'text' field with the article's text",
    ]
    (published,) = [item for item in read(source) if isinstance(item, RawDocument)]
    assert published.warnings == (
        "'text' is a number, not a string with the article's text: published from its fields",
    )


def test_a_broken_symlink_is_called_a_broken_symlink(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    gone = tmp_path / "moved-away.txt"
    os.symlink(gone, folder / "story.txt")
    expected = f"broken symbolic link: its target {gone} does not exist"
    assert reasons(folder) == [expected]  # found walking a folder
    assert reasons(folder / "story.txt") == [expected]  # named on the command line
    fifo = folder / "pipe.txt"
    os.mkfifo(fifo)
    assert reasons(fifo) == ["not a regular file"]


def test_html_nested_past_the_parser_depth_says_so(tmp_path: Path) -> None:
    page = tmp_path / "deep.html"
    page.write_text(
        "<html><body>" + "<div>" * 300 + f"<p>{TEXT}</p>" + "</div>" * 300 + "</body></html>",
        encoding="utf-8",
    )
    assert reasons(page) == [
        "no article text found in the HTML page: its elements are nested 256 levels deep, "
        "the most the HTML parser (libxml2) reads: anything deeper was dropped"
    ]
    shallow = tmp_path / "shallow.html"
    shallow.write_text(
        "<html><body>" + "<div>" * 50 + f"<p>{TEXT}</p>" + "</div>" * 50 + "</body></html>",
        encoding="utf-8",
    )
    (doc,) = read(shallow)
    assert isinstance(doc, RawDocument) and doc.warnings == ()


def test_a_title_given_as_a_list_is_a_warning(tmp_path: Path) -> None:
    source = tmp_path / "news.jsonl"
    row = {"id": "t1", "text": TEXT, "title": ["Putin meets Kim", "Summit in Vladivostok"]}
    source.write_text(json.dumps(row) + "\n", encoding="utf-8")
    (doc,) = read(source)
    assert isinstance(doc, RawDocument)
    assert doc.meta.headline == "Putin meets Kim"
    assert doc.warnings == (
        "'title' is a list of 2 values; only the first, 'Putin meets Kim', is used",
    )
