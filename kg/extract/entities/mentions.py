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

from kg.extract.entities import cues, recover
from kg.extract.entities.decide import Group, decide_types
from kg.extract.entities.found import Found
from kg.extract.entities.knowledge import Knowledge, apply_knowledge
from kg.extract.entities.names import canonical_keys
from kg.extract.entities.profile import person_profile
from kg.extract.entities.spans import ROLE_WORDS, clean_span, role_only, spans_of
from kg.extract.page.view import Casing, TextView
from kg.lexicon.gazetteer import fold, gazetteer
from kg.lexicon.words import is_english_word, is_given_name
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


def spacy_mentions(doc: Doc) -> list[Found]:
    """spaCy's people, places and organisations, cut to clean name spans."""
    found: list[Found] = []
    text = doc.text  # built from the tokens on every access: read it once
    for ent in doc.ents:
        kind = LABELS.get(ent.label_)
        if kind is None:
            continue
        for a, b in spans_of(text, ent.start_char, ent.end_char, person=kind == "Person"):
            if kind == "Person" and role_only(text[a:b]):
                continue  # "Roman Catholic Archbishop": a description, not a name
            found.append(Found(a, b, text[a:b], kind, fold(text[a:b])))
    return found


@dataclass
class _Context:
    """What the rules know about one article's text, computed once."""

    doc: Doc
    datelines: set[tuple[int, int]]
    cues: dict[tuple[int, int], tuple[Counter[str], bool]] = field(default_factory=dict)

    def around(self, start: int, end: int) -> tuple[Counter[str], bool]:
        """Cue votes for a mention and whether it is locative (cached by span)."""
        key = (start, end)
        if key not in self.cues:
            votes: Counter[str] = Counter()
            locative = False
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                votes = cues.span_votes(self.doc, span)
                if key in self.datelines:
                    votes["Place"] += 3
                    locative = True
                else:
                    locative = cues.is_locative(self.doc, span)
            self.cues[key] = (votes, locative)
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
        if context is not None:
            votes, locative = context.around(m.start, m.end)
            g.votes.update(votes)
            g.cues.update(votes)
            g.locative += locative
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


def _surname_of_note(word: str) -> bool:
    """A last name worth finding alone: not an initial, a role word or a country's name."""
    kind = gazetteer().place_kind(word)
    return (
        not word.endswith(".")
        and word.casefold() not in ROLE_WORDS
        and kind not in ("Country", "Region", "Place", "AdministrativeArea")
    )


def _propagate(found: list[Found], groups: dict[str, Group], text: str) -> list[Found]:
    """Other occurrences of the article's names, and surnames of its people."""
    taken = [False] * len(text)
    recover.mark(taken, ((f.start, f.end) for f in found))
    lower = recover.lowercase_words(text)
    added: list[Found] = []
    forms: dict[str, tuple[EntityType, int]] = {}
    for g in groups.values():
        for form in g.forms:
            forms.setdefault(form, (g.type, g.known))
        words = max(g.forms, key=g.forms.__getitem__).split()
        if g.type == "Person" and len(words) >= 2 and _surname_of_note(words[-1]):
            forms.setdefault(words[-1], ("Person", -1))
    for form in sorted(forms, key=lambda f: (-len(f), f)):
        if len(form) < 2 or not form[0].isupper():
            continue
        kind, known = forms[form]
        for a, b in recover.occurrences(text, form, taken, lower):
            added.append(Found(a, b, form, kind, fold(form), origin="repeat", known=known))
            recover.mark(taken, [(a, b)])
    return added


def _drop_common_words(found: list[Found], text: str) -> list[Found]:
    """Without one-word "names" that are nationality words or only a common word
    opening a sentence.

    "Attendance", "Extras": a common English word, capitalised only because it
    starts a sentence or line, that the article never capitalises elsewhere,
    that is neither a known place nor a given name, is not a name.
    """
    casing = Casing.of(text.split("\n"))
    gaz = gazetteer()
    kept = []
    for f in found:
        word = f.text
        demonym = gaz.is_people_word(word) and not gaz.is_place_name(word)
        if f.origin == "model" and " " not in word and demonym:
            continue  # "Slovak", "Africans": a nationality, not a name
        if (
            f.origin == "model"
            and " " not in word
            and recover.sentence_start(text[max(0, f.start - 40) : f.start])
            and word.casefold() not in casing.capitalised
            and is_english_word(word)
            and not gaz.is_place_name(word)
            and not is_given_name(word)
        ):
            continue
        kept.append(f)
    return kept


def _common_word(name: str) -> bool:
    """A one-word name that is a common English word ("Wheat" in a prices table)."""
    return " " not in name and is_english_word(name) and not gazetteer().is_place_name(name)


def find_mentions(doc: Doc, found: list[Found], knowledge: Knowledge | None) -> list[Found]:
    """All mentions of the article, typed: model spans, knowledge, recovered names."""
    text = doc.text
    found = _drop_common_words(apply_knowledge(doc, found, knowledge), text)
    taken = [False] * len(text)
    recover.mark(taken, ((f.start, f.end) for f in found))
    sports = cues.is_sports(text)
    rows = list(recover.competitors(text))
    if sports or len(rows) >= 3:
        rows = [r for r in rows if sports or not _common_word(text[r[0] : r[1]])]
        sports = True
    if sports:
        at = {(f.start, f.end): f for f in found}
        for a, b in [*rows, *recover.prose_competitors(text)]:
            if (a, b) in at:
                at[a, b].competitor = True
            elif not any(taken[a:b]):
                name = text[a:b]
                found.append(
                    Found(
                        a, b, name, "Organization", fold(name), origin="competitor", competitor=True
                    )
                )
                recover.mark(taken, [(a, b)])
    people = {(f.start, f.end) for f in found if f.type == "Person"}
    at = {(f.start, f.end): f for f in found}
    for a, b in recover.list_people(text, people):
        if (a, b) in at:
            at[a, b].type = "Person"  # typed otherwise by the model, a person by its list
        elif not any(taken[a:b]):
            found.append(Found(a, b, text[a:b], "Person", fold(text[a:b]), origin="list"))
    context = _Context(doc, _datelines(text))
    for a, b in sorted(context.datelines):
        if not any(taken[a:b]) and gazetteer().is_place_name(text[a:b]):
            found.append(Found(a, b, text[a:b], "Place", fold(text[a:b]), origin="dateline"))
    groups = _groups(found, context)
    decide_types(groups, sports)
    found = [m for m in found if not groups[m.key].thing]
    groups = {k: g for k, g in groups.items() if not g.thing}
    found = found + _propagate(found, groups, text)
    groups = _groups(found, context)
    decide_types(groups, sports)
    found = [m for m in found if not groups[m.key].thing]
    for m in found:
        m.type = groups[m.key].type
    return sorted(found, key=lambda f: f.start)


def build_entities(
    doc: Doc,
    found: list[Found],
    view: TextView,
    source: str,
    knowledge: Knowledge | None = None,
) -> tuple[list[Entity], list[Mention], list[Found]]:
    """Entities and source-offset mentions of one article from its cleaned spaCy mentions.

    Returns the entities, their mentions (offsets into ``source``) and every
    Found (offsets into the view) with ``entity`` set to its entity's index.
    """
    found = find_mentions(doc, found, knowledge)
    groups = _groups(found, None)
    for m in found:
        groups[m.key].type = m.type
    canonical = canonical_keys(groups, view.text)
    entities = _entities(found, groups, canonical, knowledge)
    mentions: list[Mention] = []
    for m in found:
        entity = entities[m.entity]
        # Every form the text uses, places included ("U.S." for United States, "Britain"
        # for United Kingdom): the canonical GeoNames name is rarely what articles write.
        variant = m.text.casefold() != entity.name.casefold()  # "VLADIVOSTOK" is no new name
        if variant and m.text not in entity.alternate_names:
            entity.alternate_names.append(m.text)
        if entity.type == "Person":
            _add_profile(entity, doc, m)
        span = view.span_to_source(m.start, m.end)
        mentions.append(Mention(span.start, span.end, source[span.start : span.end], m.entity))
    for entity in entities:
        entity.alternate_names.sort()
    return entities, mentions, found


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
                entity = Entity(type=g.type, name=name)
                if g.type == "Place":
                    entity.geo = gaz.resolve(name)
                    if entity.geo is not None:
                        entity.name = entity.geo.name
                entities.append(entity)
        m.entity = order[target]
        m.type = entities[m.entity].type
    return entities


def _add_profile(entity: Entity, doc: Doc, m: Found) -> None:
    profile = person_profile(doc, m.start, m.end)
    for title in profile.job_titles:
        if title.casefold() not in {t.casefold() for t in entity.job_titles}:
            entity.job_titles.append(title)
    entity.nationality = entity.nationality or profile.nationality
