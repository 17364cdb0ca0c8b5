"""What the store says about one IRI: the read model behind embeds, the site and `kg serve`.

Reads the Oxigraph store through its indexes (``quads_for_pattern``), never by
parsing kg.ttl.

The store keeps the union of the article graphs, deduplicated, in its default graph
(see kg.store); that is what is read here, so every triple given out is in kg.ttl.

A *description* of an IRI is the usual Linked Data one: its own triples, those of
its ``#fragment`` nodes (its GeoCoordinates, ImageObjects, comments; for an article
also its source text, the nif:Context, and every mention and sentence in it, which
point at the context rather than being linked from the article), and the triples
that link to it from other pages' resources (an article that mentions a person, an
event it attended) — not from another resource's fragment nodes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from kg.errors import ConfigError, StoreError
from kg.link.iris import KINDS, Iris
from kg.publish.manifest import Manifest
from kg.publish.state import PublishedState, open_state
from kg.publish.store import Store
from kg.rdf.jsonld import Triple
from kg.rdf.namespaces import NIF, RDF, SCHEMA, SKOS

_TYPE = ox.NamedNode(str(RDF.type))
# What names a node on a page, best first (a NIF string, e.g. a source sentence, by its text).
_LABELS = tuple(
    ox.NamedNode(str(p))
    for p in (SCHEMA.name, SCHEMA.headline, SKOS.prefLabel, SCHEMA.caption, NIF.anchorOf)
)
_DATE = ox.NamedNode(str(SCHEMA.datePublished))
_UNION = ox.DefaultGraph()


@dataclass
class Description:
    """One IRI's description, split the way a page shows it."""

    iri: str
    kind: str | None
    types: list[str] = field(default_factory=list)
    literals: dict[str, list[ox.Literal]] = field(default_factory=dict)
    links: list[tuple[str, str]] = field(default_factory=list)  # (predicate, object IRI)
    backlinks: list[tuple[str, str]] = field(default_factory=list)  # (predicate, subject IRI)
    triples: list[Triple] = field(default_factory=list)  # all of it, sorted, for RDF files

    def first(self, predicate: str) -> str | None:
        values = self.literals.get(predicate)
        return values[0].value if values else None


class Describer:
    """Reads descriptions, labels and entity lists of the kg store under one base IRI."""

    def __init__(self, store: Store, iris: Iris) -> None:
        self.store = store
        self.iris = iris
        self._ox = store.oxigraph
        self.label = lru_cache(maxsize=65536)(self._label)

    def outgoing(self, iri: str, graph: str | None = None) -> list[Triple]:
        """The triples with ``iri`` as subject (in any article graph, or in ``graph``), sorted."""
        where = ox.NamedNode(graph) if graph else _UNION
        return _sorted(self._ox.quads_for_pattern(ox.NamedNode(iri), None, None, where))

    def incoming(self, iri: str) -> list[Triple]:
        """The triples with ``iri`` as object (in any article graph), sorted."""
        return _sorted(self._ox.quads_for_pattern(None, None, ox.NamedNode(iri), _UNION))

    def exists(self, iri: str) -> bool:
        """True when the store has a triple about ``iri`` (as subject)."""
        quads = self._ox.quads_for_pattern(ox.NamedNode(iri), None, None, _UNION)
        return next(iter(quads), None) is not None

    def types(self, iri: str) -> list[str]:
        return sorted(
            {
                q.object.value
                for q in self._ox.quads_for_pattern(ox.NamedNode(iri), _TYPE, None, _UNION)
                if isinstance(q.object, ox.NamedNode)
            }
        )

    def _label(self, iri: str) -> str:
        node = ox.NamedNode(iri)
        for predicate in _LABELS:
            values = sorted(
                q.object.value
                for q in self._ox.quads_for_pattern(node, predicate, None, _UNION)
                if isinstance(q.object, ox.Literal)
            )
            if values:
                return values[0]
        return iri

    def date(self, iri: str) -> str | None:
        """An article's datePublished, for listing articles by date."""
        values = self._ox.quads_for_pattern(ox.NamedNode(iri), _DATE, None, _UNION)
        return min(
            (q.object.value for q in values if isinstance(q.object, ox.Literal)), default=None
        )

    def entities(self, kind: str) -> list[str]:
        """Every typed IRI of one kind ('person', 'article', …) kg minted under the base."""
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}")
        prefix = f"{self.iris.base}{kind}/"
        found = {
            q.subject.value
            for q in self._ox.quads_for_pattern(None, _TYPE, None, _UNION)
            if isinstance(q.subject, ox.NamedNode)
            and q.subject.value.startswith(prefix)
            and "#" not in q.subject.value
        }
        return sorted(found)

    def graph(self, graph_iri: str) -> list[Triple]:
        """The triples of one named graph (an article's whole record), sorted."""
        return _sorted(self._ox.quads_for_pattern(None, None, None, ox.NamedNode(graph_iri)))

    def has_graph(self, graph_iri: str) -> bool:
        quads = self._ox.quads_for_pattern(None, None, None, ox.NamedNode(graph_iri))
        return next(iter(quads), None) is not None

    def describe(self, iri: str) -> Description:
        """The description of ``iri`` (see the module docstring)."""
        own = self._with_fragments(iri)
        back = [t for t in self.incoming(iri) if _is_page_node(t[0]) and t[0].value != iri]
        desc = Description(iri=iri, kind=self.iris.kind_of(iri))
        for s, p, o in own:
            if s.value != iri:
                continue
            if p == _TYPE and isinstance(o, ox.NamedNode):
                desc.types.append(o.value)
            elif isinstance(o, ox.Literal):
                desc.literals.setdefault(p.value, []).append(o)
            elif isinstance(o, ox.NamedNode):
                desc.links.append((p.value, o.value))
        desc.backlinks = sorted((p.value, s.value) for s, p, _ in back)
        desc.types.sort()
        desc.links.sort()
        for values in desc.literals.values():
            values.sort(key=lambda lit: lit.value)
        desc.triples = sorted(set(own) | set(back), key=_triple_key)
        return desc

    def _with_fragments(self, iri: str) -> list[Triple]:
        """``iri``'s triples and, recursively, those of the ``iri#…`` nodes it links to;
        for an article, those of every ``iri#…`` node of its named graph."""
        seen = {iri}
        todo = [iri]
        out: list[Triple] = []
        graph = self.iris.graph_of(iri)
        if graph is not None:
            fragments = {s.value for s, _, _ in self.graph(graph) if s.value.startswith(iri + "#")}
            seen |= fragments
            todo += sorted(fragments)
        while todo:
            triples = self.outgoing(todo.pop())
            out.extend(triples)
            for _, _, o in triples:
                if (
                    isinstance(o, ox.NamedNode)
                    and o.value.startswith(iri + "#")
                    and o.value not in seen
                ):
                    seen.add(o.value)
                    todo.append(o.value)
        return out


def _is_page_node(term: ox.NamedNode | ox.BlankNode) -> bool:
    return isinstance(term, ox.NamedNode) and "#" not in term.value


def _sorted(quads: Iterable[ox.Quad]) -> list[Triple]:
    return sorted(map(_triple, quads), key=_triple_key)


def _triple(quad: ox.Quad) -> Triple:
    return (quad.subject, quad.predicate, quad.object)  # type: ignore[return-value]  # no RDF-star


def _triple_key(t: Triple) -> tuple[str, str, str]:
    return (t[0].value, t[1].value, str(t[2]))


def schema_only(triples: Iterable[Triple]) -> Iterator[Triple]:
    """The triples a page's ``"@context": "https://schema.org"`` block can carry exactly:
    schema.org predicates, and rdf:type only for schema.org classes."""
    schema = str(SCHEMA)
    for s, p, o in triples:
        if p == _TYPE:
            if isinstance(o, ox.NamedNode) and o.value.startswith(schema):
                yield s, p, o
        elif p.value.startswith(schema):
            yield s, p, o


@dataclass
class Published:
    """What `kg build` published in a folder, opened for reading (one state of it)."""

    data: Path  # the output folder the user named
    manifest: Manifest
    store: Store
    describer: Describer
    folder: Path  # the state folder every part was read from (kg.publish.state)

    @property
    def base(self) -> str:
        return self.describer.iris.base

    def article_iri(self, ref: str) -> str:
        """The IRI of the article an id, IRI, url or file name refers to."""
        found = self.manifest.find(ref)
        if found is None or not found[1].get("iri"):
            known = ", ".join(sorted(self.manifest.articles)[:5])
            more = ", …" if len(self.manifest.articles) > 5 else ""
            raise ConfigError(
                f"no article {ref!r} in {self.data / 'manifest.json'} "
                f"(ids: {known}{more}; an IRI or url works too)"
            )
        return str(found[1]["iri"])


def open_published(data: Path, state: PublishedState | None = None) -> Published:
    """The manifest and store of the build in ``data`` (read-only, both of one state), or
    of ``state`` when the caller has it open already."""
    state = state or open_state(data)
    store = state.store
    if not store.has_union():
        raise StoreError(
            f"the store in {data} was written by an older kg (no union graph): "
            f"run `kg build … --out {data}` again"
        )
    iris = Iris(state.manifest.base_iri or Iris().base)
    return Published(data, state.manifest, store, Describer(store, iris), state.folder)
