"""What a line of page text says about the article: photo credits, bylines,
datelines, sign-offs and the agencies that reported it.

Like kg.extract.page.chrome, each function reads one line and knows nothing of
particular sites.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.page.chrome import words
from kg.lexicon.agencies import AGENCY_PATTERN as _AGENCY_ALT
from kg.lexicon.agencies import agency_name
from kg.model import Agent

_AGENCY_RE = re.compile(rf"(?:{_AGENCY_ALT})", re.I)


# -- captions and credits ------------------------------------------------------

_CREDIT_LABEL = re.compile(
    r"^(?P<caption>.*?)[\s(\[|–—-]*\b(?:photo(?:graph)?s?|pictures?|pic|images?|credits?|"
    r"photo credit|file photo)\s*(?:by)?\s*[:：]\s*(?P<credit>[^()\[\]]+?)[)\]]?\s*$",
    re.I,
)
_CREDIT_PAREN = re.compile(
    r"^(?P<caption>.*\S)\s*[(\[](?P<credit>(?:AP|AFP|Reuters|EPA|Getty|PTI|ANI|Xinhua|Bloomberg|"
    r"[A-Z][\w.'-]+(?: [A-Z][\w.'-]+)*/(?:AP|AFP|Reuters|EPA|Getty Images|Shutterstock))"
    r"[^()\[\]]*)[)\]]\s*$"
)
_CREDIT_TRAILING = re.compile(
    rf"^(?P<caption>.+?[.!?”\"])\s+(?P<credit>(?:[A-Z][\w.'-]+(?: [A-Z][\w.'-]+)*\s*/\s*)?"
    rf"(?:{_AGENCY_ALT}|Getty Images|Shutterstock|File)(?:\s*/\s*[A-Z][\w.' -]+)?)\s*$",
    re.I,
)


@dataclass(frozen=True)
class Credit:
    caption: str  # may be empty
    credit: str
    caption_end: int  # length of the caption part within the line


def split_credit(text: str, trailing_agency: bool) -> Credit | None:
    """Caption and photo credit of a caption line, else None.

    ``trailing_agency`` also accepts a bare agency after the caption's last
    sentence ("… on Wednesday. AFP"), which only captions near the top end with.
    """
    line = text.rstrip()
    m = _CREDIT_LABEL.match(line) or _CREDIT_PAREN.match(line)
    if not m and trailing_agency:
        m = _CREDIT_TRAILING.match(line)
        if (
            m
            and not _AGENCY_RE.fullmatch(m.group("credit").split("/")[-1].strip())
            and not m.group("credit").lower().endswith(("getty images", "shutterstock", "file"))
        ):
            m = None
    if not m:
        return None
    caption = m.group("caption").rstrip(" (|–—-[")
    credit = m.group("credit").strip(" .)")
    if not credit or len(words(credit)) > 12:
        return None
    return Credit(caption=caption, credit=credit, caption_end=len(caption))


# -- bylines ------------------------------------------------------------------------

_BYLINE = re.compile(r"^(?:by|written by|words by|story by|report by)\s+(?P<names>.+)$", re.I)
_NAME_PART = re.compile(
    r"^[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|da|van|von|der|al|el|bin|le|la))*$"
)


_BYLINE_TAIL = re.compile(r"\s+(?:[-|–—•]\s+|\bon\s+|\bupdated\b|\bpublished\b|\d).*$", re.I)


def parse_byline(text: str) -> tuple[Agent, ...] | None:
    """The authors a byline names ("By A and B" → two Persons), else None.

    A date or time after the names ("By A - 11/19/19 06:56 AM EST") is not part of it.
    """
    m = _BYLINE.match(_BYLINE_TAIL.sub("", text.strip()))
    if not m or len(words(text)) > 16:
        return None
    raw = re.split(r",|\band\b|&|\|", m.group("names"))
    found: list[Agent] = []
    for part in raw:
        name = " ".join(part.split()).strip(" .;:")
        if not name:
            continue
        org = agency_name(name) or agency_name(name.removesuffix(" Staff").removesuffix(" staff"))
        if org:
            found.append(Agent(org, "Organization"))
            continue
        if name.lower() in ("staff", "staff writer", "staff reporter", "our correspondent"):
            continue
        if not _NAME_PART.match(name) or len(words(name)) > 5:
            return None
        found.append(Agent(name, "Person"))
    return tuple(dict.fromkeys(found)) or None


# -- datelines ------------------------------------------------------------------------

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_PLACE = r"[A-Z][A-Za-z.'’-]*(?:[ -][A-Z][A-Za-z.'’-]*){0,3}"
_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE})"
    rf"(?:\s*,?\s*\(?(?P<region>{_PLACE})\)?)?"
    rf"(?:\s*,\s*(?P<date>{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?))?"
    rf"(?:\s*\((?P<agency>[A-Za-z][A-Za-z .-]*)\))?"
    rf"\s*[:—–-]*\s*$"
)
_INLINE = re.compile(
    rf"^(?P<head>(?P<place>[A-Z][A-Z.'’-]+(?:[ -][A-Z][A-Z.'’-]+){{0,3}})"
    rf"(?:\s*,?\s*\(?(?P<region>{_PLACE})\)?)?"
    rf"(?:\s*,\s*(?P<date>{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?))?"
    rf"(?:\s*\((?P<agency>[A-Za-z][A-Za-z .-]*)\))?)\s*(?::|—|–|-{{1,2}})\s+(?=\S)"
)


@dataclass(frozen=True)
class Dateline:
    text: str
    place: str
    region: str | None
    date: str | None
    agency: str | None
    length: int  # characters of the line the dateline takes (inline: up to the body)


def _dateline(m: re.Match[str], text: str, length: int) -> Dateline:
    """A Dateline from a match; "(Reuters)" in the region slot is the agency."""
    region, agency = m.group("region"), m.group("agency")
    if region and agency is None and agency_name(region):
        region, agency = None, region
    return Dateline(text, m.group("place"), region, m.group("date"), agency, length)


def parse_dateline(text: str, is_place: object) -> Dateline | None:
    """A line that is only a dateline ("VLADIVOSTOK, Russia", "Vladivostok (Russia), Apr 24")."""
    line = text.strip()
    if len(words(line)) > 9:
        return None
    m = _DATELINE.match(line)
    if not m:
        return None
    place = m.group("place")
    known = callable(is_place) and is_place(place)
    if not (known or (place.isupper() and len(place) >= 3)):
        return None
    return _dateline(m, line.rstrip(" :—–-"), len(text))


def parse_inline_dateline(text: str) -> Dateline | None:
    """A dateline opening a paragraph ("WASHINGTON (Reuters) - …", "VLADIVOSTOK Russia: …")."""
    m = _INLINE.match(text)
    if not m or len(m.group("place")) < 3:
        return None
    region = m.group("region")
    if region and region.casefold() in {"the", "a", "an"}:
        return None
    return _dateline(m, m.group("head").strip(), m.end())


_SIGNOFF = re.compile(
    rf"\s*(?:[—–-]{{1,2}}|\()\s*(?P<agency>{_AGENCY_ALT}|agencies)\s*\)?\s*$", re.I
)


def split_signoff(text: str) -> tuple[int, str] | None:
    """(length of the text before it, agency name) for a paragraph ending '— AFP'."""
    m = _SIGNOFF.search(text)
    if not m or m.start() == 0:
        return None
    return m.start(), (agency_name(m.group("agency")) or "")


_REPORTER = re.compile(
    rf"\b(?:an?|the)\s+(?P<agency>{_AGENCY_ALT})\s+(?:reporter|correspondent|photographer|"
    r"journalist|witness|cameraman|tally|count|review|investigation|calculation)s?\b",
    re.I,
)


def reporting_agencies(text: str) -> list[str]:
    """Agencies the text says reported it ("according to a Reuters reporter")."""
    found = [agency_name(m.group("agency")) for m in _REPORTER.finditer(text)]
    return [f for f in dict.fromkeys(found) if f]
