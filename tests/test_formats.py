"""The format registry: one table every part of kg reads, one Accept parser, open to new formats."""

from __future__ import annotations

import ast
import io
import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.rdf import formats
from kg.rdf.formats import Accept
from kg.serve.negotiate import choose, offered
from kg.web.negotiation import negotiate

PACKAGE = Path(__file__).resolve().parent.parent / "kg"
MEDIA = re.compile(r"\b(?:text|application)/[a-z+.-]+")


def strings_in_code(path: Path) -> list[str]:
    """The string constants of a module, docstrings left out (they may name media types)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs
    ]


def test_media_types_are_spelled_in_the_registry_only() -> None:
    spelled = {
        p.relative_to(PACKAGE).as_posix()
        for p in PACKAGE.rglob("*.py")
        if any(MEDIA.search(s) for s in strings_in_code(p))
    }
    # Only the registry names the media types of what kg writes and answers; the two
    # readers of HTML input name the types they find inside pages and feeds.
    assert spelled == {"rdf/formats.py", "sources/pageld.py", "sources/feed.py"}


def test_names_aliases_and_extensions() -> None:
    assert formats.get("ttl") is formats.get("turtle")
    assert formats.get("json-ld").name == "jsonld"
    assert formats.get("n-quads").extension == "nq"
    assert formats.by_extension(".NQ") is formats.get("nquads")
    assert formats.by_extension("json") is formats.get("jsonld")
    assert formats.by_extension("csv") is None  # a results format, not RDF
    with pytest.raises(KeyError):
        formats.get("rdfa")


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, "json"),
        ("", "json"),
        ("text/csv", "csv"),
        ("text/csv, application/sparql-results+json", "csv"),  # the client's order
        ("application/sparql-results+json;q=0.5, text/csv", "csv"),
        ("text/*", "csv"),  # the first text format kg offers
        ("*/*", "json"),
        ("application/xml", "xml"),
        ("text/csv;q=0, */*", "json"),  # refused outright
        ("image/png", None),
    ],
)
def test_solutions_by_accept(header: str | None, expected: str | None) -> None:
    assert choose("solutions", header) == expected


def test_graphs_by_accept_and_by_parameter() -> None:
    assert choose("graph", "text/turtle") == "turtle"
    assert choose("graph", "application/json") == "jsonld"
    assert choose("graph", "text/plain") == "nt"
    assert choose("graph", "text/csv") is None
    assert choose("graph", "text/csv", param="json-ld") == "jsonld"
    assert choose("solutions", None, param="text/tab-separated-values") == "tsv"
    assert choose("solutions", "text/csv", param="turtle") == "csv"  # cannot carry solutions
    assert "text/turtle" in offered("graph") and "text/csv" not in offered("graph")


def test_pages_and_descriptions_by_accept() -> None:
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    assert negotiate(browser) == "html"
    assert negotiate("application/ld+json") == "jsonld"
    assert negotiate("text/turtle;q=0.9, application/n-triples") == "nt"
    assert negotiate("image/png") is None
    assert negotiate(None) == "html"


def test_the_most_specific_range_decides() -> None:
    turtle = formats.get("turtle")
    assert Accept.parse("text/*;q=0.2, text/turtle;q=0.7").quality(turtle)[0] == 0.7
    assert Accept.parse("*/*;q=0.1, text/*;q=0.4").quality(turtle)[0] == 0.4
    assert Accept.parse("text/turtle;q=bogus").quality(turtle)[0] == 0.0


def test_a_registered_format_is_offered_everywhere() -> None:
    def write(items, out):  # type: ignore[no-untyped-def]
        ox.serialize(
            (ox.Triple(*t) if isinstance(t, tuple) else t for t in items), out, ox.RdfFormat.N3
        )

    n3 = formats.Format(
        "n3",
        "text/n3",
        ("n3",),
        carries=frozenset({"graph"}),
        write=write,
        native=ox.RdfFormat.N3,
    )
    formats.register(n3)
    try:
        assert choose("graph", "text/n3") == "n3"
        assert formats.by_extension("n3") is n3
        assert negotiate("text/n3") == "n3"
        buf = io.BytesIO()
        s = ox.NamedNode("http://example.org/s")
        formats.get("n3").writer()([(s, s, ox.Literal("x"))], buf)
        assert b'"x"' in buf.getvalue()
    finally:
        formats.unregister("n3")
    assert choose("graph", "text/n3") is None
