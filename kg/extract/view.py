"""The text NER reads: the article's parts cut from the source, offsets kept exact.

Only the headline, standfirst, dateline, photo captions (without credits) and
body paragraphs are analysed; chrome, bylines, credits and reader comments
never reach the model. The parts are joined with blank lines, and a segment
table maps every offset of the view back to the source text. ALL-CAPS parts
(headlines, datelines) are title-cased letter for letter, because the model
does not recognise names in capitals; the length never changes.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from kg.model import Layout, Span

_SEP = "\n\n"


@dataclass(frozen=True)
class TextView:
    text: str
    starts: tuple[int, ...]  # view offset where each segment begins
    sources: tuple[int, ...]  # source offset of the same character

    def to_source(self, offset: int) -> int:
        """The source offset of a view offset (an end offset maps as an end)."""
        i = max(0, bisect_right(self.starts, offset) - 1)
        return self.sources[i] + (offset - self.starts[i])

    def span_to_source(self, start: int, end: int) -> Span:
        first = self.to_source(start)
        last = self.to_source(end - 1) + 1 if end > start else first
        return Span(first, last)


def analysed_spans(layout: Layout) -> list[Span]:
    """The parts of the source that NER reads, in source order, without overlaps."""
    parts = [layout.headline_span, layout.description_span, layout.dateline_span]
    spans = [s for s in parts if s is not None]
    spans.extend(layout.caption_spans)
    spans.extend(layout.body)
    spans.sort(key=lambda s: (s.start, -s.end))
    out: list[Span] = []
    for span in spans:
        if out and span.start < out[-1].end:
            continue
        if span.end > span.start:
            out.append(span)
    return out


def build_view(source: str, spans: list[Span]) -> TextView:
    pieces: list[str] = []
    starts: list[int] = []
    sources: list[int] = []
    pos = 0
    for span in spans:
        if pieces:
            pieces.append(_SEP)
            pos += len(_SEP)
        piece = truecase(source[span.start : span.end])
        starts.append(pos)
        sources.append(span.start)
        pieces.append(piece)
        pos += len(piece)
    return TextView("".join(pieces), tuple(starts) or (0,), tuple(sources) or (0,))


def truecase(text: str) -> str:
    """Title-case a line written in capitals ("VLADIVOSTOK, RUSSIA" → "Vladivostok, Russia")."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 4 or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return text
    out = []
    for word in text.split(" "):
        core = word.strip(".,:;!?()'\"-")
        if (len(core) <= 2 and core.casefold() not in _SHORT_WORDS) or core in _ACRONYMS:
            out.append(word)
            continue
        titled = word[:1] + word[1:].lower()
        out.append(titled if len(titled) == len(word) else word)
    return " ".join(out)


# Two-letter words that are words, not abbreviations (US, UN, EU stay in capitals).
_SHORT_WORDS = {
    "of",
    "in",
    "on",
    "at",
    "to",
    "by",
    "as",
    "is",
    "it",
    "an",
    "or",
    "up",
    "no",
    "be",
    "do",
    "go",
    "if",
    "so",
    "we",
    "he",
    "my",
    "me",
}
_ACRONYMS = {
    "USA",
    "NATO",
    "AFP",
    "FBI",
    "CIA",
    "BBC",
    "CNN",
    "IMF",
    "WHO",
    "WTO",
    "OPEC",
    "NASA",
    "UEFA",
    "FIFA",
    "NBA",
    "NFL",
    "NHL",
    "MLB",
    "ASEAN",
    "OECD",
    "UNESCO",
    "UNICEF",
    "EU",
    "UK",
    "UAE",
    "PLO",
    "IRA",
    "ANC",
    "SEC",
    "GOP",
    "NGO",
    "CEO",
    "GDP",
    "ICC",
    "IOC",
    "DPRK",
}


def line_spans(text: str) -> list[Span]:
    """Every non-empty line of ``text``, stripped: the view of a text read as it is."""
    spans: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + len(line) - len(line.lstrip())
            spans.append(Span(start, start + len(stripped)))
        pos += len(line) + 1
    return spans
