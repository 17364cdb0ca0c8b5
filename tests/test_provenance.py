"""Provenance anyone can check from the published graph alone, and nothing private in it.

Every mention and event sentence is characters [begin, end) of its article's
nif:Context, whose nif:isString is the text kg analysed: the anchor must be exactly
that slice. No file kg writes (graphs, manifest, report, store, site) holds the
absolute path of the folder it read; schema.org properties sit on schema.org nodes.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from conftest import HTML, SEEDS
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg.build import BuildOptions, build
from kg.cli import main
from kg.rdf.namespaces import NIF, SCHEMA
from kg.web.describe import open_published
from kg.web.negotiation import LinkedData

SPANS = """
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
SELECT ?node ?begin ?end ?anchor ?context ?text ?sentence WHERE {
  ?node nif:anchorOf ?anchor ; nif:beginIndex ?begin ; nif:endIndex ?end .
  OPTIONAL { ?node nif:referenceContext ?context .
             OPTIONAL { ?context a nif:Context ; nif:isString ?text } }
  BIND(EXISTS { ?node a nif:Sentence } AS ?sentence)
}"""


def span_failures(graph: Graph) -> tuple[int, int, list[str]]:
    """(mentions checked, sentences checked, what does not hold)."""
    mentions = sentences = 0
    failures = []
    for node, begin, end, anchor, context, text, sentence in graph.query(SPANS):  # type: ignore[misc]
        if text is None:
            failures.append(f"{node}: no nif:Context with nif:isString ({context})")
            continue
        b, e = int(begin), int(end)
        if str(node) != f"{context}".replace("#source", f"#char={b},{e}"):
            failures.append(f"{node}: not the #char={b},{e} of its context {context}")
        if str(text)[b:e] != str(anchor):
            failures.append(f"{node}: isString[{b}:{e}] is {str(text)[b:e]!r}, not {anchor!r}")
        if sentence.toPython():
            sentences += 1
        else:
            mentions += 1
    return mentions, sentences, failures


@pytest.mark.parametrize("build_name", ["seeds_out", "bbc_out", "html_out"])
def test_every_span_is_its_context_text(build_name: str, request: pytest.FixtureRequest) -> None:
    out: Path = request.getfixturevalue(build_name)
    graph = Graph().parse(out / "kg.ttl", format="turtle")
    mentions, sentences, failures = span_failures(graph)
    assert failures == []
    articles = len(set(graph.subjects(RDF.type, SCHEMA.NewsArticle)))
    assert mentions >= 10 * articles > 0  # the check ran over real mentions
    assert sentences > 0
    contexts = set(graph.subjects(RDF.type, NIF.Context))
    assert len(contexts) == articles  # one text per article graph


def test_a_context_is_the_whole_text_kg_analysed(seeds_out: Path) -> None:
    graph = Graph().parse(seeds_out / "kg.ttl", format="turtle")
    (context,) = [c for c in graph.subjects(RDF.type, NIF.Context) if "d2b7ed0d636f4791" in str(c)]
    text = str(graph.value(context, NIF.isString))
    source = (SEEDS / "000_d4672ff891c8bbe5.txt").read_text(encoding="utf-8")
    assert text == source
    assert int(graph.value(context, NIF.beginIndex)) == 0  # type: ignore[arg-type]
    assert int(graph.value(context, NIF.endIndex)) == len(source)  # type: ignore[arg-type]


# -- dereferencing an article describes its fragments ------------------------------------


def test_an_article_description_has_its_text_and_mentions(seeds_out: Path, tmp_path: Path) -> None:
    published = open_published(seeds_out)
    iri = published.article_iri("d2b7ed0d636f4791")
    path = iri[len(published.base) - 1 :]
    answer = LinkedData(published).respond("GET", path, "text/turtle")
    assert answer.status == 200
    served = Graph().parse(data=answer.body.decode(), format="turtle")
    result = CliRunner().invoke(
        main, ["site", "--data", str(seeds_out), "--out", str(tmp_path / "s")]
    )
    assert result.exit_code == 0, result.output
    on_site = Graph().parse(tmp_path / "s" / (path.lstrip("/") + ".ttl"), format="turtle")
    for graph in (served, on_site):
        context = URIRef(iri + "#source")
        assert graph.value(context, NIF.isString) is not None
        mentions, sentences, failures = span_failures(graph)
        assert failures == [] and mentions >= 20 and sentences >= 1


# -- nothing private, nothing out of range -------------------------------------------------


def test_no_local_path_anywhere_in_the_output(tmp_path: Path) -> None:
    """Sources read from an absolute folder: its path is in no file kg writes."""
    folder = (tmp_path / "newsroom-sources").resolve()
    shutil.copytree(SEEDS, folder / "seeds")
    shutil.copy(HTML / "aeb__reuters.com__57d46c9d75.html", folder / "page.html")
    (folder / "empty.txt").write_text("")  # a rejected input, named in report.jsonl
    out, site = tmp_path / "published", tmp_path / "site"
    result = build(BuildOptions(sources=(str(folder),), out=out))
    assert len(result.published) == 3 and result.of_kind("rejected")
    assert CliRunner().invoke(main, ["site", "--data", str(out), "--out", str(site)]).exit_code == 0
    store = ox.Store.read_only(str(out / "store"))
    dump = ox.serialize(store, format=ox.RdfFormat.N_QUADS)
    del store
    needle = str(folder).encode()
    assert needle not in dump
    files = [p for p in (*out.rglob("*"), *site.rglob("*")) if p.is_file()]
    assert len(files) > 20
    assert [p for p in files if needle in p.read_bytes()] == []
    names = {
        e["source"] for e in json.loads((out / "manifest.json").read_text())["articles"].values()
    }
    assert names == {
        "seeds/000_d4672ff891c8bbe5.txt",
        "seeds/004_aa04e5d0ab04c999.txt",
        "page.html",
    }


SCHEMA_ON_OTHERS = """
SELECT DISTINCT ?s ?p WHERE {
  ?s ?p ?o .
  FILTER(STRSTARTS(STR(?p), "http://schema.org/"))
  FILTER NOT EXISTS { ?s a ?t . FILTER(STRSTARTS(STR(?t), "http://schema.org/")) }
}"""


@pytest.mark.parametrize("build_name", ["seeds_out", "html_out"])
def test_schema_properties_only_on_schema_nodes(
    build_name: str, request: pytest.FixtureRequest
) -> None:
    out: Path = request.getfixturevalue(build_name)
    graph = Graph().parse(out / "kg.ttl", format="turtle")
    assert list(graph.query(SCHEMA_ON_OTHERS)) == []
    sources = list(graph.subjects(RDF.type, NIF.Context))
    assert sources and all(graph.value(s, SCHEMA.url) is None for s in sources)
