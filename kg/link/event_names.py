"""Readable names for events: "Putin–Kim summit in Vladivostok", "Arrest of John Smith"."""

from __future__ import annotations

from kg.lexicon.gazetteer import fold
from kg.link.merge import Linker
from kg.model import Entity

_MAX_NAMES = 3
_AMONG = frozenset(
    {"meeting", "agreement", "acquisition", "sanction", "sports_match"}
)  # "A–B talks"
_OF = frozenset(
    {"arrest", "trial", "appointment", "resignation", "election", "death"}
)  # "Arrest of A"
_OF |= {"sentencing", "rescue", "ceremony"}
_BY = frozenset({"announcement", "protest", "attack", "launch", "release", "investigation"})
_BY |= {"strike", "legislation", "ruling", "fine", "dismissal"}  # "Protest by A"
# What the others are to the agents: "Accusation by A against B", "Investigation into B".
_TOWARDS = {"accusation": "against", "criticism": "of", "threat": "to", "investigation": "into"}
_TOWARDS |= {"inquiry": "into", "probe": "into", "appeal": "to", "praise": "of"}
_TOWARDS |= {"fine": "of", "ban": "of", "suspension": "of", "dismissal": "of"}
# Nouns of _OF kinds named by who acted: "Lawsuit by Willis against Revolution Studios".
_SUED = frozenset({"lawsuit"})
_TOWARDS |= {"lawsuit": "against"}
_OF_WORD: dict[str, str] = {}
_TO = frozenset({"visit", "trip"})  # "Kim's visit to Moscow", but "Kim's arrival in Moscow"


_TITLES = {"mr", "mrs", "ms", "dr", "sir", "lord", "lady", "dame", "crown", "prince", "king"}
_TITLES |= {"queen", "princess", "president", "general", "gen", "pope", "sheikh"}


def short_name(entity: Entity, linker: Linker) -> str:
    """A person's family name when the text used it alone ("Putin"), else the full name.

    The family name is the last word, or the first of a name of three words or more
    ("Kim" of Kim Jong Un), never a title ("Crown" of Crown Prince Frederik).
    """
    full = linker.entity(entity).name
    words = full.split()
    if entity.type != "Person" or len(words) < 2:
        return full
    family = {fold(words[-1])} | ({fold(words[0])} if len(words) >= 3 else set())
    for alt in sorted(entity.alternate_names, key=lambda a: (len(a), a)):
        key = fold(alt)
        if " " not in alt and key in family and key not in _TITLES:
            return alt
    return full


def _who(people: list[Entity], linker: Linker) -> str:
    fulls = [linker.entity(p).name for p in people]
    shorts = [short_name(p, linker) for p in people]
    unshortened = any(
        p.type == "Person" and " " in full and short == full
        for p, full, short in zip(people, fulls, shorts, strict=True)
    )
    if unshortened or len({fold(s) for s in shorts}) < len(shorts):
        shorts = fulls  # one name without a short form, or two Kims: full names for all
    names = list(dict.fromkeys(shorts))
    if len(names) > _MAX_NAMES:
        return "–".join(names[: _MAX_NAMES - 1]) + " and others"
    return "–".join(names)


def event_name(
    kind: str,
    noun: str,
    people: list[Entity],
    place: Entity | None,
    when: str | None,
    linker: Linker,
    agents: list[Entity] | None = None,
) -> str:
    """The name of an event of type ``kind`` named by ``noun`` ("summit", "arrest");
    ``agents`` are those of ``people`` who acted (the speaker of a statement)."""
    if kind in _BY or noun in _SUED:
        return _by_name(noun, people, agents or [], place, when, linker)
    who = _who(people, linker)
    where = linker.entity(place).name if place is not None else None
    in_place = f" in {where}" if where else ""
    if kind in _AMONG:
        if agents is not None and not agents and noun in ("victory", "win"):
            base = f"{noun} over {who}"  # "scored a victory over Webb": Webb lost
        elif len(people) == 1 and kind == "meeting" and people[0].type == "Person":
            base = f"{who} at {noun}"
        else:
            base = f"{who} {noun}".strip()
    elif kind == "election" and where:
        base = noun  # "Election in Ukraine": its attendees may be candidates, not winners
    elif kind in _OF and who:
        base = f"{noun} {_OF_WORD.get(noun, 'of')} {who}"
    elif noun in _TO and who and where:
        base, in_place = f"{_possessive(who, people)} {noun} to {where}", ""
    elif who:
        base = f"{_possessive(who, people)} {noun}"
    else:
        base = noun
    name = base + in_place
    if when and not where:
        name += f" ({when})"
    return name[:1].upper() + name[1:]


def _by_name(
    noun: str,
    people: list[Entity],
    agents: list[Entity],
    place: Entity | None,
    when: str | None,
    linker: Linker,
) -> str:
    """ "Protest by A", "Accusation by A against B", "Investigation into B"."""
    acting = {linker.entity(a).iri for a in agents}
    doers = [p for p in people if linker.entity(p).iri in acting]
    others = [p for p in people if linker.entity(p).iri not in acting]
    towards = _TOWARDS.get(noun)
    base = noun
    if doers:
        base += f" by {_who(doers, linker)}"
    if others and (towards or not doers):
        base += f" {towards or 'of'} {_who(others, linker)}"
    name = base + (f" in {linker.entity(place).name}" if place is not None else "")
    if when and place is None:
        name += f" ({when})"
    return name[:1].upper() + name[1:]


def _possessive(who: str, people: list[Entity]) -> str:
    if len(people) != 1:
        return who
    return who + ("'" if who.endswith("s") else "'s")
