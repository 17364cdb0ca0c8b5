"""Who took part in an event: the named arguments of its trigger in the parse.

The roles of a kind (kg.extract.events.kind) say which syntactic arguments count:
the subject, object and ``with``-objects of a verb ("Kim met Putin"), the
possessor, compound and ``with``/``of``-objects of a noun ("Kim's talks with
Putin", "the Nato summit"), or the subject of the verb a noun depends on ("Putin
and Kim held talks"). Participants are the Person and Organization entities of
the article, so an event's attendees are its own mentions; "he" and "their" are
read as the names they stand for in the same sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from kg.extract.events import clauses as cl
from kg.extract.events.context import Context, Frame

# Prepositions of each role beyond subject, object and possessor.
_ROLE_PREPS: dict[str, frozenset[str]] = {
    "with": frozenset({"with", "between"}),
    "on": frozenset({"on", "against"}),
    "into": frozenset({"into"}),
    "at": frozenset({"at"}),
    "to": frozenset({"to"}),
    "vs": frozenset({"against", "over", "versus", "v", "vs"}),
}


@dataclass(frozen=True)
class Parties:
    """The participants (entity indices, in text order) and which of them acted."""

    all: list[int]
    agents: list[int]  # the subject's names: who met, visited, launched, ruled


NOBODY = Parties([], [])
# People whose owner is not the doer: "Brown's closest ally denied…" is not Brown.
PEOPLE_NOUNS = frozenset(
    {"ally", "allies", "associate", "wife", "husband", "son", "daughter", "friend", "lawyer"}
    | {"lawyers", "adviser", "advisers", "aide", "aides", "spokesman", "spokeswoman", "rival"}
    | {"brother", "sister", "father", "mother", "partner", "colleague", "boss", "critics"}
    | {"fans", "supporters", "staff", "officials", "member", "members", "team", "players"}
    | {"executive", "chief", "manager", "coach", "leader", "president", "chairman", "head"}
    | {"director", "minister", "secretary", "captain", "player", "striker", "defender"}
    | {"owner", "founder", "editor", "star", "singer", "actor", "actress", "winger"}
    | {"agent", "agents", "officer", "officers", "analyst", "analysts", "employee", "worker"}
    | {"workers", "employees", "official", "executives", "engineer", "scientist", "doctor"}
    | {"soldier", "soldiers", "pilot", "driver", "journalist", "reporter", "presenter"}
    | {"producer", "chief", "bosses", "investor", "investors", "shareholders", "customers"}
)
# Nouns that say what kind of organisation the name before them is.
ORG_NOUNS = frozenset(
    {"magazine", "newspaper", "paper", "website", "programme", "program", "channel"}
    | {"network", "agency", "company", "firm", "group", "party", "band", "club", "label"}
    | {"studio", "bank", "airline", "operator", "retailer", "chain", "giant", "maker"}
    | {"manufacturer", "broadcaster", "publisher", "foundation", "charity", "union"}
)
# Nouns through which an organisation speaks: its name before them is the speaker.
VOICES = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "spokesmen", "survey", "report", "study"}
    | {"poll", "statement", "research", "analysis", "figures", "data", "review", "audit"}
)

# Nouns of a work: the name after them is the work ("the musical X", "her album X").
WORK_NOUNS = frozenset(
    {"musical", "musicals", "film", "movie", "album", "play", "opera", "novel", "book"}
    | {"sitcom", "series", "show", "drama", "documentary", "single", "song", "ballet"}
)

# Words that begin a title and never end one: "the Office of the Vice" is cut.
TITLE_STARTS = frozenset(
    {"vice", "deputy", "prime", "first", "chief", "foreign", "home", "attorney", "lord"}
    | {"assistant", "senior", "acting", "under", "lieutenant", "high"}
)

# Figures and holdings whose "in"/"of" names whose they are: "shares in X", "the
# profits of X" (kg.extract.events.leadclause: the lead's happening is X's).
FIGURES = frozenset(
    {"share", "shares", "stock", "stocks", "price", "prices", "value", "profit", "profits"}
    | {"sales", "revenue", "revenues", "earnings", "turnover", "output", "stake", "bonds"}
)

# People who speak for the organisation named before them ("Pentagon officials said"),
# and the nouns of VOICES whose "from"/"by" names who made them ("a report from X").
SPOKESPEOPLE = frozenset(
    {"official", "officials", "executives", "bosses", "sources", "researchers", "analysts"}
)
_MADE_BY = frozenset({"from", "by"})


def participants(ctx: Context, frame: Frame) -> Parties:
    t, roles = frame.trigger, frame.kind.roles
    doers, args = _verbal_args(ctx, frame) if frame.verbal else _nominal_args(ctx, frame)
    anchors = [t] + ([frame.governor] if frame.light and frame.governor is not None else [])
    for anchor in anchors:
        for role, words in _ROLE_PREPS.items():
            if role in roles:
                args += list(cl.preps(anchor, words))
    agents = agents_of(ctx, doers)
    found = agents + [i for i in agents_of(ctx, args) if i not in agents]
    if frame.kind.agent_from_context and not frame.verbal and len(found) <= 1:
        # "negotiations with Trump": the other party is the subject above the noun;
        # with no party at all, only a name the noun hangs from: "Kim in Russia for talks".
        implied = _context_agents(ctx, t, frame, named_head_only=not found)
        found = [i for i in implied if i not in found] + found
    if frame.kind.key == "meeting":
        found += [i for i in _counterparts(ctx, frame) if i not in found]
    if frame.kind.people_only:
        found = [i for i in found if ctx.entities[i].type == "Person"]
    person_needed = frame.kind.needs_person and (frame.verbal or t.lower_ == "meeting")
    if person_needed and not any(ctx.entities[i].type == "Person" for i in found):
        return NOBODY  # "Nelson Town met Nelson College": clubs meet on the pitch
    return Parties(found, [i for i in agents if i in found])


def _verbal_args(ctx: Context, frame: Frame) -> tuple[list[Token], list[Token]]:
    """(doers, other arguments) of a verb trigger."""
    t, roles = frame.trigger, frame.kind.roles
    doers: list[Token] = []
    args: list[Token] = []
    passive = cl.is_passive(t)
    if "subj" in roles:
        doers += list(cl.preps(t, {"by"})) if passive else subject_of(t)
    if "obj" in roles:
        args += cl.kids(t, "dobj") + (subject_of(t) if passive else [])
    if "owners" in roles:  # "Ruiz's third film has broken a record"
        for arg in [*doers, *args]:
            if arg.lower_ not in PEOPLE_NOUNS and ctx.entity(arg) is None:
                owners = [c for c in cl.kids(arg, "poss", "compound") if ctx.agent(c) is not None]
                if ctx.settings.figure_owners and arg.lower_ in FIGURES:
                    owners += list(cl.preps(arg, {"in", "of"}))  # "shares in X"
                (doers if arg in doers else args).extend(owners)
    return doers, args


def _nominal_args(ctx: Context, frame: Frame) -> tuple[list[Token], list[Token]]:
    """(doers, other arguments) of a noun trigger."""
    t, roles = frame.trigger, frame.kind.roles
    doers: list[Token] = []
    args: list[Token] = []
    if frame.light and frame.governor is not None and "subj" in roles:
        gov = frame.governor
        doers += list(cl.preps(gov, {"by"})) if cl.is_passive(gov) else subject_of(gov)
    if "poss" in roles:
        # "the Nato summit", "a BNP meeting", "the Apple launch": a name before the noun
        owners = cl.kids(t, "poss") + [
            c for c in cl.kids(t, "compound") if ctx.agent(c) is not None
        ]
        (doers if "subj" in roles else args).extend(owners)
    elif "with" in roles:
        args += [c for c in cl.kids(t, "compound") if ctx.agent(c) is not None]
    if "of" in roles or "by" in roles:
        args += list(cl.preps(t, {"of", "by"}))
    return doers, args


def subject_of(verb: Token) -> list[Token]:
    subject = cl.clause_subject(verb)
    return [] if subject is None else [subject]


def agents_of(ctx: Context, tokens: list[Token]) -> list[int]:
    """Person/Organization entities the argument tokens name, with their conjuncts."""
    out: list[int] = []
    for token in tokens:
        for t in cl.with_conjuncts(token):
            for i in _names(ctx, t):
                if i not in out:
                    out.append(i)
    return out


def _names(ctx: Context, token: Token) -> list[int]:
    i = ctx.agent(token)
    if i is not None:
        return [] if not_a_party(ctx, token) else [i]
    if ctx.place(token) is not None:
        return []
    word = token.lower_
    if word in cl.PRONOUNS_ONE or word in cl.PRONOUNS_MANY:
        return _resolve_pronoun(ctx, token, plural=word in cl.PRONOUNS_MANY)
    for c in token.children:
        # "his counterpart, Xi Jinping"; "pop band Busted" (parsed as a clause on "band")
        if c.dep_ in ("appos", "acl") and (j := ctx.agent(c)) is not None:
            return [j]
        # "a Vodafone spokesman", "the Mori survey": who speaks through them
        if c.dep_ in ("compound", "poss") and word in VOICES and (j := ctx.agent(c)) is not None:
            return [j]
        # "Gadget Weekly magazine", "the Vodafone group": a name before the noun of its kind
        if c.dep_ == "compound" and word in ORG_NOUNS and (j := ctx.agent(c)) is not None:
            return [j]
        if ctx.settings.voices and (j := _voice_of(ctx, token, c)) is not None:
            return [j]
        if c.dep_ == "acl" and word in VOICES:  # "a poll run by Gadget Weekly"
            found = [j for a in cl.preps(c, {"by"}) for j in _names(ctx, a)]
            if found:
                return found
    return []


def not_a_party(ctx: Context, token: Token) -> bool:
    """A name that takes no part: a work ("the musical Johnny Velvet", whatever the
    model typed it) or a title the model read only in part ("Office" or "Office of the
    Vice" of "the Office of the Vice Warden")."""
    first, last = _mention_tokens(ctx, token)
    if ctx.settings.work_names and named_work(ctx, token):
        return True
    return ctx.settings.name_fragments and _cut_title(ctx, first, last)


def named_work(ctx: Context, token: Token) -> bool:
    """True for a name after a work noun: "the musical Johnny Velvet", "film X"."""
    if ctx.ents.get(token.i) is None:
        return False
    first, _ = _mention_tokens(ctx, token)
    return first.i > 0 and token.doc[first.i - 1].lower_ in WORK_NOUNS


def _mention_tokens(ctx: Context, token: Token) -> tuple[Token, Token]:
    """The first and last token of the mention ``token`` is in."""
    mention, doc = ctx.ents[token.i], token.doc
    first = last = token
    while first.i > 0 and ctx.ents.get(first.i - 1) == mention:
        first = doc[first.i - 1]
    while last.i + 1 < len(doc) and ctx.ents.get(last.i + 1) == mention:
        last = doc[last.i + 1]
    return first, last


def _cut_title(ctx: Context, first: Token, last: Token) -> bool:
    """ "the Office of the Vice Warden": a one-word name followed by "of" and a
    capitalised word, or a name with "of" ending in a word that begins a title
    ("Vice", "Deputy") followed by one, where the capitalised word is no name of its own
    ("the Bank of Arvenia Governor" ends in a name, not in "Vice")."""
    doc, end = first.doc, last.i + 1
    if first.i == last.i and end + 1 < len(doc) and doc[end].lower_ == "of":
        end += 2 if doc[end + 1].lower_ == "the" else 1
    elif last.lower_ not in TITLE_STARTS or all(t.lower_ != "of" for t in doc[first.i : last.i]):
        return False
    if end >= len(doc) or end == last.i + 1 and doc[end].is_sent_start:
        return False
    word = doc[end]
    return word.is_alpha and word.text[:1].isupper() and ctx.entity(word) is None


def _voice_of(ctx: Context, token: Token, child: Token) -> int | None:
    """The organisation that speaks through ``token``: "Pentagon officials", "a report
    from analysts Gartner", "a survey by the Kell Institute"."""
    word = token.lower_
    if child.dep_ == "compound" and word in SPOKESPEOPLE:
        return ctx.agent(child)
    if child.dep_ == "prep" and child.lower_ in _MADE_BY and word in VOICES:
        for obj in cl.kids(child, "pobj"):
            found = _names(ctx, obj)
            if found:
                return found[0]
    return None


def _resolve_pronoun(ctx: Context, pronoun: Token, plural: bool) -> list[int]:
    """The names a pronoun stands for: the subject of a clause above it in its sentence."""
    came_from = pronoun
    for _, ancestor in cl.ancestors_until_speech(pronoun):
        subjects = [s for s in cl.kids(ancestor, *cl.SUBJECTS) if s.i != came_from.i]
        names = [
            i for s in subjects for t in cl.with_conjuncts(s) if (i := ctx.agent(t)) is not None
        ]
        names = list(dict.fromkeys(names))
        if names and (len(names) >= 2 or not plural or _is_org(ctx, names[0])):
            return names
        came_from = ancestor
    return []


def _is_org(ctx: Context, index: int) -> bool:
    return ctx.entities[index].type == "Organization"


def _context_agents(ctx: Context, trigger: Token, frame: Frame, named_head_only: bool) -> list[int]:
    """Who a participant-less noun is about: "talks" in "Kim said he looked forward to talks".

    The subject (or the possessor of a copula's complement) of the nearest clause
    above the noun; reported speech is not crossed, and an unnamed subject ("the
    Russian leader") ends the search.
    """
    came_from = trigger
    for edge, ancestor in cl.ancestors_until_speech(trigger):
        if edge in ("ccomp", "parataxis"):
            return []
        if (i := ctx.agent(ancestor)) is not None and edge in ("prep", "pobj"):
            return [i]  # "Kim in Russia for talks"
        if named_head_only:
            if edge not in ("prep", "pobj"):
                return []
            came_from = ancestor
            continue
        subjects = [s for s in cl.kids(ancestor, *cl.SUBJECTS) if s.i != came_from.i]
        candidates = list(subjects)
        if ancestor.lower_ in cl.COPULAS:
            for attr in cl.kids(ancestor, "attr"):
                candidates += cl.kids(attr, "poss")
        names = agents_of(ctx, candidates)
        if names:
            return names
        if any(s.lower_ not in cl.RELATIVES for s in subjects):
            return []
        came_from = ancestor
    return []


def _counterparts(ctx: Context, frame: Frame) -> list[int]:
    """ "... was in 2002 when his counterpart was Kim Jong Il": the named counterpart."""
    gov = frame.governor or frame.trigger
    out: list[int] = []
    for clause in [gov, *cl.kids(gov, "advcl", "relcl")]:
        for s in cl.kids(clause, *cl.SUBJECTS):
            if s.lower_ in ("counterpart", "host", "guest") and clause.lower_ in cl.COPULAS:
                out += agents_of(ctx, cl.kids(clause, "attr"))
    return out
