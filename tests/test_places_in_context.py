"""A place qualified by a state or country after a comma is that one's namesake
(kg.lexicon.gazetteer.resolve_among, applied per article by
kg.extract.entities.mentions), on the real gazetteer and hand-written articles."""

from __future__ import annotations

from spacy.language import Language

from kg.extract.article import extract
from kg.lexicon.gazetteer import gazetteer
from kg.model import RawDocument


def places(nlp: Language, text: str) -> dict[str, str | None]:
    article = next(extract([RawDocument(source="x.txt", text=text)], nlp))
    return {
        e.name: e.geo.country_code if e.geo else None for e in article.entities if e.type == "Place"
    }


def test_a_state_after_the_comma_picks_that_states_namesake(nlp: Language) -> None:
    text = (
        "Plant to close\n\nThe steel plant in Birmingham, Alabama, will close, the firm "
        "said. Workers in Birmingham were told on Monday."
    )
    assert places(nlp, text) == {"Birmingham": "US", "Alabama": "US"}


def test_without_context_the_likeliest_namesake_stays(nlp: Language) -> None:
    text = "Plant to close\n\nThe steel plant in Birmingham will close, the firm said."
    assert places(nlp, text) == {"Birmingham": "GB"}


def test_a_state_elsewhere_in_the_article_is_no_qualifier(nlp: Language) -> None:
    text = (
        "Oil firm moves\n\nA Texas oil firm has opened an office in Paris. Staff from "
        "Houston will move to Paris next year."
    )
    assert places(nlp, text)["Paris"] == "FR"


def test_a_country_after_the_comma_qualifies_too(nlp: Language) -> None:
    text = "Port reopens\n\nThe port of Valencia, Spain, reopened on Tuesday."
    assert places(nlp, text)["Valencia"] == "ES"


def test_the_namesake_must_have_the_name_as_its_own() -> None:
    gaz = gazetteer()
    assert gaz.resolve_among("Birmingham", {"US"}).country_code == "US"  # type: ignore[union-attr]
    assert gaz.resolve_among("Birmingham", set()).country_code == "GB"  # type: ignore[union-attr]
    assert gaz.resolve_among("Georgia", {"GE"}).kind == "Country"  # type: ignore[union-attr]
    # no record of that country: the likeliest of all
    assert gaz.resolve_among("Paris", {"JP"}).country_code == "FR"  # type: ignore[union-attr]
    assert gaz.resolve_among("Nowhereville", {"US"}) is None


def test_a_towns_own_name_beats_a_big_citys_alternate_name() -> None:
    # GeoNames lists "Islamabad" among Chattogram's alternate names and "Santa Ana"
    # among Taguig's; a city of 100,000 or more that has the name as its own wins.
    gaz = gazetteer()
    assert gaz.resolve("Islamabad").country_code == "PK"  # type: ignore[union-attr]
    assert gaz.resolve("Santa Ana").country_code == "US"  # type: ignore[union-attr]
    # an alternate name no sizeable town has as its own still names its big city
    assert gaz.resolve("Bombay").name == "Mumbai"  # type: ignore[union-attr]
