"""The body of a page's main text: the cleaner's paragraphs and every other line but chrome.

An extractor (trafilatura) has already cut the page down to its main text, one
paragraph a line. kg's cleaner (kg.extract.page.layout) reads that text as it
reads any scraped page: the densest run of prose and the head around it. On real
pages that run loses headings, lists, code, tables and short paragraphs at the
edges of the article (bench/pages.py measures it). So where the two disagree — a
line the extractor kept and the cleaner left out — the line stays in the body
unless it is page chrome:

- a chrome label (menu, share and copyright lines, a lone URL, a nav bar), a
  comment-thread or "related stories" marker, a wire footer ("Reporting by …"), a
  section word (kg.extract.page.chrome); a line's shape alone (no letters, a
  bullet, identifiers) does not make it chrome here: in a main text those are
  figures, lists and code;
- a byline, a dateline on its own, a photo caption or credit (kg.extract.page.marks);
- a call to action (subscribe, sign up for the newsletter, write to us), an
  affiliate disclosure, a bare time stamp ("Updated at 1:23 p.m.").

What the head took (the headline, the standfirst, a dateline on its own line,
captions) and the reader comments the cleaner found stay out. The cleaner's
paragraphs stay as it cut them (a sign-off "— AFP" lifted out), but the opening
paragraph keeps its dateline ("WASHINGTON (AP) — The …"): the dateline is also the
article's ``dateline``, the sentence stays whole. Calls to action and time stamps,
which the cleaner does not know, go wherever they are.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.page import chrome, marks
from kg.extract.page.layout import Block, blocks
from kg.lexicon.gazetteer import fold, gazetteer
from kg.model import Layout, Span

_CTA_WORDS = 25  # a call to action is a line or two, not a paragraph
_DISCLOSURE_WORDS = 60
_CALL = re.compile(
    r"\b(?:sign(?:ing)?[ -]?up|subscrib\w*|newsletters?|log(?:ged)?[ -]?in|register|"
    r"follow us|contact us|get in touch|click here|tap here|download (?:our|the) app|"
    r"submit (?:a|your) (?:letter|comment|story)|write to (?:us|the editor)|"
    r"(?:join|support) us|donate)\b",
    re.I,
)
_READER = re.compile(r"\b(?:you|your|you're|yours)\b|^[A-Z][a-z]+ (?:up|us|here|now)\b|!|@\w")
_DISCLOSURE = re.compile(
    r"\b(?:affiliate|advertis(?:er|ers|ing) partners?|our advertisers|(?:may )?(?:earn|receive) "
    r"(?:a )?(?:commission|compensation)|sponsored by|paid partnership)\b",
    re.I,
)
_STAMP_WORDS = re.compile(
    r"\b(?:updated|published|posted|modified|last|at|on|am|pm|a\.m|p\.m|edt|est|pst|pdt|gmt|"
    r"utc|bst|cet|ist|et|pt|ago|hours?|minutes?|mins?|today|yesterday|\d+\w*|"
    r"jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|"
    r"mon\w*|tue\w*|wed\w*|thu\w*|fri\w*|sat\w*|sun\w*)\b",
    re.I,
)
_STAMP_MAX_WORDS = 10
_CREDIT_TAIL = re.compile(r"(?:^|[|\s])©\s*[^.!?]{1,60}$")
_CREDIT_MAX_WORDS = 30


def complete_body(text: str, layout: Layout, extra_chrome: bool = True) -> Layout:
    """``layout`` with every main-text line that is not chrome in its body (see above).

    ``extra_chrome`` off leaves calls to action, disclosures, time stamps and ©
    credits in (the bench's ablation of the classifiers the cleaner does not have).
    """
    opening = layout.dateline_span
    taken = [layout.headline_span, opening, layout.description_span]
    taken.extend(layout.caption_spans)
    taken.extend(layout.comments)
    kept = sorted(layout.body, key=lambda s: s.start)
    headline = fold(layout.headline or "")
    body: list[Span] = []
    for block in blocks(text):
        inside = [s for s in kept if s.start < block.end and s.end > block.start]
        if inside:
            # The cleaner does not know these kinds of chrome: they go wherever they are.
            if not (extra_chrome and (is_call_to_action(block.text) or is_time_stamp(block.text))):
                body.extend(_whole_opening(s, block, opening) for s in inside if s not in body)
        elif not any(_overlaps(s, block) for s in taken if s is not None) and not (
            (headline and fold(block.text) == headline) or is_page_chrome(block.text, extra_chrome)
        ):
            body.append(Span(block.start, block.end))
    return replace(layout, body=tuple(body))


def _whole_opening(span: Span, block: Block, dateline: Span | None) -> Span:
    """The opening paragraph with its dateline ("WASHINGTON (AP) — …"): the dateline is
    lifted into the article's dateline, but its sentence stays whole in the body."""
    if dateline is not None and dateline.start == block.start < span.start:
        return Span(block.start, span.end)
    return span


def _overlaps(span: Span, block: Block) -> bool:
    return span.start < block.end and span.end > block.start


def is_page_chrome(text: str, extra_chrome: bool = True) -> bool:
    """True for a main-text line that is page furniture, not a sentence of the article."""
    return (
        chrome.is_chrome_label(text)
        or chrome.is_comment_marker(text)
        or chrome.is_end_marker(text)
        or chrome.is_footer_credit(text)
        or chrome.is_section_word(text)
        or marks.parse_byline(text) is not None
        or marks.parse_dateline(text, gazetteer().is_place_name) is not None
        or _is_caption(text, extra_chrome)
        or (extra_chrome and (is_call_to_action(text) or is_time_stamp(text)))
    )


def _is_caption(text: str, copyright_tail: bool) -> bool:
    credit = marks.split_credit(text, trailing_agency=False)
    if credit is not None and len(chrome.words(credit.caption)) < _CREDIT_MAX_WORDS:
        return True
    short = len(chrome.words(text)) <= _CREDIT_MAX_WORDS
    return copyright_tail and short and bool(_CREDIT_TAIL.search(text))


def is_call_to_action(text: str) -> bool:
    """A short line asking the reader to subscribe, sign up, follow, write in; or a
    disclosure that the page earns from the links in it."""
    n = len(chrome.words(text))
    if n <= _DISCLOSURE_WORDS and _DISCLOSURE.search(text):
        return True
    return n <= _CTA_WORDS and bool(_CALL.search(text)) and bool(_READER.search(text))


def is_time_stamp(text: str) -> bool:
    """A line that only says when ("Updated at 1:23 p.m.", "Posted: 12 May 2020 09:00")."""
    tokens = re.findall(r"[\w.]+", text)
    if not tokens or len(tokens) > _STAMP_MAX_WORDS:
        return False
    if not any(c.isdigit() for c in text) or not any(t.isalpha() for t in tokens):
        return False  # a stamp has a word and a number: "+81 158-23-2012" is a phone number
    return all(_STAMP_WORDS.fullmatch(t.rstrip(".")) or t in (".",) for t in tokens)
