"""The announced future as a lead's main event ("X is to …", "X is set to …") and the
other lead-clause rules added with it, on hand-written sentences."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import main_of, names
from spacy.language import Language

from kg.extract.article import extract
from kg.extract.events.context import ALL_ON, EventSettings
from kg.model import Article, Meta, RawDocument


def article(nlp: Language, text: str, headline: str, settings: EventSettings = ALL_ON) -> Article:
    meta = Meta(id="a", headline=headline)
    return next(extract([RawDocument("a.txt", text, meta)], nlp, event_settings=settings))


@pytest.mark.parametrize(
    ("headline", "text", "verb", "who"),
    [
        (
            "Brandt to headline charity night",
            "Singer Tova Brandt is to headline a charity concert in Glasgow next month.",
            "headline",
            "Tova Brandt",
        ),
        (
            "Marek heads for Dunmore",
            "Striker Ivo Marek is set to join Dunmore Rovers on a month's loan.",
            "join",
            "Ivo Marek",
        ),
        (  # a passive: who acts is the "by"
            "Datavane to scan county maps",
            "Old maps of the county are to be scanned by software firm Datavane.",
            "scanned",
            "Datavane",
        ),
    ],
)
def test_an_announced_clause_is_the_main_event(
    nlp: Language, headline: str, text: str, verb: str, who: str
) -> None:
    a = article(nlp, text, headline)
    main = main_of(a)
    assert main is not None
    assert main.trigger == verb
    assert who in names(a, main.attendees)
    assert main.title == headline


def test_without_the_rule_the_announced_clause_is_no_event(nlp: Language) -> None:
    text = "Singer Tova Brandt is to headline a charity concert in Glasgow next month."
    off = replace(ALL_ON, announced=False)
    assert main_of(article(nlp, text, "Brandt to headline charity night", off)) is None


@pytest.mark.parametrize(
    "text",
    [
        "Singer Tova Brandt was to headline a charity concert in Glasgow.",  # a past plan
        "Singer Tova Brandt is not to headline the charity concert in Glasgow.",
        "Singer Tova Brandt was set to headline a charity concert in Glasgow.",
        "The idea is to sell the Tova Brandt records to a bigger label.",  # nobody acts
        "Singer Tova Brandt is able to sing again after an operation.",
        "Singer Tova Brandt is yet to headline a charity concert in Glasgow.",  # not yet
    ],
)
def test_no_announced_event(nlp: Language, text: str) -> None:
    assert main_of(article(nlp, text, "Brandt news")) is None


def test_shares_in_a_firm_make_it_the_happening_s_participant(nlp: Language) -> None:
    text = "Shares in miner Zentrix Gold fell 12% after the firm closed two of its pits."
    a = article(nlp, text, "Zentrix slides")
    main = main_of(a)
    assert main is not None
    assert main.type == "market_move"
    assert names(a, main.attendees) == ["Zentrix Gold"]
    off = replace(ALL_ON, figure_owners=False)
    assert main_of(article(nlp, text, "Zentrix slides", off)) is None


def test_shares_of_nobody_named_are_no_event(nlp: Language) -> None:
    text = "Shares in mining firms fell sharply after the price of copper dropped."
    assert main_of(article(nlp, text, "Miners slide")) is None


@pytest.mark.parametrize(
    "text",
    [
        "Swimmer Lena Okafor has become the first woman to cross the lake in winter.",
        "Coach Pavel Rusk has become the club's longest-serving manager.",
        "Bakery chain Loafwell is the latest retailer to close its city centre shops.",
    ],
)
def test_a_record_set_is_a_happening(nlp: Language, text: str) -> None:
    a = article(nlp, text, "A first for the record books")
    main = main_of(a)
    assert main is not None
    assert main.trigger in ("become", "is")
    assert len(main.attendees) == 1
    off = replace(ALL_ON, milestone=False)
    assert main_of(article(nlp, text, "A first for the record books", off)) is None


@pytest.mark.parametrize(
    "text",
    [
        "Swimmer Lena Okafor has become a coach at her old school.",
        "Bakery chain Loafwell is the biggest retailer in the region.",  # describes
    ],
)
def test_becoming_or_being_something_plain_is_a_state(nlp: Language, text: str) -> None:
    assert main_of(article(nlp, text, "Okafor coaches")) is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Train fares will rise by 4% in March, Transport Ministry officials have said.",
            "Transport Ministry",
        ),
        (
            "Fewer adults are reading a daily newspaper, says a report from research firm Brightcast.",
            "Brightcast",
        ),
    ],
)
def test_who_speaks_through_officials_and_reports(nlp: Language, text: str, speaker: str) -> None:
    a = article(nlp, text, "Fares and papers")
    main = main_of(a)
    assert main is not None
    assert main.type == "announcement"
    assert names(a, main.attendees) == [speaker]
    assert main_of(article(nlp, text, "Fares and papers", replace(ALL_ON, voices=False))) is None


@pytest.mark.parametrize(
    "text",
    [
        "Brewer Kelda Group has abandoned its takeover of rival Orvin Ales.",
        "Plans for a new port at Dunmere have been scrapped by Harbour Trust Norland.",
    ],
)
def test_a_called_off_plan_is_a_withdrawal(nlp: Language, text: str) -> None:
    a = article(nlp, text, "Plan off")
    assert [(e.type, e.main) for e in a.events] == [("withdrawal", True)]
    off = article(nlp, text, "Plan off", replace(ALL_ON, undone=False))
    assert "withdrawal" not in [e.type for e in off.events]


def test_a_completed_takeover_stays_an_acquisition(nlp: Language) -> None:
    a = article(nlp, "Kelda Group has completed its takeover of Orvin Ales.", "Deal done")
    main = main_of(a)
    assert main is not None and main.type == "acquisition"


def test_a_typed_passive_without_its_doer_is_placed(nlp: Language) -> None:
    text = "A folding electric bicycle has been launched in Canada."
    a = article(nlp, text, "Folding bike on the road")
    main = main_of(a)
    assert main is not None
    assert (main.type, main.attendees) == ("launch", [])
    assert a.entities[main.location].name == "Canada"  # type: ignore[index]
    off = replace(ALL_ON, placed_passive=False)
    assert main_of(article(nlp, text, "Folding bike on the road", off)) is None


def test_a_lead_that_ends_in_a_number_is_the_opening(nlp: Language) -> None:
    text = (
        "Painter Ida Wollard has died aged 84.\n\n"
        "She spent most of her life on the coast, where she taught at a small school."
    )
    a = article(nlp, text, "Painter Wollard dies")
    main = main_of(a)
    assert main is not None
    assert (main.type, names(a, main.attendees)) == ("death", ["Ida Wollard"])
    off = article(nlp, text, "Painter Wollard dies", replace(ALL_ON, prose_numbers=False))
    assert main_of(off) is None
