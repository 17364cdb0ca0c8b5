"""Date expressions → ISO dates, resolved against the article's publication date.

A news text dates its events relative to the day it was written: "on Thursday",
"a day earlier", "in February", "last year", "Apr 24". :func:`resolve` turns
such an expression into an ISO 8601 value at the precision the text gives:
``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``. The grammar is a whitelist: every word
of the expression must be understood, and an expression that needs the
publication date when there is none, names a week, a season or a decade, or
counts from an unknown point ("two months after") resolves to None. A date is
never guessed.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MONTH_ABBR = {m[:3]: i for i, m in enumerate(MONTHS, start=1)} | {"sept": 9}
_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
# Words that locate a time within a day or soften a date without changing it.
_FILLER = {"on", "in", "of", "the", "at", "during", "by", "early", "late", "mid", "around"}
_PART_OF_DAY = {"morning", "afternoon", "evening", "night"}
# Parts of a year or month that leave the year or month itself certain ("the start of 2004").
_WITHIN = {"start", "beginning", "end", "middle", "first", "second", "half", "quarter"}
_WITHIN |= {"spring", "summer", "autumn", "winter", "third", "fourth", "final", "last"}
# A day and month without a year is taken only this close to the publication date;
# further away the year is anyone's guess ("the 11 September attacks").
PAST_WINDOW = timedelta(days=62)
FUTURE_WINDOW = timedelta(days=250)
_EARLIEST_YEAR = 1000


def _words(text: str) -> list[str]:
    text = text.casefold().replace("’", "'")
    text = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text)
    words = re.findall(r"[a-z]+|\d+", text)
    return [w for w in words if w not in _FILLER]


def _month(word: str) -> int | None:
    if word in MONTHS:
        return MONTHS.index(word) + 1
    return MONTH_ABBR.get(word)


def _year(word: str) -> int | None:
    if word.isdigit() and len(word) == 4 and int(word) >= _EARLIEST_YEAR:
        return int(word)
    return None


def _day(word: str) -> int | None:
    if word.isdigit() and 1 <= int(word) <= 31 and len(word) <= 2:
        return int(word)
    return None


def _iso_day(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _shift_month(year: int, month: int, delta: int) -> str:
    n = year * 12 + (month - 1) + delta
    return f"{n // 12:04d}-{n % 12 + 1:02d}"


def resolve(text: str, published: date | None, future: bool = False) -> str | None:
    """The ISO date ``text`` names, read against ``published``; None when unsure.

    ``future`` says the clause is about something still to come ("will meet on
    Thursday"), so a bare weekday or month points forward instead of back.
    """
    words = _words(text)
    if not words:
        return None
    for rule in (_absolute, _relative_day, _relative_span, _weekday, _month_only, _day_month):
        found = rule(words, published, future)
        if found is not None:
            return found or None
    return None


# Each rule returns None when it does not apply, "" when it applies but cannot
# resolve, else the ISO value.


def _absolute(words: list[str], published: date | None, future: bool) -> str | None:
    """'2002', 'March 2018', '24 April 2019', 'April 24, 2019'."""
    years = [y for w in words if (y := _year(w))]
    if len(years) != 1 or _year(words[-1]) is None:
        return None
    year = years[0]
    rest = [w for w in words[:-1] if w not in _WITHIN]
    if not rest:
        return f"{year:04d}"
    if len(rest) == 1 and (m := _month(rest[0])):
        return f"{year:04d}-{m:02d}"
    if len(rest) == 2:
        a, b = rest
        if (m := _month(a)) and (d := _day(b)) or (m := _month(b)) and (d := _day(a)):
            return _iso_day(year, m, d) or ""
    return ""


_DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def _relative_day(words: list[str], published: date | None, future: bool) -> str | None:
    """'today', 'yesterday', 'a day earlier', 'two days ago', 'a week later'."""
    head = [w for w in words if w not in _PART_OF_DAY]
    offset: int | None = None
    if words == ["this", "morning"] or words == ["this", "afternoon"]:
        offset = 0
    elif len(head) == 1 and head[0] in _DAY_WORDS and len(words) <= 2:
        offset = _DAY_WORDS[head[0]]
    elif words in (["day", "before"], ["previous", "day"], ["day", "earlier"]):
        offset = -1
    elif words in (["next", "day"], ["following", "day"], ["day", "after"], ["day", "later"]):
        offset = 1
    elif len(words) == 3 and words[0] in _NUMBERS and words[1] in ("day", "days", "week", "weeks"):
        n = _NUMBERS[words[0]] * (7 if words[1].startswith("week") else 1)
        if words[2] in ("earlier", "ago", "before"):
            offset = -n
        elif words[2] in ("later", "after"):
            offset = n
    elif len(words) == 3 and words[0].isdigit() and words[1] in ("days", "weeks"):
        n = int(words[0]) * (7 if words[1] == "weeks" else 1)
        offset = {"earlier": -n, "ago": -n, "before": -n, "later": n}.get(words[2])
    if offset is None:
        return None
    return (published + timedelta(days=offset)).isoformat() if published else ""


def _relative_span(words: list[str], published: date | None, future: bool) -> str | None:
    """'last year', 'this year', 'next month', 'earlier this month', 'later this year'."""
    core = [w for w in words if w not in ("earlier", "later")]
    if len(core) != 2 or core[1] not in ("year", "month") or core[0] not in _SPAN_SHIFT:
        if len(words) == 2 and words[1] in ("week", "weekend", "decade", "century"):
            return ""  # a span kg cannot write as one ISO value
        return None
    if published is None:
        return ""
    shift = _SPAN_SHIFT[core[0]]
    if core[1] == "year":
        return f"{published.year + shift:04d}"
    return _shift_month(published.year, published.month, shift)


_SPAN_SHIFT = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}


def _weekday(words: list[str], published: date | None, future: bool) -> str | None:
    """'Thursday', 'on Thursday night', 'last Thursday', 'next Monday'."""
    core = [w for w in words if w not in _PART_OF_DAY]
    if not core or core[-1] not in WEEKDAYS or len(core) > 2:
        return None
    if len(core) == 2 and core[0] not in ("last", "this", "next", "coming"):
        return ""
    if published is None:
        return ""
    target = WEEKDAYS.index(core[-1])
    forward = future or (len(core) == 2 and core[0] in ("next", "coming"))
    if forward:
        delta = (target - published.weekday()) % 7
        if len(core) == 2 and core[0] == "next" and delta == 0:
            delta = 7
    else:
        delta = -((published.weekday() - target) % 7)
        if len(core) == 2 and core[0] == "last" and delta == 0:
            delta = -7
    return (published + timedelta(days=delta)).isoformat()


def _month_only(words: list[str], published: date | None, future: bool) -> str | None:
    """'in February', 'last March', 'next January'."""
    if len(words) > 2 or not (m := _month(words[-1])):
        return None
    if len(words) == 2 and words[0] not in ("last", "this", "next"):
        return None
    if published is None:
        return ""
    year = published.year
    forward = future or words[0] == "next"
    if forward and m < published.month:
        year += 1
    elif not forward and m > published.month:
        year -= 1
    if len(words) == 2 and words[0] == "last" and m == published.month:
        year -= 1
    return f"{year:04d}-{m:02d}"


def _day_month(words: list[str], published: date | None, future: bool) -> str | None:
    """'Apr 24', '24 April', 'April 24th': the year is the one that puts it near publication."""
    if len(words) != 2:
        return None
    a, b = words
    if (m := _month(a)) and (d := _day(b)) or (m := _month(b)) and (d := _day(a)):
        if published is None:
            return ""
        for year in (published.year - 1, published.year, published.year + 1):
            iso = _iso_day(year, m, d)
            if iso is None:
                continue
            when = date.fromisoformat(iso)
            if published - PAST_WINDOW <= when <= published + FUTURE_WINDOW and (
                future or when <= published + timedelta(days=7)
            ):
                return iso
        return ""
    return None
