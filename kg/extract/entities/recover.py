"""Names the model missed, recovered where the evidence is strong.

* Competitors in sports results and standings lines ("Leeds 2 Everton 1",
  "Arsenal 17 10 5 2 34 16 35"): the names are teams or athletes.
* Lists of people ("Squad: A B, C D, E F"): a name-shaped item in a list whose
  other items are people is a person; one in a list of places is a place.
* Every other occurrence of a name the article already uses (and the surname
  of a person named in full) is a mention of it too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from kg.extract.entities.spans import ROLE_WORDS
from kg.lexicon.gazetteer import fold, gazetteer
from kg.lexicon.words import is_english_word

_CAPW = r"[A-Z][\w'’.&-]*"
_JOIN = r"(?:of|de|del|della|di|da|do|dos|van|von|der|den|la|le|al|el|y)"
NAME = rf"{_CAPW}(?:[ ](?:{_CAPW}|{_JOIN}(?=[ ][A-Z])))*"
_NUM = r"[-+]?(?:\d+(?:[.,]\d+)?|\.\d+)(?:/\d+)?"
_NOTE = r"(?:[ ]\([^()\n]{0,40}\))?"
_STANDING = re.compile(rf"^(?:[A-Za-z]-)?(?P<a>{NAME}){_NOTE}(?:[ ]{_NUM}){{2,}}[ ]?\.?$")
_RESULT = re.compile(
    rf"^(?P<a>{NAME})[ ](?:\d+|\(\s?\d+\s?\)){_NOTE}[ ](?:(?:[vV]|[vV][sS]\.?|-)[ ])?"
    rf"(?P<b>{NAME})[ ](?:\d+|\(\s?\d+\s?\)){_NOTE}(?:[ ]\S+)?[ ]?\.?$"
)
_FIXTURE = re.compile(rf"^(?P<a>{NAME})[ ](?:[vV]|[vV][sS]\.?)[ ](?P<b>{NAME})(?:[ ][^A-Za-z]*)?$")
_ITEM_SPLIT = re.compile(r"\s*(?:,|;|:|\band\b|\(|\)|\s[-–]\s|\.$)\s*")
_LEAD_NUMBER = re.compile(r"^(?:\d+\s*[-.]?\s*)+")
_FULL_NAME = re.compile(rf"^{_CAPW}(?:[ ](?:{_CAPW}|{_JOIN})){{1,3}}$")


def lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) for every line of ``text``."""
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def competitors(text: str) -> Iterator[tuple[int, int]]:
    """Spans of team or athlete names in results, standings and fixture lines."""
    for pos, line in lines(text):
        stripped = line.strip()
        if not stripped or len(stripped) > 120:
            continue
        offset = pos + line.index(stripped)
        for pattern in (_STANDING, _RESULT, _FIXTURE):
            m = pattern.match(stripped)
            if m:
                for group in ("a", "b"):
                    if group in pattern.groupindex and m.group(group):
                        yield offset + m.start(group), offset + m.end(group)
                break


_RESULT_VERB = (
    r"(?:beat|beats|defeated|defeats|edged|thrashed|routed|overcame|drew with|draw with|"
    r"lost to|lose to|were beaten by|was beaten by|held|hold)"
)
_PROSE_RESULT = re.compile(rf"(?P<a>{NAME})[ ]{_RESULT_VERB}[ ](?:the[ ])?(?P<b>{NAME})")


def prose_competitors(text: str) -> Iterator[tuple[int, int]]:
    """Names on both sides of a result verb in a sports report ("Leeds beat Everton")."""
    for m in _PROSE_RESULT.finditer(text):
        for group in ("a", "b"):
            a, b = m.span(group)
            words = text[a:b].split()
            while words and words[0].casefold() in STOP_WORDS:
                a += len(words.pop(0)) + 1
            if words:
                yield a, b


_SURNAME = r"[A-Z][\w'’-]+(?:[ ][A-Z][\w'’-]+)?"
_AUTHORS = rf"{_SURNAME}(?:,[ ]{_SURNAME})*(?:,?[ ](?:&|and)[ ]{_SURNAME})?(?:[ ]et[ ]al\.?)?"
_SEVERAL = rf"{_SURNAME}(?:(?:,[ ]{_SURNAME})*,?[ ](?:&|and)[ ]{_SURNAME}|[ ]et[ ]al\.?)"
_YEAR = r"(?:1[5-9]|20)\d\d[a-z]?"
# A reference in parentheses ("(Hale, Okafor, & Brenner, 2014; Varga 2013)") or after
# several authors ("Delorme et al. (2005)", "Nkosi and Varga (2010)").
_LEAD = r"(?:(?<=[(;])|(?<=[(;][ ]))(?:(?:see|e\.g\.,?|cf\.|i\.e\.,?)[ ])?"
_REFERENCE = re.compile(
    rf"{_LEAD}(?P<a>{_AUTHORS}),?[ ]{_YEAR}(?=[;,)])|(?P<b>{_SEVERAL})[ ]\({_YEAR}\)"
)
_AUTHOR = re.compile(_SURNAME)
# More ways to cite (``forms``): a reference in parentheses that runs on ("(Hale & Okafor,
# 2014 and ..."), several authors and a bare year ("Nkosi and Varga 2010") or a numbered
# reference ("Hale & Okafor [7]"; then no surname may be a common word or in capitals:
# "Park and Ride [1]", "HIV and AIDS [25]").
_MORE_REFERENCES = re.compile(
    rf"{_LEAD}(?P<a>{_AUTHORS}),?[ ]{_YEAR}(?=[ ]and[ ])"
    rf"|(?<![\w'’-])(?P<b>{_SEVERAL})[ ]{_YEAR}(?![\w)])"
    rf"|(?P<c>{_SEVERAL})[ ]?\[\d+(?:[,–-]\d+)*\]"
)


def cited_authors(
    text: str, forms: bool = True
) -> Iterator[tuple[int, int, list[tuple[int, int]]]]:
    """(start, end, surnames) of each list of authors of a work cited by author and year,
    academic style; places are no authors ("(London, 2012)" dates a thing there). With
    ``forms``, the references of _MORE_REFERENCES too."""
    gaz = gazetteer()
    found = [(m, "a" if m.group("a") else "b") for m in _REFERENCE.finditer(text)]
    if forms:
        found += [(m, _group(m)) for m in _MORE_REFERENCES.finditer(text)]
    for m, group in sorted(found, key=lambda x: x[0].start()):
        start, end = m.span(group)
        spans = list(_AUTHOR.finditer(text, start, end))
        if group == "c" and any(n.group().isupper() or is_english_word(n.group()) for n in spans):
            continue
        names = [n.span() for n in spans if not gaz.is_major_place(n.group())]
        if names:
            yield start, end, names


def _group(m: re.Match[str]) -> str:
    return next(g for g in ("a", "b", "c") if m.group(g))


def list_people(text: str, people: set[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Name-shaped list items on a line whose other named items are mostly people.

    ``people`` holds the spans already known to be persons. An item qualifies
    when it is two to four capitalised words, not a known place, and at least
    two other items of the same line are known people, at least as many as the
    line's other names.
    """
    gaz = gazetteer()
    for pos, line in lines(text):
        items = list(_items(line, pos))
        if len(items) < 3:
            continue
        known = [it for it in items if it in people]
        if len(known) < 2:
            continue
        candidates = [
            (a, b)
            for a, b in items
            if (a, b) not in people
            and _FULL_NAME.match(text[a:b])
            and not gaz.is_place_name(text[a:b])
            and fold(text[a:b].split()[0]) not in ROLE_WORDS
        ]
        if len(known) >= len(items) - len(known) - len(candidates):
            yield from candidates


_PLACE_ITEM = re.compile(rf"^{_CAPW}(?:[ ](?:{_CAPW}|{_JOIN})){{0,3}}$")


def list_places(text: str, places: set[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Name-shaped items of a list whose other named items are mostly places ("Citizens
    of Arvenia (30 days), Dulmark (28 days), Benhaven, ...": Dulmark is a country too).

    ``places`` holds the spans already known to be places. An item qualifies when it
    is one to four capitalised words, no role or common word, and at least three other
    items of the same line are known places, at least as many as its other names.
    """
    for pos, line in lines(text):
        items = list(_items(line, pos))
        known = [it for it in items if it in places]
        if len(items) < 4 or len(known) < 3:
            continue
        candidates = [
            (a, b)
            for a, b in items
            if (a, b) not in places
            and _PLACE_ITEM.match(text[a:b])
            and fold(text[a:b].split()[0]) not in ROLE_WORDS
            and fold(text[a:b].split()[0]) not in STOP_WORDS
        ]
        if len(known) >= len(items) - len(known) - len(candidates):
            yield from candidates


def _items(line: str, pos: int) -> Iterator[tuple[int, int]]:
    """Capitalised items of a list line; bracketed items (a player's club) are left out."""
    start = 0
    bracketed = False
    for m in [*_ITEM_SPLIT.finditer(line), None]:
        end = m.start() if m else len(line)
        piece = line[start:end]
        lead = _LEAD_NUMBER.match(piece)
        skip = lead.end() if lead else 0
        core = piece[skip:].strip()
        if core and core[0].isupper() and not bracketed:
            a = pos + start + skip + piece[skip:].index(core)
            yield a, a + len(core)
        if m is None:
            break
        bracketed = "(" in m.group()
        start = m.end()


def occurrences(
    text: str, form: str, taken: list[bool], lowercase_words: set[str]
) -> Iterator[tuple[int, int]]:
    """Where ``form`` stands in ``text`` as a whole name on free characters.

    Not inside a longer run of capitalised words, not on characters another
    mention holds, and, for a one-word form, not as the first word of a
    sentence when the article also uses that word in lower case (or it is a
    stop word): "Major" opening a sentence may be an adjective.
    """
    one_word = " " not in form
    for a in _find_all(text, form):
        b = a + len(form)
        if any(taken[a:b]):
            continue
        before = text[max(0, a - 40) : a].rstrip(" ")
        after = text[b : b + 40].lstrip(" ")
        if _capitalised_neighbour(before, after):
            continue
        if one_word and sentence_start(before):
            word = form.casefold()
            if word in lowercase_words or word in STOP_WORDS:
                continue
        yield a, b


def _find_all(text: str, form: str) -> Iterator[int]:
    """Starts of ``form`` in ``text`` as whole words (no letter, digit or joiner around it)."""
    a = text.find(form)
    while a >= 0:
        b = a + len(form)
        before = text[a - 1] if a else " "
        after = text[b : b + 2]
        if not (before.isalnum() or before in "'’.-_") and not (
            after[:1].isalnum() or after[:1] in "’-_" or (after[:1] == "'" and after[1:2].isalnum())
        ):
            yield a
        a = text.find(form, a + 1)


def _capitalised_neighbour(before: str, after: str) -> bool:
    prev = before.rsplit(None, 1)[-1] if before.strip() else ""
    nxt = after.split(None, 1)[0] if after.strip() else ""
    prev_name = prev[:1].isupper() and prev.isalpha() and not sentence_start(before[: -len(prev)])
    next_name = nxt[:1].isupper() and nxt.rstrip(".,;:").isalpha()
    return prev_name or next_name


def sentence_start(before: str) -> bool:
    stripped = before.rstrip(" \"“‘'")
    return (
        not stripped or stripped.endswith(("\n", ".", "!", "?", ":", "--")) or before.endswith("\n")
    )


def lowercase_words(text: str) -> set[str]:
    """Words the text uses in lower case (evidence that a capitalised one is not a name)."""
    return {w for w in re.findall(r"\b[a-z][a-z'-]+\b", text)}


def mark(taken: list[bool], spans: Iterable[tuple[int, int]]) -> None:
    for a, b in spans:
        for i in range(a, b):
            taken[i] = True


def unmark(taken: list[bool], spans: Iterable[tuple[int, int]]) -> None:
    for a, b in spans:
        for i in range(a, b):
            taken[i] = False
