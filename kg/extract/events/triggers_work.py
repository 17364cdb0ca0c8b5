"""Trigger words of the event types of business, culture and sport: launches,
releases, earnings, awards, matches (see kg.extract.events.kind for the fields)."""

from __future__ import annotations

from kg.extract.events.kind import Kind, forms, particles, verb

SPORT = frozenset(
    {"match", "matches", "game", "games", "win", "victory", "defeat", "goal", "goals"}
    | {"scored", "score", "minute", "minutes", "half-time", "final", "semi-final", "cup"}
    | {"quarter-final", "league", "set", "sets", "points", "try", "tries", "wicket"}
    | {"wickets", "innings", "round", "title", "champion", "champions", "championship"}
    | {"tournament", "race", "season", "seed", "club", "side", "coach", "striker", "penalty"}
    | {"draw", "fixture", "stadium", "squad", "captain", "olympic", "olympics", "medal"}
    | {"open", "grand", "slam", "tie", "leg", "clash", "derby", "rugby", "football", "tennis"}
    | {"cricket", "golf", "prix", "formula", "boxing", "fight", "bout", "premiership"}
)
_MONEY = frozenset(
    {"profit", "profits", "pre-tax", "shares", "quarter", "quarterly", "annual", "revenue"}
    | {"results", "trading", "sales", "operating", "net", "bn", "billion", "million"}
    | {"company", "firm", "group", "£", "$", "€", "turnover", "earnings", "dividend"}
)
_FREED = frozenset(
    {"prison", "jail", "custody", "hospital", "hostage", "hostages", "detention", "bail"}
    | {"prisoners", "prisoner", "freed", "captors", "kidnappers", "kidnapped", "detained"}
)
_WIN = frozenset(
    {"win", "won", "wins", "winning", "receive", "received", "receives", "collect", "collected"}
    | {"pick", "picked", "scoop", "scooped", "take", "took", "taken", "claim", "claimed"}
    | {"get", "got", "accept", "accepted", "share", "shared", "land", "landed", "earn"}
    | {"earned", "given", "handed", "presented", "bag", "bagged", "secure", "secured"}
)
_PLAY = frozenset(
    {"play", "played", "plays", "playing", "win", "won", "wins", "lose", "lost", "loses"}
    | {"reach", "reached", "contest", "contested", "host", "hosted", "hosts", "face", "faced"}
    | {"clinch", "clinched", "claim", "claimed", "secure", "secured", "record", "recorded"}
    | {"earn", "earned", "grab", "grabbed", "seal", "sealed", "suffer", "suffered", "take"}
    | {"took", "complete", "completed", "achieve", "achieved", "register", "registered"}
)

WORK: tuple[Kind, ...] = (
    Kind(
        key="launch",
        verbs=verb("launch", "launch", "roll out"),
        nouns=forms("launch", "launch"),
        roles=frozenset({"subj", "poss", "of"}),
        # What is launched that is not a product: an attack, a bid, an appeal.
        not_objects=frozenset({"attack", "attacks", "offensive", "campaign", "appeal", "bid"})
        | frozenset({"raid", "raids", "assault", "challenge", "review", "operation", "search"})
        | frozenset({"crackdown", "hunt", "missile", "missiles", "rocket", "rockets", "action"})
        | frozenset({"fightback", "drive", "protest", "counter-attack", "tirade", "broadside"}),
        particles=particles("roll out"),
    ),
    Kind(
        key="release",
        verbs=verb("release", "release") | verb("publication", "publish"),
        nouns=forms("release", "release") | forms("premiere", "premiere"),
        roles=frozenset({"subj", "poss", "of"}),
        light=frozenset({"attend", "attended", "attends", "attending", "hold", "held", "host"})
        | frozenset({"hosted"}),
        not_objects=frozenset({"statement", "statements", "figures", "data", "details"})
        | frozenset({"report", "reports", "names", "results", "findings", "information"})
        | frozenset({"letter", "documents", "survey", "study", "research", "funds", "money"})
        | frozenset({"cash", "people", "hostage", "hostages", "prisoner", "prisoners"}),
        off_context=_FREED,
    ),
    Kind(
        key="earnings",
        verbs={},
        nouns=forms("profits", "profit", "profits")
        | forms("earnings", "earnings")
        | forms("revenue", "revenue", "revenues")
        | forms("loss", "loss", "losses"),
        roles=frozenset({"subj", "poss", "of", "at"}),
        light=frozenset({"report", "reported", "reports", "post", "posted", "posts"})
        | frozenset({"announce", "announced", "unveil", "unveiled", "make", "made", "makes"})
        | frozenset({"record", "recorded", "book", "booked", "deliver", "delivered"})
        | frozenset({"suffer", "suffered", "turn", "turned"}),
        placed=False,
        not_with=frozenset({"non", "paper", "potential", "expected", "forecast", "future"})
        | frozenset({"job", "jobs", "weight", "heavy", "tax"}),
        ambiguous=frozenset({"loss", "losses", "revenue", "revenues"}),
        context=_MONEY,
        off_context=SPORT | frozenset({"life", "lives", "jobs", "weight", "memory", "blood"}),
    ),
    Kind(
        key="award",
        verbs=verb("award", "award"),
        nouns=forms("award", "award", "awards") | forms("prize", "prize") | forms("medal", "medal"),
        roles=frozenset({"subj", "obj", "poss", "to"}),
        light=_WIN,
        not_with=frozenset({"pay", "contract", "damages", "compensation", "libel", "bonus"}),
        not_objects=frozenset({"contract", "contracts", "damages", "compensation", "deal"})
        | frozenset({"franchise", "penalty", "grant", "funding", "licence", "license"}),
    ),
    Kind(
        key="sports_match",
        verbs=verb("match", "beat", "defeat", "thrash", "overcome", "edge", "outclass")
        | verb("victory", "win"),
        nouns=forms("match", "match", "game", "clash", "derby", "bout", "fixture", "tie")
        | forms("final", "final", "semi-final", "quarter-final")
        | forms("race", "race")
        | forms("tournament", "tournament", "championship", "championships")
        | forms("victory", "victory", "win")
        | forms("defeat", "defeat"),
        roles=frozenset({"subj", "obj", "poss", "of", "vs", "with"}),
        light=_PLAY,
        frame_preps=frozenset({"to", "with"}),  # "stormed to victory", "… with victory over X"
        not_with=frozenset({"arms", "presidential", "leadership", "election", "video", "computer"})
        | frozenset({"two-horse", "political", "party"}),
        ambiguous=frozenset(verb("", "beat", "defeat", "edge", "win", "overcome"))
        | frozenset({"match", "game", "final", "tie", "race", "victory", "win", "defeat"})
        | frozenset({"tournament", "championship", "championships", "clash", "derby"}),
        context=SPORT,
        off_context=frozenset({"election", "vote", "votes", "poll", "polls", "seats", "mps"})
        | frozenset({"forecasts", "expectations", "analysts", "shares", "profits", "candidate"}),
        sections=frozenset({"sport", "sports"}),
    ),
)
