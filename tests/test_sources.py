"""Sources: text files with sidecars, JSON Lines, and bad input reported, not raised."""

from __future__ import annotations

import io
import json
from pathlib import Path

from kg.model import RawDocument, Rejected
from kg.sources import InputLimits, iter_inputs
from kg.sources.meta import normalize_date


def test_text_file_with_sidecar(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Headline\n\nBody text here.\n")
    (tmp_path / "a.meta.json").write_text(
        json.dumps({"url": "https://x.example/a", "datePublished": "2019-04-25T10:00:00+00:00",
                    "author": ["Ann Lee", {"@type": "Organization", "name": "Desk"}], "publisher": "Paper"})
    )  # fmt: skip
    (doc,) = list(iter_inputs([str(tmp_path)]))
    assert isinstance(doc, RawDocument)
    assert doc.meta.url == "https://x.example/a"
    assert doc.meta.date_published == "2019-04-25T10:00:00Z"
    assert [a.name for a in doc.meta.authors] == ["Ann Lee", "Desk"]
    assert doc.meta.authors[1].type == "Organization"
    assert doc.meta.publisher is not None and doc.meta.publisher.type == "Organization"


def test_broken_sidecar_is_a_warning(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Headline\n\nBody.\n")
    (tmp_path / "a.meta.json").write_text("{not json")
    (doc,) = list(iter_inputs([str(tmp_path / "a.txt")]))
    assert isinstance(doc, RawDocument)
    assert doc.warnings and "ignored sidecar a.meta.json" in doc.warnings[0]


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(
        '{"id": "1", "text": "One.", "title": "T1"}\n'
        "not json\n\n"
        '{"id": "3"}\n'
        '["a list"]\n'
        '{"id": "5", "text": "Five.", "datePublished": "yesterday"}\n'
    )
    items = list(iter_inputs([str(path)]))
    assert [type(i).__name__ for i in items] == [
        "RawDocument",
        "Rejected",
        "Rejected",
        "Rejected",
        "RawDocument",
    ]
    assert items[0].meta.headline == "T1" and items[0].line == 1
    assert items[1].line == 2 and "not valid JSON" in items[1].reason
    assert items[2].line == 4 and items[2].reason == "no 'text' field with the article's text"
    assert items[3].reason == "expected a JSON object, got an array"
    assert items[4].warnings == ("ignored unreadable date 'yesterday'",)


def test_stdin_jsonl() -> None:
    stream = io.BytesIO(b'{"id": "s1", "text": "From stdin."}\n')
    (doc,) = list(iter_inputs(["-"], stdin=stream))
    assert isinstance(doc, RawDocument) and doc.source == "<stdin>" and doc.line == 1


def test_bad_files_are_rejected_with_reasons(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf\n")  # a byte order mark alone
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (tmp_path / "latin1.txt").write_bytes(
        "Caf\xe9 owner speaks\n\nThe caf\xe9 opened.".encode("latin-1")
    )
    (tmp_path / "notes.md").write_text("# notes")
    (tmp_path / "big.txt").write_text("x" * 2000)
    items = {Path(i.source).name: i for i in iter_inputs([str(tmp_path), str(tmp_path / "missing.txt")],
                                                          InputLimits(max_bytes=1000))}  # fmt: skip
    assert isinstance(items["empty.txt"], Rejected) and items["empty.txt"].reason == "empty file"
    assert isinstance(items["bom.txt"], Rejected) and items["bom.txt"].reason == "empty file"
    assert items["binary.txt"].reason == "binary file, not text"
    assert "over the" in items["big.txt"].reason
    assert items["notes.md"].reason.startswith("unknown file type '.md'")
    assert items["missing.txt"].reason == "no such file or folder"
    latin = items["latin1.txt"]
    assert isinstance(latin, RawDocument) and "\ufffd" in latin.text
    assert latin.warnings[0].startswith("invalid UTF-8 at byte 3")


def test_dates() -> None:
    assert normalize_date("2019-04-25") == "2019-04-25"
    assert normalize_date("Thu, 25 Apr 2019 10:00:00 GMT") == "2019-04-25T10:00:00Z"
    assert normalize_date("2019-04-25T10:00:00.500+02:00") == "2019-04-25T10:00:00.5+02:00"
    assert normalize_date("2019-02-30") is None
    assert normalize_date("soon") is None
