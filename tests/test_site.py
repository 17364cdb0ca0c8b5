"""kg site: a page per entity at its IRI's path, each with JSON-LD and RDF files beside it."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner
from conftest import select
from ldcheck import Scripts, all_nodes, expand_jsonld_js, expand_rdflib, missing_from, page_of
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF

from kg.cli import main
from kg.link.iris import KINDS
from kg.rdf import jsonld
from kg.web import pages, svg
from kg.web.site import MARKER

BASE = "http://localhost:8000/"


@pytest.fixture(scope="module")
def site(seeds_out: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    result = CliRunner().invoke(main, ["site", "--data", str(seeds_out), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert re.fullmatch(
        rf"Wrote \d+ pages \(2 articles, \d+ people, \d+ places, \d+ organisations, "
        rf"\d+ events\) to {re.escape(str(out))}/.\n",
        result.output,
    ), result.output
    return out


def entities(graph: Graph, kind: str) -> set[str]:
    rows = select(graph, "SELECT DISTINCT ?s WHERE { ?s a ?t }")
    prefix = f"{BASE}{kind}/"
    return {s for (s,) in rows if s.startswith(prefix) and "#" not in s}


@pytest.mark.parametrize("kind", KINDS)
def test_a_page_and_rdf_files_for_every_entity(site: Path, seeds_graph: Graph, kind: str) -> None:
    expected = entities(seeds_graph, kind)
    if kind == "article":
        assert len(expected) == 2
    if kind in ("person", "place", "organization"):
        assert expected
    written = {
        BASE + str(p.relative_to(site).with_suffix(""))
        for p in (site / kind).glob("*.html")
        if p.name != "index.html"
    }
    assert written == expected
    for iri in expected:
        page = page_of(site, iri, BASE)
        for ext in ("ttl", "jsonld"):
            assert page.with_suffix(f".{ext}").is_file()
        index = (site / kind / "index.html").read_text(encoding="utf-8")
        assert f'href="{iri.rsplit("/", 1)[1]}"' in index


def test_every_page_carries_json_ld_all_in_kg_ttl(site: Path, seeds_graph: Graph) -> None:
    docs, iris = [], []
    for kind in KINDS:
        for iri in sorted(entities(seeds_graph, kind)):
            found = Scripts(page_of(site, iri, BASE).read_text(encoding="utf-8")).jsonld()
            assert len(found) == 1, iri
            doc = found[0]
            graph = expand_rdflib(doc)
            assert missing_from(graph, seeds_graph) == [], iri
            assert next(graph.objects(URIRef(iri), RDF.type), None) is not None, iri
            docs.append(doc)
            iris.append(iri)
    for iri, js_graph in zip(iris, expand_jsonld_js(docs), strict=True):
        assert missing_from(js_graph, seeds_graph) == [], iri


def test_alternate_files_are_the_description(site: Path, seeds_graph: Graph) -> None:
    for kind in ("article", "person", "place"):
        for iri in sorted(entities(seeds_graph, kind)):
            page = page_of(site, iri, BASE)
            links = Scripts(page.read_text(encoding="utf-8")).links
            alternates = {ln["type"]: ln["href"] for ln in links if ln.get("rel") == "alternate"}
            name = page.stem
            assert alternates == {
                "text/turtle": f"{name}.ttl",
                "application/ld+json": f"{name}.jsonld",
            }
            turtle = Graph().parse(page.with_suffix(".ttl"), format="turtle")
            from_jsonld = jsonld.parse(page.with_suffix(".jsonld").read_text(encoding="utf-8"))
            assert isomorphic(turtle, from_jsonld)
            assert missing_from(turtle, seeds_graph) == []
            own = set(seeds_graph.triples((URIRef(iri), None, None)))
            assert own and own <= set(turtle), iri
            incoming = {
                t for t in seeds_graph.triples((None, None, URIRef(iri))) if "#" not in t[0]
            }
            assert incoming <= set(turtle), iri


def test_article_pages_show_an_accessible_diagram(site: Path, seeds_graph: Graph) -> None:
    for iri in entities(seeds_graph, "article"):
        text = page_of(site, iri, BASE).read_text(encoding="utf-8")
        drawing = text[text.index("<svg") : text.index("</svg>")]
        assert 'role="img"' in drawing and 'aria-labelledby="graph-title graph-desc"' in drawing
        assert '<title id="graph-title">' in drawing and '<desc id="graph-desc">' in drawing
        names = select(
            seeds_graph,
            f"SELECT ?n WHERE {{ <{iri}> schema:author|schema:about ?x . ?x schema:name ?n }}",
        )
        assert names
        for (name,) in names:
            assert f">{name}</text>" in drawing or f">{name[:20]}" in drawing
        assert "<script" not in drawing


def test_places_with_coordinates_link_to_a_map(site: Path, seeds_graph: Graph) -> None:
    rows = select(
        seeds_graph,
        "SELECT ?p ?lat ?lon WHERE { ?p schema:geo ?g . ?g schema:latitude ?lat ; "
        "schema:longitude ?lon }",
    )
    assert rows
    for place, lat, lon in rows:
        text = page_of(site, place, BASE).read_text(encoding="utf-8")
        assert f"https://www.openstreetmap.org/?mlat={lat}&amp;mlon={lon}" in text


def test_pages_are_plain_and_self_contained(site: Path) -> None:
    checked = 0
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        parsed = Scripts(text)
        assert re.search(r'<html lang="[a-z]{2}', text), page
        assert "<h1>" in text and "<main>" in text, page
        assert parsed.srcs == [], f"{page} loads {parsed.srcs}"
        assert all(a.get("type") == "application/ld+json" for a, _ in parsed.found), page
        assert not [ln for ln in parsed.links if ln.get("rel") == "stylesheet"]
        url = "/" + str(page.relative_to(site).with_suffix(""))
        url = url.removesuffix("index")
        for href in parsed.hrefs:
            if urlsplit(href).scheme:
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(url), href))
            target = target.split("#", 1)[0].lstrip("/")
            candidates = [site / target, site / f"{target}.html", site / target / "index.html"]
            assert any(c.is_file() for c in candidates), f"{page}: broken link {href}"
            checked += 1
    assert checked > 100


def contrast(a: str, b: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_text_colours_meet_wcag_aa_contrast() -> None:
    text_colours = set(re.findall(r"(?<![-\w])(?:color|fill): (#[0-9a-f]{6})", pages.CSS))
    assert len(text_colours) >= 4
    backgrounds = {"#ffffff", *svg._FILL.values()}
    for fg in text_colours:
        for bg in backgrounds:
            assert contrast(fg, bg) >= 4.5, (fg, bg)


def test_refuses_a_folder_it_did_not_write(seeds_out: Path, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    result = CliRunner().invoke(main, ["site", "--data", str(seeds_out), "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "exists and is not a site kg wrote" in result.output
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_rewrites_its_own_site(seeds_out: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    args = ["site", "--data", str(seeds_out), "--out", str(out), "-q"]
    assert CliRunner().invoke(main, args).exit_code == 0
    stale = out / "person" / "gone.html"
    stale.write_text("old")
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0 and result.output == ""
    assert not stale.exists() and (out / MARKER).is_file()
    assert json.loads((out / "kg.jsonld").read_text())["@graph"]


def test_base_iri_must_be_the_builds(seeds_out: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    base = ["site", "--data", str(seeds_out), "--out", str(out), "-q"]
    same = CliRunner().invoke(main, [*base, "--base-iri", BASE])
    assert same.exit_code == 0
    other = CliRunner().invoke(main, [*base, "--base-iri", "https://news.example.org/kg/"])
    assert other.exit_code == 2
    assert "was built with base IRI http://localhost:8000/; rebuild it with" in other.output
    bad = CliRunner().invoke(main, [*base, "--base-iri", "ftp://x/"])
    assert bad.exit_code == 2 and "base IRI must be an absolute http(s) IRI" in bad.output


EXAMPLE = "http://example.org/kg/"


@pytest.fixture(scope="module")
def event_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Graph]:
    """The site of a hand-written article about an event (tests/data/web), no NLP."""
    import pyoxigraph as ox

    from kg.publish.manifest import Manifest
    from kg.publish.store import Store

    fixture = Path(__file__).parent / "data" / "web" / "event-article.ttl"
    data = tmp_path_factory.mktemp("event-data")
    graph_iri = f"{EXAMPLE}graph/article/a1"
    store = Store(data / "store")
    store.bulk_add(
        ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(graph_iri))
        for q in ox.parse(path=str(fixture), format=ox.RdfFormat.TURTLE)
    )
    store.flush()
    del store
    entry = {"iri": f"{EXAMPLE}article/a1", "graph": graph_iri, "file": "a1"}
    Manifest.from_entries({"a1": entry}, EXAMPLE, None).save(data)
    out = data.parent / "event-site"
    result = CliRunner().invoke(main, ["site", "--data", str(data), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "(1 articles, 2 people, 2 places, 0 organisations, 1 events)" in result.output
    return out, Graph().parse(fixture, format="turtle")


def test_event_pages_and_links(event_site: tuple[Path, Graph]) -> None:
    site, reference = event_site
    event = (site / "event" / "summit.html").read_text(encoding="utf-8")
    assert "<h1>Summit in Paris</h1>" in event
    assert '<a href="../person/bob-leader">Bob Leader</a>' in event
    assert '<a href="../place/paris">Paris</a>' in event
    assert '<a href="../article/a1">Leaders meet</a>' in event
    assert "https://w3id.org/kg-news/event-type/meeting" in event
    (doc,) = Scripts(event).jsonld()
    assert missing_from(expand_rdflib(doc), reference) == []
    paris = (site / "place" / "paris.html").read_text(encoding="utf-8")
    assert re.search(r"<dt>Events here</dt><dd>.*Summit in Paris", paris)
    assert "https://www.openstreetmap.org/?mlat=48.85341&amp;mlon=2.3488" in paris
    france = (site / "place" / "france.html").read_text(encoding="utf-8")
    assert re.search(r'<dt>Contains</dt><dd><ul class="links"><li><a href="paris">Paris', france)
    bob = (site / "person" / "bob-leader.html").read_text(encoding="utf-8")
    assert re.search(r"<dt>Attended</dt><dd>.*Summit in Paris", bob)


def test_article_diagram_draws_the_event(event_site: tuple[Path, Graph]) -> None:
    site, _ = event_site
    page = (site / "article" / "a1.html").read_text(encoding="utf-8")
    drawing = page[page.index("<svg") : page.index("</svg>")]
    assert ">Summit in Paris</text>" in drawing
    assert drawing.count('class="ev"><title>attendee</title>') == 1
    assert drawing.count('class="ev"><title>location</title>') == 1
    assert ">person · author</text>" in drawing
    assert "Leaders meet — about — Summit in Paris." in drawing
    (doc,) = Scripts(page).jsonld()
    kinds = {n["@type"] for n in all_nodes(doc).values() if "@type" in n}
    assert {"NewsArticle", "Event", "Person", "City", "ImageObject"} <= kinds
