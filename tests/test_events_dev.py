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

from kg.build import BuildOptions, build

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
