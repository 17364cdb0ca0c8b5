"""The events section of bench/RESULTS.md: the tables of bench/EVENTS.md, kept last.

bench/run.py regenerates RESULTS.md without measuring events (that is
bench/events_dev.py, which takes its own time); both call :func:`with_events`, so the
events tables survive a run of either script.
"""

from __future__ import annotations

from pathlib import Path

EVENTS = Path(__file__).resolve().parent / "EVENTS.md"
HEADING = "## Events (bench/events_dev.py; in full with the ablation: bench/EVENTS.md)"


def with_events(results: str, events: Path = EVENTS) -> str:
    """``results`` with its events section (everything from HEADING on) replaced by the
    tables of ``events``, or left without one when that file does not exist."""
    head = results.split("\n" + HEADING, 1)[0].rstrip("\n")
    if not events.exists():
        return head + "\n"
    body = events.read_text(encoding="utf-8").strip().splitlines()[1:]  # less its title
    return "\n".join([head, "", HEADING, *body]) + "\n"
