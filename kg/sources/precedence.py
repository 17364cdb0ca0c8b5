"""One value per field from every source a page offers: the precedence, field by field.

Each source is trusted for the fields it is reliable for, as measured on 102 real
pages with hand-written expectations and 29 with annotated bodies (bench/pages.py,
figures in bench/PAGES.md):

- headline: kg.sources.titles (an h1 the metadata confirms; else JSON-LD
  headline, og:title, twitter:title, <title> without the site's name; else the
  first h1), then trafilatura's title.
- datePublished: the day the page's permalink names ("/2017/7/12/slug"), else the
  date the page shows around its headline, when it shows one:
  that is the date its readers (and the people who wrote the expectations) see,
  often an "Updated …" date the metadata does not carry. It is published with the
  time and offset of a metadata value of the same day (JSON-LD, then meta tags,
  then the WebPage node, then the date trafilatura's htmldate finds), else as a
  day. Of several dates shown, the first that one of those values confirms is
  taken (a standfirst's event date comes before the stamp); a lone shown date above
  the headline that none confirms is a "today" bar or a teaser's and yields to the
  metadata's datePublished; a day shown only above the headline counts as confirmed
  by the page's metadata only, not by htmldate's guess (which reads the same teaser),
  and so does the second reading of an ambiguous numeric date ("5/3/2021").
  One exception: a shown day that is the metadata's dateModified and not its
  earlier datePublished, with no "Updated" label beside it, is the page showing
  its last edit as its date; the datePublished wins.
  Without a shown date: JSON-LD, meta tags, WebPage, then a date that a label
  ("Updated …", "Posted …") introduces further below the headline (past a recipe's
  description), then htmldate.
- dateModified: JSON-LD, meta tags, WebPage.
- author: the first source that names a person: JSON-LD (references resolved),
  microdata (``itemprop=author`` of the page's article), the byline shown around
  the headline, the author meta tags, author markup around the
  headline (user names; a name split over elements read whole), trafilatura (its
  interface labels, "Follow", left out). A shown byline's fuller form of the same name
  wins ("Todd" → "Todd Bates"). Several authors stay several; organisations stay
  organisations; a name that is the site's own is an organisation, never a person,
  and yields to any other person the page names (CMSs type the site's own account
  a Person); so is a desk's collective byline ("News Desk", "<site> Staff", "The
  Editorial Board"); with no person anywhere, the first organisation author is kept.
- publisher, description, image, url, section, language: JSON-LD, then meta tags,
  then trafilatura.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from kg.model import Agent, Meta
from kg.sources.htmlmeta import PageFacts, PageOptions
from kg.sources.meta import agents, merge_meta
from kg.sources.pagehead import NOT_NAMES
from kg.sources.titles import Site, key


def choose_meta(facts: PageFacts, guessed: Meta, options: PageOptions) -> Meta:
    """The article's Meta by the precedence of the module docstring."""
    rest = merge_meta(facts.jsonld, facts.tags, guessed)
    return replace(
        rest,
        headline=facts.headline or guessed.headline,
        date_published=choose_date(facts, guessed, options),
        date_modified=_first(
            facts.jsonld.date_modified, facts.tags.date_modified, facts.webpage.date_modified
        ),
        authors=choose_authors(facts, guessed, options),
        id=None,
    )


def _first(*values: str | None) -> str | None:
    return next((v for v in values if v), None)


def choose_date(facts: PageFacts, guessed: Meta, options: PageOptions) -> str | None:
    known = [
        facts.jsonld.date_published,
        facts.tags.date_published,
        facts.webpage.date_published,
    ]
    shown = list(facts.head.dates) if options.head_date else []
    url_day = _url_day(facts.jsonld.url or facts.tags.url) if options.url_date else None
    if url_day:
        shown.insert(0, (url_day,))
    modified = [facts.jsonld.date_modified, facts.tags.date_modified]
    if shown and options.unlabelled_edit and _unlabelled_edit(facts, shown[0], known, modified):
        return _first(*known)
    values = [*known, *modified, guessed.date_published]
    page_values = [*known, *modified]
    # An ambiguous date's other reading ("5/3/2021" as 5 March on an English page) needs
    # the page's metadata: htmldate's guess read the same text, the other way round.
    later = page_values if options.ambiguous_dates else None
    above = bool(shown) and set(shown[0]) <= facts.head.above
    if shown and options.agreeing_date and not url_day and (above or not _near(shown[0], known)):
        # Of several shown dates, the one the metadata confirms; a lone date above the
        # headline that it does not confirm is a "today" bar or a teaser's. (A date below
        # it one day off the datePublished is that day in the page's own time zone.)
        # A day shown only above the headline that only the extractor's guess confirms
        # is a teaser's: the extractor read the same teaser.
        agreed = next(
            (
                v
                for r in shown
                if (
                    v := _of_day(
                        r, page_values if _teaser_day(r, facts, options) else values, later
                    )
                )
            ),
            None,
        )
        if agreed:
            return agreed
        if _first(*known) and above:
            return _first(*known)
    if shown:
        return _of_day(shown[0], values, later) or shown[0][0]
    labelled = facts.head.labelled[:1] if options.labelled_date else ()
    return _first(*known, *labelled, guessed.date_published)


def _teaser_day(readings: tuple[str, ...], facts: PageFacts, options: PageOptions) -> bool:
    return options.teaser_dates and set(readings) <= facts.head.above


def _near(readings: tuple[str, ...], known: list[str | None]) -> bool:
    """A shown day one day off a datePublished: the same instant in the page's own zone."""
    days = {date.fromisoformat(v[:10]) for v in known if v and _ISO_DAY.match(v)}
    shown = {date.fromisoformat(r) for r in readings}
    return any(abs((a - b).days) <= 1 for a in shown for b in days)


_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _of_day(
    readings: tuple[str, ...], values: list[str | None], later: list[str | None] | None = None
) -> str | None:
    """The first metadata value on one of the days ``readings`` names (with its time);
    a reading after the first is confirmed by ``later`` only, when given."""
    for i, day in enumerate(readings):
        for value in values if i == 0 or later is None else later:
            if value and value[:10] == day:
                return value
    return None


def _unlabelled_edit(
    facts: PageFacts, readings: tuple[str, ...], known: list[str | None], modified: list[str | None]
) -> bool:
    """The shown day is the metadata's dateModified, not its (earlier) datePublished, and no
    "Updated" label says so: the page shows its last edit as if it were the date."""
    published = {v[:10] for v in known if v}
    edited = {v[:10] for v in modified if v}
    days = set(readings)
    if not published or days & published or not days & edited:
        return False
    return not days & facts.head.updated and min(published) < min(days & edited)


_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?=[/-]|$)")


def _url_day(url: str | None) -> str | None:
    """The day a permalink names ("/2017/7/12/slug"), which is its publication day."""
    m = _URL_DATE.search(url or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def choose_authors(facts: PageFacts, guessed: Meta, options: PageOptions) -> tuple[Agent, ...]:
    site = facts.site
    byline = agents(list(facts.head.byline)) if options.head_byline else ()
    marked = agents(list(facts.head.marked)) if options.head_byline else ()
    structured = [facts.jsonld.authors, agents(list(facts.microdata_authors))]
    extracted = tuple(a for a in guessed.authors if a.name.casefold() not in NOT_NAMES)
    shown = [byline, facts.tags.authors, marked, extracted]
    # The site's own name is never a person; names in text are also checked against the
    # host's name, names in structured data only against what the site calls itself
    # (personal sites are named after their author, who is a person).
    desks = options.desk_names
    lists = [tuple(_as_site(a, site, False, desks) for a in found) for found in structured]
    lists += [tuple(_as_site(a, site, True, desks) for a in found) for found in shown]
    for found in lists:
        people = [a for a in found if a.type == "Person"]
        if people:
            others = [a for a in found if a.type != "Person" and not _own(a, site, desks)]
            return tuple(dict.fromkeys([_fuller(a, byline) for a in people] + others))
    return next((found for found in lists if found), ())


def _as_site(agent: Agent, site: Site, hosts: bool, desks: bool = True) -> Agent:
    """The site's own name is an organisation, whatever the source typed it as; so is a
    desk's ("News Desk", "Arvel Courier Staff") with ``desks``."""
    if site.named(agent.name, hosts) or (desks and _desk(agent.name, site, hosts)):
        return replace(agent, type="Organization")
    return agent


def _own(agent: Agent, site: Site, desks: bool) -> bool:
    """The site itself or one of its desks: no co-author beside the people it names."""
    return site.named(agent.name) or (desks and _desk(agent.name, site, True))


# Words of a newsroom's collective bylines: "News Desk", "Staff Reports", "Web Team".
# fmt: off
_DESK_WORDS = frozenset({
    "staff", "desk", "newsroom", "team", "editors", "editorial", "board", "report", "reports",
    "bureau", "wire", "wires", "agencies", "news", "service", "services", "writers",
    "reporters", "contributors", "online", "digital", "web", "the", "of", "and", "&",
})
# fmt: on


def _desk(name: str, site: Site, hosts: bool) -> bool:
    """A name made of desk words, or of the site's name and desk words."""
    words = name.replace(",", " ").split()
    rest = [w for w in words if w.casefold() not in _DESK_WORDS]
    if len(rest) == len(words):
        return False
    return not rest or site.named(" ".join(rest), hosts)


def _fuller(agent: Agent, shown: tuple[Agent, ...]) -> Agent:
    """The shown byline's longer form of the same name, if there is one."""
    name = key(agent.name)
    for other in shown:
        longer = len(other.name.split()) > len(agent.name.split())
        if other.type == "Person" and longer and key(other.name).startswith(name):
            return replace(agent, name=other.name)
    return agent
