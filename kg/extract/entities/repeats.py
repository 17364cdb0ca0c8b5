"""Every other occurrence of an article's names, and the surnames of its people, become
mentions too (the ``propagate`` rule of kg.extract.entities.mentions)."""

from __future__ import annotations

from kg.extract.entities import recover
from kg.extract.entities.cues import COMPANY_SUFFIXES
from kg.extract.entities.decide import Group
from kg.extract.entities.found import Found
from kg.extract.entities.names import SUFFIXES
from kg.extract.entities.spans import ROLE_WORDS
from kg.lexicon.gazetteer import fold, gazetteer
from kg.model import EntityType


def _surname_of_note(word: str) -> bool:
    """A last name worth finding alone: not an initial, a role word or a country's name."""
    kind = gazetteer().place_kind(word)
    return (
        not word.endswith(".")
        and word.casefold() not in ROLE_WORDS
        and kind not in ("Country", "Region", "Place", "AdministrativeArea")
    )


def _without_legal_form(words: list[str]) -> str | None:
    """A company's name without the legal form that ends it ("Apple Inc" → "Apple")."""
    short = list(words)
    while len(short) > 1 and short[-1].casefold().rstrip(".") in COMPANY_SUFFIXES:
        short.pop()
    return " ".join(short) if len(short) < len(words) else None


def repeats(found: list[Found], groups: dict[str, Group], text: str) -> list[Found]:
    """Other occurrences of the article's names, and surnames of its people."""
    taken = [False] * len(text)
    recover.mark(taken, ((f.start, f.end) for f in found))
    lower = recover.lowercase_words(text)
    added: list[Found] = []
    forms: dict[str, tuple[EntityType, int]] = {}
    for g in groups.values():
        for form in g.forms:
            forms.setdefault(form, (g.type, g.known))
        words = max(g.forms, key=g.forms.__getitem__).split()
        while len(words) > 2 and fold(words[-1]) in SUFFIXES:
            words.pop()  # "Ada Kell Jr." is Kell
        if g.type == "Person" and len(words) >= 2 and _surname_of_note(words[-1]):
            forms.setdefault(words[-1], ("Person", -1))
        short = _without_legal_form(words) if g.type == "Organization" else None
        if short:
            forms.setdefault(short, ("Organization", g.known))  # "Apple" of "Apple Inc"
    for form in sorted(forms, key=lambda f: (-len(f), f)):
        if len(form) < 2 or not form[0].isupper():
            continue
        kind, known = forms[form]
        for a, b in recover.occurrences(text, form, taken, lower):
            added.append(Found(a, b, form, kind, fold(form), origin="repeat", known=known))
            recover.mark(taken, [(a, b)])
    return added
