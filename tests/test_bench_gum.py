"""The GUM harness (bench/gum.py): what a published graph counts as, and the scoring."""

from __future__ import annotations

from rdflib import Graph

from bench import gum

GRAPH = """
@prefix schema: <http://schema.org/> .
@prefix ex: <http://example.org/> .
ex:a a schema:NewsArticle ; schema:mentions ex:p, ex:m, ex:c, ex:w, ex:o .
ex:p a schema:Person ; schema:name "Odile Marchand" ; schema:alternateName "Marchand" .
ex:m a schema:Museum ; schema:name "Louvre" .
ex:c a schema:City ; schema:name "Paris" .
ex:w a schema:Movie ; schema:name "Jules et Jim" .
ex:o a schema:NewsMediaOrganization ; schema:name "Le Monde" .
ex:x a schema:Person ; schema:name "Not mentioned" .
"""


def test_mentioned_nodes_count_as_their_schema_org_parent_type() -> None:
    items = gum.graph_entities(Graph().parse(data=GRAPH, format="turtle"))
    assert sorted((i["type"], tuple(i["names"])) for i in items) == [  # type: ignore[arg-type]
        ("Organization", ("Le Monde",)),
        ("Person", ("Odile Marchand", "Marchand")),
        ("Place", ("Louvre",)),  # a museum is a building: a Place, as GUM counts it
        ("Place", ("Paris",)),
    ]  # the Movie is none of the three; the node not mentioned is not the article's


def test_the_data_sets_scorer_matches_any_name_of_an_entity() -> None:
    gold = gum.gold()
    article = next(iter(gold))
    entity = next(e for e in gold[article] if e["type"] == "Person")
    form = entity["forms"][0]  # type: ignore[index]
    preds = {article: [{"type": "Person", "names": ["Nobody Here", form]}]}
    scores = gum.score(preds, [article])
    assert scores["Person"]["tp"] == 1 and scores["Person"]["fp"] == 0
    wrong = {article: [{"type": "Organization", "names": [form]}]}
    assert gum.score(wrong, [article])["Person"]["tp"] == 0
