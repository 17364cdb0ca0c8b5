"""JSON-LD for a web page: the `@graph` search engines and CMS plugins use, and a safe <script>.

For one article: the NewsArticle with its headline, dates, authors, publisher,
image, mainEntityOfPage, places, organisations and events, each described once
and cross-referenced by ``@id``, with ``"@context": "https://schema.org"``. Every
triple comes from the store (the union kg.ttl is written from), selected by
property, and is written by kg's own JSON-LD node writer.

The block is written the way search engines read article markup (Google's Article
structured data), which differs from kg.jsonld in three ways, none of which adds a
fact: dates are plain ISO 8601 strings ("2019-04-25", "2019-04-25T08:00:00+08:00"),
which schema.org's context reads as schema:Date values with the same lexical form
as kg.ttl's xsd:date / xsd:dateTime; the article's images, authors and publisher
are written inside the article's node (an image as an ImageObject with its ``url``;
an image kg knows no URL of is left out, since a search engine would take its IRI
for one); and a node with several schema.org types keeps only the most specific.
So expanding the block gives triples that are in kg.ttl once schema:Date is read
as the xsd type of the same value.

The <script> element is safe in any HTML page: ``<``, ``>`` and ``&`` inside the
JSON are written as ``\\u003c``, ``\\u003e``, ``\\u0026`` (and every non-ASCII
character as a ``\\u`` escape), so no article text can end the element, open a
comment or depend on the page's encoding.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import pyoxigraph as ox

from kg.rdf import formats
from kg.rdf.jsonld import Triple, group_by_subject, node_object, schema_context
from kg.rdf.namespaces import RDF, SCHEMA
from kg.web.describe import Describer, Published, schema_only

PAGE_CONTEXT = "https://schema.org"
MARKER = "data-kg"  # the attribute that marks kg's block in a page, so it can be replaced
MARKER_VALUE = "jsonld"

# The block carries what kg publishes about the article and the nodes it links to (so
# a property the mapping starts to emit reaches pages with no list to update), except:
# the text and the reader comments, which the page itself shows (articleBody only on
# request), and, on linked nodes, what belongs to their own pages rather than to this
# article's markup: links back to other articles, what an event is about, nationality,
# and the provenance of the software.
ARTICLE_OMITS = frozenset(SCHEMA[p] for p in ("articleBody", "comment", "commentCount"))
NODE_OMITS = frozenset(
    SCHEMA[p] for p in ("subjectOf", "about", "nationality", "text", "softwareVersion")
)
_TYPE = ox.NamedNode(str(RDF.type))
_BODY = ox.NamedNode(str(SCHEMA.articleBody))
_FOLLOW_DEPTH = 2  # the article's entities, and what they point at (an event's place)
NESTED = ("image", "author", "publisher")  # written inside the article's node
_XSD_DATES = ("xsd:date", "xsd:dateTime")
# When a node has several schema.org types (a place one source typed City and another
# left a Place), the first of these it has wins; else the first in alphabetical order.
_MOST_SPECIFIC = ("City", "Country", "AdministrativeArea", "Organization", "Person")


def article_triples(describer: Describer, article_iri: str, body: bool = False) -> list[Triple]:
    """The triples of an article's page block (see the module docstring), from the store."""
    article_omits = {ox.NamedNode(str(p)) for p in ARTICLE_OMITS}
    if body:
        article_omits.discard(_BODY)
    node_omits = {ox.NamedNode(str(p)) for p in NODE_OMITS}
    own_graph = describer.iris.graph_of(article_iri)
    nested = {ox.NamedNode(str(SCHEMA[term])) for term in NESTED}
    out: list[Triple] = []
    seen = {article_iri}
    # (IRI, depth, graph): the article's images, authors and publisher as its own graph
    # describes them (the union would give a publisher every logo any source gave it).
    frontier: list[tuple[str, int, str | None]] = [(article_iri, 0, None)]
    while frontier:
        iri, depth, graph = frontier.pop(0)
        omitted = article_omits if iri == article_iri else node_omits
        triples = describer.outgoing(iri, graph)
        if iri == article_iri:  # its own images and agents first, from its own graph
            triples.sort(key=lambda t: t[1] not in nested)
        for s, p, o in schema_only(triples):
            if p in omitted:
                continue
            out.append((s, p, o))
            if isinstance(o, ox.NamedNode) and o.value not in seen and p != _TYPE:
                fragment = o.value.startswith(iri + "#")
                if (fragment or depth < _FOLLOW_DEPTH) and describer.exists(o.value):
                    seen.add(o.value)
                    inside = own_graph if iri == article_iri and p in nested else graph
                    frontier.append((o.value, depth if fragment else depth + 1, inside))
    return out


def page_graph(triples: Iterable[Triple], first: str | None = None) -> dict[str, Any]:
    """``{"@context": "https://schema.org", "@graph": [...]}``, ``first``'s node first,
    written for search engines (see the module docstring)."""
    ordered = sorted(triples, key=lambda t: (t[0].value, t[1].value, str(t[2])))
    nodes = [_for_search(node_object(s, pairs)) for s, pairs in group_by_subject(ordered)]
    nodes.sort(key=lambda n: (n["@id"] != first, n["@id"]))
    if nodes and nodes[0]["@id"] == first:
        nodes = _nest(nodes)
    return {"@context": PAGE_CONTEXT, "@graph": nodes}


def _for_search(node: dict[str, Any]) -> dict[str, Any]:
    """One @type, and dates as the plain strings search engines expect."""
    types = node.get("@type")
    if isinstance(types, list):
        node["@type"] = next((t for t in _MOST_SPECIFIC if t in types), types[0])
    coerced = schema_context()
    for term, value in node.items():
        definition = coerced.get(term)
        if isinstance(definition, dict) and definition.get("@type") in ("Date", "DateTime"):
            node[term] = _plain_dates(value)
    return node


def _plain_dates(value: Any) -> Any:
    if isinstance(value, list):
        return [_plain_dates(v) for v in value]
    if isinstance(value, dict) and value.get("@type") in _XSD_DATES:
        return value["@value"]
    return value


def _nest(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The first node's images, authors and publisher written inside it; an image with no
    URL left out (its fragment IRI is not an image a search engine could fetch)."""
    article, by_id = nodes[0], {n["@id"]: n for n in nodes[1:]}
    nested: set[str] = set()
    for term in NESTED:
        values = article.get(term)
        if values is None:
            continue
        kept = []
        for value in values if isinstance(values, list) else [values]:
            iri = value if isinstance(value, str) else value.get("@id")
            node = by_id.get(iri)
            if term == "image" and (
                node is None or not (node.get("url") or node.get("contentUrl"))
            ):
                nested.add(iri)
                continue
            kept.append(node if node is not None else value)
            nested.add(iri)
        if kept:
            article[term] = kept[0] if len(kept) == 1 else kept
        else:
            del article[term]
    return [article, *(n for n in nodes[1:] if n["@id"] not in nested)]


def article_jsonld(describer: Describer, article_iri: str, body: bool = False) -> dict[str, Any]:
    """The JSON-LD document of an article's page block."""
    return page_graph(article_triples(describer, article_iri, body), first=article_iri)


def script_json(doc: dict[str, Any]) -> str:
    """JSON text that is safe inside <script>: no <, >, &, U+2028/9 or non-ASCII as such."""
    text = json.dumps(doc, indent=2, ensure_ascii=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


JSONLD = formats.get("jsonld").media_type


def script_element(doc: dict[str, Any]) -> str:
    """The marked ``<script type="application/ld+json">`` element holding ``doc``."""
    return f'<script type="{JSONLD}" {MARKER}="{MARKER_VALUE}">\n{script_json(doc)}\n</script>'


def article_document(published: Published, ref: str, body: bool = False) -> dict[str, Any]:
    """The block's JSON-LD document of the article ``ref`` (id, IRI, url) names."""
    return article_jsonld(published.describer, published.article_iri(ref), body)


def article_script(published: Published, ref: str, body: bool = False) -> str:
    """The <script> element of the article ``ref`` (id, IRI, url) names."""
    return script_element(article_document(published, ref, body))
