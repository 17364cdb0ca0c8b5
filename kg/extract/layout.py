"""Find the structure of a news page's text: headline, byline, dateline, body, comments.

The page is read line by line. Chrome is dropped wherever it is; the head of
the page (before the body) holds section word, headline, standfirst, captions,
byline and dateline; the body runs from there to the first sign-off, footer or
"related stories" header; a reader-comment thread is cut off the end. Every
part is kept as a span of the source text so offsets stay exact.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.extract import chrome
from kg.link.gazetteer import fold, gazetteer
from kg.model import Agent, Image, Layout, Meta, Span

_HEAD_LOOKAHEAD = 8  # non-chrome lines a dateline may come after the headline


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
    dateline: chrome.Dateline | None = None
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
    head = _Head()
    body_start = _parse_head(lines, meta, head)
    body, comments, agencies = _parse_body(lines[body_start:], head)
    head.agencies.extend(agencies)
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


def _is_place(name: str) -> bool:
    return gazetteer().is_place_name(name)


def _title_like(text: str) -> bool:
    n = len(chrome.words(text))
    if not 2 <= n <= 30 or text.endswith((".", ":", ";", ",")):
        return False
    return text[0].isupper() or text[0].isdigit() or text[0] in "\"“‘'"


def _parse_head(lines: list[Block], meta: Meta, head: _Head) -> int:
    """Fill ``head`` from the top of the page; return the index where the body starts."""
    known = fold(meta.headline) if meta.headline else None
    for i, block in enumerate(lines):
        line = block.text
        credit = chrome.split_credit(line, trailing_agency=True)
        if credit and (credit.caption or not chrome.is_prose(line)):
            _add_image(head, block, credit)
            continue
        byline = chrome.parse_byline(line)
        if byline:
            head.authors.extend(a for a in byline if a.type == "Person")
            head.agencies.extend(a.name for a in byline if a.type == "Organization")
            continue
        dateline = chrome.parse_dateline(line, _is_place)
        if dateline and (head.headline or known or i > 0):
            _set_dateline(head, block, dateline)
            return i + 1
        if known is not None and fold(line) == known and head.headline is None:
            head.headline = block
            continue
        if (
            head.headline is None
            and known is None
            and head.section is None
            and chrome.is_section_word(line)
        ):
            head.section = line.casefold()
            continue
        if head.headline is None and known is None and _title_like(line):
            head.headline = block
            continue
        if chrome.is_prose(line) and head.description is None and _dateline_ahead(lines, i):
            inline = chrome.parse_inline_dateline(line)
            skip = inline.length if inline else 0
            head.description = Block(block.start + skip, block.end, line[skip:])
            continue
        return i
    return len(lines)


def _dateline_ahead(lines: list[Block], i: int) -> bool:
    for block in lines[i + 1 : i + 1 + _HEAD_LOOKAHEAD]:
        if chrome.parse_dateline(block.text, _is_place):
            return True
    return False


def _add_image(head: _Head, block: Block, credit: chrome.Credit) -> None:
    caption = credit.caption.strip() or None
    head.images.append(Image(caption=caption, credit=credit.credit))
    if caption:
        head.caption_spans.append(Span(block.start, block.start + credit.caption_end))


def _set_dateline(head: _Head, block: Block, dateline: chrome.Dateline) -> None:
    head.dateline = dateline
    head.dateline_span = Span(block.start, block.start + len(dateline.text))
    if dateline.agency and chrome.agency_name(dateline.agency):
        head.agencies.append(chrome.agency_name(dateline.agency) or "")


def _parse_body(lines: list[Block], head: _Head) -> tuple[list[Span], list[Span], list[str]]:
    """Body paragraphs, reader comments and agencies from the lines after the head."""
    agencies: list[str] = []
    end = _body_end(lines)
    comment_lines = _comment_lines(lines, end)
    body: list[Span] = []
    for i, block in enumerate(lines[:end]):
        if i in comment_lines or chrome.is_comment_marker(block.text):
            continue
        if chrome.is_footer_credit(block.text):
            continue
        start, stop, text = block.start, block.end, block.text
        if not body:
            start = _strip_inline_dateline(block, head)
            text = text[start - block.start :]
        signoff = chrome.split_signoff(text)
        if signoff:
            stop = start + signoff[0]
            agencies.append(signoff[1])
        credit = chrome.split_credit(text, trailing_agency=False)
        if credit and len(chrome.words(credit.caption)) < 40:
            _add_image(head, Block(start, stop, text), credit)
            continue
        agencies.extend(chrome.reporting_agencies(text))
        if stop > start:
            body.append(Span(start, stop))
        if signoff:
            break
    comments = [Span(lines[i].start, lines[i].end) for i in sorted(comment_lines)]
    return body, comments, agencies


def _strip_inline_dateline(block: Block, head: _Head) -> int:
    """Start of the first paragraph after an opening dateline, which moves to ``head``."""
    inline = chrome.parse_inline_dateline(block.text)
    if inline is None:
        return block.start
    if head.dateline is None:
        head.dateline = inline
        head.dateline_span = Span(block.start, block.start + len(inline.text))
    if inline.agency and chrome.agency_name(inline.agency):
        head.agencies.append(chrome.agency_name(inline.agency) or "")
    return block.start + inline.length


def _body_end(lines: list[Block]) -> int:
    """Index of the first line after the body: a 'related stories' header or the end."""
    for i, block in enumerate(lines):
        if chrome.is_end_marker(block.text):
            return i
    return len(lines)


def _comment_lines(lines: list[Block], end: int) -> set[int]:
    """Indices of reader-comment lines: after a thread header, or before a vote counter."""
    markers = [i for i in range(end) if chrome.is_comment_marker(lines[i].text)]
    if not markers:
        return set()
    first = markers[0]
    found = {i for i in range(first + 1, end) if not chrome.is_comment_marker(lines[i].text)}
    if chrome.is_vote_counter(lines[first].text):
        i = first - 1
        while i > 0 and chrome.looks_like_reader_comment(lines[i].text):
            found.add(i)
            i -= 1
    return found
