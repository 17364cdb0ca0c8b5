"""Line classifiers for scraped page text: chrome, captions, bylines, datelines.

Each function looks at one line (block) of page text and says what it is. The
rules are about the shapes page chrome takes on any site (asset ids, share
buttons, nav bars, ad slots, vote counters), not about particular pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model import Agent

# -- news agencies -----------------------------------------------------------

# fmt: off
AGENCIES: dict[str, str] = {
    # how the text names it (casefolded) → the organisation's name
    "reuters": "Reuters", "thomson reuters": "Reuters", "afp": "Agence France-Presse",
    "agence france-presse": "Agence France-Presse",
    "agence france presse": "Agence France-Presse", "ap": "Associated Press",
    "associated press": "Associated Press", "the associated press": "Associated Press",
    "xinhua": "Xinhua", "pti": "Press Trust of India",
    "press trust of india": "Press Trust of India", "ani": "Asian News International",
    "ians": "Indo-Asian News Service", "uni": "United News of India", "bloomberg": "Bloomberg",
    "dpa": "Deutsche Presse-Agentur", "efe": "EFE", "ansa": "ANSA", "kyodo": "Kyodo News",
    "yonhap": "Yonhap", "tass": "TASS", "ria novosti": "RIA Novosti", "interfax": "Interfax",
    "anadolu": "Anadolu Agency", "aap": "Australian Associated Press",
    "upi": "United Press International", "epa": "European Pressphoto Agency",
    "getty images": "Getty Images", "agencies": "",
}
# fmt: on
# fmt: off
AGENCY_SHORT: dict[str, str] = {
    "Agence France-Presse": "AFP", "Associated Press": "AP", "Press Trust of India": "PTI",
    "Asian News International": "ANI", "Indo-Asian News Service": "IANS",
    "United News of India": "UNI", "Deutsche Presse-Agentur": "dpa",
    "United Press International": "UPI", "Australian Associated Press": "AAP",
    "European Pressphoto Agency": "EPA",
}
# fmt: on
_AGENCY_ALT = "|".join(
    sorted((re.escape(k) for k in AGENCIES if k != "agencies"), key=len, reverse=True)
)
_AGENCY_RE = re.compile(rf"(?:{_AGENCY_ALT})", re.I)


def agency_name(text: str) -> str | None:
    """The organisation a news-agency name means ("AFP" → Agence France-Presse)."""
    return AGENCIES.get(" ".join(text.split()).casefold().strip(" .()")) or None


# -- chrome --------------------------------------------------------------------

# fmt: off
_CHROME_EXACT = {
    "ad", "ads", "advertise", "advertise with us", "advertisement", "advertisements",
    "also read", "also see", "audio", "back to top", "close", "comment", "comments",
    "continue reading", "continue reading below", "copy link", "don't miss", "e-mail",
    "editor's picks", "email", "facebook", "fb", "flipboard", "follow", "follow us", "gallery",
    "gmail", "home", "image", "instagram", "latest", "latest news", "like", "link copied",
    "linkedin", "listen", "listen to this article", "loading", "loading...", "log in", "login",
    "mail", "menu", "messenger", "more", "more from", "most popular", "most read", "must read",
    "next", "photo", "photos", "pinterest", "pocket", "previous", "print", "read more",
    "read more:", "recommended", "reddit", "register", "related", "related articles",
    "related content", "related news", "related stories", "reply", "report",
    "scroll to continue", "scroll to continue with content", "search", "see also", "share",
    "share on facebook", "share on twitter", "share this", "share this article",
    "share this story", "sign in", "sign up", "skip to content", "skip to main content", "sms",
    "sponsored", "sponsored content", "story continues below advertisement", "subscribe",
    "subscribe now", "telegram", "top", "top stories", "trending", "tumblr", "tweet",
    "twitter", "video", "watch", "whatsapp", "x", "you may also like", "youtube",
}
# fmt: on
# fmt: off
_NAV_WORDS = {
    "about", "account", "advertise", "app", "archive", "business", "careers", "classifieds",
    "contact", "cookies", "download", "e-paper", "edition", "epaper", "ethics", "faq", "games",
    "help", "home", "log", "login", "menu", "newsletter", "newsletters", "opinion", "photos",
    "podcasts", "print", "privacy", "puzzles", "register", "rss", "search", "sections", "sign",
    "sitemap", "sports", "subscribe", "terms", "video", "videos", "weather", "world",
}
# fmt: on
# fmt: off
_SOCIAL = {
    "comment", "comments", "copy", "e-mail", "email", "facebook", "fb", "flipboard", "gmail",
    "instagram", "koo", "link", "linkedin", "mail", "messenger", "pinterest", "pocket",
    "print", "reddit", "share", "sms", "telegram", "threads", "tumblr", "tweet", "twitter",
    "whatsapp", "x", "youtube",
}
# fmt: on
_BULLET = "•·▪◦●*-–—>|"
_IDENT = re.compile(
    r"^[A-Za-z]*[a-z0-9]+(?:[_-][A-Za-z0-9]+)+$|^[a-z]+\d+$|.*(?:img|icon|logo|btn)\d*$", re.I
)
_VOTES = re.compile(r"^\d+\s*\(\s*\+\s*\d+\s*/\s*[-−]\s*\d+\s*\)$")
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b|all rights reserved)", re.I)
_URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
_FOOTER = re.compile(
    r"^\(?\s*(?:reporting|additional reporting|writing|editing|compiled|produced)\s+by\b.*", re.I
)
TERMINAL = tuple(".!?\"”’'…)")


def words(text: str) -> list[str]:
    return text.split()


def is_vote_counter(text: str) -> bool:
    return bool(_VOTES.match(text.strip()))


def is_footer_credit(text: str) -> bool:
    """'(Reporting by …; Editing by …)' lines that close wire stories."""
    return bool(_FOOTER.match(text.strip()))


def is_chrome(text: str) -> bool:
    """True for a line that is page furniture, never article text."""
    line = text.strip()
    core = line.strip(_BULLET + " \t").strip()
    if not core:
        return True
    folded = core.casefold().rstrip(":")
    if folded in _CHROME_EXACT or is_vote_counter(core) or _COPYRIGHT.match(core):
        return True
    if _URL_ONLY.match(core):
        return True
    tokens = words(core)
    if not any(c.isalpha() for c in core):
        return True
    # Share buttons and nav items: a bullet and a word or two.
    if line[0] in _BULLET and len(tokens) <= 3:
        return True
    if all(t.casefold().strip(".,:") in _SOCIAL for t in tokens):
        return True
    # Asset ids and CSS class names that leaked as alt text ("search-icon-img").
    idents = sum(1 for t in tokens if _IDENT.match(t))
    if idents and idents * 3 >= len(tokens) and not core.endswith(TERMINAL[:3]):
        return True
    # Nav bars: many menu words, no sentence.
    if len(tokens) >= 4 and not core.endswith(TERMINAL[:3]):
        nav = sum(1 for t in tokens if t.casefold().strip(".,:|") in _NAV_WORDS)
        if nav >= 3 and nav * 3 >= len(tokens):
            return True
    return False


_COMMENT_HEADER = re.compile(
    r"^(?:\d+\s+comments?|comments?\s*\(\d+\)|(?:log\s?in|sign\s?in|register)\s+to\s+"
    r"(?:comment|reply|post)|(?:leave|post|add|write)\s+a\s+(?:comment|reply)|"
    r"(?:show|view|load|read)\s+(?:all\s+|more\s+)?comments?|join the (?:conversation|discussion)|"
    r"comments are closed)\b",
    re.I,
)


def is_comment_marker(text: str) -> bool:
    """A line that opens or closes a reader-comment thread."""
    line = text.strip()
    return is_vote_counter(line) or bool(_COMMENT_HEADER.match(line))


_END_MARKERS = re.compile(
    r"^(?:related(?: articles| stories| news| content| coverage| links)?|more from\b.*|"
    r"most (?:read|popular|viewed|shared)|you may also like|recommended(?: for you)?|"
    r"trending(?: now)?|more stories|more on this story|top stories|latest news)\s*:?$",
    re.I,
)


def is_end_marker(text: str) -> bool:
    """A header after which a page carries other stories, not this one."""
    return bool(_END_MARKERS.match(text.strip().strip(_BULLET).strip()))


# -- prose shape ------------------------------------------------------------------

_SENT_SPLIT = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘']?[A-Z0-9])")
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|my|me|you|your|you're|lol|imho|imo)\b")


def sentences(text: str) -> list[str]:
    return [s for s in _SENT_SPLIT.split(text.strip()) if s]


def is_prose(text: str) -> bool:
    """A line that reads like a paragraph of an article rather than a label."""
    line = text.strip()
    n = len(words(line))
    return n >= 12 or (n >= 4 and line.endswith(TERMINAL))


def looks_like_reader_comment(text: str) -> bool:
    """Shape of a reader comment: short sentences, links, first person, no reporting."""
    line = text.strip()
    if "http://" in line or "https://" in line or "::" in line:
        return True
    parts = sentences(line)
    n = len(words(line))
    mean = n / max(1, len(parts))
    unquoted = re.sub(r"[\"“][^\"”]*[\"”]", "", line)
    if _FIRST_PERSON.search(unquoted) or "!" in unquoted:
        return True
    return n < 20 or mean < 14


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


# fmt: off
SECTION_WORDS = {
    "africa", "americas", "analysis", "arts", "asia", "books", "business", "china", "cities",
    "city", "columns", "crime", "culture", "economy", "editorial", "education",
    "entertainment", "environment", "europe", "features", "film", "finance", "health", "india",
    "international", "japan", "latest", "lifestyle", "local", "markets", "media",
    "middle east", "money", "movies", "music", "nation", "national", "news", "opinion",
    "politics", "science", "sport", "sports", "states", "tech", "technology", "top news",
    "travel", "tv", "uk", "us", "world",
}
# fmt: on


def is_section_word(text: str) -> bool:
    line = text.strip()
    return line.casefold() in SECTION_WORDS and len(words(line)) <= 2
