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

import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kg.extract import clauses as cl
from kg.extract.dates import MONTH_ABBR, MONTHS, WEEKDAYS, resolve
from kg.extract.entities import Found
from kg.extract.triggers import BY_KEY, Kind, lookup
from kg.extract.view import TextView
from kg.link.gazetteer import gazetteer
from kg.model import Entity, Event, Layout, Span

PLACE_PREPS = frozenset({"in", "at", "to", "near", "outside", "inside", "across"})
DATE_PREPS = frozenset({"on", "in", "at", "during"})
ABOUT_PREPS = frozenset({"on", "about", "over"})
_DATE_DEPS = {"npadvmod", "advmod", "tmod", "poss", "compound", "nummod", "amod", "nmod"}
_NAME_DEPS = {"compound", "nummod", "amod", "nmod"}  # "the 2002 summit" but not "the 9/11 attacks"
_YEAR = re.compile(r"\b\d{4}\b")
_FRAME_PREPS = {"at", "during"}
VISIT = BY_KEY["visit"]
CURRENT = timedelta(days=3)  # an event this close to publication is the dateline's news
_PLACE_RANK = {"City": 3, "AdministrativeArea": 2, "Country": 1}


@dataclass
class Context:
    """One article's parse and what extraction already knows about it."""

    doc: Doc
    entities: list[Entity]
    ents: dict[int, int]  # token index → entity index
    surface: dict[int, str]  # token index → the mention's text
    dates: dict[int, SpacySpan]  # root token index → DATE/TIME entity
    view: TextView
    source: str
    lead: list[Span]  # source ranges of the headline, standfirst and first paragraph
    published: date | None
    dateline_place: int | None

    def entity(self, token: Token) -> int | None:
        return self.ents.get(token.i)

    def agent(self, token: Token) -> int | None:
        i = self.ents.get(token.i)
        return i if i is not None and self.entities[i].type != "Place" else None

    def place(self, token: Token) -> int | None:
        i = self.ents.get(token.i)
        return i if i is not None and self.entities[i].type == "Place" else None

    def sure_place(self, token: Token) -> int | None:
        """The Place the token names when the gazetteer knows it without doubt."""
        i = self.place(token)
        if i is None or self.entities[i].geo is None:
            return None
        return i if gazetteer().unambiguous(self.surface.get(token.i, token.text)) else None


@dataclass
class _Frame:
    trigger: Token
    kind: Kind
    verbal: bool
    governor: Token | None  # the verb whose clause places and dates a trigger noun
    light: bool  # the governor's subject takes part ("held talks", "at the summit")
    via: str = ""  # "light" (a light verb's object), "frame" ("at the summit"), "subject"


def context(
    doc: Doc,
    found: list[Found],
    entities: list[Entity],
    view: TextView,
    source: str,
    layout: Layout,
    published: date | None,
    dateline_place: int | None,
) -> Context:
    ents: dict[int, int] = {}
    surface: dict[int, str] = {}
    for f in found:
        span = doc.char_span(f.start, f.end, alignment_mode="expand")
        if span is not None and f.entity >= 0:
            for token in span:
                ents.setdefault(token.i, f.entity)
                surface.setdefault(token.i, f.text)
    dates = {e.root.i: e for e in doc.ents if e.label_ in ("DATE", "TIME")}
    lead = [s for s in (layout.headline_span, layout.description_span) if s is not None]
    lead.extend(layout.body[:1])
    return Context(
        doc, entities, ents, surface, dates, view, source, lead, published, dateline_place
    )


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


def _frame(token: Token, kind: Kind) -> _Frame | None:
    word = token.lower_
    if word in kind.verbs and (word not in kind.nouns or cl.is_verbal(token)):
        return _Frame(token, kind, True, token, False)
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
        return _Frame(token, kind, False, head, True, "light")
    if token.dep_ == "pobj" and head.lower_ in kind.light_preps and head.head.lower_ in kind.light:
        return _Frame(token, kind, False, head.head, True, "light")  # "went on trial"
    if kind.needs_light:
        return None
    if token.dep_ in ("nsubj", "nsubjpass"):
        return _Frame(token, kind, False, head, False, "subject")
    if token.dep_ == "pobj" and head.lower_ in _FRAME_PREPS and head.head.i != head.i:
        return _Frame(token, kind, False, head.head, True, "frame")
    return _Frame(token, kind, False, None, False)


def _other_sense(frame: _Frame) -> bool:
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


def _event(ctx: Context, frame: _Frame) -> Event | None:
    trigger, kind = frame.trigger, frame.kind
    if _other_sense(frame):
        return None
    if cl.unreal(trigger, frame.governor) or (not frame.verbal and cl.aggregate(trigger)):
        return None
    attendees = _participants(ctx, frame)
    needed = kind.min_verbal if frame.verbal else kind.min_nominal
    if len(attendees) < needed:
        return None
    place = _place(ctx, frame) if kind.placed else None
    if place is not None and ctx.entities[place].geo is None:
        place = None  # only places the gazetteer knows: "Wales v England" is no place
    if kind.needs_place and place is None:
        return None
    when = _date(ctx, frame)
    if place is None and kind.placed and not kind.needs_place:
        place = _dateline_place(ctx, frame, when)
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
        about=_about(ctx, frame),
        noun=noun,
        trigger_span=Span(start, start + len(trigger.text)),
        lead=_in_lead(ctx, start),
    )


# Participants ---------------------------------------------------------------


def _participants(ctx: Context, frame: _Frame) -> list[int]:
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


def _context_agents(
    ctx: Context, trigger: Token, frame: _Frame, named_head_only: bool
) -> list[int]:
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


def _counterparts(ctx: Context, frame: _Frame) -> list[int]:
    """ "... was in 2002 when his counterpart was Kim Jong Il": the named counterpart."""
    gov = frame.governor or frame.trigger
    out: list[int] = []
    for clause in [gov, *cl.kids(gov, "advcl", "relcl")]:
        for s in cl.kids(clause, *cl.SUBJECTS):
            if s.lower_ in ("counterpart", "host", "guest") and clause.lower_ in cl.COPULAS:
                out += _agents(ctx, cl.kids(clause, "attr"))
    return out


# Place, date, topic ------------------------------------------------------------


def _anchors(frame: _Frame) -> list[Token]:
    """The trigger and the verb whose clause places and dates it."""
    gov = frame.governor
    return [frame.trigger] if gov is None or gov.i == frame.trigger.i else [frame.trigger, gov]


def _place(ctx: Context, frame: _Frame) -> int | None:
    t, kind = frame.trigger, frame.kind
    words = PLACE_PREPS | ({"on"} if kind.key == "attack" else set())
    found: list[int] = []
    for anchor in _anchors(frame):
        for obj in cl.preps(anchor, words):
            found += _places_under(ctx, obj)
    if frame.verbal and kind.key == "visit":
        for obj in cl.kids(t, "dobj"):
            found += _places_under(ctx, obj)
    if not frame.verbal and kind.place_modifier:
        found += [i for c in cl.kids(t, "compound", "poss") if (i := ctx.sure_place(c)) is not None]
        found += [i for c in cl.kids(t, "amod") if (i := _demonym_place(ctx, c)) is not None]
    gov = frame.governor
    if frame.via == "light" and gov is not None:  # "Ukraine held an election"
        found += [i for s in cl.kids(gov, *cl.SUBJECTS) if (i := ctx.sure_place(s)) is not None]
    if gov is not None and gov.dep_ == "relcl" and any(c.lower_ == "where" for c in gov.children):
        found += _places_under(ctx, gov.head)
    if not found:  # "met Merkel in Berlin", "negotiations with Trump in Hanoi"
        for arg in _objects(frame):
            for sub in cl.preps(arg, words):
                found += _places_under(ctx, sub)
    if not found and t.dep_ == "pobj" and t.head.lower_ == "for":
        purpose = t.head.head  # "arrived in Beijing for talks"
        if purpose.lower_ in VISIT.verbs:
            for obj in cl.preps(purpose, words):
                found += _places_under(ctx, obj)
    return most_specific(ctx.entities, found)


def _objects(frame: _Frame) -> list[Token]:
    """The trigger's objects and ``with``-objects, where a place phrase often hangs."""
    t = frame.trigger
    out = cl.kids(t, "dobj") if frame.verbal else []
    return out + list(cl.preps(t, {"with"}))


def _places_under(ctx: Context, token: Token, depth: int = 3) -> list[int]:
    """Places named by a prepositional object: "the port city of Vladivostok, Russia"."""
    i = ctx.sure_place(token)
    out = [] if i is None else [i]
    if depth == 0:
        return out
    for c in token.children:
        # A possessor counts only on the phrase itself ("at Spain's High Court"), not
        # deeper ("in one of Britain's highest profile cases").
        if (
            c.dep_ in ("appos", "compound", "conj")
            or (c.dep_ == "poss" and depth == 3)
            or (c.dep_ == "prep" and c.lower_ in ("of", "in", "at", "near"))
        ):
            nxt = cl.kids(c, "pobj") if c.dep_ == "prep" else [c]
            for n in nxt:
                out += _places_under(ctx, n, depth - 1)
    return out


def _demonym_place(ctx: Context, token: Token) -> int | None:
    """ "the Ukrainian election" → Ukraine, added to the article's entities when missing."""
    code = gazetteer().demonym_country(" ".join(t.text for t in token.subtree))
    country = gazetteer().country(code) if code else None
    if country is None:
        return None
    for i, e in enumerate(ctx.entities):
        if e.geo is not None and e.geo.geonames_id == country.geonames_id:
            return i
    ctx.entities.append(Entity(type="Place", name=country.name, geo=country))
    return len(ctx.entities) - 1


def most_specific(entities: list[Entity], places: list[int]) -> int | None:
    """The narrowest of places that nest (a city in its country); None when they disagree."""
    unique = list(dict.fromkeys(places))
    if not unique:
        return None
    best = max(unique, key=lambda i: (_rank(entities[i]), -unique.index(i)))
    for i in unique:
        if i != best and not contains(entities[i], entities[best]):
            return None
    return best


def _rank(entity: Entity) -> int:
    return _PLACE_RANK.get(entity.geo.kind, 0) if entity.geo else 0


def contains(outer: Entity, inner: Entity) -> bool:
    """True when ``outer`` is ``inner`` or the country ``inner`` lies in."""
    a, b = outer.geo, inner.geo
    if a is None or b is None:
        return outer is inner
    if a.geonames_id == b.geonames_id:
        return True
    return a.kind == "Country" and b.kind != "Country" and a.country_code == b.country_code


def _date(ctx: Context, frame: _Frame) -> str | None:
    t = frame.trigger
    ahead = cl.future(t, frame.governor)
    values: list[str] = []
    for anchor in _anchors(frame):
        for c in anchor.children:
            if c.dep_ == "prep" and c.lower_ in DATE_PREPS:
                objects = cl.kids(c, "pobj")
            elif c.dep_ in _DATE_DEPS:
                objects = [c]
            else:
                continue
            for obj in objects:
                text = _date_text(ctx, obj)
                if text is None or (c.dep_ in _NAME_DEPS and not _YEAR.search(text)):
                    continue
                value = resolve(text, ctx.published, future=ahead)
                if value:
                    values.append(value)
    return most_precise(values)


def _date_text(ctx: Context, token: Token) -> str | None:
    """The date expression headed by ``token``: spaCy's DATE entity, or a month or
    weekday name with its numbers when the model missed it ("on Apr 24")."""
    ent = ctx.dates.get(token.i)
    if ent is not None:
        return ent.text
    word = token.text.rstrip(".").casefold()
    if token.text[:1].isupper() and (word in WEEKDAYS or word in MONTHS or word in MONTH_ABBR):
        return "".join(t.text_with_ws for t in token.subtree).strip()
    return None


def most_precise(values: list[str]) -> str | None:
    """The most precise of dates that agree ("2019-04" and "2019-04-25"); None if they don't."""
    if not values:
        return None
    best = max(values, key=len)
    return best if all(best.startswith(v) for v in values) else None


def _dateline_place(ctx: Context, frame: _Frame, when: str | None) -> int | None:
    """The dateline's place, for the news the article is datelined with."""
    if ctx.dateline_place is None or ctx.entities[ctx.dateline_place].geo is None:
        return None
    if when is not None:
        if ctx.published is None or len(when) != 10:
            return None
        return (
            ctx.dateline_place if abs(date.fromisoformat(when) - ctx.published) <= CURRENT else None
        )
    in_lead = _in_lead(ctx, ctx.view.to_source(frame.trigger.idx))
    anchor = frame.governor or frame.trigger
    return ctx.dateline_place if in_lead and not cl.past_perfect(anchor) else None


def _in_lead(ctx: Context, start: int) -> bool:
    return any(s.start <= start < s.end for s in ctx.lead)


def _about(ctx: Context, frame: _Frame) -> list[int]:
    if frame.verbal:
        return []
    out: list[int] = []
    for obj in cl.preps(frame.trigger, ABOUT_PREPS):
        for t in cl.with_conjuncts(obj):
            i = ctx.entity(t)
            if i is not None and i not in out:
                out.append(i)
    return out


def _sentence(ctx: Context, sent: SpacySpan) -> Span:
    """The sentence's source range, without surrounding whitespace."""
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    end = sent.start_char + len(text.rstrip())
    return ctx.view.span_to_source(start, max(end, start + 1))
