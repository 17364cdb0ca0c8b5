"""Lead clauses on hand-written sentences: an appeal against something is a court case,
an appeal for something is words; a feeling in the progressive is no happening. Each
rule also with its flag off, to show the rule is what changes the output."""

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
    a = next(extract([RawDocument("a.txt", text, meta)], nlp, event_settings=settings))
    assert isinstance(a, Article)
    return a


def off(flag: str) -> EventSettings:
    return replace(ALL_ON, **{flag: False})


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "Sprinter Ada Kell has lodged an appeal against her four-year doping ban.",
            "Ada Kell",
        ),
        (
            "Vanta Rovers have appealed against the league's decision to dock them ten points.",
            "Vanta Rovers",
        ),
    ],
)
def test_an_appeal_against_something_is_a_court_case(nlp: Language, text: str, who: str) -> None:
    main = main_of(a := article(nlp, text, "Appeal against ban"))
    assert main is not None and (main.type, main.noun) == ("trial", "appeal")
    assert names(a, main.attendees) == [who]
    before = main_of(article(nlp, text, "Appeal against ban", off("legal_appeals")))
    assert before is None or before.type != "trial"


def test_an_appeal_for_witnesses_is_still_words(nlp: Language) -> None:
    text = "Detective Ada Kell has issued an appeal for witnesses to the crash."
    main = main_of(article(nlp, text, "Police appeal"))
    assert main is not None and main.type == "announcement"


@pytest.mark.parametrize(
    "text",
    [
        "Ada Kell is relishing the tie against her former club.",
        "Ada Kell is looking forward to the tie against Vanta Rovers.",
    ],
)
def test_a_feeling_in_the_progressive_is_no_main_event(nlp: Language, text: str) -> None:
    assert main_of(article(nlp, text, "Kell ready for tie")) is None
    before = main_of(b := article(nlp, text, "Kell ready for tie", off("feelings")))
    assert before is not None and names(b, before.attendees) == ["Ada Kell"]


def test_a_feeling_in_the_past_with_a_happening_still_reports(nlp: Language) -> None:
    text = "Ada Kell enjoyed a 3-1 win over Vanta Rovers on Saturday."
    main = main_of(a := article(nlp, text, "Kell wins"))
    assert main is not None and names(a, main.attendees)[:1] == ["Ada Kell"]
