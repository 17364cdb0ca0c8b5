"""Event identity across articles: one IRI per real event, deterministic."""

from __future__ import annotations

from spacy.language import Language

from kg.extract.article import extract
from kg.link.events import EventIndex, link_events
from kg.link.iris import Iris
from kg.link.merge import Linker
from kg.model import Article, Meta, RawDocument

BASE = "http://example.org/"


def articles(nlp: Language, *docs: tuple[str, str, str | None]) -> list[Article]:
    """Articles from (id, datePublished, text) triples."""
    raws = [
        RawDocument(f"{aid}.txt", text, Meta(id=aid, date_published=published))
        for aid, published, text in docs
    ]
    return list(extract(raws, nlp))


def linked(found: list[Article]) -> EventIndex:
    iris = Iris(BASE)
    linker = Linker(iris)
    for a in found:
        linker.add(a)
    return link_events(found, iris, linker)


def iris_of(index: EventIndex, article_id: str) -> list[str]:
    return [e.iri for e in index.for_article(article_id)]


def test_two_phrasings_of_one_event_are_one_iri(nlp: Language) -> None:
    found = articles(
        nlp,
        ("a", "2019-04-25", "Angela Merkel met Emmanuel Macron in Paris on Thursday."),
        ("b", "2019-04-26", "Emmanuel Macron and Angela Merkel held talks in Paris on Thursday."),
    )
    index = linked(found)
    assert iris_of(index, "a") == iris_of(index, "b")
    (event,) = index.for_article("a")
    assert event.iri == f"{BASE}event/angela-merkel-emmanuel-macron-talks-in-paris-2019-04-25"
    assert event.name == "Angela Merkel–Emmanuel Macron talks in Paris"
    assert event.start_date == "2019-04-25"
    assert event.location is not None and event.location.name == "Paris"
    assert len(index) == 1


def test_two_meetings_of_the_same_people_on_different_days_are_two_iris(nlp: Language) -> None:
    found = articles(
        nlp,
        ("a", "2019-04-25", "Angela Merkel met Emmanuel Macron in Paris on Thursday."),
        ("b", "2019-04-25", "Angela Merkel met Emmanuel Macron in Paris on Monday."),
    )
    index = linked(found)
    assert len(index) == 2
    assert iris_of(index, "a") != iris_of(index, "b")
    assert {e.start_date for a in "ab" for e in index.for_article(a)} == {
        "2019-04-25",
        "2019-04-22",
    }


def test_a_city_is_the_same_place_as_its_country(nlp: Language) -> None:
    found = articles(
        nlp,
        ("a", "2019-04-25", "Angela Merkel met Emmanuel Macron in France on Thursday."),
        ("b", "2019-04-25", "Angela Merkel met Emmanuel Macron in Paris on Thursday."),
    )
    index = linked(found)
    (a,) = index.for_article("a")
    (b,) = index.for_article("b")
    assert a.iri == b.iri
    assert a.location is not None and a.location.name == "Paris"  # the narrower place


def test_different_places_or_different_people_are_different_events(nlp: Language) -> None:
    found = articles(
        nlp,
        ("a", "2019-04-25", "Angela Merkel met Emmanuel Macron in Paris on Thursday."),
        ("b", "2019-04-25", "Angela Merkel met Emmanuel Macron in Berlin on Thursday."),
        ("c", "2019-04-25", "Angela Merkel met Xi Jinping in Paris on Thursday."),
    )
    index = linked(found)
    assert len(index) == 3


def test_an_undated_report_joins_the_dated_event_it_can_only_mean(nlp: Language) -> None:
    found = articles(
        nlp,
        ("a", "2019-04-25", "Angela Merkel met Emmanuel Macron in Paris on Thursday."),
        # same place, no date, published the same week
        ("b", "2019-04-26", "Angela Merkel held talks with Emmanuel Macron in Paris."),
        # no place, no date: joins only because one event fits
        ("c", "2019-05-02", "Angela Merkel's talks with Emmanuel Macron were friendly."),
        # a place only, but reported years later: not this week's meeting
        ("d", "2023-01-10", "Angela Merkel held talks with Emmanuel Macron in Paris."),
    )
    index = linked(found)
    assert iris_of(index, "a") == iris_of(index, "b") == iris_of(index, "c")
    assert iris_of(index, "d") != iris_of(index, "a")
    assert len(index) == 2


def test_a_bare_mention_that_could_mean_two_events_is_dropped(nlp: Language) -> None:
    found = articles(
        nlp,
        ("a", "2019-04-25", "Angela Merkel met Emmanuel Macron in Paris on Thursday."),
        ("b", "2019-04-25", "Angela Merkel met Emmanuel Macron in Berlin on Monday."),
        ("c", "2019-04-26", "Angela Merkel's talks with Emmanuel Macron were friendly."),
    )
    index = linked(found)
    assert iris_of(index, "c") == []
    assert len(index) == 2


def test_same_input_in_any_order_gives_the_same_iris(nlp: Language) -> None:
    docs = [
        ("a", "2019-04-25", "Angela Merkel met Emmanuel Macron in Paris on Thursday."),
        ("b", "2019-04-26", "Emmanuel Macron and Angela Merkel held talks in Paris on Thursday."),
        ("c", "2019-04-25", "Angela Merkel met Emmanuel Macron in Paris on Monday."),
        ("d", "2019-04-25", "Police arrested Harvey Weinstein in New York on Friday."),
    ]
    forward = linked(articles(nlp, *docs))
    backward = linked(articles(nlp, *reversed(docs)))
    for aid in "abcd":
        assert forward.for_article(aid) == backward.for_article(aid)
    assert len(forward) == 3


def test_the_article_is_about_the_event_it_leads_with(nlp: Language) -> None:
    text = (
        "Merkel and Macron meet in Paris\n\n"
        "German Chancellor Angela Merkel met French President Emmanuel Macron in Paris on "
        "Thursday. Merkel said Macron was a friend.\n\n"
        "The two leaders first met in 2017. Angela Merkel visited Beijing in 2018."
    )
    index = linked(articles(nlp, ("a", "2019-04-25", text)))
    main = [e.name for e in index.for_article("a") if e.main]
    others = [e.name for e in index.for_article("a") if not e.main]
    assert main == ["Merkel–Macron meeting in Paris"]
    assert others == ["Merkel's visit to Beijing"]
