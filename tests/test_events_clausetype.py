"""The lead clause typed from its words (kg.extract.events.clausetype), the main-only
types (market move, chart position, team selection), statements of criticism and
appeal, and the argument rules added with them, on hand-written sentences."""

from __future__ import annotations

import pytest
from conftest import main_of, names
from spacy.language import Language

from kg.extract.article import extract
from kg.model import Article, Event, Meta, RawDocument


def article(nlp: Language, text: str, headline: str, section: str | None = None) -> Article:
    meta = Meta(id="a", headline=headline, section=section)
    return next(extract([RawDocument("a.txt", text, meta)], nlp))


def place(a: Article, event: Event) -> str | None:
    i = event.location if event.location is not None else event.fallback_location
    return a.entities[i].name if i is not None else None


@pytest.mark.parametrize(
    ("headline", "text", "kind", "noun"),
    [
        (  # the object's head noun is a trigger noun
            "Vale sues label",
            "Singer Ann Vale has filed a lawsuit against her former label Zentro Records.",
            "trial",
            "lawsuit",
        ),
        (  # through a noun of quantity: "a rise in profits"
            "Zentro profits up",
            "Carmaker Zentro has reported a 12% rise in annual profits.",
            "earnings",
            "profits",
        ),
        (  # the verb is a trigger verb, though the detector wanted two parties
            "Nokara buys into rival",
            "Phone maker Nokara has bought a minority holding in a rival firm.",
            "acquisition",
            "acquisition",
        ),
        (
            "Bank holds rates",
            "The Bank of Norway has held interest rates at 2%.",
            "market_move",
            "market move",
        ),
        (
            "Ferris thriller tops chart",
            "Actor Joe Ferris's new thriller has gone straight to the top of the charts.",
            "chart_position",
            "chart position",
        ),
        (
            "Zeta phone in shops",
            "The new Zeta phone from Nokara is now available in shops across Canada.",
            "launch",
            "launch",
        ),
        (
            "Zeta phone goes on sale",
            "The new Zeta phone from Nokara has gone on sale in Canada.",
            "launch",
            "launch",
        ),
    ],
)
def test_the_lead_clause_is_typed_from_its_words(
    nlp: Language, headline: str, text: str, kind: str, noun: str
) -> None:
    main = main_of(article(nlp, text, headline))
    assert main is not None and (main.type, main.noun) == (kind, noun)
    assert main.title == headline  # still named by the headline


def test_a_place_alone_makes_rules_coming_into_force_an_event(nlp: Language) -> None:
    text = "New rules on food labelling came into force in France on Monday."
    a = article(nlp, text, "Food label rules take effect")
    main = main_of(a)
    assert main is not None and (main.type, main.noun) == ("legislation", "entry into force")
    assert main.attendees == [] and place(a, main) == "France"


def test_a_figure_that_moves_in_a_country_is_a_market_move(nlp: Language) -> None:
    a = article(nlp, "Norway's economy grew by 3% last year.", "Norway economy grows")
    main = main_of(a)
    assert main is not None and main.type == "market_move" and place(a, main) == "Norway"


def test_a_chart_show_is_no_chart_position(nlp: Language) -> None:
    text = "Presenter Sam Hale has returned to City Radio with a new chart show."
    main = main_of(article(nlp, text, "Hale back"))
    assert main is not None and main.type == "happening"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Globex Corporation has extended its deal with Acme Inc.", "agreement"),
        # no agreement: the deal is off (a withdrawal, tests/test_events_announced.py)
        ("Globex Corporation has scrapped its deal with Acme Inc.", "withdrawal"),
    ],
)
def test_a_verb_that_undoes_does_not_give_the_noun_s_type(
    nlp: Language, text: str, kind: str
) -> None:
    main = main_of(article(nlp, text, "Globex and Acme deal"))
    assert main is not None and main.type == kind


def test_one_meets_people_not_a_target(nlp: Language) -> None:
    text = "Wells Airways met its cost-cutting target in the first half."
    main = main_of(article(nlp, text, "Wells on target"))
    assert main is not None and main.type == "happening"


def test_a_player_axed_from_the_side_is_a_selection_placed_nowhere(nlp: Language) -> None:
    text = "Goalkeeper Tom Hale has been axed from Norway's side for Friday's qualifier in Madrid."
    a = article(nlp, text, "Hale axed by Norway")
    main = main_of(a)
    assert main is not None and main.type == "selection"
    assert names(a, main.attendees) == ["Tom Hale"]
    assert place(a, main) is None  # Madrid is where the qualifier is played


def test_the_place_of_the_incident_an_arrest_follows_is_its_place(nlp: Language) -> None:
    text = "Singer Ian Vale was detained after a brawl outside a nightclub in Leeds."
    main = main_of(a := article(nlp, text, "Vale held"))
    assert main is not None and main.type == "arrest" and place(a, main) == "Leeds"


def test_losing_to_someone_is_a_match(nlp: Language) -> None:
    a = article(nlp, "Anna Berg lost to Maria Lopez in the Paris semi-final on Friday.", "Berg out")
    main = main_of(a)
    assert main is not None and main.type == "sports_match"
    assert names(a, main.attendees) == ["Anna Berg", "Maria Lopez"]


def test_a_prize_won_in_sport_is_a_match(nlp: Language) -> None:
    text = "Maria Lopez came from a set down to take the Oslo Open title."
    main = main_of(article(nlp, text, "Lopez takes Oslo crown"))
    assert main is not None and main.type == "sports_match"


def test_a_score_is_not_a_count_of_wins(nlp: Language) -> None:
    text = "Maria Lopez reached the Paris final after a 6-3 6-1 win over Anna Berg."
    a = article(nlp, text, "Lopez into Paris final")
    wins = [e for e in a.events if e.noun == "victory"]
    assert [(e.type, names(a, e.attendees)) for e in wins] == [("sports_match", ["Anna Berg"])]


def test_a_verbal_attack_is_criticism(nlp: Language) -> None:
    a = article(nlp, "Senator Ann Ross has attacked the government's transport plan.", "Ross")
    main = main_of(a)
    assert main is not None and (main.type, main.noun) == ("announcement", "criticism")
    assert names(a, main.agents) == ["Ann Ross"]


def test_an_attack_with_words_of_violence_is_no_criticism(nlp: Language) -> None:
    text = "Gunmen have attacked a police convoy north of Lagos, killing four officers."
    a = article(nlp, text, "Gunmen hit convoy")
    assert [e for e in a.events if e.type == "announcement"] == []


def test_a_call_for_something_is_an_appeal(nlp: Language) -> None:
    a = article(nlp, "Mayor Jim Kerr has called for calm after the riots.", "Mayor calls for calm")
    main = main_of(a)
    assert main is not None and (main.type, main.noun) == ("announcement", "appeal")
    assert names(a, main.attendees) == ["Jim Kerr"]


def test_cleared_of_a_charge_is_an_acquittal(nlp: Language) -> None:
    a = article(nlp, "Boxer Tim Roe has been cleared of assault by a jury.", "Roe cleared")
    main = main_of(a)
    assert main is not None and (main.type, main.noun) == ("trial", "acquittal")
    assert names(a, main.attendees) == ["Tim Roe"]


def test_a_fine_in_a_clause_of_once_is_no_event(nlp: Language) -> None:
    text = "Tom Diaz will be free to play once he has paid his fine."
    assert article(nlp, text, "Diaz waits").events == []


def test_nominations_for_awards_are_no_award(nlp: Language) -> None:
    text = "Singer Jane Roe has earned a nomination for a Grammy award."
    a = article(nlp, text, "Roe nominated")
    assert [e.type for e in a.events] == ["happening"]


def test_the_clause_a_newspaper_reports_is_the_news(nlp: Language) -> None:
    text = "Acme Corporation has closed its factory in Leeds, the Financial Post reported."
    a = article(nlp, text, "Acme shuts plant")
    main = main_of(a)
    assert main is not None and main.trigger == "closed"
    assert names(a, main.attendees) == ["Acme Corporation"]  # not the newspaper
    assert place(a, main) == "Leeds"
