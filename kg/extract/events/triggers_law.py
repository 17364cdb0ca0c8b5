"""Trigger words of the legal and official event types: rulings, sentences, fines and
bans, investigations, laws passed, dismissals (see kg.extract.events.kind for the fields)."""

from __future__ import annotations

from kg.extract.events.kind import Kind, forms, verb

_COURT = frozenset(
    {"court", "courts", "judge", "judges", "justice", "justices", "tribunal", "appeal"}
    | {"appeals", "jury", "lawyers", "lawyer", "case", "legal", "lawsuit", "ruled", "ruling"}
    | {"verdict", "high", "supreme", "magistrates", "panel", "unlawful", "illegal"}
)
_DISCIPLINE = frozenset(
    {"party", "candidate", "member", "members", "club", "player", "players", "misconduct"}
    | {"disciplinary", "allegations", "pending", "investigation", "match", "matches", "games"}
    | {"ban", "banned", "federation", "association", "officer", "officers", "doctor", "staff"}
    | {"fined", "doping", "drugs", "test", "conduct", "breach", "breaching", "rules", "offence"}
)
_TRADING = frozenset(
    {"trading", "shares", "talks", "flights", "services", "production", "operations"}
    | {"payments", "exports", "imports", "sales", "aid", "membership", "deliveries"}
)
_INQUIRY = frozenset(
    {"police", "inquiry", "investigation", "allegations", "fraud", "corruption", "regulator"}
    | {"regulators", "commission", "misconduct", "competition", "alleged", "claims", "abuse"}
    | {"investigators", "officials", "watchdog", "authorities", "prosecutors", "detectives"}
)
_JOBS = frozenset(
    {"manager", "coach", "chief", "executive", "boss", "job", "post", "role", "position"}
    | {"board", "director", "chairman", "head", "captain", "minister", "editor", "president"}
)

LAW: tuple[Kind, ...] = (
    Kind(
        key="ruling",
        verbs=verb("ruling", "rule") | verb("ruling", "find"),
        nouns=forms("ruling", "ruling")
        | forms("verdict", "verdict")
        | forms("judgment", "judgment", "judgement"),
        roles=frozenset({"subj", "poss", "of"}),
        light=frozenset({"deliver", "delivered", "issue", "issued", "hand", "handed", "give"})
        | frozenset({"gave", "given", "reach", "reached", "return", "returned", "overturn"})
        | frozenset({"overturned", "uphold", "upheld"}),
        not_with=frozenset({"guilty", "not"}),
        ambiguous=frozenset(verb("", "rule", "find"))
        | frozenset({"ruling", "judgment", "judgement"}),
        context=_COURT,
        # "ruled the country": a court rules that, or in favour of ("ruled out" is
        # another verb: see the detector's particle rule).
        not_objects=frozenset({"country", "nation", "island", "roost", "world", "state"}),
    ),
    Kind(
        key="sentencing",
        verbs=verb("sentencing", "sentence")
        | verb("jailing", "jail")
        | verb("jailing", "imprison"),
        nouns={},
        roles=frozenset({"obj", "poss"}),
        people_only=True,
    ),
    Kind(
        key="fine",
        verbs=verb("fine", "fine")
        | verb("ban", "ban")
        | verb("suspension", "suspend")
        | verb("disqualification", "disqualify")
        | verb("penalty", "penalise", "penalize")
        | verb("expulsion", "expel"),
        nouns=forms("fine", "fine") | forms("ban", "ban") | forms("suspension", "suspension"),
        roles=frozenset({"obj", "subj", "poss"}),
        light=frozenset({"impose", "imposed", "imposes", "pay", "paid", "pays", "receive"})
        | frozenset({"received", "hand", "handed", "give", "given", "gave", "issue", "issued"})
        | frozenset({"levy", "levied", "slap", "slapped", "serve", "served", "serving"}),
        needs_light=True,
        not_with=frozenset({"smoking", "hunting", "import", "export", "travel", "arms"}),
        # "fined" is unambiguous; "fine" and "ban" have other senses.
        ambiguous=frozenset(verb("", "ban", "suspend")) | frozenset({"fine", "ban", "suspension"}),
        context=_DISCIPLINE | _COURT,
        off_context=_TRADING,
    ),
    Kind(
        key="investigation",
        verbs=verb("investigation", "investigate") | verb("inquiry", "probe"),
        nouns=forms("investigation", "investigation")
        | forms("inquiry", "inquiry", "enquiry")
        | forms("probe", "probe"),
        roles=frozenset({"subj", "obj", "poss", "into", "by"}),
        light=frozenset({"launch", "launched", "launches", "open", "opened", "opens", "order"})
        | frozenset({"ordered", "orders", "begin", "began", "begun", "start", "started"})
        | frozenset({"set", "conduct", "conducted", "lead", "led", "announce", "announced"}),
        not_with=frozenset({"space", "public", "further", "customer", "customers"}),
        ambiguous=frozenset({"probe", "probed", "probing", "probes"}),
        context=_INQUIRY,
    ),
    Kind(
        key="legislation",
        verbs={},
        nouns=forms("law", "law") | forms("bill", "bill") | forms("legislation", "legislation"),
        roles=frozenset({"subj", "poss"}),
        light=frozenset({"pass", "passed", "passes", "approve", "approved", "approves"})
        | frozenset({"adopt", "adopted", "enact", "enacted", "ratify", "ratified", "vote"})
        | frozenset({"voted"}),
        needs_light=True,
        ambiguous=frozenset({"bill"}),
        context=frozenset({"parliament", "mps", "senate", "congress", "peers", "lords"})
        | frozenset({"commons", "vote", "votes", "voted", "assembly", "law", "legislation"}),
    ),
    Kind(
        key="dismissal",
        verbs=verb("dismissal", "sack", "oust", "dismiss", "fire"),
        nouns=forms("dismissal", "sacking", "dismissal", "ousting"),
        roles=frozenset({"obj", "poss", "subj"}),
        needs_person=True,  # the club that sacks its manager takes part too
        placed=False,
        ambiguous=frozenset(verb("", "dismiss", "fire")),
        context=_JOBS,
        off_context=frozenset({"claims", "suggestions", "reports", "allegations", "shots"}),
    ),
)
