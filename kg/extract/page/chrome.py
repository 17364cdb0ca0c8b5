"""Line classifiers for scraped page text: page chrome, reader comments, prose shape.

Each function looks at one line (block) of page text and says what it is. The
rules are about the shapes page chrome takes on any site (asset ids, share
buttons, nav bars, ad slots, vote counters), not about particular pages.
Bylines, datelines, credits and sign-offs are read by kg.extract.page.marks.
"""

from __future__ import annotations

import re

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
# The words of menus, share bars and labels, one by one.
CHROME_WORDS = frozenset(
    _SOCIAL | _NAV_WORDS | {w for label in _CHROME_EXACT for w in label.split()}
) - {"of", "to", "the", "this", "with", "you", "may", "also", "on", "from", "in"}
_BULLET = "•·▪◦●*-–—>|"
_IDENT = re.compile(
    r"^[A-Za-z]*[a-z0-9]+(?:[_-][A-Za-z0-9]+)+$|^[a-z]+\d+$|.*(?:img|icon|logo|btn)\d*$", re.I
)
_VOTES = re.compile(r"^\d+\s*\(\s*\+\s*\d+\s*/\s*[-−]\s*\d+\s*\)$")
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b|all rights reserved)", re.I)
_NOTICE = re.compile(r"©|\(c\)|\b(?:19|20)\d\d\b|all rights reserved|\breserved\b", re.I)
_NOTICE_WORDS = 6  # "Copyright Arvel Media Ltd": a notice may name its holder


def copyright_prose(core: str) -> bool:
    """A sentence that begins with the word "Copyright" ("Copyright law has not kept pace
    …"), not a notice: longer than a holder's name, no ©, year or "all rights reserved"."""
    m = _COPYRIGHT.match(core)
    if m is None or not m.group()[0].isalpha():
        return False
    return len(words(core)) > _NOTICE_WORDS and not _NOTICE.search(core[m.end() :])


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
    if is_chrome_label(text):
        return True
    line = text.strip()
    core = line.strip(_BULLET + " \t").strip()
    tokens = words(core)
    if not any(c.isalpha() for c in core):
        return True
    # Share buttons and nav items: a bullet and a word or two.
    if line[0] in _BULLET and len(tokens) <= 3:
        return True
    # Asset ids and CSS class names that leaked as alt text ("search-icon-img").
    idents = sum(1 for t in tokens if _IDENT.match(t))
    return bool(idents and idents * 3 >= len(tokens) and not core.endswith(TERMINAL[:3]))


def is_chrome_label(text: str, items: bool = False, sentences: bool = False) -> bool:
    """Page furniture by its words: menu and share labels, copyright, a lone URL, a nav bar.

    Unlike :func:`is_chrome` it does not judge a line by its shape alone (no letters,
    a bullet, identifiers), which in a page's main text are figures, lists and code.
    ``items`` keeps a short bulleted line whose words are no menu or share words;
    ``sentences`` a sentence that begins with "Copyright" but is no notice.
    """
    line = text.strip()
    core = line.strip(_BULLET + " \t").strip()
    if not core:
        return True
    folded = core.casefold().rstrip(":")
    if folded in _CHROME_EXACT or is_vote_counter(core):
        return True
    if _COPYRIGHT.match(core) and not (sentences and copyright_prose(core)):
        return True
    if _URL_ONLY.match(core):
        return True
    tokens = words(core)
    # "• Share", "- Print Article"; but "- two quinces", "| Harvest |" are a list's
    # items and a table's cells when ``items`` says so and no word is a chrome word.
    labelled = not items or any(t.casefold() in CHROME_WORDS for t in tokens)
    labelled = labelled or " ".join(tokens).casefold() in SECTION_WORDS  # "- Travel"
    if line[0] in _BULLET and len(tokens) <= 3 and all(t.isalpha() for t in tokens) and labelled:
        return True
    if all(t.casefold().strip(".,:") in _SOCIAL for t in tokens):
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
