"""Event detection on hand-written sentences: one or more per event type, the
relative date forms, and the happenings kg must not publish (denied, wished-for,
counted, metaphorical)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract.article import extract
from kg.extract.events.triggers import KINDS, MAIN_ONLY_TYPES
from kg.model import Article, Event, Meta, RawDocument
from kg.rdf.events import concept_keys

THURSDAY = "2019-04-25"

Row = tuple[str, tuple[str, ...], str | None, str | None]


def article(nlp: Language, text: str, published: str | None = THURSDAY) -> Article:
    raw = RawDocument("test.txt", text, Meta(date_published=published))
    return next(extract([raw], nlp))


def rows(a: Article) -> list[Row]:
    """(type, attendee names, place name, date) of every detected event."""
    out = []
    for e in a.events:
        place = a.entities[e.location].name if e.location is not None else None
        names = tuple(a.entities[i].name for i in e.attendees)
        out.append((e.type, names, place, e.start_date))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "German Chancellor Angela Merkel met French President Emmanuel Macron in Paris "
            "on Monday.",
            ("meeting", ("Angela Merkel", "Emmanuel Macron"), "Paris", "2019-04-22"),
        ),
        (
            "Angela Merkel and Emmanuel Macron held talks in Berlin on Tuesday.",
            ("meeting", ("Angela Merkel", "Emmanuel Macron"), "Berlin", "2019-04-23"),
        ),
        (
            "Boris Johnson will meet Angela Merkel in Berlin on Thursday.",
            ("meeting", ("Boris Johnson", "Angela Merkel"), "Berlin", THURSDAY),
        ),
        (
            "Pope Francis visited Baghdad on Friday.",
            ("visit", ("Francis",), "Baghdad", "2019-04-19"),
        ),
        (
            "Ukraine held a presidential election on Sunday.",
            ("election", (), "Ukraine", "2019-04-21"),
        ),
        (
            "The presidential election in Ukraine on Sunday was won by Volodymyr Zelensky.",
            ("election", ("Volodymyr Zelensky",), "Ukraine", "2019-04-21"),
        ),
        (
            "Thousands of people staged a protest in Hong Kong on Sunday against the bill.",
            ("protest", (), "Hong Kong", "2019-04-21"),
        ),
        (
            "A bombing in Kabul on Wednesday killed at least 20 people.",
            ("attack", (), "Kabul", "2019-04-24"),
        ),
        (
            "Samsung signed a licensing agreement with Nokia on Tuesday in San Diego.",
            ("agreement", ("Samsung", "Nokia"), "San Diego", "2019-04-23"),
        ),
        (
            "The European Union imposed sanctions on Rosneft on Monday.",
            ("sanction", ("European Union", "Rosneft"), None, "2019-04-22"),
        ),
        (
            "Police arrested Harvey Weinstein in New York on Friday.",
            ("arrest", ("Harvey Weinstein",), "New York City", "2019-04-19"),
        ),
        (
            "Harvey Weinstein goes on trial in New York on Monday.",
            ("trial", ("Harvey Weinstein",), "New York City", "2019-04-22"),
        ),
        (
            "Julian Assange was jailed in London on Wednesday.",
            ("sentencing", ("Julian Assange",), "London", "2019-04-24"),
        ),
        (
            "Microsoft announced on Wednesday that it would cut 18,000 jobs.",
            ("announcement", ("Microsoft",), None, "2019-04-24"),
        ),
        (
            "Boris Johnson resigned on Thursday.",
            ("resignation", ("Boris Johnson",), None, THURSDAY),
        ),
        (
            "Mark Carney was appointed governor of the Bank of England in 2012.",
            ("appointment", ("Mark Carney",), None, "2012"),
        ),
        (
            "Microsoft bought LinkedIn in 2016.",
            ("acquisition", ("Microsoft", "LinkedIn"), None, "2016"),
        ),
    ],
)
def test_each_event_type(nlp: Language, text: str, expected: Row) -> None:
    assert rows(article(nlp, text)) == [expected]


def test_every_type_has_a_case_and_is_a_concept_of_the_scheme() -> None:
    keys = {k.key for k in KINDS}
    assert keys | MAIN_ONLY_TYPES == set(concept_keys())


@pytest.mark.parametrize(
    ("text", "published", "date"),
    [
        ("Angela Merkel met Emmanuel Macron in Paris on Thursday.", THURSDAY, THURSDAY),
        ("Angela Merkel met Emmanuel Macron in Paris a day earlier.", THURSDAY, "2019-04-24"),
        ("Angela Merkel met Emmanuel Macron in Paris yesterday.", THURSDAY, "2019-04-24"),
        ("Angela Merkel met Emmanuel Macron in Paris in February.", THURSDAY, "2019-02"),
        ("Angela Merkel met Emmanuel Macron in Paris in 2002.", THURSDAY, "2002"),
        ("Angela Merkel met Emmanuel Macron in Paris on Apr 24.", THURSDAY, "2019-04-24"),
        ("Angela Merkel met Emmanuel Macron in Paris last year.", THURSDAY, "2018"),
        ("Angela Merkel met Emmanuel Macron in Paris last month.", THURSDAY, "2019-03"),
        ("Angela Merkel will meet Emmanuel Macron in Paris on Monday.", THURSDAY, "2019-04-29"),
    ],
)
def test_relative_dates(nlp: Language, text: str, published: str, date: str) -> None:
    (event,) = article(nlp, text, published).events
    assert event.start_date == date


@pytest.mark.parametrize(
    "text",
    [
        "Angela Merkel met Emmanuel Macron in Paris on Thursday.",  # no publication date
        "Angela Merkel met Emmanuel Macron in Paris over the summer.",  # a season
        "Angela Merkel met Emmanuel Macron in Paris two months after the vote.",
    ],
)
def test_unresolvable_date_is_left_out(nlp: Language, text: str) -> None:
    (event,) = article(nlp, text, published=None).events
    assert event.start_date is None
    assert event.location is not None


@pytest.mark.parametrize(
    "text",
    [
        "Boris Johnson did not meet Angela Merkel in Berlin on Monday.",
        "Boris Johnson wants to meet Angela Merkel in Berlin on Monday.",
        "Boris Johnson could meet Angela Merkel in Berlin on Monday.",
        "Boris Johnson has held four meetings with Angela Merkel in Berlin since 2016.",
        "Boris Johnson suffered a heart attack in London on Monday.",
        "Boris Johnson called for talks with Angela Merkel in Berlin on Monday.",
        "Did Boris Johnson meet Angela Merkel in Berlin on Monday?",
        "If Boris Johnson meets Angela Merkel in Berlin on Monday, the deal is done.",
        "Boris Johnson launched a scathing attack on Angela Merkel in Berlin on Monday.",
        "The two leaders last met in Berlin in 2016.",  # nobody named
    ],
)
def test_not_an_event(nlp: Language, text: str) -> None:
    # No event of the trigger's type; a lead's own clause may still be the article's
    # main "happening" (kg.extract.events.leadclause, tests/test_events_main.py), and its
    # statement the main event ("called for talks" is an appeal: the call was made).
    a = article(nlp, text)
    found = [r for r, e in zip(rows(a), a.events, strict=True) if not _main_statement(e)]
    assert [r for r in found if r[0] not in MAIN_ONLY_TYPES] == []


def _main_statement(event: Event) -> bool:
    return event.main and event.type == "announcement"


def test_attendees_are_the_arguments_not_every_name_in_the_sentence(nlp: Language) -> None:
    text = (
        "Angela Merkel met Emmanuel Macron in Paris on Monday, a week after Vladimir Putin "
        "criticised Boris Johnson."
    )
    assert rows(article(nlp, text)) == [
        ("meeting", ("Angela Merkel", "Emmanuel Macron"), "Paris", "2019-04-22")
    ]


def test_pronouns_and_context_give_the_participants(nlp: Language) -> None:
    text = (
        "Angela Merkel said she was looking forward to her talks with Xi Jinping as she "
        "arrived in Beijing on Wednesday."
    )
    assert sorted(rows(article(nlp, text))) == [
        ("meeting", ("Angela Merkel", "Xi Jinping"), None, None),
        ("visit", ("Angela Merkel",), "Beijing", "2019-04-24"),
    ]


def test_dateline_gives_the_place_of_the_current_news(nlp: Language) -> None:
    text = (
        "Leaders hold talks\n\nBERLIN, Germany\n\n"
        "Angela Merkel met Emmanuel Macron on Thursday.\n\n"
        "Angela Merkel first met Emmanuel Macron in 2017."
    )
    assert rows(article(nlp, text)) == [
        ("meeting", ("Angela Merkel", "Emmanuel Macron"), "Berlin", THURSDAY),
        ("meeting", ("Angela Merkel", "Emmanuel Macron"), None, "2017"),
    ]


def test_sentence_offsets_point_into_the_source(nlp: Language) -> None:
    text = "Summit\n\nAngela Merkel met Emmanuel Macron in Paris on Monday. Rain fell."
    a = article(nlp, text)
    (event,) = a.events
    (span,) = event.sentences
    assert text[span.start : span.end] == "Angela Merkel met Emmanuel Macron in Paris on Monday."
    assert event.sentence_texts == [text[span.start : span.end]]
    assert event.trigger_span is not None
    assert text[event.trigger_span.start : event.trigger_span.end] == "met"
