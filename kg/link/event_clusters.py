"""The events formed so far while linking (kg.link.events), and when an occurrence
fits one: same type, agreeing attendees, compatible place and date, and evidence."""

from __future__ import annotations

from bisect import bisect_left, insort
from dataclasses import dataclass, field
from datetime import date, timedelta

from kg.lexicon.gazetteer import contains
from kg.link.merge import Linker
from kg.model import Article, Entity, Event

Day = date  # (a field of Cluster is called date)
NEAR = timedelta(days=31)  # place-only evidence: the date must be this close to publication
RECALL = timedelta(days=400)  # a bare mention may recall an event this far back


@dataclass
class Occurrence:
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
class Cluster:
    type: str
    members: list[Occurrence] = field(default_factory=list)
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

    def add(self, occ: Occurrence) -> None:
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


class Clusters:
    """The events formed so far, indexed so that an occurrence is compared only with
    the events it could join: the same type and a shared attendee, or, for one
    without attendees, the same type and year (see fits)."""

    def __init__(self) -> None:
        self.all: list[Cluster] = []
        self._by_attendee: dict[tuple[str, str], list[Cluster]] = {}
        self._by_year: dict[tuple[str, str], list[Cluster]] = {}

    def candidates(self, occ: Occurrence) -> list[Cluster]:
        kind = occ.event.type
        if occ.attendees:
            found: dict[int, Cluster] = {}
            for iri in occ.attendees:
                for c in self._by_attendee.get((kind, iri), ()):
                    found.setdefault(id(c), c)
            return list(found.values())
        if not occ.date:
            return []  # without attendees, only place and day together identify an event
        if len(occ.date) < _YEAR:
            return [c for c in self.all if c.type == kind and not c.attendees]
        return self._by_year.get((kind, occ.date[:_YEAR]), [])

    def recalled(self, occ: Occurrence) -> list[Cluster]:
        """The events a mention without place or date may recall (see recalls)."""
        if len(occ.attendees) < 2:
            return []
        return list(self._by_attendee.get((occ.event.type, occ.attendees[0]), ()))

    def start(self, occ: Occurrence) -> None:
        cluster = Cluster(occ.event.type)
        self.all.append(cluster)
        self.join(cluster, occ)
        if not cluster.attendees and cluster.date:
            # Only occurrences with agreeing dates join it later, so its year stays.
            year = cluster.date[:_YEAR] if len(cluster.date) >= _YEAR else ""
            self._by_year.setdefault((cluster.type, year), []).append(cluster)

    def join(self, cluster: Cluster, occ: Occurrence) -> None:
        new = [iri for iri in occ.attendees if iri not in cluster.attendees]
        cluster.add(occ)
        for iri in new:
            self._by_attendee.setdefault((cluster.type, iri), []).append(cluster)


def specificity(occ: Occurrence) -> tuple[int, int, int]:
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


def fits_into(occ: Occurrence, cluster: Cluster, linker: Linker) -> bool:
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


def _same_report(occ: Occurrence, cluster: Cluster) -> bool:
    """The same article, or the same sentence in another (one story published twice)."""
    if id(occ.article) in cluster.articles:
        return True
    return not cluster.texts.isdisjoint(occ.event.sentence_texts)


def _two_main_reports(occ: Occurrence, cluster: Cluster, shared: set[str]) -> bool:
    """Two articles' main events with two attendees in common, reported close in time."""
    if not (occ.event.main and cluster.main) or len(shared) < 2:
        return False
    if occ.published is None or cluster.undated:
        return occ.published is None and cluster.undated and not cluster.published
    pubs = cluster.published
    return occ.published - NEAR <= pubs[0] and pubs[-1] <= occ.published + NEAR


def _near_in_time(occ: Occurrence, cluster: Cluster) -> bool:
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


def recalls(occ: Occurrence, cluster: Cluster) -> bool:
    """A mention with no place or date joins the one event it can only mean."""
    mine = set(occ.attendees)
    if occ.event.type != cluster.type or len(mine) < 2 or not mine <= set(cluster.attendees):
        return False
    if cluster.date is None or occ.published is None:
        return False
    when = _first_day(cluster.date)
    return occ.published - RECALL <= when <= occ.published + NEAR
