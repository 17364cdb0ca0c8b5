"""Articles → RDF. The only module that knows both kg's records and the vocabulary.

One rdflib Graph per article (published as the named graph <base>graph/article/<id>):
the NewsArticle, every Person / Place / Organization it names (described as the
corpus-wide entity, so each article graph is self-contained and valid on its
own), its events, the mentions with their offsets (NIF), and the provenance of the
graph: the text kg analysed, published as the nif:Context the offsets count into
so that anyone can check every mention against it, and the source, named by its
URL or by its file name (never by a local path).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.term import Node

from kg import __version__
from kg.lexicon.gazetteer import gazetteer
from kg.link.agents import AgentDirectory, is_site_name
from kg.link.iris import (
    Iris,
    chars_iri,
    comment_iri,
    geo_iri,
    geonames_iri,
    image_iri,
    source_iri,
)
from kg.link.merge import Linker, Ref
from kg.model import Agent, Article, Entity, GeoPlace
from kg.rdf.convert import graph_from, term
from kg.rdf.jsonld import Triple
from kg.rdf.namespaces import ITSRDF, KG, KG_SOFTWARE, NIF, PROV, RDF, SCHEMA, XSD

_PLACE_CLASS = {
    "Country": SCHEMA.Country,
    "City": SCHEMA.City,
    "AdministrativeArea": SCHEMA.AdministrativeArea,
    "Place": SCHEMA.Place,
}
_ABOUT_MAX = 3

EventMapper = Callable[["_Builder", Article], None]


# Typed literals are written in their canonical lexical form, the form Oxigraph stores,
# and rdflib is told not to rewrite them (it would turn "Z" into "+00:00"), so the files
# kg writes, the store and every serialisation carry exactly the same terms.


def typed(lexical: str, datatype: URIRef) -> ox.Literal:
    return ox.Literal(lexical, datatype=term(datatype))  # type: ignore[arg-type]


def date_literal(value: str) -> ox.Literal:
    """xsd:date for a calendar date, xsd:dateTime when there is a time (canonical already)."""
    return typed(value, XSD.dateTime if "T" in value else XSD.date)


def decimal_literal(value: float, places: int = 5) -> ox.Literal:
    """Canonical xsd:decimal ("43.1", "43", never "43.10000")."""
    return typed(format(Decimal(str(round(value, places))).normalize(), "f"), XSD.decimal)


def integer_literal(value: int) -> ox.Literal:
    return typed(str(int(value)), XSD.integer)


def timestamp(epoch: float) -> ox.Literal:
    when = datetime.fromtimestamp(int(epoch), tz=UTC).isoformat().replace("+00:00", "Z")
    return typed(when, XSD.dateTime)


@dataclass
class _Builder:
    """Collects an article's triples as pyoxigraph terms (cheap; rdflib only where needed)."""

    iris: Iris
    linker: Linker
    article: Article
    subject: URIRef
    triples: set[Triple] = field(default_factory=set)
    agents: AgentDirectory | None = None  # what the newsroom knows of authors, publishers

    def add(self, s: Node, p: URIRef, o: Node | ox.Literal | str | None) -> None:
        """Add a triple; rdflib or pyoxigraph terms, a str object is a plain literal."""
        if o is None or o == "":
            return
        if isinstance(o, str) and not isinstance(o, Node):
            obj: ox.NamedNode | ox.BlankNode | ox.Literal = ox.Literal(o)
        else:
            obj = term(o)
        self.triples.add((term(s), term(p), obj))  # type: ignore[arg-type]

    def ref(self, index: int) -> URIRef:
        return URIRef(self.linker.entity(self.article.entities[index]).iri)


# The public name of the builder an event mapper receives.
Builder = _Builder


def describe_entity(b: _Builder, entity: Entity) -> URIRef:
    """Describe an entity (of any article) in the graph being built; its IRI."""
    return _entity(b, entity)


def article_triples(
    article: Article,
    iris: Iris,
    linker: Linker,
    generated_at: float,
    event_mapper: EventMapper | None = None,
    *,
    agents: AgentDirectory | None = None,
) -> list[Triple]:
    """The named graph of one article (see the module docstring), sorted."""
    b = _Builder(iris, linker, article, URIRef(iris.article(article.id)), agents=agents)
    _article(b)
    _entities(b)
    _mentions(b)
    if event_mapper is not None:
        event_mapper(b, article)
    _provenance(b, generated_at)
    return sorted(b.triples, key=lambda t: (t[0].value, t[1].value, str(t[2])))


def article_graph(
    article: Article,
    iris: Iris,
    linker: Linker,
    generated_at: float,
    event_mapper: EventMapper | None = None,
    *,
    agents: AgentDirectory | None = None,
) -> Graph:
    """article_triples as an rdflib Graph (for tests and small-graph work)."""
    return graph_from(
        article_triples(article, iris, linker, generated_at, event_mapper, agents=agents)
    )


def _article(b: _Builder) -> None:
    a, s = b.article, b.subject
    b.add(s, RDF.type, SCHEMA.NewsArticle)
    b.add(s, SCHEMA.identifier, a.id)
    b.add(s, SCHEMA.headline, a.headline)
    b.add(s, SCHEMA.articleBody, a.body)
    b.add(s, SCHEMA.description, a.description)
    b.add(s, SCHEMA.articleSection, a.section)
    b.add(s, SCHEMA.inLanguage, a.in_language)
    b.add(s, SCHEMA.dateline, a.dateline)
    if a.url:
        b.add(s, SCHEMA.url, URIRef(a.url))
        b.add(s, SCHEMA.mainEntityOfPage, URIRef(a.url))
    if a.date_published:
        b.add(s, SCHEMA.datePublished, date_literal(a.date_published))
    if a.date_modified:
        b.add(s, SCHEMA.dateModified, date_literal(a.date_modified))
    publisher = a.publisher
    if publisher is None and b.agents is not None and b.agents.publisher is not None:
        publisher = b.agents.publisher.as_agent()  # kg.toml's, for articles naming none
    for agent in a.authors:
        b.add(s, SCHEMA.author, _agent(b, _author(agent, publisher, a.url)))
    if publisher:
        b.add(s, SCHEMA.publisher, _agent(b, publisher))
    for name in a.source_organizations:
        b.add(s, SCHEMA.sourceOrganization, _organization(b, b.linker.organization(name)))
    if a.dateline_place is not None:
        b.add(s, SCHEMA.locationCreated, b.ref(a.dateline_place))
    _images(b)
    _comments(b)


def _author(agent: Agent, publisher: Agent | None, url: str | None) -> Agent:
    """An author as published: the publication itself when the byline names it ("Sky",
    "nypost.com"), which is an Organization, never a Person."""
    if not is_site_name(agent.name, publisher, url):
        return agent
    if publisher is not None:
        return publisher
    return Agent(agent.name, "Organization", agent.url, agent.same_as, agent.logo)


def _agent_ref(b: _Builder, agent: Agent) -> Ref:
    try:
        return b.linker.agent(agent)
    except KeyError:  # an agent the sources do not name (kg.toml's publisher, a site)
        return Ref(b.iris.entity(agent.type, agent.name), agent.name, agent.type)


def _agent(b: _Builder, agent: Agent) -> URIRef:
    """An author's or publisher's node, with one type: the one the linker settled on for
    its IRI across the corpus (never Person in one graph and Organization in another);
    url, sameAs and logo from the source, else from the authority file or kg.toml."""
    own_iri = None
    if b.agents is not None:
        agent, own_iri = b.agents.complete(agent)
    ref = _agent_ref(b, agent)
    node = URIRef(own_iri or ref.iri)
    person = ref.type == "Person"
    b.add(node, RDF.type, SCHEMA.Person if person else SCHEMA.Organization)
    b.add(node, SCHEMA.name, ref.name)
    if agent.url:
        b.add(node, SCHEMA.url, URIRef(agent.url))
    for same in agent.same_as:
        b.add(node, SCHEMA.sameAs, URIRef(same))
    if agent.logo and not person:
        b.add(node, SCHEMA.logo, URIRef(agent.logo))
    return node


def _organization(b: _Builder, ref: Ref) -> URIRef:
    node = URIRef(ref.iri)
    b.add(node, RDF.type, SCHEMA.Organization)
    b.add(node, SCHEMA.name, ref.name)
    return node


def _images(b: _Builder) -> None:
    for n, image in enumerate(b.article.images, start=1):
        node = URIRef(image_iri(b.subject, n))
        b.add(b.subject, SCHEMA.image, node)
        b.add(node, RDF.type, SCHEMA.ImageObject)
        b.add(node, SCHEMA.caption, image.caption)
        b.add(node, SCHEMA.creditText, image.credit)
        if image.url:
            b.add(node, SCHEMA.contentUrl, URIRef(image.url))
            b.add(node, SCHEMA.url, URIRef(image.url))


def _comments(b: _Builder) -> None:
    comments = b.article.comments
    if comments:
        b.add(b.subject, SCHEMA.commentCount, integer_literal(len(comments)))
    for n, text in enumerate(comments, start=1):
        node = URIRef(comment_iri(b.subject, n))
        b.add(b.subject, SCHEMA.comment, node)
        b.add(node, RDF.type, SCHEMA.Comment)
        b.add(node, SCHEMA.text, text)


def _entities(b: _Builder) -> None:
    counts = Counter(m.entity for m in b.article.mentions)
    for index, entity in enumerate(b.article.entities):
        node = _entity(b, entity)
        if counts[index]:
            b.add(b.subject, SCHEMA.mentions, node)
    ranked = sorted(
        (i for i, n in counts.items() if n >= 2 and b.article.entities[i].type != "Place"),
        key=lambda i: (-counts[i], i),
    )
    for index in ranked[:_ABOUT_MAX]:
        b.add(b.subject, SCHEMA.about, b.ref(index))
    places = sorted(
        (i for i, n in counts.items() if b.article.entities[i].type == "Place"),
        key=lambda i: (-counts[i], i),
    )
    if places:
        b.add(b.subject, SCHEMA.contentLocation, b.ref(places[0]))


def _entity(b: _Builder, entity: Entity) -> URIRef:
    ref = b.linker.entity(entity)
    node = URIRef(ref.iri)
    if entity.type == "Place":
        _place(b, node, ref.name, entity.geo)
    else:
        b.add(node, RDF.type, SCHEMA.Person if ref.type == "Person" else SCHEMA.Organization)
        b.add(node, SCHEMA.name, ref.name)
    names = {entity.name, *entity.alternate_names} - {ref.name}
    for name in sorted(names):
        b.add(node, SCHEMA.alternateName, name)
    if ref.type == "Person":  # job titles and nationality are said of people
        for title in entity.job_titles:
            b.add(node, SCHEMA.jobTitle, title)
        country = gazetteer().country(entity.nationality) if entity.nationality else None
        if country is not None:
            b.add(node, SCHEMA.nationality, _geo_place(b, country))
    for same in entity.same_as:
        b.add(node, SCHEMA.sameAs, URIRef(same))
    return node


def _geo_place(b: _Builder, geo: GeoPlace) -> URIRef:
    node = URIRef(b.iris.place(geo))
    _place(b, node, geo.name, geo)
    return node


def _place(b: _Builder, node: URIRef, name: str, geo: GeoPlace | None) -> None:
    b.add(node, RDF.type, _PLACE_CLASS[geo.kind] if geo else SCHEMA.Place)
    b.add(node, SCHEMA.name, name)
    if geo is None:
        return
    b.add(node, SCHEMA.sameAs, URIRef(geonames_iri(geo.geonames_id)))
    if geo.latitude is not None and geo.longitude is not None:
        point = URIRef(geo_iri(node))
        b.add(node, SCHEMA.geo, point)
        b.add(point, RDF.type, SCHEMA.GeoCoordinates)
        b.add(point, SCHEMA.latitude, decimal_literal(geo.latitude))
        b.add(point, SCHEMA.longitude, decimal_literal(geo.longitude))
    if geo.country_code and geo.kind != "Country":
        country = gazetteer().country(geo.country_code)
        if country is not None:
            b.add(node, SCHEMA.containedInPlace, _geo_place(b, country))


def source_node(b: _Builder) -> URIRef:
    return URIRef(source_iri(b.subject))


def _mentions(b: _Builder) -> None:
    """Each mention: characters [begin, end) of the article's nif:Context (its isString)."""
    context = source_node(b)
    for m in b.article.mentions:
        node = URIRef(chars_iri(b.subject, m.start, m.end))
        b.add(node, NIF.beginIndex, integer_literal(m.start))
        b.add(node, NIF.endIndex, integer_literal(m.end))
        b.add(node, NIF.anchorOf, m.text)
        b.add(node, NIF.referenceContext, context)
        b.add(node, ITSRDF.taIdentRef, b.ref(m.entity))


def _provenance(b: _Builder, generated_at: float) -> None:
    a = b.article
    graph = URIRef(b.iris.graph(a.id))
    source = source_node(b)
    # The source is a NIF context: the text kg analysed, which every mention's and
    # sentence's offsets count into (nif:isString[begin:end] is its nif:anchorOf).
    b.add(source, RDF.type, PROV.Entity)
    b.add(source, RDF.type, NIF.Context)
    b.add(source, NIF.isString, ox.Literal(a.source_text))  # even "" (a metadata-only page)
    b.add(source, NIF.beginIndex, integer_literal(0))
    b.add(source, NIF.endIndex, integer_literal(len(a.source_text)))
    if a.url:
        b.add(source, NIF.sourceUrl, URIRef(a.url))
    else:  # the file name relative to the folder given to kg build, never a local path
        b.add(source, KG.path, a.source)
    if a.source_line is not None:
        b.add(source, KG.line, integer_literal(a.source_line))
    b.add(source, KG.sha256, a.source_sha256)
    b.add(graph, RDF.type, PROV.Entity)
    b.add(graph, PROV.wasDerivedFrom, source)
    b.add(graph, PROV.generatedAtTime, timestamp(generated_at))
    software = URIRef(KG_SOFTWARE)
    b.add(graph, PROV.wasAttributedTo, software)
    b.add(software, RDF.type, PROV.SoftwareAgent)
    b.add(software, RDF.type, SCHEMA.SoftwareApplication)
    b.add(software, SCHEMA.name, "kg")
    b.add(software, SCHEMA.softwareVersion, __version__)
