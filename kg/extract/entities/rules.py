"""Which entity mechanisms run: all of them, except when a benchmark turns one off.

kg itself runs every mechanism (``ALL_RULES``) but the learned decision, which is
measured and not shipped. bench/entities.py --ablation turns each off in turn (and
that one on) to measure what it adds on each dev set; a mechanism that helps on
neither is removed from the code, not left switched off.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True, slots=True)
class Rules:
    """One flag per mechanism of kg.extract.entities.mentions (True: it runs)."""

    # Spans the model gave cut to names: role and nationality words off the front.
    descriptors: bool = True
    # A conjunction opening a clause ("after", "while", "because") ends a name the model
    # ran on past it ("the Senate after Dr Kell"): the name is the part before it.
    clause_words: bool = True
    # A possessive inside a span the model calls a person ("Ada Kell's Winter Theory"):
    # the person is the possessor; what she owns is no person.
    person_possessives: bool = True
    # A colon written against a word splits a span ("Winter Theory: Ada Kell").
    colons: bool = True
    # Brackets the model left in a span: an unclosed "(" ends the name, an editor's square
    # brackets in a person's name go ("[Ada B.] Kell" → "Ada B. Kell").
    brackets: bool = True
    # A nickname in quotes keeps a person's name whole (kg.extract.entities.nicknames).
    nicknames: bool = True
    # "Kell, Ada." lines of a list (a catalogue, a reading list) are the person Ada Kell
    # (kg.extract.entities.inverted).
    inverted_names: bool = True
    # Competitors in results lines and tables, and people in lists (kg.extract.entities.recover).
    recover: bool = True
    # Authors of works cited by author and year are people ("(Nkosi & Varga, 2010)").
    citations: bool = True
    # ... also cited with a bare year ("Nkosi and Varga 2010"), a numbered reference
    # ("Nkosi & Varga [7]") or a reference in brackets that runs on (kg.extract.entities.recover).
    citation_forms: bool = True
    # One-word "names" that are nationality words or sentence-initial common words dropped.
    common_words: bool = True
    # ... and a small town's name is no proof such a word is a name ("Bake for 20 minutes"),
    # unless the model read it as a place (kg.extract.entities.common).
    common_towns: bool = True
    # Name-shaped items of a list of places are places (kg.extract.entities.recover).
    list_places: bool = True
    # A given name and a capitalised word the model missed are a person (kg.extract.entities.given).
    given_names: bool = True
    # The site the article's web address names ("told Vantanews" on vantanews.org) is its
    # publisher: an Organization (kg.extract.entities.missed.publisher_named).
    publisher: bool = True
    # Cue words around mentions vote for a type (kg.extract.entities.cues).
    cues: bool = True
    # A verb said of people only votes Person for its subject or object ("Orrin thought",
    # "Vell was born", "appointed Orrin"; kg.extract.entities.cues).
    person_verbs: bool = True
    # The gazetteer, person-shaped names and sports context decide between the votes.
    decide: bool = True
    # Cue words that clearly say a place ("in X", "X, Vermont", "the island of X")
    # outweigh a name's person shape ("Marie Vell" read as a given name and a surname).
    place_over_shape: bool = True
    # Every other occurrence of a known name, and surnames of people, become mentions.
    propagate: bool = True
    # Short forms join their full names, acronyms their expansions (kg.extract.entities.names).
    short_forms: bool = True
    # An organisation's shorter names ("Korvel" of "Korvel University") and "State of X"
    # join it (kg.extract.entities.names.org_short_forms).
    joins: bool = True
    # Names of things (works, products, laws, buildings) typed as their own classes.
    things: bool = True
    # A noun for a kind of place governs the name: "the village of X", "X, a suburb"
    # (kg.extract.entities.placecues).
    place_nouns: bool = True
    # The name is the subject of "to be" with such a noun: "X is a small town".
    place_predicates: bool = True
    # A state or country qualifies the name after a comma ("X, Vermont"), or the name a city.
    qualifiers: bool = True
    # "Halloway, Vermont" as written is one of the place's names.
    qualified_names: bool = True
    # Coordinated with places the gazetteer surely knows ("Wichita, Omaha and X").
    conjuncts: bool = True
    # The word before "for" is a name's head too ("Vanta Prize for Poetry": a prize).
    for_heads: bool = True
    # Works that name their form ("Third Symphony") and named ideas ("Vanta Theory", left
    # out) by their head word (kg.extract.entities.things).
    work_heads: bool = True
    # Plans, goals and recurring occasions named by their head word ("Vanta Master Plan",
    # "Orrin Winter Carnival", "National Kell Month") are left out like named events.
    plan_heads: bool = True
    # A clear noun for a class of work or product ("the television series X") outweighs
    # a person-shaped name.
    class_over_shape: bool = True
    # A year in brackets after a name, or a class noun before it further off than
    # "the film X" ("the television series X"), make it a work (kg.extract.entities.workcues).
    work_cues: bool = True
    # Places and people named inside other names ("University of Michigan") are mentioned.
    nested: bool = True
    # ... and inside the names of events left out ("Vanta Arts Week": Vanta).
    event_nested: bool = True
    # Acronyms written with a plural "-s" ("EVGs"), or only ever after a number ("300 DKV"),
    # are kinds of things or units, not organisations (kg.extract.entities.shapes).
    concept_acronyms: bool = True
    # "The" + a name ending in a plural ("the Orrin Owls") is a team, band or group: never a
    # Person.
    plural_names: bool = True
    # A name in capitals that reads as a person's once written as names are ("ADA KELL"),
    # which the model called a person, is one, not an acronym (kg.extract.entities.shapes).
    caps_names: bool = True
    # A town's name that is a word of a longer name is that person only when the longer
    # name reads as a person's (the model's label or its shape), not "Halloway Orchestra".
    place_parts: bool = True
    # A learned decision drops names typed Organization it is sure are none
    # (kg.extract.entities.learned). Off: on held-out GUM genres it lifts Organization F1
    # (.452 → .472) but in BBC news it drops real organisations ("Reuters", broadcasters)
    # and lowers the events' main-event recall (0.711 → 0.658). The ablation measures it on.
    learned: bool = False
    # The learned decision's weights: a JSON file, None for the ones kg ships (a benchmark
    # passes the weights of a fold that never saw the text). Not a mechanism.
    weights: str | None = None

    def without(self, name: str) -> Rules:
        """These rules with mechanism ``name`` off."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        if name not in self.names():
            raise ValueError(f"no mechanism {name!r}")
        values[name] = False
        return Rules(**values)

    @classmethod
    def names(cls) -> list[str]:
        """The mechanisms (every switch; the weights file is none)."""
        return [f.name for f in fields(cls) if f.name != "weights"]


ALL_RULES = Rules()
