"""Which entity mechanisms run: all of them, except when a benchmark turns one off.

kg itself always runs every mechanism (``ALL_RULES``). bench/entities.py
--ablation turns each off in turn to measure what it adds on each dev set; a
mechanism that helps on neither is removed from the code, not left switched off.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True, slots=True)
class Rules:
    """One flag per mechanism of kg.extract.entities.mentions (True: it runs)."""

    # Spans the model gave cut to names: role and nationality words off the front.
    descriptors: bool = True
    # A nickname in quotes keeps a person's name whole (kg.extract.entities.nicknames).
    nicknames: bool = True
    # Competitors in results lines and tables, and people in lists (kg.extract.entities.recover).
    recover: bool = True
    # Authors of works cited by author and year are people ("(Nkosi & Varga, 2010)").
    citations: bool = True
    # One-word "names" that are nationality words or sentence-initial common words dropped.
    common_words: bool = True
    # Cue words around mentions vote for a type (kg.extract.entities.cues).
    cues: bool = True
    # The gazetteer, person-shaped names and sports context decide between the votes.
    decide: bool = True
    # Every other occurrence of a known name, and surnames of people, become mentions.
    propagate: bool = True
    # Short forms join their full names, acronyms their expansions (kg.extract.entities.names).
    short_forms: bool = True
    # Names of things (works, products, laws, buildings) typed as their own classes.
    things: bool = True
    # Places and people named inside other names ("University of Michigan") are mentioned.
    nested: bool = True

    def without(self, name: str) -> Rules:
        """These rules with mechanism ``name`` off."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        if name not in values:
            raise ValueError(f"no mechanism {name!r}")
        values[name] = False
        return Rules(**values)

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]


ALL_RULES = Rules()
