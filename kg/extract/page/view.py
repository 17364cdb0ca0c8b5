"""The text NER reads: the article's parts cut from the source, offsets kept exact.

Only the headline, standfirst, dateline, photo captions (without credits) and
body paragraphs are analysed; chrome, bylines, credits and reader comments
never reach the model. The parts are joined with blank lines, and a segment
table maps every offset of the view back to the source text. ALL-CAPS parts
(headlines, datelines) are title-cased letter for letter, because the model
does not recognise names in capitals; the length never changes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS

from kg.lexicon.gazetteer import gazetteer
from kg.lexicon.words import is_english_word, is_more_than_a_noun
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
    casing = Casing.of(source[s.start : s.end] for s in spans)
    for span in spans:
        if pieces:
            pieces.append(_SEP)
            pos += len(_SEP)
        piece = truecase(source[span.start : span.end], casing)
        starts.append(pos)
        sources.append(span.start)
        pieces.append(piece)
        pos += len(piece)
    return TextView("".join(pieces), tuple(starts) or (0,), tuple(sources) or (0,))


_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_SENTENCE_END = re.compile(r"(?:^|[.!?:\"“”]\s*|\n\s*|\s[-–—]\s*)$")


@dataclass
class Casing:
    """How the article writes its words where it does not shout: evidence for truecasing."""

    lower: Counter[str] = field(default_factory=Counter)  # words seen in lower case
    capitalised: dict[str, Counter[str]] = field(
        default_factory=dict
    )  # folded → mid-sentence forms
    upper: set[str] = field(default_factory=set)  # words seen in capitals in mixed-case text

    @classmethod
    def of(cls, texts: Iterable[str]) -> Casing:
        casing = cls()
        for text in texts:
            if is_shouted(text):
                continue
            for m in _WORD.finditer(text):
                word = m.group()
                if word.islower():
                    casing.lower[word] += 1
                elif word.isupper():
                    if len(word) > 1:
                        casing.upper.add(word)
                elif not _SENTENCE_END.search(text[max(0, m.start() - 3) : m.start()]):
                    casing.capitalised.setdefault(word.casefold(), Counter())[word] += 1
        return casing

    def form(self, word: str) -> str | None:
        """The article's own spelling of a shouted word, when it has one."""
        folded = word.casefold()
        if word in self.upper:
            return word
        forms = self.capitalised.get(folded)
        if forms and sum(forms.values()) >= self.lower[folded]:
            return forms.most_common(1)[0][0]
        return folded if self.lower[folded] else None


def is_shouted(text: str) -> bool:
    """True for text written in capitals (a headline, a dateline, a results table)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def truecase(text: str, casing: Casing | None = None) -> str:
    """Text written in capitals in ordinary case, letter for letter ("VLADIVOSTOK, RUSSIA" →
    "Vladivostok, Russia").

    Each word takes the case the article gives it elsewhere (``casing``); a word
    the article never writes otherwise is lower case when it is a common
    English word, kept in capitals when it is a known acronym or has no vowel,
    else title-cased. The first word starts with a capital.
    """
    if not is_shouted(text):
        return text
    casing = casing or Casing()
    places = _place_words(text)
    out = _WORD.sub(lambda m: _word_case(m, casing, places), text)
    first = _WORD.search(out)
    if first and first.group().islower():
        out = out[: first.start()] + out[first.start()].upper() + out[first.start() + 1 :]
    return out


def _place_words(text: str) -> set[int]:
    """Start offsets of the words of multi-word place names ("NEW YORK", "SAN DIEGO")."""
    words = list(_WORD.finditer(text))
    starts: set[int] = set()
    gaz = gazetteer()
    for n in (3, 2):
        for i in range(len(words) - n + 1):
            run = words[i : i + n]
            if text[run[0].start() : run[-1].end()].count(" ") != n - 1:
                continue
            if gaz.is_place_name(" ".join(w.group() for w in run)):
                starts.update(w.start() for w in run)
    return starts


def _word_case(m: re.Match[str], casing: Casing, places: set[int]) -> str:
    word = m.group()
    if m.start() > 0 and m.string[m.start() - 1] in "'’":
        return word.casefold()  # "'S", "'LL"
    if m.start() in places:
        return word[:1] + word[1:].lower()
    if word in ("V", "VS"):
        return word.casefold()  # "PAKISTAN V NEW ZEALAND"
    seen = casing.form(word)
    if seen is not None and len(seen) == len(word):
        return seen
    core = word.strip("'’-")
    if core in _ACRONYMS or (len(core) <= 2 and core.casefold() not in _SHORT_WORDS):
        return word
    if len(core) <= 4 and not any(c in "AEIOUY" for c in core.upper()):
        return word
    title = word[:1] + word[1:].lower()
    if title in _CALENDAR or gazetteer().demonym_country(word):
        return title
    if word.casefold() in STOP_WORDS or _common_word(word):
        return word.casefold()
    return title


def _common_word(word: str) -> bool:
    """A common English word, not a place ("DEFEAT", not "CHINA" or "HARTFORD").

    A word that is also a town's name counts as a word only when it is more than
    a noun ("SURPRISE", "NICE"): WordNet lists many places as nouns. Countries,
    states and regions are always places ("JAPAN" is also a verb).
    """
    if not is_english_word(word):
        return False
    kind = gazetteer().place_kind(word)
    return kind is None or (kind == "City" and is_more_than_a_noun(word))


_CALENDAR = {
    *["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    *["January", "February", "March", "April", "May", "June", "July", "August"],
    *["September", "October", "November", "December"],
}


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
