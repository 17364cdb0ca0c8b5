"""Places the gazetteer does not know, read from the sentence (kg.extract.entities.placecues),
and places named inside the names of events (kg.extract.entities.nested):
hand-written sentences with invented names, each rule on and off."""

from __future__ import annotations

from dataclasses import replace

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract import article as extraction
from kg.extract.entities import placecues
from kg.extract.entities.rules import ALL_RULES, Rules
from kg.model import Meta, RawDocument


def types(text: str, nlp: Language, rules: Rules = ALL_RULES) -> dict[str, str]:
    raw = RawDocument(source="test.txt", text=text, meta=Meta(id="test"))
    article = next(extraction.extract([raw], nlp, rules=rules))
    return {e.name: e.type for e in article.entities}


def span_of(doc: Doc, name: str) -> Span:
    start = doc.text.index(name)
    span = doc.char_span(start, start + len(name))
    assert span is not None
    return span


def test_a_noun_for_a_kind_of_place_makes_the_name_a_place(nlp: Language) -> None:
    text = "The ferry to the island of Marvelo leaves twice a day. Most visitors stay a night in Marvelo before they go on."
    assert types(text, nlp)["Marvelo"] == "Place"
    assert types(text, nlp, replace(ALL_RULES, place_nouns=False))["Marvelo"] == "Person"


@pytest.mark.parametrize(
    ("text", "name", "said"),
    [
        ("Weavers once lived in the village of Dunbrake.", "Dunbrake", True),
        ("The old town Kessaro sits on a hill.", "Kessaro", True),
        ("Buses reach outer suburbs like Tallowmere.", "Tallowmere", True),
        ("Orlen Vasco, a suburb of the capital, grew fast.", "Orlen Vasco", True),
        ("The lawyer Dana Pell spoke first.", "Dana Pell", False),
        ("The city Council met on Monday.", "Council", False),  # the city's own body
        ("The state Senate passed the bill.", "Senate", False),
    ],
)
def test_class_nouns(nlp: Language, text: str, name: str, said: bool) -> None:
    doc = nlp(text)
    assert placecues.class_noun(doc, span_of(doc, name)) is said


@pytest.mark.parametrize(
    ("text", "name", "said"),
    [
        (
            "Mara Quill grew up in Halloway, Vermont, where her father ran a shop.",
            "Halloway",
            True,
        ),
        ("He was born in Tbilisi, Verlande, in 1950.", "Verlande", True),
        ("Senator Ada Brinn, Vermont's governor, spoke.", "Ada Brinn", False),
        # a list of authors after a town's name, no "in" before it: no region
        ("(Arlo, Whitby, Bessing, & Krall, 2009)", "Bessing", False),
    ],
)
def test_a_state_or_country_after_a_comma_qualifies_a_place(
    nlp: Language, text: str, name: str, said: bool
) -> None:
    doc = nlp(text)
    assert placecues.qualified(doc, span_of(doc, name)) is said


def test_names_coordinated_with_known_places_are_places(nlp: Language) -> None:
    text = "The bus runs between Wichita, Omaha, Shelby and Beverly every hour."
    assert types(text, nlp)["Shelby"] == "Place"
    assert types(text, nlp, replace(ALL_RULES, conjuncts=False))["Shelby"] == "Person"


def test_coordination_leaves_clubs_and_unions_alone(nlp: Language) -> None:
    # the model calls these organisations and the gazetteer knows no place of that name
    text = "Ministers of the Varn Union and Nepal met in Tbilisi. The Varn Union and Nepal agreed."
    assert types(text, nlp)["Varn Union"] == "Organization"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("In 1999 she won a prize at the Osaka International Film Festival, her first.", "Osaka"),
        ("He fought in the Lagos Uprising as a young man.", "Lagos"),
    ],
)
def test_places_named_in_events_left_out_are_mentioned(
    nlp: Language, text: str, place: str
) -> None:
    assert types(text, nlp) == {place: "Place"}  # the event itself is no entity
    assert types(text, nlp, replace(ALL_RULES, event_nested=False)) == {}


def test_a_given_name_opening_an_event_is_no_person(nlp: Language) -> None:
    assert types("Tickets for the Summer Lantern Festival went on sale on Monday.", nlp) == {}


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "Leaders hoped for a democratic Paraguay after the vote. Few expected it so soon.",
            "Paraguay",
        ),
        ("He agreed to let a united Ecuador join the pact. That was new.", "Ecuador"),
    ],
)
def test_a_country_after_an_article_is_still_the_country(
    nlp: Language, text: str, country: str
) -> None:
    # "an Oscar" is a thing, not a name; "a united Ecuador" is the country
    assert types(text, nlp) == {country: "Place"}


def names_of(text: str, nlp: Language, rules: Rules = ALL_RULES) -> dict[str, list[str]]:
    raw = RawDocument(source="test.txt", text=text, meta=Meta(id="test"))
    article = next(extraction.extract([raw], nlp, rules=rules))
    return {e.name: e.alternate_names for e in article.entities}


def test_a_place_qualified_by_its_state_keeps_the_name_as_written(nlp: Language) -> None:
    text = "Mara Quill grew up in Halloway, Vermont, where her father ran a shop."
    assert names_of(text, nlp)["Halloway"] == ["Halloway, Vermont"]
    assert names_of(text, nlp)["Vermont"] == []  # the state is a place of its own
    assert names_of(text, nlp, replace(ALL_RULES, qualified_names=False))["Halloway"] == []


def test_a_dateline_in_capitals_gives_no_name_as_written(nlp: Language) -> None:
    text = "HALLOWAY, Vermont (AP) — Mara Quill opened a shop in Halloway, Vermont, on Monday."
    assert names_of(text, nlp)["Halloway"] == ["Halloway, Vermont"]


@pytest.mark.parametrize(
    "text",
    [
        "Ferries leave for the island of Marie Vell twice a day. In Marie Vell the beaches are "
        "quiet, and most visitors to Marie Vell stay in the old town.",
        "Ferries leave twice a day. In Marie Vell the beaches are quiet, and most visitors stay "
        "in Marie Vell for a week.",
    ],
)
def test_clear_place_cues_outweigh_a_person_shaped_name(nlp: Language, text: str) -> None:
    # "Marie" is a given name: without the rule the name's shape makes it a person
    assert types(text, nlp)["Marie Vell"] == "Place"
    assert types(text, nlp, replace(ALL_RULES, place_over_shape=False))["Marie Vell"] == "Person"


def test_a_person_named_once_after_in_stays_a_person(nlp: Language) -> None:
    text = "Marie Vell wrote the report. Her interest in Marie Vell's early work grew."
    assert types(text, nlp)["Marie Vell"] == "Person"
