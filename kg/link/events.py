"""One IRI per real event, within an article and across the corpus.

Every event occurrence extraction found is compared with the events already
formed, most specific occurrences first:

* same type (a concept of kg's scheme);
* overlapping attendees (the same corpus-wide IRIs): one set contains the
  other, or they share two people ("Kim–Putin" is not "Kim–Trump");
* the same place, or one place inside the other (Vladivostok in Russia);
* compatible dates: equal, or one a coarser form of the other (2019-04 and
  2019-04-25); two different days are two events;
* and positive evidence: both give a date, or both give a place. With a place
  only, the dated side must lie within a month of the other's publication
  (or both are in one article), so a summit recalled years later is not merged
  into this week's.

Without a date on both sides or a place on both sides, an occurrence joins an
event of its own article (the lead's "talks" and the later "met in Geneva"), the
same report word for word, or — for the main events of two articles — an event
with two of its attendees reported within a month (or by undated sources).

An occurrence that matches no event starts one, and so does one that matches
two (ambiguous). An article's main event (kg.extract.mainevent) is published
even without a place or a date. Any other occurrence with neither is never
published on its own; it joins the one event whose attendees include all of its
own (at least two) and whose date lies within a year before its article, and is
dropped otherwise. The order of comparison is fixed, so the same input gives
the same events and IRIs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from kg.link.event_clusters import (
    Cluster,
    Clusters,
    Occurrence,
    fits_into,
    recalls,
    specificity,
)
from kg.link.event_names import event_name
from kg.link.iris import Iris
from kg.link.merge import Linker
from kg.model import Article, Entity, Event, Span, parse_published


@dataclass(frozen=True)
class PublishedEvent:
    """One event as one article reports it, with its corpus-wide identity."""

    iri: str
    name: str
    type: str
    start_date: str | None
    location: Entity | None  # the event's place, possibly named only by another article
    attendees: list[int]  # this article's entity indices
    agents: list[int]  # the attendees who acted (organizer, performer)
    about: list[int]
    sentences: list[Span]
    sentence_texts: list[str]
    main: bool  # the article is about it (else it only mentions it)


class EventIndex:
    """The published events of each article."""

    def __init__(self, by_article: dict[str, list[PublishedEvent]]) -> None:
        self._by_article = by_article

    def for_article(self, article_id: str) -> list[PublishedEvent]:
        return self._by_article.get(article_id, [])

    def __len__(self) -> int:
        return len({e.iri for events in self._by_article.values() for e in events})


def link_events(articles: Iterable[Article], iris: Iris, linker: Linker) -> EventIndex:
    """Group every article's event occurrences into real events and give each its IRI."""
    ordered = sorted(articles, key=lambda a: a.id)
    occurrences = [
        _occurrence(article, rank, event, linker)
        for rank, article in enumerate(ordered)
        for event in article.events
    ]
    strong = [o for o in occurrences if o.date or o.place is not None]
    mains = [o for o in occurrences if not (o.date or o.place is not None) and o.event.main]
    weak = [o for o in occurrences if not (o.date or o.place is not None or o.event.main)]
    strong.sort(key=lambda o: (*specificity(o), o.sort_key()))
    clusters = Clusters()
    for occ in strong:
        fits = [c for c in clusters.candidates(occ) if fits_into(occ, c, linker)]
        if len(fits) == 1:
            clusters.join(fits[0], occ)
        else:
            clusters.start(occ)
    for occ in sorted(mains, key=lambda o: o.sort_key()):
        recalled = [c for c in clusters.recalled(occ) if recalls(occ, c)]
        if len(recalled) > 1:
            continue  # it could mean either: publishing a third would be wrong
        fits = recalled or [c for c in clusters.candidates(occ) if fits_into(occ, c, linker)]
        if len(fits) == 1:
            clusters.join(fits[0], occ)
        else:
            clusters.start(occ)
    for occ in sorted(weak, key=lambda o: o.sort_key()):
        fits = [c for c in clusters.recalled(occ) if recalls(occ, c)]
        if len(fits) == 1:
            clusters.join(fits[0], occ)
    return _index(clusters.all, iris, linker)


def _occurrence(article: Article, rank: int, event: Event, linker: Linker) -> Occurrence:
    attendees = tuple(linker.entity(article.entities[i]).iri for i in event.attendees)
    place = article.entities[event.location] if event.location is not None else None
    return Occurrence(
        article, rank, event, attendees, place, parse_published(article.date_published)
    )


def _index(clusters: list[Cluster], iris: Iris, linker: Linker) -> EventIndex:
    """IRIs and names for the events, and each article's view of them."""
    named = []
    for cluster in clusters:
        cluster.members.sort(key=lambda o: o.sort_key())
        order = dict.fromkeys(iri for o in cluster.members for iri in o.attendees)
        people = [_attendee_entity(cluster, iri) for iri in order]
        acting = {
            linker.entity(o.article.entities[i]).iri
            for o in cluster.members
            for i in o.event.agents
        }
        agents = [p for p, iri in zip(people, order, strict=True) if iri in acting]
        title = next((o.event.title for o in cluster.members if o.event.title), None)
        name = title or event_name(
            cluster.type, _noun(cluster), people, cluster.place, cluster.date, linker, agents
        )
        named.append((_key(name, cluster.date), name, cluster))
    named.sort(key=lambda t: (t[0], t[2].members[0].sort_key()))
    taken: Counter[str] = Counter()
    reports: dict[str, list[tuple[str, str, Cluster, list[Occurrence]]]] = {}
    for key, name, cluster in named:
        taken[key] += 1
        iri = iris.event(key if taken[key] == 1 else f"{key} {taken[key]}")
        for occ in cluster.members:
            rows = reports.setdefault(occ.article.id, [])
            row = next((r for r in rows if r[0] == iri), None)
            if row is None:
                rows.append((iri, name, cluster, [occ]))
            else:
                row[3].append(occ)
    by_article: dict[str, list[PublishedEvent]] = {}
    for article_id, rows in reports.items():
        main = _main(rows)
        events = [_published(iri, name, c, occs, iri == main) for iri, name, c, occs in rows]
        events.sort(key=lambda e: (e.sentences[0].start, e.iri))
        by_article[article_id] = events
    return EventIndex(by_article)


def _main(rows: list[tuple[str, str, Cluster, list[Occurrence]]]) -> str | None:
    """The article's main event; without one, the event it leads with: most reports in
    its lead, then most reports."""
    for iri, _, _, occs in rows:
        if any(o.event.main for o in occs):
            return iri
    scored = [
        (sum(o.event.lead for o in occs), len(occs), -min(_first(o) for o in occs), iri)
        for iri, _, _, occs in rows
    ]
    best = max(scored, key=lambda s: s[:3])
    return best[3] if best[0] > 0 else None


def _first(occ: Occurrence) -> int:
    return occ.event.sentences[0].start if occ.event.sentences else 0


def _published(
    iri: str, name: str, cluster: Cluster, occs: list[Occurrence], main: bool
) -> PublishedEvent:
    attendees: dict[int, None] = {}
    agents: dict[int, None] = {}
    about: dict[int, None] = {}
    sentences: dict[Span, str] = {}
    for occ in sorted(occs, key=lambda o: o.sort_key()):
        attendees.update(dict.fromkeys(occ.event.attendees))
        agents.update(dict.fromkeys(occ.event.agents))
        about.update(dict.fromkeys(occ.event.about))
        sentences.update(zip(occ.event.sentences, occ.event.sentence_texts, strict=True))
    ordered = sorted(sentences, key=lambda s: (s.start, s.end))
    return PublishedEvent(
        iri=iri,
        name=name,
        type=cluster.type,
        start_date=cluster.date,
        location=cluster.place or cluster.fallback,
        attendees=list(attendees),
        agents=list(agents),
        about=list(about),
        sentences=ordered,
        sentence_texts=[sentences[s] for s in ordered],
        main=main,
    )


def _key(name: str, when: str | None) -> str:
    """What the event's IRI is minted from: its name and date, dashes kept as word breaks."""
    if when:
        name = name.removesuffix(f" ({when})") + f" {when}"
    return name.replace("–", " ").replace("'s ", "s ")


def _attendee_entity(cluster: Cluster, iri: str) -> Entity:
    """The attendee as the articles name it, with every short form they use."""
    found = [
        occ.article.entities[i]
        for occ in cluster.members
        for i, own in zip(occ.event.attendees, occ.attendees, strict=True)
        if own == iri
    ]
    names = sorted({n for e in found for n in e.alternate_names})
    return replace(found[0], alternate_names=names)


# Nouns that name a kind of event more precisely come first: a summit is a meeting.
_NOUN_ORDER: tuple[str, ...] = ("summit", "talks", "negotiations", "meeting", "visit", "trip")
_NOUN_ORDER += ("arrival", "final", "semi-final", "quarter-final", "match", "victory", "defeat")


def _noun(cluster: Cluster) -> str:
    counts = Counter(o.event.noun for o in cluster.members if o.event.noun)
    if not counts:
        return cluster.type
    return min(
        counts,
        key=lambda n: (
            _NOUN_ORDER.index(n) if n in _NOUN_ORDER else len(_NOUN_ORDER),
            -counts[n],
            n,
        ),
    )
