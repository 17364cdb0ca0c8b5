"""Date expressions resolved against the publication date; unresolvable ones are None."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract.events.dates import resolve
from kg.model import parse_published

THURSDAY = date(2019, 4, 25)  # a Thursday
WEDNESDAY = date(2019, 4, 24)


@pytest.mark.parametrize(
    ("text", "published", "future", "expected"),
    [
        # weekdays: the last such day up to publication, or the next one for future clauses
        ("on Thursday", THURSDAY, False, "2019-04-25"),
        ("Thursday", WEDNESDAY, False, "2019-04-18"),
        ("on Thursday", WEDNESDAY, True, "2019-04-25"),
        ("on Wednesday", THURSDAY, False, "2019-04-24"),
        ("on Thursday night", THURSDAY, False, "2019-04-25"),
        ("last Thursday", THURSDAY, False, "2019-04-18"),
        ("next Monday", THURSDAY, False, "2019-04-29"),
        # days counted from publication
        ("a day earlier", THURSDAY, False, "2019-04-24"),
        ("the day before", THURSDAY, False, "2019-04-24"),
        ("two days ago", THURSDAY, False, "2019-04-23"),
        ("a week later", THURSDAY, False, "2019-05-02"),
        ("yesterday", THURSDAY, False, "2019-04-24"),
        ("today", THURSDAY, False, "2019-04-25"),
        ("tomorrow", THURSDAY, False, "2019-04-26"),
        # months: the last such month up to publication, or the next one ahead
        ("in February", WEDNESDAY, False, "2019-02"),
        ("February", date(2019, 2, 10), False, "2019-02"),
        ("in June", WEDNESDAY, False, "2018-06"),
        ("in June", WEDNESDAY, True, "2019-06"),
        ("in January", date(2019, 11, 3), True, "2020-01"),
        ("last month", WEDNESDAY, False, "2019-03"),
        ("earlier this month", WEDNESDAY, False, "2019-04"),
        ("next month", date(2019, 12, 5), False, "2020-01"),
        # years
        ("in 2002", THURSDAY, False, "2002"),
        ("2002", None, False, "2002"),
        ("last year", WEDNESDAY, False, "2018"),
        ("this year", WEDNESDAY, False, "2019"),
        ("next year", WEDNESDAY, False, "2020"),
        ("mid-2004", None, False, "2004"),
        ("the start of 2004", None, False, "2004"),
        ("the summer of 2003", None, False, "2003"),
        ("early March 2004", None, False, "2004-03"),
        # a day and month: the year that puts it near publication
        ("Apr 24", WEDNESDAY, False, "2019-04-24"),
        ("24 April", WEDNESDAY, False, "2019-04-24"),
        ("April 24th", THURSDAY, False, "2019-04-24"),
        ("Dec 30", date(2019, 1, 2), False, "2018-12-30"),
        ("on 5 May", WEDNESDAY, True, "2019-05-05"),
        # absolute dates need no publication date
        ("March 2018", None, False, "2018-03"),
        ("24 April 2019", None, False, "2019-04-24"),
        ("April 24, 2019", None, False, "2019-04-24"),
    ],
)
def test_resolves(text: str, published: date | None, future: bool, expected: str) -> None:
    assert resolve(text, published, future=future) == expected


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("on Thursday", None),  # relative, and no publication date
        ("a day earlier", None),
        ("last year", None),
        ("in February", None),
        ("Apr 24", None),
        ("two months", THURSDAY),  # a duration, not a date
        ("two months after", THURSDAY),
        ("last week", THURSDAY),  # a week is not one ISO value
        ("the weekend", THURSDAY),
        ("last night", THURSDAY),  # the evening before, or today's: unclear
        ("the 1990s", THURSDAY),
        ("decades", THURSDAY),
        ("1st", THURSDAY),
        ("30 February 2019", None),  # no such day
        ("September 11", THURSDAY),  # months away from publication: which year?
        ("2000 and 2003", None),
        ("the end of the year", THURSDAY),
        ("recently", THURSDAY),
    ],
)
def test_left_out(text: str, published: date | None) -> None:
    assert resolve(text, published) is None


def test_publication_date_is_read_from_date_or_datetime() -> None:
    assert parse_published("2019-04-25") == THURSDAY
    assert parse_published("2019-04-25T08:30:00Z") == THURSDAY
    assert parse_published("25/04/2019") is None
    assert parse_published(None) is None
