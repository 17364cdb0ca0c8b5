"""Capitalised words that are no names: common words, nationalities, terms.

* a one-word "name" that is a nationality ("Slovak"), or a common English word
  capitalised only because it opens a sentence ("Attendance");
* a one-word organisation that is a common English word ("Opera", "Sense": the
  article writes it in lower case too, or it is a verb or an adjective as well) in an
  article that is no sports report, with no cue word saying it is an organisation
  (a sports report's "Rangers" and "Eagles" are teams) and no word institutions
  call themselves by ("the Senate", "the Army");
* an acronym the article defines in lower-case words ("ultraviolet radiation
  (UVR)"): a term of its field, not an organisation's name.
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


def drop_common_words(found: list[Found], text: str) -> list[Found]:
    """Without one-word "names" that are nationality words or only a common word
    opening a sentence.

    "Attendance", "Extras": a common English word, capitalised only because it
    starts a sentence or line, that the article never capitalises elsewhere,
    that is neither a known place nor a given name, is not a name.
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
            and not gaz.is_place_name(word)
            and not is_given_name(word)
        ):
            continue
        kept.append(f)
    return kept


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
    out = set()
    for key, g in groups.items():
        if g.known >= 0 or g.competitor:
            continue
        if key in terms or (
            g.type == "Organization"
            and not sports
            and " " not in key
            and not max(g.forms, key=g.forms.__getitem__).isupper()
            and not g.cues["Organization"]
            and key not in INSTITUTIONS
            and is_english_word(key)
            and (key in lower or is_more_than_a_noun(key))  # "opera" elsewhere; not "Beatles"
            and not gazetteer().is_major_place(key)  # a small town's name is no proof
        ):
            out.add(key)
    return out
