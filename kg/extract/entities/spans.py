"""Span cleanup: what of a model's entity span is the name itself.

The model's spans often carry more than the name: "the", possessives, a role
word ("Defender Hassan Abbas"), a nationality ("Croat Alen Boksic"), a score
("Vaughan 9-1-55-1"), or two names glued by a separator ("Partizan - Dejan
Koturovic", "Simon Parke ( England"). These functions cut spans to names.
"""

from __future__ import annotations

import re

from kg.extract.entities.rules import ALL_RULES, Rules
from kg.lexicon.gazetteer import fold, gazetteer

_LEADING = re.compile(r"^(?:the|The|THE)\s+")
_TRAILING = re.compile(r"\s*(?:'s|’s|'|’)$")
# Lower-case words a name never ends with: the model's span ran one word too far
# ("Edmund the"), or a citation's "et al." follows a surname.
_LOWER_TAIL = re.compile(r"(?:\s+(?:[a-z]+\.?))+$")
_EDGE = " \t\n\r\"“”‘’'`.,;:!?()[]{}<>*-–—•|/"
# Separators no name contains: a spaced dash, brackets, a colon or semicolon,
# "v"/"vs" between two sides, a line break, and tokens that are numbers or scores.
_SPLIT = re.compile(
    r"\s+(?:-|--|–|—|[vV]|[vV][sS]\.?|\(|\)|\[|\]|:|;|\+|=)\s+"
    r"|\s*\n\s*|\s+\(|\)\s+"
    r"|(?:^|\s+)[-+]?[\d][\d.,:/-]*(?:st|nd|rd|th)?(?=\s|$)"
)
# A quantity with its unit is never a name: "280bn", "300p", "0.04secs", "1990s" (the
# model reads amounts in brackets, "(£197bn)", as organisations).
_AMOUNT = re.compile(r"[£$€]?\d[\d.,]*[a-z]*")
_JUNK = {
    "north",
    "south",
    "east",
    "west",
    "central",
    "western",
    "eastern",
    "northern",
    "southern",
    "photo",
    "reuters photo",
    "afp photo",
    "ap photo",
    "file",
    "pool",
    "getty",
    "getty images",
    "advertisement",
    # sports and disciplines: topics, not names (a headline's "SOCCER - ...")
    "soccer",
    "football",
    "cricket",
    "tennis",
    "golf",
    "basketball",
    "baseball",
    "ice hockey",
    "hockey",
    "boxing",
    "cycling",
    "athletics",
    "skiing",
    "alpine skiing",
    "nordic skiing",
    "swimming",
    "squash",
    "badminton",
    "motor racing",
    "horse racing",
    "formula one",
    "american football",
    "rugby",
    "volleyball",
    "handball",
    "snooker",
    "rowing",
    "sailing",
    "wrestling",
    "judo",
    "speed skating",
    "figure skating",
}

# Forms of address: whatever follows is a person's name ("Mr Balls").
HONORIFICS = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "mme", "mlle", "madame",
    "mademoiselle", "monsieur", "herr", "frau", "signor", "signora", "señor", "señora", "prof",
    "professor",
}  # fmt: skip

# Words that describe a person and are not part of the name ("Defender Hassan Abbas").
ROLE_WORDS = HONORIFICS | {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "premier",
    "minister",
    "chancellor",
    "senator",
    "sen",
    "rep",
    "gov",
    "governor",
    "mayor",
    "judge",
    "general",
    "gen",
    "col",
    "colonel",
    "capt",
    "captain",
    "sgt",
    "lt",
    "coach",
    "manager",
    "striker",
    "defender",
    "defenders",
    "midfielder",
    "midfielders",
    "forward",
    "forwards",
    "goalkeeper",
    "goalkeepers",
    "keeper",
    "winger",
    "centre",
    "center",
    "fullback",
    "full-back",
    "flanker",
    "prop",
    "hooker",
    "lock",
    "quarterback",
    "pitcher",
    "skipper",
    "chairman",
    "spokesman",
    "spokeswoman",
    "analyst",
    "economist",
    "veteran",
    "champion",
    "rookie",
    "international",
    "fellow",
    "former",
    "late",
    "rebel",
    "leader",
    "secretary",
    "ambassador",
    "envoy",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "bishop",
    "archbishop",
    "cardinal",
    "father",
    "rev",
    "reverend",
    "sheikh",
    "ayatollah",
    "seed",
    "squad",
    "substitute",
    "substitutes",
    "replacement",
    "replacements",
    "candidate",
}


def role_only(name: str) -> bool:
    """True for a "name" that ends in a role word ("Roman Catholic Archbishop")."""
    return name.split()[-1].rstrip(".").casefold() in ROLE_WORDS


_ABBREVIATION_END = re.compile(
    r"(?:^|[\s.])[A-Za-z]\.[A-Za-z]$|\b(?:Inc|Corp|Ltd|Co|Jr|Sr|St|Bros|Mt|Ft|Gen|Dr)$"
)


def clean_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim articles, possessives, punctuation and credit tails off a span."""
    piece = text[start:end]
    cut = piece.find("/")
    if cut > 0:
        piece = piece[:cut]
    left = len(piece) - len(piece.lstrip(_EDGE))
    piece = piece[left:]
    m = _LEADING.match(piece)
    if m:
        left += m.end()
        piece = piece[m.end() :]
    piece = _TRAILING.sub("", piece.rstrip(_EDGE.replace(".", "")))
    trimmed = _TRAILING.sub("", piece.rstrip(_EDGE)).rstrip(_EDGE)
    if trimmed != piece and piece[len(trimmed)] == "." and _ABBREVIATION_END.search(trimmed):
        trimmed += "."  # "U.S.", "Acme Inc.": the period belongs to the name
    piece = _LOWER_TAIL.sub("", trimmed).rstrip(_EDGE.replace(".", ""))
    if len(piece) < 2 or not piece[0].isupper() and not piece[0].isdigit():
        return None
    if not any(c.isalpha() for c in piece) or fold(piece) in _JUNK or _AMOUNT.fullmatch(piece):
        return None
    return start + left, start + left + len(piece)


def unbracketed(text: str, start: int, end: int, person: bool) -> tuple[int, int, str] | None:
    """The span and name without the brackets the model left in it: a parenthesis it
    does not close ends the name ("Trustee(s)" → "Trustee"); in a person's name, words
    an editor added in square brackets are part of the name, the brackets are not
    ("[Ada B.] Kell" → "Ada B. Kell", the span taking the opening bracket in)."""
    piece = text[start:end]
    cut = piece.find("(")
    if cut >= 0 and ")" not in piece[cut:]:
        cleaned = clean_span(text, start, start + cut)
        if cleaned is None:
            return None
        start, end = cleaned
        piece = text[start:end]
    if not person or "]" not in piece:
        return start, end, piece
    if "[" not in piece and text[start - 1 : start] == "[":
        start -= 1
    name = " ".join(re.sub(r"[\[\]]", " ", piece).split())
    return start, end, name


def _person_shaped(name: str) -> bool:
    from kg.extract.entities.names import person_shaped  # names imports this module's word lists

    return person_shaped(name)


# A colon written against a word ("Winter Theory: Ada Kell") ends a name: a label or a
# heading and what it introduces, not one name (a time "10:30" has no space after it).
_COLON = re.compile(r"(?<=\S):\s+")


def split_span(text: str, start: int, end: int, colons: bool = False) -> list[tuple[int, int]]:
    """The parts of a span between separators no name contains (scores, dashes, brackets;
    with ``rules.colons``, a colon written against the word before it)."""
    cuts = list(_SPLIT.finditer(text, start, end))
    if colons:
        cuts = sorted(cuts + list(_COLON.finditer(text, start, end)), key=lambda m: m.start())
    parts: list[tuple[int, int]] = []
    pos = start
    for m in cuts:
        if m.start() < pos:
            continue  # inside a separator already cut
        parts.append((pos, m.start()))
        pos = m.end()
    parts.append((pos, end))
    return [p for p in parts if p[1] > p[0]]


def strip_descriptors(text: str, start: int, end: int, person: bool = False) -> int:
    """New start of a span after leading role words and nationality words.

    "Defender Hassan Abbas" → "Hassan Abbas", "Croat Alen Boksic" → "Alen
    Boksic"; in a ``person`` span, also a common word before a person's name
    ("Mathematician Ilse Brandt"). The last word is never cut (a one-word name stays).
    """
    gaz = gazetteer()
    pos = start
    while True:
        m = re.match(r"(\S+)\s+(?=\S)", text[pos:end])
        if m is None:
            return pos
        word = m.group(1).rstrip(".,")
        if word.casefold() in ROLE_WORDS or (
            gaz.demonym_country(word.casefold()) and not _given(word)
        ):  # "Croat Alen Boksic", not "Chad Peter Lowe"
            pos += m.end()
            continue
        if person and _descriptive(word) and _person_shaped(text[pos + m.end() : end]):
            pos += m.end()  # "Mathematician Ilse Brandt": a description opening the span
            continue
        return pos


def _given(word: str) -> bool:
    from kg.lexicon.words import is_given_name

    return is_given_name(word)


def _descriptive(word: str) -> bool:
    """A capitalised common word that is no one's given name ("Mathematician", "Poet")."""
    from kg.lexicon.words import is_english_word, is_given_name

    return word[:1].isupper() and is_english_word(word) and not is_given_name(word)


# Letters after a person's name: honours and degrees ("Amira Haddad DBE RA", "Daniel
# Brandt FRS"), not regnal numbers ("Henry VIII").
_POSTNOMINALS = re.compile(r"(?:,?\s+(?![IVX]+\b)[A-Z]{2,5}\.?)+$")


def strip_postnominals(text: str, start: int, end: int) -> int:
    """New end of a person's span without the honours and degrees that close it."""
    m = _POSTNOMINALS.search(text, start, end)
    if m is None or len(text[start : m.start()].split()) < 2:
        return end  # "Brewpole BV": one word and a legal form, no person
    return m.start()


# A conjunction that opens a clause ends a name: the model ran "the Senate after Dr
# Kell" on past it, and what follows is another phrase, not part of the name.
_CLAUSE = re.compile(
    r"\s+(?:after|before|since|during|while|when|whereas|until|because|although)\s+"
)
# A possessive inside a person's span: "Ada Kell's Winter Theory" is a thing named after
# her; the person is the possessor (companies keep theirs: "Kell's Bakery" is no person).
_POSSESSIVE = re.compile(r"(?:'s|’s|s'|s’)\s+(?=[A-Z])")


def spans_of(
    text: str,
    start: int,
    end: int,
    person: bool,
    descriptors: bool = True,
    *,
    rules: Rules = ALL_RULES,
) -> list[tuple[int, int]]:
    """Clean name spans inside a model span: split at separators, trimmed.

    Role and nationality words are cut off the front of ``person`` spans, and
    of other spans when what remains reads as a person's name ("General
    Antoine Lahd" → "Antoine Lahd"; "General Motors" stays). With ``rules.clause_words``, a
    span ends before a conjunction that opens a clause; with ``rules.person_possessives``, a
    ``person`` span ends at a possessive inside it; with ``rules.colons``, a colon after a
    word splits a span.
    """
    if rules.clause_words and (m := _CLAUSE.search(text, start, end)) is not None:
        end = m.start()
    if (
        rules.person_possessives
        and person
        and (m := _POSSESSIVE.search(text, start, end)) is not None
    ):
        end = m.start() + (1 if text[m.start()] == "s" else 0)
    out: list[tuple[int, int]] = []
    for a, b in split_span(text, start, end, rules.colons):
        cleaned = clean_span(text, a, b)
        if cleaned is None or fold(text[cleaned[0] : cleaned[1]]) in ROLE_WORDS:
            continue
        a = strip_descriptors(text, *cleaned, person) if descriptors else cleaned[0]
        first = text[cleaned[0] : cleaned[1]].split()[0].rstrip(".").casefold()
        rest = text[a : cleaned[1]]
        if a != cleaned[0] and (person or first in HONORIFICS or _person_shaped(rest)):
            cleaned = clean_span(text, a, cleaned[1])
        if person and cleaned is not None:
            cleaned = clean_span(text, cleaned[0], strip_postnominals(text, *cleaned))
        if cleaned is not None and "\n" not in text[cleaned[0] : cleaned[1]]:
            out.append(cleaned)
    return out
