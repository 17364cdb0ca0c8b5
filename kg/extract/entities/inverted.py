"""People written family name first, as catalogues and reading lists write them.

"Kell, Ada. The Winter Road" names one person, Ada Kell; the model reads the line as
two names ("Kell" and "Ada"), or as a place and a person, or as an organisation. The
rule: at the start of a line, a capitalised family name, a comma and a given name
(kg/data/given_names.txt; more given names or initials may follow), closed by a full
stop, or joined by "and" / "&" to another such name ("Kell, Ada and Vanta, Bo.") is a
person. Only in a text with at least two such lines, a list, and never with a family
"name" the text also writes in lower case: "Yes, Mark." and "Thanks, Ada." open lines of
talk. The authors of a reference are people too ("Kell, A. B.; Vanta, C. (2010)": A. B.
Kell and C. Vanta). Its ``name`` is the given names before the family name ("Ada Kell": the form
the article's other mentions and other articles use); the form as written becomes an
``alternateName`` (kg.extract.entities.mentions).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract.entities.found import Found
from kg.lexicon.gazetteer import fold, gazetteer
from kg.lexicon.words import is_given_name

_WORD = r"[A-Z][^\W\d_]+(?:['’-][A-Z]?[^\W\d_]+)?"
_FAMILY = rf"(?:(?:[Vv]an|[Vv]on|[Dd]e|[Dd]a|[Dd]u|[Ll]e) )?{_WORD}"
_GIVEN = rf"{_WORD}(?: (?:{_WORD}|[A-Z]\.))*"
_ONE = rf"(?P<family{{n}}>{_FAMILY}), (?P<given{{n}}>{_GIVEN})"
_LINE = re.compile(
    rf"^[ \t]*{_ONE.format(n=1)}(?:(?: and | & ){_ONE.format(n=2)})?\.(?=\s|$)", re.MULTILINE
)
# The authors of a reference, family names first and initials after ("Kell, A. B.; Vanta,
# C. (2010)", "Kell, A., & Vanta, C. (May 2010)"): two or more, then the year in brackets.
_INITIALS = r"[A-Z]\.(?: ?[A-Z]\.)*"
_BY_INITIALS = rf"{_FAMILY}, {_INITIALS}"
_REFERENCE = re.compile(
    rf"(?<![\w'’-])(?:{_BY_INITIALS}(?:; |,? & |, ))+{_BY_INITIALS},? \((?:[A-Z][a-z]+ )?\d{{4}}"
)
_AUTHOR = re.compile(rf"(?P<family>{_FAMILY}), (?P<initials>{_INITIALS})")
ORIGIN = "inverted"
_BROAD = ("Country", "Region", "AdministrativeArea", "Place")


def inverted_names(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, name in natural order) of every family-name-first person of a list."""
    lower = set(re.findall(r"\b[a-z][a-z'-]+\b", text))
    people = []
    for m in _LINE.finditer(text):
        names = [n for n in (1, 2) if m.group(f"family{n}")]
        if all(_a_persons(m.group(f"family{n}"), m.group(f"given{n}"), lower) for n in names):
            people += [(m.start(f"family{n}"), m.end(f"given{n}"), n, m) for n in names]
    if len({id(m) for *_, m in people}) >= 2:  # one such line is no list
        for a, b, n, m in people:
            yield a, b, f"{m.group(f'given{n}')} {m.group(f'family{n}')}"
    for ref in _REFERENCE.finditer(text):
        for author in _AUTHOR.finditer(text, ref.start(), ref.end()):
            name = f"{author.group('initials')} {author.group('family')}"
            yield author.start(), author.end(), name


def _a_persons(family: str, given: str, lower: set[str]) -> bool:
    first = given.split()[0]
    if not is_given_name(first) or family.casefold() in lower:
        return False
    # "Halloway, Vermont.": a place and its state, not a person
    return gazetteer().place_kind(given) not in _BROAD


def join_inverted(found: list[Found], text: str) -> list[Found]:
    """``found`` with each family-name-first person of a list as one mention (whatever the
    model made of its parts), named given names first."""
    out = list(found)
    for a, b, name in inverted_names(text):
        inside = [f for f in out if f.start < b and a < f.end]
        if any(f.known >= 0 for f in inside):
            continue  # the newsroom's authority file said what this is
        out = [f for f in out if f not in inside]
        out.append(Found(a, b, name, "Person", fold(name), origin=ORIGIN))
    return sorted(out, key=lambda f: f.start)
