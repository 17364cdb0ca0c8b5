"""What a page shows readers around its headline: the byline and the date.

Readers find an article's author and date next to its headline: "By A and B",
"Updated May 6, 2019". The page's text is read in document order (scripts and
styles left out); the head is the stretch of it around the headline element, from
a few lines above (kickers, "Original research · 7 April 2020") to the first
paragraph of prose below. Author markup (``rel=author``, ``itemprop=author``,
classes naming an author or byline) inside the head counts as a byline too. Teaser
lists, comment threads and footers are outside the head, so the names and dates
they show are not taken.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from lxml.html import HtmlElement

from kg.sources.bylines import BY, byline_names
from kg.sources.pagedates import shown_dates

_SKIP = frozenset({"script", "style", "template", "svg", "head", "select", "option"})
_BEFORE = 250  # characters of text above the headline that may hold its kicker and date
_AFTER = 700  # characters below it that may hold the byline and date
_PROSE_WORDS = 30  # a piece this long is the body: the head ends there
# "Updated", "Last modified" in the languages pagedates reads: the shown date is an edit's.
_UPDATED = re.compile(
    r"\b(?:updated|modified|revised|aktualisiert|geändert|mis à jour|modifié|actualizado|"
    r"aggiornato|bijgewerkt|atualizado)\b",
    re.I,
)
# A line that begins so introduces the article's own date.
_DATE_LABEL = re.compile(
    r"(?:last\s+)?(?:updated|published|posted|modified|erstellt|veröffentlicht|aktualisiert|"
    r"publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|gepubliceerd|bijgewerkt)\b",
    re.I,
)
_FAR = 4000  # characters below the headline where a labelled date is still the article's
_LABEL_WORDS = 4  # a piece this short before a date may be its label ("Updated:")
_AUTHOR_MARK = re.compile(r"author|byline|writer|contributor|autor", re.I)
# "Posted on 21 September 2020 by A": the names after a "by" inside a short line.
# Only English "by": "von", "de", "di" inside a line are as often part of a name.
_BY_INSIDE = re.compile(r"\bby\s+(?=[A-ZÀ-Þ])")
# "Photo by A", "Medically reviewed by A", "Sponsored by B": credits, not the author.
_CREDIT_BY = re.compile(
    r"\b(?:photo\w*|image\w*|picture\w*|illustrat\w*|graphic\w*|video\w*|animation|"
    r"edited|reviewed|checked|sponsored|presented|produced|powered|designed|translated|"
    r"supported|funded|hosted|narrated|curated|compiled)\s+by\s+$",
    re.I,
)
_SHORT = 14  # words of a line that may hold a byline after other words
# Labels author markup (and so an extractor reading it) holds besides names.
NOT_NAMES = frozenset(
    {"author", "authors", "by", "follow", "more", "posted", "profile", "published", "share"}
)
_MARKED_WORDS = 4  # words of a name in author markup
_MARKED_TEXT_WORDS = 10  # words of an author element: more is a bio or a list
# A link to an author's page; a link to the reader's own account is none.
_AUTHOR_HREF = re.compile(
    r"(?:^|[/?&=_.-])(?:authors?|profiles?|users?|contributors?|writers?|journalists?|"
    r"reporters?|columnists?|autor(?:en|in)?|auteurs?)(?:$|[/?&=_.-])",
    re.I,
)
_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//[^/?#]*", re.I)  # never raises, as urlsplit may
_ACCOUNT_HREF = re.compile(r"log-?in|sign-?in|sign-?up|register|account|subscri|join", re.I)
_TEASER_DEPTH = 4  # ancestors of a byline searched for its teaser's link or heading
_BYLINE_WORDS = 24  # words of a byline's element: "By A, B and C | Updated 12 May 2020"


@dataclass(frozen=True)
class Piece:
    text: str
    owner: HtmlElement  # the element whose text (or whose child's tail) this is


@dataclass(frozen=True)
class HeadRules:
    """Which byline rules run: all in a build (bench/pages.py turns each off in turn)."""

    credits: bool = True  # "Photo by A", "Reviewed by A" are no byline
    listed: bool = True  # "By <a>A</a>, <a>B</a> and <a>C</a>": every name
    links: bool = True  # a link to an author's page names one
    teasers: bool = True  # above the headline, a teaser's byline is none
    parts: bool = True  # "A AND B", "A in Castlow", a name and a role in elements of their own


_ALL = HeadRules()


@dataclass(frozen=True)
class Head:
    """What the page shows around its headline."""

    found: bool = False  # the headline was found among the page's elements
    byline: tuple[str, ...] = ()  # names, as shown
    marked: tuple[str, ...] = ()  # names from author markup only (may be user names)
    # Dates shown, nearest the headline first; each as its readings (04/12/2020 has two).
    dates: tuple[tuple[str, ...], ...] = ()
    updated: frozenset[str] = frozenset()  # days shown after an "Updated" label
    above: frozenset[str] = frozenset()  # days shown only above the headline
    # The first date further below that a label introduces ("Updated June 13, 2019").
    labelled: tuple[str, ...] = ()


def pieces(tree: HtmlElement) -> list[Piece]:
    """The page's visible text in document order, one piece per text node."""
    out: list[Piece] = []
    todo: list[tuple[bool, HtmlElement]] = [(False, tree)]  # (is its tail, element)
    while todo:
        tail, el = todo.pop()
        if tail:
            parent = el.getparent()
            if el.tail and el.tail.strip() and parent is not None:
                out.append(Piece(" ".join(el.tail.split()), parent))
            continue
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag or tag.lower() in _SKIP:
            continue  # comments, scripts, styles: only their tail is text
        if el.text and el.text.strip():
            out.append(Piece(" ".join(el.text.split()), el))
        for child in reversed(el):
            todo.append((True, child))
            todo.append((False, child))
    return out


def fold(text: str) -> str:
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).casefold())


def headline_element(tree: HtmlElement, headline: str) -> HtmlElement | None:
    """The element that shows ``headline``: an h1 first, then any heading, then any element."""
    want = fold(headline)
    if not want:
        return None
    for path in ("//h1", "//h2|//h3", "//body//*[not(self::title)]"):
        for el in tree.xpath(path):
            if isinstance(el.tag, str) and fold(el.text_content()) == want:
                return el
    return None


def read_head(
    tree: HtmlElement,
    headline: str | None,
    month_first: bool,
    anchor: HtmlElement | None = None,
    rules: HeadRules = _ALL,
) -> Head:
    """The byline and dates shown around the element that shows ``headline`` (``anchor``,
    when the caller has found it); ``rules`` as HeadRules says."""
    if anchor is None:
        anchor = headline_element(tree, headline) if headline else None
    if anchor is None:
        return Head()
    text = pieces(tree)
    inside = {id(el) for el in anchor.iter()}
    first = next((i for i, p in enumerate(text) if id(p.owner) in inside), None)
    if first is None:
        return Head()
    last = max(i for i, p in enumerate(text) if id(p.owner) in inside)
    before, after = _window(text, first, last)
    # Above the headline, a byline in a link with another story's heading is a teaser's.
    own = [p for p in before if not (rules.teasers and _in_teaser(p.owner, anchor))]
    bylines, marked = _bylines(after + own, rules)
    dates = [d for p in after + before[::-1] for d in shown_dates(p.text, month_first)]
    dates += [d for p in (after + before) for d in _time_elements(p)]
    updated = _updated_days(before + after)
    above = _days(before, month_first) - _days(after, month_first)
    labelled = _labelled_below(text[last + 1 :], month_first)
    unique = tuple(dict.fromkeys(dates))
    return Head(True, tuple(bylines), tuple(marked), unique, updated, above, labelled)


def _days(window: list[Piece], month_first: bool) -> frozenset[str]:
    """Every day the pieces show, in their text or their <time> elements."""
    found = [r for p in window for r in shown_dates(p.text, month_first) + _time_elements(p)]
    return frozenset(day for readings in found for day in readings)


def _labelled_below(below: list[Piece], month_first: bool) -> tuple[str, ...]:
    """The readings of the first short line below the headline that a date label begins.

    Pages that put a recipe's or a product's description between the headline and its
    date show it too far down for the head; its label says what it is. The search ends
    at the second paragraph of prose: below it is the body, then the comments, whose
    "Posted …" dates are the readers'.
    """
    size = prose = 0
    for p in below:
        size += len(p.text)
        prose += len(p.text.split()) >= _PROSE_WORDS
        if size > _FAR or prose > 1:
            break
        text = p.text.lstrip("|•·–—-/ ")
        if len(text.split()) <= _SHORT and _DATE_LABEL.match(text):
            dates = shown_dates(text, month_first)
            if dates:
                return dates[0]
    return ()


def _updated_days(window: list[Piece]) -> frozenset[str]:
    """The days shown in, or right after, a piece that says "Updated" ("Last modified …")."""
    days: set[str] = set()
    for i, p in enumerate(window):
        label = _UPDATED.search(p.text)
        if label is None and i and len(window[i - 1].text.split()) <= _LABEL_WORDS:
            label = _UPDATED.search(window[i - 1].text)
        if label is not None:
            days.update(d for readings in shown_dates(p.text) for d in readings)
    return frozenset(days)


def _window(text: list[Piece], first: int, last: int) -> tuple[list[Piece], list[Piece]]:
    """The pieces above the headline (nearest last) and below it, up to the body's prose."""
    before: list[Piece] = []
    size = 0
    for p in reversed(text[:first]):
        size += len(p.text)
        if size > _BEFORE or len(p.text.split()) >= _PROSE_WORDS:
            break
        before.insert(0, p)
    after: list[Piece] = []
    size = 0
    for p in text[last + 1 :]:
        if len(p.text.split()) >= _PROSE_WORDS:
            break
        size += len(p.text)
        if size > _AFTER:
            break
        after.append(p)
    return before, after


def _time_elements(piece: Piece) -> list[tuple[str, ...]]:
    """The day in the ``datetime`` of a <time> element that holds the piece."""
    el: HtmlElement | None = piece.owner
    for _ in range(2):
        if el is None:
            break
        if el.tag == "time" and el.get("datetime"):
            return shown_dates(el.get("datetime") or "")[:1]
        el = el.getparent()
    return []


def _marked(el: HtmlElement | None) -> HtmlElement | None:
    """The element with author markup: ``el`` or one of its three nearest ancestors."""
    for _ in range(4):
        if el is None or not isinstance(el.tag, str):
            return None
        if "author" in (el.get("rel") or "") or "author" in (el.get("itemprop") or ""):
            return el
        if _AUTHOR_MARK.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
            return el
        el = el.getparent()
    return None


def _bylines(window: list[Piece], rules: HeadRules) -> tuple[list[str], list[str]]:
    """Names from "By …" text and from author markup in the head (with ``credits``, not
    from a credit line's "by": "Photo by …", "Reviewed by …"; with ``listed``, every
    name of a byline whose names are elements of their own, see _listed; with ``links``,
    the names of links to an author's page, see _author_link)."""
    credits, listed, links = rules.credits, rules.listed, rules.links
    names: list[str] = []
    marked: list[str] = []
    seen: set[int] = set()
    for i, p in enumerate(window):
        text = p.text.lstrip("|•·–—-/ ")  # "| By", "— von": a separator before the byline
        m = BY.match(text)
        inside = None if m or len(text.split()) > _SHORT else _last(_BY_INSIDE, text)
        if inside is not None and credits and _CREDIT_BY.search(text[:inside]):
            inside = None
        if m or inside is not None:
            rest = text[m.end() :] if m else text[inside or 0 :]
            found = byline_names(rest, parts=rules.parts)
            if not rest.strip() and i + 1 < len(window):
                found = _after_by(window[i + 1], rules)  # "By" here, the names next
            if listed:
                found = _listed(p, rest, found, rules.parts)
            names.extend(found)
        elif (element := _marked(p.owner)) is not None and id(element) not in seen:
            # The whole marked element: a name can be split over several text nodes.
            seen.add(id(element))
            text = " ".join(element.text_content().split())
            if len(text.split()) <= _MARKED_TEXT_WORDS:
                marked.extend(_marked_names(element, text, rules.parts))
        elif links and _author_link(p.owner) and 2 <= len(p.text.split()) <= _MARKED_WORDS:
            marked.extend(n for n in byline_names(p.text, parts=rules.parts) if _label_name(n))
    return list(dict.fromkeys(names)), list(dict.fromkeys(marked))


def _marked_names(element: HtmlElement, text: str, parts: bool) -> list[str]:
    """The names in author markup: its whole text, else (with ``parts``) each of its
    texts that is name-shaped ("<span>Ann Quill</span><span>Correspondent</span>")."""
    found = [n for n in byline_names(text, strict=False, parts=parts) if _label_name(n)]
    if found or not parts:
        return found
    texts = (" ".join(t.split()) for t in element.itertext())
    return [n for t in texts if t for n in byline_names(t, parts=parts) if _label_name(n)]


def _after_by(piece: Piece, rules: HeadRules) -> list[str]:
    """The names in the element after a lone "By": name-shaped, or any label when it
    links to the author's page ("by <a href="/profile/1">delta201</a>")."""
    found = byline_names(piece.text, parts=rules.parts)
    if found or not (rules.links and _author_link(piece.owner)):
        return found
    names = byline_names(piece.text, strict=False, parts=rules.parts)
    return [n for n in names if _label_name(n)]


def _author_link(el: HtmlElement) -> bool:
    """A link to a page about a person who writes: /author/…, /profile/…, ?trk=author_…
    (the path and query only: a host named after people says nothing)."""
    if not isinstance(el.tag, str) or el.tag.lower() != "a":
        return False
    where = _HOST.sub("", el.get("href") or "")
    return bool(_AUTHOR_HREF.search(where)) and not _ACCOUNT_HREF.search(where)


def _in_teaser(owner: HtmlElement, anchor: HtmlElement) -> bool:
    """``owner`` is in a link that holds a heading, not the headline and not to an
    author's page: another story's teaser ("Most read", "Trending"). (A block with a
    heading of its own is not enough: "<h2>Series</h2> by <a>name</a>" heads a
    chapter.)"""
    el: HtmlElement | None = owner
    for _ in range(_TEASER_DEPTH):
        if el is None or not isinstance(el.tag, str) or anchor in el.iter():
            return False
        if el.tag.lower() == "a" and el.get("href") and not _author_link(el):
            return any(owner not in h.iter() for h in el.iter("h1", "h2", "h3", "h4", "h5"))
        el = el.getparent()
    return False


def _listed(piece: Piece, rest: str, found: list[str], parts: bool) -> list[str]:
    """The names of "By <a>A</a>, <a>B</a> and <a>C</a>": each name is a text node of its
    own, so the piece after "By" holds only the first. The rest of the byline's element
    lists them all; it is read only when it names more, the same names first."""
    whole = " ".join(piece.owner.text_content().split())
    at = whole.find(piece.text)
    if at < 0 or len(whole.split()) > _BYLINE_WORDS:
        return found
    more = byline_names(rest + whole[at + len(piece.text) :], parts=parts)
    return more if len(more) > len(found) and more[: len(found)] == found else found


def _label_name(name: str) -> bool:
    """A name in author markup, not a label or a sentence beside it."""
    words = name.casefold().split()
    if name.casefold() in NOT_NAMES or len(words) > _MARKED_WORDS or "author" in words:
        return False
    if words[-1] in ("by", "von", "par", "por"):
        return False  # "Photograph by": the label of a credit
    # A user name may hold digits ("delta201"); a counter ("319") has no letter.
    return any(c.isalpha() for c in name) and not any(c in ":!?" for c in name)


def _last(pattern: re.Pattern[str], text: str) -> int | None:
    """The end of the last match of ``pattern`` in ``text``, else None."""
    found = list(pattern.finditer(text))
    return found[-1].end() if found else None
