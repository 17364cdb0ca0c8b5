"""kg's events on the hand-annotated dev articles of ../shared/data/events, scored by
that folder's own score.py (main-event recall, event precision), on a real build.

The goals of issue 12: main-event recall ≥ 0.70 on the 40 BBC articles and event
precision ≥ 0.80. Building the 35 html-meta pages takes two minutes, too long for
the suite: bench/events_dev.py scores them (and prints the whole table, with the
baseline and the ablation).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from conftest import SHARED

from bench.events_dev import articles_with, counts, linked, parsed, store_counts
from kg.build import BuildOptions, build
from kg.extract.events.context import ALL_ON

EVENTS = SHARED / "data" / "events"


def scored(sources: list[str], out: Path) -> dict[str, float]:
    build(BuildOptions(sources=tuple(sources), out=out, workers=1, cache=False))
    result = subprocess.run(
        [
            sys.executable,
            str(EVENTS / "score.py"),
            str(EVENTS / "events_dev.json"),
            str(out / "kg.ttl"),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return ast.literal_eval(result.stdout.strip().splitlines()[-1])


def test_bbc_dev_articles(tmp_path: Path) -> None:
    score = scored([str(EVENTS / "bbc40.jsonl")], tmp_path / "bbc")
    assert score["articles"] == 40
    assert score["main_recall"] >= 0.70
    assert score["precision"] >= 0.80


def test_counted_rows_agree_with_a_real_build(tmp_path: Path) -> None:
    """The whole-corpus ablation rows are counted in-process, not written: with every
    mechanism on, the count must be what the real build publishes in its store."""
    source = str(EVENTS / "bbc40.jsonl")
    build(BuildOptions(sources=(source,), out=tmp_path, workers=1, cache=False))
    articles = articles_with(parsed([source]), ALL_ON)
    in_process = counts(articles, linked(articles)[2])
    assert in_process == store_counts(tmp_path)
    assert in_process["with_event"] > 20  # not two empty counts: most of the 40 have events
