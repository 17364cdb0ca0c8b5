"""Kinds of news page a held-out set holds, written for these tests (issue 14): where
trafilatura alone gets a field right, kg must too. Each page is built for real and the
test reads what was published; each mechanism, off, loses its case again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import select
from rdflib import Graph

from bench.pages import Mechanisms, kg_fast, trafilatura_alone
from kg.build import BuildOptions, build
from kg.extract.page.mainbody import BodyRules, is_page_chrome
from kg.sources.bylines import byline_names
from kg.sources.htmlmeta import PageOptions
from kg.sources.titles import Site

HEADLINE = "Arvel pier to be rebuilt after decade of dispute"
STORY = [
    "The harbour board voted on Tuesday to rebuild the old pier at Arvel, ending a dispute "
    "that has run for more than a decade between fishermen and the town council.",
    "Work is expected to begin in the spring and to take eighteen months, the board said, "
    "with the cost shared between the port and a regional fund for coastal towns.",
    "Local traders welcomed the decision, saying the closed pier had kept visitors away "
    "from the seafront shops during the last three summers.",
    "The council's leader said the plan would be put to residents at a public meeting "
    "next month before the final contracts are signed.",
]


def page(top: str = "", body: str = "", head: str = "", headline: str = HEADLINE) -> str:
    paragraphs = body or "".join(f"<p>{p}</p>" for p in STORY)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
      <title>{headline} | Arvel Courier</title>{head}</head><body>
      <header><nav><a href="/">Home</a> <a href="/news">News</a>
      <a href="/account/login?next=/news">Sign In</a></nav></header>
      <main><article><h1>{headline}</h1>{top}<div class="article-body">{paragraphs}</div>
      </article></main><footer><p>© 2021 Arvel Courier. All rights reserved.</p></footer>
      </body></html>"""


def retold(town: str) -> str:
    """The story of another town (a build publishes one article per distinct text)."""
    return "".join(f"<p>{p.replace('Arvel', town)}</p>" for p in STORY)


# A byline whose names are elements of their own: the first text node after "By" holds
# one name only.
NAMED_SPANS = page(
    top='<div class="byline">By <span class="author">Ann Quill</span>, '
    '<span class="author">Ivo Stanek</span> and <span class="author">Mira Holt</span>'
    "</div><p>May 3, 2021</p>",
    body=retold("Kirkhaven"),
)
# A guide whose main text has headings in capitals and a venue line: the shape of a
# dateline ("PLACE" or "PLACE, REGION" on a line of its own), but without its marks.
HEADINGS = page(
    top='<p class="byline">By Ann Quill</p><p>May 3, 2021</p>',
    body="".join(f"<p>{p}</p>" for p in STORY[:2])
    + "<h3>WHAT HAPPENS NEXT</h3>"
    + "".join(f"<p>{p}</p>" for p in STORY[2:])
    + "<h3>PUBLIC MEETING</h3><p>HARBOUR HALL, ARVEL</p>",
)


# Links to the author's page: a user name after a lone "by", and a plain link to an
# author page with no author markup; the nav's link to the reader's account is none.
USER_NAME = page(
    headline="Ferry timetable cut for the winter",
    body=retold("Brenmoor"),
    top='<p><span>by</span> <a href="/profile/4471">quillwrites</a></p><p>May 3, 2021</p>',
)
AUTHOR_PAGE = page(
    headline="School roof repairs delayed until summer",
    body=retold("Castlow"),
    top='<div><a href="https://arvel.example/author/ivo-stanek/">Ivo Stanek</a></div>'
    "<p>May 3, 2021</p>",
)
# The host's name begins the headline: the headline is no site name for it.
HOST_HEADLINE = page(
    head='<link rel="canonical" href="https://arvel.example/2021/05/03/pier">',
    body=retold("Arvel Bay"),
)


def ld(node: dict[str, object]) -> str:
    return f'<script type="application/ld+json">{json.dumps(node)}</script>'


def news(headline: str, day: str, author: str) -> dict[str, object]:
    return {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": headline,
        "datePublished": day,
        "author": {"@type": "Person", "name": author},
    }


# Two JSON-LD articles, a teaser's first; neither names its url.
TWO_ARTICLES = page(
    headline="Lifeboat station gets a new crew room",
    head=ld(news("Ferry timetable cut for the winter", "2021-06-01", "Mira Holt"))
    + ld(news("Lifeboat station gets a new crew room", "2021-05-03T09:00:00+01:00", "Ann Quill")),
    body=retold("Dunmere"),
)
# A "Trending" strip above the headline: another story's link, byline and date.
TEASER = page(
    top='<p class="byline">By Ann Quill</p><p>May 3, 2021</p>', body=retold("Fennick")
).replace(
    "<main>",
    '<main><div class="trending"><a href="/news/ferry"><h3>Ferry timetable cut</h3>'
    '<span>By Mira Holt</span> <time datetime="2021-06-01">June 1, 2021</time></a></div>',
)
# A paywalled page: the opening shown, the whole story (two towns') in its JSON-LD.
OPENING = [p.replace("Arvel", "Ostrey") for p in STORY]
WHOLE = OPENING + [p.replace("Arvel", "Wenlow") for p in STORY]
PAYWALL = page(
    headline="Harbour fees to rise in April",
    head=ld(
        {
            **news("Harbour fees to rise in April", "2021-05-03", "Ann Quill"),
            "articleBody": "\n".join(WHOLE),
        }
    ),
    body="".join(f"<p>{p}</p>" for p in OPENING[:2])
    + '<div class="paywall"><p>Subscribe to read the full story.</p></div>',
)
# Bylines whose names need reading: in capitals, with where each wrote from, and a
# name and a role each in an element of its own.
CAPS_PAIR = page(
    headline="Quay lights to be replaced",
    top='<p class="byline">BY ANN QUILL AND IVO STANEK</p>',
    body=retold("Harwick"),
)
FROM_PLACES = page(
    headline="Two towns share a lifeboat",
    top='<p class="byline">By Ann Quill in Arvel and Ivo Stanek in Castlow</p>',
    body=retold("Pellow"),
)
NAME_AND_ROLE = page(
    headline="Harbour master to retire",
    top='<div class="byline"><img src="a.jpg" alt=""><span>Ann Quill</span>'
    "<span>Transport Correspondent</span></div>",
    body=retold("Rosset"),
)
# A numeric date on an English page and no date in the metadata: month first.
NUMERIC_DAY = page(
    headline="Slipway reopens after repairs",
    top='<p class="byline">By Ann Quill</p><p>5/3/2021</p>',
    body=retold("Treloan"),
)
PAGES = {
    "numeric_day.html": NUMERIC_DAY,
    "caps_pair.html": CAPS_PAIR,
    "from_places.html": FROM_PLACES,
    "name_and_role.html": NAME_AND_ROLE,
    "paywall.html": PAYWALL,
    "teaser.html": TEASER,
    "host_headline.html": HOST_HEADLINE,
    "two_articles.html": TWO_ARTICLES,
    "named_spans.html": NAMED_SPANS,
    "headings.html": HEADINGS,
    "user_name.html": USER_NAME,
    "author_page.html": AUTHOR_PAGE,
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Graph, list[dict]]:
    folder = tmp_path_factory.mktemp("probe-pages")
    for name, html in PAGES.items():
        (folder / name).write_text(html, encoding="utf-8")
    out = folder / "out"
    result = build(BuildOptions(sources=tuple(str(folder / n) for n in PAGES), out=out))
    assert len(result.published) == len(PAGES)
    report = [json.loads(line) for line in (out / "report.jsonl").read_text().splitlines()]
    return folder, Graph().parse(out / "kg.ttl"), report


def published(graph: Graph, query: str) -> list[tuple[str, ...]]:
    return sorted(select(graph, query))


def test_every_name_of_a_byline_of_name_elements(built: tuple[Path, Graph, list[dict]]) -> None:
    folder, graph, _ = built
    names = published(
        graph,
        f"""SELECT ?n WHERE {{ ?a a schema:NewsArticle ; schema:headline "{HEADLINE}" ;
            schema:articleBody ?b ; schema:author ?p . ?p a schema:Person ; schema:name ?n .
            FILTER(CONTAINS(?b, "Kirkhaven")) }}""",
    )
    assert names == [("Ann Quill",), ("Ivo Stanek",), ("Mira Holt",)]
    off = kg_fast(folder / "named_spans.html", Mechanisms(PageOptions(listed_bylines=False)))
    assert off["authors"] == ["Ann Quill"]
    assert trafilatura_alone(folder / "named_spans.html")["authors"] == ["Ann Quill"]


def test_headings_and_venues_in_the_main_text_are_no_datelines(
    built: tuple[Path, Graph, list[dict]],
) -> None:
    folder, graph, _ = built
    bodies = published(
        graph,
        """SELECT ?b WHERE { ?a a schema:NewsArticle ; schema:articleBody ?b .
            FILTER(CONTAINS(?b, "WHAT HAPPENS NEXT")) }""",
    )
    assert len(bodies) == 1
    lines = bodies[0][0].split("\n\n")
    assert lines[2] == "WHAT HAPPENS NEXT"
    assert lines[-2:] == ["PUBLIC MEETING", "HARBOUR HALL, ARVEL"]
    off = kg_fast(folder / "headings.html", Mechanisms(body=BodyRules(marked_datelines=False)))
    assert "HARBOUR HALL" not in off["body"]  # the cleaner keeps the heading inside its run
    assert "HARBOUR HALL, ARVEL" in trafilatura_alone(folder / "headings.html")["body"]


def authors_of(graph: Graph, headline: str) -> list[tuple[str, ...]]:
    return published(
        graph,
        f"""SELECT ?n ?t WHERE {{ ?a a schema:NewsArticle ; schema:headline "{headline}" ;
            schema:author ?p . ?p a ?t ; schema:name ?n }}""",
    )


@pytest.mark.parametrize(
    ("name", "headline", "author"),
    [
        ("user_name.html", "Ferry timetable cut for the winter", "quillwrites"),
        ("author_page.html", "School roof repairs delayed until summer", "Ivo Stanek"),
    ],
)
def test_a_link_to_the_author_s_page_names_the_author(
    built: tuple[Path, Graph, list[dict]], name: str, headline: str, author: str
) -> None:
    folder, graph, _ = built
    assert authors_of(graph, headline) == [(author, "http://schema.org/Person")]
    off = kg_fast(folder / name, Mechanisms(PageOptions(author_links=False)))
    assert off["authors"] == []


def test_a_headline_that_starts_with_the_host_s_name_is_no_site_name(
    built: tuple[Path, Graph, list[dict]],
) -> None:
    folder, graph, _ = built
    rows = published(
        graph,
        """SELECT ?h WHERE { ?a a schema:NewsArticle ; schema:headline ?h ; schema:articleBody ?b .
            FILTER(CONTAINS(?b, "Arvel Bay")) }""",
    )
    assert rows == [(HEADLINE,)]
    off = kg_fast(folder / "host_headline.html", Mechanisms(PageOptions(host_names=False)))
    assert off["headline"] == "Arvel Courier"
    assert trafilatura_alone(folder / "host_headline.html")["headline"] == HEADLINE
    # A short capitalised name that starts with the host's name still is the site's.
    site = Site.of(["Arvel Courier"], ["https://arvel.example/x"])
    assert site.named("Arvel Courier Online") and not site.named("Arvel pier reopens")


def test_of_several_json_ld_articles_the_one_the_page_shows(
    built: tuple[Path, Graph, list[dict]],
) -> None:
    folder, graph, _ = built
    headline = "Lifeboat station gets a new crew room"
    rows = published(
        graph,
        f"""SELECT ?d WHERE {{ ?a a schema:NewsArticle ; schema:headline "{headline}" ;
            schema:datePublished ?d }}""",
    )
    assert [r[0][:10] for r in rows] == ["2021-05-03"]
    assert authors_of(graph, headline) == [("Ann Quill", "http://schema.org/Person")]
    off = kg_fast(folder / "two_articles.html", Mechanisms(PageOptions(ld_headline=False)))
    assert off["authors"] == ["Mira Holt"] and off["datePublished"] == "2021-06-01"
    assert trafilatura_alone(folder / "two_articles.html")["datePublished"] == "2021-06-01"


def test_a_teaser_above_the_headline_gives_neither_author_nor_date(
    built: tuple[Path, Graph, list[dict]],
) -> None:
    folder, graph, _ = built
    rows = published(
        graph,
        """SELECT ?d WHERE { ?a a schema:NewsArticle ; schema:datePublished ?d ;
            schema:articleBody ?b . FILTER(CONTAINS(?b, "Fennick")) }""",
    )
    assert rows == [("2021-05-03",)]
    names = published(
        graph,
        """SELECT ?n WHERE { ?a a schema:NewsArticle ; schema:author ?p ;
            schema:articleBody ?b . ?p schema:name ?n . FILTER(CONTAINS(?b, "Fennick")) }""",
    )
    assert names == [("Ann Quill",)]
    path = folder / "teaser.html"
    assert kg_fast(path, Mechanisms(PageOptions(teasers=False)))["authors"] == [
        "Ann Quill",
        "Mira Holt",
    ]
    assert kg_fast(path, Mechanisms(PageOptions(teaser_dates=False)))["datePublished"] == (
        "2021-06-01"
    )
    assert trafilatura_alone(path)["datePublished"] == "2021-06-01"


def test_a_main_text_cut_short_yields_to_the_json_ld_article_body(
    built: tuple[Path, Graph, list[dict]],
) -> None:
    folder, graph, report = built
    rows = published(
        graph,
        """SELECT ?b WHERE { ?a a schema:NewsArticle ; schema:headline "Harbour fees to rise in April" ;
            schema:articleBody ?b }""",
    )
    assert [" ".join(r[0].split()) for r in rows] == [" ".join(WHOLE)]  # one paragraph
    notes = [p["reason"] for p in report if Path(p["source"]).name == "paywall.html"]
    assert any("used the articleBody" in n for n in notes), notes
    path = folder / "paywall.html"
    off = kg_fast(path, Mechanisms(PageOptions(ld_body=False)))["body"]
    assert "Ostrey" in off and "Wenlow" not in off
    # trafilatura itself reads the articleBody only when it finds next to nothing.
    assert "Wenlow" not in trafilatura_alone(path)["body"]


@pytest.mark.parametrize(
    ("name", "headline", "names"),
    [
        ("caps_pair.html", "Quay lights to be replaced", ["Ann Quill", "Ivo Stanek"]),
        ("from_places.html", "Two towns share a lifeboat", ["Ann Quill", "Ivo Stanek"]),
        ("name_and_role.html", "Harbour master to retire", ["Ann Quill"]),
    ],
)
def test_the_names_of_a_byline_read_whole(
    built: tuple[Path, Graph, list[dict]], name: str, headline: str, names: list[str]
) -> None:
    folder, graph, _ = built
    assert authors_of(graph, headline) == [(n, "http://schema.org/Person") for n in names]
    off = kg_fast(folder / name, Mechanisms(PageOptions(byline_parts=False)))["authors"]
    assert sorted(off) != names


def test_an_ambiguous_date_is_read_as_the_page_s_language_writes_it(
    built: tuple[Path, Graph, list[dict]],
) -> None:
    folder, graph, _ = built
    rows = published(
        graph,
        """SELECT ?d WHERE { ?a a schema:NewsArticle ; schema:headline "Slipway reopens after repairs" ;
            schema:datePublished ?d }""",
    )
    assert rows == [("2021-05-03",)]
    path = folder / "numeric_day.html"
    off = kg_fast(path, Mechanisms(PageOptions(ambiguous_dates=False)))
    assert off["datePublished"] == "2021-03-05"  # htmldate's reading of the same text
    assert trafilatura_alone(path)["datePublished"] == "2021-03-05"


def test_an_organisation_in_capitals_is_not_split() -> None:
    assert byline_names("U.S. PORTS AND HARBOURS AUTHORITY") == [
        "U.S. PORTS AND HARBOURS AUTHORITY"
    ]
    assert byline_names("BY ANN QUILL AND IVO STANEK") == ["ANN QUILL", "IVO STANEK"]


@pytest.mark.parametrize(
    "line",
    [
        "WASHINGTON —",  # a known place in capitals
        "LONDON, May 3 (Reuters) -",  # a date and an agency
        "PARIS (AFP)",
        "SPRINGVALE, Vermont",  # a region in ordinary case
        "ARVEL:",  # a closing colon
    ],
)
def test_a_dateline_on_its_own_line_is_still_dropped(line: str) -> None:
    assert is_page_chrome(line)


@pytest.mark.parametrize("line", ["INSTRUCTIONS", "RECIPE NOTES", "HARBOUR HALL, ARVEL", "Lisbon"])
def test_a_line_without_a_dateline_s_marks_is_kept(line: str) -> None:
    assert not is_page_chrome(line)
    assert is_page_chrome(line, BodyRules(marked_datelines=False)) or line == "Lisbon"
