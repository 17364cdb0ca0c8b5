"""RSS 2.0 and Atom feeds: one article per item."""

from __future__ import annotations

from pathlib import Path

from kg.model import Agent, RawDocument, Rejected
from kg.sources import iter_inputs
from kg.sources.feed import read_feed
from kg.sources.htmltext import html_to_text

FEEDS = Path(__file__).parent / "data" / "feeds"


def items(path: Path) -> list[RawDocument | Rejected]:
    return list(iter_inputs([str(path)]))


def test_rss_items_become_documents() -> None:
    first, second, third = items(FEEDS / "world.rss")
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    # full content (content:encoded) wins over the description; figure captions and
    # scripts are not text; each paragraph is a line
    assert first.text.split("\n") == [
        "The harbour in Lisbon reopened on Tuesday, a week after a storm tore through the docks.",
        "Portugal's transport minister, Ana Ribeiro, said ships from Spain and Morocco would "
        "dock again from Wednesday.",
        "The European Union has offered help with the repairs.",
    ]
    meta = first.meta
    assert meta.headline == "Harbour reopens in Lisbon after storm damage"
    assert meta.url == "https://news.example.org/world/lisbon-harbour-reopens"
    assert meta.id == meta.url  # a permalink guid
    assert meta.date_published == "2025-03-04T09:30:00Z"
    assert meta.date_modified is None  # RSS has one date
    assert meta.authors == (Agent("Maria Costa"),)
    assert meta.section == "Europe"
    assert meta.in_language == "en-gb"
    assert meta.image_url == "https://news.example.org/img/lisbon.jpg"
    # escaped HTML in <description>
    assert second.text == (
        "Firefighters in Greece brought a wildfire near Athens under control on Monday, "
        "the fire service said.\nNo one was hurt."
    )
    assert second.meta.id == "example-daily-20250303-athens"
    assert second.meta.date_published == "2025-03-03T18:05:00+01:00"
    assert second.meta.authors == (Agent("Nikos Pappas"),)
    assert third == Rejected(
        str(FEEDS / "world.rss"),
        "feed item 3 ('Photo gallery: spring in Paris') has no text (no content or summary)",
    )


def test_atom_entries_become_documents() -> None:
    comet, glacier = items(FEEDS / "science.atom")
    assert isinstance(comet, RawDocument) and isinstance(glacier, RawDocument)
    assert comet.meta.headline == "Telescope in Chile spots new comet"  # type="html" title
    assert comet.meta.id == "tag:news.example.org,2025:science/comet"
    assert comet.meta.url == "https://news.example.org/science/chile-comet"
    assert comet.meta.date_published == "2025-03-05T08:15:00+01:00"
    assert comet.meta.date_modified == "2025-03-05T09:45:00+01:00"
    assert comet.meta.authors == (Agent("Lucia Fernandez"), Agent("Tom Becker"))
    assert comet.meta.in_language == "en"
    assert comet.text.startswith("Astronomers at an observatory in Chile")
    assert (
        glacier.text == "Researchers in Norway measured how fast the Jostedal glacier is melting."
    )
    assert glacier.meta.date_published is None
    assert glacier.meta.date_modified == "2025-03-04T16:00:00Z"


def test_not_a_feed() -> None:
    (rejected,) = read_feed(b"<sitemap><url>https://x.org/</url></sitemap>", "s.xml", None)
    assert isinstance(rejected, Rejected)
    assert rejected.reason.startswith("not an RSS or Atom feed")
    empty_feed = b'<rss version="2.0"><channel><title>t</title></channel></rss>'
    assert list(read_feed(empty_feed, "e.rss", None)) == [Rejected("e.rss", "feed has no items")]


def test_feed_items_are_published(tmp_path: Path) -> None:
    from kg.build import BuildOptions, build

    result = build(BuildOptions(sources=(str(FEEDS),), out=tmp_path))
    assert result.published == sorted(
        [
            "https://news.example.org/world/lisbon-harbour-reopens",
            "example-daily-20250303-athens",
            "tag:news.example.org,2025:science/comet",
            "tag:news.example.org,2025:science/glacier",
        ]
    )
    assert [p.reason for p in result.of_kind("rejected")] == [
        "feed item 3 ('Photo gallery: spring in Paris') has no text (no content or summary)"
    ]


def test_html_to_text() -> None:
    assert (
        html_to_text("<p>One <b>bold</b> line.</p><p>Two<br>three</p>")
        == "One bold line.\nTwo\nthree"
    )
    assert html_to_text("<ul><li>a</li><li>b</li></ul><!-- c --><style>x{}</style>") == "a\nb"
    assert html_to_text("plain &amp; simple\nsecond line") == "plain & simple\nsecond line"
    assert html_to_text("") == ""
