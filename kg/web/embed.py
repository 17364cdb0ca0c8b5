"""JSON-LD for a web page: the `@graph` search engines and CMS plugins use, and a safe <script>.

For one article: the NewsArticle with its headline, dates, authors, publisher,
image, mainEntityOfPage, places, organisations and events, each described once
and cross-referenced by ``@id``, with ``"@context": "https://schema.org"``. Every
triple comes from the store (the union kg.ttl is written from), selected by
property, and is written by kg's own JSON-LD node writer, so expanding the block
with the official schema.org context gives back triples that are all in kg.ttl.

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
from kg.rdf.jsonld import Triple, group_by_subject, node_object
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


def article_triples(describer: Describer, article_iri: str, body: bool = False) -> list[Triple]:
    """The triples of an article's page block (see the module docstring), from the store."""
    article_omits = {ox.NamedNode(str(p)) for p in ARTICLE_OMITS}
    if body:
        article_omits.discard(_BODY)
    node_omits = {ox.NamedNode(str(p)) for p in NODE_OMITS}
    out: list[Triple] = []
    seen = {article_iri}
    frontier = [(article_iri, 0)]
    while frontier:
        iri, depth = frontier.pop(0)
        omitted = article_omits if iri == article_iri else node_omits
        for s, p, o in schema_only(describer.outgoing(iri)):
            if p in omitted:
                continue
            out.append((s, p, o))
            if isinstance(o, ox.NamedNode) and o.value not in seen and p != _TYPE:
                fragment = o.value.startswith(iri + "#")
                if (fragment or depth < _FOLLOW_DEPTH) and describer.exists(o.value):
                    seen.add(o.value)
                    frontier.append((o.value, depth if fragment else depth + 1))
    return out


def page_graph(triples: Iterable[Triple], first: str | None = None) -> dict[str, Any]:
    """``{"@context": "https://schema.org", "@graph": [...]}``, ``first``'s node first."""
    ordered = sorted(triples, key=lambda t: (t[0].value, t[1].value, str(t[2])))
    nodes = [node_object(s, pairs) for s, pairs in group_by_subject(ordered)]
    nodes.sort(key=lambda n: (n["@id"] != first, n["@id"]))
    return {"@context": PAGE_CONTEXT, "@graph": nodes}


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


def article_script(published: Published, ref: str, body: bool = False) -> str:
    """The <script> element of the article ``ref`` (id, IRI, url) names."""
    iri = published.article_iri(ref)
    return script_element(article_jsonld(published.describer, iri, body))
