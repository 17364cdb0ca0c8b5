"""kg embed: the page JSON-LD block — its graph, its safety in any page, and the command."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from conftest import ATTACK, ATTACK_RECORD
from hypothesis import given, settings
from hypothesis import strategies as st
from ldcheck import (
    Scripts,
    all_nodes,
    as_kg_dates,
    expand_jsonld_js,
    expand_rdflib,
    missing_from,
)
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg.cli import main
from kg.errors import DataError
from kg.publish.store import Store
from kg.rdf import jsonld
from kg.rdf.namespaces import SCHEMA
from kg.web.describe import Describer, Published, open_published
from kg.web.embed import (
    ARTICLE_OMITS,
    article_jsonld,
    article_script,
    script_element,
)
from kg.web.inject import embed_into, insert_block

EVENT_ARTICLE = Path(__file__).parent / "data" / "web" / "event-article.ttl"
PAGE = """<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>A page</title>
    <script>window.analytics = "</head>";</script>
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "WebSite"}</script>
  </head>
  <body><p>Text</p><script src="app.js"></script></body>
</html>
"""


@pytest.fixture(scope="module")
def seeds_published(seeds_out: Path) -> Published:
    return open_published(seeds_out)


def article_ids(out: Path) -> list[str]:
    return sorted(json.loads((out / "manifest.json").read_text())["articles"])


def test_every_embedded_triple_is_in_kg_ttl(
    seeds_out: Path, seeds_published: Published, seeds_graph: Graph
) -> None:
    docs = [
        article_jsonld(seeds_published.describer, seeds_published.article_iri(a))
        for a in article_ids(seeds_out)
    ]
    for doc, js_graph in zip(docs, expand_jsonld_js(docs), strict=True):
        assert doc["@context"] == "https://schema.org"
        graph = expand_rdflib(doc)
        assert len(graph) > 20
        assert missing_from(graph, seeds_graph) == []
        assert missing_from(js_graph, seeds_graph) == []
        assert set(js_graph) == set(graph), "rdflib and jsonld.js read the block differently"


def test_news_article_has_headline_date_and_named_author(
    seeds_out: Path, seeds_published: Published
) -> None:
    for article_id in article_ids(seeds_out):
        iri = URIRef(seeds_published.article_iri(article_id))
        graph = expand_rdflib(article_jsonld(seeds_published.describer, str(iri)))
        assert (iri, RDF.type, SCHEMA.NewsArticle) in graph
        assert graph.value(iri, SCHEMA.headline)
        assert graph.value(iri, SCHEMA.datePublished) is not None
        names = [graph.value(a, SCHEMA.name) for a in graph.objects(iri, SCHEMA.author)]
        if article_id == "d2b7ed0d636f4791":  # the Reuters seed has a byline
            assert sorted(map(str, names)) == ["Maria Vasilyeva", "Vladimir Soldatkin"]


def _listed(value: object) -> list[object]:
    return value if isinstance(value, list) else [] if value is None else [value]


def test_graph_is_cross_referenced_by_id(seeds_out: Path, seeds_published: Published) -> None:
    for article_id in article_ids(seeds_out):
        iri = seeds_published.article_iri(article_id)
        doc = article_jsonld(seeds_published.describer, iri)
        nodes = all_nodes(doc)
        article = doc["@graph"][0]
        assert article["@id"] == iri and article["@type"] == "NewsArticle"
        assert "articleBody" not in article and "comment" not in article
        assert all(isinstance(a, dict) and "name" in a for a in _listed(article.get("author")))
        refs = [article.get(k) for k in ("author", "contentLocation", "locationCreated")]
        for ref in refs:
            for item in ref if isinstance(ref, list) else [ref] if ref else []:
                target = item if isinstance(item, str) else item["@id"]
                assert target in nodes, f"{target} is referenced but not described"
                assert nodes[target].get("name") or nodes[target].get("caption")
        # The seeds' photos have a caption and no URL: no image a search engine could use.
        assert "image" not in article
        assert not [n for n in doc["@graph"] if n.get("@type") == "ImageObject"]
        places = [n for n in nodes.values() if n.get("@type") in ("City", "Country", "Place")]
        assert places
        with_geo = [p for p in places if "geo" in p]
        assert with_geo and all(p["geo"]["@id"] in nodes for p in with_geo)


def test_properties_are_terms_of_kg_context(seeds_out: Path) -> None:
    """The node writer compacts with kg's copy of the official context: every property the
    block uses must be in it, or a term the official context coerces could be miswritten.
    The block carries what the mapping emits, so every schema: property of the seeds'
    graph (the text included, which --body adds) is checked."""
    terms = jsonld.schema_context()
    graph = Graph().parse(seeds_out / "kg.ttl", format="turtle")
    used = {p for p in graph.predicates() if str(p).startswith(str(SCHEMA))}
    assert SCHEMA.headline in used and SCHEMA.geo in used  # the build is not empty
    for prop in used | set(ARTICLE_OMITS):
        assert str(prop).removeprefix(str(SCHEMA)) in terms, prop


def test_block_leaves_out_the_text_and_comments(seeds_out: Path) -> None:
    published = open_published(seeds_out)
    manifest = json.loads((seeds_out / "manifest.json").read_text())
    iri = next(iter(manifest["articles"].values()))["iri"]
    article = article_jsonld(published.describer, iri)["@graph"][0]
    assert article["@id"] == iri and "headline" in article
    assert "articleBody" not in article and "comment" not in article
    with_body = article_jsonld(published.describer, iri, body=True)["@graph"][0]
    assert with_body["articleBody"].startswith("North Korean leader Kim Jong Un ")


def test_main_event_places_and_people_from_the_store(tmp_path: Path) -> None:
    """An article about an event: the block carries the Event with its place and attendees,
    each described once and referenced by @id (a hand-made store, no NLP)."""
    base = "http://example.org/kg/"
    ttl = EVENT_ARTICLE.read_text(encoding="utf-8")
    store = Store(tmp_path / "store")
    store.bulk_add(
        ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(f"{base}graph/article/a1"))
        for q in ox.parse(ttl.encode(), format=ox.RdfFormat.TURTLE)
    )
    reference = Graph().parse(data=ttl, format="turtle")
    from kg.link.iris import Iris

    doc = article_jsonld(Describer(store, Iris(base)), f"{base}article/a1")
    nodes = all_nodes(doc)
    assert nodes[f"{base}event/summit"]["location"] == {"@id": f"{base}place/paris"}
    assert nodes[f"{base}event/summit"]["attendee"] == {"@id": f"{base}person/bob-leader"}
    assert nodes[f"{base}person/ann-writer"]["url"] == "https://news.example.org/staff/ann"
    assert nodes[f"{base}place/paris#geo"]["latitude"] == {
        "@value": "48.85341",
        "@type": "xsd:decimal",
    }
    assert nodes[f"{base}article/a1#image-1"]["contentUrl"] == "https://news.example.org/a1.jpg"
    assert f"{base}article/a1#comment-1" not in nodes  # reader comments stay off the page
    assert "nationality" not in nodes[f"{base}person/bob-leader"]
    assert nodes[f"{base}place/france"]["name"] == "France"  # Paris is contained in it
    graph = expand_rdflib(doc)
    left_out = {
        (URIRef(f"{base}article/a1"), SCHEMA.articleBody, None),
        (URIRef(f"{base}article/a1"), SCHEMA.comment, None),
        (URIRef(f"{base}article/a1#comment-1"), None, None),
        (None, SCHEMA.nationality, None),
        (None, SCHEMA.subjectOf, None),
    }
    expected = Graph()
    for triple in reference:
        if not any(
            all(p is None or p == t for p, t in zip(pat, triple, strict=True)) for pat in left_out
        ):
            expected.add(triple)
    assert set(as_kg_dates(graph)) == set(expected)


# -- safety ------------------------------------------------------------------------


def assert_no_executable_alert(page: str) -> None:
    for attrs, text in Scripts(page).found:
        if attrs.get("type") == "application/ld+json":
            json.loads(text)  # a data block, and still whole
        else:
            assert "alert" not in text, f"executable script: {text!r}"


def test_attack_article_embeds_safely(attack_out: Path) -> None:
    published = open_published(attack_out)
    script = article_script(published, "attack-1", body=True)
    page = embed_into(PAGE.encode(), script).decode()
    assert "<script>alert" not in page
    assert_no_executable_alert(page)
    scripts = Scripts(page).found
    assert len(scripts) == 4  # the page's three, and kg's
    ours = [json.loads(t) for a, t in scripts if a.get("data-kg") == "jsonld"]
    article = ours[0]["@graph"][0]
    assert article["headline"] == ATTACK_RECORD["headline"]
    assert ATTACK in article["articleBody"] and "<!-- a comment -->" in article["articleBody"]
    authors = [a for a in [article["author"]] if a.get("@type") == "Person" and ATTACK in a["name"]]
    assert authors, "the author's name keeps its text, escaped"
    assert article["mainEntityOfPage"] == ATTACK_RECORD["url"]
    assert article["dateModified"] == "2019-04-26T10:00:00Z"  # a plain ISO 8601 string


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_no_text_can_end_the_block(text: str) -> None:
    doc = {"@context": "https://schema.org", "@graph": [{"@id": "x", "headline": text}]}
    element = script_element(doc)
    body = element.split(">", 1)[1].rsplit("</script>", 1)[0]
    assert "<" not in body and ">" not in body and "&" not in body
    assert body.isascii()
    page = embed_into(PAGE.encode(), element).decode("utf-8", "surrogateescape")
    found = Scripts(page).found
    assert len(found) == 4
    assert [json.loads(t) for a, t in found if a.get("data-kg")] == [doc]


# -- inserting into a page ---------------------------------------------------------------


def test_insert_keeps_every_other_byte_and_replaces_its_own_block() -> None:
    block1, block2 = script_element({"@graph": [1]}), script_element({"@graph": [2]})
    first = insert_block(PAGE, block1)
    assert first == PAGE.replace("  </head>", f"    {block1}\n  </head>")
    second = insert_block(first, block2)
    assert second == PAGE.replace("  </head>", f"    {block2}\n  </head>")
    assert insert_block(second, block2) == second
    doubled = second.replace("<title>", block1 + "<title>")  # two kg blocks: one stays
    assert insert_block(doubled, block2) == PAGE.replace("<title>", block2 + "<title>")


def test_insert_where_the_page_has_no_head_or_is_not_html() -> None:
    page = "<html><body><p>Hi</p></body></html>"
    out = insert_block(page, "<script data-kg>{}</script>")
    assert (
        out == "<html>\n<head>\n<script data-kg>{}</script>\n</head><body><p>Hi</p></body></html>"
    )
    with pytest.raises(DataError, match="neither <head> nor <html>"):
        insert_block("just text", "<script data-kg>{}</script>")


def test_insert_ignores_head_in_comments_and_scripts_and_keeps_other_encodings() -> None:
    page = (
        "<!-- <head></head> --><html><head><script>var s='</head>'</script>"
        "<title>caf\xe9</title></head></html>"
    ).encode("latin-1")
    out = embed_into(page, "<script data-kg>{}</script>")
    assert out == page.replace(b"</title></head>", b"</title><script data-kg>{}</script></head>")


# -- the command -------------------------------------------------------------------------


def test_cli_print(seeds_out: Path, seeds_graph: Graph) -> None:
    result = CliRunner().invoke(
        main, ["embed", "--print", "--article", "d2b7ed0d636f4791", "--data", str(seeds_out)]
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith('<script type="application/ld+json" data-kg="jsonld">')
    assert result.output.rstrip().endswith("</script>")
    (doc,) = Scripts(result.output).jsonld()
    assert missing_from(expand_rdflib(doc), seeds_graph) == []


def test_cli_embeds_into_a_page_by_iri(seeds_out: Path, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    iri = "http://localhost:8000/article/edaa14f975fe1ce4"
    result = CliRunner().invoke(
        main, ["embed", str(page), "--article", iri, "--data", str(seeds_out), "-o", "-"]
    )
    assert result.exit_code == 0, result.output
    docs = Scripts(result.stdout).jsonld()
    assert [d["@graph"][0]["@id"] for d in docs if "@graph" in d] == [iri]
    assert page.read_text(encoding="utf-8") == PAGE  # -o - leaves the page alone
    in_place = CliRunner().invoke(
        main, ["embed", str(page), "--article", "edaa14f975fe1ce4", "--data", str(seeds_out)]
    )
    assert in_place.exit_code == 0
    assert f"Embedded the JSON-LD of edaa14f975fe1ce4 in {page}." in in_place.stderr
    assert page.read_text(encoding="utf-8") == result.stdout


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--print", "--article", "nope"], 2, "no article 'nope' in"),
        (["--article", "d2b7ed0d636f4791"], 2, "give the PAGE.html to embed into, or --print"),
        (["PAGE", "--print", "--article", "x"], 2, "--print writes the <script> element only"),
    ],
)
def test_cli_usage_errors(
    seeds_out: Path, tmp_path: Path, args: list[str], code: int, message: str
) -> None:
    page = tmp_path / "p.html"
    page.write_text(PAGE)
    args = [str(page) if a == "PAGE" else a for a in args]
    result = CliRunner().invoke(main, ["embed", *args, "--data", str(seeds_out)])
    assert result.exit_code == code
    assert message in result.output


def test_cli_without_a_build(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["embed", "--print", "-a", "x", "--data", str(tmp_path)])
    assert result.exit_code == 1
    assert f"no kg output in {tmp_path}: run `kg build SOURCES --out {tmp_path}` first" in (
        result.output
    )


# -- search-engine recommendations ---------------------------------------------------------

# Google's Article structured data: no required properties; these are the recommended ones.
GOOGLE_RECOMMENDED = {
    "headline": "a NewsArticle needs exactly one headline",
    "image": "search engines recommend an image",
    "datePublished": "search engines recommend a datePublished",
    "dateModified": "search engines recommend a dateModified",
    "author": "search engines recommend an author",
    "author.name": "a Person needs",
    "author.url": "search engines recommend an author url or sameAs",
}
BARE = """@prefix schema: <http://schema.org/> .
<http://example.org/kg/article/a> a schema:NewsArticle ; schema:headline "H" ;
    schema:articleBody "B" ; schema:author <http://example.org/kg/person/p> .
<http://example.org/kg/person/p> a schema:Person ; schema:name "P" .
"""
COMPLETE = """@prefix schema: <http://schema.org/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<http://example.org/kg/article/a> a schema:NewsArticle ; schema:headline "H" ;
    schema:articleBody "B" ; schema:author <http://example.org/kg/person/p> ;
    schema:datePublished "2024-05-01"^^xsd:date ;
    schema:dateModified "2024-05-02T10:00:00Z"^^xsd:dateTime ;
    schema:image <http://example.org/kg/article/a#image-1> .
<http://example.org/kg/article/a#image-1> a schema:ImageObject ;
    schema:contentUrl <https://news.example.org/a.jpg> .
<http://example.org/kg/person/p> a schema:Person ; schema:name "P" ;
    schema:url <https://news.example.org/staff/p> .
"""


def test_shapes_cover_google_article_recommendations() -> None:
    from conftest import ROOT

    shapes = "\n".join(p.read_text() for p in sorted((ROOT / "shapes").rglob("*.ttl")))
    for message in GOOGLE_RECOMMENDED.values():
        assert message in shapes


def test_kg_validate_reports_missing_recommendations_as_warnings(tmp_path: Path) -> None:
    bare, complete = tmp_path / "bare.ttl", tmp_path / "complete.ttl"
    bare.write_text(BARE)
    complete.write_text(COMPLETE)
    result = CliRunner().invoke(main, ["validate", str(bare)])
    assert result.exit_code == 0, result.output
    for prop in ("image", "datePublished", "dateModified", "author.url"):
        assert "Warning: http://example.org/kg/article/a" in result.output
        assert GOOGLE_RECOMMENDED[prop] in result.output, prop
    assert "1 file(s) conforms: 0 violation(s), 5 warning(s)." in result.output  # + contentUrl
    result = CliRunner().invoke(main, ["validate", str(complete)])
    assert result.exit_code == 0
    assert "1 file(s) conforms: 0 violation(s), 0 warning(s)." in result.output
    no_headline = CliRunner().invoke(
        main, ["validate", str(_without(tmp_path, 'schema:headline "H" ;'))]
    )
    assert no_headline.exit_code == 3
    assert GOOGLE_RECOMMENDED["headline"] in no_headline.output


def _without(folder: Path, text: str) -> Path:
    path = folder / "without.ttl"
    path.write_text(COMPLETE.replace(text, ""))
    return path


def test_a_store_without_the_union_graph_is_refused(tmp_path: Path, seeds_out: Path) -> None:
    import shutil

    data = tmp_path / "old"
    shutil.copytree(seeds_out, data, ignore=shutil.ignore_patterns("store", ".kg"))
    store = Store(data / "store")
    store.oxigraph.bulk_extend(  # the old layout: article graphs only
        ox.parse(path=str(seeds_out / "kg.nq"), format=ox.RdfFormat.N_QUADS)
    )
    store.flush()
    del store
    result = CliRunner().invoke(
        main, ["embed", "--print", "-a", "d2b7ed0d636f4791", "--data", str(data)]
    )
    assert result.exit_code == 1
    assert "was written by an older kg (no union graph): run `kg build" in result.output
