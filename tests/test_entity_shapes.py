"""What a name's shape says it is not (kg.extract.entities.shapes): hand-written sentences
with invented names, each rule on and off."""

from __future__ import annotations

from dataclasses import replace

import pytest
from spacy.language import Language

from kg.extract import article as extraction
from kg.extract.entities.rules import ALL_RULES, Rules
from kg.model import Meta, RawDocument


def types(text: str, nlp: Language, rules: Rules = ALL_RULES) -> dict[str, str]:
    raw = RawDocument(source="test.txt", text=text, meta=Meta(id="test"))
    article = next(extraction.extract([raw], nlp, rules=rules))
    return {e.name: e.type for e in article.entities}


def test_a_sentence_initial_word_glued_onto_a_name_is_cut_off(nlp: Language) -> None:
    text = (
        "Several Korvel Institute studies found nothing. "
        "Recent Korvel Institute work agrees with them."
    )
    assert types(text, nlp) == {"Korvel Institute": "Organization"}
    before = types(text, nlp, replace(ALL_RULES, initial_words=False))
    assert "Several Korvel Institute" in before
    assert "Recent Korvel Institute" in before


@pytest.mark.parametrize(
    "text",
    [
        # a word the article capitalises mid-sentence too is part of the name
        "Grand Tirvel Lodge opened in May. Members met at the Grand Tirvel Lodge later.",
        # an adjective opening a name that never stands alone is left as it is
        "Royal Vantesh Academy opened its doors on Monday to new students.",
    ],
)
def test_a_name_that_opens_with_its_own_word_is_left_whole(text: str, nlp: Language) -> None:
    got = types(text, nlp)
    assert any(name.startswith(("Grand", "Royal")) for name in got), got


def test_an_acronym_with_a_plural_s_names_a_kind_of_thing(nlp: Language) -> None:
    text = "Many EVGs were sold last year, and EVG sales rose again in the spring."
    assert "EVG" not in types(text, nlp)
    assert types(text, nlp, replace(ALL_RULES, concept_acronyms=False))["EVG"] == "Organization"


def test_an_acronym_only_after_numbers_is_a_unit(nlp: Language) -> None:
    text = "A night in the old town costs 300 DKV, and a meal about 90 DKV."
    assert "DKV" not in types(text, nlp)
    assert "DKV" in types(text, nlp, replace(ALL_RULES, concept_acronyms=False))


def test_an_acronym_used_as_a_name_stays_an_organisation(nlp: Language) -> None:
    text = "The VNTA said on Monday that 300 workers would lose their jobs. VNTA staff objected."
    assert types(text, nlp)["VNTA"] == "Organization"


def test_the_and_a_plural_name_is_a_team_not_a_person(nlp: Language) -> None:
    text = "The Vanta Sox beat the Orrin Owls 5-3 on Sunday. Fans cheered as the Owls slipped."
    assert types(text, nlp)["Orrin Owls"] == "Organization"
    assert types(text, nlp, replace(ALL_RULES, plural_names=False))["Orrin Owls"] == "Person"


def test_a_persons_name_after_the_stays_a_person(nlp: Language) -> None:
    text = "Ada Kell met the Korvel chairman. Later Ada Kell said the talks went well."
    assert types(text, nlp)["Ada Kell"] == "Person"
