"""Events in the seed build, read back by SPARQL, and the Event shape."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEEDS, select
from rdflib import Graph, Literal, URIRef
from rdflib import namespace as ns
from rdflib.compare import isomorphic

from kg.build import BuildResult
from kg.rdf.events import concept_keys, scheme
from kg.rdf.namespaces import KG, KGT, SCHEMA
from kg.rdf.read import read_graphs
from kg.validate import Validator, shapes_dir

SUMMIT = """
SELECT DISTINCT ?e ?name ?date ?type WHERE {
    ?e a schema:Event ; schema:name ?name ; schema:startDate ?date ; schema:additionalType ?type ;
       schema:attendee ?putin , ?kim ; schema:location ?where .
    ?putin schema:name "Vladimir Putin" .
    ?kim schema:name "Kim Jong Un" .
    { ?where schema:name "Vladivostok" } UNION { ?where schema:containedInPlace+ ?v .
                                                 ?v schema:name "Vladivostok" }
}
"""


def test_one_vladivostok_summit_reported_by_both_seeds(seeds_graph: Graph) -> None:
    rows = select(seeds_graph, SUMMIT)
    assert len(rows) == 1
    event, name, date, concept = rows[0]
    assert name == "Putin–Kim summit in Vladivostok"
    assert date == "2019-04-25"
    assert concept == str(KGT.meeting)
    node = URIRef(event)
    assert seeds_graph.value(node, SCHEMA.startDate) == Literal("2019-04-25", datatype=ns.XSD.date)
    articles = set(seeds_graph.objects(node, SCHEMA.subjectOf))
    assert len(articles) == 2
    for article in articles:
        assert (article, ns.RDF.type, SCHEMA.NewsArticle) in seeds_graph
        assert (article, SCHEMA.about, node) in seeds_graph  # the event each seed leads with


def test_the_hanoi_summit_is_a_separate_event(seeds_graph: Graph) -> None:
    rows = select(
        seeds_graph,
        """
        SELECT ?e ?date WHERE {
            ?e a schema:Event ; schema:location/schema:name "Hanoi" ; kg:startPeriod ?date ;
               schema:attendee/schema:name "Donald Trump" , "Kim Jong Un" .
        }
        """,
    )
    assert len(rows) == 1
    assert rows[0][1] == "2019-02"
    (summit,) = select(seeds_graph, SUMMIT)
    assert rows[0][0] != summit[0]


def test_the_other_events_the_seeds_report(seeds_graph: Graph) -> None:
    rows = select(
        seeds_graph,
        """
        SELECT ?name ?date (COUNT(DISTINCT ?a) AS ?articles) WHERE {
            ?e a schema:Event ; schema:name ?name ; schema:subjectOf ?a .
            OPTIONAL { ?e schema:startDate|kg:startPeriod ?date }
        } GROUP BY ?name ?date
        """,
    )
    assert sorted(rows, key=repr) == sorted(
        [
            ("Kim's arrival in Vladivostok", "2019-04-24", "2"),
            ("Kim–Trump summit in Hanoi", "2019-02", "2"),
            ("Putin's arrival in Vladivostok", "2019-04-25", "1"),
            ("Putin–Kim summit in Vladivostok", "2019-04-25", "2"),
            ("Vladimir Putin–Kim Jong Il summit (2002)", "2002", "1"),
            ("Kim Jong Il–Dmitry Medvedev meeting (2011)", "2011", "1"),
        ],
        key=repr,
    )


def test_every_event_is_named_typed_placed_or_dated_and_traceable(seeds_graph: Graph) -> None:
    events = set(seeds_graph.subjects(ns.RDF.type, SCHEMA.Event))
    assert events
    for event in events:
        assert len(list(seeds_graph.objects(event, SCHEMA.name))) == 1
        concept = seeds_graph.value(event, SCHEMA.additionalType)
        assert (concept, ns.SKOS.inScheme, URIRef(str(KGT))) in seeds_graph
        assert seeds_graph.value(concept, ns.SKOS.prefLabel) is not None
        assert (
            set(seeds_graph.objects(event, SCHEMA.location))
            or set(seeds_graph.objects(event, SCHEMA.startDate))
            or set(seeds_graph.objects(event, KG.startPeriod))
        )
    unnamed = select(
        seeds_graph,
        "SELECT ?e WHERE { ?e a schema:Event FILTER NOT EXISTS { ?e schema:name ?n } }",
    )
    assert unnamed == []


def test_event_sentences_are_exact_slices_of_the_source(seeds_graph: Graph) -> None:
    rows = select(
        seeds_graph,
        """
        SELECT ?article ?path ?b ?e ?text WHERE {
            ?event a schema:Event ; prov:wasDerivedFrom ?s .
            ?s a nif:Sentence ; nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?text ;
               nif:referenceContext ?source .
            ?source kg:path ?path .
        }
        """,
    )
    assert len(rows) >= 10
    for _, path, begin, end, text in rows:
        source = (SEEDS / Path(path).name).read_text(encoding="utf-8")
        assert source[int(begin) : int(end)] == text


def test_seed_build_validates_with_the_event_shape(seeds_build: tuple[Path, BuildResult]) -> None:
    out, result = seeds_build
    assert result.of_kind("invalid") == []
    assert sorted(result.published) == ["d2b7ed0d636f4791", "edaa14f975fe1ce4"]
    report = Validator().validate(Graph().parse(out / "kg.ttl", format="turtle"))
    assert report.conforms, report.violations


def test_the_scheme_is_published_and_the_shape_lists_exactly_its_concepts(
    seeds_out: Path,
) -> None:
    published = Graph().parse(seeds_out / "event-types.ttl", format="turtle")
    assert set(published) == set(scheme())
    keys = concept_keys()
    assert "meeting" in keys and "visit" in keys
    for key in keys:
        assert published.value(KGT[key], ns.SKOS.prefLabel) is not None
        assert published.value(KGT[key], ns.SKOS.definition) is not None
    shapes = Graph().parse(shapes_dir() / "event.ttl", format="turtle")
    (listed,) = [
        shapes.collection(o)
        for o in shapes.objects(None, ns.SH["in"])  # the one sh:in list
    ]
    assert sorted(str(c).removeprefix(str(KGT)) for c in listed) == keys


EVENT = """
@prefix schema: <http://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix kgt: <https://w3id.org/kg-news/event-type/> .
@prefix ex: <http://example.org/> .

ex:a a schema:NewsArticle ; schema:headline "H" ; schema:articleBody "Kim met Putin." .
ex:kim a schema:Person ; schema:name "Kim" .
ex:putin a schema:Person ; schema:name "Putin" .
ex:vladivostok a schema:City ; schema:name "Vladivostok" .
kgt:meeting a skos:Concept ; skos:inScheme kgt: ; skos:prefLabel "meeting"@en .
ex:s a nif:Sentence ; nif:beginIndex 0 ; nif:endIndex 14 ; nif:anchorOf "Kim met Putin." ;
    nif:referenceContext ex:source .
ex:e a schema:Event ; schema:subjectOf ex:a ; prov:wasDerivedFrom ex:s ;
    schema:attendee ex:kim , ex:putin ;
"""
GOOD = (
    'schema:name "Kim–Putin meeting" ; schema:additionalType kgt:meeting ; '
    'schema:location ex:vladivostok ; schema:startDate "2019-04-25"^^xsd:date .'
)


@pytest.mark.parametrize(
    ("tail", "problem"),
    [
        ("schema:additionalType kgt:meeting ; schema:location ex:vladivostok .", "name"),
        ('schema:name "M" ; schema:additionalType kgt:meeting .', "location or a startDate"),
        (
            'schema:name "M" ; schema:additionalType kgt:parade ; schema:location ex:vladivostok .',
            "additionalType",
        ),
        (
            'schema:name "M" ; schema:additionalType kgt:meeting ; schema:startDate "Thursday" .',
            "startDate",
        ),
        (
            'schema:name "M" ; schema:additionalType kgt:meeting ; schema:location ex:kim .',
            "location",
        ),
        (
            'schema:name "M" ; schema:additionalType kgt:meeting ; schema:location ex:vladivostok ;'
            " schema:attendee ex:vladivostok .",
            "attendee",
        ),
    ],
)
def test_event_shape_rejects(tail: str, problem: str) -> None:
    validator = Validator()
    assert validator.validate(Graph().parse(data=EVENT + GOOD, format="turtle")).conforms
    report = validator.validate(Graph().parse(data=EVENT + tail, format="turtle"))
    assert not report.conforms
    assert any(problem in f.message for f in report.violations), report.violations


def test_sentence_shape_checks_the_offsets() -> None:
    bad = EVENT.replace("nif:endIndex 14", "nif:endIndex 0") + GOOD
    report = Validator().validate(Graph().parse(data=bad, format="turtle"))
    assert any("before its nif:endIndex" in f.message for f in report.violations)


def test_events_survive_the_json_ld_round_trip(seeds_out: Path, seeds_graph: Graph) -> None:
    back = Graph()
    for graph in read_graphs(seeds_out / "kg.jsonld").values():
        back += graph
    assert isomorphic(back, seeds_graph)
    years = list(back.objects(None, KG.startPeriod))
    assert Literal("2002", datatype=ns.XSD.gYear) in years
    assert Literal("2019-02", datatype=ns.XSD.gYearMonth) in years
    # schema:startDate stays inside schema.org's range: days only.
    assert {d.datatype for d in back.objects(None, SCHEMA.startDate)} == {ns.XSD.date}
