"""Where and when an event happened, and what it was about, from its trigger's clause.

The place is a Place the gazetteer knows without doubt, named in a phrase of the
trigger's clause ("in Vladivostok", "the port city of Vladivostok", "Vladivostok,
where the summit will take place", "Ukraine held an election"), else the
dateline's place for the article's current news. The date is a date expression
of the clause, resolved against the publication date (kg.extract.dates).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from kg.extract.events import clauses as cl
from kg.extract.events.context import Context, Frame
from kg.extract.events.dates import MONTH_ABBR, MONTHS, WEEKDAYS, resolve
from kg.extract.events.triggers import BY_KEY, lookup
from kg.lexicon.gazetteer import contains, gazetteer
from kg.model import Entity

PLACE_PREPS = frozenset({"in", "at", "to", "near", "outside", "inside", "across"})
DATE_PREPS = frozenset({"on", "in", "at", "during"})
ABOUT_PREPS = frozenset({"on", "about", "over"})
_DATE_DEPS = {"npadvmod", "advmod", "tmod", "poss", "compound", "nummod", "amod", "nmod"}
_NAME_DEPS = {"compound", "nummod", "amod", "nmod"}  # "the 2002 summit" but not "the 9/11 attacks"
_YEAR = re.compile(r"\b\d{4}\b")
VISIT = BY_KEY["visit"]
CURRENT = timedelta(days=3)  # an event this close to publication is the dateline's news
SPORTS_SECTIONS = frozenset({"sport", "sports"})
PLACE_NOUNS = frozenset(
    {"city", "town", "village", "port", "capital", "region", "province", "state", "county"}
    | {"island", "islands", "suburb", "district", "area", "outskirts", "centre", "center"}
    | {"heart", "streets", "republic", "kingdom", "country", "municipality", "territory"}
    | {"coast", "north", "south", "east", "west", "parts", "part", "rest", "resort"}
)
_PLACE_RANK = {"City": 3, "AdministrativeArea": 2, "Country": 1}
# Nouns of a sports team: in "Wales's squad" or "Ireland's back row" the country's
# possessive names its team, not where something happened.
TEAM_NOUNS = frozenset(
    {"squad", "squads", "side", "sides", "team", "teams", "pack", "defence", "defense"}
    | {"backs", "forwards", "midfield", "line-up", "lineup", "xv", "eleven", "selectors"}
    | {"bowlers", "batsmen", "batting", "bowling", "players", "coach", "captain"}
)
_ROWS = frozenset({"back row", "front row", "second row"})
# Nouns of a country's own bodies: "Norway's athletics body", even on the sports
# pages, is the country's, not its team's.
_BODY_NOUNS = frozenset(
    {"body", "federation", "association", "union", "board", "ministry", "minister"}
    | {"government", "council", "authorities", "officials", "parliament", "court", "police"}
)


def _anchors(frame: Frame) -> list[Token]:
    """The trigger and the verb whose clause places and dates it."""
    gov = frame.governor
    return [frame.trigger] if gov is None or gov.i == frame.trigger.i else [frame.trigger, gov]


def place_of(ctx: Context, frame: Frame) -> int | None:
    t, kind = frame.trigger, frame.kind
    words = PLACE_PREPS | ({"on"} if kind.key == "attack" else set())
    found: list[int] = []
    for anchor in _anchors(frame):
        for obj in cl.preps(anchor, words):
            found += _places_under(ctx, obj)
    if frame.verbal and kind.key == "visit":
        for obj in cl.kids(t, "dobj"):
            found += _places_under(ctx, obj)
    if frame.verbal and "owners" in kind.roles:  # "China's economy has expanded"
        for arg in cl.kids(t, *cl.SUBJECTS, "dobj"):
            found += [i for c in cl.kids(arg, "poss") if (i := owner_place(ctx, c)) is not None]
        # "Madagascar has completed the switch": a country acting is where it happened
        # (not in the sports pages, where "Ireland beat England" names teams)
        if ctx.section not in SPORTS_SECTIONS:
            found += [i for s in cl.kids(t, *cl.SUBJECTS) if (i := ctx.sure_place(s)) is not None]
    if not frame.verbal and kind.place_modifier:
        modifiers = cl.kids(t, "poss") + ([] if _owned_name(ctx, t) else cl.kids(t, "compound"))
        found += [i for c in modifiers if (i := owner_place(ctx, c)) is not None]
        found += [i for c in cl.kids(t, "amod") if (i := _demonym_place(ctx, c)) is not None]
    gov = frame.governor
    if frame.via == "light" and gov is not None:  # "Ukraine held an election"
        found += [i for s in cl.kids(gov, *cl.SUBJECTS) if (i := ctx.sure_place(s)) is not None]
    if gov is not None and gov.dep_ == "relcl" and any(c.lower_ == "where" for c in gov.children):
        found += _places_under(ctx, gov.head)
    # "met Ada Kell in Oslo", "negotiations with Ivo Marek in Hanoi"; but words are not said
    # where what they are about is: "forecast growth in Asia", "announced a plant in Oslo"
    said = ctx.settings.said_objects and frame.verbal and kind.key == "announcement"
    if not found and not said:
        for arg in _objects(frame):
            for sub in cl.preps(arg, words):
                found += _places_under(ctx, sub)
    if not found and t.dep_ == "pobj" and t.head.lower_ == "for":
        purpose = t.head.head  # "arrived in Beijing for talks"
        if purpose.lower_ in VISIT.verbs:
            for obj in cl.preps(purpose, words):
                found += _places_under(ctx, obj)
    return most_specific(ctx.entities, found)


def owner_place(ctx: Context, modifier: Token) -> int | None:
    """The sure Place a possessive or compound names, unless it names a team."""
    if ctx.settings.team_possessors and modifier.dep_ == "poss" and team(ctx, modifier):
        return None
    return ctx.sure_place(modifier)


def team(ctx: Context, poss: Token) -> bool:
    """True when a possessive place names a sports team: on the sports pages ("Wales's
    fly-half has been ruled out"), or before a team noun ("England's squad")."""
    owned = poss.head  # the head only: "Ireland's defence minister" is no team
    if ctx.section in SPORTS_SECTIONS:
        return owned.lower_ not in _BODY_NOUNS
    words = [w.lower_ for w in owned.doc[poss.i + 1 : owned.i + 1] if not w.is_punct]
    pairs = {" ".join(words[k : k + 2]) for k in range(len(words) - 1)}
    return owned.lower_ in TEAM_NOUNS or bool(_ROWS & pairs)


def _owned_name(ctx: Context, trigger: Token) -> bool:
    """ "Vanta's Oslo summit": an event an organisation owns is named by the word
    before it, a series' name ("its Mobile summit" is about mobile games), not its place."""
    if not ctx.settings.named_event_places:
        return False
    return any(ctx.agent(c) is not None for c in cl.kids(trigger, "poss"))


def _objects(frame: Frame) -> list[Token]:
    """The trigger's objects and ``with``-objects, where a place phrase often hangs."""
    t = frame.trigger
    out = cl.kids(t, "dobj") if frame.verbal else []
    return out + list(cl.preps(t, {"with", "over", "against"}))


def _places_under(ctx: Context, token: Token, depth: int = 3) -> list[int]:
    """Places named by a prepositional object: "the port city of Vladivostok, Russia"."""
    i = ctx.sure_place(token)
    out = [] if i is None else [i]
    if depth == 0:
        return out
    for c in token.children:
        # A possessor counts only on the phrase itself ("at Spain's High Court"), not
        # deeper ("in one of Britain's highest profile cases").
        # "of" only after a noun of place ("the port city of Vladivostok"), not "in
        # charge of Wales" or "in the case of Yukos".
        of = c.lower_ == "of" and token.lower_ in PLACE_NOUNS
        if (
            c.dep_ in ("appos", "compound", "conj")
            or (c.dep_ == "poss" and depth == 3)
            or (c.dep_ == "prep" and (of or c.lower_ in ("in", "at", "near")))
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


def date_of(ctx: Context, frame: Frame) -> str | None:
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
        return _with_day(ctx, ent)
    word = token.text.rstrip(".").casefold()
    if token.text[:1].isupper() and (word in WEEKDAYS or word in MONTHS or word in MONTH_ABBR):
        return "".join(t.text_with_ws for t in token.subtree).strip()
    return None


def _with_day(ctx: Context, ent: SpacySpan) -> str:
    """ "a 14 November 2012 ruling": the model's DATE is "November 2012" and the day
    before it a number of its own; the day is part of the date."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    month = ent[0].text.rstrip(".").casefold()
    if not ctx.settings.day_dates or before is None or not before.text.isdigit():
        return ent.text
    day = (month in MONTHS or month in MONTH_ABBR) and 1 <= int(before.text) <= 31
    return f"{before.text} {ent.text}" if day and before.whitespace_ else ent.text


def most_precise(values: list[str]) -> str | None:
    """The most precise of dates that agree ("2019-04" and "2019-04-25"); None if they don't."""
    if not values:
        return None
    best = max(values, key=len)
    return best if all(best.startswith(v) for v in values) else None


def dateline_place(ctx: Context, frame: Frame, when: str | None) -> int | None:
    """The dateline's place, for the news the article is datelined with."""
    if ctx.dateline_place is None or ctx.entities[ctx.dateline_place].geo is None:
        return None
    if when is not None:
        if ctx.published is None or len(when) != 10:
            return None
        return (
            ctx.dateline_place if abs(date.fromisoformat(when) - ctx.published) <= CURRENT else None
        )
    leads = in_lead(ctx, ctx.view.to_source(frame.trigger.idx))
    anchor = frame.governor or frame.trigger
    return ctx.dateline_place if leads and not cl.past_perfect(anchor) else None


def in_lead(ctx: Context, start: int) -> bool:
    return any(s.start <= start < s.end for s in ctx.lead)


def about_of(ctx: Context, frame: Frame) -> list[int]:
    if frame.verbal:
        return []
    out: list[int] = []
    for obj in cl.preps(frame.trigger, ABOUT_PREPS):
        for t in cl.with_conjuncts(obj):
            i = ctx.entity(t)
            if i is not None and i not in out:
                out.append(i)
    return out


# Edges that leave the trigger's own clause: a relative clause, a reported clause,
# an apposition describing a participant ("X, the largest bakery in Ohio").
_OTHER_CLAUSE = {"relcl", "acl", "advcl", "ccomp", "appos", "parataxis"}
# Prepositions of purpose, opposition and time to come: "the squad for the match in
# Oslo", "ahead of the final in Rome" tell where something else will be.
_ELSEWHERE = {"for", "against", "ahead", "before", "until"}


def own_place(place: Token, trigger: Token) -> bool:
    """True when the place phrase of ``place`` (a prepositional object) belongs to the
    trigger's own clause: the path up to the trigger crosses no other clause, no
    phrase of purpose and no noun that names another happening ("the attack in
    Leeds"). "detained after a brawl outside a nightclub in Leeds" places the arrest."""
    targets = {trigger.i, *(c.i for c in trigger.conjuncts)}
    if not cl.is_verbal(trigger):
        targets.add(trigger.head.i if trigger.dep_ != "pobj" else trigger.head.head.i)
    current = place.head  # the preposition
    for _ in range(12):
        if current.i in targets:
            return True
        if current.dep_ in _OTHER_CLAUSE or current.head.i == current.i:
            return False
        if current.dep_ == "prep" and current.lower_ in _ELSEWHERE:
            return False
        if current.i != place.i and _names_happening(current):
            return False
        current = current.head
    return False


def _names_happening(token: Token) -> bool:
    return any(token.lower_ in k.nouns for k in lookup(token.lower_)) and not cl.is_verbal(token)
