"""The main event of an article (kg.extract.events.main): which happening of the lead it
is, when there is none, and how it is published (linking, RDF, the Event shape)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import main_of, names
from rdflib import Graph, Literal, URIRef
from rdflib import namespace as ns
from spacy.language import Language

from kg.extract.article import extract
from kg.link.events import EventIndex, link_events
from kg.link.iris import Iris
from kg.link.merge import Linker
from kg.model import Article, Meta, RawDocument
from kg.rdf.events import event_mapper
from kg.rdf.mapping import article_graph
from kg.rdf.namespaces import KG, KGT, SCHEMA
from kg.sources import InputLimits, iter_inputs
from kg.validate import Validator

BASE = "http://example.org/"


def article(
    nlp: Language,
    text: str,
    headline: str | None = None,
    aid: str = "a",
    published: str | None = None,
) -> Article:
    meta = Meta(id=aid, headline=headline, date_published=published)
    return next(extract([RawDocument(f"{aid}.txt", text, meta)], nlp))


def test_a_statement_that_is_the_news(nlp: Language) -> None:
    text = "Scotland coach Ewan Baird says Ireland prop Liam Furlong needs to review his actions."
    a = article(nlp, text, "Baird critical of Furlong")
    main = main_of(a)
    assert main is not None and (main.type, main.noun) == ("announcement", "statement")
    assert names(a, main.attendees) == ["Ewan Baird"] == names(a, main.agents)


def test_an_accusation_names_the_accused_apart_from_the_accuser(nlp: Language) -> None:
    a = article(nlp, "Tony Blair has accused the BBC of bias.", "Blair attacks BBC")
    main = main_of(a)
    assert main is not None and main.noun == "accusation"
    assert names(a, main.attendees) == ["Tony Blair", "BBC"]
    assert names(a, main.agents) == ["Tony Blair"]
    passive = article(nlp, "Margaret Hodge has been accused of misleading MPs.", "Hodge row")
    main = main_of(passive)
    assert main is not None and names(passive, main.attendees) == ["Margaret Hodge"]
    assert main.agents == []


def test_the_reported_event_comes_before_the_statement(nlp: Language) -> None:
    text = "Angela Merkel said she met Emmanuel Macron in Paris on Monday."
    a = article(nlp, text, "Merkel meets Macron", published="2019-04-25")
    main = main_of(a)
    assert main is not None and main.type == "meeting"
    assert names(a, main.attendees) == ["Angela Merkel", "Emmanuel Macron"]


def test_a_lead_of_no_known_type_is_a_happening_named_by_the_headline(nlp: Language) -> None:
    text = "Tom Hale's latest album has set a new sales record."
    a = article(nlp, text, "Album charms the charts")
    main = main_of(a)
    assert main is not None and main.type == "happening"
    assert main.title == "Album charms the charts"
    assert names(a, main.attendees) == ["Tom Hale"]  # the album's owner


def test_an_announced_future_is_a_happening_a_modal_one_is_not(nlp: Language) -> None:
    text = "Gareth Llewellyn will retire from Test rugby at the end of the season."
    a = article(nlp, text, "Llewellyn plans retirement")
    main = main_of(a)
    assert main is not None and main.type == "happening"
    assert names(a, main.attendees) == ["Gareth Llewellyn"]
    text = "Gareth Llewellyn may retire from Test rugby at the end of the season."
    assert main_of(article(nlp, text, "Llewellyn may retire")) is None


def test_a_country_acting_is_where_it_happened_except_in_the_sports_pages(
    nlp: Language,
) -> None:
    text = "Libya has withdrawn $1bn in assets from American banks."
    a = article(nlp, text, "Libya takes $1bn")
    main = main_of(a)
    assert main is not None and main.location is not None
    assert a.entities[main.location].name == "Libya" and main.attendees == []
    sport = next(
        extract([RawDocument("s.txt", text, Meta(id="s", headline="Libya", section="sport"))], nlp)
    )
    assert main_of(sport) is None  # "Ireland beat England": a country there is a team


@pytest.mark.parametrize(
    ("headline", "text"),
    [
        ("Is this the end for the BBC?", "Tony Blair has accused the BBC of bias."),
        ("Our week", "We visited Paris on Monday and met Jacques Chirac."),
        ("What we do", "Creative Commons helps people share their work."),  # describes
        ("Hospital plan", "Hereford County Hospital had earlier said that waiting lists would go."),
        ("Blair book", "Tony Blair promised Gordon Brown he would stand down, a new book claims."),
        (
            "Flohmarkt",
            "Die Gemeinde Bergheim lädt am Samstag wieder zum Flohmarkt auf dem Marktplatz ein.",
        ),
        ("Shares", "Vodafone shares are expected to rise next week."),  # not yet
        ("Mieten", "Die Mietpreise"),  # German "Die" is no English "die"
    ],
)
def test_no_main_event(nlp: Language, headline: str, text: str) -> None:
    assert main_of(article(nlp, text, headline)) is None


PAGE = """<!doctype html><html lang="en"><head><title>{title}</title>
<meta property="article:published_time" content="2019-04-25T10:00:00Z"></head>
<body><article><h1>{title}</h1>{top}
<p>Angela Merkel met Emmanuel Macron in Paris on Monday, the two leaders said afterwards.</p>
<p>The talks covered trade, defence and the budget, officials from both governments said.</p>
</article></body></html>"""


@pytest.mark.parametrize(
    ("title", "top"),
    [
        ("Merkel in Paris", "<p>Written by:</p><p>Jane Smith</p>"),  # credit and byline
        ("Merkel in Paris", "<p>Weather watch</p><p>Storm season</p>"),  # subheads
    ],
)
def test_the_lead_is_the_first_paragraphs_that_are_prose(
    nlp: Language, tmp_path: Path, title: str, top: str
) -> None:
    """On a page the body may start with lines that are no story: the lead is after them."""
    page = tmp_path / "a.html"
    page.write_text(PAGE.format(title=title, top=top), encoding="utf-8")
    (raw,) = iter_inputs((str(page),), InputLimits(10**6))
    assert isinstance(raw, RawDocument)
    main = main_of(next(extract([raw], nlp)))
    assert main is not None and main.type == "meeting"


def test_the_headline_chooses_among_the_leads_events(nlp: Language) -> None:
    text = (
        "Angela Merkel met Emmanuel Macron in Paris on Monday. "
        "Angela Merkel visited Berlin on Tuesday."
    )
    a = article(nlp, text, "A visit to Berlin", published="2019-04-25")
    main = main_of(a)
    assert main is not None and main.type == "visit"


# Publishing -------------------------------------------------------------------


def linked(found: list[Article]) -> tuple[EventIndex, Iris, Linker]:
    iris = Iris(BASE)
    linker = Linker(iris)
    for a in found:
        linker.add(a)
    index = link_events(found, iris, linker)
    linker.resolve()
    return index, iris, linker


def test_a_main_event_without_place_or_date_is_published(nlp: Language) -> None:
    a = article(nlp, "Tony Blair has accused the BBC of bias.", "Blair attacks BBC")
    index, _, _ = linked([a])
    (event,) = index.for_article("a")
    assert event.main and event.location is None and event.start_date is None
    assert event.name == "Accusation by Tony Blair against BBC"


def test_undated_main_events_are_one_event_only_with_two_shared_attendees(
    nlp: Language,
) -> None:
    found = [
        article(nlp, "Tony Blair has accused the BBC of bias.", "Blair attacks BBC", "a"),
        article(nlp, "Tony Blair has accused the BBC of bias again.", "Blair and BBC", "b"),
        article(nlp, "Tony Blair has criticised Gordon Brown.", "Blair and Brown", "c"),
        article(nlp, "Tony Blair has accused the BBC of bias.", "Same story", "d"),
    ]
    index, _, _ = linked(found)
    iris = {aid: [e.iri for e in index.for_article(aid)] for aid in "abcd"}
    assert iris["a"] == iris["b"] == iris["d"]  # same type, Blair and the BBC
    assert iris["c"] != iris["a"]  # Blair alone is not enough


def test_the_rdf_of_a_main_event(nlp: Language) -> None:
    text = "Roger Federer beat Andy Roddick in the final in London in 2004."
    a = article(nlp, text, "Federer beats Roddick", published="2005-01-10")
    index, iris, linker = linked([a])
    graph = article_graph(a, iris, linker, 0.0, event_mapper(index))
    (node,) = set(graph.subjects(ns.RDF.type, SCHEMA.Event))
    assert (node, ns.RDF.type, SCHEMA.SportsEvent) in graph  # schema.org's own subtype too
    assert graph.value(node, SCHEMA.additionalType) == KGT.sports_match
    assert (URIRef(iris.article("a")), SCHEMA.about, node) in graph
    competitors = {str(graph.value(p, SCHEMA.name)) for p in graph.objects(node, SCHEMA.competitor)}
    assert competitors == {"Roger Federer", "Andy Roddick"}
    # a year alone is no schema:startDate (its range is Date/DateTime)
    assert graph.value(node, SCHEMA.startDate) is None
    assert graph.value(node, KG.startPeriod) == Literal("2004", datatype=ns.XSD.gYear)
    assert Validator().validate(graph).conforms


def test_a_statement_has_its_speaker_as_organizer(nlp: Language) -> None:
    a = article(nlp, "Tony Blair has accused the BBC of bias.", "Blair attacks BBC")
    index, iris, linker = linked([a])
    graph = article_graph(a, iris, linker, 0.0, event_mapper(index))
    (node,) = set(graph.subjects(ns.RDF.type, SCHEMA.Event))
    organizers = {str(graph.value(p, SCHEMA.name)) for p in graph.objects(node, SCHEMA.organizer)}
    attendees = {str(graph.value(p, SCHEMA.name)) for p in graph.objects(node, SCHEMA.attendee)}
    assert organizers == {"Tony Blair"} and attendees == {"Tony Blair", "BBC"}
    assert Validator().validate(graph).conforms


EVENT = """
@prefix schema: <http://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix kgt: <https://w3id.org/kg-news/event-type/> .
@prefix kg: <https://w3id.org/kg-news/vocab#> .
@prefix ex: <http://example.org/> .

ex:a a schema:NewsArticle ; schema:headline "H" ; schema:articleBody "Kim met Putin." .
ex:kim a schema:Person ; schema:name "Kim" .
ex:club a schema:Organization ; schema:name "Club" .
kgt:sports_match a skos:Concept ; skos:inScheme kgt: ; skos:prefLabel "sports match"@en .
ex:s a nif:Sentence ; nif:beginIndex 0 ; nif:endIndex 14 ; nif:anchorOf "Kim met Putin." ;
    nif:referenceContext ex:source .
ex:e a schema:Event, schema:SportsEvent ; schema:subjectOf ex:a ; prov:wasDerivedFrom ex:s ;
    schema:name "M" ; schema:additionalType kgt:sports_match ; schema:attendee ex:kim .
"""


@pytest.mark.parametrize(
    ("tail", "conforms"),
    [
        ("ex:a schema:about ex:e .", True),  # the main event needs no place or date
        ("ex:a schema:mentions ex:e .", False),  # another event does
        ('ex:a schema:mentions ex:e . ex:e kg:startPeriod "2004"^^xsd:gYear .', True),
        ('ex:a schema:about ex:e . ex:e schema:startDate "2004"^^xsd:gYear .', False),
        ("ex:a schema:about ex:e . ex:e schema:competitor ex:kim .", True),
        ("ex:a schema:about ex:e . ex:e schema:competitor ex:club .", False),
        ("ex:a schema:about ex:e . ex:e schema:organizer ex:club .", True),
    ],
)
def test_the_event_shape(tail: str, conforms: bool) -> None:
    graph = Graph().parse(data=EVENT + tail, format="turtle")
    assert Validator().validate(graph).conforms is conforms


def test_a_verb_of_appeal_without_its_preposition_is_a_happening(nlp: Language) -> None:
    # "called for talks" is an appeal (a statement); "called a truce" reports a happening
    truce = article(nlp, "The Harbour Council has called a truce in its dispute over pay.", "Truce")
    main = main_of(truce)
    assert main is not None and main.type == "happening"
    assert names(truce, main.attendees) == ["Harbour Council"]
    appeal = article(nlp, "The Harbour Council has called for talks over pay.", "Talks call")
    main = main_of(appeal)
    assert main is not None and (main.type, main.noun) == ("announcement", "appeal")
