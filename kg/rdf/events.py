"""Events → RDF, through the ``event_mapper`` hook of :func:`kg.rdf.mapping.article_graph`.

Each event an article reports becomes, in that article's graph::

    <event> a schema:Event ; schema:name "Putin–Kim summit in Vladivostok" ;
        schema:additionalType kgt:meeting ; schema:startDate "2019-04-25"^^xsd:date ;
        schema:location <place> ; schema:attendee <person> … ;
        schema:organizer <person> ;                # the role schema.org has, where it has one
        schema:subjectOf <article> ; prov:wasDerivedFrom <article#char=s,e> .
    <article> schema:about <event> .          # the event it leads with; else schema:mentions
    <article#char=s,e> a nif:Sentence ; nif:beginIndex s ; nif:endIndex e ; nif:anchorOf "…" .

Name, type, date and place are the event's corpus-wide values (the same in every
graph that reports it); attendees and sentences are this article's. The event
type's concept is described from kg's SKOS scheme (kg/data/event-types.ttl), so
every graph is self-contained.

Where schema.org has an Event subtype for kg's type (a match is a SportsEvent),
the event has both classes, so a consumer that knows only schema:Event finds it.
Every participant is an attendee; those who acted also get the role property
schema.org gives them (organizer, performer), and the people in a match are its
competitors. schema:startDate is a day (xsd:date) — its range is Date or
DateTime — and a date the text gives only to the month or year is
kg:startPeriod (xsd:gYearMonth / xsd:gYear) instead.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import SKOS
from rdflib.term import Node

from kg.link.events import EventIndex, PublishedEvent
from kg.link.iris import chars_iri
from kg.model import Article
from kg.rdf.mapping import (
    Builder,
    EventMapper,
    date_literal,
    describe_entity,
    integer_literal,
    source_node,
    typed,
)
from kg.rdf.namespaces import KG, KGT, NIF, PROV, RDF, SCHEMA, XSD

SCHEME_FILE = "event-types.ttl"
# schema.org's own Event subtypes for kg's types, where one fits.
SCHEMA_CLASS = {
    "sports_match": SCHEMA.SportsEvent,
    "acquisition": SCHEMA.BusinessEvent,
    "earnings": SCHEMA.BusinessEvent,
    "market_move": SCHEMA.BusinessEvent,
    "launch": SCHEMA.BusinessEvent,
    "release": SCHEMA.PublicationEvent,
    "ceremony": SCHEMA.SocialEvent,
}
# The role property of the attendees who acted, where schema.org has one for the type.
AGENT_ROLE = {
    "announcement": SCHEMA.organizer,
    "protest": SCHEMA.organizer,
    "strike": SCHEMA.organizer,
    "launch": SCHEMA.organizer,
    "investigation": SCHEMA.organizer,
    "ceremony": SCHEMA.organizer,
    "release": SCHEMA.performer,
}


@lru_cache(maxsize=1)
def scheme() -> Graph:
    """kg's event-type scheme (with the CAMEO codes it matches), parsed once."""
    text = resources.files("kg").joinpath("data", SCHEME_FILE).read_text(encoding="utf-8")
    return Graph().parse(data=text, format="turtle")


def scheme_bytes() -> bytes:
    """The scheme's Turtle file as shipped, for publishing next to the graph."""
    return resources.files("kg").joinpath("data", SCHEME_FILE).read_bytes()


def concept_keys() -> list[str]:
    """The local names of kg's event-type concepts."""
    ns = str(KGT)
    return sorted(
        str(c)[len(ns) :]
        for c in scheme().subjects(SKOS.inScheme, URIRef(ns))
        if str(c).startswith(ns)
    )


@lru_cache(maxsize=64)
def concept_triples(key: str) -> tuple[tuple[Node, Node, Node], ...]:
    """The concept's description: its own triples, its scheme's label, its CAMEO matches."""
    g = scheme()
    concept = KGT[key]
    out: list[tuple[Node, Node, Node]] = [(concept, p, o) for p, o in g.predicate_objects(concept)]
    if not out:
        raise KeyError(f"{key!r} is not a concept of kg's event-type scheme")
    scheme_iri = URIRef(str(KGT))
    out += [
        (scheme_iri, p, o) for p, o in g.predicate_objects(scheme_iri) if p != SKOS.hasTopConcept
    ]
    for match in (*g.objects(concept, SKOS.closeMatch), *g.objects(concept, SKOS.relatedMatch)):
        out += [(match, p, o) for p, o in g.predicate_objects(match)]
        cameo = g.value(match, SKOS.inScheme)
        if cameo is not None:
            out += [(cameo, p, o) for p, o in g.predicate_objects(cameo)]
    return tuple(out)


def start_date_triple(node: URIRef, value: str) -> tuple[URIRef, URIRef, ox.Literal]:
    """schema:startDate for a day or a time; kg:startPeriod (xsd:gYear or xsd:gYearMonth)
    for a date known only to its year or month, which is outside startDate's range."""
    if len(value) == 4:
        return node, KG.startPeriod, typed(value, XSD.gYear)
    if len(value) == 7:
        return node, KG.startPeriod, typed(value, XSD.gYearMonth)
    return node, SCHEMA.startDate, date_literal(value)


def event_mapper(index: EventIndex) -> EventMapper:
    """The ``event_mapper`` for article_graph that writes the events ``index`` gives."""

    def map_events(b: Builder, article: Article) -> None:
        for event in index.for_article(article.id):
            _event(b, event)

    return map_events


def _roles(b: Builder, node: URIRef, event: PublishedEvent) -> None:
    if event.type == "sports_match":  # a competitor is a Person or a SportsTeam
        for i in event.attendees:
            # the type linking settled on across articles, which the node is published with
            if b.linker.entity(b.article.entities[i]).type == "Person":
                b.add(node, SCHEMA.competitor, b.ref(i))
    role = AGENT_ROLE.get(event.type)
    if role is not None:
        for i in event.agents:
            b.add(node, role, b.ref(i))


def _event(b: Builder, event: PublishedEvent) -> None:
    add, article = b.add, b.subject
    node = URIRef(event.iri)
    add(node, RDF.type, SCHEMA.Event)
    if event.type in SCHEMA_CLASS:
        add(node, RDF.type, SCHEMA_CLASS[event.type])
    add(node, SCHEMA.name, event.name)
    add(node, SCHEMA.additionalType, KGT[event.type])
    for s, p, o in concept_triples(event.type):
        add(s, p, o)  # type: ignore[arg-type]
    if event.start_date:
        add(*start_date_triple(node, event.start_date))
    if event.location is not None:
        add(node, SCHEMA.location, describe_entity(b, event.location))
    for i in event.attendees:
        add(node, SCHEMA.attendee, b.ref(i))
    _roles(b, node, event)
    for i in event.about:
        add(node, SCHEMA.about, b.ref(i))
    add(node, SCHEMA.subjectOf, article)
    add(article, SCHEMA.about if event.main else SCHEMA.mentions, node)
    context = source_node(b)
    for span, text in zip(event.sentences, event.sentence_texts, strict=True):
        sentence = URIRef(chars_iri(article, span.start, span.end))
        add(sentence, RDF.type, NIF.Sentence)
        add(sentence, NIF.beginIndex, integer_literal(span.start))
        add(sentence, NIF.endIndex, integer_literal(span.end))
        add(sentence, NIF.anchorOf, text)
        add(sentence, NIF.referenceContext, context)
        add(node, PROV.wasDerivedFrom, sentence)
