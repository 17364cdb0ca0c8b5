"""Find the structure of a news page's text: headline, byline, dateline, body, comments.

The page is read line by line; chrome lines are dropped wherever they are.

1. The article is the densest run of prose on the page: every line scores its
   word count if it reads like prose and a penalty if it does not, and the run
   with the highest sum wins (menus, teasers and footers sink, short labels
   between paragraphs do not break the run).
2. The head is read around the start of that run: captions with their credits,
   bylines, the dateline (the body starts after it), the section word and the
   headline — the title-like line closest above the byline and dateline.
3. The body runs to the end of the run, stopped early by a sign-off ("— AFP"),
   a wire footer or a "related stories" header; a reader-comment thread is cut off.

Every part is kept as a span of the source text so offsets stay exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract.page import chrome, marks
from kg.lexicon.agencies import agency_name
from kg.lexicon.gazetteer import fold, gazetteer
from kg.model import Agent, Image, Layout, Meta, Span

_HEAD_WINDOW = 12  # lines above the article's prose that may hold its head
_LOOKAHEAD = 8  # lines after a standfirst a dateline may come
_PENALTY = 10  # score of a line that is not prose
_MARKER_PENALTY = 60  # comment-thread and "related stories" markers break the run
_AFTER_COMMENTS = 0.25  # prose after a comment-thread header counts for less
_TIMESTAMP = re.compile(
    r"\b(?:\d{1,2}:\d{2}|ago|updated|published|posted|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\.?\s+\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4})\b",
    re.I,
)


@dataclass(frozen=True)
class Block:
    start: int
    end: int
    text: str


def blocks(text: str) -> list[Block]:
    """Non-empty lines of text with their stripped spans."""
    out: list[Block] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + (len(line) - len(line.lstrip()))
            out.append(Block(start, start + len(stripped), stripped))
        pos += len(line) + 1
    return out


@dataclass
class _Head:
    headline: Block | None = None
    section: str | None = None
    authors: list[Agent] = field(default_factory=list)
    dateline: marks.Dateline | None = None
    dateline_span: Span | None = None
    description: Block | None = None
    images: list[Image] = field(default_factory=list)
    caption_spans: list[Span] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)


def parse_layout(text: str, meta: Meta) -> Layout:
    """The structure of an article's source text (see the module docstring)."""
    # Comment markers (vote counters) and "related stories" headers are chrome too, but
    # they stay: they tell where the comment thread and the end of the body are.
    lines = [
        b
        for b in blocks(text)
        if chrome.is_comment_marker(b.text)
        or chrome.is_end_marker(b.text)
        or not chrome.is_chrome(b.text)
    ]
    start, end = article_region(lines)
    head = _Head()
    body_start = _body_start(lines, start, end, head)
    _read_head(lines, max(0, start - _HEAD_WINDOW), body_start, meta, head)
    body, comments = _parse_body(lines, body_start, end, head)
    return Layout(
        headline=head.headline.text if head.headline else meta.headline,
        headline_span=Span(head.headline.start, head.headline.end) if head.headline else None,
        section=head.section or meta.section,
        authors=tuple(head.authors) or meta.authors,
        dateline=head.dateline.text if head.dateline else None,
        dateline_span=head.dateline_span,
        description=head.description.text if head.description else meta.description,
        description_span=(
            Span(head.description.start, head.description.end) if head.description else None
        ),
        images=tuple(head.images),
        caption_spans=tuple(head.caption_spans),
        body=tuple(body),
        comments=tuple(comments),
        source_organizations=tuple(dict.fromkeys(a for a in head.agencies if a)),
    )


# -- 1. the article's region ---------------------------------------------------------


def _line_score(text: str, after_comments: bool) -> float:
    if chrome.is_comment_marker(text) or chrome.is_end_marker(text):
        return -_MARKER_PENALTY
    signoff = marks.split_signoff(text)
    if signoff:
        text = text[: signoff[0]]  # "… on Friday. — Reuters" is prose
    n = len(chrome.words(text))
    if not (n >= 25 or (n >= 4 and text.endswith(chrome.TERMINAL))):
        return -_PENALTY
    return min(n, 80) * (_AFTER_COMMENTS if after_comments else 1.0)


def article_region(lines: list[Block]) -> tuple[int, int]:
    """[start, end) of the run of lines with the highest prose score (Kadane)."""
    best, best_span = 0.0, (0, 0)
    total, begin = 0.0, 0
    after_comments = False
    for i, block in enumerate(lines):
        if chrome.is_comment_marker(block.text) and not chrome.is_vote_counter(block.text):
            after_comments = True
        score = _line_score(block.text, after_comments)
        if total <= 0:
            total, begin = 0.0, i
        total += score
        if total > best:
            best, best_span = total, (begin, i + 1)
    if best_span == (0, 0):
        return 0, len(lines)  # no prose at all: keep what there is
    return best_span


# -- 2. the head ------------------------------------------------------------------------


def _is_place(name: str) -> bool:
    return gazetteer().is_place_name(name)


def _title_like(text: str, min_words: int = 2) -> bool:
    n = len(chrome.words(text))
    if not min_words <= n <= 30 or text.endswith((".", ":", ";", ",")):
        return False
    if n <= 10 and _TIMESTAMP.search(text):
        return False
    return text[0].isupper() or text[0].isdigit() or text[0] in "\"“‘'"


def _body_start(lines: list[Block], start: int, end: int, head: _Head) -> int:
    """Skip the head lines at the top of the region (standfirst, captions, byline, dateline)."""
    i = start
    description: Block | None = None
    while i < end:
        block = lines[i]
        dateline = marks.parse_dateline(block.text, _is_place)
        if dateline:
            _set_dateline(head, block, dateline)
            head.description = description
            return i + 1
        if marks.parse_byline(block.text) or marks.split_credit(block.text, trailing_agency=True):
            i += 1
            continue
        if description is None and chrome.is_prose(block.text) and _dateline_ahead(lines, i, end):
            inline = marks.parse_inline_dateline(block.text)
            skip = inline.length if inline else 0
            description = Block(block.start + skip, block.end, block.text[skip:])
            i += 1
            continue
        break
    return start


def _dateline_ahead(lines: list[Block], i: int, end: int) -> bool:
    return any(
        marks.parse_dateline(b.text, _is_place) for b in lines[i + 1 : min(end, i + 1 + _LOOKAHEAD)]
    )


def _read_head(lines: list[Block], window: int, body_start: int, meta: Meta, head: _Head) -> None:
    """Captions, byline, dateline, section and headline above the body."""
    region = lines[window:body_start]
    marked = [
        i
        for i, b in enumerate(region)
        if marks.parse_byline(b.text) or marks.parse_dateline(b.text, _is_place)
    ]
    first_mark = marked[0] if marked else len(region)
    for i, block in enumerate(region):
        if block is head.description or (head.description and block.end == head.description.end):
            continue
        credit = marks.split_credit(block.text, trailing_agency=True)
        if credit and (credit.caption or not chrome.is_prose(block.text)):
            _add_image(head, block, credit)
            continue
        byline = marks.parse_byline(block.text)
        if byline:
            head.authors.extend(a for a in byline if a.type == "Person")
            head.agencies.extend(a.name for a in byline if a.type == "Organization")
            continue
        dateline = marks.parse_dateline(block.text, _is_place)
        if dateline and head.dateline is None and i > 0:
            _set_dateline(head, block, dateline)
    head.headline = _find_headline(region, first_mark, meta)
    if head.headline is not None:
        above = region[max(0, region.index(head.headline) - 3) : region.index(head.headline)]
        for block in reversed(above):
            if head.section is None and chrome.is_section_word(block.text):
                head.section = block.text.casefold()


def _find_headline(region: list[Block], first_mark: int, meta: Meta) -> Block | None:
    """The known headline's line, else the title-like line closest above byline/dateline/body."""
    if meta.headline:
        known = fold(meta.headline)
        return next((b for b in region if fold(b.text) == known), None)
    usable = [
        b
        for b in region
        if not marks.split_credit(b.text, trailing_agency=True)
        and not marks.parse_byline(b.text)
        and not marks.parse_dateline(b.text, _is_place)
        and not chrome.is_section_word(b.text)
    ]
    before_marks = [b for b in usable if region.index(b) < first_mark]
    for candidates, min_words in ((before_marks, 5), (usable, 5), (before_marks, 3), (usable, 3)):
        titles = [b for b in candidates if _title_like(b.text, min_words)]
        if titles:
            return titles[-1]
    return None


def _add_image(head: _Head, block: Block, credit: marks.Credit) -> None:
    caption = credit.caption.strip() or None
    if caption is None:
        return  # a credit alone ("Photo: AP") says nothing about an image worth publishing
    head.images.append(Image(caption=caption, credit=credit.credit))
    head.caption_spans.append(Span(block.start, block.start + credit.caption_end))


def _set_dateline(head: _Head, block: Block, dateline: marks.Dateline) -> None:
    head.dateline = dateline
    head.dateline_span = Span(block.start, block.start + len(dateline.text))
    if dateline.agency and agency_name(dateline.agency):
        head.agencies.append(agency_name(dateline.agency) or "")


# -- 3. the body ------------------------------------------------------------------------


def _parse_body(
    lines: list[Block], start: int, end: int, head: _Head
) -> tuple[list[Span], list[Span]]:
    """Body paragraphs and reader comments; agencies and mid-body captions go to ``head``."""
    end = _body_end(lines, start, end)
    comment_lines = _comment_lines(lines, start, end)
    drop_labels = any(chrome.is_prose(lines[i].text) for i in range(start, end))
    body: list[Span] = []
    for i in range(start, end):
        block = lines[i]
        text = block.text
        if i in comment_lines or chrome.is_comment_marker(text) or chrome.is_footer_credit(text):
            continue
        if drop_labels and len(chrome.words(text)) <= 2 and not chrome.is_prose(text):
            continue  # labels between paragraphs ("Rising", "Video")
        first, stop = block.start, block.end
        if not body:
            first = _strip_inline_dateline(block, head)
            text = text[first - block.start :]
        signoff = marks.split_signoff(text)
        if signoff:
            stop = first + signoff[0]
            head.agencies.append(signoff[1])
        credit = marks.split_credit(text, trailing_agency=False)
        if credit and len(chrome.words(credit.caption)) < 40:
            _add_image(head, Block(first, stop, text), credit)
            continue
        head.agencies.extend(marks.reporting_agencies(text))
        if stop > first:
            body.append(Span(first, stop))
        if signoff:
            break
    comments = [Span(lines[i].start, lines[i].end) for i in sorted(comment_lines)]
    return body, comments


def _strip_inline_dateline(block: Block, head: _Head) -> int:
    """Start of the first paragraph after an opening dateline, which moves to ``head``."""
    inline = marks.parse_inline_dateline(block.text)
    if inline is None:
        return block.start
    if head.dateline is None:
        head.dateline = inline
        head.dateline_span = Span(block.start, block.start + len(inline.text))
    if inline.agency and agency_name(inline.agency):
        head.agencies.append(agency_name(inline.agency) or "")
    return block.start + inline.length


def _body_end(lines: list[Block], start: int, end: int) -> int:
    """The end of the region, or an earlier 'related stories' header."""
    for i in range(start, end):
        if chrome.is_end_marker(lines[i].text):
            return i
    return end


def _comment_lines(lines: list[Block], start: int, end: int) -> set[int]:
    """Reader-comment lines: after a thread header, or just before the first vote counter."""
    markers = [i for i in range(start, len(lines)) if chrome.is_comment_marker(lines[i].text)]
    if not markers:
        return set()
    first = markers[0]
    found: set[int] = set()
    for i in range(first + 1, len(lines)):
        text = lines[i].text
        if chrome.is_end_marker(text):
            break
        if not chrome.is_comment_marker(text) and len(chrome.words(text)) >= 3:
            found.add(i)
    if chrome.is_vote_counter(lines[first].text):
        i = min(first, end) - 1
        while i > start and chrome.looks_like_reader_comment(lines[i].text):
            found.add(i)
            i -= 1
    return found
