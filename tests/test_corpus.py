"""What a build keeps of the corpus between extraction and mapping (kg.corpus)."""

from __future__ import annotations

import json
from pathlib import Path

from kg.build import BuildOptions, build
from kg.build.corpus import Corpus
from kg.extract.article import extract
from kg.extract.nlp import load
from kg.link.iris import Iris
from kg.model import Meta, RawDocument

TEXT = (
    "Kim meets Putin\n\nNorth Korean leader Kim Jong Un met Russian President Vladimir Putin "
    "in Vladivostok on Thursday, officials said.\n\nPutin said the talks were useful."
)


def record(ident: str, text: str = TEXT) -> str:
    return json.dumps({"id": ident, "text": text, "datePublished": "2019-04-25"}) + "\n"


def test_duplicate_ids_are_rejected_after_the_first(tmp_path: Path) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text(record("story-1") + record("story-1", TEXT + " Again.") + record("story-2"))
    second.write_text(record("story-2", TEXT + " Later."))
    result = build(
        BuildOptions(sources=(str(first), str(second)), out=tmp_path / "out", cache=False)
    )
    assert result.published == ["story-1", "story-2"]
    reasons = [(p.source, p.line, p.reason) for p in result.problems if p.kind == "rejected"]
    # Sources are named by their file names, never by a local path.
    assert reasons == [
        ("a.jsonl", 2, "duplicate article id 'story-1' (first in an earlier line)"),
        ("b.jsonl", 1, "duplicate article id 'story-2' (first in a.jsonl)"),
    ]


def test_no_cache_leaves_no_cache_behind(tmp_path: Path) -> None:
    source = tmp_path / "news.jsonl"
    source.write_text(record("story-1"))
    out = tmp_path / "out"
    build(BuildOptions(sources=(str(source),), out=out, cache=False))
    assert not (out / ".kg" / "cache.sqlite").exists()
    assert [p.name for p in out.iterdir() if "cache" in p.name] == []


def test_only_event_articles_are_kept_and_without_their_text() -> None:
    docs = [
        RawDocument("a.txt", TEXT, Meta(id="met", date_published="2019-04-25")),
        RawDocument("b.txt", "Shares rose on Monday.\n\nNothing else happened.", Meta(id="dull")),
    ]
    corpus = Corpus(Iris("http://localhost:8000/"))
    for n, article in enumerate(extract(docs, load())):
        assert corpus.add(article, f"key{n}") is None
    assert [e.id for e in corpus.entries] == ["met", "dull"]
    kept = corpus._eventful
    assert [a.id for a in kept] == ["met"]
    assert kept[0].body == "" and kept[0].mentions == [] and kept[0].events
    corpus.event_mapper()
    assert corpus._eventful == []  # linked: the lean copies are let go
