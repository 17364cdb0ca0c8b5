"""JSON-LD in the style of the web: compact, schema.org terms, `@graph`, `@id` references.

kg writes JSON-LD itself (pyoxigraph writes only expanded form; rdflib's compaction
is slow), following the official schema.org context exactly: terms the context
coerces to IRIs get plain strings, every other IRI an {"@id"} object, and every
typed literal an explicit {"@value", "@type"} object, because the context
coerces dates to schema:Date, which is not the xsd:date kg publishes. Expanding
the output with the official context gives back exactly kg's triples.

What kg writes carries its context inline: schema.org's own definitions of the
terms kg uses (kg/rdf/context.jsonld, cut from the official context) and kg's
prefixes, so a reader needs nothing from the network. Only the block kg embeds in
web pages says ``"@context": "https://schema.org"``, as search engines expect.

Reading never fetches a context: "https://schema.org" is resolved from the
offline copy of the terms kg uses; any other remote context is refused unless
the caller allows it.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from typing import Any

import pyoxigraph as ox
from rdflib import Graph

from kg.errors import DataError
from kg.rdf.namespaces import ITSRDF, KG, KGT, NIF, RDF, SCHEMA, XSD

SCHEMA_CONTEXT_URLS = {
    "https://schema.org",
    "https://schema.org/",
    "http://schema.org",
    "http://schema.org/",
    "https://schema.org/docs/jsonldcontext.json",
    "https://schema.org/docs/jsonldcontext.jsonld",
}
EXTRA_PREFIXES = {"nif": str(NIF), "itsrdf": str(ITSRDF), "kg": str(KG), "kgt": str(KGT)}
_SCHEMA = str(SCHEMA)
_RDF_TYPE = str(RDF.type)
_XSD_STRING = str(XSD.string)
_XSD_INTEGER = str(XSD.integer)
_CANONICAL_INT = re.compile(r"-?(?:0|[1-9][0-9]{0,15})")

Triple = tuple[ox.NamedNode | ox.BlankNode, ox.NamedNode, ox.NamedNode | ox.BlankNode | ox.Literal]


@lru_cache(maxsize=1)
def schema_context() -> dict[str, Any]:
    """The offline schema.org context (kg's terms, definitions as in the official one)."""
    text = resources.files("kg").joinpath("rdf", "context.jsonld").read_text(encoding="utf-8")
    return json.loads(text)["@context"]


def inline_context() -> dict[str, Any]:
    """The context kg writes: the offline schema.org terms and kg's prefixes, in one object."""
    return {**schema_context(), **EXTRA_PREFIXES}


@lru_cache(maxsize=1)
def _prefixes() -> list[tuple[str, str]]:
    ctx = schema_context()
    pairs = [(k, v) for k, v in ctx.items() if isinstance(v, str) and v.endswith(("/", "#"))]
    pairs += list(EXTRA_PREFIXES.items())
    return sorted(((p, ns) for p, ns in pairs if p != "schema"), key=lambda x: -len(x[1]))


@lru_cache(maxsize=1)
def _iri_terms() -> frozenset[str]:
    ctx = schema_context()
    return frozenset(k for k, v in ctx.items() if isinstance(v, dict) and v.get("@type") == "@id")


@lru_cache(maxsize=1)
def _coerced_terms() -> frozenset[str]:
    ctx = schema_context()
    return frozenset(k for k, v in ctx.items() if isinstance(v, dict) and "@type" in v)


@lru_cache(maxsize=65536)
def compact_iri(iri: str, vocab: bool) -> str:
    """schema.org terms as bare terms (vocab position), known namespaces as CURIEs."""
    if vocab and iri.startswith(_SCHEMA) and iri[len(_SCHEMA) :].isalnum():
        return iri[len(_SCHEMA) :]
    for prefix, ns in _prefixes():
        if iri.startswith(ns) and len(iri) > len(ns):
            local = iri[len(ns) :]
            if "/" not in local and "#" not in local:
                return f"{prefix}:{local}"
    return iri


def _value(term: str, obj: ox.NamedNode | ox.BlankNode | ox.Literal) -> Any:
    if isinstance(obj, ox.NamedNode):
        return obj.value if term in _iri_terms() else {"@id": obj.value}
    if isinstance(obj, ox.BlankNode):
        return {"@id": f"_:{obj.value}"}
    datatype = obj.datatype.value
    if obj.language:
        return {"@value": obj.value, "@language": obj.language}
    if datatype == _XSD_STRING:
        return {"@value": obj.value} if term in _coerced_terms() else obj.value
    if (
        datatype == _XSD_INTEGER
        and term not in _coerced_terms()
        and _CANONICAL_INT.fullmatch(obj.value)
    ):
        return int(obj.value)  # a JSON integer expands to exactly this xsd:integer
    return {"@value": obj.value, "@type": compact_iri(datatype, vocab=False)}


def node_object(subject: str, pairs: Iterable[tuple[str, Any]]) -> dict[str, Any]:
    """One compact node object from (predicate IRI, object term) pairs of one subject."""
    node: dict[str, Any] = {"@id": subject}
    types: list[str] = []
    values: dict[str, list[Any]] = {}
    for predicate, obj in pairs:
        if predicate == _RDF_TYPE and isinstance(obj, ox.NamedNode):
            types.append(compact_iri(obj.value, vocab=True))
            continue
        term = compact_iri(predicate, vocab=True)
        values.setdefault(term, []).append(_value(term, obj))
    if types:
        types.sort()
        node["@type"] = types[0] if len(types) == 1 else types
    for term in sorted(values):
        items = sorted(values[term], key=_sort_key)
        node[term] = items[0] if len(items) == 1 else items
    return node


def _sort_key(value: Any) -> tuple[str, str]:
    if isinstance(value, dict):
        return ("1", "\x00".join(f"{k}={value[k]}" for k in sorted(value)))
    return ("0", str(value))


def group_by_subject(triples: Iterable[Triple]) -> Iterator[tuple[str, list[tuple[str, Any]]]]:
    """Runs of triples with the same subject, in the order given."""
    current: str | None = None
    pairs: list[tuple[str, Any]] = []
    for s, p, o in triples:
        subject = s.value if isinstance(s, ox.NamedNode) else f"_:{s.value}"
        if subject != current:
            if current is not None:
                yield current, pairs
            current, pairs = subject, []
        pairs.append((p.value, o))
    if current is not None:
        yield current, pairs


def dumps(triples: Iterable[Triple], context: Any = None) -> str:
    """A JSON-LD document with an @graph of the triples' subjects (sorted for stable bytes)."""
    ordered = sorted(triples, key=lambda t: (t[0].value, t[1].value, str(t[2])))
    buf = io.StringIO()
    write_stream(ordered, buf, context)
    return buf.getvalue()


_NODE = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))


def write_stream(triples: Iterable[Triple], out: Any, context: Any = None) -> None:
    """Write a JSON-LD document one node object per line (streams corpus-sized exports).

    One line per node keeps the file readable and diffable, and lets the C JSON
    encoder do the work (an indented dump would run the pure-Python one).
    """
    out.write('{"@context": ' + _NODE.encode(context or inline_context()) + ',\n "@graph": [')
    first = True
    for subject, pairs in group_by_subject(triples):
        out.write(("\n  " if first else ",\n  ") + _NODE.encode(node_object(subject, pairs)))
        first = False
    out.write("\n ]}\n")


# -- reading -----------------------------------------------------------------------


def resolve_contexts(data: Any, allow_remote: bool = False) -> Any:
    """Replace schema.org context references with the offline copy; refuse other remote ones."""
    if isinstance(data, list):
        return [resolve_contexts(d, allow_remote) for d in data]
    if not isinstance(data, dict):
        return data
    out = {}
    for key, value in data.items():
        if key == "@context":
            out[key] = _resolve_context_value(value, allow_remote)
        else:
            out[key] = resolve_contexts(value, allow_remote)
    return out


def _resolve_context_value(value: Any, allow_remote: bool) -> Any:
    if isinstance(value, list):
        return [_resolve_context_value(v, allow_remote) for v in value]
    if isinstance(value, str):
        if value.rstrip("/") in {u.rstrip("/") for u in SCHEMA_CONTEXT_URLS}:
            return schema_context()
        if not allow_remote:
            raise DataError(
                f"remote JSON-LD @context {value!r} is not fetched (kg works offline); "
                "only schema.org's context is known"
            )
    return value


def parse(text: str, base: str | None = None, allow_remote: bool = False) -> Graph:
    """An rdflib Graph from JSON-LD text, contexts resolved offline."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise DataError(f"not JSON: {e.msg} at line {e.lineno} column {e.colno}") from e
    graph = Graph()
    graph.parse(data=json.dumps(resolve_contexts(data, allow_remote)), format="json-ld", base=base)
    return graph
