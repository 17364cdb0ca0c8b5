"""The seed articles, built by `kg build`, checked fact by fact with SPARQL over kg.ttl."""

from __future__ import annotations

import json

import pytest
from conftest import SEEDS, select
from rdflib import Graph

REUTERS = "000_d4672ff891c8bbe5"
AFP = "004_aa04e5d0ab04c999"


def article_of(graph: Graph, source_name: str) -> str:
    rows = select(
        graph,
        f"""SELECT ?a WHERE {{ ?a a schema:NewsArticle .
            BIND(IRI(CONCAT(STR(?a), "#source")) AS ?src)
            ?src kg:path ?path . FILTER(CONTAINS(?path, "{source_name}")) }}""",
    )
    assert len(rows) == 1, rows
    return rows[0][0]


def test_seed_files_are_the_shared_seeds_byte_for_byte() -> None:
    from conftest import SHARED

    for name in (REUTERS, AFP):
        assert (SEEDS / f"{name}.txt").read_bytes() == (
            SHARED / "seeds" / f"{name}.txt"
        ).read_bytes()


def test_everything_is_published(seeds_build) -> None:
    out, result = seeds_build
    assert result.complete
    assert len(result.published) == 2
    lines = [json.loads(line) for line in (out / "report.jsonl").read_text().splitlines()]
    assert [(p["kind"], p["source"]) for p in lines] == [("warning", "--base-iri")]


def test_two_news_articles(seeds_graph: Graph) -> None:
    assert len(select(seeds_graph, "SELECT ?a WHERE { ?a a schema:NewsArticle }")) == 2


def test_reuters_authors_are_exactly_the_byline(seeds_graph: Graph) -> None:
    a = article_of(seeds_graph, REUTERS)
    rows = select(
        seeds_graph, f"SELECT ?n ?t WHERE {{ <{a}> schema:author ?p . ?p schema:name ?n ; a ?t }}"
    )
    assert sorted(rows) == [
        ("Maria Vasilyeva", "http://schema.org/Person"),
        ("Vladimir Soldatkin", "http://schema.org/Person"),
    ]


@pytest.mark.parametrize("name", ["Vladimir Putin", "Kim Jong Un"])
def test_leaders_are_one_person_mentioned_by_both_articles(seeds_graph: Graph, name: str) -> None:
    people = select(seeds_graph, f'SELECT ?p WHERE {{ ?p a schema:Person ; schema:name "{name}" }}')
    assert len(people) == 1
    articles = select(seeds_graph, f"SELECT ?a WHERE {{ ?a schema:mentions <{people[0][0]}> }}")
    assert len(articles) == 2


def test_putin_short_form_and_title(seeds_graph: Graph) -> None:
    rows = select(
        seeds_graph,
        'SELECT ?alt ?title WHERE { ?p schema:name "Vladimir Putin" ; schema:alternateName ?alt ; '
        "schema:jobTitle ?title }",
    )
    assert ("Putin", "President") in rows
    # No second Person for the short form.
    assert select(seeds_graph, 'SELECT ?p WHERE { ?p a schema:Person ; schema:name "Putin" }') == []


def test_kim_short_form_is_kim_jong_un(seeds_graph: Graph) -> None:
    rows = select(seeds_graph, 'SELECT ?n WHERE { ?p schema:alternateName "Kim" ; schema:name ?n }')
    assert rows == [("Kim Jong Un",)]


@pytest.mark.parametrize(
    "name",
    ["Kim Il Sung", "Kim Jong Il", "Donald Trump", "Dmitry Medvedev", "Xi Jinping", "Moon Jae-in"],
)
def test_other_people_are_distinct_persons(seeds_graph: Graph, name: str) -> None:
    rows = select(seeds_graph, f'SELECT ?p WHERE {{ ?p a schema:Person ; schema:name "{name}" }}')
    assert len(rows) == 1


def test_all_those_people_have_different_iris(seeds_graph: Graph) -> None:
    names = ["Vladimir Putin", "Kim Jong Un", "Kim Il Sung", "Kim Jong Il", "Donald Trump",
             "Dmitry Medvedev", "Xi Jinping", "Moon Jae-in"]  # fmt: skip
    values = " ".join(f'"{n}"' for n in names)
    rows = select(
        seeds_graph, f"SELECT DISTINCT ?p WHERE {{ VALUES ?n {{ {values} }} ?p schema:name ?n }}"
    )
    assert len(rows) == len(names)


def test_no_wrong_types_or_chrome_entities(seeds_graph: Graph) -> None:
    assert (
        select(
            seeds_graph,
            'SELECT ?p WHERE { ?p a schema:Person ; schema:name ?n FILTER(CONTAINS(?n, "Vladivostok")) }',
        )
        == []
    )  # noqa: E501
    assert (
        select(
            seeds_graph,
            'SELECT ?o WHERE { ?o a schema:Organization ; schema:name ?n FILTER(CONTAINS(?n, "Trump")) }',
        )
        == []
    )  # noqa: E501
    assert (
        select(
            seeds_graph, 'SELECT ?x WHERE { ?x schema:name ?n FILTER(CONTAINS(?n, "Classifieds")) }'
        )
        == []
    )
    # Photo credits are not people.
    assert (
        select(
            seeds_graph,
            'SELECT ?x WHERE { ?x schema:name ?n FILTER(CONTAINS(?n, "Zemlianichenko")) }',
        )
        == []
    )


def test_no_name_keeps_possessive_or_whitespace(seeds_graph: Graph) -> None:
    rows = select(seeds_graph, "SELECT ?n WHERE { ?x schema:name|schema:alternateName ?n }")
    for (name,) in rows:
        assert name == name.strip() and "\n" not in name
        assert not name.endswith(("'s", "’s")), name


def test_vladivostok_is_linked_to_geonames(seeds_graph: Graph) -> None:
    rows = select(
        seeds_graph,
        """SELECT ?lat ?lon ?same ?country WHERE {
            ?v a schema:City ; schema:name "Vladivostok" ; schema:sameAs ?same ;
               schema:geo [ schema:latitude ?lat ; schema:longitude ?lon ] ;
               schema:containedInPlace [ a schema:Country ; schema:name ?country ] }""",
    )
    assert len(rows) == 1
    lat, lon, same, country = rows[0]
    assert abs(float(lat) - 43.1) < 0.1 and abs(float(lon) - 131.9) < 0.1
    assert same == "https://sws.geonames.org/2013348/"
    assert country == "Russia"


BODY_JUNK = ["Advertisement", "search-icon-img", "featured-img", "ftr-facebook", "tlbr_img",
             "• fb", "whatsapp", "Subscribe", "+0 / -0", "Gazprom", "sheeple", "Classifieds",
             "Photo:", "golf courses"]  # fmt: skip


@pytest.mark.parametrize("source,last", [
    (REUTERS, "at the university campus on Russky island where the talks were taking place."),
    (AFP, "installed Kim’s grandfather Kim Il Sung as leader."),
])  # fmt: skip
def test_body_is_clean_and_complete(seeds_graph: Graph, source: str, last: str) -> None:
    a = article_of(seeds_graph, source)
    (body,) = select(seeds_graph, f"SELECT ?b WHERE {{ <{a}> schema:articleBody ?b }}")[0]
    for junk in BODY_JUNK:
        assert junk not in body, junk
    assert body.endswith(last)
    assert not body.rstrip().endswith("AFP")


def test_first_paragraphs_are_kept(seeds_graph: Graph) -> None:
    bodies = [b for (b,) in select(seeds_graph, "SELECT ?b WHERE { ?a schema:articleBody ?b }")]
    firsts = sorted(b.split("\n\n")[0] for b in bodies)
    assert firsts[0].startswith(
        "North Korean leader Kim Jong Un met Russian President Vladimir Putin"
    )
    assert firsts[1].startswith("North Korean leader Kim Jong Un said he was looking forward")


def test_reader_comments_are_comments_not_body(seeds_graph: Graph) -> None:
    a = article_of(seeds_graph, REUTERS)
    texts = [
        t
        for (t,) in select(
            seeds_graph,
            f"SELECT ?t WHERE {{ <{a}> schema:comment [ a schema:Comment ; schema:text ?t ] }}",
        )
    ]  # noqa: E501
    assert any("Gazprom" in t for t in texts) and any("sheeple" in t for t in texts)


def test_reuters_photo_is_an_image_object(seeds_graph: Graph) -> None:
    a = article_of(seeds_graph, REUTERS)
    rows = select(
        seeds_graph,
        f"SELECT ?c ?credit WHERE {{ <{a}> schema:image [ a schema:ImageObject ; schema:caption ?c ; schema:creditText ?credit ] }}",  # noqa: E501
    )
    assert rows == [(
        "Russian President Vladimir Putin, right, and North Korean leader Kim Jong Un shake hands "
        "during their meeting in Vladivostok, Russia, on Thursday.",
        "Alexander Zemlianichenko/Pool via REUTERS",
    )]  # fmt: skip


def test_afp_photo_credit(seeds_graph: Graph) -> None:
    a = article_of(seeds_graph, AFP)
    rows = select(
        seeds_graph, f"SELECT ?credit WHERE {{ <{a}> schema:image [ schema:creditText ?credit ] }}"
    )
    assert rows == [("AFP",)]


def test_datelines(seeds_graph: Graph) -> None:
    rows = dict(
        select(
            seeds_graph,
            "SELECT ?src ?d WHERE { ?a schema:dateline ?d . BIND(IRI(CONCAT(STR(?a), '#source')) AS ?s) ?s kg:path ?src }",
        )  # noqa: E501
    )
    by_name = {k.rsplit("/", 1)[-1].removesuffix(".txt"): v for k, v in rows.items()}
    assert by_name[REUTERS] == "VLADIVOSTOK, Russia"
    assert by_name[AFP].startswith("Vladivostok (Russia), Apr 24")
    created = select(
        seeds_graph, "SELECT DISTINCT ?n WHERE { ?a schema:locationCreated [ schema:name ?n ] }"
    )
    assert created == [("Vladivostok",)]


def test_headlines_and_sections(seeds_graph: Graph) -> None:
    afp = article_of(seeds_graph, AFP)
    reuters = article_of(seeds_graph, REUTERS)
    assert select(seeds_graph, f"SELECT ?h WHERE {{ <{afp}> schema:headline ?h }}") == [
        ("Kim in Russia for talks on N-deal deadlock",)
    ]
    assert select(
        seeds_graph,
        f"SELECT ?h ?s WHERE {{ <{reuters}> schema:headline ?h ; schema:articleSection ?s }}",
    ) == [  # noqa: E501
        ("Putin, N Korean leader Kim hold 1st talks in Russia", "world")
    ]


def test_news_agencies_are_source_organizations(seeds_graph: Graph) -> None:
    rows = select(
        seeds_graph,
        "SELECT ?src ?n WHERE { ?a schema:sourceOrganization [ a schema:Organization ; schema:name ?n ] . "
        "BIND(IRI(CONCAT(STR(?a), '#source')) AS ?s) ?s kg:path ?src }",
    )
    found = {(src.rsplit("/", 1)[-1].removesuffix(".txt"), n) for src, n in rows}
    assert found == {(REUTERS, "Reuters"), (AFP, "Agence France-Presse")}


def test_dates_from_sidecars(seeds_graph: Graph) -> None:
    rows = select(
        seeds_graph, "SELECT ?d (DATATYPE(?d) AS ?t) WHERE { ?a schema:datePublished ?d }"
    )
    assert sorted(rows) == [
        ("2019-04-24", "http://www.w3.org/2001/XMLSchema#date"),
        ("2019-04-25", "http://www.w3.org/2001/XMLSchema#date"),
    ]


def test_mentions_point_at_the_source_text(seeds_graph: Graph) -> None:
    rows = select(
        seeds_graph,
        "SELECT ?path ?b ?e ?text WHERE { ?m nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?text ; "
        "nif:referenceContext ?src . ?src kg:path ?path }",
    )
    assert len(rows) > 40
    texts = {}
    for path, begin, end, anchor in rows:
        name = path.rsplit("/", 1)[-1]
        texts.setdefault(name, (SEEDS / name).read_text(encoding="utf-8"))
        assert texts[name][int(begin) : int(end)] == anchor


def test_every_mention_target_is_described(seeds_graph: Graph) -> None:
    rows = select(
        seeds_graph,
        "SELECT ?x WHERE { ?a schema:mentions ?x FILTER NOT EXISTS { ?x a ?t ; schema:name ?n } }",
    )
    assert rows == []


def test_provenance_of_each_article_graph(seeds_out) -> None:
    from rdflib import Dataset

    ds = Dataset()
    ds.parse(seeds_out / "kg.nq", format="nquads")
    graphs = [g for g in ds.graphs() if "/graph/article/" in str(g.identifier)]
    assert len(graphs) == 2
    for g in graphs:
        rows = select(
            g,
            f"SELECT ?src ?t ?v WHERE {{ <{g.identifier}> prov:wasDerivedFrom ?src ; "
            "prov:generatedAtTime ?t ; prov:wasAttributedTo [ schema:softwareVersion ?v ] }",
        )
        assert len(rows) == 1
