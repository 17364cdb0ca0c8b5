"""One type per surface form of an article, from all its mentions.

Votes come from the model's labels and the cue words around each mention
(kg.extract.cues); the gazetteer, person-shaped names, sports context and the
article's other names decide between them:

* a word that begins or ends a person's full name is that person, unless the
  article uses it as a place;
* a competitor in a sports report is a team, unless it is a country (a national
  side stays its country) or a person's name;
* a known place name is a Place, unless the article clearly uses it otherwise
  (a club named after its town, "President Clinton", a small town's name used
  for a group);
* a name the gazetteer does not know takes the type its cue words clearly agree on
  ("oil giant Yukos"), else the type most evidence points to; a name with a digit
  or in capitals is not a person's;
* a one-word name the article uses for a thing ("an Oscar", "Oscar nominations")
  is not an entity at all.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from kg.extract.entities.names import NameIndex, company_short_forms, person_shaped
from kg.extract.entities.things import thing_type
from kg.lexicon.gazetteer import gazetteer
from kg.model import EntityType

TYPES: tuple[EntityType, ...] = ("Person", "Organization", "Place")
_BROAD = ("Country", "Region", "Place", "AdministrativeArea")


@dataclass
class Group:
    """All mentions of one surface form."""

    key: str
    forms: Counter[str] = field(default_factory=Counter)
    votes: Counter[str] = field(default_factory=Counter)
    cues: Counter[str] = field(default_factory=Counter)  # the part of votes from cue words
    first: int = 0
    type: EntityType = "Person"
    mentions: int = 0
    locative: int = 0
    competitor: bool = False
    known: int = -1
    thing: bool = False  # the name of a thing ("an Oscar"): not published as an entity
    kinds: Counter[str] = field(default_factory=Counter)  # schema.org class votes
    kind: str | None = None  # the class decided (kg.extract.entities.things)


def decide_types(
    groups: dict[str, Group],
    sports: bool,
    rules: bool = True,
    things: bool = True,
    place_parts: bool = True,
    *,
    for_heads: bool = True,
    work_heads: bool = True,
    plan_heads: bool = True,
    placed: bool = True,
    class_nouns: bool = True,
) -> None:
    """Give each surface form one type from all its mentions, cues and the gazetteer
    (``rules`` False: the type most votes point to, for an ablation); with ``things``,
    names of works, products, laws and buildings get their class (kg.extract.entities.things);
    with ``place_parts``, a known place is a word of a person's name only when that name
    reads as a person's; ``for_heads``, ``work_heads`` and ``plan_heads``: the head words
    kg.extract.entities.things.head_class reads; with ``placed``, cue words that clearly
    say a place outweigh a person-shaped name ("the island of Marie Vell"), with
    ``class_nouns`` a clear noun for a class of work ("the series Ada Kell")."""
    if not rules:
        kinds = (*TYPES, "Thing") if things else TYPES
        for g in groups.values():
            if g.known < 0:
                g.type = max(kinds, key=lambda t: (g.votes[t], t == "Person"))
                g.kind = g.kinds.most_common(1)[0][0] if g.type == "Thing" else None
        return
    gaz = gazetteer()

    def shaped(g: Group) -> bool:
        return any(map(person_shaped, g.forms)) and not (placed and _clear_cue(g) == "Place")

    index = NameIndex.of([k for k, g in groups.items() if _top(g) == "Person" or shaped(g)])
    companies = company_short_forms(
        [k for k, g in groups.items() if " " in k and g.votes["Organization"]]
    )
    heads = {
        "for_heads": for_heads,
        "work_heads": work_heads,
        "plan_heads": plan_heads,
        "class_nouns": class_nouns,
    }
    for key, g in groups.items():
        if g.known >= 0:
            continue
        g.thing = _names_a_thing(g, index)
        part = bool(index.full_names(key))
        competitor = sports and g.competitor
        if things and thing_type(g, competitor, part, **heads):
            continue
        if key in companies and not g.locative and key != companies[key]:
            g.type = "Organization"  # "Newmont" after "Newmont Mining Corp"
            continue
        kind = gaz.place_kind(max(g.forms, key=g.forms.__getitem__))
        if index.full_names(key) and _name_part(key, kind, g, index, groups, place_parts):
            g.type = "Person"  # part of a person's name, unless used as a place ("in London")
        elif g.competitor and sports:
            g.type = _competitor_type(g, kind)
        elif kind is not None:
            g.type = _place_name_type(g, kind, sports)
        elif shaped(g) and g.votes["Organization"] < 2:
            g.type = "Person"
        elif sports and _top(g) == "Person" and _names_a_place(key):
            g.type = "Organization"  # "Maccabi Tel Aviv", "Bayer Leverkusen": a club
        else:
            g.type = _top(g)


def _names_a_thing(g: Group, index: NameIndex) -> bool:
    """A one-word name the article uses for a thing more than for anything else:
    "won an Oscar", "Oscar nominations", "a Grammy award", unless it is part of a
    person's full name. Only cue words count against it, not the model's label."""
    if " " in g.key or index.full_names(g.key):
        return False
    if gazetteer().place_kind(g.key) in ("Country", "AdministrativeArea"):
        return False  # "a united Ecuador", "a free Paraguay": still the country
    return g.cues["Common"] >= 2 and g.cues["Common"] > sum(g.cues[t] for t in TYPES)


def _name_part(
    key: str,
    kind: str | None,
    g: Group,
    index: NameIndex,
    groups: dict[str, Group],
    place_parts: bool = True,
) -> bool:
    """Whether a word that begins or ends a person's full name stands for that person.

    Not when the article uses it as a place ("in London"); a country's or
    region's name only when the full name reads as a person's ("Michael
    Jordan", not "Little Britain"); with ``place_parts``, a town's name only when
    the model or the name's shape says the full name is a person's ("Ada Halloway",
    not "Halloway Orchestra", which got no type from the model).
    """
    if kind is None:
        return True
    if g.locative:
        return False
    fulls = index.full_names(key)
    if kind in _BROAD:
        return any(person_shaped(f) for k in fulls for f in groups[k].forms)
    if place_parts:
        return any(
            groups[k].votes["Person"] or any(map(person_shaped, groups[k].forms)) for k in fulls
        )
    return True


def _top(g: Group) -> EntityType:
    """The type most evidence points to, for a name the gazetteer does not know.

    The model's Place votes count half here: real places are mostly in the
    gazetteer, and a name it does not know that the model calls a place is
    often a company ("Shares of Newmont").
    """
    clear = _clear_cue(g)
    if clear is not None:
        return clear
    votes: dict[str, float] = {k: float(v) for k, v in g.votes.items()}
    votes["Place"] = votes.get("Place", 0.0) / 2
    for key in (*TYPES, "Speaker"):
        votes.setdefault(key, 0.0)
    if not any(votes[t] for t in TYPES):
        return "Organization" if g.competitor else "Person"
    best = max(TYPES, key=lambda t: (votes[t], t == "Person", t == "Organization"))
    if best == "Person" and not _could_be_a_persons(max(g.forms, key=g.forms.__getitem__)):
        best = "Organization"  # "G8", "O2", "GPRS"
    if best == "Person" and g.cues["Definite"] and g.cues["Definite"] >= g.cues["Person"]:
        # "the Beatles", "the Premiership": no person's name; what else the model said
        best = "Place" if votes["Place"] > votes["Organization"] else "Organization"
    if best == "Place" and votes["Speaker"] and votes["Place"] <= votes["Speaker"]:
        best = "Person" if votes["Person"] >= votes["Organization"] else "Organization"
    return best


def _clear_cue(g: Group) -> EntityType | None:
    """The type the cue words around the mentions agree on ("oil firm Yukos",
    "Yukos shares"), if they clearly do. The model labels every mention of a
    word alike, so its votes are one piece of evidence however many mentions
    there are; a clear cue outweighs them."""
    best = max(TYPES, key=lambda t: g.cues[t])
    rest = sum(g.cues[t] for t in TYPES if t != best)
    return best if g.cues[best] >= 2 and g.cues[best] >= 2 * rest else None


def _could_be_a_persons(name: str) -> bool:
    """False for a name with a digit or an acronym ("G8", "BBC1", "GPRS")."""
    letters = [c for c in name if c.isalpha()]
    return not any(c.isdigit() for c in name) and not (len(letters) >= 2 and name.isupper())


def _competitor_type(g: Group, kind: str | None) -> EntityType:
    """A team or an athlete: national sides stay their country, people stay people."""
    if kind in ("Country", "Region", "Place"):
        return "Place"
    if any(person_shaped(f) for f in g.forms):
        return "Person"
    if kind is not None:
        return "Organization"  # a team named after its town or state
    person = g.votes["Person"] > g.votes["Organization"] + g.votes["Place"]
    if person and not _names_a_place(g.key):
        return "Person"
    return "Organization"


def _names_a_place(key: str) -> bool:
    """True when a multi-word name ends with a known place ("Maccabi Tel Aviv")."""
    words = key.split()
    gaz = gazetteer()
    return len(words) >= 2 and any(
        gaz.is_major_place(" ".join(words[i:])) or gaz.place_kind(" ".join(words[i:])) == "City"
        for i in range(1, len(words))
    )


def _place_name_type(g: Group, kind: str, sports: bool) -> EntityType:
    """A known place name is a Place unless the article clearly uses it otherwise."""
    org, person, place = g.votes["Organization"], g.votes["Person"], g.votes["Place"]
    if kind in ("Country", "Region", "Place"):
        return "Place"
    if sports and 2 * g.locative < g.mentions and place < org + person + 1:
        return "Organization"  # a club or team named after its town
    if org > place + person and org >= 2:
        return "Organization"
    if kind == "City" and person > place + org and person >= 2:
        return "Person"  # "President Clinton", not the town of Clinton
    if kind == "City" and not gazetteer().is_major_place(g.key) and max(org, person) > place:
        # a small town's name the article uses for something else ("Liberty", the group)
        return "Organization" if org >= person else "Person"
    return "Place"
