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
  a dateline line has a dateline's mark (a date, an agency, a closing dash, a known
  place in capitals): a heading in capitals or a venue line has only its shape;
- a call to action (subscribe, sign up for the newsletter, write to us), an
  affiliate disclosure, a bare time stamp ("Updated at 1:23 p.m.").

A main text is the article as the extractor found it, so these rules give way to
what reads as article text (BodyRules, each measured in bench/pages.py): a short
bulleted line without menu or share words is a list item or a table cell; a call
to action beside a sentence that reports (or says who said it) is news; "affiliate"
discloses only beside links or commissions; and a line that is a sentence is no
copyright notice ("Copyright law …"), wire footer ("Reporting by the local paper
showed …") or end label.

What the head took (the headline, the standfirst, a dateline on its own line,
captions) and the reader comments the cleaner found stay out. The cleaner's
paragraphs stay as it cut them (a sign-off "— AFP" lifted out), but the opening
paragraph keeps its dateline ("WASHINGTON (AP) — The …"): the dateline is also the
article's ``dateline``, the sentence stays whole. Calls to action and time stamps,
which the cleaner does not know, go wherever they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

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
# "Affiliate" in a disclosure is the page's links; "an affiliate of the bank" is news.
_AFFILIATE_LINKS = re.compile(
    r"\baffiliate\s+(?:links?|commissions?|partners?|partnerships?|programs?|programmes?|"
    r"marketing|advertising)\b",
    re.I,
)
# "Reporting by the local paper showed …": a footer's "by" is followed by a name.
_FOOTER_PROSE = re.compile(
    r"^\(?\s*(?i:reporting|additional reporting|writing|editing|compiled|produced)\s+by\s+[a-z]"
)
# "…, the agency said": a sentence that says who said it reports, whatever it quotes.
_ATTRIBUTION = re.compile(
    r",\s+(?:[\w'’-]+\s+){1,4}(?:said|says|told|added|warned|wrote)\b|\baccording to\b"
)
_REPORT_WORDS = 4  # a sentence this long that neither calls nor addresses the reader reports


@dataclass(frozen=True)
class BodyRules:
    """Which main-text rules run: all in a build; bench/pages.py turns each off in turn."""

    extra_chrome: bool = True  # calls to action, disclosures, time stamps, © credits
    items: bool = True  # a short bulleted line is a list item unless menu or share words
    reported_calls: bool = True  # a line with a sentence that reports is no call to action
    affiliate_links: bool = True  # "affiliate" discloses only with links, commissions …
    sentences: bool = True  # a sentence is no copyright notice, wire footer or end label
    marked_datelines: bool = True  # a dateline line has a mark; "INSTRUCTIONS" is a heading


_ALL = BodyRules()


def complete_body(text: str, layout: Layout, rules: BodyRules = _ALL) -> Layout:
    """``layout`` with every main-text line that is not chrome in its body (see above).

    ``rules.extra_chrome`` off leaves calls to action, disclosures, time stamps and ©
    credits in (the bench's ablation of the classifiers the cleaner does not have).
    """
    extra_chrome = rules.extra_chrome
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
            if not (extra_chrome and (_calls(block.text, rules) or is_time_stamp(block.text))):
                body.extend(_whole_opening(s, block, opening) for s in inside if s not in body)
        elif not any(_overlaps(s, block) for s in taken if s is not None) and not (
            (headline and fold(block.text) == headline) or is_page_chrome(block.text, rules)
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


def is_page_chrome(text: str, rules: BodyRules = _ALL) -> bool:
    """True for a main-text line that is page furniture, not a sentence of the article."""
    extra_chrome = rules.extra_chrome
    return (
        chrome.is_chrome_label(text, items=rules.items, sentences=rules.sentences)
        or chrome.is_comment_marker(text)
        or (chrome.is_end_marker(text) and not (rules.sentences and _sentence(text)))
        or (chrome.is_footer_credit(text) and not (rules.sentences and _FOOTER_PROSE.match(text)))
        or chrome.is_section_word(text)
        or marks.parse_byline(text) is not None
        or _is_dateline(text, rules)
        or _is_caption(text, extra_chrome)
        or (extra_chrome and (_calls(text, rules) or is_time_stamp(text)))
    )


def _is_dateline(text: str, rules: BodyRules) -> bool:
    """A line that is only a dateline. In a main text a heading ("INSTRUCTIONS"), a venue
    ("CITY HALL, SPRINGFIELD") or a section named after a place ("Lisbon") has the shape
    too; a dateline also has a mark: a date, an agency, a closing dash or colon, a known
    place in capitals ("WASHINGTON") or a region in ordinary case ("SPRINGVALE, Vermont")."""
    is_place = gazetteer().is_place_name
    found = marks.parse_dateline(text, is_place)
    if found is None or not rules.marked_datelines:
        return found is not None
    place, region = found.place, found.region
    return bool(
        found.date
        or found.agency
        or text.rstrip().endswith(("—", "–", "-", ":"))
        or (place.isupper() and is_place(place))
        or (place.isupper() and region and not region.isupper())
    )


def _is_caption(text: str, copyright_tail: bool) -> bool:
    credit = marks.split_credit(text, trailing_agency=False)
    if credit is not None and len(chrome.words(credit.caption)) < _CREDIT_MAX_WORDS:
        return True
    short = len(chrome.words(text)) <= _CREDIT_MAX_WORDS
    return copyright_tail and short and bool(_CREDIT_TAIL.search(text))


def _calls(text: str, rules: BodyRules) -> bool:
    return is_call_to_action(
        text, reported=rules.reported_calls, affiliate_links=rules.affiliate_links
    )


def is_call_to_action(text: str, reported: bool = True, affiliate_links: bool = True) -> bool:
    """A short line asking the reader to subscribe, sign up, follow, write in; or a
    disclosure that the page earns from the links in it.

    ``reported``: a line with a sentence that neither calls nor addresses the reader
    ("Two models are listed. You can sign up to be told") reports, and is kept.
    ``affiliate_links``: "affiliate" discloses only beside links, commissions, programmes.
    """
    n = len(chrome.words(text))
    said = {m.group().casefold() for m in _DISCLOSURE.finditer(text)}
    if affiliate_links and said == {"affiliate"} and not _AFFILIATE_LINKS.search(text):
        said = set()
    if n <= _DISCLOSURE_WORDS and said:
        return True
    if n > _CTA_WORDS or not (_CALL.search(text) and _READER.search(text)):
        return False
    return not (reported and any(_reports(s) for s in chrome.sentences(text)))


def _reports(sentence: str) -> bool:
    """A sentence of news, not of a call: long enough, no call, no "you"."""
    words = len(chrome.words(sentence))
    if words >= _REPORT_WORDS and _ATTRIBUTION.search(sentence):
        return True
    return words >= _REPORT_WORDS and not (_CALL.search(sentence) or _READER.search(sentence))


def _sentence(text: str) -> bool:
    """A line that ends as a sentence does: "More from the interview below." is prose."""
    return len(chrome.words(text)) >= _REPORT_WORDS and text.rstrip().endswith((".", "!", "?"))


def is_time_stamp(text: str) -> bool:
    """A line that only says when ("Updated at 1:23 p.m.", "Posted: 12 May 2020 09:00")."""
    tokens = re.findall(r"[\w.]+", text)
    if not tokens or len(tokens) > _STAMP_MAX_WORDS:
        return False
    if not any(c.isdigit() for c in text) or not any(t.isalpha() for t in tokens):
        return False  # a stamp has a word and a number: "+81 158-23-2012" is a phone number
    return all(_STAMP_WORDS.fullmatch(t.rstrip(".")) or t in (".",) for t in tokens)
