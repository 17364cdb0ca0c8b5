"""What a name's shape says it is not (kg.extract.entities.shapes), towns in longer names
and said to be towns (kg.extract.entities.decide, placecues), head words of awards, works,
ideas, plans and occasions (kg.extract.entities.things), names in capitals, verbs said of
people (kg.extract.entities.cues) and class nouns against a person's shape: hand-written
sentences with invented names (and real towns), each rule on and off."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest
from spacy.language import Language

from kg.extract import article as extraction
from kg.extract.entities.decide import Group, decide_types
from kg.extract.entities.missed import site_name
from kg.extract.entities.rules import ALL_RULES, Rules
from kg.extract.entities.things import CONCEPT, EVENT, head_class
from kg.model import Meta, RawDocument


def types(text: str, nlp: Language, rules: Rules = ALL_RULES) -> dict[str, str]:
    raw = RawDocument(source="test.txt", text=text, meta=Meta(id="test"))
    article = next(extraction.extract([raw], nlp, rules=rules))
    return {e.name: e.type for e in article.entities}


def test_an_acronym_with_a_plural_s_names_a_kind_of_thing(nlp: Language) -> None:
    text = "Many EVGs were sold last year, and EVG sales rose again in the spring."
    assert "EVG" not in types(text, nlp)
    assert types(text, nlp, replace(ALL_RULES, concept_acronyms=False))["EVG"] == "Organization"


def test_an_acronym_only_after_numbers_is_a_unit(nlp: Language) -> None:
    text = "A night in the old town costs 300 DKV, and a meal about 90 DKV."
    assert "DKV" not in types(text, nlp)
    assert "DKV" in types(text, nlp, replace(ALL_RULES, concept_acronyms=False))


@pytest.mark.parametrize(
    "text",
    [
        "The VNTA said on Monday that 300 workers would lose their jobs. VNTA staff objected.",
        "About 500 VNTA staff walked out on Monday, and 200 VNTA nurses joined them.",
    ],
)
def test_an_acronym_used_as_a_name_stays_an_organisation(text: str, nlp: Language) -> None:
    assert types(text, nlp)["VNTA"] == "Organization"


def test_the_and_a_plural_name_is_a_team_not_a_person(nlp: Language) -> None:
    text = "The Vanta Sox beat the Orrin Owls 5-3 on Sunday. Fans cheered as the Owls slipped."
    assert types(text, nlp)["Orrin Owls"] == "Organization"
    assert types(text, nlp, replace(ALL_RULES, plural_names=False))["Orrin Owls"] == "Person"


def test_a_persons_name_after_the_stays_a_person(nlp: Language) -> None:
    text = "Ada Kell met the Korvel chairman. Later Ada Kell said the talks went well."
    assert types(text, nlp)["Ada Kell"] == "Person"


def _group(name: str, votes: dict[str, int]) -> Group:
    return Group(name.casefold(), forms=Counter({name: 2}), votes=Counter(votes), mentions=2)


def test_a_town_in_a_longer_name_that_is_no_persons_stays_a_town() -> None:
    # "Leipzig Vantesh" got no type from the model and has no person's shape: no person's
    # name, so the town the model calls a place twice is a place, not part of a name.
    def decided(place_parts: bool) -> str:
        groups = {
            "leipzig": _group("Leipzig", {"Place": 2}),
            "leipzig vantesh": _group("Leipzig Vantesh", {}),
        }
        decide_types(groups, sports=False, place_parts=place_parts)
        return groups["leipzig"].type

    assert decided(True) == "Place"
    assert decided(False) == "Person"


def test_a_town_in_a_persons_name_is_that_person() -> None:
    groups = {
        "leipzig": _group("Leipzig", {"Person": 1, "Place": 1}),
        "ada leipzig": _group("Ada Leipzig", {"Person": 2}),
    }
    decide_types(groups, sports=False)
    assert groups["leipzig"].type == "Person"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Marvelo was once a small fishing village. Marvelo now has two hotels.", "Marvelo"),
        ("Graz is one of the largest cities in the land. Graz has a busy port.", "Graz"),
    ],
)
def test_a_name_said_to_be_a_town_is_a_place(text: str, name: str, nlp: Language) -> None:
    assert types(text, nlp)[name] == "Place"
    assert types(text, nlp, replace(ALL_RULES, place_predicates=False))[name] != "Place"


def test_a_person_said_to_be_a_state_senator_stays_a_person(nlp: Language) -> None:
    text = "Ada Kell is a state senator. Ada Kell said so on Monday."
    assert types(text, nlp)["Ada Kell"] == "Person"


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("Vantesh Prize for Poetry", ("Thing", EVENT)),  # an award, left out
        ("Korvel Museum for Modern Art", ("Place", "Museum")),
        ("Vantesh Institute for Deep Sea Research", None),  # no head word of a class
    ],
)
def test_the_word_before_for_is_a_head(name: str, said: tuple[str, str] | None) -> None:
    assert head_class(name, for_heads=True) == said
    assert head_class(name) is None


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("Third Vantesh Symphony", ("Thing", "MusicComposition")),
        ("Kell Theory", ("Thing", CONCEPT)),
        ("Gospel of Arvenia", ("Thing", "Book")),
        ("Vantesh Symphony Orchestra", None),  # an orchestra is no work
    ],
)
def test_works_and_ideas_named_by_their_form(name: str, said: tuple[str, str] | None) -> None:
    assert head_class(name, work_heads=True) == said
    assert head_class(name) is None


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("Vantesh Master Plan", ("Thing", EVENT)),
        ("Orrin Development Goals", ("Thing", EVENT)),
        ("National Kell Month", ("Thing", EVENT)),
        ("Winter Carnival of Orrin", ("Thing", EVENT)),
        ("Kell-Fest", None),  # one word: no head of its own
        ("Orrin Kell-Fest", ("Thing", EVENT)),
        ("Vantesh Planning Board", None),
    ],
)
def test_plans_and_occasions_named_by_their_head(name: str, said: tuple[str, str] | None) -> None:
    assert head_class(name, plan_heads=True) == said
    assert head_class(name) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Vantesh Sustainable Development Goals were adopted by the council in Halloway.",
         "Vantesh Sustainable Development Goals"),
        ("The National Kell Month begins in May, and Ada Kell will open it.", "National Kell Month"),
    ],
)  # fmt: skip
def test_a_named_plan_or_occasion_is_left_out(nlp: Language, text: str, name: str) -> None:
    assert name not in types(text, nlp)
    assert types(text, nlp, replace(ALL_RULES, plan_heads=False))[name] == "Organization"


def test_a_named_idea_is_left_out(nlp: Language) -> None:
    text = "The Kell Theory explains it. Ada Kell first wrote about the Kell Theory in May."
    assert "Kell Theory" not in types(text, nlp)


@pytest.mark.parametrize(
    ("url", "site"),
    [
        ("https://en.vantanews.org/wiki/Some_story", "vantanews"),
        ("https://www.korveltimes.co.uk/news/1", "korveltimes"),
        ("https://www.congress.gov/bill/1", None),  # a common word: no proof of a publisher
        ("https://www.texas.gov/x", None),  # a place's name
        (None, None),
    ],
)
def test_the_site_a_web_address_names(url: str | None, site: str | None) -> None:
    assert site_name(url) == site


def test_the_site_the_article_names_is_its_publisher(nlp: Language) -> None:
    text = "Ada Kell told Vantanews on Monday that she would run. Vantanews asked her why."

    def typed(url: str | None, rules: Rules = ALL_RULES) -> str | None:
        raw = RawDocument(source="t.txt", text=text, meta=Meta(id="t", url=url))
        article = next(extraction.extract([raw], nlp, rules=rules))
        return next((e.type for e in article.entities if e.name == "Vantanews"), None)

    url = "https://en.vantanews.org/wiki/Kell_to_run"
    assert typed(url) == "Organization"
    assert typed(url, replace(ALL_RULES, publisher=False)) != "Organization"
    assert typed(None) != "Organization"  # without its address, nothing says it publishes


def test_a_firm_descriptor_types_a_longer_name(nlp: Language) -> None:
    # spaCy reads the name as a person's; "security firm" before it says otherwise
    text = "Head\n\nThe figures come from research by security firm Ada Kell Data."
    assert types(text, nlp)["Ada Kell Data"] == "Organization"


def test_a_descriptor_that_names_people_too_types_no_longer_name(nlp: Language) -> None:
    text = "Head\n\nThe show was presented by comedian and broadcaster Ivo Marek in 1990."
    assert types(text, nlp)["Ivo Marek"] == "Person"


def test_what_a_firm_makes_as_the_last_word_is_an_organisation(nlp: Language) -> None:
    text = "Head\n\nAda Kell, who founded Kell Labs in 2001, said the drug works."
    assert types(text, nlp) == {"Ada Kell": "Person", "Kell Labs": "Organization"}


def test_a_person_s_name_in_capitals_is_a_person(nlp: Language) -> None:
    text = "A few hours ago, Joe Vell and ADA KELL were sworn in. ADA KELL is now the first mayor."
    assert types(text, nlp)["ADA KELL"] == "Person"
    assert types(text, nlp, replace(ALL_RULES, caps_names=False))["ADA KELL"] == "Organization"


def test_an_acronym_in_capitals_stays_an_organisation(nlp: Language) -> None:
    text = "Shares in VANTA CORP rose after VANTA CORP said profits doubled."
    assert types(text, nlp).get("VANTA CORP") != "Person"


@pytest.mark.parametrize(
    ("text", "name", "before"),
    [
        ("In the fifth century, Orrinides thought that all matter was made of grains.",
         "Orrinides", "Organization"),
        ("The council appointed Vellarus to draft a new code of laws.", "Vellarus", "Place"),
        ("Kellmann testified before the committee yesterday.", "Kellmann", "Organization"),
    ],
)  # fmt: skip
def test_a_verb_said_of_people_makes_its_subject_or_object_a_person(
    nlp: Language, text: str, name: str, before: str
) -> None:
    assert types(text, nlp)[name] == "Person"
    assert types(text, nlp, replace(ALL_RULES, person_verbs=False))[name] == before


def test_a_firm_that_says_stays_a_firm(nlp: Language) -> None:
    text = "Vantacorp said profits rose, and Vantacorp shares climbed."
    assert types(text, nlp)["Vantacorp"] == "Organization"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("He rose to fame after appearing on the television series Molly Vantes. In 2000 he "
         "was cast on the television series Molly Vantes, a role he played until 2005.",
         "Molly Vantes"),
        ("She starred in the film Grace Orrin in 1999, and the film Grace Orrin won two awards.",
         "Grace Orrin"),
    ],
)  # fmt: skip
def test_a_clear_class_noun_outweighs_a_person_shaped_name(
    nlp: Language, text: str, name: str
) -> None:
    assert types(text, nlp)[name] == "Thing"
    assert types(text, nlp, replace(ALL_RULES, class_over_shape=False))[name] == "Person"


def test_a_person_next_to_a_class_noun_once_stays_a_person(nlp: Language) -> None:
    text = "Grace Orrin directed it. The film, said Grace Orrin, took four years to make."
    assert types(text, nlp)["Grace Orrin"] == "Person"
