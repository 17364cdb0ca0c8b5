"""The happenings an article reports, read from spaCy's parse.

A trigger word of one of kg's event types (``kg.extract.events.triggers``) is an event
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
from kg.extract.events.language import english
from kg.extract.events.participants import participants
from kg.extract.events.placetime import about_of, date_of, dateline_place, in_lead, place_of
from kg.extract.events.triggers import FIRST_KINDS, Kind, lookup
from kg.model import Event, Span

__all__ = ["Context", "context", "detect", "event_of", "frame_of", "other_sense"]

_FRAME_PREPS = {"at", "during"}


def detect(ctx: Context) -> list[Event]:
    """Every event the article reports, in text order (kg.extract.events.main marks the
    main one)."""
    events: list[Event] = []
    for sent in ctx.doc.sents:
        if english(sent) or not ctx.settings.english_only:
            events += _detect_in(ctx, sent)
    return events


def _detect_in(ctx: Context, sent: SpacySpan) -> list[Event]:
    events: list[Event] = []
    for token in sent:
        for kind in kinds_of(ctx, token.lower_):
            frame = frame_of(ctx, token, kind)
            if frame is not None:
                event = event_of(ctx, frame)
                if event is not None:
                    events.append(event)
    return events


def kinds_of(ctx: Context, word: str) -> list[Kind]:
    found = lookup(word)
    return found if ctx.settings.kinds else [k for k in found if k.key in FIRST_KINDS]


def frame_of(ctx: Context, token: Token, kind: Kind) -> Frame | None:
    """How the word reports an event of ``kind`` here, or None when it does not."""
    word = token.lower_
    if word in kind.verbs and (word not in kind.nouns or cl.is_verbal(token)):
        return verb_frame(ctx, token, kind)
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
    if token.dep_ == "pobj" and head.lower_ in kind.frame_preps and head.head.i != head.i:
        return Frame(token, kind, False, head.head, True, "frame")  # "while on a visit"
    if kind.needs_light:
        return None
    if token.dep_ in ("nsubj", "nsubjpass"):
        return Frame(token, kind, False, head, False, "subject")
    if token.dep_ == "pobj" and head.lower_ in _FRAME_PREPS and head.head.i != head.i:
        return Frame(token, kind, False, head.head, True, "frame")
    return Frame(token, kind, False, None, False)


def verb_frame(ctx: Context, token: Token, kind: Kind) -> Frame | None:
    word = token.lower_
    needed = kind.preps.get(word, frozenset())
    # the parser reads "called on them" either way: "on" a particle or a preposition
    particles = [c.lower_ for c in token.children if c.dep_ == "prt" and c.lower_ not in needed]
    wanted = kind.particles.get(word)
    if (wanted is not None and wanted not in particles) or (wanted is None and particles):
        return None  # "ruled out", "beat up": a particle makes another verb
    if needed and not any(c.lower_ in needed for c in cl.kids(token, "prep", "prt")):
        return None  # "lost his job" is no defeat; "lost to Italy" is
    for obj in cl.kids(token, "dobj"):
        if obj.lower_ in kind.not_objects:
            return None  # "launched an attack" is no product launch
        if any(k is not kind and word in k.light for k in kinds_of(ctx, obj.lower_)):
            return None  # "won the election": the noun's own frame reports it
    return Frame(token, kind, True, token, False)


def other_sense(ctx: Context, frame: Frame) -> bool:
    """ "a drug trial", "the shooting of a film": no word of the kind's context near."""
    t, kind = frame.trigger, frame.kind
    if t.lower_ not in kind.ambiguous:
        return False
    words = {w.lower_ for w in t.sent if w.i != t.i}  # the word is no context for itself
    if kind.off_context & words:
        return True
    if not kind.context or frame.via == "light":
        return False  # "went on trial", "carried out an attack" are unambiguous
    if ctx.section in kind.sections:
        return False  # "beat" in the sports pages
    return not kind.context & words


def event_of(
    ctx: Context, frame: Frame, place_will_do: bool = False, works: tuple[int, ...] = ()
) -> Event | None:
    """The event a frame reports, when its clause is real and names who took part.

    With ``place_will_do`` (an article's main event) a place alone is enough for a
    noun ("a press briefing in Oslo"; a verb needs its arguments named); other
    events without a named participant need a place and a date. ``works`` are named
    works the happening is of ("film X topped the chart"): they take no part, but
    the event is about them, and they name it as a participant would.
    """
    trigger, kind = frame.trigger, frame.kind
    if other_sense(ctx, frame):
        return None
    if cl.unreal(trigger, frame.governor) or (not frame.verbal and cl.aggregate(trigger)):
        return None
    if ctx.settings.undone and not frame.verbal and cl.undone(trigger):
        return None  # "abandoned its takeover": the lead's clause is a withdrawal
    parties = participants(ctx, frame)
    attendees = parties.all
    named = attendees or list(works)
    needed = kind.min_verbal if frame.verbal else kind.min_nominal
    place_will_do = place_will_do and (not frame.verbal or needed == 0)
    if len(named) < needed and not place_will_do:
        return None
    place = place_of(ctx, frame) if kind.placed else None
    if place is not None and ctx.entities[place].geo is None:
        place = None  # only places the gazetteer knows: "Wales v England" is no place
    if kind.needs_place and place is None:
        return None
    when = date_of(ctx, frame)
    if place is None and kind.placed and not kind.needs_place:
        place = dateline_place(ctx, frame, when)
    if len(named) < needed and place is None:
        return None
    if not named and (place is None or (when is None and not place_will_do)):
        return None
    sentence = sentence_span(ctx, trigger.sent)
    start = ctx.view.to_source(trigger.idx)
    noun = kind.verbs.get(trigger.lower_, "") if frame.verbal else kind.nouns[trigger.lower_]
    return Event(
        type=kind.key,
        trigger=trigger.text,
        attendees=attendees,
        agents=parties.agents,
        location=place,
        start_date=when,
        sentences=[sentence],
        sentence_texts=[ctx.source[sentence.start : sentence.end]],
        about=list(dict.fromkeys([*works, *about_of(ctx, frame)])),
        noun=noun or kind.key,
        trigger_span=Span(start, start + len(trigger.text)),
        lead=in_lead(ctx, start),
    )


def sentence_span(ctx: Context, sent: SpacySpan) -> Span:
    """The sentence's source range, without surrounding whitespace."""
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    end = sent.start_char + len(text.rstrip())
    return ctx.view.span_to_source(start, max(end, start + 1))
