"""Evidence about a name's type from the words around it and from the article.

Cue words: "President X", "striker X" and "X , who" say Person; "X Inc",
"X shares", "shares of X", "oil giant X" and "the X" say Organization; "in X"
says Place; "an X", "X nominations" say X names a thing. A sports
article (by its vocabulary or section) changes how place names are read: a
city that competes is a team.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span

from kg.extract.entities.spans import ROLE_WORDS
from kg.lexicon.gazetteer import gazetteer

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
    # what a firm makes or does, as the last word of its name ("Vanta Software")
    "software", "solutions", "labs", "electronics", "pharmaceuticals", "logistics",
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
    "chief",
    "boss",
    "bosses",
    "founder",
    "employees",
    "staff",
    "headquarters",
}
# Role words that also qualify things: "former Yukos chief" says nothing of Yukos.
_ADJECTIVES = {"former", "late", "fellow", "veteran", "international", "rebel"}
# After "X's": what only companies have ("Yukos's shares"); people have spokesmen and staff.
OWNED_BY_ORG = {
    "shares",
    "stock",
    "shareholders",
    "subsidiary",
    "unit",
    "board",
    "executives",
    "employees",
    "headquarters",
}
ORG_BEFORE = {"shares", "stake", "subsidiary", "unit"}  # "shares of X", "stake in X"
# Nouns right before a one-word name that say what kind of organisation it is:
# "oil giant Yukos", "analysts Gartner", "boy band Westlife", "file-sharing network Napster".
# fmt: off
ORG_DESCRIPTORS = {
    "firm", "firms", "giant", "company", "companies", "group", "band", "network", "maker",
    "makers", "operator", "provider", "retailer", "carrier", "airline", "bank", "broadcaster",
    "analysts", "publisher", "publishers", "developer", "manufacturer", "supplier", "chain",
    "insurer", "lender", "label", "studio", "website", "agency", "club", "outfit", "exchange",
    "newspaper", "magazine", "tabloid", "channel", "start-up", "startup", "conglomerate",
    "brewer", "consortium", "watchdog", "regulator", "subsidiary", "partner", "distributor",
    "laboratory", "lab", "charity", "carmaker", "automaker",
}
# Of those, the ones that never stand before a person's name, so they type a longer
# name too: "security firm Vanta Data"; not "analysts Ada Kell", "publisher Ivo Marek".
FIRM_DESCRIPTORS = {
    "firm", "company", "giant", "retailer", "carrier", "airline", "bank",
    "manufacturer", "supplier", "insurer", "lender", "conglomerate", "consortium",
    "watchdog", "regulator", "distributor", "carmaker", "automaker", "start-up", "startup",
}
# Words after a name that make it the name of a thing, not of a person, place or
# organisation: "Oscar nominations", "Grammy award", "Xbox console".
THING_AFTER = {
    "award", "awards", "nomination", "nominations", "nominee", "nominees", "ceremony",
    "ceremonies", "statuette", "console", "consoles", "browser", "handset", "handsets",
    "software", "album", "albums", "trophy",
}
THING_TAILS = ("-winning", "-nominated", "-winner")
# fmt: on
PLACE_BEFORE = {"in", "near", "outside", "across", "throughout", "inside"}
# Verbs whose subject is a person, not a firm or a town: "Orrin thought", "Vell died in
# 1820", "Kell testified" (the forms: kg's pipeline has no lemmatiser). Not "said",
# "argued", "believed" or "recalled": companies do those in the news too.
PERSON_SUBJECT_VERBS = {
    "think", "thinks", "thought", "feel", "feels", "felt", "wonder", "wondered", "die",
    "dies", "died", "marry", "married", "testify", "testifies", "testified", "smiled",
    "laughed", "cried", "graduated", "retired", "confessed", "remembered", "imagined",
    "dreamed", "dreamt",
}  # fmt: skip
# ... the subject of these in the passive ("Vell was born"), the object of these
# ("appointed Orrin", "married Vell").
PERSON_PASSIVE_VERBS = {"born", "married", "baptised", "baptized", "knighted"}
PERSON_OBJECT_VERBS = {"appointed", "appoints", "married", "marries", "befriended", "divorced"}
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


def span_votes(doc: Doc, span: Span, sports: bool = False, verbs: bool = True) -> Counter[str]:
    """Type votes from the words in and around one mention (``sports``: in a sports
    report, where "the Eagles" is a team; ``verbs``: a verb said of people only)."""
    votes: Counter[str] = Counter()
    if verbs and _a_persons_verb(span):
        votes["Person"] += 2
    words = [_low(t) for t in span]
    if words and (words[-1] in ORG_SUFFIXES or words[0] in ORG_PREFIXES) and len(words) >= 2:
        votes["Organization"] += 2
    before = [_low(t) for t in doc[max(0, span.start - 2) : span.start]]
    after = [_low(t) for t in doc[span.end : span.end + 2]]
    if before:
        if before[-1] in ROLE_WORDS and (len(span) > 1 or before[-1] not in _ADJECTIVES):
            votes["Person"] += 2
        elif before[-1] in PLACE_BEFORE:
            votes["Place"] += 1
        elif _org_before(doc, span, before):
            votes["Organization"] += 2
    if len(span) == 1 and _a_thing(doc, span):
        votes["Common"] += 2  # used as a common noun: not an entity
    elif len(span) == 1 and _definite(span) and gazetteer().place_kind(span.text) is None:
        # "the Beatles", "the Premiership": no person's name; a team in a sports report
        votes["Organization" if sports else "Definite"] += 2 if sports else 1
    if after:
        owner = after[0] == "'s" and len(after) > 1 and after[1] in OWNED_BY_ORG
        if owner or after[0] in ORG_AFTER or after[0] in ("inc", "corp", "ltd", "plc"):
            votes["Organization"] += 2
        elif after[0] == "," and _personal_apposition(doc, span.end + 1):
            votes["Person"] += 2
        elif after[0] in SPEECH:
            votes["Speaker"] += 1
    return votes


def _a_persons_verb(span: Span) -> bool:
    """The name is the subject of a verb said of people ("Orrin thought", "Vell was born")
    or the object of one ("appointed Orrin")."""
    root = span.root
    verb = root.head.lower_
    if root.head is root:
        return False
    if root.dep_ == "nsubj":
        return verb in PERSON_SUBJECT_VERBS
    if root.dep_ == "nsubjpass":
        return verb in PERSON_PASSIVE_VERBS
    return root.dep_ == "dobj" and verb in PERSON_OBJECT_VERBS


def _org_before(doc: Doc, span: Span, before: list[str]) -> bool:
    """ "shares of X", "stake in X"; "oil giant X", "analysts X" before a one-word name,
    "software firm X Y" before a longer one."""
    if before[-1] in ("of", "in"):
        return len(before) == 2 and before[0] in ORG_BEFORE
    kinds = ORG_DESCRIPTORS if len(span) == 1 else FIRM_DESCRIPTORS
    return before[-1] in kinds and doc[span.start - 1].is_lower


def _definite(span: Span) -> bool:
    """ "the X" with X the head of its phrase ("the Beatles", not "the Blair government")."""
    root = span.root
    return root.dep_ != "compound" and any(
        c.dep_ == "det" and c.lower_ == "the" for c in root.children
    )


def _a_thing(doc: Doc, span: Span) -> bool:
    """ "an Oscar", "Oscar nominations", "Oscar-winning": a one-word name used for a thing."""
    root = span.root
    if root.dep_ != "compound" and any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in root.children
    ):
        return True
    # The 12 characters after the name, from the next tokens: doc.text would join the
    # whole document at every call (quadratic in a long text).
    tail = "".join(t.text_with_ws for t in doc[span.end : span.end + 12])
    following = (doc[span.end - 1].whitespace_ + tail)[:12].casefold()
    if following.startswith(THING_TAILS):
        return True
    return span.end < len(doc) and _low(doc[span.end]) in THING_AFTER


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
