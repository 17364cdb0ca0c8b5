"""Names inside names: the place in "University of Michigan", the person in "Jane Doe
Safe Streets Act".

A name of an organisation, a work, a law, a building or an event often contains the name
of a place or a person, and the article then names that place or person too ("Vanta
International Arts Week": the event is no entity kg publishes, Vanta is). Inside
such a mention, the longest runs of words that are

* a country, a US state or a big city, or a place the article names elsewhere, or
* a person the article names elsewhere, or a person-shaped run that opens the name
  ("Walt Disney Company"),

become mentions of that place or person as well (added to the article's entities
when it has no such entity yet). They are marked nested: they overlap the mention
they are in, so flat scorers (CoNLL) and "most mentioned" choices can leave them out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc

from kg.extract.entities.found import Found
from kg.extract.entities.names import person_shaped
from kg.extract.entities.things import EVENT, head_class
from kg.lexicon.gazetteer import gazetteer
from kg.lexicon.words import is_english_word
from kg.model import Entity

_WORD = re.compile(r"[^\s,;:()]+")


def _outer(entity: Entity) -> bool:
    """Names that can hold other names: organisations, things, places of no GeoNames."""
    return entity.type in ("Organization", "Thing") or (entity.type == "Place" and not entity.geo)


def _sure_place(name: str) -> bool:
    """A place the gazetteer knows without doubt, and no common word ("University" is
    a town's name too) unless a country's, a state's or a big city's."""
    gaz = gazetteer()
    return gaz.unambiguous(name) and (not is_english_word(name) or gaz.is_major_place(name))


def _person_part(name: str) -> str:
    """The person's name at the start of a longer name: without the common words that
    follow it ("Jane Doe Safe" → "Jane Doe", "Ada Kell Foundation")."""
    words = name.split()
    while len(words) > 2 and is_english_word(words[-1]):
        words.pop()
    return " ".join(words)


def _runs(text: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, opens the name) of every proper run of words, longest first."""
    words = [m.span() for m in _WORD.finditer(text)]
    n = len(words)
    for size in range(n - 1, 0, -1):
        for i in range(n - size + 1):
            yield words[i][0], words[i + size - 1][1], i == 0


def named_events(doc: Doc, model: list[Found], kept: list[Found]) -> list[Found]:
    """Names of events kg leaves out: what the model labels an event ("the Vanta Uprising"),
    and its other names that the rules left out as events by their head word ("Vanta
    Arts Week", kg.extract.entities.things). The places and people in them are the
    article's too."""
    spans = {(f.start, f.end) for f in kept}
    events = [
        Found(e.start_char, e.end_char, e.text, "Thing") for e in doc.ents if e.label_ == "EVENT"
    ]
    events += [
        f for f in model if (f.start, f.end) not in spans and head_class(f.text) == ("Thing", EVENT)
    ]
    return events


def nested_names(
    found: list[Found], entities: list[Entity], events: Sequence[Found] = ()
) -> list[tuple[int, int, Entity]]:
    """(view start, view end, entity) of the names inside the mentions in ``found`` (whose
    ``entity`` indexes ``entities``) and inside the names of ``events`` (left out of the
    entities). The entity is one of ``entities`` when the article has it, else a new
    record (not added here)."""
    gaz = gazetteer()
    people = {n: e for e in entities if e.type == "Person" for n in (e.name, *e.alternate_names)}
    places = {e.geo.geonames_id: e for e in entities if e.geo is not None}
    out: list[tuple[int, int, Entity]] = []
    # An event's name opens with a season or a given name as often as with a person's
    # ("Summer Regatta"): in it only people the article names elsewhere count.
    outer = [(m, _outer(entities[m.entity]), True) for m in found]
    outer += [(m, True, False) for m in events]
    for m, holds, openers in outer:
        if not holds or " " not in m.text:
            continue
        taken: list[tuple[int, int]] = []
        for a, b, opening in _runs(m.text):
            if m.text.endswith(("'s", "’s"), a, b):
                b -= 2
            name = m.text[a:b]
            if not name[:1].isupper() or any(a < d and c < b for c, d in taken):
                continue
            entity = people.get(name)
            geo = gaz.resolve(name) if entity is None and _sure_place(name) else None
            if geo is not None and (geo.geonames_id in places or gaz.is_major_place(name)):
                entity = places.setdefault(geo.geonames_id, Entity("Place", geo.name, geo=geo))
            if entity is None and opening and openers:
                name = _person_part(name)
                b = a + len(name)
                if person_shaped(name) and not any(a < d and c < b for c, d in taken):
                    entity = people.setdefault(name, Entity("Person", name))
            if entity is not None:
                taken.append((a, b))
                out.append((m.start + a, m.start + b, entity))
    return out
