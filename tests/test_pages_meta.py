"""Real-page metadata (issue 14): every source read, one value per field, nothing lost.

Fixtures in tests/data/pages are small pages written for these tests: a video page
whose text cannot be extracted, several authors as JSON-LD references, an
organisation author, a site name given as the author.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import select
from lxml.html import fromstring
from rdflib import Graph

from kg.build import BuildOptions, BuildResult, build
from kg.model import Agent, Meta
from kg.sources.bylines import byline_names
from kg.sources.htmlmeta import PageOptions, microdata_authors, read_page
from kg.sources.pagedates import shown_dates
from kg.sources.pagehead import read_head
from kg.sources.precedence import choose_meta
from kg.sources.titles import Site, TitleSources, choose_title, without_site

PAGES = Path(__file__).parent / "data" / "pages"


@pytest.fixture(scope="module")
def pages_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Graph, list[dict], BuildResult]:
    out = tmp_path_factory.mktemp("pages-out")
    result = build(BuildOptions(sources=(str(PAGES),), out=out))
    report = [json.loads(line) for line in (out / "report.jsonl").read_text().splitlines()]
    return Graph().parse(out / "kg.ttl"), report, result


def article(graph: Graph, headline: str) -> str:
    rows = select(
        graph, f'SELECT ?a WHERE {{ ?a a schema:NewsArticle ; schema:headline "{headline}" }}'
    )
    assert len(rows) == 1, rows
    return rows[0][0]


def authors(graph: Graph, iri: str) -> list[tuple[str, str]]:
    return sorted(
        select(
            graph, f"SELECT ?n ?t WHERE {{ <{iri}> schema:author ?p . ?p schema:name ?n ; a ?t }}"
        )
    )


def lines_about(report: list[dict], name: str) -> list[tuple[str, str]]:
    return [(p["kind"], p["reason"]) for p in report if Path(p["source"]).name == name]


def test_every_page_is_published(pages_build: tuple) -> None:
    _, _, result = pages_build
    assert len(result.published) == 4
    assert result.of_kind("rejected") == [] and result.of_kind("invalid") == []


def test_page_without_text_is_published_from_its_metadata(pages_build: tuple) -> None:
    graph, report, _ = pages_build
    a = article(graph, "Ferry service to the islands resumes")
    rows = select(
        graph,
        f"""SELECT ?d ?desc ?img WHERE {{ <{a}> schema:datePublished ?d ;
            schema:description ?desc ; schema:image ?i . ?i schema:contentUrl ?img }}""",
    )
    assert rows == [
        (
            "2024-05-14T06:45:00+02:00",  # the page's own value and offset
            "The first ferry in three weeks left the harbour at dawn, watched by a crowd on the quay.",
            "https://harbour.example.com/img/ferry.jpg",
        )
    ]
    assert select(graph, f"SELECT ?b WHERE {{ <{a}> schema:articleBody ?b }}") == []
    assert authors(graph, a) == [
        ("Lena Fischer", "http://schema.org/Person"),
        ("Tomas Berg", "http://schema.org/Person"),
    ]
    assert lines_about(report, "video_page.html") == [
        ("warning", "no article text found in the page; published from its metadata")
    ]


def test_several_json_ld_authors_by_reference(pages_build: tuple) -> None:
    graph, report, _ = pages_build
    a = article(graph, "Orchard owners count the cost of a late frost")
    assert authors(graph, a) == [
        ("Farm Wire Service", "http://schema.org/Organization"),
        ("Owen Hughes", "http://schema.org/Person"),
        ("Priya Raman", "http://schema.org/Person"),
    ]
    urls = select(
        graph,
        f'SELECT ?u WHERE {{ <{a}> schema:author ?p . ?p schema:name "Priya Raman" ; schema:url ?u }}',
    )
    assert urls == [("https://valley.example.org/staff/priya-raman",)]
    (date,) = select(graph, f"SELECT ?d WHERE {{ <{a}> schema:datePublished ?d }}")
    assert date == ("2024-04-22T18:05:00+01:00",)
    assert lines_about(report, "several_authors.html") == []


def test_organisation_author_stays_an_organisation(pages_build: tuple) -> None:
    graph, report, _ = pages_build
    a = article(graph, "Power cut hits the northern suburbs")
    assert authors(graph, a) == [("City Newsroom Desk", "http://schema.org/Organization")]
    publisher = select(
        graph, f"SELECT ?n WHERE {{ <{a}> schema:publisher ?p . ?p schema:name ?n }}"
    )
    assert publisher == [("Metro Daily",)]
    assert lines_about(report, "organisation_author.html") == []


def test_site_name_is_never_a_person(pages_build: tuple) -> None:
    graph, report, _ = pages_build
    # The <title> and og:title carry the site's name; the h1 they confirm does not.
    a = article(graph, "Library reopens after a year of repairs")
    # <meta name=author> names the site; the byline shown under the headline names the writer.
    assert authors(graph, a) == [("Marta Quinn", "http://schema.org/Person")]
    assert (
        select(graph, 'SELECT ?p WHERE { ?p a schema:Person ; schema:name "Riverside Post" }') == []
    )
    (date,) = select(graph, f"SELECT ?d WHERE {{ <{a}> schema:datePublished ?d }}")
    assert date == ("2024-03-02T09:00:00-05:00",)
    assert lines_about(report, "site_name_author.html") == []


# -- the pieces -----------------------------------------------------------------------------


def test_site_name_cut_from_titles() -> None:
    site = Site.of(["Harbour Times"], ["https://www.harbourtimes.example/x"])
    assert without_site("Ferry resumes - Harbour Times", site) == "Ferry resumes"
    assert without_site("Harbour Times | Ferry resumes", site) == "Ferry resumes"
    # The host spelled out counts as the site's name; a part that is not is kept.
    assert without_site("Ferry resumes: the first crossing | HarbourTimes", site) == (
        "Ferry resumes: the first crossing"
    )
    assert without_site("Chapter 1: Prologue - Arrival", site) == "Chapter 1: Prologue - Arrival"


def test_h1_confirmed_by_a_metadata_title_wins() -> None:
    site = Site.of(["Harbour Times"], [])
    sources = TitleSources(
        og="Ferry resumes - Harbour Times",
        title="Ferry resumes | Harbour Times",
        h1=("Harbour Times", "Ferry resumes", "Most read"),
    )
    assert choose_title(sources, site) == "Ferry resumes"
    # Without a confirmed h1: the JSON-LD headline, then og:title without the site's name.
    assert choose_title(TitleSources(og="Ferry resumes - Harbour Times", h1=("Menu",)), site) == (
        "Ferry resumes"
    )
    assert choose_title(TitleSources(h1=("Menu", "Ferry resumes")), site) == "Menu"


@pytest.mark.parametrize(
    ("text", "month_first", "readings"),
    [
        ("Updated Mar 12, 2020 @ 10:42 am", True, [("2020-03-12",)]),
        ("Monday, 6 January 2020", True, [("2020-01-06",)]),
        ("31. Januar 2022, 14:05", False, [("2022-01-31",)]),
        ("le 19 février 2020", False, [("2020-02-19",)]),
        ("Written: 2023-11-07 15:03:30", False, [("2023-11-07",)]),
        ("04/12/2020", False, [("2020-12-04", "2020-04-12")]),
        ("04/12/2020", True, [("2020-04-12", "2020-12-04")]),
        ("13/12/2020", True, [("2020-12-13",)]),
        ("March 2020", True, []),
        (
            "Last updated 04 Jun 2020, originally created 17 Jun 2019",
            True,
            [("2020-06-04",), ("2019-06-17",)],
        ),
    ],
)
def test_shown_dates(text: str, month_first: bool, readings: list[tuple[str, ...]]) -> None:
    assert shown_dates(text, month_first) == readings


@pytest.mark.parametrize(
    ("text", "strict", "names"),
    [
        ("By Ann Lee and Bo Chan - 12 May 2020", True, ["Ann Lee", "Bo Chan"]),
        ("Ann Lee, PhD; Bo Chan, MD", True, ["Ann Lee", "Bo Chan"]),
        ("Ann Lee @annlee", True, ["Ann Lee"]),
        ("Von Karl Weber | 3. März 2021", True, ["Karl Weber"]),
        ("the best of the week", True, []),
        ("delta201", False, ["delta201"]),
    ],
)
def test_byline_names(text: str, strict: bool, names: list[str]) -> None:
    assert byline_names(text, strict=strict) == names


def test_head_byline_and_date_beside_the_headline() -> None:
    page = (
        """<html><body>
      <div class="teasers"><p>By Someone Else</p><p>Other story, 1 May 2020</p>
      <p>"""
        + "A long teaser paragraph about another story entirely. " * 8
        + """</p></div>
      <p class="kicker">Science · 7 April 2020</p>
      <h1>Glacier melting faster</h1>
      <div class="meta">By <a rel="author">Ingrid Larsen</a></div>
      <p>"""
        + "The glacier lost more ice this year than in any year since records began. " * 3
        + """</p>
      <div class="comments"><p>By Reader One</p></div>
    </body></html>"""
    )
    head = read_head(fromstring(page), "Glacier melting faster", month_first=True)
    assert head.found
    assert head.byline == ("Ingrid Larsen",)
    assert head.dates == (("2020-04-07",),)


def test_author_markup_around_the_headline() -> None:
    page = (
        """<html><body><h1>Patch notes 4.2</h1>
      <div class="post-author"><a>Will Knigh<span>t</span></a></div>
      <span class="author-stats">319</span><span class="author-follow">Follow</span>
      <div class="forum-author">tiber12</div>
      <p>"""
        + "These notes list every change made to the game in this release. " * 4
        + """</p>
    </body></html>"""
    )
    head = read_head(fromstring(page), "Patch notes 4.2", month_first=True)
    # Whole elements (a name split by markup stays one), user names kept, labels and counts not.
    assert head.marked == ("Will Knight", "tiber12")
    assert head.byline == ()


def test_precedence_shown_date_with_the_metadata_offset_and_fuller_byline() -> None:
    page = """<html lang="en"><head>
      <meta property="og:site_name" content="Valley Gazette">
      <meta name="author" content="Valley Gazette">
      <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Frost hits orchards",
        "datePublished": "2019-10-15T16:59:59Z", "dateModified": "2020-03-12T14:42:17-04:00",
        "author": {"@type": "Person", "name": "Todd"}}</script></head>
      <body><h1>Frost hits orchards</h1><p>By Todd Bates</p><p>Updated Mar 12, 2020</p></body></html>"""
    facts = read_page(fromstring(page), PageOptions())
    meta = choose_meta(facts, Meta(), PageOptions())
    # The day the page shows, with the time and offset of the metadata value of that day.
    assert meta.date_published == "2020-03-12T14:42:17-04:00"
    assert meta.authors == (Agent("Todd Bates", "Person"),)
    off = choose_meta(facts, Meta(), PageOptions(head_date=False, head_byline=False))
    assert off.date_published == "2019-10-15T16:59:59Z"
    assert off.authors == (Agent("Todd", "Person"),)


def test_permalink_day_beats_a_wrong_json_ld_date() -> None:
    page = """<html><head><link rel="canonical" href="https://blog.example.org/2017/7/12/montauk">
      <script type="application/ld+json">{"@type": "BlogPosting", "headline": "Montauk",
        "datePublished": "2019-06-17T18:28:00+0200"}</script></head>
      <body><h1>Montauk</h1></body></html>"""
    facts = read_page(fromstring(page), PageOptions())
    assert choose_meta(facts, Meta(), PageOptions()).date_published == "2017-07-12"
    assert choose_meta(facts, Meta(), PageOptions(url_date=False)).date_published == (
        "2019-06-17T18:28:00+02:00"
    )


_EDITED_PAGE = (
    """<html><head>
  <meta property="article:published_time" content="2018-05-02T09:10:00+02:00">
  <meta property="article:modified_time" content="2021-11-23T16:00:00+01:00">
  </head><body><h1>Les jardins de Morvelle</h1>
  <div class="info"><a class="author">Lise Durant</a> | LABEL 23 novembre 2021</div>
  <p>"""
    + "Les jardins ouvrent au public chaque printemps depuis des années. " * 4
    + """</p>
  </body></html>"""
)


def test_an_unlabelled_shown_edit_day_yields_to_the_published_day() -> None:
    page = _EDITED_PAGE.replace("LABEL ", "Le ")
    facts = read_page(fromstring(page), PageOptions())
    assert facts.head.dates[0] == ("2021-11-23",)
    assert choose_meta(facts, Meta(), PageOptions()).date_published == ("2018-05-02T09:10:00+02:00")
    off = choose_meta(facts, Meta(), PageOptions(unlabelled_edit=False))
    assert off.date_published == "2021-11-23T16:00:00+01:00"


@pytest.mark.parametrize("label", ["Mis à jour le ", "Updated ", "Last modified: "])
def test_a_shown_day_labelled_as_an_update_stays(label: str) -> None:
    facts = read_page(fromstring(_EDITED_PAGE.replace("LABEL ", label)), PageOptions())
    assert facts.head.updated == frozenset({"2021-11-23"})
    assert choose_meta(facts, Meta(), PageOptions()).date_published == ("2021-11-23T16:00:00+01:00")


def _recipe_page(line: str) -> str:
    return (
        """<html><body><h1>Plum crumble</h1><p class="blurb">"""
        + "A crumble of late plums and oats that the whole family asks for again. " * 4
        + f"""</p><div class="by">By Hollin Kitchens</div><div class="when">{line}</div>
        <ul><li>4 plums</li><li>100 g oats</li></ul></body></html>"""
    )


def test_a_labelled_date_below_the_description_beats_the_extractor_guess() -> None:
    guess = Meta(date_published="2004-01-01")
    facts = read_page(fromstring(_recipe_page("Updated June 3, 2019")), PageOptions())
    assert facts.head.dates == ()  # beyond the head: the blurb is prose
    assert choose_meta(facts, guess, PageOptions()).date_published == "2019-06-03"
    assert choose_meta(facts, guess, PageOptions(labelled_date=False)).date_published == (
        "2004-01-01"
    )
    # A date without a label that begins its line is not taken.
    facts = read_page(fromstring(_recipe_page("Best since June 3, 2019")), PageOptions())
    assert facts.head.labelled == ()
    assert choose_meta(facts, guess, PageOptions()).date_published == "2004-01-01"


_ITEMS_PAGE = """<html><body>
  <article itemscope itemtype="https://schema.org/Article">
    <h1 itemprop="headline">Tidal mills of the north coast</h1>
    <span itemprop="author" itemscope itemtype="https://schema.org/Person">
      <span itemprop="name">Orla Venn</span></span>
    <p>Three mills still turn with the tide.</p>
    <ol><li itemprop="citation" itemscope itemtype="https://schema.org/ScholarlyArticle">
      <meta itemprop="author" content="Pell Quarrin">Quarrin P. Mill wheels. 1988.</li></ol>
  </article>
  <aside><article itemscope itemtype="https://schema.org/BlogPosting">
    <h3>Another story</h3><span itemprop="author">Kit Marrow</span></article></aside>
  </body></html>"""


def test_microdata_authors_of_the_item_that_holds_the_headline() -> None:
    def names(options: PageOptions) -> list[str]:
        return [a["name"] for a in read_page(fromstring(_ITEMS_PAGE), options).microdata_authors]

    assert names(PageOptions()) == ["Orla Venn"]
    # Off: the cited work's and the teaser's authors too.
    assert names(PageOptions(article_item=False)) == ["Orla Venn", "Pell Quarrin", "Kit Marrow"]


def test_without_the_headline_element_a_cited_work_is_still_left_out() -> None:
    page = _ITEMS_PAGE.replace('<h1 itemprop="headline">', "<div>").replace("</h1>", "</div>")
    tree = fromstring(page)
    facts = read_page(tree, PageOptions())
    assert facts.headline is None or not facts.head.found
    assert [a["name"] for a in microdata_authors(tree, None, own=True)] == [
        "Orla Venn",
        "Kit Marrow",
    ]


def test_a_labelled_date_below_the_body_is_a_comment_s() -> None:
    paragraph = "<p>" + "The crumble keeps for three days in a cool larder. " * 6 + "</p>"
    page = _recipe_page("Serves six").replace(
        "<ul>", paragraph * 2 + "<p>Posted May 2, 2021</p><ul>"
    )
    facts = read_page(fromstring(page), PageOptions())
    assert facts.head.labelled == ()


def _desk_page(jsonld_author: str) -> str:
    return f"""<html><head><meta property="og:site_name" content="Arvel Courier">
      <script type="application/ld+json">{{"@type": "NewsArticle", "headline": "Pier to be rebuilt",
        "author": {{"@type": "Person", "name": "{jsonld_author}"}}}}</script></head>
      <body><h1>Pier to be rebuilt</h1><p>By Lena Morrow</p></body></html>"""


@pytest.mark.parametrize("desk", ["Arvel Courier Staff", "News Desk", "The Editorial Board"])
def test_a_desk_typed_as_a_person_yields_to_the_shown_byline(desk: str) -> None:
    facts = read_page(fromstring(_desk_page(desk)), PageOptions())
    assert choose_meta(facts, Meta(), PageOptions()).authors == (Agent("Lena Morrow", "Person"),)
    off = choose_meta(facts, Meta(), PageOptions(desk_names=False))
    assert off.authors == (Agent(desk, "Person"),)


def test_a_role_beside_a_person_is_no_co_author() -> None:
    # The JSON-LD name splits at its comma; the desk word is no co-author then.
    facts = read_page(fromstring(_desk_page("Ivo Stanek, Staff")), PageOptions())
    assert choose_meta(facts, Meta(), PageOptions()).authors == (Agent("Ivo Stanek", "Person"),)
    off = choose_meta(facts, Meta(), PageOptions(desk_names=False)).authors
    assert off == (Agent("Ivo Stanek", "Person"), Agent("Staff", "Person"))


_FESTIVAL_LD = """<script type="application/ld+json">{"@type": "NewsArticle",
  "headline": "Festival returns to Arvel", "datePublished": "2021-05-03T08:00:00+01:00"}</script>"""


@pytest.mark.parametrize(
    ("above", "below"),
    [
        (
            "",
            "<p>The festival comes back on 12 June 2021.</p><p>By Lena Morrow</p><p>3 May 2021</p>",
        ),
        ('<div class="today">Tuesday, 1 June 2021</div>', "<p>By Lena Morrow</p>"),
        ("<ul><li><a>Pier plans approved</a> 28 May 2021</li></ul>", "<p>By Lena Morrow</p>"),
    ],
)
def test_a_shown_date_the_metadata_does_not_confirm(above: str, below: str) -> None:
    page = f"""<html><head>{_FESTIVAL_LD}</head><body>{above}
      <h1>Festival returns to Arvel</h1>{below}</body></html>"""
    facts = read_page(fromstring(page), PageOptions())
    assert facts.head.dates  # the page shows a date the metadata does not name
    chosen = choose_meta(facts, Meta(), PageOptions()).date_published
    assert chosen == "2021-05-03T08:00:00+01:00"
    off = choose_meta(facts, Meta(), PageOptions(agreeing_date=False)).date_published
    assert off != chosen


def test_a_lone_shown_date_below_the_headline_still_beats_the_metadata() -> None:
    page = f"""<html><head>{_FESTIVAL_LD}</head><body>
      <h1>Festival returns to Arvel</h1><p>By Lena Morrow</p><p>Updated 9 May 2021</p></body></html>"""
    facts = read_page(fromstring(page), PageOptions())
    assert choose_meta(facts, Meta(), PageOptions()).date_published == "2021-05-09"


def test_a_date_bar_the_day_after_yields_and_a_zone_shifted_stamp_stays() -> None:
    bar = f"""<html><head>{_FESTIVAL_LD}</head><body><div class="today">4 May 2021</div>
      <h1>Festival returns to Arvel</h1><p>By Lena Morrow</p></body></html>"""
    facts = read_page(fromstring(bar), PageOptions())
    assert choose_meta(facts, Meta(), PageOptions()).date_published == ("2021-05-03T08:00:00+01:00")
    shifted = """<html><head><script type="application/ld+json">{"@type": "NewsArticle",
      "headline": "Festival returns to Arvel", "datePublished": "2021-05-02T23:30:00-04:00",
      "dateModified": "2021-05-09T10:00:00-04:00"}</script></head><body>
      <h1>Festival returns to Arvel</h1><p>Published 3 May 2021</p><p>Updated 9 May 2021</p>
      </body></html>"""
    facts = read_page(fromstring(shifted), PageOptions())
    # The shown publication day stays (the metadata's instant is that day in the page's
    # zone); the "Updated" day that the dateModified confirms does not take its place.
    assert choose_meta(facts, Meta(), PageOptions()).date_published == "2021-05-03"


_STORY = (
    "<p>" + "The harbour board voted to rebuild the north pier before the storms. " * 4 + "</p>"
)


def test_the_site_name_the_title_adds_to_the_og_title() -> None:
    page = f"""<html><head><title>Pier to be rebuilt | Arvel Courier</title>
      <meta property="og:title" content="Pier to be rebuilt"></head>
      <body><h1 class="logo">Arvel Courier</h1><h2>Pier to be rebuilt</h2>{_STORY}</body></html>"""
    facts = read_page(fromstring(page), PageOptions())
    assert facts.site.named("Arvel Courier")
    assert facts.headline == "Pier to be rebuilt"
    assert read_page(fromstring(page), PageOptions(title_site=False)).headline == "Arvel Courier"
    # An og:title that is the site's name names no site of its own.
    other = page.replace('content="Pier to be rebuilt"', 'content="Arvel Courier"')
    assert not read_page(fromstring(other), PageOptions()).site.named("Pier to be rebuilt")


def test_of_equally_confirmed_h1s_the_longer() -> None:
    page = f"""<html><head><title>Pier to be rebuilt | Arvel Courier</title></head>
      <body><h1>Arvel Courier</h1><h1>Pier to be rebuilt</h1>{_STORY}</body></html>"""
    assert read_page(fromstring(page), PageOptions()).headline == "Pier to be rebuilt"
    assert read_page(fromstring(page), PageOptions(longer_h1=False)).headline == "Arvel Courier"


@pytest.mark.parametrize(
    "credit", ["The pier at dawn. Photo by Ann Quill", "Medically reviewed by Dr. Ann Quill"]
)
def test_a_credit_line_near_the_headline_is_no_byline(credit: str) -> None:
    page = f"""<html><head><meta name="author" content="Lena Morrow"></head><body>
      <h1>Pier to be rebuilt</h1><p>{credit}</p>{_STORY}</body></html>"""
    facts = read_page(fromstring(page), PageOptions())
    assert facts.head.byline == ()
    assert choose_meta(facts, Meta(), PageOptions()).authors == (Agent("Lena Morrow", "Person"),)
    assert read_page(fromstring(page), PageOptions(credit_lines=False)).head.byline != ()
    # A byline inside a line still is one.
    posted = page.replace(credit, "Posted on 3 May 2021 by Ivo Stanek")
    assert read_page(fromstring(posted), PageOptions()).head.byline == ("Ivo Stanek",)
