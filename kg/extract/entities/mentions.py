"""People, places and organisations of one article, from spaCy's entities plus rules.

spaCy's spans are the raw material; the rules make them publishable:

1. spans are cut to names (kg.extract.spans): "the", possessives, role and
   nationality words, scores, separators;
2. entries of a newsroom authority file and EntityRuler patterns win over the
   model where they match (kg.extract.knowledge);
3. names the model missed are recovered where the evidence is strong
   (kg.extract.recover): competitors in sports results, people in lists;
4. each surface form gets one type from all its mentions, the words around
   them (kg.extract.cues) and the gazetteer (kg.extract.decide);
5. every other occurrence of a known name becomes a mention too;
6. short forms join their full name, acronyms their expansion, places their
   GeoNames record (kg.extract.names); titles and nationality words before a
   person become jobTitle / nationality (kg.extract.profile).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

from kg.extract.entities import (
    common,
    cues,
    inverted,
    learned,
    missed,
    nested,
    nicknames,
    placecues,
    recover,
    shapes,
    things,
    workcues,
)
from kg.extract.entities.decide import Group, decide_types
from kg.extract.entities.found import Found
from kg.extract.entities.knowledge import Knowledge, apply_knowledge
from kg.extract.entities.names import canonical_keys
from kg.extract.entities.profile import person_profile
from kg.extract.entities.repeats import repeats
from kg.extract.entities.rules import ALL_RULES, Rules
from kg.extract.entities.spans import clean_span, role_only, spans_of, unbracketed
from kg.extract.page.view import TextView
from kg.lexicon.gazetteer import fold, gazetteer
from kg.model import Entity, EntityType, Mention

__all__ = ["Found", "build_entities", "clean_span", "spacy_mentions"]

LABELS: dict[str, EntityType] = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
}
_DATE = r"(?:\d{4}-\d\d-\d\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2})"
_DATELINE = re.compile(
    rf"^(?P<place>[^\d,\n]{{2,40}}?)(?: ?, ?(?P<region>[^\d,\n]{{2,40}}?))? ?,? {_DATE}"
)


def spacy_mentions(doc: Doc, rules: Rules = ALL_RULES) -> list[Found]:
    """spaCy's people, places and organisations (and, with ``rules.things``, works,
    products and laws), cut to clean name spans."""
    found: list[Found] = []
    text = doc.text  # built from the tokens on every access: read it once
    covered = 0  # where the last span, run on to its head word, ended
    for ent in doc.ents:
        if ent.start_char < covered:
            continue  # inside a name run on to its head word
        kind = LABELS.get(ent.label_)
        thing = things.MODEL_LABELS.get(ent.label_) if rules.things else None
        end = ent.end_char
        if rules.things and (kind is not None or thing is not None):
            end = covered = things.extended_end(text, ent.start_char, ent.end_char)
        if thing is not None:
            for a, b in spans_of(text, ent.start_char, end, False, False, rules=rules):
                found.append(Found(a, b, text[a:b], "Thing", fold(text[a:b]), kind=thing))
        if kind is None:
            continue
        person = kind == "Person"
        for a, b in spans_of(text, ent.start_char, end, person, rules.descriptors, rules=rules):
            name: str | None = text[a:b]
            if rules.brackets:
                a, b, name = unbracketed(text, a, b, person) or (a, b, None)
            if name is None or kind == "Person" and role_only(name):
                continue  # "Roman Catholic Archbishop": a description, not a name
            found.append(Found(a, b, name, kind, fold(name)))
    return found


@dataclass
class _Context:
    """What the rules know about one article's text, computed once."""

    doc: Doc
    datelines: set[tuple[int, int]]
    rules: Rules
    sports: bool = False
    cues: dict[tuple[int, int], tuple[Counter[str], bool, str | None]] = field(default_factory=dict)

    def around(self, start: int, end: int) -> tuple[Counter[str], bool, str | None]:
        """Cue votes for a mention, whether it is locative and the class a noun next to
        it names ("the film X"), cached by span."""
        key = (start, end)
        if key not in self.cues:
            votes: Counter[str] = Counter()
            locative = False
            kind = None
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                votes = cues.span_votes(self.doc, span, self.sports, self.rules.person_verbs)
                votes.update(placecues.place_votes(self.doc, span, self.rules, self.sports))
                if self.rules.plural_names:
                    votes.update(shapes.plural_votes(self.doc, span))
                if key in self.datelines:
                    votes["Place"] += 3
                    locative = True
                else:
                    locative = cues.is_locative(self.doc, span)
                kind = things.cue_class(self.doc, span) if self.rules.things else None
                if kind is None and self.rules.things and self.rules.work_cues:
                    kind = workcues.work_class(self.doc, span)
            self.cues[key] = (votes, locative, kind)
        return self.cues[key]


def _groups(found: list[Found], context: _Context | None) -> dict[str, Group]:
    """Mentions grouped by surface form, with their votes (when ``context`` is given)."""
    groups: dict[str, Group] = {}
    for m in found:
        g = groups.get(m.key)
        if g is None:
            g = groups[m.key] = Group(m.key, first=m.start)
        g.forms[m.text] += 1
        g.mentions += 1
        g.first = min(g.first, m.start)
        if m.known >= 0:
            g.known, g.type = m.known, m.type  # an authority entry's type is final
        g.competitor = g.competitor or m.competitor
        if m.origin == "competitor":
            continue  # the line's shape says competitor, not which type
        g.votes[m.type] += 1
        if m.origin in ("citation", inverted.ORIGIN):  # an author cited or listed: a clear cue
            g.votes["Person"] += 2
            g.cues["Person"] += 2
        if m.origin == missed.PUBLISHER:  # the site's own name: its publisher
            g.votes["Organization"] += 2
            g.cues["Organization"] += 2
        if m.kind:
            g.kinds[m.kind] += 1
        if context is not None:
            votes, locative, kind = context.around(m.start, m.end)
            g.votes.update(votes)
            g.cues.update(votes)
            g.locative += locative
            if kind:
                g.kinds[kind] += 2
    return groups


def _datelines(text: str) -> set[tuple[int, int]]:
    """Spans of the place names of a dateline line near the top ("LONDON 1996-12-06")."""
    spans: set[tuple[int, int]] = set()
    for n, (pos, line) in enumerate(recover.lines(text)):
        if n > 8:
            break
        m = _DATELINE.match(line)
        if m and len(line) < 80:
            for group in ("place", "region"):
                if m.group(group):
                    spans.add((pos + m.start(group), pos + m.end(group)))
    return spans


def find_mentions(
    doc: Doc,
    found: list[Found],
    knowledge: Knowledge | None,
    rules: Rules = ALL_RULES,
    site: str | None = None,
) -> list[Found]:
    """All mentions of the article, typed: model spans, knowledge, recovered names; with
    ``rules.learned``, the learned decision has the last word on each name's type.
    ``site``: the word the article's web address names its site by (missed.site_name)."""
    found, groups, sports = typed_groups(doc, found, knowledge, rules, site)
    if rules.learned:
        ev = learned.evidence(doc, found, groups, sports)
        learned.decide(groups, ev, learned.load(rules.weights))
        found = [m for m in found if not groups[m.key].thing]
    for m in found:
        m.type, m.kind = groups[m.key].type, groups[m.key].kind
    return sorted(found, key=lambda f: f.start)


def typed_groups(
    doc: Doc,
    found: list[Found],
    knowledge: Knowledge | None,
    rules: Rules = ALL_RULES,
    site: str | None = None,
) -> tuple[list[Found], dict[str, Group], bool]:
    """The mentions, their groups as the rules typed them (the learned decision aside)
    and whether the text reads as a sports report; what tools/train_types.py learns from."""
    text = doc.text
    found = apply_knowledge(doc, found, knowledge)
    if rules.nicknames:
        found = nicknames.join_nicknamed(found, text)
    if rules.inverted_names:
        found = inverted.join_inverted(found, text)
    if rules.common_words:
        found = common.drop_common_words(found, text, rules.common_towns)
    taken = [False] * len(text)
    recover.mark(taken, ((f.start, f.end) for f in found))
    sports = cues.is_sports(text)
    if rules.citations:
        missed.cited(found, text, taken, rules.citation_forms)
    if rules.recover:
        sports = missed.competitors_and_lists(found, text, taken, sports)
    if rules.list_places:
        missed.listed_places(found, text, taken)
    if rules.given_names:
        missed.given_names(found, text, taken)
    if rules.publisher and site:
        missed.publisher_named(found, text, taken, site)
    datelines = _datelines(text)
    context = _Context(doc, datelines, rules, sports) if rules.cues else None
    for a, b in sorted(datelines):
        if not any(taken[a:b]) and gazetteer().is_place_name(text[a:b]):
            found.append(Found(a, b, text[a:b], "Place", fold(text[a:b]), origin="dateline"))
    groups = _groups(found, context)
    _decide(groups, sports, text, rules)
    found = [m for m in found if not groups[m.key].thing]
    groups = {k: g for k, g in groups.items() if not g.thing}
    if rules.propagate:
        found = found + repeats(found, groups, text)
        groups = _groups(found, context)
        _decide(groups, sports, text, rules)
        found = [m for m in found if not groups[m.key].thing]
    return found, groups, sports


def _decide(groups: dict[str, Group], sports: bool, text: str, rules: Rules) -> None:
    """Types for the groups; common words and terms marked as no names (``thing``)."""
    decide_types(
        groups,
        sports,
        rules.decide,
        rules.things,
        rules.place_parts,
        for_heads=rules.for_heads,
        work_heads=rules.work_heads,
        plan_heads=rules.plan_heads,
        placed=rules.place_over_shape,
        class_nouns=rules.class_over_shape,
    )
    if rules.plural_names:
        shapes.groups_not_people(groups)
    if rules.caps_names:
        shapes.caps_people(groups)
    if rules.common_words:
        for key in common.not_names(groups, text, sports):
            groups[key].thing = True
    if rules.concept_acronyms:
        for key in shapes.concept_acronyms(groups, text, sports):
            groups[key].thing = True


def build_entities(
    doc: Doc,
    found: list[Found],
    view: TextView,
    source: str,
    knowledge: Knowledge | None = None,
    rules: Rules = ALL_RULES,
    site: str | None = None,
) -> tuple[list[Entity], list[Mention], list[Found]]:
    """Entities and source-offset mentions of one article from its cleaned spaCy mentions.

    ``site``: the word the article's web address names its site by (its publisher).

    Returns the entities, their mentions (offsets into ``source``) and the
    Founds (offsets into the view) of people, places and organisations, with
    ``entity`` set to its entity's index.
    """
    model = list(found)
    found = find_mentions(doc, found, knowledge, rules, site)
    events = nested.named_events(doc, model, found) if rules.event_nested else []
    groups = _groups(found, None)
    for m in found:
        groups[m.key].type, groups[m.key].kind = m.type, m.kind
    if rules.short_forms:
        canonical = canonical_keys(groups, view.text, rules.joins)
    else:
        canonical = {key: key for key in groups}
    entities = _entities(found, groups, canonical, knowledge)
    placecues.places_in_context(found, entities, view.text, rules.qualified_names)
    mentions: list[Mention] = []
    for m in found:
        entity = entities[m.entity]
        # Every form the text uses, places included ("U.S." for United States, "Britain"
        # for United Kingdom): the canonical GeoNames name is rarely what articles write.
        variant = m.text.casefold() != entity.name.casefold()  # "VLADIVOSTOK" is no new name
        if variant and m.text not in entity.alternate_names:
            entity.alternate_names.append(m.text)
        written = view.text[m.start : m.end]  # "Ivan 'Ice' Kovac" of Ivan Kovac
        as_written = m.origin in (nicknames.ORIGIN, inverted.ORIGIN)  # "Kell, Ada" too
        if as_written and written not in entity.alternate_names:
            entity.alternate_names.append(written)
        if entity.type == "Person":
            _add_profile(entity, doc, m)
        span = view.span_to_source(m.start, m.end)
        mentions.append(Mention(span.start, span.end, source[span.start : span.end], m.entity))
    if rules.nested:
        mentions += _nested(found, events, entities, view, source)
        mentions.sort(key=lambda m: (m.start, -m.end))
    for entity in entities:
        entity.alternate_names.sort()
    # Events take their attendees and places from these: works and products are neither.
    return entities, mentions, [m for m in found if m.type != "Thing"]


def _entities(
    found: list[Found],
    groups: dict[str, Group],
    canonical: dict[str, str],
    knowledge: Knowledge | None,
) -> list[Entity]:
    gaz = gazetteer()
    order: dict[str, int] = {}
    entities: list[Entity] = []
    for m in found:
        target = canonical[m.key]
        g = groups[target]
        if target not in order:
            order[target] = len(entities)
            if g.known >= 0 and knowledge is not None:
                entities.append(knowledge.entity(g.known))
            else:
                name = max(g.forms, key=lambda f: (g.forms[f], len(f), f))
                entity = Entity(type=g.type, name=name, kind=g.kind)
                if g.type == "Place":
                    entity.geo = gaz.resolve(name)
                    if entity.geo is not None:
                        entity.name = entity.geo.name
                entities.append(entity)
        m.entity = order[target]
        m.type = entities[m.entity].type
    return entities


def _nested(
    found: list[Found], events: list[Found], entities: list[Entity], view: TextView, source: str
) -> list[Mention]:
    """Mentions of the places and people named inside other names (kg.extract.entities
    .nested); entities the article did not have yet are added to ``entities``."""
    out = []
    for start, end, entity in nested.nested_names(found, entities, events):
        index = next((i for i, e in enumerate(entities) if e is entity), len(entities))
        if index == len(entities):
            entities.append(entity)
        span = view.span_to_source(start, end)
        out.append(Mention(span.start, span.end, source[span.start : span.end], index, True))
    return out


def _add_profile(entity: Entity, doc: Doc, m: Found) -> None:
    profile = person_profile(doc, m.start, m.end)
    for title in profile.job_titles:
        if title.casefold() not in {t.casefold() for t in entity.job_titles}:
            entity.job_titles.append(title)
    entity.nationality = entity.nationality or profile.nationality
