"""What a name's shape says it is not.

* an acronym the article writes with a plural "-s" ("two EVGs") names a kind of
  thing, not an organisation; so does one that only ever follows a number ("300 DKV":
  a unit or a currency), outside sports reports, where "2 PSV" is a score;
* a name written after "the" whose last word is a plural ("the Orrin Owls", "the
  Badgers") names a team, a band or a group, not one person: an Organization, unless
  it is a people's name ("the Ovari");
* a name written in capitals that reads as a person's once written as names are ("ADA
  KELL": Ada Kell) is that person, not an acronym's organisation, when the model said
  a person and no cue word says an organisation.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

from spacy.tokens import Doc, Span

from kg.extract.entities.decide import Group
from kg.extract.entities.names import person_shaped
from kg.lexicon.gazetteer import gazetteer
from kg.lexicon.words import is_english_word

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,5}$")
# Every acronym-shaped word of a text, with a plural "-s" or without.
_ACRONYM_USE = re.compile(r"(?<![\w-])([A-Z][A-Z0-9]{1,5})(s?)(?![\w-])")
_NUMBER_BEFORE = re.compile(r"\d[\d,.]*\s?$")


def concept_acronyms(groups: Mapping[str, Group], text: str, sports: bool) -> set[str]:
    """Keys of acronyms that name kinds of things: written with a plural "-s", or (outside
    sports reports) never but right after a number."""
    candidates: dict[str, str] = {}
    for key, g in groups.items():
        if g.known >= 0 or g.type == "Place":
            continue
        form = max(g.forms, key=g.forms.__getitem__)
        bare = form[:-1] if form.endswith("s") and _ACRONYM.match(form[:-1]) else form
        if _ACRONYM.match(bare) and not gazetteer().is_place_name(bare):
            candidates[key] = bare
    if not candidates:
        return set()
    plural, units = _acronym_uses(text)  # one pass over the text, however many acronyms
    return {
        key
        for key, bare in candidates.items()
        if bare in plural or (not sports and units.get(bare, False))
    }


# Words a unit or currency is followed by ("300 DKV a night", "90 DKV per meal"); any
# other lower-case word after it makes it a modifier ("500 VNTA staff": an organisation's).
_AFTER_UNIT = {"a", "an", "per", "each", "for", "in", "on", "or", "and", "to", "at", "from"}
_NEXT_WORD = re.compile(r"\s+([a-z]+)")


def _acronym_uses(text: str) -> tuple[set[str], dict[str, bool]]:
    """The acronyms the text writes with a plural "-s", and for every other one whether
    each of its uses is a unit's (right after a number, nothing but "a", "per"… after)."""
    plural: set[str] = set()
    units: dict[str, bool] = {}
    for m in _ACRONYM_USE.finditer(text):
        acronym = m.group(1)
        if m.group(2):
            plural.add(acronym)
        else:
            units[acronym] = units.get(acronym, True) and _a_unit(text, m.start(), m.end())
    return plural, units


def _a_unit(text: str, start: int, end: int) -> bool:
    if not _NUMBER_BEFORE.search(text[max(0, start - 12) : start]):
        return False
    after = _NEXT_WORD.match(text, end)
    return after is None or after.group(1) in _AFTER_UNIT


def plural_votes(doc: Doc, span: Span) -> Counter[str]:
    """A "Plural" vote for a name written after "the" whose last word is a plural noun."""
    votes: Counter[str] = Counter()
    if span.start == 0 or doc[span.start - 1].lower_ != "the":
        return votes
    last = span[-1]
    word = last.text
    if not word[:1].isupper() or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return votes
    if last.tag_ == "NNPS" or is_english_word(word[:-1]):
        votes["Plural"] += 1
    return votes


def groups_not_people(groups: Mapping[str, Group]) -> None:
    """A "person" the article writes as "the" + plural is a team, band or group."""
    gaz = gazetteer()
    for key, g in groups.items():
        if g.known >= 0 or g.type != "Person" or not g.cues["Plural"]:
            continue
        if g.cues["Person"] > g.cues["Plural"] or gaz.is_people_word(key):
            continue
        g.type = "Organization"


def caps_people(groups: Mapping[str, Group]) -> None:
    """An "organisation" written in capitals that is a person's name ("ADA KELL") is one."""
    for g in groups.values():
        if g.known >= 0 or g.type != "Organization" or g.cues["Organization"]:
            continue
        form = max(g.forms, key=g.forms.__getitem__)
        if not form.isupper() or " " not in form or not g.votes["Person"]:
            continue
        if person_shaped(" ".join(w.capitalize() for w in form.split())):
            g.type = "Person"
