"""People the model missed, written with a given name: "Priya Okoro", "Ravi K. Pellew".

The small model leaves out some full names it has every reason to see, in running
prose as much as in credits and lists. A given name (kg/data/given_names.txt)
followed by one capitalised word, with up to two initials between, is a person's name
when nothing else claims those characters and the words around it do not make it
part of a longer name ("Priya Okoro Foundation") or of a place's or a law's
("Grace Harbour Bridge", "Jane Doe Act": their head words say what they are).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from kg.extract.entities.recover import sentence_start
from kg.extract.entities.spans import ROLE_WORDS
from kg.extract.entities.things import head_class
from kg.lexicon.gazetteer import fold, gazetteer
from kg.lexicon.words import is_english_word, is_given_name

_PART = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_SURNAME = r"(?:Mc|Mac|O['’]|D['’])?[A-Z][a-z]+(?:['’-][A-Z][a-z]+)?"
_NAME = re.compile(
    rf"(?<![\w'’.&-])(?P<given>{_PART})(?:[ ][A-Z]\.){{0,2}}[ ](?P<surname>{_SURNAME})(?![\w'’&-])"
)
_BROAD = ("Country", "Region", "AdministrativeArea", "Place")
_WEEK = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
}  # fmt: skip


def given_name_people(
    text: str, taken: list[bool], lowercase_words: set[str]
) -> Iterator[tuple[int, int]]:
    """Spans of "Given [I.] Surname" on free characters, read as people's names."""
    m = _NAME.search(text)
    while m is not None:
        if _a_persons(m, text, taken, lowercase_words):
            yield m.span()
            m = _NAME.search(text, m.end())
        else:  # "Senator Marta Quillby": try again from the next word
            m = _NAME.search(text, m.start("surname"))


def _a_persons(m: re.Match[str], text: str, taken: list[bool], lowercase_words: set[str]) -> bool:
    a, b = m.span()
    given, surname = m.group("given"), m.group("surname")
    if any(taken[a:b]) or not is_given_name(given):
        return False
    if fold(surname) in _WEEK or fold(given) in _WEEK or fold(given) in STOP_WORDS:
        return False
    gaz = gazetteer()
    if gaz.place_kind(given) in _BROAD or gaz.place_kind(surname) in _BROAD:
        return False
    if fold(surname) in ROLE_WORDS or head_class(m.group()) is not None:
        return False
    if gaz.is_people_word(surname):
        return False  # "Roman Catholic", "West European"
    if is_english_word(surname) and (is_english_word(given) or gaz.place_kind(given)):
        return False  # "Star Crossing", "Paris Conference": words, not a person's name
    before, after = text[max(0, a - 40) : a], text[b : b + 40]
    if _longer_name(before, after):
        return False
    # "Will", "Grant" opening a sentence may be a verb
    return not (sentence_start(before) and given.casefold() in lowercase_words)


def _longer_name(before: str, after: str) -> bool:
    """A capitalised word right before (a title such as "Senator" aside) or after."""
    prev = before.rsplit(None, 1)[-1] if before.strip() and before[-1:] == " " else ""
    nxt = after[1:].split(None, 1)[0] if after[:1] == " " and after.strip() else ""
    title = prev.rstrip(".")
    prev_name = (
        prev[:1].isupper()
        and title.isalpha()
        and fold(title) not in ROLE_WORDS
        and not sentence_start(before[: -len(prev) - 1] if prev else before)
    )
    return prev_name or nxt[:1].isupper() or after[:1] in ("&", "-")
