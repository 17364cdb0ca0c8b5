"""The words that report a happening, per event type of kg's scheme.

Each :class:`Kind` is one concept of ``kg/data/event-types.ttl`` (its key is the
concept's local name) with the inflected forms that trigger it. spaCy's
lemmatizer and tagger are not loaded, so forms are listed, and whether a form is
used as a verb or a noun is read from the parse. ``roles`` say which syntactic
arguments are the event's participants (``schema:attendee``):

subj  the subject ("Kim met Putin"; the agent of a passive)
obj   the object, or the subject of a passive ("police arrested X", "X was jailed")
with  "with X", "between X and Y"
poss  "X's visit", "his arrest"
of    "the trial of X", "a visit by X"
on    "sanctions on X"
"""

from __future__ import annotations

from kg.extract.events.kind import Kind, forms
from kg.extract.events.triggers_law import LAW
from kg.extract.events.triggers_life import LIFE
from kg.extract.events.triggers_work import WORK

_forms = forms


_HOLD = ("hold", "holds", "held", "holding", "have", "has", "had", "having")
_SIGN = frozenset(
    {"sign", "signs", "signed", "signing", "reach", "reached", "reaches", "reaching"}
    | {"strike", "struck", "seal", "sealed", "clinch", "clinched", "conclude", "concluded"}
    | {"agree", "agreed", "agrees", "ink", "inked", "finalise", "finalised", "finalize"}
    | {"finalized"}
)

KINDS: tuple[Kind, ...] = (
    Kind(
        key="meeting",
        verbs=_forms("meeting", "meet", "meets", "met", "meeting"),
        nouns=_forms("meeting", "meeting")
        | _forms("summit", "summit")
        | _forms("talks", "talks")
        | _forms("negotiations", "negotiations")
        | _forms("conference", "conference"),
        roles=frozenset({"subj", "obj", "with", "poss", "of"}),
        light=frozenset(
            {*_HOLD, "attend", "attends", "attended", "attending", "host", "hosts", "hosted"}
            | {"hosting", "chair", "chaired", "chairs", "open", "opened", "opens", "join"}
            | {"joined", "begin", "began", "begins", "resume", "resumed", "resumes"}
        ),
        min_verbal=2,
        agent_from_context=True,
        place_modifier=True,
        not_with=frozenset(
            {"board", "shareholder", "shareholders", "team", "race", "athletics", "indoor"}
            | {"outdoor", "contract", "pay", "wage", "transfer", "sports", "race", "track"}
            | {"press", "news", "video", "telephone", "phone"}
        ),
        needs_person=True,
        # "met its target", "will meet the deadline": one meets people, not a goal
        not_objects=frozenset(
            {"target", "targets", "demand", "demands", "deadline", "criteria"}
            | {"standard", "standards", "expectations", "requirements", "needs", "goal", "goals"}
            | {"cost", "costs", "fate", "end", "match", "obligations", "commitments"}
        ),
        ambiguous=frozenset({"meeting", "meet", "meets", "met"}),
        off_context=frozenset(  # an athletics meeting, players who meet on the pitch
            {"record", "records", "race", "races", "metres", "athletics", "medal", "hurdles"}
            | {"sprint", "marathon", "champion", "championships", "jump", "indoor", "match"}
            | {"season", "fixture", "tie", "final", "semi-final", "quarter-final", "cup"}
            | {"league", "goal", "goals", "game", "games", "tournament", "olympic", "olympics"}
        ),
    ),
    Kind(
        key="visit",
        verbs=_forms("visit", "visit", "visits", "visited", "visiting")
        | _forms("arrival", "arrive", "arrives", "arrived", "arriving"),
        nouns=_forms("visit", "visit") | _forms("trip", "trip") | _forms("arrival", "arrival"),
        roles=frozenset({"subj", "poss", "of", "with"}),
        frame_preps=frozenset({"on"}),
        light=frozenset({"make", "makes", "made", "pay", "pays", "paid", "begin", "began"}),
        needs_place=True,
        not_with=frozenset({"site", "home", "hospital", "return", "field", "school"}),
        people_only=True,
    ),
    Kind(
        key="election",
        verbs=_forms("election", "elected", "re-elected"),
        nouns=_forms("election", "election", "elections", "by-election")
        | _forms("referendum", "referendum")
        | _forms("vote", "vote"),
        roles=frozenset({"obj", "subj"}),
        light=frozenset(
            {"win", "wins", "won", "winning", "contest", "contested", "contesting"}
            | {"hold", "holds", "held", "holding"}
        ),
        min_nominal=0,
        place_modifier=True,
        not_with=frozenset({"party", "club", "award", "awards", "poll", "people", "fans"}),
        people_only=True,
    ),
    Kind(
        key="protest",
        verbs=_forms("protest", "protested", "protesting"),
        nouns=_forms("protest", "protest", "protests")
        | _forms("demonstration", "demonstration", "demonstrations")
        | _forms("rally", "rally"),
        roles=frozenset({"subj", "of"}),
        light=frozenset(
            {"stage", "staged", "stages", "hold", "held", "holds", "organise", "organised"}
            | {"organize", "organized", "join", "joined", "lead", "led", "march", "marched"}
        ),
        min_nominal=0,
        place_modifier=True,
        not_with=frozenset({"formal", "official", "late", "market", "share", "stock"}),
    ),
    Kind(
        key="attack",
        verbs=_forms("bombing", "bombed"),
        nouns=_forms("attack", "attack", "attacks")
        | _forms("bombing", "bombing", "bombings")
        | _forms("airstrike", "airstrike", "air-strike")
        | _forms("shooting", "shooting")
        | _forms("massacre", "massacre")
        | _forms("ambush", "ambush"),
        roles=frozenset({"of"}),
        light=frozenset({"carry", "carried", "launch", "launched", "claim", "claimed", "mount"}),
        min_nominal=0,
        place_modifier=True,
        not_with=frozenset(
            {"heart", "panic", "asthma", "virus", "phishing", "denial", "service", "cyber"}
            | {"hacker", "spam", "worm", "computer", "net", "online", "verbal", "personal"}
            | {"scathing", "bitter", "fierce", "stinging", "blistering", "outspoken", "furious"}
        ),
        ambiguous=frozenset({"attack", "attacks", "shooting"}),
        context=frozenset(
            {"killed", "killing", "dead", "died", "death", "deaths", "wounded", "injured"}
            | {"fatal", "gunman", "gunmen", "bomb", "bombs", "bomber", "bombers", "militants"}
            | {"terror", "terrorist", "terrorists", "victims", "troops", "soldiers", "shot"}
            | {"insurgents", "attackers", "explosion", "blast", "casualties", "murdered"}
            | {"rebels", "army", "gun", "guns", "rocket", "rockets", "missile", "missiles"}
        ),
    ),
    Kind(
        key="agreement",
        verbs={},
        nouns=_forms("agreement", "agreement")
        | _forms("deal", "deal")
        | _forms("treaty", "treaty")
        | _forms("accord", "accord")
        | _forms("pact", "pact")
        | _forms("ceasefire", "ceasefire"),
        roles=frozenset({"subj", "with", "poss"}),
        light=frozenset(_SIGN),
        needs_light=True,
    ),
    Kind(
        key="sanction",
        verbs={},
        nouns=_forms("sanctions", "sanctions") | _forms("embargo", "embargo"),
        roles=frozenset({"subj", "on"}),
        light=frozenset(
            {"impose", "imposed", "imposes", "imposing", "slap", "slapped", "lift", "lifted"}
        ),
        needs_light=True,
    ),
    Kind(
        key="arrest",
        verbs=_forms("arrest", "arrested", "detained"),
        nouns=_forms("arrest", "arrest"),
        roles=frozenset({"obj", "poss", "of"}),
        people_only=True,
    ),
    Kind(
        key="trial",
        verbs=_forms("conviction", "convicted")
        | _forms("acquittal", "acquitted", "cleared")
        | _forms("lawsuit", "sued", "sues", "suing"),
        nouns=_forms("trial", "trial") | _forms("lawsuit", "lawsuit"),
        roles=frozenset({"obj", "poss", "of", "subj"}),
        light=frozenset({"go", "goes", "went", "gone", "stand", "stood", "stands", "face"})
        | frozenset({"is", "are", "was", "were", "been", "be", "being"}),  # "is on trial"
        light_preps=frozenset({"on"}),
        not_with=frozenset({"clinical", "drug", "drugs", "free", "field", "time"}),
        preps={"cleared": frozenset({"of"})},  # "cleared of fraud", not "cleared the way"
        ambiguous=frozenset({"trial", "cleared"}),
        context=frozenset(
            {"court", "courts", "jury", "judge", "judges", "charge", "charges", "charged"}
            | {"accused", "guilty", "prosecution", "prosecutors", "prosecutor", "defendant"}
            | {"verdict", "testimony", "testify", "fraud", "murder", "manslaughter", "libel"}
            | {"lawyer", "lawyers", "crime", "crimes", "criminal", "sentence", "sentenced"}
            | {"jail", "jailed", "prison", "acquitted", "convicted", "case", "tribunal"}
        ),
    ),
    Kind(
        key="announcement",
        verbs=_forms("announcement", "announced", "announces", "unveiled", "unveils"),
        nouns=_forms("announcement", "announcement"),
        roles=frozenset({"subj", "poss", "of"}),
        light=frozenset({"make", "made", "makes"}),
    ),
    Kind(
        key="resignation",
        verbs=_forms("resignation", "resigned", "resigns", "quit", "quits"),
        nouns=_forms("resignation", "resignation"),
        roles=frozenset({"subj", "poss"}),
        light=frozenset({"announce", "announced", "tender", "tendered", "hand", "handed"}),
        placed=False,
        people_only=True,
    ),
    Kind(
        key="appointment",
        verbs=_forms("appointment", "appointed"),
        nouns=_forms("appointment", "appointment"),
        roles=frozenset({"obj", "poss", "of"}),
        light=frozenset({"announce", "announced", "confirm", "confirmed"}),
        placed=False,
        people_only=True,
    ),
    Kind(
        key="acquisition",
        verbs=_forms("acquisition", "acquired", "acquires", "bought", "buys"),
        nouns=_forms("takeover", "takeover") | _forms("acquisition", "acquisition"),
        roles=frozenset({"subj", "obj", "of", "poss"}),
        light=frozenset({"complete", "completed", "completes", "finalised", "finalized"}),
        min_verbal=2,
        placed=False,
    ),
)

# Types only a main event has (kg.extract.events.leadclause): no trigger word reports them.
MAIN_ONLY_TYPES = frozenset(
    {"happening", "market_move", "chart_position", "selection", "withdrawal"}
)
# The types kg had before issue 12 (the bench compares against them).
FIRST_KINDS = frozenset(k.key for k in KINDS)
KINDS += LAW + LIFE + WORK

BY_KEY: dict[str, Kind] = {k.key: k for k in KINDS}
# Form → kinds, for the detector's look-up of every token.
_BY_WORD: dict[str, list[Kind]] = {}
for _kind in KINDS:
    for _word in dict.fromkeys([*_kind.verbs, *_kind.nouns]):
        _BY_WORD.setdefault(_word, []).append(_kind)


def lookup(word: str) -> list[Kind]:
    """The kinds a lower-case word can trigger, as a verb or a noun."""
    return _BY_WORD.get(word, [])
