"""Argument rules of events on hand-written sentences: a team is no place, a name inside
an owned event's name is no place, a cut title and a work take no part, a later lead
sentence told as the past is no main event, and a day before a month is the date.
Each rule with its flag off, to show the rule is what changes the output."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import main_of, names
from spacy.language import Language

from kg.extract.article import extract
from kg.extract.events.context import ALL_ON, EventSettings
from kg.model import Article, Event, Meta, RawDocument


def article(
    nlp: Language,
    text: str,
    headline: str,
    settings: EventSettings = ALL_ON,
    section: str | None = None,
) -> Article:
    meta = Meta(id="a", headline=headline, section=section)
    return next(extract([RawDocument("a.txt", text, meta)], nlp, event_settings=settings))


def place_name(a: Article, event: Event) -> str | None:
    return None if event.location is None else a.entities[event.location].name


def off(flag: str) -> EventSettings:
    return replace(ALL_ON, **{flag: False})


INJURY = (
    "Wales's back row crisis has worsened ahead of the Vanta Cup with news that Ivo "
    "Marek will miss the opening matches."
)


def test_a_team_noun_after_a_country_is_no_place(nlp: Language) -> None:
    # the lead has no named participant and no place: no main event at all
    assert main_of(article(nlp, INJURY, "Wales suffer injury blow")) is None
    before = main_of(article(nlp, INJURY, "Wales suffer injury blow", off("team_possessors")))
    assert before is not None and before.trigger == "worsened"


def test_a_squad_is_no_place_but_its_event_stays(nlp: Language) -> None:
    text = "Ireland's squad has been cut to 30 players by coach Ivo Marek."
    a = article(nlp, text, "Ireland squad cut")
    main = main_of(a)
    assert main is not None and main.trigger == "cut"
    assert names(a, main.attendees) == ["Ivo Marek"]
    assert place_name(a, main) is None
    b = article(nlp, text, "Ireland squad cut", off("team_possessors"))
    main_off = main_of(b)
    assert main_off is not None and place_name(b, main_off) == "Ireland"


def test_a_team_noun_before_another_noun_is_no_team(nlp: Language) -> None:
    text = "Norway's defence minister has opened the country's Vanta air show."
    a = article(nlp, text, "Norway opens air show")
    main = main_of(a)
    assert main is not None and main.trigger == "opened" and place_name(a, main) == "Norway"


def test_a_sports_page_country_possessive_is_a_team(nlp: Language) -> None:
    text = "Norway's fly-half has been ruled out by coach Ivo Marek."
    a = article(nlp, text, "Norway lose fly-half", section="sport")
    main = main_of(a)
    assert main is not None and place_name(a, main) is None


def test_a_sports_page_country_s_own_body_keeps_its_place(nlp: Language) -> None:
    text = "Norway's athletics body has lifted a ban on the runner Ivo Marek."
    a = article(nlp, text, "Ban on Marek lifted", section="sport")
    main = main_of(a)
    assert main is not None and main.trigger == "lifted" and place_name(a, main) == "Norway"


def test_a_country_s_economy_keeps_its_place(nlp: Language) -> None:
    # not a team: "Germany's economy" is the country's own news
    a = article(nlp, "Germany's economy grew by 2% in the last quarter.", "German economy grows")
    main = main_of(a)
    assert main is not None and place_name(a, main) == "Germany"


SUMMIT = "Vanta Media's Oslo summit drew several hundred delegates on Monday, Ada Kell said."


def test_a_place_inside_an_owned_event_name_is_no_location(nlp: Language) -> None:
    a = article(nlp, SUMMIT, "Summit draws crowds")
    summit = next(e for e in a.events if e.trigger == "summit")
    assert names(a, summit.attendees) == ["Vanta Media"]
    assert place_name(a, summit) is None
    b = article(nlp, SUMMIT, "Summit draws crowds", off("named_event_places"))
    assert place_name(b, next(e for e in b.events if e.trigger == "summit")) == "Oslo"


def test_an_unowned_place_summit_keeps_its_place(nlp: Language) -> None:
    text = "Delegates flocked to the Oslo summit on Monday, Ada Kell said."
    a = article(nlp, text, "Summit draws crowds")
    assert place_name(a, next(e for e in a.events if e.trigger == "summit")) == "Oslo"


@pytest.mark.parametrize(
    ("title", "cut"),
    [
        ("the Office of the Deputy Prime Minister of Arvenia", "Office"),
        ("the Office of the Deputy Mayor", "Office of the Deputy"),
        ("the Agency of the Vanta Home Secretary", "Agency of the Vanta Home"),
    ],
)
def test_a_cut_title_takes_no_part(nlp: Language, title: str, cut: str) -> None:
    text = f"House prices dipped slightly in November, {title} has said."
    assert main_of(article(nlp, text, "House prices dip")) is None
    b = article(nlp, text, "House prices dip", off("name_fragments"))
    main = main_of(b)
    assert main is not None and names(b, main.attendees) == [cut]


@pytest.mark.parametrize(
    "title", ["the Office of the Chief Inspector", "the Bank of Arvenia Governor Ada Kell"]
)
def test_a_whole_title_takes_part(nlp: Language, title: str) -> None:
    text = f"House prices dipped slightly in November, {title} has said."
    main = main_of(article(nlp, text, "House prices dip"))
    assert main is not None and main.attendees


PREMIERE = (
    "The stars of pop band Velora have reunited for the home premiere of hit musical "
    "Johnny Velvet which is based on the band's songs."
)


def test_a_work_after_a_work_noun_takes_no_part(nlp: Language) -> None:
    a = article(nlp, PREMIERE, "Stars reunite for premiere")
    assert all("Johnny Velvet" not in names(a, e.attendees) for e in a.events)
    b = article(nlp, PREMIERE, "Stars reunite for premiere", off("work_names"))
    main = main_of(b)
    assert main is not None and names(b, main.attendees) == ["Johnny Velvet"]


CHART_LEAD = (
    "Animated film Vanta Dreams has opened at the top of the box-office chart, taking "
    "$40m in its first weekend."
)


def test_a_works_chart_position_is_an_event_about_the_work(nlp: Language) -> None:
    a = article(nlp, CHART_LEAD, "Vanta Dreams tops box office")
    main = main_of(a)
    assert main is not None and main.type == "chart_position" and not main.attendees
    assert names(a, main.about) == ["Vanta Dreams"]
    assert (
        main_of(article(nlp, CHART_LEAD, "Vanta Dreams tops box office", off("work_subjects")))
        is None
    )


def test_a_work_the_entities_call_a_thing_is_what_a_chart_position_is_about(
    nlp: Language,
) -> None:
    text = (
        "The low-budget horror film Vanta Nights has knocked Ada Kell's comedy from the "
        "top spot at the box office."
    )
    a = article(nlp, text, "Vanta Nights tops box office")
    main = main_of(a)
    assert main is not None and main.type == "chart_position"
    assert names(a, main.about) == ["Vanta Nights"] and names(a, main.attendees) == ["Ada Kell"]
    b = article(nlp, text, "Vanta Nights tops box office", off("work_subjects"))
    before = main_of(b)
    assert before is not None and before.about == []


def test_a_works_release_is_made_by_its_maker(nlp: Language) -> None:
    text = "The novel Silver Orchard by Ada Kell was published on Monday."
    a = article(nlp, text, "Kell novel published")
    main = main_of(a)
    assert main is not None and main.type == "release"
    assert names(a, main.attendees) == ["Ada Kell"] and names(a, main.about) == ["Silver Orchard"]
    b = article(nlp, text, "Kell novel published", off("work_subjects"))
    assert all("Silver Orchard" not in names(b, e.about) for e in b.events)


def test_a_work_in_another_happening_is_still_no_party(nlp: Language) -> None:
    text = "The film Silver Orchard has been criticised by Ada Kell."
    a = article(nlp, text, "Kell criticises film")
    assert all("Silver Orchard" not in names(a, e.attendees + e.about) for e in a.events)


def test_a_person_after_a_noun_of_people_still_takes_part(nlp: Language) -> None:
    text = "Singer Tova Brandt attended the premiere of the film in London on Monday."
    a = article(nlp, text, "Brandt at premiere")
    assert any("Tova Brandt" in names(a, e.attendees) for e in a.events)


BACKGROUND = (
    "The majority owner of Kell Foods has sued the Arvenian government for $28bn.\n\n"
    "The Vanta Group last year seized and sold the Kell Foods arm to a state oil group."
)


@pytest.mark.parametrize("when", ["last year", "previously"])
def test_a_later_lead_sentence_told_as_past_is_no_main_event(nlp: Language, when: str) -> None:
    text = BACKGROUND.replace("last year", when)
    assert main_of(article(nlp, text, "Kell Foods owner sues")) is None
    main = main_of(article(nlp, text, "Kell Foods owner sues", off("later_backstory")))
    assert main is not None and main.trigger == "seized"


def test_a_year_is_the_past_only_before_the_year_of_publication(nlp: Language) -> None:
    text = BACKGROUND.replace("last year", "in 2003")
    undated = main_of(article(nlp, text, "Kell Foods owner sues"))
    assert undated is not None and undated.trigger == "seized"  # may be this year's
    meta = Meta(id="a", headline="Kell Foods owner sues", date_published="2005-02-01")
    dated = next(extract([RawDocument("a.txt", text, meta)], nlp))
    assert main_of(dated) is None


def test_a_first_sentence_told_as_past_stays_the_main_event(nlp: Language) -> None:
    text = "The Vanta Group last week seized the Kell Foods arm.\n\nIt was sold on."
    main = main_of(article(nlp, text, "Vanta seizes Kell arm"))
    assert main is not None and main.trigger == "seized"


def test_the_day_before_a_month_is_part_of_the_date(nlp: Language) -> None:
    # measured, not kept (off by default): the right day cost a lenient match on pages 35
    text = (
        "Access was restored on Thursday.\n\nThis follows a 14 November 2012 ruling by "
        "the Supreme Court of Arvenia that the ban was unlawful."
    )
    on = replace(ALL_ON, day_dates=True)
    ruling = [e for e in article(nlp, text, "Access restored", on).events if e.trigger == "ruling"]
    assert [e.start_date for e in ruling] == ["2012-11-14"]
    b = article(nlp, text, "Access restored")
    assert [e.start_date for e in b.events if e.trigger == "ruling"] == ["2012-11"]


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("Ivo Marek has delivered a rousing speech to the Vanta Party's spring rally.", "speech"),
        ("Dunmore striker Ivo Marek has issued an apology for criticising the club.", "apology"),
        ("Kell Foods has issued a profit warning after poor sales.", "warning"),
    ],
)
def test_a_light_verb_s_noun_of_words_is_a_statement(nlp: Language, text: str, noun: str) -> None:
    main = main_of(article(nlp, text, "Words in public"))
    assert main is not None and (main.type, main.noun) == ("announcement", noun)
    main_off = main_of(article(nlp, text, "Words in public", off("light_nouns")))
    assert main_off is not None and main_off.type == "happening"


def test_a_light_verb_s_other_noun_stays_a_happening(nlp: Language) -> None:
    text = "Ada Kell has made a £2m donation to the Vanta Party for its election fund."
    main = main_of(article(nlp, text, "Kell's election gift"))
    assert main is not None and main.type == "happening"


THIRD = replace(ALL_ON, third_sentence=True)
SCENE = (
    "Fast, friendly and cheap – talk about a good fit. Ada Kell and Ivo Marek could not "
    "ignore it! Together, they led Vantaline's move to the new platform."
)


def test_a_third_sentence_when_the_first_two_report_nothing(nlp: Language) -> None:
    # measured, not kept (off by default): what it added was judged 71 % right
    main = main_of(article(nlp, SCENE, "The Vantaline ascent", THIRD))
    assert main is not None and main.trigger == "led"
    assert main_of(article(nlp, SCENE, "The Vantaline ascent")) is None


def test_no_third_sentence_when_the_lead_reports(nlp: Language) -> None:
    text = "Kell Foods has opened a plant in Leeds. It employs 300. Ivo Marek led the move."
    main = main_of(article(nlp, text, "Kell Foods opens plant", THIRD))
    assert main is not None and main.trigger == "opened"


def test_a_third_sentence_needs_a_named_participant(nlp: Language) -> None:
    # a place alone (the country "is wrestling") is too weak so far from the lead
    text = (
        "Fast, friendly and cheap – talk about a good fit. Ada Kell could not ignore it! "
        "Norway is wrestling with a swelling budget gap."
    )
    assert main_of(article(nlp, text, "Norway in a bind", THIRD)) is None
    first = main_of(article(nlp, text.split("! ")[1], "Norway in a bind"))
    assert first is not None and first.trigger == "wrestling"


def test_words_are_not_placed_where_their_object_is(nlp: Language) -> None:
    text = "Carmaker Vanta has forecast sales growth of at least 10% in Asia this year."
    a = article(nlp, text, "Vanta upbeat")
    main = main_of(a)
    assert main is not None and main.type == "announcement" and main.location is None
    b = article(nlp, text, "Vanta upbeat", off("said_objects"))
    before = main_of(b)
    assert before is not None and place_name(b, before) == "Asia"


def test_a_meeting_is_still_placed(nlp: Language) -> None:
    main = main_of(a := article(nlp, "Ada Kell has met Ivo Marek in Oslo.", "Kell meets Marek"))
    assert main is not None and place_name(a, main) == "Oslo"
