"""Works, products, laws, buildings and named events: their classes, on hand-written names
and sentences (kg.extract.entities.things), and never a Person or an Organization."""

from __future__ import annotations

from collections import Counter

import pytest

from kg.extract import article as extraction
from kg.extract.entities.decide import Group
from kg.extract.entities.things import cue_class, head_class, thing_type
from kg.extract.nlp import load
from kg.model import Article, Entity, Meta, RawDocument


def extract(text: str) -> Article:
    raw = RawDocument(source="test.txt", text=text, meta=Meta(id="test"))
    return next(extraction.extract([raw], load()))


def named(article: Article, name: str) -> Entity:
    matches = [e for e in article.entities if e.name == name]
    assert len(matches) == 1, [(e.name, e.type, e.kind) for e in article.entities]
    return matches[0]


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("Lotfollah Mosque", ("Place", "Mosque")),
        ("Harbour Ring Road", ("Place", None)),
        ("Alder Creek Trail", ("Place", None)),
        ("Wembley Stadium", ("Place", "StadiumOrArena")),
        ("Museum of Modern Art", ("Place", "Museum")),
        ("Bank of America Stadium", ("Place", "StadiumOrArena")),
        ("Mount Talau", ("Place", "Mountain")),
        ("Lena Marsh Justice in Housing Act", ("Thing", "Legislation")),
        ("Treaty of Versailles", ("Thing", "Legislation")),
        ("Civil Rights Bill", ("Thing", "Legislation")),
        ("World War II", ("Thing", "Event")),
        ("London 2012 Olympics", ("Thing", "Event")),
        ("Glastonbury Festival", ("Thing", "Event")),
    ],
)
def test_a_head_word_names_the_class(name: str, said: tuple[str, str | None]) -> None:
    assert head_class(name) == said


@pytest.mark.parametrize(
    "name",
    [
        "Catholic Church",  # a faith's church is an organisation
        "Church of England",
        "Buffalo Bill",  # a two-word "Bill" is a person's name
        "Royal Academy",
        "Theodore Roosevelt",
        "Jersey",  # one word says nothing
    ],
)
def test_no_class_without_a_head_word_for_it(name: str) -> None:
    assert head_class(name) is None


@pytest.mark.parametrize(
    ("sentence", "name", "kind"),
    [
        ("They watched the film Glass Orchard twice.", "Glass Orchard", "Movie"),
        ("Google released Corvid, a chatbot, in March.", "Corvid", "SoftwareApplication"),
        ("Glass Orchard, a 2014 film, won an Oscar.", "Glass Orchard", "Movie"),
        ("She read her novel Middlemarch aloud.", "Middlemarch", "Book"),
        ("The probe Stardust returned in 2006.", "Stardust", "Vehicle"),
    ],
)
def test_a_class_noun_next_to_a_name_gives_its_class(sentence: str, name: str, kind: str) -> None:
    doc = load()(sentence)
    start = sentence.index(name)
    span = doc.char_span(start, start + len(name))
    assert span is not None
    assert cue_class(doc, span) == kind


def test_no_class_from_a_noun_that_describes_someone_else() -> None:
    sentence = "Alex Garland, the film's director, spoke."
    doc = load()(sentence)
    span = doc.char_span(0, len("Alex Garland"))
    assert span is not None and cue_class(doc, span) is None


def test_buildings_and_streets_are_places_of_their_class() -> None:
    a = extract(
        "A walk through the old town\n\nWe visited the Lotfollah Mosque in the morning and "
        "walked along the Harbour Ring Road to Wembley Stadium in the afternoon."
    )
    assert (named(a, "Lotfollah Mosque").type, named(a, "Lotfollah Mosque").kind) == (
        "Place",
        "Mosque",
    )
    assert named(a, "Harbour Ring Road").type == "Place"
    assert named(a, "Wembley Stadium").kind == "StadiumOrArena"


def test_a_law_is_legislation_and_never_a_person() -> None:
    a = extract(
        "House vote\n\nThe Lena Marsh Justice in Housing Act passed the House on "
        "Wednesday. Supporters of the Lena Marsh Justice in Housing Act cheered."
    )
    law = named(a, "Lena Marsh Justice in Housing Act")
    assert (law.type, law.kind) == ("Thing", "Legislation")
    assert not [e for e in a.entities if e.type == "Person" and "Justice" in e.name]


def test_a_chatbot_is_software_and_never_a_person() -> None:
    a = extract(
        "New tools\n\nGoogle released Corvid, a chatbot, in March. Corvid answered questions "
        "about the weather."
    )
    corvid = named(a, "Corvid")
    assert (corvid.type, corvid.kind) == ("Thing", "SoftwareApplication")


def test_a_named_event_is_left_out() -> None:
    a = extract(
        "Medals\n\nRia Calder won silver at the Summer Paralympics in London. Calder "
        "trained in Melbourne."
    )
    assert not [e for e in a.entities if "Paralympics" in e.name]
    assert named(a, "Ria Calder").type == "Person"


def _classes_kg_gives() -> set[str]:
    from kg.extract.entities import things

    return (
        {c for c in things.PLACE_HEADS.values() if c}
        | set(things.PLACE_PREFIXES.values())
        | set(things.CLASS_NOUNS.values())
        | set(things.MODEL_LABELS.values())
        | {"Legislation"}
    )


def test_every_class_kg_gives_has_a_shape_and_may_be_mentioned() -> None:
    from rdflib import Graph, URIRef
    from rdflib.collection import Collection
    from rdflib.namespace import SH

    from kg.validate import shapes_dir

    shapes = Graph()
    for path in shapes_dir().glob("*.ttl"):
        shapes.parse(path)
    schema = "http://schema.org/"
    targeted = {str(o)[len(schema) :] for o in shapes.objects(None, SH.targetClass)}
    mentioned_shape = URIRef("https://w3id.org/kg-news/shapes#MentionedValueShape")
    prop = next(shapes.objects(mentioned_shape, SH.property))
    allowed = next(shapes.objects(prop, SH["in"]))
    may_be_mentioned = {str(c)[len(schema) :] for c in Collection(shapes, allowed)}
    assert _classes_kg_gives() - targeted == set()
    assert _classes_kg_gives() - may_be_mentioned == set()


def test_a_building_a_work_and_a_law_validate_and_two_names_do_not() -> None:
    from rdflib import Graph

    from kg.validate import Validator

    good = """
    @prefix schema: <http://schema.org/> .
    @prefix ex: <http://example.org/> .
    ex:a a schema:NewsArticle ; schema:headline "A day out" ;
        schema:mentions ex:museum, ex:film, ex:law ; schema:contentLocation ex:museum .
    ex:museum a schema:Museum ; schema:name "Louvre" .
    ex:film a schema:Movie ; schema:name "Glass Orchard" .
    ex:law a schema:Legislation ; schema:name "Clean Air Act" .
    """
    validator = Validator()
    report = validator.validate(Graph().parse(data=good, format="turtle"))
    assert report.violations == []
    for node, message in (
        ("ex:museum", "a Place needs exactly one name"),
        ("ex:film", "a CreativeWork needs exactly one name"),
    ):
        bad = good.replace(f"{node} a", f'{node} schema:name "Other" ; a')
        report = validator.validate(Graph().parse(data=bad, format="turtle"))
        assert message in [f.message for f in report.violations]


@pytest.mark.parametrize(
    ("name", "type_", "kind"),
    [
        ("Harbour Ring Road", "Place", None),  # "Harbour" also ends "Anna Harbour"
        ("Harbour Ring Expressway", "Place", None),
        ("Northgate Minster", "Place", "Church"),
        ("Anna Harbour", "Person", None),  # a person's name stays for the name rules
    ],
)
def test_a_head_word_decides_a_longer_name_even_when_a_word_of_it_is_a_persons(
    name: str, type_: str, kind: str | None
) -> None:
    g = Group(name.casefold(), forms=Counter({name: 1}), votes=Counter({"Person": 1}))
    decided = thing_type(g, competitor=False, name_part=True)
    assert (decided, g.type, g.kind) == (type_ == "Place", type_, kind)
