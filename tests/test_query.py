"""kg query: the library (formats, cap, binding, SERVICE) and the command (exit codes, messages)."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from conftest import select
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from kg.cli import main
from kg.errors import QueryError
from kg.publish.store import Store
from kg.rdf import formats, jsonld
from kg.sparql.query import execute, write_result
from kg.sparql.text import bind, parse_term, uses_service, where_offset

PEOPLE = "SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n }"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def people(seeds_graph: Graph) -> set[str]:
    return {n for (n,) in select(seeds_graph, PEOPLE)}


def test_csv_lists_people_once(seeds_out: Path, people: set[str]) -> None:
    code, out, _ = run("query", PEOPLE, "--data", str(seeds_out), "--format", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["n"]
    names = [r[0] for r in rows[1:]]
    assert "Vladimir Putin" in names
    assert sorted(names) == sorted(people)  # the union is a set: no name twice


def test_json_and_xml_are_sparql_results(seeds_out: Path, people: set[str]) -> None:
    _, out, _ = run("query", PEOPLE, "-d", str(seeds_out), "-f", "json")
    doc = json.loads(out)
    assert doc["head"]["vars"] == ["n"]
    assert {b["n"]["value"] for b in doc["results"]["bindings"]} == people
    parsed = ox.parse_query_results(out.encode(), format=ox.QueryResultsFormat.JSON)
    assert len(list(parsed)) == len(people)  # type: ignore[arg-type]
    _, out, _ = run("query", PEOPLE, "-d", str(seeds_out), "-f", "xml")
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    literals = ET.fromstring(out).findall(".//r:binding/r:literal", ns)
    assert {e.text for e in literals} == people


def test_tsv_table_and_ask(seeds_out: Path, people: set[str]) -> None:
    _, out, _ = run("query", PEOPLE, "-d", str(seeds_out), "-f", "tsv")
    assert out.splitlines()[0] == "?n" and len(out.splitlines()) == len(people) + 1
    code, out, _ = run("query", PEOPLE, "-d", str(seeds_out))
    lines = out.splitlines()
    assert code == 0 and lines[0].strip() == "n" and lines[-1] == f"({len(people)} rows)"
    assert set(line.strip() for line in lines[2:-1]) == people
    code, out, _ = run("query", "ASK { ?p a schema:Person }", "-d", str(seeds_out), "-f", "json")
    assert code == 0 and json.loads(out) == {"head": {}, "boolean": True}


def test_construct_turtle_and_jsonld(seeds_out: Path, seeds_graph: Graph) -> None:
    query = "CONSTRUCT { ?p schema:name ?n } WHERE { ?p a schema:Person ; schema:name ?n }"
    expected = seeds_graph.query("PREFIX schema: <http://schema.org/> " + query).graph  # type: ignore[union-attr]
    _, out, _ = run("query", query, "-d", str(seeds_out))
    assert isomorphic(Graph().parse(data=out, format="turtle"), expected)
    _, out, _ = run("query", query, "-d", str(seeds_out), "-f", "jsonld")
    assert isomorphic(jsonld.parse(out), expected)
    code, _, err = run("query", query, "-d", str(seeds_out), "-f", "csv")
    assert code == 2 and (
        "this query returns a graph: use --format turtle, jsonld, nt, nquads, trig, rdfxml" in err
    )


# Every RDF format of the registry, and the rdflib parser that reads it back.
RDFLIB_PARSERS = {
    "turtle": "turtle",
    "jsonld": "json-ld",
    "nt": "nt",
    "nquads": "nquads",
    "trig": "trig",
    "rdfxml": "xml",
}


def test_construct_in_every_rdf_format(seeds_out: Path, seeds_graph: Graph) -> None:
    query = "CONSTRUCT { ?p schema:name ?n } WHERE { ?p a schema:Person ; schema:name ?n }"
    expected = seeds_graph.query("PREFIX schema: <http://schema.org/> " + query).graph  # type: ignore[union-attr]
    assert len(expected) > 5
    assert sorted(f.name for f in formats.carrying("graph")) == sorted(RDFLIB_PARSERS)
    for name, parser in RDFLIB_PARSERS.items():
        code, out, err = run("query", query, "-d", str(seeds_out), "-f", name)
        assert code == 0, err
        assert isomorphic(Graph().parse(data=out, format=parser), expected), name


def test_graph_option_restricts_to_one_article(seeds_out: Path) -> None:
    manifest = json.loads((seeds_out / "manifest.json").read_text())
    aid, entry = sorted(manifest["articles"].items())[0]
    query = "SELECT ?a WHERE { ?a a schema:NewsArticle }"
    for ref in (aid, entry["graph"], entry["iri"]):
        code, out, _ = run("query", query, "-d", str(seeds_out), "-f", "csv", "--graph", ref)
        assert code == 0 and out.split() == ["a", entry["iri"]]
    code, _, err = run("query", query, "-d", str(seeds_out), "--graph", "no-such-article")
    assert code == 2 and "no article graph 'no-such-article'" in err


def test_syntax_error_gives_line_and_column(seeds_out: Path, tmp_path: Path) -> None:
    rq = tmp_path / "bad.rq"
    rq.write_text("SELECT ?n\nWHERE {\n  ?p schema:name ?n . nope:x ?y ?z }\n", encoding="utf-8")
    code, out, err = run("query", f"@{rq}", "-d", str(seeds_out))
    assert code == 2 and out == ""
    m = re.search(r"SPARQL syntax error at line 3, column (\d+): ", err)
    assert m is not None
    caret = "  ?p schema:name ?n . nope:x ?y ?z }\n" + " " * (int(m.group(1)) + 1) + "^"
    assert caret in err


def test_service_update_and_missing_things(seeds_out: Path, tmp_path: Path) -> None:
    service = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    code, _, err = run("query", service, "-d", str(seeds_out))
    assert code == 2 and "SERVICE (federated query) is disabled" in err
    code, _, err = run("query", "INSERT DATA { <a:b> <a:c> <a:d> }", "-d", str(seeds_out))
    assert code == 2 and "SPARQL syntax error at line 1" in err
    code, _, err = run("query", PEOPLE, "-d", str(tmp_path / "nothing"))
    assert code == 1
    assert f"no kg output in {tmp_path / 'nothing'}: run `kg build SOURCES" in err
    code, _, err = run("query", f"@{tmp_path / 'missing.rq'}", "-d", str(seeds_out))
    assert code == 2 and "cannot read the query file" in err


def test_bind_sees_filters_and_is_used(seeds_out: Path) -> None:
    query = "SELECT ?n WHERE { ?p schema:name ?n FILTER (?n = ?wanted) }"
    code, out, _ = run(
        "query", query, "-d", str(seeds_out), "-f", "csv", "--bind", "wanted=Vladimir Putin"
    )
    assert code == 0 and out.splitlines() == ["n", "Vladimir Putin"]
    code, _, err = run("query", query, "-d", str(seeds_out), "--bind", "novalue")
    assert code == 2 and "'novalue' is not NAME=VALUE" in err


def test_row_cap_cuts_and_says_so(seeds_out: Path) -> None:
    store = Store.open_existing(seeds_out / "store")
    query = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"
    total = store.count()
    for fmt in ("json", "csv", "tsv", "xml", "table"):
        out = io.BytesIO()
        written = write_result(execute(store, query), out, fmt=fmt, max_rows=10)
        assert (written.rows, written.truncated) == (10, True)
    out = io.BytesIO()
    write_result(execute(store, query), out, fmt="json", max_rows=10)
    capped = json.loads(out.getvalue())["results"]["bindings"]
    out = io.BytesIO()
    write_result(execute(store, query), out, fmt="json")
    assert capped == json.loads(out.getvalue())["results"]["bindings"][:10]
    written = write_result(execute(store, query), io.BytesIO(), fmt="csv", max_rows=total)
    assert (written.rows, written.truncated) == (total, False)
    graph = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    written = write_result(execute(store, graph), io.BytesIO(), fmt="nt", max_rows=5)
    assert (written.rows, written.truncated) == (5, True)


def test_sparql_text_helpers() -> None:
    assert uses_service("SELECT * { service <x:y> { ?s ?p ?o } }")
    assert not uses_service('SELECT * { ?s ex:SERVICE ?service . ?s ?p "SERVICE" } # SERVICE')
    construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    assert construct[where_offset(construct) :] == " ?s ?p ?o }"
    text = bind('SELECT * WHERE { ?s ?p "{" }', {"p": parse_term("schema:name")})
    assert text == 'SELECT * WHERE { VALUES (?p) { (<http://schema.org/name>) } ?s ?p "{" }'
    with pytest.raises(QueryError, match="long form"):
        bind("CONSTRUCT WHERE { ?s ?p ?o }", {"p": parse_term("1")})
    assert parse_term("42") == ox.Literal(
        "42",
        datatype=ox.NamedNode(str(ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer").value)),
    )
    assert parse_term("<http://x.org/a>") == ox.NamedNode("http://x.org/a")
    assert parse_term("2019-04-25") == ox.Literal("2019-04-25")
    assert parse_term('"hi"@en') == ox.Literal("hi", language="en")


def test_every_command_has_help_with_examples() -> None:
    for name, command in main.commands.items():  # type: ignore[attr-defined]
        assert command.help and "Examples:" in command.help, name


def test_describe_one_article(seeds_out: Path, seeds_graph: Graph) -> None:
    manifest = json.loads((seeds_out / "manifest.json").read_text())
    aid, entry = sorted(manifest["articles"].items())[0]
    query = f"DESCRIBE <{entry['iri']}>"
    code, out, _ = run("query", query, "-d", str(seeds_out), "--graph", aid, "-f", "nt")
    assert code == 0
    described = Graph().parse(data=out, format="nt")
    subjects = set(described.subjects())
    assert str(next(iter(subjects))) == entry["iri"] and len(subjects) == 1
    assert set(described) <= set(seeds_graph)
    assert len(described) == len(list(seeds_graph.triples((URIRef(entry["iri"]), None, None))))
