"""The main event of a news article: the happening it reports, read from its lead.

News tells its story in the first sentence ("the prime minister has met the president in
Washington"), so kg reads the main clause of the opening's first two sentences:
the root, the verbs conjoined to it, the clause a verb of saying reports, and
the nouns these verbs govern ("held talks", "attended the premiere", "a
summit in Lisbon agreed"). With ``third_sentence`` (measured, off) a third sentence is
read when those two report nothing, only for a happening with a named participant; a
second or third sentence dated to the past ("X last year seized …") is the backstory.
Its candidates, best first:

1. an event the detector found on that clause (kg.extract.events);
2. the statement itself, when the root is a verb of saying with a named speaker
   and the reported clause has no event of its own ("Mike Ruddock says …");
3. an event elsewhere in those sentences that the headline names.

A candidate the headline shares words with (a participant's name, a word of its
type: "Federer claims Dubai crown") comes before one it does not. An article
whose headline is a question, or whose lead speaks in the first or second person,
reports no main event, and neither does one whose lead has none of these: a
feature or an opinion piece is not made to have one.

The main event is published without a place or a date (kg.link.events); when
its clause names no place it is placed at the dateline, else at the one place
its sentence names.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from kg.extract.events import clauses as cl
from kg.extract.events import detect as detector
from kg.extract.events.context import Context, Frame
from kg.extract.events.kind import verb
from kg.extract.events.language import english
from kg.extract.events.leadclause import a_statement, clause_event
from kg.extract.events.placetime import most_specific, own_place
from kg.extract.events.statements import ADDRESSING, ATTACKING, DOUBTING, statement_kind
from kg.extract.events.triggers import BY_KEY
from kg.lexicon.gazetteer import fold
from kg.model import Event

LEAD_SENTENCES = 2
_SPINE_ARGS = {"dobj", "attr", "nsubj", "nsubjpass", "oprd", "dative"}
_SPINE_CLAUSES = {"ccomp", "xcomp", "parataxis"}
_SELF = {"i", "we", "you"}  # a lead in the first or second person is no report
# Case matters: "US" is no "us".
_FIRST_PERSON = {"I", "me", "my", "My", "we", "We", "us", "our", "Our"}
_AGO = re.compile(r"\b(?:years|decades|centuries)\s+ago\b", re.IGNORECASE)
# "last year", "two years ago", "previously": when the background happened.
_PAST_WHEN = re.compile(r"^(?:last\b|previously\b|.*\bago\b)", re.IGNORECASE)
_IN_YEAR = re.compile(r"^in (?:early |late )?((?:19|20)\d\d)\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]{3,}")
REPORTING = frozenset(verb("", "report"))
_STOP = {"the", "and", "for", "with", "from", "into", "over", "after", "new", "says", "said"}


def detect(ctx: Context) -> list[Event]:
    """Every event the article reports, in text order, its main event marked."""
    found = detector.detect(ctx)
    if not ctx.settings.main:
        return found
    main = _choose(ctx, found)
    if main is None:
        return found
    main.main = True
    if main.location is None and ctx.settings.place_fallback:
        main.fallback_location = _fallback_place(ctx, main)
    if main not in found:
        found.append(main)
        found.sort(key=lambda e: e.trigger_span.start if e.trigger_span else 0)
    return found


Key = tuple[int, int, int]  # (sentence, tier, rank): lower is better


def _choose(ctx: Context, found: list[Event]) -> Event | None:
    if ctx.settings.genre and (ctx.headline or "").rstrip().endswith("?"):
        return None
    ranked: list[tuple[Key, Event]] = []
    extra = 1 if ctx.settings.third_sentence else 0
    for n, sent in enumerate(lead_sentences(ctx, LEAD_SENTENCES + extra)):
        if n >= LEAD_SENTENCES and ranked:
            break  # a third sentence only when the first two report nothing
        if ctx.settings.later_backstory and n > 0 and _told_as_past(sent, ctx.published):
            continue
        if not (ctx.settings.genre and _no_report(sent)):
            found_here = _candidates(ctx, sent, n, found)
            # past the first two, only a happening someone named takes part in
            ranked += [c for c in found_here if n < LEAD_SENTENCES or c[1].attendees]
    if not ranked:
        return None
    if not ctx.settings.headline:
        return min(ranked, key=lambda r: r[0])[1]
    words = headline_words(ctx.headline)
    scored = [(not _named_by(ctx, event, words), key, event) for key, event in ranked]
    scored = [s for s in scored if s[1][1] != 2 or not s[0]]  # off the spine: only if named
    if not scored:
        return None
    return min(scored, key=lambda s: (s[0], s[1]))[2]


def _no_report(sent: SpacySpan) -> bool:
    """A lead in the first person, from the backstory, or a claim ("…, a book claims",
    the last word read as a noun) reports no news of its own."""
    if _first_person(sent) or _backstory(sent):
        return True
    return _doubted(sent) and sent.root.lower_ not in DOUBTING


def _candidates(
    ctx: Context, sent: SpacySpan, n: int, found: list[Event]
) -> list[tuple[Key, Event]]:
    """The sentence's candidates: events on its main clause (tier 0), its statement (1),
    events the headline names elsewhere in it (2), the clause as a happening (3)."""
    out: list[tuple[Key, Event]] = []
    statement = _statement(ctx, sent) if ctx.settings.statements else None
    if statement is not None:
        out.append(((n, 1, 0), statement))
    by_start = {e.trigger_span.start: e for e in found if e.trigger_span is not None}
    spine = [t for t in _spine(sent) if not cl.past_perfect(t)]  # "had met": backstory
    for rank, token in enumerate(spine):
        event = by_start.get(ctx.view.to_source(token.idx)) or _placed_only(ctx, token)
        if event is not None:
            out.append(((n, 0, rank), event))
    # The lead's own clause; a later one only when the headline tells the same story.
    if ctx.settings.clause and (n == 0 or _shares(headline_words(ctx.headline), _words(sent))):
        out += [((n, 3, r), e) for r, e in enumerate(_clauses(ctx, sent, statement))]
    if ctx.settings.headline:
        on_spine = {ctx.view.to_source(t.idx) for t in spine}
        for start, event in by_start.items():
            if _in(ctx, event, sent) and start not in on_spine:
                out.append(((n, 2, start), event))
    return out


def lead_sentences(ctx: Context, limit: int = LEAD_SENTENCES) -> list[SpacySpan]:
    """The first sentences of the story (standfirst, first paragraphs), not the headline.
    A feature's opening often sets a scene in two sentences before its news ("Fast and
    efficient – talk about alignment. … Together, they led Vanta's shift to …")."""
    headline = "" if ctx.headline_is_lead else fold(ctx.headline or "")
    out: list[SpacySpan] = []
    for sent in ctx.doc.sents:
        start = ctx.view.to_source(sent.start_char)
        if not any(s.start <= start < s.end for s in ctx.opening):
            continue
        text = sent.text.strip()
        if len(text) < 2 or fold(text) == headline:
            continue
        if ctx.settings.english_only and not english(sent):
            continue
        out.append(sent)
        if len(out) == limit:
            break
    return out


def _doubted(sent: SpacySpan) -> bool:
    """True when the sentence ends with a doubting attribution: "…, the report claims"."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    return bool(words) and words[-1].lower_ in DOUBTING


def _first_person(sent: SpacySpan) -> bool:
    """A lead that speaks in the first or second person outside quotes is no report."""
    if any(c.lower_ in _SELF for c in cl.kids(sent.root, *cl.SUBJECTS)):
        return True
    quoted = False
    for t in sent:
        if t.is_quote:
            quoted = not quoted
        elif not quoted and t.text in _FIRST_PERSON:
            return True
    return False


def _backstory(sent: SpacySpan) -> bool:
    """ "Three decades ago, Thomas Malone…": a lead that starts from the past."""
    return bool(_AGO.search(sent.text))


def _told_as_past(sent: SpacySpan, published: date | None) -> bool:
    """ "The Kremlin last year seized …": a later lead sentence whose clause is dated to
    the past tells the background of the first one's news, not the news. "In 2003" is
    the past only before the year of publication (undated news may be of that year)."""
    for c in sent.root.children:
        if c.dep_ not in ("npadvmod", "advmod", "prep"):
            continue
        text = phrase_text(c)
        if c.dep_ != "prep" and _PAST_WHEN.search(text):
            return True
        year = _IN_YEAR.search(text) if c.lower_ in ("in", "during") else None
        if year and published is not None and int(year[1]) < published.year:
            return True
    return False


def phrase_text(token: Token) -> str:
    return "".join(t.text_with_ws for t in token.subtree)


def _spine(sent: SpacySpan) -> list[Token]:
    """The sentence's main clause: its verbs, then what they govern, in reading order."""
    heads = [sent.root]
    for head in heads:  # grows as it goes: conjoined verbs, reported and complement clauses
        reported = _SPINE_CLAUSES if head.lower_ not in DOUBTING else {"xcomp"}
        heads += [c for c in head.children if c.dep_ == "conj" or c.dep_ in reported]
        if len(heads) > 12:
            break
    # "… is in hospital after suffering a stroke": the -ing clause of the root's adjunct
    heads += [p for c in cl.kids(sent.root, "prep") for p in cl.kids(c, "pcomp")]
    out: list[Token] = []
    for head in heads:
        out.append(head)
        for c in head.children:
            if c.dep_ in _SPINE_ARGS:
                out.append(c)
            elif c.dep_ in ("prep", "agent"):
                out += cl.kids(c, "pobj")
    return list(dict.fromkeys(out))


def _placed_only(ctx: Context, token: Token) -> Event | None:
    """An event of the lead's clause that names a place but nobody: "a press
    briefing in Lisbon was told" (the detector wants a date as well)."""
    for kind in detector.kinds_of(ctx, token.lower_):
        frame = detector.frame_of(ctx, token, kind)
        event = detector.event_of(ctx, frame, place_will_do=True) if frame else None
        if event is not None:
            return event
    return None


def _clauses(ctx: Context, sent: SpacySpan, statement: Event | None) -> list[Event]:
    """The lead's clause as a happening; under a verb of saying whose speaker is
    unnamed, the clause it reports ("X and Y have signed up …, the comedian said")."""
    root = sent.root
    heads = [root]
    if statement is None and a_statement(root):
        heads = [] if root.lower_ in DOUBTING else cl.kids(root, "ccomp", "parataxis")
    elif ctx.settings.reported_clause and _reports_news(root):
        heads = cl.kids(root, "ccomp", "parataxis")  # "…, the Daily Planet reported"
    return [e for h in heads if (e := clause_event(ctx, h)) is not None]


def _reports_news(root: Token) -> bool:
    """ "X has happened, a newspaper reported": the outlet that reports is not the news;
    "reported a loss" (an object) is a company's own news."""
    return root.lower_ in REPORTING and not cl.kids(root, "dobj")


def _statement(ctx: Context, sent: SpacySpan) -> Event | None:
    """The lead's statement: a verb of saying at its root, with a named speaker."""
    root = sent.root
    kind = statement_kind(root.lower_)
    if kind is None or cl.past_perfect(root):
        return None  # "had earlier said": the background, not the news
    if kind is ADDRESSING and root.lower_ in ATTACKING and cl.is_passive(root):
        return None  # "was attacked by a gang": words are attacks by a speaker, in the active
    frame = detector.verb_frame(ctx, root, kind)
    if frame is None:
        return None
    event = detector.event_of(ctx, frame)
    if event is None:
        return None
    if not event.agents and not (kind is ADDRESSING and cl.is_passive(root)):
        return None  # "the singer told a local radio station": no named speaker
    return event


def _in(ctx: Context, event: Event, sent: SpacySpan) -> bool:
    span = event.trigger_span
    if span is None:
        return False
    return ctx.view.to_source(sent.start_char) <= span.start < ctx.view.to_source(sent.end_char)


def headline_words(headline: str | None) -> set[str]:
    return {w for w in _WORD.findall(fold(headline or "")) if w not in _STOP}


def _words(sent: SpacySpan) -> set[str]:
    return {w for w in _WORD.findall(fold(sent.text)) if w not in _STOP}


def _shares(a: set[str], b: set[str]) -> bool:
    """True when a word of ``a`` is in ``b``, or one begins the other (four letters or
    more: "mobile"/"mobiles", "report"/"reported", "Iraq"/"Iraqi")."""
    if a & b:
        return True
    return any(
        len(x) >= 4 and len(y) >= 4 and (x.startswith(y) or y.startswith(x)) for x in a for y in b
    )


def _named_by(ctx: Context, event: Event, words: set[str]) -> bool:
    """True when the headline names a participant or place of the event, or its type."""
    if not words:
        return False
    names: set[str] = set()
    for i in [*event.attendees, *([event.location] if event.location is not None else [])]:
        entity = ctx.entities[i]
        for name in (entity.name, *entity.alternate_names):
            names.update(_WORD.findall(fold(name)))
    kind = BY_KEY.get(event.type)
    forms = set(kind.verbs) | set(kind.nouns) if kind is not None else set()
    forms.add(fold(event.trigger))
    return bool(words & forms) or _shares(words, names)


def _fallback_place(ctx: Context, event: Event) -> int | None:
    """The dateline's place, else the one place its sentence names ("added the Dubai
    Championship trophy"). The place the article mentions most (its contentLocation)
    is often another one (an opponent's country, an earlier match), so it is used only
    when the settings ask for it (the bench measures it)."""
    kind = BY_KEY.get(event.type)
    if event.type == "announcement" or (kind is not None and not kind.placed):
        return None  # where a statement was made the article seldom says
    if ctx.dateline_place is not None and ctx.entities[ctx.dateline_place].geo is not None:
        return ctx.dateline_place
    named = _sentence_places(ctx, event)
    if named is not None or not ctx.settings.content_location:
        return named
    counts = ctx.mentions or {}
    places = [i for i in counts if ctx.entities[i].type == "Place"]
    if not places:
        return None
    best = min(places, key=lambda i: (-counts[i], i))
    return best if ctx.entities[best].geo is not None else None


def _sentence_places(ctx: Context, event: Event) -> int | None:
    """The place the event's sentence names, when it names one (or places that nest).

    With ``own_clause_place`` only a place phrase of the trigger's own clause counts:
    in "was left out of the team for the final in Oslo" Oslo is the final's place,
    not the leaving out's."""
    for sent in ctx.doc.sents:
        if _in(ctx, event, sent):
            trigger = _trigger_token(ctx, event, sent)
            own = ctx.settings.own_clause_place and trigger is not None
            # "in Dubai", "at Heathrow": not "Manchester band Doves" (where they are from)
            found = [
                i
                for t in sent
                if t.dep_ == "pobj" and t.head.lower_ in ("in", "at")
                if not own or own_place(t, trigger)  # type: ignore[arg-type]
                for i in _places(ctx, t)
            ]
            return most_specific(ctx.entities, found)
    return None


def _trigger_token(ctx: Context, event: Event, sent: SpacySpan) -> Token | None:
    span = event.trigger_span
    return next((t for t in sent if span and ctx.view.to_source(t.idx) == span.start), None)


def _places(ctx: Context, token: Token) -> list[int]:
    return [
        i
        for t in (token, *cl.kids(token, "compound", "appos"))
        if (i := ctx.sure_place(t)) is not None
    ]


__all__ = ["Frame", "detect", "headline_words", "lead_sentences"]
