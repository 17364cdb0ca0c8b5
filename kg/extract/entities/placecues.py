"""Evidence that a name is a place's, from the sentence around it, for names the
gazetteer does not know (a village, an island, a neighbourhood) or knows only as a
small town that shares a person's name (a "Shelby" or a "Beverly").

Each holds in any text, not only in the texts it was tried on:

* a noun for a kind of place governs the name: "the village of X", "the town X",
  "towns like X", "X, a suburb of ..." (``class_noun``);
* the name is the subject of "to be" with such a noun as the predicate: "X is a small
  town", "X was one of the largest cities" (``predicate_noun``);
* a state or a country qualifies it after a comma: "X, Vermont", "X, Nepal"; and a
  name that qualifies a city the same way is a region ("in Tbilisi, X") (``qualified``);
* it is coordinated with places the gazetteer surely knows: "Wichita, Omaha, X
  and Y" (``conjoined``), more of them than people or organisations.

A preposition of place alone ("in X") is no such evidence: "as held in Okafor and in
Mensah" names court cases, and measured on GUM it turned more people into places
than it found places.

The nouns are English words for kinds of places, not names from any text.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span

from kg.extract.entities.found import Found
from kg.extract.entities.rules import Rules
from kg.lexicon.gazetteer import gazetteer
from kg.lexicon.words import is_given_name
from kg.model import Entity

# fmt: off
PLACE_NOUNS = {
    "city", "cities", "town", "towns", "village", "villages", "hamlet", "hamlets",
    "island", "islands", "isle", "region", "regions", "province", "provinces", "county",
    "counties", "district", "districts", "neighborhood", "neighborhoods", "neighbourhood",
    "neighbourhoods", "suburb", "suburbs", "municipality", "municipalities", "borough",
    "port", "capital", "parish", "peninsula", "archipelago", "settlement", "township",
    "prefecture", "canton", "commune", "oasis", "desert", "kingdom", "emirate", "atoll",
    "resort", "city-state", "city-states", "state", "states",
}
# Of those, the ones that also name a name without "of" ("the village X"): "the city
# Council", "the state Senate" are bodies of the city and the state.
BARE_NOUNS = {
    "town", "towns", "village", "villages", "hamlet", "hamlets", "island", "islands", "isle",
    "suburb", "suburbs", "neighborhood", "neighborhoods", "neighbourhood", "neighbourhoods",
    "settlement", "township", "oasis", "atoll", "resort", "archipelago", "city-state",
    "city-states",
}
# fmt: on
# Words of a list after a plural noun: "towns like X", "cities such as X".
_LIST_INTRO = {"like", "including", "such"}
# Prepositions before "City, X" that say the city is where something is ("born in
# Tbilisi, X"): without one, "(Arlo, Whitby, Bessing, & Krall)" is a list of authors.
_AT = {"in", "at", "near", "from", "to", "of", "outside"}
_QUALIFIERS = ("Country", "AdministrativeArea")
_CLOSING = {",", ".", ";", ":", ")", "(", "[", "\n"}
_PLACE_LABELS = {"GPE", "LOC"}


def place_votes(doc: Doc, span: Span, rules: Rules, sports: bool = False) -> Counter[str]:
    """Place cue votes for one mention: 2 for each kind of evidence the rules turn on,
    so that one is a clear cue (kg.extract.entities.decide).

    In a sports report a club is listed with its country and conjoined with towns
    ("(Dunmore Rovers, Vermont)", "Dunmore Rovers and Spokane"), and a name the model calls an
    organisation is one unless the gazetteer knows it as a place ("the Varn Union and Nepal"):
    there only the nouns count.
    """
    votes: Counter[str] = Counter()
    if (
        rules.place_nouns
        and class_noun(doc, span)
        or rules.place_predicates
        and predicate_noun(span)
    ):
        votes["Place"] += 2
    if sports or (span.root.ent_type_ == "ORG" and gazetteer().place_kind(span.text) is None):
        return votes
    if rules.qualifiers and qualified(doc, span):
        votes["Place"] += 2
    if rules.conjuncts and conjoined(doc, span):
        votes["Place"] += 2
    return votes


def class_noun(doc: Doc, span: Span) -> bool:
    """ "the village of X", "the town X", "towns like X", "X, a suburb"."""
    i = span.start
    if i >= 2 and doc[i - 1].lower_ == "of" and _place_noun(doc[i - 2]):
        return True
    if i >= 2 and doc[i - 1].text in BARE_NOUNS and _determined(doc, i - 1):
        return True
    if i >= 2 and doc[i - 1].lower_ in _LIST_INTRO and _place_noun(doc[i - 2]):
        return True
    if i >= 3 and doc[i - 2 : i].text.casefold() == "such as" and _place_noun(doc[i - 3]):
        return True
    for token in span:
        for child in token.children:
            if child.dep_ == "appos" and child.i >= span.end and _place_noun(child):
                return True
    return False


_COPULAS = {"is", "was", "remains", "became", "becomes", "'s"}


def predicate_noun(span: Span) -> bool:
    """ "X is a small town", "X was one of the largest cities", "X is the capital of"."""
    root = span.root
    if root.dep_ != "nsubj" or root.head.lower_ not in _COPULAS:
        return False
    for child in root.head.children:
        if child.dep_ != "attr" or child.i < span.end:
            continue
        if _place_noun(child):
            return True
        if child.lower_ == "one":
            objects = (g for c in child.children if c.lower_ == "of" for g in c.children)
            return any(g.dep_ == "pobj" and _place_noun(g) for g in objects)
    return False


def _place_noun(token: object) -> bool:
    text = str(token)
    return text.islower() and text in PLACE_NOUNS


def _determined(doc: Doc, i: int) -> bool:
    """The noun at ``i`` opens with a determiner or possessive ("the old town X")."""
    for j in range(i - 1, max(-1, i - 4), -1):
        t = doc[j]
        if t.dep_ in ("det", "poss") or t.lower_ in ("the", "a", "an"):
            return True
        if not (t.is_lower and t.dep_ in ("amod", "compound", "nmod")):  # kg runs no tagger
            return False
    return False


def qualified(doc: Doc, span: Span) -> bool:
    """ "X, Vermont" / "X, Nepal" (a state or country after a comma, then the clause
    ends), or "in Tbilisi, X" (X after a city the gazetteer knows, itself after a
    preposition of place, then the clause ends)."""
    gaz = gazetteer()
    end = span.end
    if end + 1 < len(doc) and doc[end].text == ",":
        q = _entity_at(doc, end + 1)
        if q is not None and q.label_ in _PLACE_LABELS and _closes(doc, q.end):
            return gaz.place_kind(q.text) in _QUALIFIERS
    start = span.start
    if start >= 2 and doc[start - 1].text == "," and _closes(doc, span.end):
        before = _entity_ending(doc, start - 1)
        if (
            before is not None
            and before.label_ in _PLACE_LABELS
            and before.start > 0
            and doc[before.start - 1].lower_ in _AT
        ):
            return gaz.place_kind(before.text) == "City" and gaz.unambiguous(before.text)
    return False


def _closes(doc: Doc, i: int) -> bool:
    return i >= len(doc) or doc[i].text in _CLOSING or "\n" in doc[i].text


def _entity_at(doc: Doc, i: int) -> Span | None:
    """The model's entity that starts at token ``i``, if one does."""
    if doc[i].ent_iob_ != "B":
        return None
    return _entity_around(doc, i)


def _entity_ending(doc: Doc, end: int) -> Span | None:
    """The model's entity that ends right before token ``end``, if one does."""
    if not doc[end - 1].ent_type_ or (end < len(doc) and doc[end].ent_iob_ == "I"):
        return None
    return _entity_around(doc, end - 1)


def _entity_around(doc: Doc, i: int) -> Span:
    """The model's entity holding token ``i`` (read from the tokens' IOB tags, not by
    scanning doc.ents at every mention)."""
    a = i
    while a > 0 and doc[a].ent_iob_ == "I":
        a -= 1
    b = i + 1
    while b < len(doc) and doc[b].ent_iob_ == "I":
        b += 1
    return Span(doc, a, b, label=doc[i].ent_type_)


def conjoined(doc: Doc, span: Span) -> bool:
    """Coordinated with places the gazetteer surely knows ("Wichita, Omaha, X and Y")
    more than with what the model calls a person or an organisation (it mislabels a
    list's small towns as people: those are not counted as places)."""
    gaz = gazetteer()
    places = others = 0
    for token in span.root.conjuncts:
        if span.start <= token.i < span.end or not token.ent_type_:
            continue
        if token.ent_type_ in _PLACE_LABELS and gaz.unambiguous(_entity_around(doc, token.i).text):
            places += 1
        elif token.ent_type_ in ("PERSON", "ORG", "NORP"):
            others += 1
    if is_given_name(span.text):  # "Halloway, Vermont, and caller John"
        return places >= 2 and places > others
    return places >= 1 and places > others


def places_in_context(found: list[Found], entities: list[Entity], text: str, named: bool) -> None:
    """A place the article qualifies by a state or country after a comma ("Birmingham,
    Alabama", "Valencia, Spain") is that state's or country's namesake: the writer says
    which one, whatever the likelier namesake elsewhere. With ``named``, the words as
    written ("Halloway, Vermont") become one of the place's names too: it is how the
    article names it, the mention a reader sees."""
    gaz = gazetteer()
    places = [m for m in found if m.type == "Place"]
    at = {m.start: m for m in places}
    for m in places:
        after = at.get(m.end + 2)
        if after is None or text[m.end : m.end + 2] != ", " or after.entity == m.entity:
            continue
        entity, qualifier = entities[m.entity], entities[after.entity].geo
        if qualifier is None or qualifier.kind not in _QUALIFIERS:
            continue
        # a dateline's capitals ("HALLOWAY, Vermont (AP)") are its layout, not a name
        as_written = f"{m.text}, {after.text}"
        if named and not m.text.isupper() and as_written not in entity.alternate_names:
            entity.alternate_names.append(as_written)
        if entity.geo is None:
            continue
        geo = gaz.resolve_among(m.text, {qualifier.country_code or ""})
        if geo is not None and geo.country_code == qualifier.country_code:
            entity.geo, entity.name = geo, geo.name
