"""What a name's shape says it is not.

* a sentence-initial common word glued onto a name ("Several Korvel Institute studies",
  "Former Vanta Party members"): the word opens the sentence, the article never
  capitalises it mid-sentence, and it is a determiner or pronoun, or the rest of the
  name stands alone elsewhere in the article; the name is cut to the rest;
* an acronym the article writes with a plural "-s" ("two EVGs") names a kind of
  thing, not an organisation; so does one that only ever follows a number ("300 DKV":
  a unit or a currency), outside sports reports, where "2 PSV" is a score;
* a name written after "the" whose last word is a plural ("the Orrin Owls", "the
  Badgers") names a team, a band or a group, not one person: an Organization, unless
  it is a people's name ("the Ovari").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

from spacy.tokens import Doc, Span

from kg.extract.entities import recover
from kg.extract.entities.decide import Group
from kg.extract.entities.found import Found
from kg.extract.page.view import Casing
from kg.lexicon.gazetteer import fold, gazetteer
from kg.lexicon.words import is_english_word, is_given_name

# Parts of speech that open no name: a determiner or pronoun glued on at a sentence's
# start ("Several", "Many", "Both", "These") is cut even when the rest occurs only once.
_NO_NAME_START = {"DET", "PRON", "ADV", "SCONJ", "CCONJ", "AUX", "NUM"}


def without_initial_words(doc: Doc, found: list[Found], text: str) -> list[Found]:
    """The model's multi-word names without a sentence-initial common word glued on."""
    casing = Casing.of(text.split("\n"))
    out = []
    for f in found:
        cut = _initial_word_end(doc, f, text, casing) if f.origin == "model" else None
        if cut is not None:
            rest = text[cut : f.end]
            f = Found(cut, f.end, rest, f.type, fold(rest), origin=f.origin, kind=f.kind)
        out.append(f)
    return out


def _initial_word_end(doc: Doc, f: Found, text: str, casing: Casing) -> int | None:
    """Where the name starts after a glued-on first word, or None when it has none."""
    words = f.text.split(" ")
    if len(words) < 2 or not words[1][:1].isupper():
        return None
    first = words[0]
    if not recover.sentence_start(text[max(0, f.start - 40) : f.start]):
        return None
    if first.casefold() in casing.capitalised or not is_english_word(first):
        return None
    if is_given_name(first) or gazetteer().is_place_name(f.text):
        return None  # "Grant Hollis", "New Arvenia": the word is part of the name
    token = doc.char_span(f.start, f.start + len(first), alignment_mode="expand")
    rest = f.text[len(first) + 1 :]
    closed = token is not None and token[0].pos_ in _NO_NAME_START
    own = f.start + len(first) + 1
    if closed or _stands_alone(rest, text, own):
        return own
    return None


def _stands_alone(rest: str, text: str, own: int) -> bool:
    """Whether ``rest`` occurs in the text anywhere but at ``own``, after another word
    than the glued one ("Recent Korvel Institute" for "Several Korvel Institute")."""
    pattern = rf"(?<![\w-]){re.escape(rest)}(?![\w-])"
    return any(m.start() != own for m in re.finditer(pattern, text))


_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,5}$")
_NUMBER_BEFORE = re.compile(r"\d[\d,.]*\s?$")


def concept_acronyms(groups: Mapping[str, Group], text: str, sports: bool) -> set[str]:
    """Keys of acronyms that name kinds of things: written with a plural "-s", or (outside
    sports reports) never but right after a number."""
    out = set()
    for key, g in groups.items():
        if g.known >= 0 or g.type == "Place":
            continue
        form = max(g.forms, key=g.forms.__getitem__)
        bare = form[:-1] if form.endswith("s") and _ACRONYM.match(form[:-1]) else form
        if not _ACRONYM.match(bare) or gazetteer().is_place_name(bare):
            continue
        plural = re.search(rf"(?<![\w-]){re.escape(bare)}s(?![\w-])", text) is not None
        if plural or (not sports and _only_after_numbers(bare, text)):
            out.add(key)
    return out


def _only_after_numbers(acronym: str, text: str) -> bool:
    uses = list(re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", text))
    return bool(uses) and all(
        _NUMBER_BEFORE.search(text[max(0, m.start() - 12) : m.start()]) for m in uses
    )


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
