"""Names the model missed, added to an article's mentions where the evidence is strong
(the patterns are kg.extract.entities.recover's and kg.extract.entities.given's).

Each function adds Founds to ``found`` in place and marks their characters ``taken``
so that no two mentions share a character.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

from kg.extract.entities import common, given, recover
from kg.extract.entities.found import Found
from kg.lexicon.gazetteer import fold, gazetteer
from kg.lexicon.words import is_english_word


def cited(found: list[Found], text: str, taken: list[bool], forms: bool = True) -> None:
    """Authors of cited works added to ``found`` (in place), one mention each (``forms``:
    the other ways to cite of recover.cited_authors too)."""
    for start, end, authors in recover.cited_authors(text, forms):
        # The model's names inside a list of authors ("Hale & Okafor" as one ORG) give
        # way to the authors, one by one.
        inside = [f for f in found if start <= f.start and f.end <= end]
        if any((f.start, f.end) not in authors for f in inside):
            found[:] = [f for f in found if f not in inside]
            recover.unmark(taken, ((f.start, f.end) for f in inside))
        at = {(f.start, f.end): f for f in found}
        for a, b in authors:
            if (a, b) in at:
                at[a, b].type = "Person"  # an author by the citation, whatever the model said
            elif not any(taken[a:b]):
                found.append(Found(a, b, text[a:b], "Person", fold(text[a:b]), origin="citation"))
                recover.mark(taken, [(a, b)])


def competitors_and_lists(found: list[Found], text: str, taken: list[bool], sports: bool) -> bool:
    """Competitors of a sports report and people in lists added to ``found`` (in place);
    whether the text reads as a sports report (results lines make it one)."""
    rows = list(recover.competitors(text))
    if sports or len(rows) >= 3:
        rows = [r for r in rows if sports or not common.common_word(text[r[0] : r[1]])]
        sports = True
    if sports:
        at = {(f.start, f.end): f for f in found}
        for a, b in [*rows, *recover.prose_competitors(text)]:
            if (a, b) in at:
                at[a, b].competitor = True
            elif not any(taken[a:b]):
                name = text[a:b]
                found.append(
                    Found(
                        a, b, name, "Organization", fold(name), origin="competitor", competitor=True
                    )
                )
                recover.mark(taken, [(a, b)])
    people = {(f.start, f.end) for f in found if f.type == "Person"}
    at = {(f.start, f.end): f for f in found}
    for a, b in recover.list_people(text, people):
        if (a, b) in at:
            at[a, b].type = "Person"  # typed otherwise by the model, a person by its list
        elif not any(taken[a:b]):
            found.append(Found(a, b, text[a:b], "Person", fold(text[a:b]), origin="list"))
    return sports


def listed_places(found: list[Found], text: str, taken: list[bool]) -> None:
    """Items of lists of places added to ``found`` (in place) as places."""
    places = {(f.start, f.end) for f in found if f.type == "Place"}
    for a, b in recover.list_places(text, places):
        if not any(taken[a:b]):
            found.append(Found(a, b, text[a:b], "Place", fold(text[a:b]), origin="list"))
            recover.mark(taken, [(a, b)])


def given_names(found: list[Found], text: str, taken: list[bool]) -> None:
    """People written with a given name the model missed ("Priya Okoro")."""
    for a, b in given.given_name_people(text, taken, recover.lowercase_words(text)):
        found.append(Found(a, b, text[a:b], "Person", fold(text[a:b]), origin="given"))
        recover.mark(taken, [(a, b)])


# Labels of a web address that name no site: "www.", language subdomains, second-level
# domains of a country ("co.uk"), generic ones.
_NO_SITE = {"www", "m", "en", "com", "org", "net", "gov", "co", "ac", "edu", "int", "news"}


def site_name(url: str | None) -> str | None:
    """The word a web address names its site by ("bbc" of www.bbc.co.uk, "vantanews" of
    en.vantanews.org), or None: the publisher, whom its own articles name."""
    host = (urlparse(url).hostname or "") if url else ""
    labels = [x for x in host.split(".")[:-1] if x not in _NO_SITE and len(x) > 2]
    if not labels or not labels[-1].isalpha():
        return None
    name = labels[-1]
    if is_english_word(name) or gazetteer().is_place_name(name):
        return None  # "congress", "texas": a word of the text, not proof of a publisher
    return name


def publisher_named(found: list[Found], text: str, taken: list[bool], site: str) -> None:
    """Where the text writes its site's name ("told Vantanews"), the publisher, an
    organisation: the model's mentions of it and the ones it missed, marked so."""
    pattern = re.compile(rf"(?<![\w@.-]){re.escape(site)}(?![\w@-])", re.IGNORECASE)
    for f in found:
        if pattern.fullmatch(f.text):
            f.origin = PUBLISHER
    for m in pattern.finditer(text):
        a, b = m.span()
        if m.group()[0].isupper() and not any(taken[a:b]):
            found.append(Found(a, b, m.group(), "Organization", fold(m.group()), origin=PUBLISHER))
            recover.mark(taken, [(a, b)])


PUBLISHER = "publisher"
