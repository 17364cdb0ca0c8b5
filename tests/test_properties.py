"""Property tests: random bytes, text and JSON Lines never raise, and nothing is lost."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kg.build import BuildOptions, build
from kg.model import RawDocument, Rejected
from kg.sources import iter_inputs, supported_extensions
from kg.sources.meta import http_url, meta_from_mapping
from kg.sources.reading import looks_binary

EXTENSIONS = supported_extensions()
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
BUILD = settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
FIELDS = ["id", "url", "title", "headline", "author", "date", "dateModified", "publisher", "image"]
articles = st.fixed_dictionaries(
    {"text": st.text(min_size=1, max_size=400)},
    optional={k: st.one_of(st.text(max_size=40), json_values) for k in FIELDS},
)
jsonl_lines = st.lists(
    st.one_of(
        articles.map(json.dumps),
        articles.map(lambda a: json.dumps(a, ensure_ascii=False)),
        json_values.map(json.dumps),
        st.text(max_size=60).map(lambda t: t.replace("\n", " ").replace("\r", " ")),
    ),
    min_size=1,
    max_size=6,
)


def blank(line: str) -> bool:
    """Blank as the JSON Lines reader sees a line: ASCII whitespace only (str.strip would
    also strip U+0085, U+00A0…, which make a line that is not JSON)."""
    return not line.encode("utf-8", "surrogatepass").strip()


def read_file(name: str, data: bytes) -> list[RawDocument | Rejected]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        items = list(iter_inputs([str(path)]))
    for item in items:
        assert isinstance(item, RawDocument | Rejected)
        assert item.source == str(path)
        if isinstance(item, RawDocument):
            # Text, or a headline to publish it from (issue 14: a record with a title
            # and an empty text is a short article, not a rejected one).
            assert item.text.strip() or (item.meta.headline or "").strip()
            assert "\r" not in item.text
        else:
            assert item.reason
    return items


@FAST
@given(ext=st.sampled_from(EXTENSIONS), data=st.binary(max_size=2000))
def test_random_bytes_in_any_reader(ext: str, data: bytes) -> None:
    assert read_file(f"input{ext}", data)


@FAST
@given(ext=st.sampled_from(EXTENSIONS), text=st.text(max_size=2000))
def test_random_text_in_any_reader(ext: str, text: str) -> None:
    assert read_file(f"input{ext}", text.encode("utf-8"))


@FAST
@given(lines=jsonl_lines)
def test_random_json_lines_one_item_per_line(lines: list[str]) -> None:
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    items = read_file("news.jsonl", data)
    numbered = [n for n, line in enumerate(lines, start=1) if not blank(line)]
    if looks_binary(data[:8192]):  # control bytes up front: the file is rejected as a whole
        assert items == [Rejected(items[0].source, "binary file, not text")]
    elif numbered:
        assert [item.line for item in items] == numbered
    else:
        assert items == [Rejected(items[0].source, "empty file")]


@FAST
@given(obj=st.dictionaries(st.sampled_from(FIELDS + ["byline", "link", "section"]), json_values))
def test_metadata_from_any_json(obj: dict[str, object]) -> None:
    meta, warnings = meta_from_mapping(obj)
    for url in (meta.url, meta.image_url, *(a.url for a in meta.authors)):
        assert url is None or http_url(url) == url
    assert all(isinstance(w, str) for w in warnings)


def accounted(lines: list[str], problems: list, manifest: dict) -> None:
    """Every non-blank line is published or reported, with its line number."""
    published = {e["line"] for e in manifest.values()}
    reported = {p.line for p in problems if p.kind != "warning"}
    expected = {n for n, line in enumerate(lines, start=1) if not blank(line)}
    assert published | reported == expected
    assert not published & reported


@BUILD
@given(lines=jsonl_lines)
@example(lines=["\x00"])  # a binary "line": rejected, beside the build's own warnings
def test_build_accounts_for_every_json_line(lines: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source, out = Path(tmp) / "news.jsonl", Path(tmp) / "out"
        data = "\n".join(lines).encode("utf-8", "surrogatepass")
        source.write_bytes(data)
        result = build(BuildOptions(sources=(str(source),), out=out))
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["articles"]
        if looks_binary(data[:8192]):
            # the build's own warnings (the default base IRI) come before the rejection
            assert [p.reason for p in result.problems if p.kind != "warning"] == [
                "binary file, not text"
            ]
        elif not all(blank(line) for line in lines):
            accounted(lines, result.problems, manifest)
        report = (out / "report.jsonl").read_text(encoding="utf-8").splitlines()
        assert len(report) == len(result.problems)


@BUILD
@given(data=st.binary(max_size=3000), text=st.text(min_size=1, max_size=1500))
def test_build_of_random_files(data: bytes, text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp) / "in", Path(tmp) / "out"
        folder.mkdir()
        for ext in (".txt", ".html", ".rss"):
            (folder / f"bytes{ext}").write_bytes(data)
            (folder / f"text{ext}").write_bytes(text.encode("utf-8"))
        result = build(BuildOptions(sources=(str(folder),), out=out))
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["articles"]
        sources = {e["source"] for e in manifest.values()}
        sources |= {p.source for p in result.problems if p.kind != "warning"}
        assert {Path(s).name for s in sources} == {f.name for f in folder.iterdir()}
