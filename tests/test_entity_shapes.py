"""What a name's shape says it is not (kg.extract.entities.shapes): hand-written sentences
with invented names, each rule on and off."""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language

from kg.extract import article as extraction
from kg.extract.entities.rules import ALL_RULES, Rules
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
