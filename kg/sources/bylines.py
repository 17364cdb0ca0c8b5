"""The names of a byline: "By A, B and C - 12 May 2020" → [A, B, C].

A byline's text is cut to its names: the word that introduces it ("By", "von",
"Written by"), what follows the names (a date, a time, a "|"), roles and credentials
("Staff Writer", "PhD") go; "A AND B" in capitals is two names when a side opens with a
given name. kg.sources.pagehead finds the bylines around a page's headline.
"""

from __future__ import annotations

import re

from kg.sources.pagedates import shown_dates

# Words that introduce a byline, in the languages pagedates reads.
BY = re.compile(
    r"^(?:(?:(?:posted|written|words|story|report|text|reported|published)\s+by|by|von|por|"
    r"par|door|av|escrito por|publié par)\b|(?:autor(?:in)?|author|auteur|text|texto)\s*[:：])"
    r"\s*[:：]?\s*",
    re.I,
)
_AFTER_NAMES = re.compile(
    r"\s*(?:[|•·–—]|\s-\s|\bon\b|\bam\b|\bupdated\b|\bpublished\b|\baktualisiert\b|"
    r"\d{1,2}[:.]\d{2}|\d{1,2}\s*(?:h|hours?|minutes?|min)\b|\(|@).*$",
    re.I,
)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\by\b|\bet\b|\be\b)\s*")
# "AND" of a byline in capitals (only in capitals: "e", "y" would split initials).
_CAPS_AND = re.compile(r"\s+(?:AND|UND)\s+")  # only in capitals: "e", "y" split initials
_IN_PLACE = re.compile(r"\s+in\s+[A-ZÀ-Þ][\w'’.-]*(?:\s+[A-ZÀ-Þ][\w'’.-]*){0,3}$")  # "A in Castlow"
_CREDENTIAL = re.compile(r"^(?:ph\.?d|m\.?d|mba|msc|bsc|rn|jr|sr|dr|prof)\.?$", re.I)
_ROLE = re.compile(
    r"\b(?:staff|writer|reporter|editor|correspondent|contributor|columnist|"
    r"photo\w*|images?|illustration\w*)\b",
    re.I,
)


def _caps_and(piece: str) -> list[str]:
    """ "ANN QUILL AND IVO STANEK" → two names; "U.S. CUSTOMS AND BORDER PROTECTION" and
    "PROCTER AND GAMBLE" stay one: each side two or three words, one a given name's."""
    sides = _CAPS_AND.split(piece)
    if len(sides) < 2 or not all(2 <= len(s.split()) <= 3 for s in sides):
        return [piece]
    # Imported here: kg.lexicon.words imports spaCy, which the server's query workers
    # (they read kg.sources) must not load under their memory limit.
    from kg.lexicon.words import is_given_name

    if not any(is_given_name(s.split()[0].capitalize()) for s in sides):
        return [piece]
    return sides


def byline_names(text: str, strict: bool = True, parts: bool = True) -> list[str]:
    """The names of a byline: "A, B and C - 12 May 2020" → [A, B, C].

    ``strict`` names are name-shaped (capitalised words); without it, any short
    label is a name (author markup often holds a user name: "marc", "delta201").
    ``parts``: "A AND B" in capitals is two names too, and "A in Castlow" is A.
    """
    text = BY.sub("", text.strip())
    text = _AFTER_NAMES.sub("", text).strip(" .,:;-")
    found: list[str] = []
    pieces = _NAME_SPLIT.split(text)
    if parts:
        pieces = [name for piece in pieces for name in _caps_and(piece)]
    for part in pieces:
        part = " ".join(w for w in part.split() if not w.startswith("@")).strip(" .,:;-")
        if parts:
            part = _IN_PLACE.sub("", part)
        if not part or _CREDENTIAL.match(part) or _ROLE.search(part) or shown_dates(part):
            continue
        words = part.split()
        if len(words) > 5 or any(w.startswith("http") for w in words):
            return []
        if strict and not all(w[0].isupper() or w.islower() and len(w) <= 3 for w in words):
            return []
        if strict and len(words) < 2 and not part[0].isupper():
            return []
        found.append(part)
    return found
