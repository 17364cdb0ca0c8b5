"""SHACL validation of article graphs with pySHACL, shapes parsed once.

Many article graphs are validated in one pySHACL call (about five times cheaper
per article than one call each) and every result is attributed back to the
article graphs whose subjects it is about.
"""

from __future__ import annotations

import hashlib
import sys
from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pyoxigraph as ox
import pyshacl
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import Node

from kg.errors import ConfigError
from kg.rdf.convert import to_rdflib
from kg.rdf.jsonld import Triple
from kg.rdf.namespaces import PREFIXES

Severity = Literal["Violation", "Warning", "Info"]


@dataclass(frozen=True, order=True)
class Finding:
    severity: Severity
    focus: str
    path: str | None
    message: str
    shape: str | None = None
    value: str | None = None

    def __str__(self) -> str:
        path = f" {self.path}" if self.path else ""
        value = f" (value {self.value})" if self.value else ""
        return f"{self.severity}: {self.focus}{path}: {self.message}{value}"


def _order(f: Finding) -> tuple[str, ...]:
    """A sort key that holds when a finding has no path, shape or value (None)."""
    return (f.severity, f.focus, f.path or "", f.message, f.shape or "", f.value or "")


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        """True when nothing is a Violation (warnings do not stop publishing)."""
        return not any(f.severity == "Violation" for f in self.findings)

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "Violation"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity != "Violation"]


def shapes_dir() -> Path:
    """The shapes/ folder: beside the package in a checkout, else installed data."""
    here = Path(__file__).resolve().parents[2] / "shapes"
    if here.is_dir():
        return here
    installed = Path(sys.prefix) / "share" / "kg" / "shapes"
    if installed.is_dir():
        return installed
    raise ConfigError(f"cannot find kg's SHACL shapes (looked in {here} and {installed})")


def _short(node: Node | None) -> str | None:
    if node is None:
        return None
    text = str(node)
    if isinstance(node, URIRef):
        for prefix, ns in PREFIXES.items():
            if text.startswith(ns) and len(text) > len(ns):
                return f"{prefix}:{text[len(ns) :]}"
    return text


RECOMMENDED = "recommended"  # the sub-folder of Warning shapes (search-engine advice)
_SELECTORS = (SH.target, SH.closed, SH.sparql)


def _constrained_predicates(shapes: Graph) -> set[str] | None:
    """Predicates the shapes can look at, or None when any triple might matter."""
    if any(shapes.triples((None, selector, None)) for selector in _SELECTORS):
        return None
    found = {str(RDF.type), str(RDFS.subClassOf)}
    for selector in (SH.targetSubjectsOf, SH.targetObjectsOf):
        found.update(str(p) for p in shapes.objects(None, selector) if isinstance(p, URIRef))
    for path in shapes.objects(None, SH.path):
        if isinstance(path, URIRef):
            found.add(str(path))
        else:  # a sequence or alternative path: every IRI inside it
            found.update(_iris_within(shapes, path))
    return found


def _iris_within(graph: Graph, node: Node) -> set[str]:
    found: set[str] = set()
    todo, seen = [node], set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        for _, _, o in graph.triples((current, None, None)):
            if isinstance(o, URIRef) and o != RDF.nil:
                found.add(str(o))
            elif not isinstance(o, URIRef):
                todo.append(o)
    return found


def shape_files(folder: Path, recommended: bool = True) -> list[Path]:
    """The shapes of ``folder``: its *.ttl (the rules), then recommended/*.ttl (Warnings)."""
    files = sorted(folder.glob("*.ttl"))
    if recommended:
        files += sorted((folder / RECOMMENDED).glob("*.ttl"))
    return files


class Validator:
    """Validates graphs against the shapes, parsed once: shapes/*.ttl, whose results keep
    an article out, and (``recommended``) shapes/recommended/*.ttl, whose Warnings do not.

    The shapes need nothing but the data (no class axioms), as any SHACL processor
    reads them; see shapes/README.md.
    """

    def __init__(self, directory: Path | None = None, recommended: bool = True) -> None:
        folder = directory or shapes_dir()
        self.shapes = Graph()
        files = shape_files(folder, recommended)
        if not files:
            raise ConfigError(f"no SHACL shapes (*.ttl) in {folder}")
        digest = hashlib.sha256()
        for file in files:
            self.shapes.parse(file, format="turtle")
            digest.update(file.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(file.read_bytes())
        self._relevant = _constrained_predicates(self.shapes)
        # Identifies the shapes, so a cached verdict is reused only under the same shapes.
        self.fingerprint = digest.hexdigest()[:16]

    def validate(self, graph: Graph) -> Report:
        data = Graph()
        data += graph
        return Report(self._findings(data))

    def validate_many(
        self, graphs: Sequence[tuple[Hashable, list[Triple]]]
    ) -> dict[Hashable, Report]:
        """One Report per key; the graphs (pyoxigraph triples) are validated in one call.

        Only triples a shape can look at go to pySHACL: rdf:type and the predicates
        shapes constrain or select focus nodes by. Provenance such as NIF mention
        offsets is left out, which halves the work. A result is the business of every
        graph its focus node is a subject or an object in: a shape that targets the
        objects of schema:mentions reports a mention the graph does not describe.
        """
        reports: dict[Hashable, Report] = {key: Report() for key, _ in graphs}
        union = (
            Graph()
        )  # validated in place: it is a throwaway (pySHACL needs a context-aware store)
        owners: dict[Node, list[Hashable]] = defaultdict(list)
        relevant = self._relevant
        # One rdflib term per distinct term: the store's lookups then match by identity
        # instead of comparing equal strings.
        terms: dict[Any, Node] = {}

        def node(t: Any) -> Node:
            found = terms.get(t)
            if found is None:
                found = terms[t] = to_rdflib(t)
            return found

        for key, triples in graphs:
            seen: set[Any] = set()
            for s, p, o in triples:
                if relevant is not None and p.value not in relevant:
                    continue
                subject, obj = node(s), node(o)
                for term, rdf_term in ((s, subject), (o, obj)):
                    if term not in seen and not isinstance(term, ox.Literal):
                        seen.add(term)
                        owners[rdf_term].append(key)
                union.add((subject, node(p), obj))
        for finding, focus in self._findings_with_focus(union):
            for key in owners.get(focus, ()):
                if finding not in reports[key].findings:
                    reports[key].findings.append(finding)
        for report in reports.values():
            report.findings.sort(key=_order)
        return reports

    def _findings(self, graph: Graph) -> list[Finding]:
        """Findings for ``graph`` (validated in place: pass a copy)."""
        return sorted({f for f, _ in self._findings_with_focus(graph)}, key=_order)

    def _findings_with_focus(self, graph: Graph) -> list[tuple[Finding, Node]]:
        _, results, _ = pyshacl.validate(
            graph,
            shacl_graph=self.shapes,
            inference="none",
            allow_warnings=True,
            inplace=True,
        )
        out: list[tuple[Finding, Node]] = []
        # Only the report's own results: sh:detail results nested under them are not findings.
        for result in results.objects(None, SH.result, unique=True):
            focus = results.value(result, SH.focusNode)
            severity = _short(results.value(result, SH.resultSeverity)) or "sh:Violation"
            message = results.value(result, SH.resultMessage)
            finding = Finding(
                severity=severity.removeprefix("sh:").removeprefix(str(SH)),  # type: ignore[arg-type]
                focus=str(focus),
                path=_short(results.value(result, SH.resultPath)),
                message=str(message) if message else "does not conform",
                shape=_short(shape)
                if isinstance(shape := results.value(result, SH.sourceShape), URIRef)
                else None,
                value=_short(results.value(result, SH.value)),
            )
            out.append((finding, focus))
        return out
