"""Capitalised words that are no names: common words, nationalities, terms.

* a one-word "name" that is a nationality ("Slovak"), or a common English word
  capitalised only because it opens a sentence ("Attendance");
* a one-word organisation that is a common English word ("Ballet", "Sway": the
  article writes it in lower case too, or it is a verb or an adjective as well) in an
  article that is no sports report, with no cue word saying it is an organisation
  (a sports report's "Rangers" and "Eagles" are teams) and no word institutions
  call themselves by ("the Senate", "the Army");
* an acronym the article defines in lower-case words ("ultraviolet radiation
  (UVR)"): a term of its field, not an organisation's name;
* outside sports reports, with no cue word for its type: an organisation or person
  of several words the article also writes all in lower case ("Tidal Mapping" and
  "tidal mapping"), and a one-word person that is a common English word the
  article writes in lower case too ("Ladder"), unless it is a given name, a place or a
  word of one of the article's full names; a person or organisation whose name
  reads as a title: it has a pronoun ("Save Your Garden") or opens with a verb's -ing
  form ("Chasing Shadows").
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from kg.extract.entities import recover
from kg.extract.entities.cues import ORG_SUFFIXES
from kg.extract.entities.decide import Group
from kg.extract.entities.found import Found
from kg.extract.page.view import Casing
from kg.lexicon.gazetteer import gazetteer
from kg.lexicon.words import is_english_word, is_given_name, is_more_than_a_noun


def drop_common_words(found: list[Found], text: str, towns: bool = True) -> list[Found]:
    """Without one-word "names" that are nationality words or only a common word
    opening a sentence.

    "Attendance", "Extras": a common English word, capitalised only because it
    starts a sentence or line, that the article never capitalises elsewhere,
    that is neither a known place nor a given name, is not a name. With ``towns``, a
    small town's name is no proof ("Bake for 20 minutes"): only a city's of _TOWN people
    or more, or a place's the model read as a place.
    """
    casing = Casing.of(text.split("\n"))
    gaz = gazetteer()
    kept = []
    for f in found:
        word = f.text
        demonym = gaz.is_people_word(word) and not gaz.is_place_name(word)
        if f.origin == "model" and " " not in word and demonym:
            continue  # "Slovak", "Africans": a nationality, not a name
        if (
            f.origin == "model"
            and " " not in word
            and recover.sentence_start(text[max(0, f.start - 40) : f.start])
            and word.casefold() not in casing.capitalised
            and is_english_word(word)
            and not _a_place(f, towns)
            and not is_given_name(word)
        ):
            continue
        kept.append(f)
    return kept


# The size of a town whose name is proof enough ("Graz is ...", "Bath has ..."); smaller
# ones are named for common words too often ("Bake for 20 minutes").
_TOWN = 100_000


def _a_place(f: Found, towns: bool) -> bool:
    """Whether a capitalised common word may be a place's name (``towns``: a city of
    _TOWN people or more, or one the model read as a place; else any the gazetteer knows)."""
    gaz = gazetteer()
    if not gaz.is_place_name(f.text):
        return False
    return not towns or f.type == "Place" or gaz.is_major_place(f.text, _TOWN)


def common_word(name: str) -> bool:
    """A one-word name that is a common English word ("Wheat" in a prices table)."""
    return " " not in name and is_english_word(name) and not gazetteer().is_place_name(name)


# One word that names an institution by itself ("the Senate", "Congress", "the Army").
INSTITUTIONS = ORG_SUFFIXES | {"senate", "cabinet", "navy", "parliament", "congress"}
_TERM = re.compile(r"((?:[a-z][\w-]*[ ]){1,6})\((?P<acronym>[A-Z][A-Za-z0-9]{1,8})\)")


def defined_terms(text: str) -> set[str]:
    """Acronyms the text defines in lower-case words: "ultraviolet radiation (UVR)"."""
    terms = set()
    for m in _TERM.finditer(text):
        acronym = m.group("acronym")
        initials = {w[0] for w in m.group(1).split()}
        if acronym[0].lower() in initials:
            terms.add(acronym.casefold())
    return terms


def not_names(groups: Mapping[str, Group], text: str, sports: bool) -> set[str]:
    """Keys of the groups that are common words or terms, not names (see the module)."""
    terms = defined_terms(text)
    lower = recover.lowercase_words(text)
    folded = text.casefold()
    people = [k for k, g in groups.items() if g.type == "Person" and " " in k]
    name_words = {w for k in people for w in k.split()}
    out = set()
    for key, g in groups.items():
        if g.known >= 0 or g.competitor:
            continue
        phrase = _lower_case_phrase(key, g, text, folded) or _a_title(g)
        lower_case = not sports and (phrase or _common_person_word(key, g, lower, name_words))
        if (
            lower_case
            or key in terms
            or (
                g.type == "Organization"
                and not sports
                and " " not in key
                and not max(g.forms, key=g.forms.__getitem__).isupper()
                and not g.cues["Organization"]
                and key not in INSTITUTIONS
                and is_english_word(key)
                and _common_not_named(key, max(g.forms, key=g.forms.__getitem__), text, lower)
                and not gazetteer().is_major_place(key)  # a small town's name is no proof
            )
        ):
            out.add(key)
    return out


def _common_not_named(key: str, form: str, text: str, lower: set[str]) -> bool:
    """A common word the article also writes in lower case ("ballet"), or that is a verb
    or an adjective too ("Sway") -- unless the article uses it as a proper noun: bare
    (no determiner before it, no capitalised word beside it: "after Quarrel unveiled",
    not "the Quarrel") in the middle of two or more sentences -- and, when the article
    writes the word in lower case too, three or more times and more often than that.

    Measured on both entity dev sets (GUM organisations +0.001 F1, CoNLL unchanged): the
    determiner and the neighbour keep "the House" and "Lords of Quarrel" out, which a bare
    count of capitalised uses let in."""
    bare = _bare_uses(form, text)
    if key in lower and (bare < 3 or len(re.findall(rf"\b{re.escape(key)}\b", text)) >= bare):
        return True
    return is_more_than_a_noun(key) and bare < 2


_DETERMINER = re.compile(
    r"\b(?:the|a|an|this|that|these|those|its|our|their|his|her|my|your)\s+$", re.I
)


def _bare_uses(form: str, text: str) -> int:
    """How often ``form`` stands alone mid-sentence: no determiner before it and no
    capitalised word next to it ("Quarrel" in "after Quarrel said", not in "the Quarrel"
    or "Lords of Quarrel")."""
    count = 0
    for m in re.finditer(rf"\b{re.escape(form)}\b", text):
        before = text[max(0, m.start() - 40) : m.start()]
        after = text[m.end() : m.end() + 40]
        if (
            recover.sentence_start(before)
            or _DETERMINER.search(before)
            or _NEXT_TO_NAME_BEFORE.search(before)
            or _NEXT_TO_NAME_AFTER.match(after)
        ):
            continue
        count += 1
    return count


# A capitalised word just before (or after), possibly over "of", "and", "&" or "the".
_NEXT_TO_NAME_BEFORE = re.compile(r"[A-Z][\w'-]*(?:\s+(?:of|and|&|the|de))?\s+$")
_NEXT_TO_NAME_AFTER = re.compile(r"(?:\s+(?:of|and|&|the|de))?\s+[A-Z0-9]")


def _lower_case_phrase(key: str, g: Group, text: str, folded: str) -> bool:
    """A name of several words the article also writes all in lower case ("Tidal
    Mapping" and "tidal mapping"): a term of its field capitalised, not a name."""
    if " " not in key or g.type == "Place" or g.cues[g.type]:
        return False
    at = folded.find(key)
    while at >= 0:
        if text[at : at + len(key)] == key and _word_bounded(folded, at, at + len(key)):
            return True
        at = folded.find(key, at + 1)
    return False


def _word_bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before == "-" or after.isalnum() or after == "-")


def _common_person_word(key: str, g: Group, lower: set[str], name_words: set[str]) -> bool:
    """A one-word "person" that is a common English word the article also writes in lower
    case ("Ladder", "ladder"), no given name, no word of a full name and with no cue word."""
    return (
        g.type == "Person"
        and " " not in key
        and key in lower
        and not g.cues["Person"]
        and key not in name_words
        and is_english_word(key)
        and not is_given_name(max(g.forms, key=g.forms.__getitem__))  # a title-case form
        and not gazetteer().is_place_name(key)
    )


# Pronouns and possessives: no person's or organisation's name has one ("Its Nature",
# "Imagine Me"); a work's title can.
_PRONOUNS = {"i", "me", "my", "you", "your", "we", "us", "our", "its", "it", "they", "their"}


def _a_title(g: Group) -> bool:
    """A "person" or "organisation" whose name reads as a title, not a name: it has a
    pronoun, or opens with a verb's -ing form ("Chasing Shadows")."""
    if g.type == "Place":
        return False
    words = max(g.forms, key=g.forms.__getitem__).split()
    first = words[0].casefold()
    if len(words) >= 2 and first.endswith("ing") and is_more_than_a_noun(first):
        return not is_given_name(words[0])
    return any(w.casefold() in _PRONOUNS for w in words) and not words[0].isupper()
