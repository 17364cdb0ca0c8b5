"""People, places and organisations of one article, from spaCy's entities plus rules.

spaCy's spans are the raw material; the rules make them publishable:

* spans are cleaned ("the", possessives, stray whitespace, photo-credit tails);
* a name's type is decided by all its mentions in the article and the
  gazetteer (a known place the article never uses as part of a person's name
  is a Place; a word that is part of a person's full name is that Person);
* short forms join their full name ("Putin" → Vladimir Putin; "Kim" → the
  most mentioned Kim), acronyms their expansion;
* places that are the same GeoNames record are one entity ("U.S." = "United States");
* titles and nationality words before a name become jobTitle / nationality.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc

from kg.extract.view import TextView
from kg.link.gazetteer import fold, gazetteer
from kg.model import Entity, EntityType, Mention

LABELS: dict[str, EntityType] = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
}
_LEADING = re.compile(r"^(?:the|The|THE)\s+")
_TRAILING = re.compile(r"(?:'s|’s|'|’)$")
_EDGE = " \t\n\r\"“”‘’'`.,;:!?()[]{}<>*-–—•|/"
_JUNK = {
    "north",
    "south",
    "east",
    "west",
    "central",
    "the north",
    "the south",
    "the west",
    "the east",
    "western",
    "eastern",
    "northern",
    "southern",
    "photo",
    "reuters photo",
    "afp photo",
    "ap photo",
    "file",
    "pool",
    "getty",
    "getty images",
    "advertisement",
}


@dataclass
class Found:
    """A cleaned mention with its offsets in the view."""

    start: int
    end: int
    text: str
    type: EntityType
    key: str = ""  # the folded surface form
    entity: int = -1


@dataclass
class _Group:
    """All mentions of one surface form."""

    key: str
    forms: Counter[str] = field(default_factory=Counter)
    votes: Counter[str] = field(default_factory=Counter)
    first: int = 0
    type: EntityType = "Person"


def clean_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim articles, possessives, punctuation and credit tails off a span."""
    piece = text[start:end]
    cut = piece.find("/")
    if cut > 0:
        piece = piece[:cut]
    left = len(piece) - len(piece.lstrip(_EDGE))
    piece = piece.strip(_EDGE)
    m = _LEADING.match(piece)
    if m:
        left += m.end()
        piece = piece[m.end() :]
    piece = _TRAILING.sub("", piece).rstrip(_EDGE)
    if len(piece) < 2 or not piece[0].isupper() and not piece[0].isdigit():
        return None
    if not any(c.isalpha() for c in piece) or fold(piece) in _JUNK:
        return None
    return start + left, start + left + len(piece)


def spacy_mentions(doc: Doc) -> list[Found]:
    found: list[Found] = []
    for ent in doc.ents:
        kind = LABELS.get(ent.label_)
        if kind is None:
            continue
        span = clean_span(doc.text, ent.start_char, ent.end_char)
        if span is None:
            continue
        text = doc.text[span[0] : span[1]]
        if "\n" in text:
            continue
        found.append(Found(span[0], span[1], text, kind, fold(text)))
    return found


def _groups(found: list[Found]) -> dict[str, _Group]:
    groups: dict[str, _Group] = {}
    for m in found:
        g = groups.get(m.key)
        if g is None:
            g = groups[m.key] = _Group(m.key, first=m.start)
        g.forms[m.text] += 1
        g.votes[m.type] += 1
    return groups


def _name_tokens(groups: dict[str, _Group]) -> dict[str, set[str]]:
    """Folded single words → keys of multi-word Person names containing them at an edge."""
    index: dict[str, set[str]] = defaultdict(set)
    for key, g in groups.items():
        parts = key.split()
        if len(parts) >= 2 and g.votes.most_common(1)[0][0] == "Person":
            index[parts[-1]].add(key)
            index[parts[0]].add(key)
    return index


def decide_types(groups: dict[str, _Group]) -> None:
    """Give each surface form one type from all its mentions and the gazetteer."""
    gaz = gazetteer()
    person_words = _name_tokens(groups)
    for key, g in groups.items():
        voted = max(g.votes, key=lambda t: (g.votes[t], t == "Person", t == "Organization"))
        single = len(key.split()) == 1
        if single and key in person_words:
            g.type = "Person"
        elif voted in ("Person", "Organization") and gaz.is_place_name(key):
            place = gaz.resolve(key)
            country = place is not None and place.kind == "Country"
            # A known place is a Place unless the article uses it as someone's name;
            # organisations keep city names (clubs, teams) but not country names.
            g.type = "Place" if voted == "Person" or country else voted
        else:
            g.type = voted  # type: ignore[assignment]


def _best_full_name(key: str, candidates: set[str], groups: dict[str, _Group]) -> str:
    return min(candidates, key=lambda k: (-sum(groups[k].forms.values()), groups[k].first, k))


def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def resolve_entities(groups: dict[str, _Group]) -> dict[str, str]:
    """Map each surface key to the key of the entity it names (its full form)."""
    canonical: dict[str, str] = {}
    person_words = _name_tokens(groups)
    orgs = {k: g for k, g in groups.items() if g.type == "Organization"}
    acronyms = {
        _acronym(max(g.forms, key=g.forms.__getitem__)): k
        for k, g in orgs.items()
        if len(k.split()) >= 2
    }
    gaz = gazetteer()
    place_ids: dict[int, str] = {}
    for key in sorted(groups, key=lambda k: (groups[k].first, k)):
        g = groups[key]
        target = key
        if g.type == "Person" and len(key.split()) == 1 and key in person_words:
            target = _best_full_name(key, person_words[key], groups)
        elif g.type == "Organization" and len(key.split()) == 1:
            form = max(g.forms, key=g.forms.__getitem__)
            if form.isupper() and form in acronyms:
                target = acronyms[form]
        elif g.type == "Place":
            place = gaz.resolve(key)
            if place is not None:
                target = place_ids.setdefault(place.geonames_id, key)
        canonical[key] = target
    return canonical


_TITLES = {
    "president",
    "vice president",
    "vice-president",
    "prime minister",
    "premier",
    "leader",
    "chancellor",
    "minister",
    "foreign minister",
    "defence minister",
    "defense minister",
    "finance minister",
    "interior minister",
    "secretary",
    "secretary of state",
    "secretary-general",
    "secretary general",
    "king",
    "queen",
    "prince",
    "princess",
    "emperor",
    "pope",
    "governor",
    "mayor",
    "senator",
    "sen.",
    "congressman",
    "congresswoman",
    "representative",
    "rep.",
    "ambassador",
    "envoy",
    "general",
    "gen.",
    "chief",
    "ceo",
    "chief executive",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "coach",
    "manager",
    "captain",
    "judge",
    "justice",
    "attorney general",
    "commissioner",
    "deputy",
    "founder",
    "editor",
    "professor",
    "president-elect",
    "dictator",
    "ruler",
    "monarch",
    "crown prince",
    "foreign secretary",
    "home secretary",
    "chief minister",
    "opposition leader",
    "supreme leader",
    "head of state",
    "commander",
    "admiral",
    "colonel",
    "lieutenant",
    "sheikh",
    "ayatollah",
    "cardinal",
    "archbishop",
    "bishop",
}
_NOT_CURRENT = {"former", "late", "ex", "ex-", "then", "acting", "outgoing", "the"}


@dataclass
class Profile:
    job_titles: list[str] = field(default_factory=list)
    nationality: str | None = None


def person_profile(doc: Doc, start: int, end: int) -> Profile:
    """jobTitle and nationality from the words right before a person's name."""
    profile = Profile()
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.start == 0:
        return profile
    sent_start = span.sent.start if doc.has_annotation("SENT_START") else 0
    words = [t for t in doc[max(sent_start, span.start - 5) : span.start]]
    while words and not words[0].is_alpha and words[0].text not in ("U.S.", "U.K."):
        words = words[1:]
    text_words = [t.text for t in words]
    gaz = gazetteer()
    for cut in range(len(text_words)):
        tail = text_words[cut:]
        if not tail:
            break
        title = " ".join(tail)
        if title.casefold() in _TITLES:
            before = text_words[:cut]
            if before and before[-1].casefold() in _NOT_CURRENT:
                return profile
            profile.job_titles.append(title)
            profile.nationality = _nationality(before, gaz)
            return profile
    profile.nationality = _possessive_country(text_words, gaz)
    return profile


def _nationality(words: list[str], gaz: object) -> str | None:
    for n in (2, 1):
        if len(words) >= n:
            phrase = " ".join(words[-n:])
            code = gaz.demonym_country(phrase)  # type: ignore[attr-defined]
            if code:
                return str(code)
            phrase = phrase.removesuffix("'s").removesuffix("’s")
            place = gaz.resolve(phrase) if words[-1].endswith(("'s", "’s")) else None  # type: ignore[attr-defined]
            if place is not None and place.kind == "Country":
                return str(place.country_code)
    return None


def _possessive_country(words: list[str], gaz: object) -> str | None:
    """'South Korea's Moon Jae-in' → KR; spaCy splits the "'s" off as its own token."""
    if len(words) >= 2 and words[-1] in ("'s", "’s"):
        for n in (2, 1):
            if len(words) > n:
                place = gaz.resolve(" ".join(words[-1 - n : -1]))  # type: ignore[attr-defined]
                if place is not None and place.kind == "Country":
                    return str(place.country_code)
    return None


def build_entities(
    doc: Doc, found: list[Found], view: TextView, source: str
) -> tuple[list[Entity], list[Mention], list[Found]]:
    """Entities and source-offset mentions of one article from its cleaned spaCy mentions."""
    groups = _groups(found)
    decide_types(groups)
    canonical = resolve_entities(groups)
    gaz = gazetteer()
    order: dict[str, int] = {}
    entities: list[Entity] = []
    for m in sorted(found, key=lambda f: f.start):
        target = canonical[m.key]
        g = groups[target]
        if target not in order:
            order[target] = len(entities)
            name = max(g.forms, key=lambda f: (g.forms[f], len(f), f))
            entity = Entity(type=g.type, name=name)
            if g.type == "Place":
                entity.geo = gaz.resolve(target)
                if entity.geo is not None:
                    entity.name = entity.geo.name
            entities.append(entity)
        m.entity = order[target]
        m.type = g.type
    mentions: list[Mention] = []
    for m in found:
        entity = entities[m.entity]
        if (
            m.text != entity.name
            and m.text not in entity.alternate_names
            and entity.type != "Place"
        ):
            entity.alternate_names.append(m.text)
        if entity.type == "Person":
            profile = person_profile(doc, m.start, m.end)
            for title in profile.job_titles:
                if title.casefold() not in {t.casefold() for t in entity.job_titles}:
                    entity.job_titles.append(title)
            entity.nationality = entity.nationality or profile.nationality
        span = view.span_to_source(m.start, m.end)
        mentions.append(Mention(span.start, span.end, source[span.start : span.end], m.entity))
    for entity in entities:
        entity.alternate_names.sort()
    return entities, mentions, found
