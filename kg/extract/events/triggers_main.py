"""Kinds of happening that only a lead clause reports: a market move, a chart position,
a team selection, a withdrawal.

No single trigger word names them: "grew", "fell" or "topped" are news only with what
grew or what was topped ("exports grew 3%", "topped the album chart"). So they
are read from a clause's verb together with the head nouns of its subject and
object (kg.extract.events.clausetype), and are only ever a main event.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.events import clauses as cl
from kg.extract.events.context import Context
from kg.extract.events.kind import Kind, verb


def _clause_kind(key: str) -> Kind:
    """A kind the lead clause is typed as from its words, not a trigger word of its own:
    no verbs or nouns of its own; the clause's subject, object and owners take part."""
    return Kind(
        key=key, verbs={}, nouns={}, roles=frozenset({"subj", "obj", "owners"}), min_verbal=0
    )


MARKET = _clause_kind("market_move")
CHART = _clause_kind("chart_position")
# "has abandoned its takeover", "plans … have been scrapped": what the noun names is off.
WITHDRAWAL = _clause_kind("withdrawal")
SELECTION = _clause_kind("selection")

# Verbs of a figure moving, or of an authority moving or holding it.
_MOVE = frozenset(
    verb("", "rise", "fall", "grow", "climb", "jump", "drop", "slump", "surge", "slide")
    | verb("", "dip", "plunge", "soar", "rebound", "recover", "slow", "shrink", "contract")
    | verb("", "expand", "hit", "reach", "cut", "raise", "lower", "lift", "increase", "reduce")
    | verb("", "boost", "trim", "halve", "double", "leave", "hold", "ease", "tumble", "rally")
    | verb("", "strengthen", "weaken", "gain", "edge", "peak", "sink", "firm", "decline")
)
# What moves: prices, rates, currencies and the figures of an economy.
_FIGURES = frozenset(
    {"economy", "economies", "rate", "rates", "price", "prices", "share", "shares"}
    | {"dollar", "euro", "pound", "yen", "currency", "currencies", "inflation", "growth"}
    | {"unemployment", "output", "exports", "imports", "index", "market", "markets"}
    | {"stocks", "fares", "gdp", "deficit", "surplus", "spending", "borrowing", "yields"}
    | {"sterling", "oil", "gold", "joblessness", "productivity", "confidence", "sales"}
)
# A ranking of works: "topped the box office", "returned to number one".
_CHARTS = frozenset({"chart", "charts", "office", "bestseller", "bestsellers", "countdown"})
_CHART_VERBS = frozenset(
    verb("", "top", "lead", "head", "enter", "return", "reach", "hold", "retain", "open")
    | verb("", "debut", "climb", "rise", "fall", "drop", "go", "storm", "knock", "oust")
    | verb("", "replace", "dethrone", "slip", "race", "shoot", "rocket", "take", "win")
)


def _heads(root: Token) -> list[Token]:
    """The clause's subject and object heads, and the nouns they are made of
    ("interest rates", "Japan's economy" → rates, economy)."""
    out = cl.kids(root, *cl.SUBJECTS, "dobj")
    return out + [c for h in out for c in cl.kids(h, "compound") if not c.ent_type_]


def market_clause(ctx: Context, root: Token) -> bool:
    """ "Peru's exports grew by 5%", "the central bank has held its main rate"."""
    if root.lower_ not in _MOVE:
        return False
    return any(h.lower_ in _FIGURES and ctx.entity(h) is None for h in _heads(root))


def chart_clause(root: Token) -> bool:
    """ "The cartoon topped the box office", "the single returned to number one"."""
    if root.lower_ not in _CHART_VERBS:
        return False
    words = [t for t in root.subtree if t.i != root.i and not _in_other_clause(t, root)]
    return any(t.lower_ in _CHARTS and _chart_noun(t) for t in words)


def _chart_noun(token: Token) -> bool:
    # "office" is a chart only in "box office"; "the chart show" is a programme
    if token.dep_ == "compound":
        return False
    if token.lower_ == "office":
        return any(c.lower_ == "box" for c in token.children)
    return True


def _in_other_clause(token: Token, root: Token) -> bool:
    """True for a word of a clause below the root's own ("…, which topped the charts")."""
    current = token
    while current.i != root.i and current.head.i != current.i:
        if current.dep_ in ("relcl", "advcl", "ccomp", "acl", "conj", "parataxis"):
            return True
        current = current.head
    return False


# Picking a player or leaving one out: "picked for the team", "axed from the side".
_PICK = frozenset(
    verb("", "name", "pick", "select", "recall", "drop", "axe", "omit", "include", "bring")
    | verb("", "call", "restore", "add", "leave", "hand", "draft")
)
_TEAMS = frozenset({"squad", "team", "side", "line-up", "lineup", "xv", "eleven", "panel"})


def selection_clause(root: Token) -> bool:
    """ "X has been picked for the team", "Y was axed from the side", "Z was brought
    into the line-up": a verb of picking with a team for its object or its phrase."""
    if root.lower_ not in _PICK:
        return False
    nouns = cl.kids(root, "dobj") + list(cl.preps(root, {"in", "into", "to", "from", "for"}))
    return any(_team(n) for n in nouns)


def _team(token: Token) -> bool:
    if token.lower_ in _TEAMS:
        return True
    # "line-up" is split by the tokenizer: its head is "up", with "line" before the dash
    return token.lower_ == "up" and token.i >= 2 and token.doc[token.i - 2].lower_ == "line"
