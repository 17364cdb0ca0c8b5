"""Evidence that a name is a work's (a film, a book, a show), beyond the noun right before
it that kg.extract.entities.things reads:

* a year in brackets right after a name of several words: "Glass Harbour (2011)", "The
  Quiet Field (1998)" — filmographies and bibliographies date works so. A single word
  before a year is a cited author as often ("as Varga (2010) argues"), and so are a
  surname with a particle ("Van Loon (2004)") and two surnames the model reads as a
  person's name: those are left alone;
* a noun for a class of works before the name with words between it and its
  determiner ("the American neo-noir film X", "the television series X") or in the
  plural ("the films X and Y").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from kg.extract.entities.names import PARTICLES
from kg.extract.entities.things import CLASS_NOUNS

_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_ARTICLES = {"The", "A", "An"}
# Plurals of the class nouns ("the films X and Y"), and the genres that stand for them.
PLURALS = {f"{noun}s": kind for noun, kind in CLASS_NOUNS.items() if not noun.endswith("s")}
# fmt: off
GENRES = {
    "comedy": "Movie", "drama": "Movie", "thriller": "Movie", "biopic": "Movie",
    "sitcom": "TVSeries", "soap": "TVSeries", "serial": "TVSeries",
}
# fmt: on


def work_class(doc: Doc, span: Span) -> str | None:
    """The class of work the words around ``span`` give it, or None."""
    if _dated(doc, span):
        return "CreativeWork"
    return _noun_before(doc, span)


def _dated(doc: Doc, span: Span) -> bool:
    """ "Glass Harbour (2011)", "The Quiet Field (1998)": a year alone in brackets."""
    end = span.end
    if end + 2 >= len(doc) or doc[end].text != "(" or not _YEAR.match(doc[end + 1].text):
        return False
    if doc[end + 2].text not in (")", ","):
        return False
    if span.start > 0 and doc[span.start - 1].text in _ARTICLES:
        return True
    if len(span) < 2 or span[0].lower_ in PARTICLES:
        return False
    # Two surnames the model reads as a person ("Ortega Vidal (2010)") are a cited author;
    # a title has a small word in it ("Paper and the Sea") or is no one's name to the model.
    said_person = span.root.ent_type_ == "PERSON"
    return not said_person or any(t.is_lower for t in span)


def _noun_before(doc: Doc, span: Span) -> str | None:
    """ "the American neo-noir film X", "the films X": a class noun right before the name,
    its phrase opened by a determiner or a possessive within four words."""
    if span.start < 2:
        return None
    noun = doc[span.start - 1]
    kind = CLASS_NOUNS.get(noun.lower_) or PLURALS.get(noun.lower_) or GENRES.get(noun.lower_)
    if kind is None or not noun.is_lower:
        return None
    for j in range(span.start - 2, max(-1, span.start - 7), -1):
        t = doc[j]
        if t.dep_ in ("det", "poss") or t.text in ("'s", "’s"):
            return kind
        if t.text in ("-", "–"):  # "neo-noir"
            continue
        if t.is_punct or t.dep_ not in ("amod", "compound", "nmod", "npadvmod"):
            return None
    return None
