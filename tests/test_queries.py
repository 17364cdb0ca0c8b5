"""The example queries in queries/: events on a hand-written fixture, the rest on the seeds.

Every answer is checked against rdflib running the very same text on the same
data (an independent SPARQL engine), and against what the data says.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from conftest import select
from rdflib import Dataset, Graph
from sparql_helpers import (
    DATA,
    QUERIES,
    kg_rows,
    load_dataset,
    load_store,
    query_file,
    rdflib_rows,
)

from kg.publish.store import Store
from kg.sparql.text import parse_term

EVENTS = DATA / "events.trig"


@pytest.fixture(scope="module")
def events_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return load_store(tmp_path_factory.mktemp("events") / "store", EVENTS)


@pytest.fixture(scope="module")
def events_dataset() -> Dataset:
    return load_dataset(EVENTS, "trig")


@pytest.fixture(scope="module")
def seeds_store(seeds_out: Path) -> Store:
    return Store.open_existing(seeds_out / "store")


@pytest.fixture(scope="module")
def seeds_dataset(seeds_out: Path) -> Dataset:
    return load_dataset(seeds_out / "kg.nq", "nquads")


def both(store: Store, dataset: Dataset, query: str, **values: str) -> list[tuple]:
    """kg's rows for queries/QUERY, after checking rdflib gives the same ones."""
    text = query_file(query)
    terms = {k: parse_term(v) for k, v in values.items()}
    rows = [_unordered_concat(r) for r in kg_rows(store, text, terms)]
    expected = [_unordered_concat(r) for r in rdflib_rows(dataset, text, terms)]
    assert sorted(rows, key=repr) == sorted(expected, key=repr)
    return rows


def _unordered_concat(row: tuple) -> tuple:
    """GROUP_CONCAT's order is unspecified: sort the parts of " | "-joined cells."""
    return tuple(" | ".join(sorted(c.split(" | "))) if c and " | " in c else c for c in row)


def test_every_example_query_is_tested() -> None:
    tested = {
        "people-who-met.rq",
        "co-mentioned.rq",
        "timeline.rq",
        "articles-about-place.rq",
        "most-mentioned-people.rq",
        "events-at-place.rq",
        "events-by-month.rq",
        "took-part-with.rq",
    }
    assert {p.name for p in QUERIES.glob("*.rq")} == tested


def test_people_who_met(events_store: Store, events_dataset: Dataset) -> None:
    rows = both(events_store, events_dataset, "people-who-met.rq")
    assert [(r[0], r[1], r[2], r[3], r[5]) for r in rows] == [
        ("Lisbon", "2020-03-01", "Ana Reyes", "Ben Okafor", "meeting"),
        ("Lisbon", "2020-03-01", "Ben Okafor", "Ana Reyes", "meeting"),
        ("Porto", "2020-03-03", "Ben Okafor", "Chen Wei", "meeting"),
        ("Porto", "2020-03-03", "Chen Wei", "Ben Okafor", "meeting"),
    ]


def test_people_who_met_one_person_in_one_place(
    events_store: Store, events_dataset: Dataset
) -> None:
    rows = both(events_store, events_dataset, "people-who-met.rq", name="Ben Okafor")
    assert [(r[0], r[3]) for r in rows] == [("Lisbon", "Ana Reyes"), ("Porto", "Chen Wei")]
    rows = both(events_store, events_dataset, "people-who-met.rq", placeName="Porto")
    assert [(r[2], r[3]) for r in rows] == [("Ben Okafor", "Chen Wei"), ("Chen Wei", "Ben Okafor")]
    assert both(events_store, events_dataset, "people-who-met.rq", type="kgt:visit") == []


def test_timeline(events_store: Store, events_dataset: Dataset) -> None:
    rows = both(events_store, events_dataset, "timeline.rq", name="Ana Reyes")
    # date, event name, type, place, number of reporting articles, in date order
    assert [r[1:6] for r in rows] == [
        ("2020-02-28", "Reyes visits Porto", "visit", "Porto", "1"),
        ("2020-03-01", "Reyes–Okafor talks in Lisbon", "meeting", "Lisbon", "2"),
    ]
    chen = both(events_store, events_dataset, "timeline.rq", name="Chen Wei")
    assert [(r[1], r[2], r[4]) for r in chen] == [
        (None, "Chen elected", None),  # no date, no place: listed first, not dropped
        ("2020-03-03", "Okafor–Chen meeting in Porto", "Porto"),
    ]


def test_timeline_reads_a_month_from_kg_start_period(
    events_store: Store, events_dataset: Dataset
) -> None:
    rows = both(events_store, events_dataset, "timeline.rq", name="Dana Ruiz")
    assert [r[1:5] for r in rows] == [("2020-02", "Ruiz's visit to Lisbon", "visit", "Lisbon")]


def test_events_at_a_place_include_the_places_inside_it(
    events_store: Store, events_dataset: Dataset
) -> None:
    rows = both(events_store, events_dataset, "events-at-place.rq", placeName="Portugal")
    # date, event name, type, where, reporting articles
    assert [r[1:6] for r in rows] == [
        ("2020-02", "Ruiz's visit to Lisbon", "visit", "Lisbon", "1"),
        ("2020-02-28", "Reyes visits Porto", "visit", "Porto", "1"),
        ("2020-03-01", "Reyes–Okafor talks in Lisbon", "meeting", "Lisbon", "2"),
        ("2020-03-03", "Okafor–Chen meeting in Porto", "meeting", "Porto", "1"),
    ]
    porto = both(events_store, events_dataset, "events-at-place.rq", placeName="Porto")
    assert [r[2] for r in porto] == ["Reyes visits Porto", "Okafor–Chen meeting in Porto"]


def test_events_by_type_per_month(events_store: Store, events_dataset: Dataset) -> None:
    rows = both(events_store, events_dataset, "events-by-month.rq")
    # month, type, where the month comes from, events; the undated election counts in
    # the month of the article that reports it
    assert [r[:4] for r in rows] == [
        ("2020-02", "visit", "event", "2"),
        ("2020-03", "election", "report", "1"),
        ("2020-03", "meeting", "event", "2"),
    ]
    visits = both(events_store, events_dataset, "events-by-month.rq", type="kgt:visit")
    assert [r[:4] for r in visits] == [("2020-02", "visit", "event", "2")]


def test_took_part_with(events_store: Store, events_dataset: Dataset) -> None:
    rows = both(events_store, events_dataset, "took-part-with.rq", name="Ben Okafor")
    assert [(r[1], r[2], r[3]) for r in rows] == [
        ("Ana Reyes", "1", "Reyes–Okafor talks in Lisbon"),
        ("Chen Wei", "1", "Okafor–Chen meeting in Porto"),
    ]
    everyone = both(events_store, events_dataset, "took-part-with.rq")
    assert len(everyone) == 4 and {r[0] for r in everyone} == {
        "Ana Reyes",
        "Ben Okafor",
        "Chen Wei",
    }


def _mentioned_with(graph: Graph, name: str) -> Counter[str]:
    """For each person/organisation, how many articles mention it together with ``name``."""
    rows = select(
        graph,
        f"""SELECT ?article ?otherName WHERE {{
              ?article schema:mentions ?p, ?other . ?p schema:name "{name}" .
              ?other schema:name ?otherName .
              {{ ?other a schema:Person }} UNION {{ ?other a schema:Organization }}
              FILTER (?other != ?p) }}""",
    )
    return Counter(other for _, other in set(rows))


def test_co_mentioned(seeds_store: Store, seeds_dataset: Dataset, seeds_graph: Graph) -> None:
    name = "Vladimir Putin"
    rows = both(seeds_store, seeds_dataset, "co-mentioned.rq", name=name)
    assert {r[1]: int(r[3]) for r in rows} == _mentioned_with(seeds_graph, name)
    assert "Kim Jong Un" in {r[1] for r in rows}
    counts = [int(r[3]) for r in rows]
    assert counts == sorted(counts, reverse=True)


def test_most_mentioned_people(
    seeds_store: Store, seeds_dataset: Dataset, seeds_graph: Graph
) -> None:
    rows = both(seeds_store, seeds_dataset, "most-mentioned-people.rq")
    mentions = Counter(
        p for (p,) in select(seeds_graph, "SELECT ?p WHERE { ?m itsrdf:taIdentRef ?p }")
    )
    top = rows[0]
    assert int(top[2]) == mentions[top[3]]
    assert int(top[2]) == max(mentions[r[3]] for r in rows if r[1] == top[1])
    assert {"Vladimir Putin", "Kim Jong Un"} <= {r[0] for r in rows[:3]}


def test_articles_about_place_between_dates(
    seeds_store: Store, seeds_dataset: Dataset, seeds_graph: Graph, seeds_out: Path
) -> None:
    dated = select(
        seeds_graph, "SELECT ?a ?d WHERE { ?a a schema:NewsArticle ; schema:datePublished ?d }"
    )
    assert len(dated) == 2
    first, last = sorted(d for _, d in dated)
    everything = both(seeds_store, seeds_dataset, "articles-about-place.rq", placeName="Russia")
    assert {r[4] for r in everything} == {a for a, _ in dated}
    window = both(
        seeds_store,
        seeds_dataset,
        "articles-about-place.rq",
        placeName="Russia",
        **{"from": last, "to": last},
    )
    assert {r[4] for r in window} == {a for a, d in dated if d == last} and first != last
    assert all(r[1] == last for r in window)
