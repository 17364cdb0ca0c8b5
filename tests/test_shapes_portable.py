"""kg's shapes in other SHACL processors, given kg's output and shapes/*.ttl, nothing else.

pySHACL called directly (not through kg's Validator, and with its defaults: a Warning
would make it answer conforms false) and rdf-validate-shacl (JavaScript, node) must
both say the seeds build conforms, and both must refuse a NewsArticle without a
headline. shapes/recommended/ holds only Warnings, which kg's own validation reports.
"""

from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
from conftest import ROOT
from ldcheck import run_node
from rdflib import Graph
from rdflib.namespace import RDF, RDFS, SH

from kg.rdf.namespaces import SCHEMA

SHAPES = sorted((ROOT / "shapes").glob("*.ttl"))
RECOMMENDED = sorted((ROOT / "shapes" / "recommended").glob("*.ttl"))


def shapes_graph(files: list[Path]) -> Graph:
    graph = Graph()
    for file in files:
        graph.parse(file, format="turtle")
    return graph


def data_files(out: Path) -> list[Path]:
    return [out / "kg.ttl", *sorted((out / "articles").glob("*.ttl"))]


@pytest.fixture(scope="module")
def headless(seeds_out: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A seed article's graph with its headline taken out."""
    graph = Graph().parse(sorted((seeds_out / "articles").glob("*.ttl"))[0], format="turtle")
    article = next(graph.subjects(RDF.type, SCHEMA.NewsArticle))
    assert graph.value(article, SCHEMA.headline)
    graph.remove((article, SCHEMA.headline, None))
    path = tmp_path_factory.mktemp("headless") / "headless.ttl"
    graph.serialize(path, format="turtle")
    return path


def test_no_class_axioms_are_left_to_the_data() -> None:
    """Nothing in the shapes is a class axiom a validator would need in the data graph."""
    graph = shapes_graph(SHAPES + RECOMMENDED)
    assert list(graph.triples((None, RDFS.subClassOf, None))) == []
    assert not (ROOT / "shapes" / "classes.ttl").exists()


def test_pyshacl_conforms_on_the_seeds_with_the_shapes_alone(seeds_out: Path) -> None:
    shapes = shapes_graph(SHAPES)
    for path in data_files(seeds_out):
        conforms, _, text = pyshacl.validate(
            Graph().parse(path, format="turtle"), shacl_graph=shapes
        )
        assert conforms, f"{path.name}: {text}"


def test_rdf_validate_shacl_conforms_on_the_seeds_with_the_shapes_alone(seeds_out: Path) -> None:
    files = data_files(seeds_out)
    reports = run_node("shacl_validate.mjs", ",".join(map(str, SHAPES)), *map(str, files))
    assert len(reports) == len(files) >= 3
    for path, report in zip(files, reports, strict=True):
        assert report == {"conforms": True, "results": []}, path.name


def test_both_refuse_an_article_without_headline(headless: Path) -> None:
    conforms, results, _ = pyshacl.validate(
        Graph().parse(headless, format="turtle"), shacl_graph=shapes_graph(SHAPES)
    )
    assert not conforms
    paths = set(results.objects(None, SH.resultPath))
    assert SCHEMA.headline in paths
    (report,) = run_node("shacl_validate.mjs", ",".join(map(str, SHAPES)), str(headless))
    assert report["conforms"] is False
    headline = [r for r in report["results"] if r["path"] == str(SCHEMA.headline)]
    assert headline and headline[0]["severity"] == str(SH.Violation)
    assert any("headline" in m for m in headline[0]["message"])


def test_recommended_shapes_are_warnings_only(seeds_out: Path) -> None:
    """With recommended/ added, a processor reports the seeds' missing recommendations,
    every one a Warning (which is why they are kept apart from shapes/*.ttl)."""
    graph = shapes_graph(SHAPES + RECOMMENDED)
    conforms, results, _ = pyshacl.validate(
        Graph().parse(seeds_out / "kg.ttl", format="turtle"), shacl_graph=graph
    )
    report = next(results.subjects(RDF.type, SH.ValidationReport))
    top = list(results.objects(report, SH.result))  # not the sh:detail results under them
    assert not conforms and top
    assert {results.value(r, SH.resultSeverity) for r in top} == {SH.Warning}
