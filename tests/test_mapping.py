"""Mapping without NLP: a hand-built Article becomes exactly the golden graph."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.lexicon.gazetteer import gazetteer
from kg.link.iris import Iris
from kg.link.merge import Linker
from kg.model import Agent, Article, Entity, Image, Mention
from kg.rdf import convert, formats
from kg.rdf.mapping import article_graph
from kg.rdf.namespaces import ITSRDF, NIF
from kg.rdf.read import read_graphs

GOLDEN = Path(__file__).parent / "data" / "golden" / "article.ttl"
TEXT = "Putin met Kim in Vladivostok. Vladimir Putin spoke."


def sample_article() -> Article:
    vladivostok = gazetteer().resolve("Vladivostok")
    return Article(
        id="sample-1",
        source="tests/sample.txt",
        source_line=None,
        source_sha256="0" * 64,
        source_mtime=1556150400.0,
        headline="Putin meets Kim",
        body=TEXT,
        section="world",
        url="https://news.example.org/sample-1",
        date_published="2019-04-25",
        authors=[Agent("Maria Vasilyeva")],
        publisher=Agent("Example News", "Organization"),
        source_organizations=["Reuters"],
        dateline="VLADIVOSTOK, Russia",
        dateline_place=2,
        images=[Image(caption="Two leaders", credit="Pool via REUTERS")],
        entities=[
            Entity(
                "Person",
                "Vladimir Putin",
                alternate_names=["Putin"],
                job_titles=["President"],
                nationality="RU",
            ),
            Entity("Person", "Kim"),
            Entity("Place", "Vladivostok", geo=vladivostok),
        ],
        mentions=[
            Mention(0, 5, "Putin", 0),
            Mention(10, 13, "Kim", 1),
            Mention(17, 28, "Vladivostok", 2),
            Mention(30, 44, "Vladimir Putin", 0),
        ],
        source_text=TEXT,
    )


def sample_graph() -> Graph:
    article = sample_article()
    iris = Iris("http://localhost:8000/")
    linker = Linker(iris)
    linker.add(article)
    return article_graph(article, iris, linker, generated_at=article.source_mtime or 0)


def test_article_graph_matches_golden() -> None:
    graph = sample_graph()
    if os.environ.get("KG_UPDATE_GOLDEN"):
        buf = io.BytesIO()
        formats.get("turtle").writer()(convert.triples(graph), buf)
        GOLDEN.write_bytes(buf.getvalue())
        pytest.fail(f"rewrote {GOLDEN}: review its diff, then run without KG_UPDATE_GOLDEN")
    golden = read_graphs(GOLDEN)[""]  # parsed term for term, no literal normalising
    if not isomorphic(graph, golden):
        _, extra, missing = graph_diff(to_isomorphic(graph), to_isomorphic(golden))
        raise AssertionError(f"unexpected:\n{extra.serialize()}\nmissing:\n{missing.serialize()}")


def test_published_mentions_anchor_the_text() -> None:
    """Every NIF mention the mapping writes: its anchor is the published text (the
    nif:isString of its context) at its offsets."""
    graph = sample_graph()
    rows = list(
        graph.query(
            """SELECT ?m ?b ?e ?a ?text WHERE {
                 ?m nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?a ;
                    itsrdf:taIdentRef ?entity ; nif:referenceContext ?c .
                 ?c a nif:Context ; nif:isString ?text . }""",
            initNs={"nif": NIF, "itsrdf": ITSRDF},
        )
    )
    assert len(rows) == 4
    for m, b, e, anchor, text in rows:
        assert str(m).endswith(f"#char={int(b)},{int(e)}")
        assert str(text) == TEXT and str(text)[int(b) : int(e)] == str(anchor)


def test_single_token_person_merges_across_articles_only_when_unambiguous() -> None:
    iris = Iris()
    linker = Linker(iris)
    full = Article(
        "a", "a", None, "", None, "h", "b", entities=[Entity("Person", "Vladimir Putin")]
    )
    short = Article("b", "b", None, "", None, "h", "b", entities=[Entity("Person", "Putin")])
    kims = Article("c", "c", None, "", None, "h", "b",
                   entities=[Entity("Person", "Kim Jong Un"), Entity("Person", "Kim Il Sung")])  # fmt: skip
    bare_kim = Article("d", "d", None, "", None, "h", "b", entities=[Entity("Person", "Kim")])
    for a in (full, short, kims, bare_kim):
        linker.add(a)
    assert linker.entity(short.entities[0]).iri == "http://localhost:8000/person/vladimir-putin"
    assert linker.entity(short.entities[0]).name == "Vladimir Putin"
    assert linker.entity(bare_kim.entities[0]).iri == "http://localhost:8000/person/kim"
