"""Capitalised words that are no names (kg.extract.entities.common), on hand-made groups
and hand-written sentences."""

from __future__ import annotations

from collections import Counter

from kg.extract.entities.common import defined_terms, not_names
from kg.extract.entities.decide import Group
from kg.model import EntityType


def group(form: str, kind: EntityType = "Organization", **cues: int) -> Group:
    g = Group(form.casefold(), forms=Counter({form: 2}), type=kind)
    g.cues.update(cues)
    return g


def test_acronyms_defined_in_lower_case_words_are_terms() -> None:
    text = (
        "Exposure to ultraviolet radiation (UVR) rose, the World Health Organization (WHO) "
        "said, citing cross-linguistic influence (CLI)."
    )
    assert defined_terms(text) == {"uvr", "cli"}


def test_a_common_noun_is_no_organisation_outside_sports() -> None:
    groups = {
        g.key: g
        for g in (
            group("Opera"),
            group("Sense"),
            group("Senate"),  # institutions call themselves so
            group("Congress"),
            group("Apple", Organization=2),  # "Apple shares": a cue says organisation
            group("NATO"),  # an acronym
            group("Harmony", "Person"),  # not typed an organisation
            group("Beatles"),  # never written in lower case, and only a noun
        )
    }
    text = "She went to the opera twice."  # "Sense" is a verb too: no need to see it
    assert not_names(groups, text, sports=False) == {"opera", "sense"}


def test_in_a_sports_report_a_common_word_can_be_a_team() -> None:
    groups = {g.key: g for g in (group("Eagles"), group("Hearts"))}
    assert not_names(groups, "", sports=True) == set()


def test_a_defined_term_is_no_name_whatever_its_type() -> None:
    groups = {g.key: g for g in (group("UVR"), group("UVR", "Person"), group("WHO"))}
    text = "ultraviolet radiation (UVR) and the World Health Organization (WHO)"
    assert not_names(groups, text, sports=False) == {"uvr"}
