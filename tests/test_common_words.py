"""Capitalised words that are no names (kg.extract.entities.common), on hand-made groups
and hand-written sentences."""

from __future__ import annotations

from collections import Counter

from kg.extract.entities.common import defined_terms, drop_common_words, not_names
from kg.extract.entities.decide import Group
from kg.extract.entities.found import Found
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


def test_a_phrase_the_article_also_writes_in_lower_case_is_a_term() -> None:
    groups = {
        g.key: g
        for g in (
            group("Tidal Mapping"),  # written "tidal mapping" too
            group("Harbour Trust"),  # only capitalised
            group("Tidal Mapping Board", Organization=2),
            group("Quiet Hours", "Person"),
            group("Salt Marsh", "Place"),  # places have their own rules
        )
    }
    text = (
        "Tidal Mapping is a young field: tidal mapping of salt marsh edges, the Harbour "
        "Trust says, needs quiet hours."
    )
    assert not_names(groups, text, sports=False) == {"tidal mapping", "quiet hours"}
    assert not_names(groups, text, sports=True) == set()


def test_a_common_word_as_a_person_is_no_name_unless_it_is_part_of_one() -> None:
    groups = {
        g.key: g
        for g in (
            group("Ladder", "Person"),  # "the ladder" below
            group("Shepherd", "Person"),  # a word of "Mary Shepherd"
            group("Mary Shepherd", "Person"),
            group("Lantern", "Person", Person=2),  # "Lantern said": a cue for a person
            group("Rose", "Person"),  # a given name
            group("Fence", "Person"),  # never written in lower case
        )
    }
    text = "The ladder, the shepherd and the lantern were old, said Mary Shepherd. Rose saw a rose."
    assert not_names(groups, text, sports=False) == {"ladder"}


def test_a_name_that_reads_as_a_title_is_no_persons_or_organisations() -> None:
    groups = {
        g.key: g
        for g in (
            group("Chasing Shadows", "Person"),  # a verb's -ing form opens it
            group("Finding Our Way"),
            group("Save Your Garden", "Person"),  # a possessive
            group("Sterling Brown", "Person"),  # "Sterling": a given name, not a verb
            group("US Army"),  # capitals: the United States, no pronoun
            group("Pride Rock", "Person"),
            group("Making Waves Cove", "Place"),  # places have their own rules
        )
    }
    assert not_names(groups, "", sports=False) == {
        "chasing shadows",
        "finding our way",
        "save your garden",
    }


def test_a_verb_the_article_uses_as_a_proper_noun_stays_an_organisation() -> None:
    # "Sway" and "Quarrel" are verbs too; the article uses "Quarrel" bare in the middle
    # of two sentences, "Sway" only after "the" and inside a longer name.
    groups = {g.key: g for g in (group("Quarrel"), group("Sway"))}
    text = (
        "Shares rose after Quarrel said profits doubled. Analysts expect Quarrel to grow. "
        "The Sway was full. Fans of Lords of Sway left early."
    )
    assert not_names(groups, text, sports=False) == {"sway"}


def test_a_word_written_in_lower_case_too_needs_more_bare_uses_than_lower_ones() -> None:
    # "Harrier" bare three times against one "harrier"; "Kestrel" bare twice: too few.
    groups = {g.key: g for g in (group("Harrier"), group("Kestrel"))}
    text = (
        "A harrier flew over as Harrier opened a depot. Investors said Harrier grew, "
        "and rivals fear Harrier now. A kestrel rose. Later Kestrel said it lost. "
        "Traders sold Kestrel shares."
    )
    assert not_names(groups, text, sports=False) == {"kestrel"}


def test_a_small_town_s_name_is_no_proof_a_sentence_initial_word_is_a_name() -> None:
    # "Bake" is the name of a small town too; the model read this one as a person
    text = "Pour the batter into the cases.\n\nBake for 20 minutes, then let them cool."
    start = text.index("Bake")
    found = [Found(start, start + 4, "Bake", "Person", "bake")]
    assert drop_common_words(found, text) == []
    assert drop_common_words(found, text, towns=False) == found


def test_a_place_the_model_read_as_one_stays() -> None:
    text = "We drove on for an hour.\n\nBake is a quiet village by the river."
    start = text.index("Bake")
    found = [Found(start, start + 4, "Bake", "Place", "bake")]
    assert drop_common_words(found, text) == found
