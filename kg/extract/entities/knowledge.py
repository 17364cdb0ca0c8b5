"""What a newsroom already knows: an authority file of entities and EntityRuler patterns.

* ``--authority FILE``: known entities, as CSV (columns ``id,type,name`` and
  optional ``aliases`` and ``same_as``, both "|"-separated) or Turtle (nodes
  typed schema:Person / schema:Organization / schema:Place or a subclass, with
  schema:name or rdfs:label or skos:prefLabel, alternateName / altLabel, and
  schema:sameAs / owl:sameAs). ``id`` is an IRI or a Wikidata id ("Q7747").
  A Wikidata id only becomes ``sameAs``; any other IRI is the newsroom's own
  and names the entity's node in the graph.
* ``--patterns FILE``: spaCy EntityRuler patterns, one JSON object a line,
  ``{"label": "ORG", "pattern": "Acme"}`` or a token pattern
  ``{"label": "PERSON", "pattern": [{"LOWER": "jane"}, {"LOWER": "doe"}]}``;
  an ``"id"`` equal to an authority entry's id makes the match that entry.
  Token patterns can use the attributes the pipeline sets (ORTH, TEXT, LOWER,
  SHAPE, IS_* flags, DEP, ENT_TYPE), not POS, TAG or LEMMA: kg does not run the
  tagger.

Names that match become mentions of that entity and win over the model.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.errors import ConfigError
from kg.extract.entities.found import Found
from kg.lexicon.gazetteer import fold
from kg.model import Entity, EntityType

WIKIDATA = "http://www.wikidata.org/entity/"
_QID = re.compile(r"^Q[1-9]\d*$")
_TYPE_NAMES: dict[str, EntityType] = {
    "person": "Person",
    "per": "Person",
    "organization": "Organization",
    "organisation": "Organization",
    "org": "Organization",
    "place": "Place",
    "gpe": "Place",
    "loc": "Place",
    "fac": "Place",
    "location": "Place",
    "country": "Place",
    "city": "Place",
    "administrativearea": "Place",
    "corporation": "Organization",
    "newsmediaorganization": "Organization",
    "governmentorganization": "Organization",
    "sportsteam": "Organization",
    "sportsorganization": "Organization",
}


@dataclass(frozen=True)
class KnownEntity:
    """One authority entry."""

    type: EntityType
    name: str
    aliases: tuple[str, ...] = ()
    iri: str | None = None  # the newsroom's own IRI for it, used as the node's IRI
    same_as: tuple[str, ...] = ()
    id: str = ""


@dataclass
class Knowledge:
    """Authority entries and patterns, with matchers built once per spaCy vocabulary."""

    entries: list[KnownEntity] = field(default_factory=list)
    patterns: list[dict[str, Any]] = field(default_factory=list)
    digest: str = ""
    _bound: dict[int, tuple[PhraseMatcher, Matcher]] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, authority: Path | None = None, patterns: Path | None = None) -> Knowledge:
        """Read the files; ConfigError when one cannot be read or parsed."""
        h = hashlib.sha256()
        entries: list[KnownEntity] = []
        rules: list[dict[str, Any]] = []
        if authority is not None:
            data = _read(authority)
            h.update(b"authority\x00" + data)
            entries = read_authority(data.decode("utf-8", "replace"), authority)
        if patterns is not None:
            data = _read(patterns)
            h.update(b"patterns\x00" + data)
            rules = read_patterns(data.decode("utf-8", "replace"), patterns)
        return cls(entries, rules, h.hexdigest()[:16] if entries or rules else "")

    def __getstate__(self) -> dict[str, Any]:
        """Matchers belong to one process's pipeline: a copy sent elsewhere binds anew."""
        state = dict(self.__dict__)
        state["_bound"] = {}
        return state

    def entity(self, index: int) -> Entity:
        """A fresh Entity record of authority entry ``index``."""
        e = self.entries[index]
        return Entity(type=e.type, name=e.name, same_as=list(e.same_as), authority_iri=e.iri)

    def bind(self, nlp: Language) -> tuple[PhraseMatcher, Matcher]:
        """Matchers over ``nlp``'s vocabulary (built on first use)."""
        key = id(nlp.vocab)
        if key not in self._bound:
            self._bound[key] = self._matchers(nlp)
        return self._bound[key]

    def _matchers(self, nlp: Language) -> tuple[PhraseMatcher, Matcher]:
        phrases = PhraseMatcher(nlp.vocab, attr="ORTH")
        tokens = Matcher(nlp.vocab)
        ids = {e.id: i for i, e in enumerate(self.entries) if e.id}
        for i, e in enumerate(self.entries):
            names = sorted({e.name, *e.aliases})
            phrases.add(f"A{i}", [nlp.make_doc(n) for n in names])
        for n, p in enumerate(self.patterns):
            kind = _entity_type(str(p["label"]))
            known = ids.get(str(p.get("id", "")), -1)
            label = f"A{known}" if known >= 0 else f"P{n}:{kind}"
            if isinstance(p["pattern"], str):
                phrases.add(label, [nlp.make_doc(p["pattern"])])
            else:
                tokens.add(label, [p["pattern"]])
        return phrases, tokens

    def matches(self, doc: Doc) -> list[tuple[int, int, EntityType, int]]:
        """(start, end, type, entry index or -1) of every longest match in ``doc``."""
        bound = self._bound.get(id(doc.vocab))
        if bound is None:
            raise ConfigError("the knowledge is not bound to this pipeline: call bind(nlp)")
        phrases, tokens = bound
        # An empty matcher warns on every call, so only matchers with patterns run.
        matched = [m for matcher in (phrases, tokens) if len(matcher) for m in matcher(doc)]
        spans = [Span(doc, start, end, label=match_id) for match_id, start, end in matched]
        out: list[tuple[int, int, EntityType, int]] = []
        for span in filter_spans(spans):
            label = span.label_
            if label.startswith("A"):
                i = int(label[1:])
                out.append((span.start_char, span.end_char, self.entries[i].type, i))
            else:
                out.append((span.start_char, span.end_char, label.split(":", 1)[1], -1))  # type: ignore[arg-type]
        return out


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as e:
        raise ConfigError(f"cannot read {path}: {e.strerror or e}") from e


def _entity_type(value: str) -> EntityType:
    word = value.rsplit("/", 1)[-1].rsplit("#", 1)[-1].rsplit(":", 1)[-1].casefold()
    kind = _TYPE_NAMES.get(word)
    if kind is None:
        raise ConfigError(f"unknown entity type {value!r} (use Person, Organization or Place)")
    return kind


def _identity(ident: str, same_as: list[str]) -> tuple[str | None, tuple[str, ...]]:
    """(own IRI, sameAs IRIs) of an entry: Wikidata ids are sameAs, other IRIs the node."""
    ident = ident.strip()
    links = [WIKIDATA + s if _QID.match(s) else s for s in (x.strip() for x in same_as) if s]
    if _QID.match(ident):
        links.insert(0, WIKIDATA + ident)
        return None, tuple(dict.fromkeys(links))
    if ident.startswith(WIKIDATA) or ident.startswith("https://www.wikidata.org/wiki/"):
        links.insert(0, WIKIDATA + ident.rsplit("/", 1)[-1])
        return None, tuple(dict.fromkeys(links))
    if not re.match(r"^[a-zA-Z][\w+.-]*:\S+$", ident):
        raise ConfigError(f"authority id {ident!r} is neither an IRI nor a Wikidata id")
    return ident, tuple(dict.fromkeys(x for x in links if x != ident))


def read_authority(text: str, path: Path) -> list[KnownEntity]:
    """Entries of an authority file (CSV by default, Turtle for .ttl / .turtle / .nt)."""
    if path.suffix.casefold() in (".ttl", ".turtle", ".nt", ".n3"):
        return _read_turtle(text, path)
    rows = list(csv.DictReader(io.StringIO(text)))
    if rows and not {"id", "type", "name"} <= set(rows[0]):
        raise ConfigError(f"{path}: an authority CSV needs the columns id, type, name")
    entries = []
    for n, row in enumerate(rows, start=2):
        if not (row.get("name") or "").strip():
            raise ConfigError(f"{path}:{n}: an entry needs a name")
        iri, same_as = _identity(row["id"] or "", (row.get("same_as") or "").split("|"))
        aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
        entries.append(
            KnownEntity(
                _entity_type(row["type"] or ""),
                row["name"].strip(),
                aliases,
                iri,
                same_as,
                row["id"].strip(),
            )
        )
    return entries


_SCHEMA = ("http://schema.org/", "https://schema.org/")


def _read_turtle(text: str, path: Path) -> list[KnownEntity]:
    graph = Graph()
    try:
        graph.parse(data=text, format="nt" if path.suffix == ".nt" else "turtle")
    except Exception as e:  # rdflib raises many kinds of parse errors
        raise ConfigError(f"{path}: not Turtle: {e}") from e
    entries = []
    for node, kind in sorted(graph.subject_objects(RDF.type)):
        if not isinstance(node, URIRef) or not str(kind).startswith(_SCHEMA):
            continue
        try:
            etype = _entity_type(str(kind))
        except ConfigError:
            continue
        names = _values(graph, node, ("name",), (RDFS.label, SKOS.prefLabel))
        if not names:
            raise ConfigError(f"{path}: <{node}> has no name")
        aliases = _values(graph, node, ("alternateName",), (SKOS.altLabel,))
        same = _values(graph, node, ("sameAs",), (OWL.sameAs,))
        iri, same_as = _identity(str(node), same)
        entries.append(KnownEntity(etype, names[0], tuple(aliases), iri, same_as, str(node)))
    return entries


def _values(
    graph: Graph, node: URIRef, schema: tuple[str, ...], others: tuple[URIRef, ...]
) -> list[str]:
    preds = [URIRef(base + p) for base in _SCHEMA for p in schema] + list(others)
    return sorted({str(o) for p in preds for o in graph.objects(node, p)})


def read_patterns(text: str, path: Path) -> list[dict[str, Any]]:
    """EntityRuler patterns from JSON Lines; ConfigError on a malformed line."""
    patterns = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            p = json.loads(line)
        except ValueError as e:
            raise ConfigError(f"{path}:{n}: not JSON: {e}") from e
        if not isinstance(p, dict) or "label" not in p or "pattern" not in p:
            raise ConfigError(f'{path}:{n}: a pattern needs "label" and "pattern"')
        if not isinstance(p["pattern"], (str, list)):
            raise ConfigError(f'{path}:{n}: "pattern" must be a string or a list of tokens')
        _entity_type(str(p["label"]))
        patterns.append(p)
    return patterns


def apply_knowledge(doc: Doc, found: list[Found], knowledge: Knowledge | None) -> list[Found]:
    """Found mentions with the knowledge matches in and overlapping model spans out."""
    if knowledge is None or not (knowledge.entries or knowledge.patterns):
        return list(found)
    matched = knowledge.matches(doc)
    source = doc.text
    taken = [False] * len(source)
    out = []
    for a, b, kind, i in matched:
        for c in range(a, b):
            taken[c] = True
        text = source[a:b]
        origin = "authority" if i >= 0 else "pattern"
        key_ = fold(knowledge.entries[i].name) if i >= 0 else fold(text)
        out.append(Found(a, b, text, kind, key_, origin=origin, known=i))
    out.extend(f for f in found if not any(taken[f.start : f.end]))
    return out
