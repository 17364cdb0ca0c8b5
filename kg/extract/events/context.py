"""What the event detector knows about one article, and the frame of one trigger."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kg.extract.entities.mentions import Found
from kg.extract.events.triggers import Kind
from kg.extract.page.view import TextView
from kg.lexicon.gazetteer import gazetteer
from kg.model import Entity, Layout, Mention, Span


@dataclass(frozen=True)
class EventSettings:
    """Which event mechanisms run: all of them, unless the bench turns one off to
    measure what it brings (bench/events_dev.py)."""

    kinds: bool = True  # the event types added after the first thirteen
    main: bool = True  # pick each article's main event (kg.extract.mainevent)
    statements: bool = True  # a statement that is itself the news is the main event
    headline: bool = True  # the headline's words choose among the lead's events
    clause: bool = True  # the lead's main clause is a "happening" when no type names it
    clause_types: bool = True  # … typed from its verb and object (kg.extract.events.clausetype)
    reported_clause: bool = True  # "…, a newspaper reported": the clause it reports
    genre: bool = True  # question headlines and first-person leads have no main event
    english_only: bool = True  # events only from sentences in English (kg.extract.events.language)
    place_fallback: bool = True  # main event placed at the dateline, or its sentence's place
    prose_opening: bool = True  # the opening skips a repeated headline, credits and subheads
    content_location: bool = False  # … else at the place mentioned most (measured, not kept)
    own_clause_place: bool = True  # … the sentence's place only in the trigger's own clause
    announced: bool = True  # "X is to buy Y", "X is set to join Y": the announced clause
    figure_owners: bool = True  # "shares in X fell": X takes part in the lead's happening
    milestone: bool = True  # "X has become the first Y to …": a record, not a state
    voices: bool = True  # "Pentagon officials said", "a report from X": who speaks through them
    undone: bool = True  # "abandoned its takeover": no takeover, but a withdrawal
    placed_passive: bool = True  # "a phone has been launched in Japan": typed, placed, nobody
    prose_numbers: bool = True  # … a sentence may end in a number or a quote ("aged 70.")
    team_possessors: bool = True  # "Wales's back row", a sports page's "Ireland's": a team
    named_event_places: bool = True  # "Vanta's Oslo summit": a name's place is no location
    name_fragments: bool = True  # "Office" cut from "the Office of the X" takes no part
    work_names: bool = True  # "the musical Johnny Velvet": a work, not a participant
    work_subjects: bool = True  # … but "film X topped the chart" is X's: the event is about X
    later_backstory: bool = True  # the lead's later sentence "last year …" is no main event
    day_dates: bool = False  # "a 14 November 2012 ruling": the day (measured, not kept)
    third_sentence: bool = False  # … a third lead sentence when two report nothing (not kept)
    light_nouns: bool = True  # "X has delivered a speech": a light verb's noun types the lead
    feelings: bool = True  # "X is relishing the tie": a feeling in the progressive, no event
    legal_appeals: bool = True  # "lodged an appeal against the ban": a court case, not words
    said_objects: bool = True  # "forecast growth in Asia": words are not placed by their object


ALL_ON = EventSettings()


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
    opening: list[Span]  # the standfirst and the first two paragraphs: where the story is told
    published: date | None
    dateline_place: int | None
    headline: str | None = None
    headline_is_lead: bool = False  # the headline is the first sentence, cut (no other)
    section: str | None = None  # articleSection, lower case
    mentions: dict[int, int] | None = None  # entity index → mentions in the article
    settings: EventSettings = ALL_ON
    # token index → the named work or product (a Thing entity) it is part of: no party
    # to events, but what a release or a chart position is about
    things: dict[int, int] | None = None

    def thing(self, token: Token) -> int | None:
        return self.things.get(token.i) if self.things else None

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


# A sentence's end: a word (not an initial: "U.S. Customs") and its stop.
_SENTENCE_END = re.compile(r"[^\W\d_]{2}[.!?…][\"'”’)\]]*(?:\s|$)")
# … or a number, a percentage, a bracket or a quote: "died aged 70.", "rose 5%.",
# "… are \"false\".", "for $11bn (£6bn)."
_SENTENCE_END_ANY = re.compile(r"(?:[^\W\d_]{2}|[\d%)\]\"'”’])[.!?…][\"'”’)\]]*(?:\s|$)")


def _prose(paragraph: str, headline: str | None, numbers: bool = True) -> bool:
    """True for a paragraph that tells the story: it has a sentence (a byline may
    follow it) and is not the headline again. Pages put credits ("Written by:"), a
    byline's name, subheads and the title itself at the top of the body, where the lead
    is looked for."""
    text = " ".join(paragraph.split())
    if not (_SENTENCE_END_ANY if numbers else _SENTENCE_END).search(text):
        return False
    return not headline or text.casefold() != " ".join(headline.split()).casefold()


@dataclass
class Frame:
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
    headline: str | None = None,
    headline_is_lead: bool = False,
    section: str | None = None,
    mentions: dict[int, int] | None = None,
    settings: EventSettings = ALL_ON,
    things: dict[int, int] | None = None,
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
    body = list(layout.body)
    if settings.prose_opening:
        numbers = settings.prose_numbers
        body = [p for p in body if _prose(source[p.start : p.end], headline, numbers)] or body
    lead = [s for s in (layout.headline_span, layout.description_span) if s is not None]
    lead.extend(body[:1])
    opening = [s for s in (layout.description_span,) if s is not None] + body[:2]
    return Context(
        doc,
        entities,
        ents,
        surface,
        dates,
        view,
        source,
        lead,
        opening,
        published,
        dateline_place,
        headline,
        headline_is_lead,
        section.casefold() if section else None,
        mentions,
        settings,
        things,
    )


def thing_tokens(
    doc: Doc, view: TextView, entities: list[Entity], mentions: list[Mention]
) -> dict[int, int]:
    """Token index → Thing entity for the tokens of the article's mentions of works and
    products, which extraction keeps out of the names events see (mentions count in
    the source text, tokens in the view)."""
    spans = sorted(
        (m.start, m.end, m.entity) for m in mentions if entities[m.entity].type == "Thing"
    )
    if not spans:
        return {}
    starts = [start for start, _, _ in spans]
    out: dict[int, int] = {}
    for token in doc:
        offset = view.to_source(token.idx)
        j = bisect_right(starts, offset) - 1
        if j >= 0 and offset < spans[j][1]:
            out[token.i] = spans[j][2]
    return out
