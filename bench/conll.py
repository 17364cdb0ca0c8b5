"""Score kg's entity extraction on CoNLL-2003-style documents (exact-span mention P/R/F1).

The documents are JSON Lines with ``doc_id`` and ``sentences[]`` of ``tokens``
and gold ``entities`` (token ``start``, exclusive ``end``, ``type``). Each
document's text is its sentences joined with newlines, tokens joined with
spaces (the headline is the first sentence). kg extracts from that text like
any article; its mentions (character spans) are mapped back to token spans.
PER, LOC and ORG are scored (kg's Person, Place, Organization); MISC is not.
The raw spaCy model is scored on the same text for comparison.
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from kg.errors import DataError
from kg.extract import article as extraction
from kg.extract.entities.knowledge import Knowledge
from kg.extract.page.view import build_view, line_spans
from kg.model import Meta, RawDocument

SCORED = ("PER", "LOC", "ORG")
KG_TYPES = {"Person": "PER", "Place": "LOC", "Organization": "ORG"}
SPACY_TYPES = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG"}

Labelled = tuple[int, int, str]  # token start, token end (exclusive), type


@dataclass(frozen=True)
class GoldDoc:
    """One document: its text, where each token is in it, and the gold mentions."""

    id: str
    text: str
    token_starts: tuple[int, ...]
    token_ends: tuple[int, ...]
    gold: frozenset[Labelled]

    def token_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The tokens a character span covers (partly covered tokens included)."""
        first = bisect_right(self.token_ends, start)
        last = bisect_left(self.token_starts, end)
        return (first, last) if first < last else None


def read_docs(path: Path, limit: int | None = None) -> list[GoldDoc]:
    """The documents of a CoNLL JSON Lines file (the first ``limit`` when given)."""
    docs: list[GoldDoc] = []
    try:
        with path.open(encoding="utf-8") as f:
            for n, line in enumerate(f, start=1):
                if limit is not None and len(docs) >= limit:
                    break
                if line.strip():
                    docs.append(_gold_doc(json.loads(line), n))
    except OSError as e:
        raise DataError(f"cannot read {path}: {e.strerror or e}") from e
    except (ValueError, KeyError, TypeError) as e:
        raise DataError(f"{path}: not a CoNLL documents file ({e})") from e
    return docs


def _gold_doc(record: dict[str, object], line: int) -> GoldDoc:
    starts: list[int] = []
    ends: list[int] = []
    gold: set[Labelled] = set()
    pieces: list[str] = []
    pos = 0
    for sentence in record["sentences"]:  # type: ignore[attr-defined]
        first = len(starts)
        for token in sentence["tokens"]:
            starts.append(pos)
            ends.append(pos + len(token))
            pos += len(token) + 1
        pieces.append(" ".join(sentence["tokens"]))
        for ent in sentence.get("entities", ()):
            if ent["type"] in SCORED:
                gold.add((first + ent["start"], first + ent["end"], ent["type"]))
    return GoldDoc(
        str(record.get("doc_id") or f"line-{line}"),
        "\n".join(pieces),
        tuple(starts),
        tuple(ends),
        frozenset(gold),
    )


def kg_mentions(
    docs: list[GoldDoc],
    nlp: Language,
    knowledge: Knowledge | None = None,
    layout: bool = False,
) -> Iterator[set[Labelled]]:
    """kg's mentions of each document as labelled token spans.

    By default every line is analysed (CoNLL annotates bylines, datelines and
    tables too) with kg's text view (shouted lines truecased) and entity rules.
    With ``layout`` the text goes through kg build's page-layout step first, so
    only what kg build reads as headline, dateline and body is analysed.
    """
    if knowledge is not None:
        knowledge.bind(nlp)
    prepared = []
    for doc in docs:
        raw = RawDocument(source=doc.id, text=doc.text, meta=Meta(id=doc.id))
        base = extraction.prepare(raw)
        view = base.view if layout else build_view(doc.text, line_spans(doc.text))
        prepared.append(extraction.Prepared(raw, base.layout, view))
    pairs = nlp.pipe(((p.view.text, p) for p in prepared), as_tuples=True, batch_size=32)
    for (parsed, p), doc in zip(pairs, docs, strict=True):
        article = extraction.finish(p, parsed, knowledge)
        out: set[Labelled] = set()
        for m in article.mentions:
            span = doc.token_span(m.start, m.end)
            if span is not None:
                out.add((*span, KG_TYPES[article.entities[m.entity].type]))
        yield out


def spacy_mentions(docs: list[GoldDoc], nlp: Language) -> Iterator[set[Labelled]]:
    """The raw model's entities of each document as labelled token spans."""
    for parsed, doc in zip(nlp.pipe((d.text for d in docs), batch_size=32), docs, strict=True):
        out: set[Labelled] = set()
        for ent in parsed.ents:
            kind = SPACY_TYPES.get(ent.label_)
            span = doc.token_span(ent.start_char, ent.end_char)
            if kind and span is not None:
                out.add((*span, kind))
        yield out


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    """Scores per type and for all scored types together."""

    by_type: dict[str, Score] = field(default_factory=lambda: {t: Score() for t in SCORED})
    all: Score = field(default_factory=Score)

    def add(self, gold: Iterable[Labelled], predicted: Iterable[Labelled]) -> None:
        gold, predicted = set(gold), set(predicted)
        for kind, score in self.by_type.items():
            g = {x for x in gold if x[2] == kind}
            p = {x for x in predicted if x[2] == kind}
            score.tp += len(g & p)
            score.fp += len(p - g)
            score.fn += len(g - p)
        self.all.tp += len(gold & predicted)
        self.all.fp += len(predicted - gold)
        self.all.fn += len(gold - predicted)


def score(docs: list[GoldDoc], predictions: Iterable[set[Labelled]]) -> Scores:
    scores = Scores()
    for doc, predicted in zip(docs, predictions, strict=True):
        scores.add(doc.gold, predicted)
    return scores


def table(rows: dict[str, Scores]) -> str:
    """A plain-text table: one line per system and type, P/R/F1 and counts."""
    lines = [
        f"{'system':<12} {'type':<4} {'P':>6} {'R':>6} {'F1':>6} {'tp':>6} {'fp':>6} {'fn':>6}"
    ]
    for name, scores in rows.items():
        for kind, s in [*scores.by_type.items(), ("all", scores.all)]:
            lines.append(
                f"{name:<12} {kind:<4} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} "
                f"{s.tp:6d} {s.fp:6d} {s.fn:6d}"
            )
    return "\n".join(lines)
