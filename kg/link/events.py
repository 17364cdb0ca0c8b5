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

from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from kg.lexicon.gazetteer import contains
from kg.link.event_names import event_name
from kg.link.iris import Iris
from kg.link.merge import Linker
from kg.model import Article, Entity, Event, Span, parse_published

Day = date  # (a field of _Cluster is called date)
NEAR = timedelta(days=31)  # place-only evidence: the date must be this close to publication
RECALL = timedelta(days=400)  # a bare mention may recall an event this far back


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


@dataclass
class _Occurrence:
    article: Article
    rank: int  # the article's position in id order
    event: Event
    attendees: tuple[str, ...]
    place: Entity | None
    published: date | None

    @property
    def date(self) -> str | None:
        return self.event.start_date

    def sort_key(self) -> tuple[object, ...]:
        first = self.event.sentences[0].start if self.event.sentences else 0
        return (self.rank, first, self.event.trigger_span.start if self.event.trigger_span else 0)


@dataclass
class _Cluster:
    type: str
    members: list[_Occurrence] = field(default_factory=list)
    attendees: dict[str, None] = field(default_factory=dict)
    place: Entity | None = None
    date: str | None = None
    # What _near_in_time asks of all members, kept up to date as members join.
    articles: set[int] = field(default_factory=set)  # id() of the members' articles
    texts: set[str] = field(default_factory=set)  # the members' sentences
    undated: bool = False  # some member's article has no publication date
    published: list[Day] = field(default_factory=list)  # the others' dates, sorted
    main: bool = False  # some member is its article's main event
    fallback: Entity | None = None  # where the first main member's article places it

    def add(self, occ: _Occurrence) -> None:
        self.members.append(occ)
        self.attendees.update(dict.fromkeys(occ.attendees))
        if occ.place is not None and (self.place is None or _rank(occ.place) > _rank(self.place)):
            self.place = occ.place
        if occ.date and (self.date is None or len(occ.date) > len(self.date)):
            self.date = occ.date
        self.articles.add(id(occ.article))
        self.texts.update(occ.event.sentence_texts)
        self.main = self.main or occ.event.main
        if self.fallback is None and occ.event.fallback_location is not None:
            self.fallback = occ.article.entities[occ.event.fallback_location]
        if occ.published is None:
            self.undated = True
        else:
            insort(self.published, occ.published)


_YEAR = 4  # ISO dates: equal or one a prefix of the other means the same year


class _Clusters:
    """The events formed so far, indexed so that an occurrence is compared only with
    the events it could join: the same type and a shared attendee, or, for one
    without attendees, the same type and year (see _fits)."""

    def __init__(self) -> None:
        self.all: list[_Cluster] = []
        self._by_attendee: dict[tuple[str, str], list[_Cluster]] = {}
        self._by_year: dict[tuple[str, str], list[_Cluster]] = {}

    def candidates(self, occ: _Occurrence) -> list[_Cluster]:
        kind = occ.event.type
        if occ.attendees:
            found: dict[int, _Cluster] = {}
            for iri in occ.attendees:
                for c in self._by_attendee.get((kind, iri), ()):
                    found.setdefault(id(c), c)
            return list(found.values())
        if not occ.date:
            return []  # without attendees, only place and day together identify an event
        if len(occ.date) < _YEAR:
            return [c for c in self.all if c.type == kind and not c.attendees]
        return self._by_year.get((kind, occ.date[:_YEAR]), [])

    def recalled(self, occ: _Occurrence) -> list[_Cluster]:
        """The events a mention without place or date may recall (see _recalls)."""
        if len(occ.attendees) < 2:
            return []
        return list(self._by_attendee.get((occ.event.type, occ.attendees[0]), ()))

    def start(self, occ: _Occurrence) -> None:
        cluster = _Cluster(occ.event.type)
        self.all.append(cluster)
        self.join(cluster, occ)
        if not cluster.attendees and cluster.date:
            # Only occurrences with agreeing dates join it later, so its year stays.
            year = cluster.date[:_YEAR] if len(cluster.date) >= _YEAR else ""
            self._by_year.setdefault((cluster.type, year), []).append(cluster)

    def join(self, cluster: _Cluster, occ: _Occurrence) -> None:
        new = [iri for iri in occ.attendees if iri not in cluster.attendees]
        cluster.add(occ)
        for iri in new:
            self._by_attendee.setdefault((cluster.type, iri), []).append(cluster)


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
    strong.sort(key=lambda o: (*_specificity(o), o.sort_key()))
    clusters = _Clusters()
    for occ in strong:
        fits = [c for c in clusters.candidates(occ) if _fits(occ, c, linker)]
        if len(fits) == 1:
            clusters.join(fits[0], occ)
        else:
            clusters.start(occ)
    for occ in sorted(mains, key=lambda o: o.sort_key()):
        recalled = [c for c in clusters.recalled(occ) if _recalls(occ, c)]
        if len(recalled) > 1:
            continue  # it could mean either: publishing a third would be wrong
        fits = recalled or [c for c in clusters.candidates(occ) if _fits(occ, c, linker)]
        if len(fits) == 1:
            clusters.join(fits[0], occ)
        else:
            clusters.start(occ)
    for occ in sorted(weak, key=lambda o: o.sort_key()):
        fits = [c for c in clusters.recalled(occ) if _recalls(occ, c)]
        if len(fits) == 1:
            clusters.join(fits[0], occ)
    return _index(clusters.all, iris, linker)


def _occurrence(article: Article, rank: int, event: Event, linker: Linker) -> _Occurrence:
    attendees = tuple(linker.entity(article.entities[i]).iri for i in event.attendees)
    place = article.entities[event.location] if event.location is not None else None
    return _Occurrence(
        article, rank, event, attendees, place, parse_published(article.date_published)
    )


def _specificity(occ: _Occurrence) -> tuple[int, int, int]:
    return (-len(occ.date or ""), -(occ.place is not None), -len(occ.attendees))


def _rank(place: Entity) -> int:
    order = {"City": 3, "AdministrativeArea": 2, "Country": 1}
    return order.get(place.geo.kind, 0) if place.geo else 0


def _same_place(a: Entity, b: Entity, linker: Linker) -> bool:
    if a.geo is None or b.geo is None:
        return linker.entity(a).iri == linker.entity(b).iri
    return contains(a, b) or contains(b, a)


def _dates_agree(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def _attendees_agree(a: set[str], b: set[str]) -> bool:
    shared = a & b
    return bool(shared) and (a <= b or b <= a or len(shared) >= 2)


def _fits(occ: _Occurrence, cluster: _Cluster, linker: Linker) -> bool:
    if occ.event.type != cluster.type:
        return False
    mine, theirs = set(occ.attendees), set(cluster.attendees)
    if (mine or theirs) and not _attendees_agree(mine, theirs):
        return False
    both_dated = bool(occ.date and cluster.date)
    if both_dated and not _dates_agree(occ.date or "", cluster.date or ""):
        return False
    both_placed = occ.place is not None and cluster.place is not None
    if both_placed and not _same_place(occ.place, cluster.place, linker):  # type: ignore[arg-type]
        return False
    if not mine and not (both_dated and both_placed):
        return False  # without attendees only place and day together identify an event
    if both_dated:
        return True
    if both_placed:
        return _near_in_time(occ, cluster)
    return _same_report(occ, cluster) or _two_main_reports(occ, cluster, mine & theirs)


def _same_report(occ: _Occurrence, cluster: _Cluster) -> bool:
    """The same article, or the same sentence in another (one story published twice)."""
    if id(occ.article) in cluster.articles:
        return True
    return not cluster.texts.isdisjoint(occ.event.sentence_texts)


def _two_main_reports(occ: _Occurrence, cluster: _Cluster, shared: set[str]) -> bool:
    """Two articles' main events with two attendees in common, reported close in time."""
    if not (occ.event.main and cluster.main) or len(shared) < 2:
        return False
    if occ.published is None or cluster.undated:
        return occ.published is None and cluster.undated and not cluster.published
    pubs = cluster.published
    return occ.published - NEAR <= pubs[0] and pubs[-1] <= occ.published + NEAR


def _near_in_time(occ: _Occurrence, cluster: _Cluster) -> bool:
    """Place-only evidence: the sides must be reported close together in time."""
    if id(occ.article) in cluster.articles:
        return True
    undated_source = occ.published is None or cluster.undated
    if undated_source and not cluster.texts.isdisjoint(occ.event.sentence_texts):
        return True  # the same report word for word (one story published twice)
    if occ.date:  # every member must be published within NEAR of the occurrence's date
        when = _first_day(occ.date)
        pubs = cluster.published
        return not cluster.undated and when - NEAR <= pubs[0] and pubs[-1] <= when + NEAR
    if occ.published is None:
        return False
    if cluster.date is None:  # some member published within NEAR of the occurrence
        pubs = cluster.published
        i = bisect_left(pubs, occ.published - NEAR)
        return i < len(pubs) and pubs[i] <= occ.published + NEAR
    return abs(_first_day(cluster.date) - occ.published) <= NEAR


def _first_day(iso: str) -> date:
    parts = [int(p) for p in iso.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def _recalls(occ: _Occurrence, cluster: _Cluster) -> bool:
    """A mention with no place or date joins the one event it can only mean."""
    mine = set(occ.attendees)
    if occ.event.type != cluster.type or len(mine) < 2 or not mine <= set(cluster.attendees):
        return False
    if cluster.date is None or occ.published is None:
        return False
    when = _first_day(cluster.date)
    return occ.published - RECALL <= when <= occ.published + NEAR


def _index(clusters: list[_Cluster], iris: Iris, linker: Linker) -> EventIndex:
    """IRIs and names for the events, and each article's view of them."""
    named = []
    for cluster in clusters:
        cluster.members.sort(key=lambda o: o.sort_key())
        order = dict.fromkeys(iri for o in cluster.members for iri in o.attendees)
        people = [_attendee_entity(cluster, iri) for iri in order]
        acting = {
            linker.entity(o.article.entities[i]).iri for o in cluster.members for i in o.event.agents
        }
        agents = [p for p, iri in zip(people, order, strict=True) if iri in acting]
        title = next((o.event.title for o in cluster.members if o.event.title), None)
        name = title or event_name(
            cluster.type, _noun(cluster), people, cluster.place, cluster.date, linker, agents
        )
        named.append((_key(name, cluster.date), name, cluster))
    named.sort(key=lambda t: (t[0], t[2].members[0].sort_key()))
    taken: Counter[str] = Counter()
    reports: dict[str, list[tuple[str, str, _Cluster, list[_Occurrence]]]] = {}
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


def _main(rows: list[tuple[str, str, _Cluster, list[_Occurrence]]]) -> str | None:
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


def _first(occ: _Occurrence) -> int:
    return occ.event.sentences[0].start if occ.event.sentences else 0


def _published(
    iri: str, name: str, cluster: _Cluster, occs: list[_Occurrence], main: bool
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


def _attendee_entity(cluster: _Cluster, iri: str) -> Entity:
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
_NOUN_ORDER = ("summit", "talks", "negotiations", "meeting", "visit", "trip", "arrival")
_NOUN_ORDER += ("final", "semi-final", "quarter-final", "match", "victory", "defeat")


def _noun(cluster: _Cluster) -> str:
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
