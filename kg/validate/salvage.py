"""An article whose derived nodes fail the shapes is published without them.

An article graph holds the NewsArticle and what kg derived from it: its people,
places, organisations, events, images, comments, mentions. The NewsArticle's own
required properties (those the shapes require of every NewsArticle: its
headline) are the article; a violation there keeps it from being published. Any
other violation is about something derived, or about a link to it: that node (or
that value) is left out, the graph is validated again, and what was left out is
reported. So a wrong merge of two entities, a bad coordinate or a broken image
costs the node, never the article.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH

from kg.rdf.jsonld import Triple
from kg.rdf.namespaces import PREFIXES, SCHEMA
from kg.validate.shacl import Finding, Report, Validator

MAX_ROUNDS = 3  # leaving a node out can expose another one that then fails


@dataclass(frozen=True)
class Rescued:
    """An article graph after the net: what is published and what was left out."""

    triples: list[Triple]
    report: Report  # the verdict on ``triples``
    left_out: tuple[str, ...]  # one reason per node or value left out


def required_paths(shapes: Graph, target: URIRef = SCHEMA.NewsArticle) -> frozenset[str]:
    """Paths the shapes require (sh:minCount ≥ 1, severity Violation) of every ``target``."""
    found: set[str] = set()
    for shape in shapes.subjects(SH.targetClass, target):
        if shapes.value(shape, SH.severity) not in (None, SH.Violation):
            continue
        for prop in shapes.objects(shape, SH.property):
            count = shapes.value(prop, SH.minCount)
            severity = shapes.value(prop, SH.severity)
            path = shapes.value(prop, SH.path)
            needed = isinstance(count, Literal) and int(count.toPython()) >= 1
            if needed and severity in (None, SH.Violation) and isinstance(path, URIRef):
                found.add(str(path))
    return frozenset(found)


def rescue(
    graphs: Sequence[tuple[Hashable, str, list[Triple], Report]],
    validator: Validator,
    required: frozenset[str],
) -> dict[Hashable, Rescued]:
    """The graphs that do not conform, each without what fails, validated again.

    ``graphs`` are (key, article IRI, triples, report). A graph whose article fails
    a required property is given back unchanged, with its failing report.
    """
    state = {key: Rescued(triples, report, ()) for key, _, triples, report in graphs}
    subjects = {key: iri for key, iri, _, _ in graphs}
    for _ in range(MAX_ROUNDS):
        todo: dict[Hashable, Rescued] = {}
        for key, now in state.items():
            if now.report.conforms or _fatal(now.report, subjects[key], required):
                continue
            triples, reasons = leave_out(now.triples, now.report.violations, subjects[key])
            todo[key] = Rescued(triples, now.report, now.left_out + reasons)
        if not todo:
            break
        verdicts = validator.validate_many([(k, r.triples) for k, r in todo.items()])
        for key, r in todo.items():
            state[key] = Rescued(r.triples, verdicts[key], r.left_out)
    return state


def _fatal(report: Report, article: str, required: frozenset[str]) -> bool:
    return any(f.focus == article and _expand(f.path) in required for f in report.violations)


def leave_out(
    triples: list[Triple], violations: Iterable[Finding], article: str
) -> tuple[list[Triple], tuple[str, ...]]:
    """``triples`` without the nodes and values the violations are about, and why."""
    nodes: dict[str, str] = {}  # node IRI → reason
    values: dict[tuple[str, str], str] = {}  # (path, value) of the article → reason
    for f in violations:
        if f.focus != article:
            nodes.setdefault(f.focus, f"{f.focus}: {f.message}")
        elif f.path:
            value = _expand(f.value) if f.value else ""
            values.setdefault((_expand(f.path), value), f"{f.path} {f.value or ''}: {f.message}")
    kept = [t for t in triples if not _cut(t, article, nodes, values)]
    # Nodes of the article's own graph that pointed at what was left out (a mention, an
    # image) mean nothing without it.
    local = {
        t[0].value for t in triples if t[2].value in nodes and t[0].value.startswith(f"{article}#")
    } | {v for (_, v) in values if v.startswith(f"{article}#")}
    kept = [t for t in kept if t[0].value not in local]
    reasons = tuple(f"fails SHACL, left out: {r}" for r in [*nodes.values(), *values.values()])
    return kept, reasons


def _cut(
    triple: Triple, article: str, nodes: dict[str, str], values: dict[tuple[str, str], str]
) -> bool:
    s, p, o = (t.value for t in triple)
    if s in nodes or o in nodes:
        return True
    return s == article and ((p, o) in values or (p, "") in values)


def _expand(short: str | None) -> str:
    """The full IRI of a ``prefix:name`` the validator reports (anything else as it is)."""
    if not short:
        return ""
    prefix, _, name = short.partition(":")
    return PREFIXES[prefix] + name if name and prefix in PREFIXES else short
