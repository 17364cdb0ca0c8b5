"""One node per real person: surnames join full names in an article, never across
articles; full names merge across articles. The seed articles keep their facts."""

from __future__ import annotations

from pathlib import Path

from conftest import SEEDS, select
from rdflib import Graph

from kg.build import BuildOptions, build
from kg.extract import article as extraction
from kg.extract.nlp import load
from kg.link.iris import Iris
from kg.link.merge import Linker
from kg.model import Article, Entity
from kg.sources import InputLimits, iter_inputs


def article(aid: str, *entities: Entity) -> Article:
    return Article(
        id=aid,
        source=f"{aid}.txt",
        source_line=None,
        source_sha256="0" * 64,
        source_mtime=None,
        headline=None,
        body="",
        entities=list(entities),
    )


BASE = "http://localhost:8000"


def linker(*articles: Article) -> Linker:
    link = Linker(Iris())
    for a in articles:
        link.add(a)
    return link


def test_full_names_merge_across_articles() -> None:
    a = article("a", Entity("Person", "Vladimir Putin"))
    b = article("b", Entity("Person", "Vladimir Putin"), Entity("Person", "Dmitry Medvedev"))
    link = linker(a, b)
    assert link.entity(a.entities[0]) == link.entity(b.entities[0])
    assert link.entity(a.entities[0]).iri == "http://localhost:8000/person/vladimir-putin"


def test_a_bare_surname_never_joins_a_full_name_of_another_article() -> None:
    # The corpus's only full name ending in "Kovac" is someone else's: nothing in the
    # name says the second article means her.
    a = article("a", Entity("Person", "Anna Kovac"))
    b = article("b", Entity("Person", "Kovac"))
    link = linker(a, b)
    assert link.entity(b.entities[0]).iri == "http://localhost:8000/person/kovac"
    assert link.entity(b.entities[0]).name == "Kovac"
    assert link.entity(a.entities[0]).iri == "http://localhost:8000/person/anna-kovac"


def test_a_first_word_never_joins_a_name_of_another_article() -> None:
    a = article("a", Entity("Person", "Kim Jong Un"))
    b = article("b", Entity("Person", "Kim"))
    link = linker(a, b)
    assert link.entity(b.entities[0]).iri != link.entity(a.entities[0]).iri


def test_a_name_most_articles_call_an_organization_is_one_organization() -> None:
    orgs = [article(f"o{i}", Entity("Organization", "Yukos")) for i in range(4)]
    person = article("p", Entity("Person", "Yukos", job_titles=["boss"]))
    link = linker(*orgs, person)
    ref = link.entity(person.entities[0])
    assert ref == link.entity(orgs[0].entities[0])
    assert (ref.type, ref.iri) == ("Organization", "http://localhost:8000/organization/yukos")


def test_a_name_typed_both_ways_about_as_often_keeps_both() -> None:
    a = article("a", Entity("Organization", "Jordan"))
    a2 = article("a2", Entity("Organization", "Jordan"))
    b = article("b", Entity("Person", "Jordan"))
    c = article("c", Entity("Person", "Jordan"))
    d = article("d", Entity("Person", "Jordan"))
    link = linker(a, a2, b, c, d)
    assert link.entity(a.entities[0]).type == "Organization"
    assert link.entity(b.entities[0]).type == "Person"


def test_authority_entities_keep_the_newsrooms_iri() -> None:
    known = Entity("Person", "Jane Roe", authority_iri="https://news.example.org/id/jane-roe")
    link = linker(article("a", known), article("b", Entity("Person", "Jane Roe")))
    assert link.entity(known).iri == "https://news.example.org/id/jane-roe"


def test_no_article_has_a_surname_and_its_full_name_as_two_people() -> None:
    raws = [d for d in iter_inputs((str(SEEDS),), InputLimits()) if not hasattr(d, "reason")]
    for a in extraction.extract(raws, load()):  # type: ignore[arg-type]
        people = [e.name for e in a.entities if e.type == "Person"]
        full = [p.split() for p in people if " " in p]
        bare = [p for p in people if " " not in p]
        assert not [b for b in bare for f in full if b in (f[0], f[-1])], (a.id, people)


def persons(graph: Graph) -> dict[str, set[str]]:
    rows = select(
        graph,
        "SELECT ?p ?n ?alt WHERE { ?p a schema:Person ; schema:name ?n . "
        "OPTIONAL { ?p schema:alternateName ?alt } }",
    )
    out: dict[str, set[str]] = {}
    for node, name, alt in rows:
        out.setdefault(f"{node} {name}", set()).update({alt} if alt else set())
    return out


def test_seed_people(seeds_graph: Graph) -> None:
    people = persons(seeds_graph)
    names = sorted(key.split(" ", 1)[1] for key in people)
    for name in (
        "Vladimir Putin",
        "Kim Jong Un",
        "Kim Il Sung",
        "Kim Jong Il",
        "Donald Trump",
        "Dmitry Medvedev",
        "Xi Jinping",
        "Moon Jae-in",
    ):
        assert names.count(name) == 1, (name, names)
    (putin,) = [alts for key, alts in people.items() if key.endswith(" Vladimir Putin")]
    assert "Putin" in putin
    assert "Putin" not in names and "Trump" not in names


def test_seed_types(seeds_graph: Graph) -> None:
    query = "SELECT ?x WHERE { ?x a schema:%s ; schema:name ?n . FILTER(CONTAINS(?n, '%s')) }"
    assert not select(seeds_graph, query % ("Person", "Vladivostok"))
    assert not select(seeds_graph, query % ("Organization", "Trump"))
    assert select(seeds_graph, query % ("City", "Vladivostok"))


KOVAC_BAND = (
    "Guitarist quits the band\n\nIvan 'Ice' Kovac told a radio station in Ohio that his "
    "bandmates respected his decision to leave. Kovac added that he would explain his "
    "decision at a church. The remaining members said they hoped Kovac would be happy.\n"
)
KOVAC_AUCTION = (
    "Posters sold at auction\n\nA rare portrait of Anna Kovac was sold at the market on "
    "Saturday, the auctioneer Peter Lund said.\n"
)
KOVAC_ALONE = (
    "Council vote delayed\n\nThe vote on the new bridge was delayed again on Monday. "
    "Mayor Kovac, who chairs the committee, said the plans needed more work.\n"
)


def test_surnames_join_their_own_articles_full_name_only(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    for name, text in [("band", KOVAC_BAND), ("auction", KOVAC_AUCTION), ("vote", KOVAC_ALONE)]:
        (tmp_path / "in" / f"{name}.txt").write_text(text, encoding="utf-8")
    build(BuildOptions(sources=(str(tmp_path / "in"),), out=tmp_path / "out"))
    graph = Graph().parse(tmp_path / "out" / "kg.ttl")
    people = persons(graph)
    assert people[f"{BASE}/person/ivan-kovac Ivan Kovac"] == {"Ivan 'Ice' Kovac", "Kovac"}
    assert people[f"{BASE}/person/anna-kovac Anna Kovac"] == set()
    assert people[f"{BASE}/person/kovac Kovac"] == set()  # the council article's own
    # Every bare "Kovac" of the band article is its guitarist.
    rows = select(
        graph,
        'SELECT ?path ?who WHERE { ?m nif:anchorOf "Kovac" ; itsrdf:taIdentRef ?who ; '
        "nif:referenceContext/kg:path ?path }",
    )
    band = {who for path, who in rows if path == "band.txt"}
    vote = {who for path, who in rows if path == "vote.txt"}
    assert band == {f"{BASE}/person/ivan-kovac"}
    assert vote == {f"{BASE}/person/kovac"}
