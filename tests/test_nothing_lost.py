"""No article lost (issue 14): headline fallbacks, body-less inputs, the SHACL net.

An input with text or a headline is published; only an input with neither is
rejected. A SHACL failure on a derived node costs the node, not the article.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import SEEDS, select
from rdflib import Graph, URIRef

from kg.build import BuildOptions, BuildResult, build
from kg.build.batches import GraphWork, map_batch
from kg.build.cache import Cache
from kg.build.corpus import Corpus
from kg.extract.page.fallback import FILE_NAME, FIRST_SENTENCE, SHORT_FIRST_LINE, shorten
from kg.link.iris import Iris
from kg.model import Article, Entity, GeoPlace, Mention
from kg.rdf.mapping import article_triples
from kg.validate import Validator
from kg.validate.salvage import required_paths, rescue

PAGES = Path(__file__).parent / "data" / "pages"
SHORT = (
    "Dam repaired\n\nWorkers finished repairs to the old dam on Friday. The path reopens soon.\n"
)
BODY_ONLY = (
    "Residents of the village voted on Sunday to keep their post office open, after a "
    "campaign that lasted two years and filled the school hall every month.\n\n"
    "The vote was counted by the parish clerk.\n"
)


def built(folder: Path, out: Path) -> tuple[Graph, list[dict], BuildResult]:
    result = build(BuildOptions(sources=(str(folder),), out=out))
    report = [json.loads(line) for line in (out / "report.jsonl").read_text().splitlines()]
    return Graph().parse(out / "kg.ttl"), report, result


def headline_of(graph: Graph, source: str) -> tuple[str, str | None]:
    rows = select(
        graph,
        f"""SELECT ?h ?b WHERE {{ ?a a schema:NewsArticle ; schema:headline ?h .
            OPTIONAL {{ ?a schema:articleBody ?b }}
            BIND(IRI(CONCAT(STR(?a), "#source")) AS ?src)
            ?src kg:path ?path . FILTER(STRENDS(?path, "{source}")) }}""",
    )
    assert len(rows) == 1, rows
    return rows[0]


def warnings_of(report: list[dict], source: str) -> list[str]:
    return [p["reason"] for p in report if p["kind"] == "warning" and p["source"].endswith(source)]


def test_short_first_line_is_the_headline(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "dam.txt").write_text(SHORT, encoding="utf-8")
    graph, report, _ = built(tmp_path / "in", tmp_path / "out")
    headline, body = headline_of(graph, "dam.txt")
    assert headline == "Dam repaired"
    assert body == "Workers finished repairs to the old dam on Friday. The path reopens soon."
    assert warnings_of(report, "dam.txt") == [SHORT_FIRST_LINE]


def test_body_only_text_gets_its_first_sentence(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "vote.txt").write_text(BODY_ONLY, encoding="utf-8")
    graph, report, _ = built(tmp_path / "in", tmp_path / "out")
    headline, body = headline_of(graph, "vote.txt")
    assert headline == (
        "Residents of the village voted on Sunday to keep their post office open, after a "
        "campaign that lasted two…"
    )
    assert body.startswith("Residents of the village voted on Sunday")  # the sentence stays
    assert body.endswith("The vote was counted by the parish clerk.")
    assert warnings_of(report, "vote.txt") == [FIRST_SENTENCE]


def test_sidecar_headline_for_a_body_only_text(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "vote.txt").write_text(BODY_ONLY, encoding="utf-8")
    sidecar = {"headline": "Village keeps its post office", "datePublished": "2024-06-02"}
    (tmp_path / "in" / "vote.meta.json").write_text(json.dumps(sidecar), encoding="utf-8")
    graph, report, _ = built(tmp_path / "in", tmp_path / "out")
    headline, _ = headline_of(graph, "vote.txt")
    assert headline == "Village keeps its post office"
    assert warnings_of(report, "vote.txt") == [
        "headline from the sidecar vote.meta.json (the text does not show it)"
    ]


def test_file_name_when_the_text_has_no_sentence(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "harbour_notes.txt").write_text("http://x.example/a\n", encoding="utf-8")
    graph, report, _ = built(tmp_path / "in", tmp_path / "out")
    assert headline_of(graph, "harbour_notes.txt")[0] == "harbour notes"
    assert warnings_of(report, "harbour_notes.txt") == [FILE_NAME]


def test_shorten_cuts_at_a_word_boundary() -> None:
    assert shorten("Short sentence.") == "Short sentence."
    long = "word " * 40
    cut = shorten(long, limit=22)
    assert cut == "word word word word…"


def test_mixed_folder_publishes_five_and_rejects_two(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    shutil.copytree(SEEDS, folder)
    (folder / "dam.txt").write_text(SHORT, encoding="utf-8")
    (folder / "vote.txt").write_text(BODY_ONLY, encoding="utf-8")
    shutil.copy(PAGES / "video_page.html", folder / "video_page.html")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    graph, report, result = built(folder, tmp_path / "out")
    assert len(result.published) == 5
    not_published = sorted(
        (Path(p["source"]).name, p["reason"]) for p in report if p["kind"] != "warning"
    )
    assert not_published == [("empty.txt", "empty file"), ("image.txt", "binary file, not text")]
    assert warnings_of(report, "video_page.html") == [
        "no article text found in the page; published from its metadata"
    ]
    # The seeds' own graphs are what a build of the seeds alone publishes.
    alone = tmp_path / "seeds-out"
    build(BuildOptions(sources=(str(SEEDS),), out=alone))
    for ttl in sorted((alone / "articles").glob("*.ttl")):
        assert _facts(tmp_path / "out" / "articles" / ttl.name) == _facts(ttl), ttl.name


def _facts(path: Path) -> set[tuple[str, str, str]]:
    """An article graph's triples, without where and when it was read."""
    skip = {"https://w3id.org/kg-news/vocab#path", "http://www.w3.org/ns/prov#generatedAtTime"}
    graph = Graph().parse(path)
    return {(str(s), str(p), str(o)) for s, p, o in graph if str(p) not in skip}


# -- the SHACL net ----------------------------------------------------------------------------


def _atlantis() -> Article:
    """An article whose place has an impossible latitude: a derived node that fails."""
    a = Article(
        id="a1",
        source="x.txt",
        source_line=None,
        source_sha256="0" * 64,
        source_mtime=0.0,
        headline="Kim visits Atlantis",
        body="Kim went to Atlantis.",
    )
    a.entities = [
        Entity("Person", "Kim"),
        Entity("Place", "Atlantis", geo=GeoPlace(1, "Atlantis", "City", None, 143.1, 10.0)),
    ]
    a.mentions = [Mention(0, 3, "Kim", 0), Mention(12, 20, "Atlantis", 1)]
    return a


def test_net_leaves_the_failing_node_out() -> None:
    iris, validator = Iris("http://example.org/"), Validator()
    corpus = Corpus(iris)
    corpus.add(_atlantis(), "k")
    corpus.linker.resolve()
    triples = article_triples(_atlantis(), iris, corpus.linker, 0.0)
    (report,) = validator.validate_many([("k", triples)]).values()
    assert not report.conforms
    rescued = rescue(
        [("k", iris.article("a1"), triples, report)], validator, required_paths(validator.shapes)
    )
    r = rescued["k"]
    assert r.report.conforms
    assert r.left_out == (
        "fails SHACL, left out: http://example.org/place/atlantis-1#geo: "
        "latitude must be one number from -90 to 90",
    )
    subjects = {s.value for s, _, _ in r.triples}
    assert "http://example.org/place/atlantis-1#geo" not in subjects
    assert iris.article("a1") in subjects and "http://example.org/place/atlantis-1" in subjects


def test_net_never_saves_an_article_without_a_headline() -> None:
    iris, validator = Iris("http://example.org/"), Validator()
    a = _atlantis()
    a.headline = None
    corpus = Corpus(iris)
    corpus.add(a, "k")
    corpus.linker.resolve()
    triples = article_triples(a, iris, corpus.linker, 0.0)
    (report,) = validator.validate_many([("k", triples)]).values()
    rescued = rescue(
        [("k", iris.article("a1"), triples, report)], validator, required_paths(validator.shapes)
    )
    assert not rescued["k"].report.conforms
    assert required_paths(validator.shapes) == frozenset({"http://schema.org/headline"})


def test_net_in_a_batch_publishes_the_article(tmp_path: Path) -> None:
    iris = Iris("http://example.org/")
    cache_path = tmp_path / "cache.sqlite"
    with Cache.opened(cache_path) as cache:
        cache.put_many([("k", _atlantis())])
    corpus = Corpus(iris)
    corpus.add(_atlantis(), "k")
    events = corpus.event_mapper()
    corpus.linker.resolve()
    (tmp_path / "articles").mkdir()
    (tmp_path / "spool").mkdir()
    work = GraphWork(
        iris,
        corpus.linker,
        events,
        Validator(),
        cache_path,
        {},
        tmp_path / "articles",
        tmp_path / "spool",
    )
    batch = map_batch(work, (0, corpus.entries))
    (mapped,) = batch.mapped
    assert mapped.report.conforms and mapped.written
    assert len(mapped.left_out) == 1 and "atlantis-1#geo" in mapped.left_out[0]
    published = Graph().parse(tmp_path / "articles" / f"{mapped.stem}.ttl")
    assert (URIRef("http://example.org/place/atlantis-1"), None, None) in published
    assert (URIRef("http://example.org/place/atlantis-1#geo"), None, None) not in published


def test_net_in_a_build_reports_what_it_left_out(tmp_path: Path) -> None:
    """A newsroom authority file that gives one IRI to a person and a place: the node
    would have two names and fail its shape; the article is published without it."""
    (tmp_path / "in").mkdir()
    record = {
        "id": "n1",
        "title": "Harbour reopens",
        "text": "The harbour in Porto reopened on Tuesday. Rui Almeida, the harbour master, "
        "said ships would dock again from Wednesday.",
    }
    (tmp_path / "in" / "a.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    authority = tmp_path / "authority.csv"
    authority.write_text(
        "id,type,name\nhttps://newsroom.example.org/id/42,Person,Rui Almeida\n"
        "https://newsroom.example.org/id/42,Place,Porto\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = build(BuildOptions(sources=(str(tmp_path / "in"),), out=out, authority=authority))
    assert result.published == ["n1"]
    assert result.of_kind("invalid") == []
    lines = (out / "report.jsonl").read_text().splitlines()
    warned = [p for p in map(json.loads, lines) if p["source"] != "--base-iri"]
    assert warned == [
        {
            "article": "n1",
            "kind": "warning",
            "line": 1,
            # (typed Person and Place at once: not only a place, and two names; the
            # first of its violations is the one reported)
            "reason": "fails SHACL, left out: https://newsroom.example.org/id/42: a place "
            "(locationCreated, contentLocation, location, containedInPlace) must be a Place, "
            "City, Country or AdministrativeArea described in the graph",
            "source": "a.jsonl",  # named relative to the folder given, never by a local path
        }
    ]
    graph = Graph().parse(out / "kg.ttl")
    assert (URIRef("https://newsroom.example.org/id/42"), None, None) not in graph
    assert select(graph, "SELECT ?h WHERE { ?a schema:headline ?h }") == [("Harbour reopens",)]


@pytest.mark.parametrize("name", ["blank.txt", "nothing.jsonl"])
def test_neither_text_nor_headline_is_rejected(tmp_path: Path, name: str) -> None:
    data = b"  \n" if name.endswith(".txt") else b'{"id": "x", "datePublished": "2024-01-01"}\n'
    (tmp_path / name).write_bytes(data)
    result = build(BuildOptions(sources=(str(tmp_path / name),), out=tmp_path / "out"))
    assert result.published == []
    assert [p.kind for p in result.problems if p.source != "--base-iri"] == ["rejected"]


def test_empty_text_with_a_sidecar_headline_is_published(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "stub.txt").write_bytes(b"")
    (tmp_path / "in" / "stub.meta.json").write_text('{"headline": "Council meets tonight"}')
    graph, report, result = built(tmp_path / "in", tmp_path / "out")
    assert len(result.published) == 1
    assert headline_of(graph, "stub.txt") == ("Council meets tonight", None)
    assert warnings_of(report, "stub.txt") == [
        "empty file: published from the headline of its sidecar"
    ]
    assert os.path.exists(tmp_path / "out" / "kg.ttl")
