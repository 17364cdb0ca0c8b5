"""The CoNLL-2003 harness: token mapping, scoring, and a run on a slice of the test set."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import CONLL, ROOT

from bench import conll as evaluate
from kg.extract.nlp import load


def test_documents_become_text_with_token_offsets(tmp_path: Path) -> None:
    record = {
        "doc_id": "d1",
        "sentences": [
            {"tokens": ["PUTIN", "WINS"], "entities": [{"start": 0, "end": 1, "type": "PER"}]},
            {
                "tokens": ["Vladimir", "Putin", "won", "in", "Moscow", "."],
                "entities": [
                    {"start": 0, "end": 2, "type": "PER"},
                    {"start": 4, "end": 5, "type": "LOC"},
                ],
            },
            {"tokens": ["Russian"], "entities": [{"start": 0, "end": 1, "type": "MISC"}]},
        ],
    }
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (doc,) = evaluate.read_docs(path)
    assert doc.text == "PUTIN WINS\nVladimir Putin won in Moscow .\nRussian"
    assert doc.gold == {(0, 1, "PER"), (2, 4, "PER"), (6, 7, "LOC")}  # MISC is not scored
    start = doc.text.index("Moscow")
    assert doc.token_span(start, start + 6) == (6, 7)
    assert doc.token_span(doc.text.index("Putin won"), doc.text.index(" won")) == (3, 4)


def test_scores_count_exact_spans_per_type() -> None:
    scores = evaluate.Scores()
    scores.add({(0, 2, "PER"), (3, 4, "LOC")}, {(0, 2, "PER"), (3, 4, "ORG"), (5, 6, "ORG")})
    assert (scores.by_type["PER"].tp, scores.by_type["PER"].fp) == (1, 0)
    assert (scores.by_type["LOC"].fn, scores.by_type["ORG"].fp) == (1, 2)
    assert (scores.all.tp, scores.all.fp, scores.all.fn) == (1, 2, 1)
    assert round(scores.all.f1, 3) == 0.4


def test_kg_beats_the_raw_model_on_a_slice_of_conll() -> None:
    docs = evaluate.read_docs(CONLL, limit=12)
    assert sum(len(d.gold) for d in docs) == 460
    nlp = load()
    kg = evaluate.score(docs, evaluate.kg_mentions(docs, nlp))
    raw = evaluate.score(docs, evaluate.spacy_mentions(docs, nlp))
    assert kg.all.tp + kg.all.fn == raw.all.tp + raw.all.fn == 460
    assert kg.all.f1 > raw.all.f1 + 0.05
    for kind in ("PER", "LOC", "ORG"):
        assert kg.by_type[kind].f1 > raw.by_type[kind].f1, kind


def test_bench_script_prints_the_table() -> None:
    script = ROOT / "bench" / "eval_conll.py"
    done = subprocess.run(
        [sys.executable, str(script), "--limit", "2", "--data", str(CONLL)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("2 documents, ")
    assert lines[1].split() == ["system", "type", "P", "R", "F1", "tp", "fp", "fn"]
    assert [line.split()[:2] for line in lines[2:10]] == [
        [system, kind] for system in ("kg", "spacy-sm") for kind in ("PER", "LOC", "ORG", "all")
    ]
