"""The type of a lead clause that no trigger of the detector reported, read from its parse.

A lead's clause becomes a main event of the catch-all type ``happening`` when the
detector found no event on it (kg.extract.events.leadclause), often because a trigger
word is there but its arguments are not named as the detector wants them
("Officers are investigating a break-in at the firm": nobody named investigates).
The clause's own words still say what kind of happening it is, best first:

1. its verb, or the verb of its complement ("has agreed to buy"), is a trigger verb
   of a kind, in that kind's sense ("are investigating");
2. the head noun of its object is a trigger noun of a kind ("filed a lawsuit",
   "extended its deal"), through a noun of quantity ("a rise in profits", "one of the
   medals");
3. its verb and arguments tell a market move ("prices fell", "held its main rate"),
   a chart position ("went straight to the top of the album chart") or, in sport, a
   team selection ("picked for the national team"), kinds of happening no trigger
   word names (kg.extract.events.triggers_main), or a sports result ("took the
   title", "lost to Y");
4. it says that rules come into force, or a product is now available or on sale.

A verb that undoes or refuses ("withdrew its offer", "rejected the deal") does not
give the noun's type: its happening did not take place. A verb that calls off a plan,
an offer or a happening's noun ("abandoned its takeover", "plans … were scrapped")
is a ``withdrawal`` (with ``undone``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from kg.extract.events import clauses as cl
from kg.extract.events import detect as detector
from kg.extract.events.context import Context, Frame
from kg.extract.events.kind import Kind, verb
from kg.extract.events.placetime import SPORTS_SECTIONS
from kg.extract.events.triggers import BY_KEY
from kg.extract.events.triggers_main import (
    CHART,
    MARKET,
    SELECTION,
    WITHDRAWAL,
    chart_clause,
    market_clause,
    selection_clause,
)
from kg.extract.events.triggers_work import SPORT

# Nouns of quantity or part whose complement names the happening: "a rise in profits".
_TRANSPARENT = frozenset(
    {"rise", "rises", "increase", "increases", "fall", "falls", "drop", "jump", "surge"}
    | {"decline", "slump", "growth", "boost", "climb", "dip", "plunge", "one", "winner"}
    | {"winners", "series", "round", "part", "share", "slice"}
)
_QUANTITY_PREPS = frozenset({"in", "of"})
# Verbs that undo or refuse what their object names.
_REVERSING = (
    frozenset(
        verb("", "withdraw", "abandon", "scrap", "drop", "block", "oppose", "halt", "stop")
        | verb("", "suspend", "lose", "end", "quit", "reject", "refuse", "deny", "cancel")
        | verb("", "postpone", "delay", "miss", "avoid", "fear", "question", "challenge")
    )
    | cl.UNREAL
)
_COME = frozenset(verb("", "come", "enter"))
_GO = frozenset(verb("", "go"))
_TAKE = frozenset(verb("", "take"))
_IN_FORCE = frozenset({"force", "effect", "operation"})


@dataclass(frozen=True)
class ClauseType:
    kind: Kind
    noun: str  # the noun that names the event ("investigation", "lawsuit")


def clause_type(ctx: Context, root: Token) -> ClauseType | None:
    """The kind of happening the clause of ``root`` reports, when its words say."""
    return (
        (_legal_appeal(root) if ctx.settings.legal_appeals else None)
        or _by_verb(ctx, root)
        or _withdrawal(ctx, root)
        or _by_object(ctx, root)
        or (_by_light_noun(root) if ctx.settings.light_nouns else None)
        or _by_words(ctx, root)
        or (_typed(BY_KEY["legislation"], "entry into force") if in_force(root) else None)
    )


def _typed(kind: Kind, noun: str) -> ClauseType:
    return ClauseType(kind, noun)


def _verbs(root: Token) -> list[Token]:
    """The clause's verb and the verbs of its complements ("agreed to buy")."""
    out = [root]
    if root.lower_ not in _REVERSING:
        out += [c for c in root.children if c.dep_ == "xcomp"]
    return out


def _by_verb(ctx: Context, root: Token) -> ClauseType | None:
    for v in _verbs(root):
        if cl.kids(v, "ccomp"):
            continue  # a verb with a clause for its object is used in another sense
        for kind in detector.kinds_of(ctx, v.lower_):
            if v.lower_ not in kind.verbs or detector.verb_frame(ctx, v, kind) is None:
                continue
            if not _other_sense(ctx, Frame(v, kind, True, v, False)):
                return ClauseType(kind, kind.verbs[v.lower_] or kind.key)
    return None


def _objects(root: Token) -> list[Token]:
    """The head nouns of the clause's objects, through nouns of quantity."""
    heads = [c for v in _verbs(root) for c in v.children if c.dep_ in ("dobj", "attr", "oprd")]
    out: list[Token] = []
    for head in heads:
        out.append(head)
        if head.lower_ in _TRANSPARENT:
            out += list(cl.preps(head, _QUANTITY_PREPS))
    return out


def _by_object(ctx: Context, root: Token) -> ClauseType | None:
    if root.lower_ in _REVERSING:
        return None
    for noun in _objects(root):
        word = noun.lower_
        for kind in detector.kinds_of(ctx, word):
            if word not in kind.nouns or word in kind.verbs and cl.is_verbal(noun):
                continue
            mods = {c.lower_ for c in noun.children if c.dep_ in ("compound", "amod")}
            if mods & kind.not_with:
                continue
            if not _other_sense(ctx, Frame(noun, kind, False, root, True, "object")):
                return ClauseType(kind, kind.nouns[word])
    return None


# Verbs that do no more than perform their object: "gave a speech", "issued an apology".
_LIGHT = frozenset(verb("", "make", "give", "deliver", "issue", "offer", "launch", "lodge"))
# Nouns of words said in public: performed by a light verb, they are a statement.
_SAID_NOUNS = frozenset(
    {"speech", "address", "apology", "warning", "appeal", "plea", "statement", "pledge"}
    | {"promise", "remarks", "comments", "call", "admission", "denial", "rebuttal"}
)


def _by_light_noun(root: Token) -> ClauseType | None:
    """ "X has delivered a speech", "X issued an apology": the noun says what happened,
    a statement made in public (kg's ``announcement``)."""
    if root.lower_ not in _LIGHT:
        return None
    for noun in cl.kids(root, "dobj"):
        if noun.lower_ in _SAID_NOUNS:
            return ClauseType(BY_KEY["announcement"], noun.lower_)
    return None


_APPEAL = frozenset(verb("", "appeal"))
# Verbs that bring an appeal to a court: "lodged an appeal against the ban".
_BRING = frozenset(verb("", "lodge", "file", "launch", "make", "submit", "lose", "win"))


def _legal_appeal(root: Token) -> ClauseType | None:
    """ "X has appealed against the ban", "Y lodged an appeal against her conviction":
    an appeal against something is a court case (kg's ``trial``); an appeal for calm or
    for witnesses is words (see _by_light_noun)."""
    appeal: Token | None = None
    if root.lower_ in _APPEAL and cl.is_verbal(root):
        appeal = root
    elif root.lower_ in _BRING:
        appeal = next((n for n in cl.kids(root, "dobj") if n.lower_ in _APPEAL), None)
    else:
        return None
    if appeal is None or not list(cl.preps(appeal, {"against"})):
        return None
    return ClauseType(BY_KEY["trial"], "appeal")


# Nouns of what is planned or offered: calling them off is news.
_PLANS = frozenset(
    {"plan", "plans", "offer", "offers", "bid", "bids", "proposal", "proposals", "deal"}
    | {"project", "scheme", "attempt", "claim", "case", "charges", "merger", "idea"}
)


def _withdrawal(ctx: Context, root: Token) -> ClauseType | None:
    """ "X has abandoned its takeover", "plans for a new port have been scrapped"."""
    if not ctx.settings.undone or root.lower_ not in cl.UNDOING:
        return None
    for noun in cl.kids(root, "dobj", "nsubjpass"):
        word = noun.lower_
        if word in _PLANS or any(word in k.nouns for k in detector.kinds_of(ctx, word)):
            return ClauseType(WITHDRAWAL, "withdrawal")
    return None


def _other_sense(ctx: Context, frame: Frame) -> bool:
    # "launched an attack on the tax plans": the ambiguous word needs its context
    # here, as for any noun the detector reads outside a light verb.
    return detector.other_sense(ctx, frame)


def _by_words(ctx: Context, root: Token) -> ClauseType | None:
    if chart_clause(root):
        return ClauseType(CHART, "chart position")
    if market_clause(ctx, root):
        return ClauseType(MARKET, "market move")
    if _sport(ctx, root) and selection_clause(root):
        return ClauseType(SELECTION, "selection")
    if _sport(ctx, root) and _result(root):
        return ClauseType(BY_KEY["sports_match"], "victory")
    if on_sale(root):
        return ClauseType(BY_KEY["launch"], "launch")
    return None


def _sport(ctx: Context, root: Token) -> bool:
    """In the sports pages, or in a sentence with words of sport."""
    if ctx.section in SPORTS_SECTIONS:
        return True
    return any(t.lower_ in SPORT for t in root.sent if t.i != root.i)


# What a win brings: "took the title", "lifted the trophy", "a place in the final".
_PRIZES = frozenset(
    {"title", "titles", "crown", "trophy", "cup", "final", "semi-final", "quarter-final"}
    | {"championship", "gold", "place", "spot", "berth", "round", "semi-finals", "finals"}
    | {"quarter-finals", "eight", "16", "four"}
)
_WIN_VERBS = frozenset(
    verb("", "win", "claim", "clinch", "retain", "defend", "lift", "add", "secure", "reach")
    | verb("", "book", "seal", "take", "grab", "earn", "snatch", "scoop", "regain")
)
_LOSE = frozenset(verb("", "lose"))


def _result(root: Token) -> bool:
    """ "X took the title", "came from behind to take the title", "has lost to Y"."""
    if root.lower_ in _LOSE:
        return bool(list(cl.preps(root, {"to"})))
    verbs = [root, *(c for c in root.children if c.dep_ in ("xcomp", "advcl"))]
    for v in verbs:
        if v.lower_ in _WIN_VERBS:
            objects = cl.kids(v, "dobj") + list(cl.preps(v, {"in", "to", "into"}))
            objects += [p for o in list(objects) for p in cl.preps(o, {"in", "of"})]
            if any(o.lower_ in _PRIZES for o in objects):
                return True
    return False


def on_sale(root: Token) -> bool:
    """ "The tablet has gone on sale in Brazil": a product is launched."""
    if root.lower_ not in _GO:
        return False
    return any(o.lower_ == "sale" for o in cl.preps(root, {"on"}))


def in_force(root: Token) -> bool:
    """ "New rules came into force", "the ban takes effect": a rule starts to apply."""
    word = root.lower_
    if word in _COME:
        return any(o.lower_ in _IN_FORCE for o in cl.preps(root, {"into"}))
    if word in _TAKE:
        return any(o.lower_ == "effect" for o in cl.kids(root, "dobj"))
    return False
