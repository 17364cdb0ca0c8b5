"""The corpus-wide merge rule: one IRI, one name, one class, and no article lost to it.

Hand-written pairs of articles that disagree about an entity go through the real
Linker, mapping and SHACL validator (in one batch, as kg build validates them);
the two GUM texts whose shared "Hong Kong" once made both fail are built for real.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import SHARED
from rdflib import Graph, Literal, URIRef

from kg.build import BuildOptions, build
from kg.lexicon.gazetteer import gazetteer
from kg.link.iris import Iris
from kg.link.merge import Linker
from kg.model import Article, Entity, Mention
from kg.rdf.convert import graph_from
from kg.rdf.mapping import article_triples
from kg.rdf.namespaces import RDF, SCHEMA
from kg.validate import Validator

GUM = SHARED / "data" / "ner-gum" / "gum_dev_articles.jsonl"


def article(ident: str, *entities: Entity) -> Article:
    text = " ".join(e.name for e in entities)
    mentions, pos = [], 0
    for i, e in enumerate(entities):
        mentions.append(Mention(pos, pos + len(e.name), e.name, i))
        pos += len(e.name) + 1
    return Article(
        id=ident,
        source=f"{ident}.txt",
        source_line=None,
        source_sha256="0" * 64,
        source_mtime=0.0,
        headline=ident,
        body=text,
        entities=list(entities),
        mentions=mentions,
    )


def publish(*articles: Article) -> tuple[Graph, dict[str, bool]]:
    """The union of the article graphs and whether each conforms, validated together."""
    iris = Iris()
    linker = Linker(iris)
    for a in articles:
        linker.add(a)
    triples = {a.id: article_triples(a, iris, linker, 0.0) for a in articles}
    reports = Validator().validate_many(list(triples.items()))
    union = Graph()
    for t in triples.values():
        union += graph_from(t)
    return union, {k: r.conforms for k, r in reports.items()}


def names(graph: Graph, iri: str) -> set[str]:
    return {str(o) for o in graph.objects(URIRef(iri), SCHEMA.name)}


def test_a_place_the_gazetteer_missed_takes_the_geonames_name_of_its_iri() -> None:
    geo = gazetteer().resolve("Hong Kong")
    assert geo is not None and geo.kind == "Country"
    union, ok = publish(
        article("a", Entity("Place", "Hong Kong", geo=geo)),
        article("b", Entity("Place", "HONG-KONG")),
    )
    assert ok == {"a": True, "b": True}
    node = "http://localhost:8000/place/hong-kong"
    assert names(union, node) == {"Hong Kong"}
    assert {str(o) for o in union.objects(URIRef(node), SCHEMA.alternateName)} == {"HONG-KONG"}
    assert set(union.objects(URIRef(node), RDF.type)) == {SCHEMA.Country}


def test_a_nationality_and_a_place_name_share_one_node() -> None:
    # The person's nationality describes the country from GeoNames; the other article
    # names it in a form the gazetteer does not know.
    person = Entity("Person", "Ana Silva", nationality="HK")
    union, ok = publish(article("a", person), article("b", Entity("Place", "Hong-Kong")))
    assert ok == {"a": True, "b": True}
    assert names(union, "http://localhost:8000/place/hong-kong") == {"Hong Kong"}


def test_two_spellings_give_one_canonical_name_whatever_the_order() -> None:
    first = article("a", Entity("Person", "Kim Jong-un"))
    second = article("b", Entity("Person", "Kim Jong Un"))
    third = article("c", Entity("Person", "Kim Jong Un"))
    for order in ([first, second, third], [third, second, first]):
        union, ok = publish(*order)
        assert all(ok.values())
        node = "http://localhost:8000/person/kim-jong-un"
        assert names(union, node) == {"Kim Jong Un"}  # written so by two articles of three
        assert {str(o) for o in union.objects(URIRef(node), SCHEMA.alternateName)} == {
            "Kim Jong-un"
        }


def test_a_tie_between_spellings_is_broken_the_same_way_every_time() -> None:
    a = article("a", Entity("Organization", "Acme-Widgets"))
    b = article("b", Entity("Organization", "Acme Widgets"))
    for order in ([a, b], [b, a]):
        union, _ = publish(*order)
        # equally often, equally long: the first in code-point order (" " < "-")
        assert names(union, "http://localhost:8000/organization/acme-widgets") == {"Acme Widgets"}


def test_two_classes_for_one_place_give_one_class() -> None:
    union, ok = publish(
        article("a", Entity("Place", "Lotfollah Mosque", kind="Mosque")),
        article("b", Entity("Place", "Lotfollah Mosque", kind="Mosque")),
        article("c", Entity("Place", "Lotfollah Mosque")),
    )
    assert all(ok.values())
    node = URIRef("http://localhost:8000/place/lotfollah-mosque")
    assert set(union.objects(node, RDF.type)) == {SCHEMA.Mosque}


def test_geonames_places_whose_names_make_one_slug_get_two_iris() -> None:
    places = [g for g in gazetteer().candidates("Saint Paul") if g.kind == "City"]
    other = [g for g in gazetteer().candidates("Saint-Paul") if g.kind == "City"]
    assert places and other and places[0].geonames_id != other[0].geonames_id
    union, ok = publish(
        article("a", Entity("Place", places[0].name, geo=places[0])),
        article("b", Entity("Place", other[0].name, geo=other[0])),
    )
    assert all(ok.values())
    iris = Iris()
    assert iris.place(places[0]) != iris.place(other[0])
    for geo in (places[0], other[0]):
        assert names(union, iris.place(geo)) == {geo.name}


def test_a_work_and_a_law_are_published_with_their_classes() -> None:
    union, ok = publish(
        article(
            "a",
            Entity("Thing", "Glass Orchard", kind="Movie"),
            Entity("Thing", "Clean Air Act", kind="Legislation"),
        )
    )
    assert ok == {"a": True}
    assert (URIRef("http://localhost:8000/thing/glass-orchard"), RDF.type, SCHEMA.Movie) in union
    law = URIRef("http://localhost:8000/thing/clean-air-act")
    assert (law, RDF.type, SCHEMA.Legislation) in union
    assert (law, SCHEMA.name, Literal("Clean Air Act")) in union


def test_the_two_gum_texts_that_shared_hong_kong_are_both_published(tmp_path: Path) -> None:
    wanted = {"GUM_interview_mckenzie", "GUM_letter_roomers"}
    lines = [line for line in GUM.read_text(encoding="utf-8").splitlines() if line.strip()]
    part = tmp_path / "two.jsonl"
    part.write_text(
        "".join(line + "\n" for line in lines if json.loads(line)["id"] in wanted),
        encoding="utf-8",
    )
    base = "https://news.example.org/kg/"  # not kg's default, which has a warning of its own
    options = BuildOptions(sources=(str(part),), out=tmp_path / "out", base_iri=base, cache=False)
    result = build(options)
    assert sorted(result.published) == sorted(wanted)
    # nothing refused, and nothing left out by the build's SHACL net either
    assert result.problems == []
    graphs = Graph()
    for name in wanted:
        graphs.parse(tmp_path / "out" / "articles" / f"{name}.ttl")
    node = URIRef(f"{base}place/hong-kong")
    assert {str(o) for o in graphs.objects(node, SCHEMA.name)} == {"Hong Kong"}
