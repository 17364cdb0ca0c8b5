"""The lead sentence's own clause as the main event, when no event type names it.

"Ana Ruiz's third film has broken an opening-weekend record", "the thriller Glass
Orchard has stayed at number one in the charts": a news lead reports a happening
even when its verb is in none of kg's trigger tables. Its main clause is then
the main event, of the scheme's catch-all type ``happening``, named by the
article's headline (the name the newsroom gave the story), with the named people
and organisations the clause's arguments are (and the owners of its subject and
object: "Ruiz's film") as participants.

Only a real report counts: a verb with a subject that is neither a copula nor a
verb of state or thought ("is", "has", "believes"), not denied, doubted or
asked, and not a verb of saying (a statement is its own kind, see
kg.extract.events.statements). Its tense must report: the past, the perfect, the
progressive or the announced future ("set", "has held", "is suing", "will
retire"); the simple present of a lead describes ("Creative Commons helps you
share"), a modal doubts ("may launch") and the past perfect tells the backstory.
A clause without a named participant, or a place it is the news of ("Libya has
withdrawn…", "Germany's economy grew…"), is no event.

A chart position or a release is a work's own happening ("animated film X has topped
the box office"): the work, which takes no part in events, is what the event is about,
and it names the event as a participant would. A feeling in the progressive ("X is
relishing the tie") tells a mood, not a happening.

British news writes the announced future with "be to" and "be set to" ("Kell Foods is
to buy a rival", "Ada Moss is set to join Rovers"): the clause is then the verb they
announce, as with "will", when its subject (or a passive's "by") names who acts.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.events import clauses as cl
from kg.extract.events import detect as detector
from kg.extract.events.clausetype import ClauseType, clause_type
from kg.extract.events.context import Context, Frame
from kg.extract.events.kind import PAST_FORMS, Kind, verb
from kg.extract.events.participants import WORK_NOUNS, agents_of, named_work
from kg.extract.events.placetime import SPORTS_SECTIONS, owner_place
from kg.extract.events.statements import ATTACKING, statement_kind
from kg.extract.events.triggers import BY_KEY
from kg.model import Event

HAPPENING = Kind(
    key="happening",
    verbs={},
    nouns={},
    roles=frozenset({"subj", "obj", "owners", "with", "vs", "to", "into"}),
    min_verbal=0,
)
# Verbs of state, thought and prospect: no happening is reported by them.
STATIVE = frozenset(
    verb("", "have", "include", "contain", "remain", "seem", "appear", "lie")
    | verb("", "belong", "mean", "want", "need", "know", "believe", "think", "hope", "expect")
    | verb("", "like", "love", "hate", "prefer", "deserve", "matter", "cost", "depend")
    | verb("", "consist", "involve", "face", "feel", "fear", "wonder", "plan", "aim", "intend")
    | verb("", "try", "seek", "wish", "feature", "represent", "own", "exist", "become", "stay")
    | verb("", "keep", "tend", "use", "let", "do", "get", "see")
)
# Verbs of feeling about what is to come: "is relishing the final", "is looking forward
# to the tie". In the progressive they tell a mood, not a happening.
_FEELINGS = frozenset(
    verb("", "relish", "enjoy", "savour", "savor", "dread", "anticipate", "await", "eye")
    | verb("", "look", "cherish", "fancy", "regret", "worry")
)
_PERFECT = {"has", "have", "had", "'s", "'ve", "'d"}
_BE = {"is", "are", "was", "were", "been", "being", "'s", "'re"}
_PRESENT_BE = {"is", "are", "am", "'s", "'re"}
# "is set to", "are due to", "is poised to": words after "be" that schedule a verb.
_SCHEDULING = frozenset({"set", "due", "poised", "scheduled", "slated", "going"})


def clause_event(ctx: Context, root: Token) -> Event | None:
    """The clause of ``root`` (a sentence's root, or the clause a verb of saying
    reports) as a ``happening``, when it reports one with a name or a place; typed
    from its words when they say what kind of happening it is."""
    if ctx.settings.announced:
        announced = announced_verb(root)
        if announced is not None:
            return _announced_event(ctx, root, announced)
        if root.lower_ in _SCHEDULING and _to_verb(root) is not None:
            return None  # "was set to play": a plan, not the news of "set"
    word = root.lower_
    available = ctx.settings.clause_types and now_available(root)
    record = ctx.settings.milestone and milestone(root)
    stative = (word in STATIVE or (ctx.settings.feelings and feeling(root))) and not record
    if (word in cl.COPULAS and not (available or record)) or stative:
        return None
    if a_statement(root) and not (word in ATTACKING and cl.is_passive(root)):
        return None  # a statement is its own kind; "was attacked by a gang" is none
    if not cl.kids(root, *cl.SUBJECTS) or not ctx.headline:
        return None
    if not (available or reports(root) or (record and word in cl.COPULAS)):
        return None
    typed = clause_type(ctx, root) if ctx.settings.clause_types else None
    frame = Frame(root, HAPPENING, True, root, False)
    works = _works(ctx, root, typed)
    event = detector.event_of(ctx, frame, place_will_do=True, works=works)
    # a place in a phrase is not enough ("are held in Belmarsh prison"), but it is
    # where rules come into force
    placed = event is not None and event.location is not None and typed is not None
    placed = placed and (
        typed.noun == "entry into force"  # type: ignore[union-attr]
        or (ctx.settings.placed_passive and _agentless_passive(root))
    )
    if event is None or not (event.attendees or works or _owner_place(ctx, root) or placed):
        return None
    if works:  # "the single X by Ada Kell": who made the work made its happening
        makers = [i for i in _makers(ctx, root) if i not in event.attendees]
        event.attendees += makers
        event.agents += makers
    if available:
        typed = ClauseType(BY_KEY["launch"], "launch")
    if typed is not None:
        event.type, event.noun = typed.kind.key, typed.noun
    event.title = ctx.headline
    return event


# Kinds of happening a work has of its own: it is released, or it tops a chart.
_WORK_KINDS = frozenset({"chart_position", "release"})


def _works(ctx: Context, root: Token, typed: ClauseType | None) -> tuple[int, ...]:
    """The named works a chart position or release is of: "animated film X has topped
    the box office", "the novel X was published". A work takes no part in events
    (``work_names``), but these happenings are its own."""
    if not ctx.settings.work_subjects or typed is None or typed.kind.key not in _WORK_KINDS:
        return ()
    subjects = [t for s in cl.kids(root, *cl.SUBJECTS) for t in cl.with_conjuncts(s)]
    # "the horror film Vanta, …": the name in apposition to a work noun
    subjects += [a for t in subjects if t.lower_ in WORK_NOUNS for a in cl.kids(t, "appos")]
    found = [i for t in subjects if (i := _work(ctx, t)) is not None]
    return tuple(dict.fromkeys(found))


def _work(ctx: Context, token: Token) -> int | None:
    """The work a token names: one the entities call a thing, or a name after a work
    noun or in apposition to one ("the horror film Vanta", "film X")."""
    thing = ctx.thing(token)
    if thing is not None:
        return thing
    i = ctx.entity(token)
    noun = token.dep_ == "appos" and token.head.lower_ in WORK_NOUNS
    return i if i is not None and (noun or named_work(ctx, token)) else None


def _makers(ctx: Context, root: Token) -> list[int]:
    """Who made the subject's work: "the single X by Ada Kell", "Ada Kell's film X"."""
    subjects = cl.kids(root, *cl.SUBJECTS)
    makers = [p for s in subjects for p in cl.preps(s, {"by"})]
    makers += [c for s in subjects for c in cl.kids(s, "poss")]
    return agents_of(ctx, makers)


def _agentless_passive(root: Token) -> bool:
    """ "A new phone has been launched in Japan": a typed happening whose doer the
    passive leaves out, so its place is what the clause names."""
    return cl.is_passive(root) and not list(cl.preps(root, {"by"}))


def feeling(root: Token) -> bool:
    """ "X is relishing the tie", "Y is looking forward to the final": a feeling in the
    progressive ("looking" only with "forward"). "Z enjoyed a win" still reports."""
    word = root.lower_
    if word not in _FEELINGS or not word.endswith("ing"):
        return False
    if word == "looking" and not any(c.lower_ == "forward" for c in root.children):
        return False
    return any(c.dep_ == "aux" and c.lower_ in _BE for c in root.children)


def announced_verb(root: Token) -> Token | None:
    """The verb a present "be" announces: "is to buy", "is set to join", "are due to
    play". Not "was to" (a plan of the past), "is able to", "is not to" or "is yet to"
    (what has not happened: "are yet to respond")."""
    gate = root
    if any(c.dep_ == "advmod" and c.lower_ == "yet" for c in root.children):
        return None
    if root.lower_ in _PRESENT_BE:
        if cl.kids(root, "attr", "neg"):
            return None
        comps = cl.kids(root, "acomp")
        if comps:  # "is due to play": only the scheduling words
            gate = comps[0]
            if gate.lower_ not in _SCHEDULING:
                return None
    elif root.lower_ in _SCHEDULING:
        aux = [c.lower_ for c in root.children if c.dep_ in ("aux", "auxpass", "neg")]
        if not aux or any(a not in _PRESENT_BE for a in aux):
            return None  # "was set to": it may not have happened
    else:
        return None
    return _to_verb(gate)


def _to_verb(gate: Token) -> Token | None:
    """The ``to``-infinitive ``gate`` governs: "set to join" → join."""
    for c in cl.kids(gate, "xcomp"):
        if any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return c
    return None


def _announced_event(ctx: Context, root: Token, head: Token) -> Event | None:
    """The announced clause of ``head`` as a happening, typed from its words, when the
    subject of ``root`` (or the ``by`` of a passive) names who acts."""
    word = head.lower_
    if word in cl.COPULAS or word in STATIVE or a_statement(head) or not ctx.headline:
        return None  # "is to be the next film", "is set to face", "is to announce"
    subjects = cl.kids(root, *cl.SUBJECTS)
    doers = subjects + (list(cl.preps(head, {"by"})) if cl.is_passive(head) else [])
    if not agents_of(ctx, doers):
        return None  # "the plan is to sell the firm": nobody named acts
    event = detector.event_of(ctx, Frame(head, HAPPENING, True, head, False), place_will_do=True)
    if event is None:
        return None
    typed = clause_type(ctx, head) if ctx.settings.clause_types else None
    if typed is not None:
        event.type, event.noun = typed.kind.key, typed.noun
    event.title = ctx.headline
    return event


_BECOME = frozenset(verb("", "become"))
_ORDINALS = frozenset(
    {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"}
    | {"tenth", "last", "latest", "only"}
)
# Words in "-est" that are no superlatives.
_NOT_SUPERLATIVE = frozenset(
    {"west", "honest", "modest", "interest", "earnest", "forest", "harvest", "manifest"}
    | {"protest", "suggest", "request", "arrest", "contest", "guest", "test", "rest", "nest"}
)


def milestone(root: Token) -> bool:
    """ "X has become the first woman to …", "the club's longest-serving manager": "become"
    with a first, a latest or a superlative is a record set, not a state; so is "be"
    with one and an infinitive ("X is the latest firm to cut jobs")."""
    be = root.lower_ in ("is", "are", "was", "were")
    if root.lower_ not in _BECOME and not be:
        return False
    mods = ("amod", "advmod", "compound", "nummod")
    for attr in cl.kids(root, "attr"):
        if be and not any(_to_infinitive(c) for c in cl.kids(attr, "acl", "relcl")):
            continue  # "is the biggest bank" describes; "is the first bank to…" reports
        words = cl.kids(attr, *mods)
        words += [g for c in words for g in cl.kids(c, "advmod")]  # "longest-serving"
        for c in words:
            word = c.lower_.split("-")[0]
            if word in _ORDINALS:
                return True
            if len(word) > 5 and word.endswith("est") and word not in _NOT_SUPERLATIVE:
                return True
    return False


def _to_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def a_statement(root: Token) -> bool:
    """The verb reports words: a verb of saying, with the preposition its kind needs
    ("called for talks"; "has called a truce" reports a happening, not words)."""
    kind = statement_kind(root.lower_)
    if kind is None:
        return False
    needed = kind.preps.get(root.lower_, frozenset())
    return not needed or any(c.lower_ in needed for c in cl.kids(root, "prep", "prt"))


def now_available(root: Token) -> bool:
    """ "The new phone is now available": a copula with "available" and "now"."""
    if root.lower_ not in cl.COPULAS:
        return False
    for comp in cl.kids(root, "acomp"):
        if comp.lower_ == "available":
            return any(c.lower_ == "now" for t in (root, comp) for c in cl.kids(t, "advmod"))
    return False


def _owner_place(ctx: Context, root: Token) -> bool:
    """ "Germany's economy grew…", "Libya has withdrawn $1bn": the subject is a place
    or belongs to one, and is its news."""
    subjects = cl.kids(root, *cl.SUBJECTS)
    acting = [] if ctx.section in SPORTS_SECTIONS else subjects  # "Ireland beat England"
    owners = [c for arg in subjects for c in cl.kids(arg, "poss")]
    owned = [i for c in owners if (i := owner_place(ctx, c)) is not None]
    return bool(owned) or any(ctx.sure_place(c) is not None for c in acting)


def reports(verb: Token) -> bool:
    """True for a verb in a tense that reports: past, perfect, progressive, passive."""
    aux = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a in cl.FUTURE_AUX for a in aux) and verb.lower_ not in ("have", "be"):
        return not any(a in cl.MODALS for a in aux)  # "will appear": announced, to come
    if any(a in cl.MODALS for a in aux) or "had" in aux:
        return False  # not sure, or not now: "had won" is the backstory
    if any(a in _PERFECT for a in aux):
        return True
    if any(a in _BE for a in aux):
        if verb.lower_.endswith("ing"):
            return True  # "is suing", "were fighting"
        # a past passive reports ("was banned"), a present one describes ("is seeded")
        return not any(a in _PRESENT_BE for a in aux)
    return not aux and (verb.lower_.endswith("ed") or verb.lower_ in PAST_FORMS)
