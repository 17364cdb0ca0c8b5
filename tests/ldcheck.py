"""Checks shared by the web-publishing tests: scripts in a page, JSON-LD expanded by two
independent processors (rdflib and jsonld.js) with the official schema.org context."""

from __future__ import annotations

import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from conftest import ROOT, SCHEMAORG
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

OFFICIAL_CONTEXT = SCHEMAORG / "schemaorgcontext.jsonld"
JS_DIR = ROOT / "tests" / "js"


class Scripts(HTMLParser):
    """Every <script> element of a page: (attributes, text), as an HTML tokenizer sees them."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[dict[str, str | None], str]] = []
        self._attrs: dict[str, str | None] | None = None
        self._text: list[str] = []
        self.links: list[dict[str, str | None]] = []
        self.hrefs: list[str] = []
        self.srcs: list[str] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "script":
            self._attrs, self._text = found, []
        if tag == "link":
            self.links.append(found)
        if found.get("href"):
            self.hrefs.append(str(found["href"]))
        if found.get("src"):
            self.srcs.append(str(found["src"]))

    def handle_data(self, data: str) -> None:
        if self._attrs is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._attrs is not None:
            self.found.append((self._attrs, "".join(self._text)))
            self._attrs = None

    def jsonld(self) -> list[dict[str, Any]]:
        return [
            json.loads(text)
            for attrs, text in self.found
            if attrs.get("type") == "application/ld+json"
        ]


def official_context() -> dict[str, Any]:
    return json.loads(OFFICIAL_CONTEXT.read_text(encoding="utf-8"))["@context"]


def expand_rdflib(doc: dict[str, Any]) -> Graph:
    """rdflib's JSON-LD parser, "https://schema.org" replaced by the official context file."""
    assert doc["@context"] == "https://schema.org"
    data = dict(doc, **{"@context": official_context()})
    return Graph().parse(data=json.dumps(data), format="json-ld")


def expand_jsonld_js(docs: list[dict[str, Any]]) -> list[Graph]:
    """jsonld.js (node, offline document loader serving the official context) → graphs."""
    node = shutil.which("node")
    assert node, "node is needed for the jsonld.js cross-check"
    install_jsonld_js()
    result = subprocess.run(
        [node, str(JS_DIR / "to_nquads.mjs"), str(OFFICIAL_CONTEXT)],
        input=json.dumps(docs),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return [Graph().parse(data=nq, format="nt") for nq in json.loads(result.stdout)]


def install_jsonld_js() -> None:
    """`npm ci` in tests/js when a fresh checkout lacks one of its packages (as .ci/run
    does): the exact versions of tests/js/package-lock.json, into a gitignored folder."""
    wanted = json.loads((JS_DIR / "package.json").read_text(encoding="utf-8"))["dependencies"]
    if all((JS_DIR / "node_modules" / name).is_dir() for name in wanted):
        return
    npm = shutil.which("npm")
    assert npm, "npm is needed to install jsonld.js (npm ci --prefix tests/js)"
    subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=JS_DIR,
        check=True,
        timeout=300,
    )


def run_node(script: str, *args: str) -> Any:
    """Run tests/js/SCRIPT with node (packages installed first); its stdout, as JSON."""
    node = shutil.which("node")
    assert node, f"node is needed for tests/js/{script}"
    install_jsonld_js()
    result = subprocess.run(
        [node, str(JS_DIR / script), *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


SCHEMA_DATE = URIRef("http://schema.org/Date")


def as_kg_dates(graph: Graph) -> Graph:
    """A page block's graph with its dates read the way the README says they relate to
    kg.ttl: a plain date string (schema:Date under schema.org's context) is the xsd:date,
    or with a time the xsd:dateTime, of the same lexical form."""
    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype == SCHEMA_DATE:
            o = Literal(str(o), datatype=XSD.dateTime if "T" in str(o) else XSD.date)
        out.add((s, p, o))
    return out


def missing_from(graph: Graph, reference: Graph) -> list[str]:
    """The triples of ``graph`` (page block dates read as kg's) that ``reference`` lacks
    (N-Triples lines), for messages."""
    graph = as_kg_dates(graph)
    return sorted(" ".join(t.n3() for t in triple) for triple in graph if triple not in reference)


def all_nodes(doc: Any) -> dict[str, dict[str, Any]]:
    """Every node object of a JSON-LD document by @id, nested ones included."""
    found: dict[str, dict[str, Any]] = {}

    def walk(value: Any) -> None:
        if isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            if isinstance(value.get("@id"), str) and len(value) > 1:
                found.setdefault(value["@id"], value)
            for key, item in value.items():
                if key != "@context":
                    walk(item)

    walk(doc)
    return found


def page_of(site: Path, iri: str, base: str) -> Path:
    return site / (iri[len(base) :] + ".html")
