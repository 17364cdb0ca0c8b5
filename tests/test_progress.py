"""The progress line on stderr: done/total, rate, ETA; silent unless asked."""

from __future__ import annotations

import io
from pathlib import Path

from click.testing import CliRunner
from conftest import SEEDS

from kg.cli import main
from kg.cli.progress import ProgressLine, format_progress


def test_format_progress() -> None:
    assert format_progress("Extracting", 120, 400, 12.5) == (
        "Extracting     120/400 articles  30%  12.5/s  ETA 0:00:22"
    )
    assert format_progress("Validating", 400, 400, 350.0) == (
        "Validating     400/400 articles 100%  350.0/s"
    )
    assert format_progress("Extracting", 3, None, None) == "Extracting     3 articles"
    assert format_progress("Extracting", 0, 7200, 1.0).endswith("ETA 2:00:00")


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_progress_line_rate_ignores_cached_articles() -> None:
    stream, clock = io.StringIO(), Clock()
    line = ProgressLine(stream, enabled=True, clock=clock)
    line("extract", 300, 400)  # 300 came from the cache
    clock.now += 10
    line("extract", 350, 400)
    clock.now += 0.05
    line("extract", 351, 400)  # too soon after the last redraw: not drawn
    clock.now += 10
    line("extract", 400, 400)
    line("export", 0, 3)  # not a stage with a line
    line.close()
    frames = stream.getvalue().split("\r")[1:]
    assert [f.rstrip() for f in frames] == [
        "Extracting     300/400 articles  75%",
        "Extracting     350/400 articles  87%  5.0/s  ETA 0:00:10",
        "Extracting     400/400 articles 100%  5.0/s",
    ]
    assert stream.getvalue().endswith("\n")


def test_progress_line_disabled_writes_nothing() -> None:
    stream = io.StringIO()
    line = ProgressLine(stream, enabled=False)
    line("extract", 1, 2)
    line.close()
    assert stream.getvalue() == ""


def test_build_without_a_terminal_shows_no_progress(tmp_path: Path) -> None:
    base = ["--base-iri", "https://news.example.org/kg/"]  # no warning to print either
    result = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(tmp_path), *base])
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout.startswith("Published 2 article(s)")
    quiet = CliRunner().invoke(
        main, ["build", str(SEEDS), "--out", str(tmp_path), "--quiet", *base]
    )
    assert quiet.exit_code == 0
    assert quiet.output == ""
