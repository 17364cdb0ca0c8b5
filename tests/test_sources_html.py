"""HTML pages as a source: main text with trafilatura, metadata from JSON-LD and meta tags."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import HTML

from bench.html_bodies import gold_bodies, published_bodies, score_build, score_reader
from kg.build import BuildResult
from kg.model import Agent, RawDocument, Rejected
from kg.sources import iter_inputs
from kg.sources.html import decode_html, page_document
from kg.sources.htmlmeta import jsonld_article, meta_tags

DATA = Path(__file__).parent / "data" / "html"


def read_one(path: Path) -> RawDocument | Rejected:
    (item,) = list(iter_inputs([str(path)]))
    return item


def test_jsonld_article_wins_over_meta_tags() -> None:
    doc = read_one(DATA / "jsonld_article.html")
    assert isinstance(doc, RawDocument)
    meta = doc.meta
    # JSON-LD, with its HTML entity decoded, not og:title or <title>
    assert meta.headline == "Harbour in Lisbon reopens after storm & floods"
    assert meta.date_published == "2025-03-04T09:30:00Z"
    assert meta.date_modified == "2025-03-04T11:00:00Z"
    # the byline written into an author's name is cleaned; "Someone Else" (meta tag) loses
    assert meta.authors == (
        Agent("Maria Costa", "Person", "https://news.example.org/staff/maria-costa"),
        Agent("Joao Silva", "Person"),
    )
    assert meta.publisher == Agent(
        "Example Daily", "Organization", logo="https://news.example.org/logo.png"
    )
    # no url in the node: mainEntityOfPage, not the canonical link
    assert meta.url == "https://news.example.org/world/lisbon-harbour-reopens"
    assert meta.image_url == "https://news.example.org/img/lisbon.jpg"
    assert meta.section == "World"
    assert meta.in_language == "en-GB"
    assert meta.id is None  # a JSON-LD "@id" names a node, it is not the article's id


def test_main_text_leaves_out_navigation_ads_and_related_links() -> None:
    doc = read_one(DATA / "jsonld_article.html")
    assert isinstance(doc, RawDocument)
    lines = doc.text.split("\n")
    assert lines[1].startswith("The harbour in Lisbon reopened on Tuesday")
    assert lines[-1].endswith("a spokesman in Brussels said.")
    for chrome in ("Advertisement", "Related stories", "Storm hits Porto", "Copyright", "Sport"):
        assert chrome not in doc.text


def test_meta_tags_when_the_json_ld_is_broken_and_the_declared_charset() -> None:
    doc = read_one(DATA / "meta_tags_only.html")
    assert isinstance(doc, RawDocument)
    assert doc.meta.headline == "Glacier in Norway melting faster, study finds"
    assert doc.meta.url == "https://news.example.org/science/norway-glacier"
    assert doc.meta.date_published == "2025-03-04T16:00:00+01:00"
    # article:author is a profile URL, not a name: the author meta tag names the person
    assert doc.meta.authors == (Agent("Ingrid Larsen", "Person"),)
    assert doc.meta.publisher == Agent("Example Science", "Organization")
    assert "the café at the foot" in doc.text  # ISO-8859-1, as the page declares
    assert doc.warnings == ()


def test_lenient_json_ld() -> None:
    from lxml.html import fromstring

    page = """<html><head>
      <script type="application/ld+json"><!--
        {"@type": "WebPage", "mainEntity": {"@type": "ReportageNewsArticle", "headline": "A",}}
      --></script>
      <script type="application/ld+json">{"@type": "BlogPosting", "headline": "B"} junk</script>
    </head><body></body></html>"""
    node = jsonld_article(fromstring(page))
    assert node is not None and node["headline"] == "A"  # a NewsArticle beats a BlogPosting


def test_meta_tags_skip_urls_as_names() -> None:
    from lxml.html import fromstring

    page = """<html lang="de"><head>
      <meta property="og:site_name" content="https://www.example.org">
      <meta property="article:author" content="https://facebook.com/x">
      <meta name="author" content="By Anna Weber and Jonas Braun">
    </head><body></body></html>"""
    found = meta_tags(fromstring(page))
    assert found == {"author": ["Anna Weber", "Jonas Braun"], "inLanguage": "de"}


@pytest.mark.parametrize(
    ("data", "text", "warned"),
    [
        ("<p>caf\u00e9</p>".encode(), "<p>caf\u00e9</p>", False),
        (
            b'<meta charset="windows-1252"><p>caf\xe9 \x93q\x94</p>',
            "caf\u00e9 \u201cq\u201d",
            False,
        ),
        (b"<p>caf\xe9</p>", "caf\ufffd", True),
        ("\ufeff<p>x</p>".encode(), "<p>x</p>", False),
    ],
)
def test_decode_html(data: bytes, text: str, warned: bool) -> None:
    decoded, warnings = decode_html(data)
    assert text in decoded
    assert bool(warnings) is warned


def test_broken_html_still_gives_its_text() -> None:
    page = (DATA / "jsonld_article.html").read_text(encoding="utf-8")
    truncated = page[: page.index("The European Union")]  # cut off mid-page, tags unclosed
    doc = page_document(truncated, "cut.html", None, [])
    assert isinstance(doc, RawDocument)
    assert "Rui Almeida" in doc.text
    assert doc.meta.headline == "Harbour in Lisbon reopens after storm & floods"


def test_page_without_article_text_is_rejected() -> None:
    rejected = read_one(DATA / "no_text.html")
    assert isinstance(rejected, Rejected)
    assert rejected.reason == "no article text found in the HTML page (only 3 words)"
    assert page_document("just some words, no markup at all", "x.html", None, []) == Rejected(
        "x.html", "not an HTML page (no markup found)"
    )


def test_json_ld_article_body_when_trafilatura_finds_nothing() -> None:
    body = "Firefighters in Greece brought a wildfire near Athens under control on Monday."
    page = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
        f'"headline": "Wildfire", "articleBody": "{body}"}}</script></head>'
        "<body><div></div></body></html>"
    )
    doc = page_document(page, "x.html", None, [])
    assert isinstance(doc, RawDocument)
    assert doc.text == body
    assert doc.warnings == ("no main text found in the page; used its JSON-LD articleBody",)


# -- the annotated real pages in ../shared/data/html ----------------------------------


@pytest.fixture(scope="session")
def html_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, int, int, Path]:
    out = tmp_path_factory.mktemp("html-out")
    score, published, complete, _ = score_build(HTML, out)
    return score, published, complete, out


def test_real_pages_are_published_with_headline_and_body(html_build: tuple) -> None:
    _, published, complete, _ = html_build
    assert len(gold_bodies(HTML)) == 29
    assert published >= 27
    assert complete >= 27


def test_real_pages_headline_is_the_metadata_headline(html_build: tuple) -> None:
    """Every page names its headline; the cleaner never takes a body line instead."""
    known = {
        Path(d.source).name: d.meta.headline
        for d in iter_inputs([str(HTML / n) for n in gold_bodies(HTML)])
    }
    published = published_bodies(html_build[3])
    assert all(known.values())
    assert {name: h for name, (h, _) in published.items()} == {n: known[n] for n in published}


def test_real_pages_body_recall_and_precision(html_build: tuple) -> None:
    """Token-level scores against the human-annotated bodies (measured: R 0.99, P 0.97)."""
    score = html_build[0]
    assert score.recall >= 0.95
    assert score.precision >= 0.92
    assert min(r for r, _ in score.pages.values()) >= 0.8


def test_layout_cleaner_keeps_the_main_text(html_build: tuple) -> None:
    """The published body loses no more than headline, dateline, credit and embed lines."""
    published, reader = html_build[0], score_reader(HTML)
    assert published.recall >= reader.recall - 0.01
    assert published.precision >= reader.precision
    for name, (recall, _) in published.pages.items():
        assert recall >= reader.pages[name][0] - 0.1, name


def test_headline_comes_from_the_page_metadata(tmp_path: Path) -> None:
    """With the headline known, the cleaner does not take a body line for one."""
    from kg.build import BuildOptions, build

    page = (DATA / "meta_tags_only.html").read_bytes()
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "glacier.html").write_bytes(page)
    result: BuildResult = build(BuildOptions(sources=(str(tmp_path / "in"),), out=tmp_path / "out"))
    assert result.published == ["https://news.example.org/science/norway-glacier"]
    headline, body = published_bodies(tmp_path / "out")["glacier.html"]
    assert headline == "Glacier in Norway melting faster, study finds"
    assert body.startswith("Researchers at the University of Bergen")
    assert body.endswith("a second study of glaciers in Svalbard.")
