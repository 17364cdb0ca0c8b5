"""The happenings an article reports, read from spaCy's parse.

A trigger word of one of kg's event types (``kg.extract.triggers``) is an event
when its arguments say who took part: the subject, object and ``with``-objects
of a verb ("Kim met Putin"), the possessor and ``with``/``of``-objects of a noun
("Kim's talks with Putin"), or the subject of the verb a noun depends on ("Putin
and Kim held talks"). Participants are the Person and Organization entities
``build_entities`` found, so an event's attendees are the article's own
mentions; "he" and "their" are read as the names they stand for in the same
sentence. The place is a Place named in the trigger's clause ("in Vladivostok",
"Vladivostok, where the summit will take place"), else the dateline's place
for the article's current news. The date is the clause's date expression,
resolved against the publication date (``kg.extract.dates``).

Denied, wished-for, conditional and counted happenings ("did not meet", "wants
to visit", "four meetings") are skipped: precision matters more than recall.
An event may lack a place and a date here; linking decides whether it is
published (see ``kg.link.events``).
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from kg.extract.events import clauses as cl
from kg.extract.events.context import Context, Frame, context
from kg.extract.events.placetime import about_of, date_of, dateline_place, in_lead, place_of
from kg.extract.events.triggers import Kind, lookup
from kg.model import Event, Span

__all__ = ["Context", "context", "detect"]

_FRAME_PREPS = {"at", "during"}


def detect(ctx: Context) -> list[Event]:
    """Every event the article reports, in text order."""
    events: list[Event] = []
    for token in ctx.doc:
        for kind in lookup(token.lower_):
            frame = _frame(token, kind)
            if frame is not None:
                event = _event(ctx, frame)
                if event is not None:
                    events.append(event)
    return events


def _frame(token: Token, kind: Kind) -> Frame | None:
    word = token.lower_
    if word in kind.verbs and (word not in kind.nouns or cl.is_verbal(token)):
        return Frame(token, kind, True, token, False)
    if word not in kind.nouns or cl.has_clause(token):
        return None  # "he talks", or a verb form kg does not take as a trigger
    if token.text[:1].isupper() and token.i > token.sent.start:
        return None  # part of a name ("the Good Friday Agreement", "Trial of the Century")
    if any(c.lower_ in kind.not_with for c in token.children if c.dep_ in ("compound", "amod")):
        return None
    if token.dep_ == "compound":
        return None  # "summit venue", "takeover bid"
    head = token.head
    if token.dep_ in ("dobj", "nsubjpass", "attr") and head.lower_ in kind.light:
        return Frame(token, kind, False, head, True, "light")
    if token.dep_ == "pobj" and head.lower_ in kind.light_preps and head.head.lower_ in kind.light:
        return Frame(token, kind, False, head.head, True, "light")  # "went on trial"
    if kind.needs_light:
        return None
    if token.dep_ in ("nsubj", "nsubjpass"):
        return Frame(token, kind, False, head, False, "subject")
    if token.dep_ == "pobj" and head.lower_ in _FRAME_PREPS and head.head.i != head.i:
        return Frame(token, kind, False, head.head, True, "frame")
    return Frame(token, kind, False, None, False)


def _other_sense(frame: Frame) -> bool:
    """ "a drug trial", "the shooting of a film": no word of the kind's context near."""
    t, kind = frame.trigger, frame.kind
    if t.lower_ not in kind.ambiguous:
        return False
    words = {w.lower_ for w in t.sent}
    if kind.off_context & words:
        return True
    if not kind.context or frame.via == "light":
        return False  # "went on trial", "carried out an attack" are unambiguous
    return not kind.context & words


def _event(ctx: Context, frame: Frame) -> Event | None:
    trigger, kind = frame.trigger, frame.kind
    if _other_sense(frame):
        return None
    if cl.unreal(trigger, frame.governor) or (not frame.verbal and cl.aggregate(trigger)):
        return None
    attendees = _participants(ctx, frame)
    needed = kind.min_verbal if frame.verbal else kind.min_nominal
    if len(attendees) < needed:
        return None
    place = place_of(ctx, frame) if kind.placed else None
    if place is not None and ctx.entities[place].geo is None:
        place = None  # only places the gazetteer knows: "Wales v England" is no place
    if kind.needs_place and place is None:
        return None
    when = date_of(ctx, frame)
    if place is None and kind.placed and not kind.needs_place:
        place = dateline_place(ctx, frame, when)
    if not attendees and (place is None or when is None):
        return None
    sentence = _sentence(ctx, trigger.sent)
    start = ctx.view.to_source(trigger.idx)
    noun = kind.verbs.get(trigger.lower_, "") if frame.verbal else kind.nouns[trigger.lower_]
    return Event(
        type=kind.key,
        trigger=trigger.text,
        attendees=attendees,
        location=place,
        start_date=when,
        sentences=[sentence],
        sentence_texts=[ctx.source[sentence.start : sentence.end]],
        about=about_of(ctx, frame),
        noun=noun,
        trigger_span=Span(start, start + len(trigger.text)),
        lead=in_lead(ctx, start),
    )


# Participants ---------------------------------------------------------------


def _participants(ctx: Context, frame: Frame) -> list[int]:
    t, roles = frame.trigger, frame.kind.roles
    args: list[Token] = []
    if frame.verbal:
        passive = cl.is_passive(t)
        if "subj" in roles:
            args += list(cl.preps(t, {"by"})) if passive else _subject(t)
        if "obj" in roles:
            args += cl.kids(t, "dobj") + (_subject(t) if passive else [])
    else:
        if frame.light and frame.governor is not None and "subj" in roles:
            gov = frame.governor
            args += list(cl.preps(gov, {"by"})) if cl.is_passive(gov) else _subject(gov)
        if "poss" in roles:
            args += cl.kids(t, "poss")
        if "of" in roles:
            args += list(cl.preps(t, {"of", "by"}))
        if "with" in roles:  # "the Nato summit", "a BNP meeting"
            args += [c for c in cl.kids(t, "compound") if ctx.agent(c) is not None]
    anchors = [t] + ([frame.governor] if frame.light and frame.governor is not None else [])
    for anchor in anchors:
        if "with" in roles:
            args += list(cl.preps(anchor, {"with", "between"}))
        if "on" in roles:
            args += list(cl.preps(anchor, {"on", "against"}))
    found = _agents(ctx, args)
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
        return []  # "Nelson Town met Nelson College": clubs meet on the pitch
    return found


def _subject(verb: Token) -> list[Token]:
    subject = cl.clause_subject(verb)
    return [] if subject is None else [subject]


def _agents(ctx: Context, tokens: list[Token]) -> list[int]:
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
        return [i]
    if ctx.place(token) is not None:
        return []
    word = token.lower_
    if word in cl.PRONOUNS_ONE or word in cl.PRONOUNS_MANY:
        return _resolve_pronoun(ctx, token, plural=word in cl.PRONOUNS_MANY)
    for c in token.children:  # "his counterpart, Xi Jinping"
        if c.dep_ == "appos" and (j := ctx.agent(c)) is not None:
            return [j]
    return []


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
        names = _agents(ctx, candidates)
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
                out += _agents(ctx, cl.kids(clause, "attr"))
    return out


def _sentence(ctx: Context, sent: SpacySpan) -> Span:
    """The sentence's source range, without surrounding whitespace."""
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    end = sent.start_char + len(text.rstrip())
    return ctx.view.span_to_source(start, max(end, start + 1))
