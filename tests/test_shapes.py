"""kg's SHACL shapes on good and bad graphs: each rule fails with a message naming it."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kg.rdf import convert
from kg.validate import Validator

GOOD = (Path(__file__).parent / "data" / "shapes" / "good.ttl").read_text()
PREFIXES = """@prefix schema: <http://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <http://example.org/> .
"""


@pytest.fixture(scope="module")
def validator() -> Validator:
    return Validator()


def graph(text: str) -> Graph:
    return Graph().parse(data=PREFIXES + text, format="turtle")


def without(line_part: str) -> str:
    """The good graph with the statement containing ``line_part`` removed."""
    lines = [line for line in GOOD.splitlines() if line_part not in line]
    return "\n".join(lines)


def test_good_graph_conforms_without_warnings(validator: Validator) -> None:
    report = validator.validate(Graph().parse(data=GOOD, format="turtle"))
    assert report.conforms
    assert report.findings == []


# (a change to the good graph, the path that must be named, a word of the message)
BAD = [
    (without("schema:headline"), "schema:headline", "headline"),
    (
        GOOD.replace('schema:headline "Leaders meet"', 'schema:headline "A", "B"'),
        "schema:headline",
        "headline",
    ),
    (
        GOOD.replace('schema:headline "Leaders meet"', 'schema:headline ""'),
        "schema:headline",
        "headline",
    ),
    (GOOD.replace('"2019-04-25"^^xsd:date', '"April 25"'), "schema:datePublished", "datePublished"),
    # What a link points at is checked on the node itself (its rdf:type), once per node.
    (GOOD.replace("schema:author ex:writer", "schema:author ex:nobody"), "rdf:type", "author"),
    (
        GOOD.replace(
            "ex:writer a schema:Person ;", "ex:writer a schema:Person, schema:Organization ;"
        ),
        "rdf:type",
        "one Person or one Organization",
    ),
    (
        GOOD.replace("schema:mentions ex:leader", "schema:mentions ex:untyped"),
        "rdf:type",
        "mentions",
    ),
    (
        GOOD.replace("schema:locationCreated ex:city", "schema:locationCreated ex:party"),
        "rdf:type",
        "Place",
    ),
    (
        GOOD.replace(
            'ex:leader a schema:Person ; schema:name "A Leader" ;', "ex:leader a schema:Person ;"
        ),
        "schema:name",
        "Person",
    ),  # noqa: E501
    (
        GOOD.replace('ex:city a schema:City ; schema:name "A City" ;', "ex:city a schema:City ;"),
        "schema:name",
        "Place",
    ),  # noqa: E501
    (GOOD.replace('"43.1"^^xsd:decimal', '"143.1"^^xsd:decimal'), "schema:latitude", "latitude"),
    (GOOD.replace('"131.9"^^xsd:decimal', '"-181"^^xsd:decimal'), "schema:longitude", "longitude"),
    (
        GOOD.replace(
            'ex:paper a schema:Organization ; schema:name "The Paper" .',
            "ex:paper a schema:Organization .",
        ),
        "schema:name",
        "Organization",
    ),  # noqa: E501
    (
        GOOD.replace(
            'schema:caption "Two leaders" ; schema:contentUrl <http://example.org/p.jpg>',
            'schema:creditText "X"',
        ),
        None,
        "ImageObject",
    ),  # noqa: E501
    (
        GOOD.replace("schema:nationality ex:country", "schema:nationality ex:party"),
        "schema:nationality",
        "Country",
    ),
]


@pytest.mark.parametrize("text,path,word", BAD)
def test_bad_graph_fails_naming_the_rule(
    validator: Validator, text: str, path: str | None, word: str
) -> None:
    report = validator.validate(Graph().parse(data=text, format="turtle"))
    assert not report.conforms
    assert any((path is None or f.path == path) and word in f.message for f in report.violations), (
        report.violations
    )


def test_missing_search_recommendations_are_only_warnings(validator: Validator) -> None:
    text = without("schema:image").replace("schema:dateModified", "schema:description")
    text = text.replace("schema:url <http://example.org/writer>", 'schema:alternateName "W"')
    report = validator.validate(Graph().parse(data=text, format="turtle"))
    assert report.conforms
    messages = {f.message for f in report.warnings}
    assert "search engines recommend an image" in messages
    assert "search engines recommend a dateModified" in messages
    assert "search engines recommend an author url or sameAs" in messages


def test_subclasses_need_no_class_axioms(validator: Validator) -> None:
    """A City, Country or AdministrativeArea is a place to every shape (the data has no
    rdfs:subClassOf), and is checked as a Place."""
    text = GOOD.replace("ex:city a schema:City", "ex:city a schema:AdministrativeArea")
    assert validator.validate(Graph().parse(data=text, format="turtle")).findings == []
    nameless = GOOD.replace(
        'ex:country a schema:Country ; schema:name "A Country" .', "ex:country a schema:Country ."
    )
    report = validator.validate(Graph().parse(data=nameless, format="turtle"))
    assert [f.message for f in report.violations] == ["a Place needs exactly one name"]


def test_validate_many_attributes_results_to_their_graph(validator: Validator) -> None:
    good = Graph().parse(data=GOOD, format="turtle")
    bad = graph('ex:other a schema:NewsArticle ; schema:articleBody "x" .')
    reports = validator.validate_many(
        [("good", convert.triples(good)), ("bad", convert.triples(bad))]
    )
    assert reports["good"].conforms
    assert not reports["bad"].conforms
    assert {f.focus for f in reports["bad"].violations} == {"http://example.org/other"}


def test_validate_many_attributes_a_dangling_link_to_its_graph(validator: Validator) -> None:
    """A mention of a node the graph does not describe is the fault of the graph that links."""
    good = Graph().parse(data=GOOD, format="turtle")
    dangling = graph('ex:b a schema:NewsArticle ; schema:headline "H" ; schema:mentions ex:ghost .')
    reports = validator.validate_many(
        [("good", convert.triples(good)), ("dangling", convert.triples(dangling))]
    )
    assert reports["good"].conforms
    assert [f.focus for f in reports["dangling"].violations] == ["http://example.org/ghost"]
