"""Names that are not a person's, a place's or an organisation's: works, products, laws,
buildings, named events.

A name's schema.org class is read from evidence that holds in any text, strongest first:

1. its head word names a class: buildings, venues, streets and landforms are Places of
   that class ("Karimabad Mosque" → Mosque, "Eastern Bypass Road" → Place, "Mount Verlan" →
   Mountain), laws are Legislation ("Jane Doe Safe Streets Act"), named
   events ("Winter Regatta", "Harbourside Festival") are left out (kg publishes the
   events it can date or place, kg.extract.events);
2. a noun for a class of work or product right before the name or in apposition to it:
   "the film Glass Harbour" (Movie), "Quill, a chatbot" (SoftwareApplication);
3. the model's own label: WORK_OF_ART → CreativeWork, PRODUCT → Product, LAW →
   Legislation.

The words are the English names of schema.org's own classes and their everyday
synonyms, not names from any text.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Protocol

from spacy.tokens import Doc, Span

from kg.extract.entities.names import person_shaped
from kg.lexicon.gazetteer import gazetteer
from kg.model import EntityType

# Head (last) words of the names of places of a class; None: a Place of no subclass.
# fmt: off
PLACE_HEADS: dict[str, str | None] = {
    "museum": "Museum", "gallery": "Museum", "stadium": "StadiumOrArena",
    "arena": "StadiumOrArena", "ballpark": "StadiumOrArena", "velodrome": "StadiumOrArena",
    "station": "TrainStation", "airport": "Airport", "aerodrome": "Airport",
    "bridge": "Bridge", "park": "Park", "cemetery": "Cemetery", "hospital": "Hospital",
    "church": "Church", "cathedral": "Church", "chapel": "Church", "basilica": "Church",
    "abbey": "Church", "mosque": "Mosque", "masjid": "Mosque", "synagogue": "Synagogue",
    "temple": "PlaceOfWorship", "shrine": "PlaceOfWorship", "zoo": "Zoo",
    "aquarium": "Aquarium", "beach": "Beach", "theatre": "PerformingArtsTheater",
    "theater": "PerformingArtsTheater", "cinema": "MovieTheater", "courthouse": "Courthouse",
    "embassy": "Embassy", "palace": "LandmarksOrHistoricalBuildings",
    "castle": "LandmarksOrHistoricalBuildings", "fortress": "LandmarksOrHistoricalBuildings",
    "tower": "LandmarksOrHistoricalBuildings", "monument": "LandmarksOrHistoricalBuildings",
    "memorial": "LandmarksOrHistoricalBuildings", "mausoleum": "LandmarksOrHistoricalBuildings",
    "river": "RiverBodyOfWater", "lake": "LakeBodyOfWater", "sea": "SeaBodyOfWater",
    "ocean": "OceanBodyOfWater", "canal": "Canal", "reservoir": "Reservoir",
    "falls": "Waterfall", "waterfall": "Waterfall", "bay": "BodyOfWater",
    "gulf": "BodyOfWater", "strait": "BodyOfWater", "mountain": "Mountain",
    "mountains": "Mountain", "volcano": "Volcano", "peak": "Mountain",
    "street": None, "road": None, "avenue": None, "boulevard": None, "lane": None,
    "highway": None, "freeway": None, "motorway": None, "turnpike": None, "trail": None,
    "square": None, "plaza": None, "island": None, "islands": None, "valley": None,
    "desert": None, "forest": None, "canyon": None, "harbour": None, "harbor": None,
    "building": None, "pier": None, "dam": None, "tunnel": None, "quarter": None,
    # lodging and eating places: schema.org's classes for them are businesses too
    # (Organization and Place), so a plain Place
    "hotel": None, "hostel": None, "inn": None, "resort": None, "restaurant": None,
    "cafe": None, "café": None, "pub": None, "mall": None, "terrace": None, "cliffs": None,
    "lighthouse": None, "statue": "LandmarksOrHistoricalBuildings", "ave": None, "blvd": None,
    "rd": None, "hwy": None, "pkwy": None, "expressway": None, "parkway": None,
    "swamp": None, "glacier": None, "minster": "Church",
    "theatres": "PerformingArtsTheater", "theaters": "PerformingArtsTheater",
}
# First words of the names of places of a class ("Mount Everest", "Lake Victoria").
PLACE_PREFIXES: dict[str, str] = {
    "mount": "Mountain", "mt": "Mountain", "lake": "LakeBodyOfWater",
    "river": "RiverBodyOfWater",
}
# Head words of laws and treaties.
LAW_HEADS = {
    "act", "amendment", "treaty", "statute", "constitution", "protocol", "accords",
    "directive", "ordinance",
}
# Head words of named events: left out, not typed as anything.
EVENT_HEADS = {
    "festival", "olympics", "paralympics", "games", "championship", "championships",
    "tournament", "war", "revolution", "battle", "massacre", "expo", "marathon", "summit",
    "election", "elections", "crisis", "uprising", "awards", "week", "day", "cup", "prix",
    "open", "series", "rally", "derby",
    # awards are no entity of their own either ("Harbourside Design Prize")
    "award", "prize", "prizes", "medal", "medals", "trophy",
}
# Head words of plans, goals and recurring occasions: left out like named events. Not
# "programme", "conference", "initiative" or "project": some organisations are named so.
PLAN_HEADS = {
    "plan", "plans", "goals", "month", "carnival", "fest", "jubilee", "lectures", "draft",
}
# Head words of the names of works that name their own form ("Second Cello Concerto").
WORK_HEADS = {
    "symphony": "MusicComposition", "concerto": "MusicComposition",
    "sonata": "MusicComposition", "overture": "MusicComposition",
    "requiem": "MusicComposition", "manifesto": "CreativeWork", "gospel": "Book",
}
# Head words of ideas with a name: no entity of any class, left out like named events.
CONCEPT_HEADS = {
    "theory", "theorem", "hypothesis", "principle", "paradox", "equation", "conjecture",
}
# Nouns naming a class of work or product, before a name or in apposition to it.
CLASS_NOUNS: dict[str, str] = {
    "film": "Movie", "movie": "Movie", "documentary": "Movie", "novel": "Book",
    "book": "Book", "memoir": "Book", "biography": "Book", "autobiography": "Book",
    "album": "MusicAlbum", "ep": "MusicAlbum", "song": "MusicRecording",
    "single": "MusicRecording", "anthem": "MusicRecording", "symphony": "MusicComposition",
    "opera": "MusicComposition", "concerto": "MusicComposition", "sonata": "MusicComposition",
    "series": "TVSeries", "sitcom": "TVSeries", "show": "TVSeries", "miniseries": "TVSeries",
    "game": "VideoGame", "videogame": "VideoGame", "play": "Play", "musical": "Play",
    "painting": "Painting", "sculpture": "Sculpture", "poem": "CreativeWork",
    "paper": "ScholarlyArticle", "app": "SoftwareApplication",
    "application": "SoftwareApplication", "software": "SoftwareApplication",
    "chatbot": "SoftwareApplication", "browser": "SoftwareApplication",
    "ship": "Vehicle", "vessel": "Vehicle", "boat": "Vehicle", "yacht": "Vehicle",
    "submarine": "Vehicle", "aircraft": "Vehicle", "airliner": "Vehicle", "plane": "Vehicle",
    "jet": "Vehicle", "car": "Car", "locomotive": "Vehicle", "spacecraft": "Vehicle",
    "rocket": "Vehicle", "probe": "Vehicle", "satellite": "Product", "telescope": "Product",
    "phone": "Product", "smartphone": "Product", "console": "Product", "drug": "Drug",
    "vaccine": "Drug",
}
# Verbs whose object is a work ("she wrote Middlemarch"), and words whose "in X" is one
# ("starred in Match Point", "her role in Watchmen").
MAKE_VERBS = {
    "wrote", "written", "composed", "directed", "published", "recorded", "filmed",
    "painted", "co-wrote", "co-directed", "authored", "penned", "premiered", "narrated",
}
ROLE_IN = {"starred", "appeared", "role", "roles", "cast", "co-starred", "featured"}
# fmt: on
MODEL_LABELS: dict[str, str] = {
    "WORK_OF_ART": "CreativeWork",
    "PRODUCT": "Product",
    "LAW": "Legislation",
}
EVENT = "Event"  # the class of names kg leaves out
CONCEPT = "Concept"  # left out too
_NUMBER = re.compile(r"^(?:[IVX]+|\d+(?:st|nd|rd|th)?)$")
_DETERMINERS = {"a", "an", "the", "his", "her", "its", "their", "our", "my", "this", "new"}


def head_class(
    name: str, *, for_heads: bool = False, work_heads: bool = False, plan_heads: bool = False
) -> tuple[EntityType, str | None] | None:
    """(type, class) a name's own words say, or None; ("Thing", "Event") for a named event.

    The head is the last word (numbers after it aside: "World War II", "London 2012
    Olympics"), or the word before "of" ("Museum of Modern Art", "Treaty of Versailles"),
    and with ``for_heads`` the word before "for" ("Vanta Prize for Poetry"). A place-class
    head after a faith or people word is an organisation's name ("Ovari Church", of the
    Ovari people), as is a "Church of ..." ("Church of Arvenia"). With ``work_heads``,
    works that name their form ("Third Symphony") and named ideas ("Vanta Theory", left
    out) are read too; with ``plan_heads``, plans and occasions ("Vanta Master Plan",
    "Orrin Winter Carnival", "Kell-Fest"), left out like events.
    """
    words = name.split()
    while len(words) > 1 and _NUMBER.match(words[-1]):
        words.pop()
    if len(words) < 2:
        return None
    heads = [(len(words) - 1, words[-1].casefold().rstrip("."))]
    if "of" in words[1:]:
        at = words.index("of", 1) - 1
        if words[at].casefold() != "church":
            heads.append((at, words[at].casefold()))
    if for_heads and "for" in words[1:]:
        at = words.index("for", 1) - 1
        heads.append((at, words[at].casefold()))
    for at, head in heads:
        if work_heads and head in WORK_HEADS:
            return "Thing", WORK_HEADS[head]
        if work_heads and head in CONCEPT_HEADS:
            return "Thing", CONCEPT
        if head in LAW_HEADS or (head == "bill" and len(words) >= 3):
            return "Thing", "Legislation"
        if head in EVENT_HEADS:
            return "Thing", EVENT
        if plan_heads and head.rsplit("-", 1)[-1] in PLAN_HEADS:
            return "Thing", EVENT
        if head in PLACE_HEADS and not (at and gazetteer().is_people_word(words[at - 1])):
            return "Place", PLACE_HEADS[head]
    first = words[0].casefold().rstrip(".")
    if first in PLACE_PREFIXES and words[1][:1].isupper():
        return "Place", PLACE_PREFIXES[first]
    return None


_WORD = r"[A-Z][\w'’.-]*"
# Capitalised words right after a span; laws also run on through small words ("Jane
# Doe Safe Streets Act"), places only through capitalised ones ("Eastern Bypass Road").
_LAW_RUN = re.compile(rf"(?:\s+(?:(?:in|of|for|and|on|the|to)\s+)?{_WORD}){{1,6}}")
_PLACE_RUN = re.compile(rf"(?:[ ]{_WORD}){{1,2}}")


def extended_end(text: str, start: int, end: int) -> int:
    """Where a name the model cut short before its head word really ends: after the
    law or place word that closes the capitalised words that follow it; else ``end``."""
    for pattern, heads in ((_LAW_RUN, LAW_HEADS), (_PLACE_RUN, PLACE_HEADS)):
        m = pattern.match(text, end)
        if m is None:
            continue
        best = end
        for word in re.finditer(r"\S+", m.group()):
            if word.group().casefold().rstrip(".,") in heads:
                best = end + word.end()
        if best > end:
            return best
    return end


def cue_class(doc: Doc, span: Span) -> str | None:
    """The class a noun right before the name ("the film Glass Harbour") or in apposition to
    it ("Quill, a chatbot"; "Glass Harbour, a 2014 film"; "Glass Harbour (film)") gives it."""
    if span.start >= 2:
        noun, det = doc[span.start - 1], doc[span.start - 2]
        kind = CLASS_NOUNS.get(noun.lower_)
        if kind and noun.is_lower and (det.lower_ in _DETERMINERS or det.text in ("'s", "’s")):
            return kind
    for token in span:
        for child in token.children:
            if child.dep_ == "appos" and child.i >= span.end and child.lower_ in CLASS_NOUNS:
                return CLASS_NOUNS[child.lower_]
    after = doc[span.end : span.end + 3]
    if len(after) == 3 and after[0].text == "(" and after[2].text == ")":
        return CLASS_NOUNS.get(after[1].lower_)
    return _made(span)


def _made(span: Span) -> str | None:
    """CreativeWork for the object of a verb of making ("wrote Middlemarch") or the
    object of "in" after a word of acting ("starred in Match Point")."""
    root = span.root
    head = root.head
    if root.dep_ == "dobj" and head.lower_ in MAKE_VERBS:
        return "CreativeWork"
    if root.dep_ == "pobj" and head.lower_ == "in" and head.head.lower_ in ROLE_IN:
        return "CreativeWork"
    return None


class GroupLike(Protocol):
    """What the decision reads and sets of a surface form's group (kg.extract.entities.decide)."""

    forms: Counter[str]
    votes: Counter[str]  # the model's labels and cue words, by type
    cues: Counter[str]  # the part of the votes from cue words
    kinds: Counter[str]  # class votes: model labels (1 each) and class nouns (2 each)
    type: EntityType
    kind: str | None
    thing: bool


_AGENTS = ("Person", "Organization", "Place")


def thing_type(
    g: GroupLike,
    competitor: bool,
    name_part: bool,
    *,
    for_heads: bool = False,
    work_heads: bool = False,
    plan_heads: bool = False,
    class_nouns: bool = False,
) -> bool:
    """Type ``g`` as a Place of a class, a Thing, or a named event left out (``g.thing``),
    when its evidence says so; False when it leaves the decision to the other rules.

    ``competitor``: a side in a sports result (a team or athlete, whatever its name
    says); ``name_part``: the word begins or ends a person's full name; ``for_heads`` and
    ``work_heads`` and ``plan_heads``: the heads :func:`head_class` reads; with
    ``class_nouns``, a clear class noun ("the series X") outweighs a person-shaped name.
    """
    name = max(g.forms, key=lambda f: (g.forms[f], f))
    # A place the gazetteer surely knows stays a place; a small town's alternate name
    # ("Quill" for a village of that name) does not make a name a place.
    if competitor or gazetteer().unambiguous(name):
        return False
    # A word of a person's full name is that person ("Jordan" of Michael Jordan), but a
    # longer name whose head word names a class ("Harbour Ring Road") is of that class
    # even when a word of it begins or ends someone's name in the article.
    whole = " " in name and not person_shaped(name)
    said = None
    if whole or not name_part:
        said = head_class(name, for_heads=for_heads, work_heads=work_heads, plan_heads=plan_heads)
    if name_part and said is None:
        return False
    if said is not None:
        kind, cls = said
        if cls in (EVENT, CONCEPT):
            g.thing = True
        else:
            g.type, g.kind = kind, cls
        return True
    named = sum(g.cues[t] for t in _AGENTS)
    classes = sum(g.kinds.values())
    clear = classes >= 2 and classes > named  # "the film Glass Harbour"
    if person_shaped(name) and not (class_nouns and clear):
        return False  # "the television series Ada Kell" is a show all the same
    model_things = g.votes["Thing"] - g.cues["Thing"]
    model_agents = sum(g.votes[t] for t in _AGENTS) - named
    if clear or (model_things > model_agents and not named):
        g.type, g.kind = "Thing", g.kinds.most_common(1)[0][0]
        return True
    return False
