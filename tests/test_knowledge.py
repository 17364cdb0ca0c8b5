"""Authority files and EntityRuler patterns: parsing, winning over the model, sameAs, cache."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import select
from rdflib import Graph

from kg.build import BuildOptions, build, extraction_settings
from kg.cli import main
from kg.errors import ConfigError
from kg.extract import article as extraction
from kg.extract.entities.knowledge import WIKIDATA, Knowledge
from kg.extract.nlp import load
from kg.model import Meta, RawDocument

TEXT = (
    "Gas talks in Moscow\n\n"
    "Acme Widgets chief Jane Roe met Vladimir Putin in Moscow on Thursday. Putin said the "
    "Kremlin welcomed the deal, and Mr Roe's company, known as Acme, will build a plant on "
    "Russky island.\n"
)
CSV = (
    "id,type,name,aliases,same_as\n"
    "Q7747,Person,Vladimir Putin,Putin|Vladimir Vladimirovich Putin,\n"
    "https://news.example.org/id/acme,Organization,Acme Widgets Ltd,Acme Widgets|Acme,Q42\n"
)
TURTLE = """
@prefix schema: <http://schema.org/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
<https://news.example.org/id/jane-roe> a schema:Person ;
    schema:name "Jane Roe" ; schema:alternateName "Roe" ;
    owl:sameAs <http://www.wikidata.org/entity/Q99> .
"""
PATTERNS = (
    '{"label": "GPE", "pattern": [{"LOWER": "russky"}, {"LOWER": "island"}]}\n'
    '{"label": "ORG", "pattern": "Kremlin", "id": "Q1059"}\n'
)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    paths = {
        "csv": tmp_path / "authority.csv",
        "ttl": tmp_path / "authority.ttl",
        "patterns": tmp_path / "patterns.jsonl",
        "news": tmp_path / "news",
    }
    paths["csv"].write_text(CSV, encoding="utf-8")
    paths["ttl"].write_text(TURTLE, encoding="utf-8")
    paths["patterns"].write_text(PATTERNS, encoding="utf-8")
    paths["news"].mkdir()
    (paths["news"] / "talks.txt").write_text(TEXT, encoding="utf-8")
    return paths


def test_csv_entries_wikidata_ids_are_same_as_other_iris_name_the_node(
    files: dict[str, Path],
) -> None:
    k = Knowledge.load(authority=files["csv"])
    putin, acme = k.entries
    assert (putin.type, putin.iri, putin.same_as) == ("Person", None, (WIKIDATA + "Q7747",))
    assert putin.aliases == ("Putin", "Vladimir Vladimirovich Putin")
    assert acme.iri == "https://news.example.org/id/acme"
    assert acme.same_as == (WIKIDATA + "Q42",)


def test_turtle_entries(files: dict[str, Path]) -> None:
    (roe,) = Knowledge.load(authority=files["ttl"]).entries
    assert (roe.type, roe.name, roe.aliases) == ("Person", "Jane Roe", ("Roe",))
    assert roe.iri == "https://news.example.org/id/jane-roe"
    assert roe.same_as == (WIKIDATA + "Q99",)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("a.csv", "id,name\nQ1,X\n", "needs the columns id, type, name"),
        ("a.csv", "id,type,name\nQ1,Animal,Rex\n", "unknown entity type 'Animal'"),
        ("a.csv", "id,type,name\nnot an id,Person,Rex\n", "neither an IRI nor a Wikidata id"),
        ("a.ttl", "this is not turtle", "not Turtle"),
        ("p.jsonl", '{"label": "ORG"}\n', 'needs "label" and "pattern"'),
        ("p.jsonl", "{oops\n", "p.jsonl:1: not JSON"),
    ],
)
def test_bad_files_are_config_errors(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    kind = {"authority": path} if name.startswith("a") else {"patterns": path}
    with pytest.raises(ConfigError, match=message):
        Knowledge.load(**kind)  # type: ignore[arg-type]


def test_authority_entries_win_over_the_model(files: dict[str, Path]) -> None:
    knowledge = Knowledge.load(authority=files["csv"], patterns=files["patterns"])
    raw = RawDocument(source="talks.txt", text=TEXT, meta=Meta(id="talks"))
    article = next(extraction.extract([raw], load(), knowledge=knowledge))
    by_name = {e.name: e for e in article.entities}
    acme = by_name["Acme Widgets Ltd"]
    assert acme.type == "Organization"
    assert acme.authority_iri == "https://news.example.org/id/acme"
    index = article.entities.index(acme)
    assert sorted(m.text for m in article.mentions if m.entity == index) == ["Acme", "Acme Widgets"]
    putin = by_name["Vladimir Putin"]
    assert putin.same_as == [WIKIDATA + "Q7747"]
    assert by_name["Russky island"].type == "Place"  # a token pattern


def test_build_with_authority_yields_same_as_and_the_newsrooms_iri(
    files: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    build(BuildOptions(sources=(str(files["news"]),), out=out, authority=files["csv"]))
    graph = Graph().parse(out / "kg.ttl", format="turtle")
    rows = select(
        graph,
        "SELECT ?node ?same WHERE { ?node schema:name 'Vladimir Putin' ; schema:sameAs ?same }",
    )
    assert rows == [("http://localhost:8000/person/vladimir-putin", WIKIDATA + "Q7747")]
    rows = select(graph, "SELECT ?t WHERE { <https://news.example.org/id/acme> a ?t }")
    assert rows == [("http://schema.org/Organization",)]


def test_knowledge_is_part_of_the_cache_key(files: dict[str, Path], tmp_path: Path) -> None:
    none, csv = Knowledge.load(), Knowledge.load(authority=files["csv"])
    assert extraction_settings("m", none) != extraction_settings("m", csv)
    out = tmp_path / "out"
    first = build(BuildOptions(sources=(str(files["news"]),), out=out))
    again = build(BuildOptions(sources=(str(files["news"]),), out=out))
    changed = build(BuildOptions(sources=(str(files["news"]),), out=out, authority=files["csv"]))
    assert (first.reused, again.reused, changed.reused) == (0, 1, 0)


def test_cli_build_takes_authority_and_patterns(files: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["build", str(files["news"]), "--out", str(out), "-q"]
    result = CliRunner().invoke(
        main, [*args, "--authority", str(files["ttl"]), "--patterns", str(files["patterns"])]
    )
    assert result.exit_code == 0, result.output
    assert "<https://news.example.org/id/jane-roe>" in (out / "kg.ttl").read_text()


def test_cli_rejects_a_bad_authority_file(files: dict[str, Path], tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("id,type,name\nQ1,Animal,Rex\n", encoding="utf-8")
    args = ["build", str(files["news"]), "--out", str(tmp_path / "out"), "-q"]
    result = CliRunner().invoke(main, [*args, "--authority", str(bad)])
    assert result.exit_code == 2
    assert "unknown entity type 'Animal'" in result.output
    missing = CliRunner().invoke(main, [*args, "--patterns", str(tmp_path / "nope.jsonl")])
    assert missing.exit_code == 2
    assert "does not exist" in missing.output
