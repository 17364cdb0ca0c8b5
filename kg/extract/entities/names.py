"""Which surface forms of an article name the same entity.

A surname or first part of a person's full name is that person ("Ferreira" →
Ana Ferreira; "Sato" → the most mentioned Sato); an acronym is the
organisation it abbreviates, by its letters ("UN" ↔ United Nations) or because
the article spells it out ("National League for Democracy ( NLD )"); place
names that are one GeoNames record are one place ("U.S." = "United States").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import combinations
from typing import Protocol

from kg.extract.entities.cues import COMPANY_SUFFIXES, ORG_SUFFIXES
from kg.lexicon.gazetteer import fold, gazetteer
from kg.lexicon.words import is_english_word, is_given_name
from kg.model import EntityType

# "T. Varga", "A. Brenton Hale", "J.R. Okafor": initials before a surname are a person's.
INITIAL_NAME = re.compile(r"^(?:[A-Z]\.\s?){1,3}\s?[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?$")
_EXPANSION = re.compile(
    r"(?P<name>[A-Z][\w'’.&-]*(?:\s(?:[A-Z][\w'’.&-]*|of|for|and|the|de|du|des|la|le))+)"
    r"\s?\(\s?(?P<acronym>[A-Z][A-Z0-9&.-]{1,9})\s?\)"
)


SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}  # after a surname: "Daniel Okafor Jr."
# Lower-case particles inside a person's name ("Pieter van Aalst", "Khalid bin
# Rashid", "Marco da Silva"); "al-"/"el-" are joined to the next word.
PARTICLES = {
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "do", "dos", "das", "du",
    "la", "le", "bin", "ibn", "bint", "ben", "al", "el", "y", "ter", "ten", "zu", "af",
}  # fmt: skip

# Last words that make a name a club or team, not a person ("Aston Villa").
CLUB_WORDS = {
    "villa",
    "city",
    "town",
    "county",
    "albion",
    "rangers",
    "rovers",
    "united",
    "athletic",
    "wanderers",
    "hotspur",
    "academical",
    "fc",
    "sc",
    "ac",
}


def person_shaped(name: str) -> bool:
    """A name that reads as a person's: "Nick Price", "S. Fleming", "Jean-Luc Brassard".

    Two to four words, the first a known given name (or initials), none of them
    a company or club word, and the whole not a known place.
    """
    if INITIAL_NAME.match(name):
        return True
    words = name.split()
    if not 2 <= len(words) <= 4 or not is_given_name(words[0]):
        return False
    if any(w.casefold().rstrip(".") in ORG_SUFFIXES or w.casefold() in CLUB_WORDS for w in words):
        return False
    gaz = gazetteer()
    if gaz.is_major_place(words[0]) and is_english_word(words[-1]):
        return False  # "Sydney Marathon", "Jordan Valley"
    if is_english_word(words[0]) and gaz.is_major_place(words[-1]):
        return False  # "Little Britain"
    inner = words[1:-1]
    return (
        not gaz.is_place_name(name)
        and words[-1][:1].isupper()
        and all(w[:1].isupper() or w in PARTICLES for w in inner)
    )


def company_short_forms(names: list[str]) -> dict[str, str]:
    """Short forms of company names: "Newmont Mining Corp" → {newmont, newmont mining}."""
    short: dict[str, str] = {}
    for key in names:
        words = key.split()
        if len(words) < 2 or words[-1].rstrip(".") not in COMPANY_SUFFIXES:
            continue
        while words and words[-1].rstrip(".") in COMPANY_SUFFIXES:
            words.pop()
        for n in range(1, len(words) + 1):
            short.setdefault(" ".join(words[:n]), key)
    return short


class GroupLike(Protocol):
    key: str
    forms: Counter[str]
    type: EntityType
    first: int


@dataclass
class NameIndex:
    """Single words → keys of multi-word person names that begin or end with them; the
    shorter forms of a longer name (its words in order: "bin salman", "luther king") →
    keys of those names."""

    parts: dict[str, set[str]] = field(default_factory=dict)
    tails: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, people: list[str]) -> NameIndex:
        index = cls()
        for key in people:
            words = key.split()
            while len(words) > 2 and words[-1].rstrip(".") in SUFFIXES:
                words.pop()  # "John Mills Jr" is Mills
            if len(words) >= 2:
                for word in (words[0], words[-1]):
                    if len(word) > 1 and not word.endswith("."):
                        index.parts.setdefault(word, set()).add(key)
            # Shorter forms of the name in its word order: "bin rashid", "tomas brenner"
            # (of Tomas Adrian Brenner), "marie claude" (of Marie Claude Delorme).
            for n in range(2, min(len(words), 6)):
                for part in combinations(words[:6], n):
                    short = " ".join(part)
                    # an initial kept while another is dropped is someone else's name
                    # ("Paul R. Hale" is not Paul T. R. Hale)
                    if short != key and not any(len(w.rstrip(".")) == 1 for w in part):
                        index.tails.setdefault(short, set()).add(key)
        return index

    def full_names(self, key: str) -> set[str]:
        """The longer names ``key`` is a part of: a first or last word, or last words."""
        if " " in key:
            return self.tails.get(key, set())
        return self.parts.get(key, set())


def org_short_forms(orgs: list[str]) -> dict[str, str]:
    """Shorter names of organisations, each of one name only: the name without the noun
    that ends it ("korvel" of "Korvel University") or without the place that opens it
    ("rangers" of "Dunmore Rangers", "air force" of "Arvenia Air Force")."""
    gaz = gazetteer()
    found: dict[str, set[str]] = {}
    for key in orgs:
        words = key.split()
        shorts = []
        if len(words) >= 2 and words[-1].rstrip(".") in ORG_SUFFIXES:
            shorts.append(" ".join(words[:-1]))
        shorts += [
            " ".join(words[i:])
            for i in range(1, len(words))
            if gaz.is_place_name(" ".join(words[:i]))
        ]
        for short in shorts:
            found.setdefault(short, set()).add(key)
    return {short: keys.pop() for short, keys in found.items() if len(keys) == 1}


_STATE_OF = ("republic of ", "state of ", "kingdom of ", "commonwealth of ", "city of ")


def acronym(name: str) -> str:
    """The capitals of a name's words ("United Nations" → "UN")."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def spelled_out(text: str) -> dict[str, str]:
    """Acronyms the text defines: "National League for Democracy ( NLD )" → {nld: key}."""
    found: dict[str, str] = {}
    for m in _EXPANSION.finditer(text):
        name, short = m.group("name"), m.group("acronym").replace(".", "")
        words = [w for w in name.split() if w[:1].isupper()]
        # The acronym's letters must be the initials of the name's last capitalised words.
        initials = "".join(w[0] for w in words)
        if len(short) >= 2 and initials.endswith(short.upper()):
            tail = words[-len(short) :]
            start = name.index(tail[0]) if len(tail) < len(words) else 0
            found[fold(short)] = fold(name[start:])
    return found


def canonical_keys(
    groups: Mapping[str, GroupLike], text: str, joins: bool = True
) -> dict[str, str]:
    """Map each surface key to the key of the entity it names (its full form); with
    ``joins``, also an organisation's shorter names and "State of X" to X."""
    canonical: dict[str, str] = {}
    index = NameIndex.of([k for k, g in groups.items() if g.type == "Person"])
    orgs = {k: g for k, g in groups.items() if g.type == "Organization"}
    acronyms = {acronym(_form(g)): k for k, g in orgs.items() if len(k.split()) >= 2}
    companies = company_short_forms(list(orgs))
    shorter = {k: v for k, v in org_short_forms(list(orgs)).items() if k in orgs}
    defined = {short: long for short, long in spelled_out(text).items() if long in orgs}
    gaz = gazetteer()
    place_ids: dict[int, str] = {}
    swapped: dict[str, str] = {}  # a person's name → the same words in the first order seen
    by_words: dict[tuple[str, ...], str] = {}
    for key in sorted(groups, key=lambda k: (groups[k].first, k)):
        if groups[key].type == "Person" and " " in key:
            swapped[key] = by_words.setdefault(tuple(sorted(key.split())), key)
    for key in sorted(groups, key=lambda k: (groups[k].first, k)):
        g = groups[key]
        target = key
        fulls = index.full_names(key)
        if g.type == "Person" and (len(fulls) == 1 or fulls and " " not in key):
            # A shorter form of two names ("Paul Hale" of Paul R. and Paul T. R.
            # Hale) stays apart; a single word goes to its most mentioned full name.
            target = min(fulls, key=lambda k: (-sum(groups[k].forms.values()), groups[k].first, k))
        elif g.type == "Person" and key in swapped and swapped[key] != key:
            target = swapped[key]  # "Sato Emi" and "Emi Sato"
        elif g.type == "Organization" and key in companies:
            target = companies[key]
        elif g.type == "Organization" and key in shorter and joins:
            target = shorter[key]  # "Korvel" of "Korvel University"
        elif g.type == "Organization" and " " not in key:
            form = _form(g)
            if key in defined:
                target = defined[key]
            elif form.isupper() and form in acronyms:
                target = acronyms[form]
        elif g.type == "Place":
            place = gaz.resolve(_form(g))
            if place is not None:
                target = place_ids.setdefault(place.geonames_id, key)
            elif joins and key.startswith(_STATE_OF):
                rest = key.split(" of ", 1)[1]
                if rest in groups and groups[rest].type == "Place":
                    target = rest  # "State of Arvenia" is Arvenia
        canonical[key] = target
    # "Brenner" → "Adrian Brenner" → "Tomas Adrian Brenner": follow to the end.
    for key in canonical:
        seen = {key}
        while canonical[canonical[key]] not in seen:
            seen.add(canonical[key])
            canonical[key] = canonical[canonical[key]]
    return canonical


def _form(g: GroupLike) -> str:
    return max(g.forms, key=lambda f: (g.forms[f], f))
