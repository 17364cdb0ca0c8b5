"""Evidence about a name's type from the words around it and from the article.

Cue words: "President X", "striker X" and "X , who" say Person; "X Inc",
"X shares" and "shares of X" say Organization; "in X" says Place. A sports
article (by its vocabulary or section) changes how place names are read: a
city that competes is a team.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span

from kg.extract.spans import ROLE_WORDS

# Legal forms that end company names ("Newmont Mining Corp").
# fmt: off
COMPANY_SUFFIXES = {
    "ag", "bhd", "co", "company", "corp", "corporation", "gmbh", "group", "holdings", "inc",
    "limited", "llc", "ltd", "nv", "plc", "sa", "spa",
}
# Last words of organisation names: legal forms and the nouns organisations are named with.
ORG_SUFFIXES = COMPANY_SUFFIXES | {
    "ab", "agency", "airlines", "airways", "army", "asa", "assembly", "association",
    "athletic", "bank", "board", "bv", "club", "college", "commission", "committee",
    "communications", "congress", "council", "court", "department", "energy", "exchange", "fc",
    "federation", "foundation", "front", "fund", "industries", "institute", "journal",
    "league", "llp", "lp", "mining", "ministry", "motors", "movement", "news", "oil",
    "organisation", "organization", "oyj", "parliament", "party", "petroleum", "police",
    "post", "press", "pt", "resources", "rovers", "society", "systems", "technologies",
    "telecom", "times", "trust", "union", "united", "university", "wanderers",
    # newspapers, media and finance houses ("Miami Herald", "Alden Global Capital")
    "herald", "courant", "gazette", "chronicle", "observer", "telegraph", "guardian",
    "inquirer", "examiner", "tribune", "capital", "partners", "ventures", "average", "index",
    "brotherhood", "networks", "pictures", "studios", "records", "productions", "media",
    "insurance", "securities", "investments", "associates", "consulting",
}
# fmt: on
ORG_PREFIXES = {"fc", "ac", "sc", "cf", "cd", "sv", "vfb", "vfl", "tsv", "afc", "pt"}
ORG_AFTER = {
    "shares",
    "stock",
    "stocks",
    "shareholders",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "executives",
    "subsidiary",
    "unit",
    "officials",
    "board",
}
ORG_BEFORE = {"shares", "stake", "subsidiary", "unit"}  # "shares of X", "stake in X"
PLACE_BEFORE = {"in", "near", "outside", "across", "throughout", "inside"}
SPEECH = {"said", "says", "told", "added", "announced", "reported"}

SPORTS_WORDS = {
    "soccer",
    "football",
    "cricket",
    "tennis",
    "golf",
    "rugby",
    "hockey",
    "basketball",
    "baseball",
    "boxing",
    "cycling",
    "skiing",
    "athletics",
    "squash",
    "badminton",
    "league",
    "goal",
    "goals",
    "scored",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "innings",
    "wicket",
    "wickets",
    "batsman",
    "bowler",
    "halftime",
    "half-time",
    "standings",
    "tournament",
    "championship",
    "seeded",
    "quarter-final",
    "semi-final",
    "quarterfinal",
    "semifinal",
    "coach",
    "playoff",
    "playoffs",
    "touchdown",
    "touchdowns",
    "quarterback",
    "pitcher",
    "inning",
    "rebounds",
    "match",
    "matches",
    "draw",
    "drew",
    "points",
    "season",
    "squad",
    "cup",
    "games",
    "race",
    "champion",
    "champions",
    "olympic",
    "medal",
    "nba",
    "nfl",
    "nhl",
    "uefa",
    "fifa",
    "played",
    "won",
    "lost",
    "drawn",
    "referee",
    "penalty",
}
SPORTS_SECTIONS = {"sport", "sports", "football", "soccer", "cricket", "tennis", "golf", "rugby"}
_WORD = re.compile(r"[a-z][a-z-]*")


def is_sports(text: str, section: str | None = None) -> bool:
    """True for a sports report: a sports section, or sports words all over it."""
    if section and section.casefold().strip() in SPORTS_SECTIONS:
        return True
    words = _WORD.findall(text.casefold())
    hits = Counter(w for w in words if w in SPORTS_WORDS)
    return sum(hits.values()) >= max(4, len(words) // 60) and len(hits) >= 3


def _low(token: object) -> str:
    return str(token).casefold().rstrip(".")


def span_votes(doc: Doc, span: Span) -> Counter[str]:
    """Type votes from the words in and around one mention."""
    votes: Counter[str] = Counter()
    words = [_low(t) for t in span]
    if words and (words[-1] in ORG_SUFFIXES or words[0] in ORG_PREFIXES) and len(words) >= 2:
        votes["Organization"] += 2
    before = [_low(t) for t in doc[max(0, span.start - 2) : span.start]]
    after = [_low(t) for t in doc[span.end : span.end + 2]]
    if before:
        if before[-1] in ROLE_WORDS:
            votes["Person"] += 2
        elif before[-1] in PLACE_BEFORE:
            votes["Place"] += 1
        elif before[-1] in ("of", "in") and len(before) == 2 and before[0] in ORG_BEFORE:
            votes["Organization"] += 2
    if after:
        owner = after[0] == "'s" and len(after) > 1 and after[1] in ORG_AFTER
        if owner or after[0] in ORG_AFTER or after[0] in ("inc", "corp", "ltd", "plc"):
            votes["Organization"] += 2
        elif after[0] == "," and _personal_apposition(doc, span.end + 1):
            votes["Person"] += 2
        elif after[0] in SPEECH:
            votes["Speaker"] += 1
    return votes


_AGE = re.compile(r"^(?:1[5-9]|[2-9]\d)$")


def _personal_apposition(doc: Doc, i: int) -> bool:
    """ ", who", ", 38,", ", a 69-year-old" right after a name: said of people."""
    words = [t.text.casefold() for t in doc[i : i + 3]]
    if not words:
        return False
    if words[0] == "who" or (_AGE.match(words[0]) and words[1:2] == [","]):
        return True
    return words[0] in ("a", "the", "an") and len(words) > 1 and words[1].endswith("-year-old")


def is_locative(doc: Doc, span: Span) -> bool:
    """True when a preposition of place comes right before the mention ("in X", "at X")."""
    return span.start > 0 and _low(doc[span.start - 1]) in (*PLACE_BEFORE, "at", "from", "to")
