"""One article never stops a batch: long texts are analysed in pieces, and an error in one
article's extraction is a `failed` line for it while the rest publishes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import CORPUS, SEEDS
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from kg.build import BuildOptions, build
from kg.extract import article as article_mod
from kg.extract import nlp as nlp_mod
from kg.extract import pieces
from kg.model import Article, Failed, Meta, RawDocument
from kg.publish.state import open_state

TWO_MB = 2_000_000


def corpus_text(chars: int) -> str:
    """Real article paragraphs, blank-line separated, cut to ``chars`` characters."""
    parts: list[str] = []
    size = 0
    with CORPUS.open(encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            parts.append(text)
            size += len(text) + 2
            if size >= chars:
                break
    return "\n\n".join(parts)[:chars]


@given(st.text(alphabet=st.sampled_from("ab .\n"), max_size=3000), st.integers(10, 400))
def test_pieces_join_back_to_the_text(text: str, limit: int) -> None:
    cut = pieces.cut(text, limit)
    assert "".join(cut) == text
    assert all(0 < len(p) <= limit for p in cut) or text == ""


def test_pieces_end_at_paragraph_breaks() -> None:
    text = corpus_text(60_000)
    cut = pieces.cut(text, 20_000)
    assert len(cut) >= 3
    assert all(p.endswith("\n\n") for p in cut[:-1])


def test_a_two_megabyte_article_beside_the_seeds(tmp_path: Path) -> None:
    """spaCy refuses texts over 1,000,000 characters (E088), which used to stop the whole
    build; a 2 MB text is now analysed in pieces and published beside the seeds."""
    sources = tmp_path / "news"
    shutil.copytree(SEEDS, sources)
    long_text = corpus_text(TWO_MB)
    (sources / "long.txt").write_text(long_text, encoding="utf-8")
    headline = {"headline": "A year of business news, in one file"}
    (sources / "long.meta.json").write_text(json.dumps(headline), encoding="utf-8")
    assert len(long_text) > nlp_mod.load().max_length  # spaCy alone refuses it (E088)
    out = tmp_path / "out"
    result = build(BuildOptions(sources=(str(sources),), out=out))
    assert result.complete, result.problems
    assert len(result.published) == 3
    state = open_state(out)
    (aid, entry), *_ = [(a, e) for a, e in state.manifest.articles.items() if "long" in e["source"]]
    rows = state.store.query(
        f"""SELECT ?b ?e ?anchor WHERE {{ GRAPH <{entry["graph"]}> {{
              ?m nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?anchor }} }}"""
    )
    spans = [(int(r["b"].value), int(r["e"].value), r["anchor"].value) for r in rows]
    assert len(spans) > 1000  # mentions all the way through the text
    assert max(b for b, _, _ in spans) > 1_500_000
    assert all(long_text[b:e] == anchor for b, e, anchor in spans)  # offsets into the text


class Boom(Exception):
    """The bug an extraction rule might have."""


@pytest.fixture
def pipeline() -> Language:
    """A pipeline of its own (kg's is shared by the whole test session)."""
    return nlp_mod.load.__wrapped__(None)  # type: ignore[attr-defined]


DOCS = [
    RawDocument("a.txt", "Shares in Acme rose in London on Monday.", Meta(id="fine-1")),
    RawDocument("b.txt", "Officials said a BOOM was heard in Lyon on Monday.", Meta(id="bad")),
    RawDocument("c.txt", "Talks in Geneva ended on Friday.", Meta(id="fine-2")),
]


def test_an_error_in_a_pipeline_component_fails_only_its_document(pipeline: Language) -> None:
    @Language.component("explodes_on_boom")
    def explodes(doc: Doc) -> Doc:
        if "BOOM" in doc.text:
            raise Boom("a component broke on this text")
        return doc

    pipeline.add_pipe("explodes_on_boom", last=True)
    found = list(article_mod.extract(DOCS, pipeline))
    assert [type(a) for a in found] == [Article, Failed, Article]
    assert found[1] == Failed("b.txt", "extraction failed (Boom: a component broke on this text)")
    assert [a.id for a in found if isinstance(a, Article)] == ["fine-1", "fine-2"]


def test_an_error_in_the_rules_is_a_failed_line_and_the_rest_publishes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fault injection: the event detector raises on one article (any bug would)."""
    detect = article_mod.events.detect

    def broken(ctx: object) -> object:
        if "BOOM" in ctx.source:  # type: ignore[attr-defined]
            raise Boom("an event rule broke")
        return detect(ctx)

    monkeypatch.setattr(article_mod.events, "detect", broken)
    source = tmp_path / "news.jsonl"
    rows = [
        {"id": "one", "headline": "Acme shares rise", "text": "Shares in Acme rose on Monday."},
        {"id": "two", "headline": "Storm", "text": "A BOOM was heard in Paris on Monday."},
        {"id": "three", "headline": "Talks", "text": "Talks in Geneva ended on Friday."},
    ]
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out"
    result = build(BuildOptions(sources=(str(source),), out=out, workers=1))
    assert result.published == ["one", "three"]
    lines = (out / "report.jsonl").read_text().splitlines()
    report = [p for p in map(json.loads, lines) if p["source"] != "--base-iri"]
    assert report == [
        {
            "kind": "failed",
            "source": source.name,  # named by file name, never by a local path
            "line": 2,
            "reason": "extraction failed (Boom: an event rule broke)",
        }
    ]
    assert not result.complete
