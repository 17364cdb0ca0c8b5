"""A nickname in quotes inside a person's name keeps the name whole.

"Ivan 'Ice' Kovac" is one person, but the model often reads it as two ("Ivan" and
"Kovac") or none; cut in two, the bare surname is left to join whoever else it
could. The rule: a given name (one or two capitalised words), a nickname of one
to three words in matching quotes, and a capitalised family name are one Person
when the model saw a person in that stretch or the first word is a given name.
Its ``name`` is the given and family names ("Ivan Kovac": the form the article's
short forms and other articles' full names use); the form as written, nickname
and all, becomes an ``alternateName`` (kg.extract.entities.mentions).
"""

from __future__ import annotations

import re

from kg.extract.entities.found import Found
from kg.lexicon.gazetteer import fold
from kg.lexicon.words import is_given_name

_CAP = r"[A-Z][\w-]+"
_NICKNAMED = re.compile(
    rf"\b(?P<given>{_CAP}(?: {_CAP})?) "
    r"(?:'(?P<a>[A-Z][\w.-]*(?: [A-Za-z][\w.-]*){0,2})'"
    r"|\"(?P<b>[A-Z][\w.-]*(?: [A-Za-z][\w.-]*){0,2})\""
    r"|[‘’](?P<c>[A-Z][\w.-]*(?: [A-Za-z][\w.-]*){0,2})’"
    r"|“(?P<d>[A-Z][\w.-]*(?: [A-Za-z][\w.-]*){0,2})”)"
    rf" (?P<family>{_CAP})\b"
)
ORIGIN = "nickname"


def join_nicknamed(found: list[Found], text: str) -> list[Found]:
    """``found`` with each person named with a nickname in quotes as one mention
    (whatever the model made of its parts), named without the nickname."""
    out = list(found)
    for m in _NICKNAMED.finditer(text):
        a, b = m.span()
        inside = [f for f in out if f.start < b and a < f.end]
        if any(f.known >= 0 for f in inside):
            continue  # the newsroom's authority file said what this is
        # The model read the given name as a person's, or the lexicon knows it as one:
        # not "In 'Hamlet' Shakespeare".
        person = any(f.type == "Person" and f.start <= a < f.end for f in inside)
        if not (person or is_given_name(m.group("given").split()[0])):
            continue
        name = f"{m.group('given')} {m.group('family')}"
        out = [f for f in out if f not in inside]
        out.append(Found(a, b, name, "Person", fold(name), origin=ORIGIN))
    return sorted(out, key=lambda f: f.start)
