"""The progress line kg's command line shows on stderr during long runs.

One line per stage, redrawn in place: articles done of the total, the rate
(articles per second, counting only the work done in this run, so articles
reused from the cache do not inflate it) and the time left. Only kg.cli uses
this, and only when stderr is a terminal and --quiet is not given.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

LABELS = {
    "extract": "Extracting",
    "validate": "Validating",
    "store": "Storing",
    "files": "Writing files",
}
REDRAW_SECONDS = 0.2


def format_progress(label: str, done: int, total: int | None, rate: float | None) -> str:
    """E.g. "Extracting   120/400 articles  30%  12.3/s  ETA 0:00:23"."""
    parts = [f"{label:<13}"]
    if total:
        width = len(str(total))
        parts.append(f"{done:>{width}}/{total} articles {100 * done // total:>3}%")
    else:
        parts.append(f"{done} articles")
    if rate:
        parts.append(f"{rate:.1f}/s")
        if total and done < total:
            parts.append(f"ETA {_clock((total - done) / rate)}")
    return "  ".join(parts)


def _clock(seconds: float) -> str:
    s = int(seconds + 0.5)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"


class ProgressLine:
    """A kg.build progress callback drawing one line per stage on ``stream``."""

    def __init__(
        self, stream: TextIO, enabled: bool, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.stream = stream
        self.enabled = enabled
        self.clock = clock
        self.stage: str | None = None
        self.start = 0.0
        self.base = 0  # done when the stage began (reused from the cache)
        self.drawn_at: float | None = None
        self.width = 0

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        if not self.enabled or stage not in LABELS:
            return
        now = self.clock()
        if stage != self.stage:
            self.close()
            self.stage, self.start, self.base, self.drawn_at = stage, now, done, None
        finished = total is not None and done >= total
        if not finished and self.drawn_at is not None and now - self.drawn_at < REDRAW_SECONDS:
            return
        elapsed = now - self.start
        rate = (done - self.base) / elapsed if elapsed > 0 and done > self.base else None
        line = format_progress(LABELS[stage], done, total, rate)
        self.stream.write("\r" + line.ljust(self.width))
        self.stream.flush()
        self.width, self.drawn_at = len(line), now

    def close(self) -> None:
        """End the current line (call once the run is over)."""
        if self.width:
            self.stream.write("\n")
            self.stream.flush()
        self.stage, self.width = None, 0
