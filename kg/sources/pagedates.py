"""Dates as pages show them to readers: "Updated Mar 12, 2020", "6. Januar 2022", "12/10/2020".

Only whole calendar dates are read (day, month and year); a time shown beside
them is not, because a page rarely says in which time zone it is. Month names
are read in the languages of the western European news sites kg meets most
(English, German, French, Spanish, Italian, Dutch, Portuguese). A numeric date
such as 04/12/2020 can be read two ways; both readings are given, the page's
convention first (M/D/Y where ``month_first``, as in US English, else D/M/Y), so
that a caller can let another source settle it.
"""

from __future__ import annotations

import re
from datetime import date

# fmt: off
_MONTH_NAMES: dict[str, int] = {}
for _number, _names in enumerate((
    "january januar janvier enero gennaio januari janeiro jänner jan",
    "february februar février febrero febbraio februari fevereiro feb",
    "march märz mars marzo maart março mar mär",
    "april avril abril aprile apr avr",
    "may mai mayo maggio mei maio",
    "june juni juin junio giugno junho jun",
    "july juli juillet julio luglio julho jul juil",
    "august août agosto augustus aug",
    "september septembre septiembre settembre setembro sep sept",
    "october oktober octobre octubre ottobre oktober outubro oct okt",
    "november novembre noviembre novembro nov",
    "december dezember décembre diciembre dicembre dezembro dec dez déc",
), start=1):
    for _name in _names.split():
        _MONTH_NAMES.setdefault(_name, _number)
# fmt: on
_MONTH = "|".join(sorted((re.escape(m) for m in _MONTH_NAMES), key=len, reverse=True))
_YEAR = r"(?P<y>(?:19|20)\d\d)"
_ORDINAL = r"(?:st|nd|rd|th|er|\.|º)?"
_BY_NAME = re.compile(
    rf"(?<![\w.])(?:(?P<d1>[0-3]?\d){_ORDINAL}\s*(?:de\s+)?)?(?P<m>{_MONTH})\.?"
    rf"(?:\s+(?P<d2>[0-3]?\d){_ORDINAL})?,?\s+(?:de\s+)?{_YEAR}(?!\d)",
    re.I,
)
_ISO = re.compile(rf"(?<!\d){_YEAR}[-/.](?P<m>[01]?\d)[-/.](?P<d>[0-3]?\d)(?!\d)")
_NUMERIC = re.compile(
    rf"(?<![\d.])(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[0-3]?\d)(?P=sep){_YEAR}(?!\d)"
)


def shown_dates(text: str, month_first: bool = False) -> list[tuple[str, ...]]:
    """Every whole date in ``text``, in the order they appear, each as its ISO readings."""
    found: list[tuple[int, tuple[str, ...]]] = []
    taken: list[tuple[int, int]] = []
    for pattern in (_BY_NAME, _ISO, _NUMERIC):
        for m in pattern.finditer(text):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            readings = _readings(m, pattern, month_first)
            if readings:
                found.append((m.start(), readings))
                taken.append((m.start(), m.end()))
    return [readings for _, readings in sorted(found)]


def _readings(m: re.Match[str], pattern: re.Pattern[str], month_first: bool) -> tuple[str, ...]:
    year = int(m.group("y"))
    if pattern is _BY_NAME:
        if (m.group("d1") is None) == (m.group("d2") is None):
            return ()  # "March 2020" names no day; "3 March 4, 2020" is not one date
        day = int(m.group("d1") or m.group("d2"))
        pairs = [(_MONTH_NAMES[m.group("m").casefold()], day)]
    elif pattern is _ISO:
        pairs = [(int(m.group("m")), int(m.group("d")))]
    else:
        a, b = int(m.group("a")), int(m.group("b"))
        pairs = [(a, b), (b, a)] if month_first else [(b, a), (a, b)]
    found = []
    for month, day in pairs:
        try:
            found.append(date(year, month, day).isoformat())
        except ValueError:
            continue
    return tuple(dict.fromkeys(found))
