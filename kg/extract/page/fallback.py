"""A headline for a text that names none, so that no article is lost for want of one.

The cleaner (kg.extract.page.layout) takes the headline the source states or a
title-like line above the body. When there is neither, the first of these is the
headline, and the build reports which one it was:

1. a short first line followed by a blank line ("Headline here" + blank line + body),
   the way plain-text articles are written;
2. the first sentence of the body, shortened at a word boundary;
3. the file name, for a text with no sentence at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import PurePath

from kg.extract.page import chrome
from kg.extract.page.layout import blocks
from kg.model import Layout, Span

MAX_HEADLINE_WORDS = 20  # a first line longer than this is a paragraph
MAX_SENTENCE_CHARS = 110  # a first sentence is cut at a word boundary before this
SHORT_FIRST_LINE = "headline: no headline found; used the short first line of the text"
FIRST_SENTENCE = "headline: no headline found; used the first sentence of the text"
FILE_NAME = "headline: no headline found; used the file name"


@dataclass(frozen=True)
class Fallback:
    layout: Layout  # with the headline set (and, for a first line, out of the body)
    note: str  # what the build reports


def fallback_headline(text: str, layout: Layout, source: str) -> Fallback | None:
    """The layout with a fallback headline (see the module docstring), or None when the
    layout has a headline already."""
    if layout.headline:
        return None
    first = _short_first_line(text)
    if first is not None:
        body = tuple(s for s in layout.body if not (s.start < first.end and s.end > first.start))
        headline = " ".join(text[first.start : first.end].split())
        found = replace(layout, headline=headline, headline_span=first, body=body)
        return Fallback(found, SHORT_FIRST_LINE)
    sentence = _first_sentence(text, layout)
    if sentence:
        return Fallback(replace(layout, headline=sentence), FIRST_SENTENCE)
    return Fallback(replace(layout, headline=_file_title(source)), FILE_NAME)


def _short_first_line(text: str) -> Span | None:
    """The first line when it is short, not chrome, and a blank line and more text follow."""
    lines = blocks(text)
    if len(lines) < 2:
        return None
    first, second = lines[0], lines[1]
    if "\n" not in text[first.end : second.start].replace("\n", "", 1):
        return None  # no blank line between them
    if len(chrome.words(first.text)) > MAX_HEADLINE_WORDS or chrome.is_chrome(first.text):
        return None
    return Span(first.start, first.end)


def _first_sentence(text: str, layout: Layout) -> str | None:
    paragraphs = [text[s.start : s.end] for s in layout.body]
    paragraphs = paragraphs or [b.text for b in blocks(text) if not chrome.is_chrome(b.text)]
    for paragraph in paragraphs:
        found = chrome.sentences(" ".join(paragraph.split()))
        if found:
            return shorten(found[0])
    return None


def shorten(sentence: str, limit: int = MAX_SENTENCE_CHARS) -> str:
    """``sentence`` cut at the last word boundary before ``limit`` characters, with "…"."""
    sentence = sentence.strip()
    if len(sentence) <= limit:
        return sentence
    cut = sentence[: limit + 1].rsplit(" ", 1)[0].rstrip(",;:–—- ")
    return f"{cut}…"


def _file_title(source: str) -> str:
    stem = PurePath(source).name.split(".")[0] or source
    return " ".join(re.split(r"[_\s]+", stem)).strip() or stem
