"""Page structure on hand-written pages shaped like other sites (not the seeds)."""

from __future__ import annotations

from kg.extract.page import chrome, marks
from kg.extract.page.layout import parse_layout
from kg.extract.page.view import analysed_spans, build_view, truecase
from kg.model import Agent, Meta

WIRE_PAGE = """Home | World | Business | Sport | Opinion | Login
share-btn-icon
Protesters fill the square outside parliament in Lisbon on Monday. (AP Photo/Ana Brigida)
politics
Thousands protest pension reform in Portugal

By John Smith, Associated Press
LISBON, Portugal (AP) — Thousands of people marched through Lisbon on Monday against the government's plan to raise the retirement age.

Advertisement

The protest was organised by the country's largest union, which said more than 50,000 people took part.

Police said the march was peaceful.

(Reporting by Jane Doe; Editing by Mark Roe)
Related stories
Portugal's parliament approves budget
Copyright 2023 The Associated Press. All rights reserved.
"""

COMMENT_PAGE = """Storm closes schools across the region

The storm brought winds of up to 120 km/h and forced the closure of more than 300 schools on Tuesday, officials said.

Forecasters expect the weather to improve by the end of the week, the national weather service said in a statement.

12 Comments
Login to comment
I can't believe they closed the schools again!
Great, another day off lol
"""


def texts(page: str, spans) -> list[str]:
    return [page[s.start : s.end] for s in spans]


def test_wire_story_structure() -> None:
    layout = parse_layout(WIRE_PAGE, Meta())
    assert layout.headline == "Thousands protest pension reform in Portugal"
    assert layout.section == "politics"
    assert layout.authors == (Agent("John Smith", "Person"),)
    assert layout.dateline == "LISBON, Portugal (AP)"
    assert "Associated Press" in layout.source_organizations
    assert layout.images[0].credit == "AP Photo/Ana Brigida"
    assert (
        layout.images[0].caption
        == "Protesters fill the square outside parliament in Lisbon on Monday."
    )
    body = texts(WIRE_PAGE, layout.body)
    assert body[0].startswith("Thousands of people marched through Lisbon")
    assert body[-1] == "Police said the march was peaceful."
    assert len(body) == 3


def test_comment_thread_after_a_header_is_cut() -> None:
    layout = parse_layout(COMMENT_PAGE, Meta())
    assert layout.headline == "Storm closes schools across the region"
    body = texts(COMMENT_PAGE, layout.body)
    assert len(body) == 2 and body[-1].endswith("said in a statement.")
    assert texts(COMMENT_PAGE, layout.comments) == [
        "I can't believe they closed the schools again!",
        "Great, another day off lol",
    ]


def test_known_headline_is_not_guessed_and_labels_at_the_edges_are_not_body() -> None:
    text = (
        "Short opener\n\nThe company said profits rose 5% in the third quarter, beating forecasts.\n\n"
        "Shares rose 2% in early trading.\n\nMore on this\n"
    )
    layout = parse_layout(text, Meta(headline="Profits rise"))
    assert layout.headline == "Profits rise" and layout.headline_span is None
    assert texts(text, layout.body) == [
        "The company said profits rose 5% in the third quarter, beating forecasts.",
        "Shares rose 2% in early trading.",
    ]


def test_text_without_prose_is_kept_whole() -> None:
    text = "Markets closed\n\nSee you Monday\n"
    layout = parse_layout(text, Meta(headline="Markets"))
    assert texts(text, layout.body) == ["Markets closed", "See you Monday"]


def test_signoff_ends_the_body() -> None:
    text = "Headline here today\n\nThe minister resigned on Friday after weeks of pressure. — Reuters\n\nMore news\n"
    layout = parse_layout(text, Meta())
    assert texts(text, layout.body) == ["The minister resigned on Friday after weeks of pressure."]
    assert layout.source_organizations == ("Reuters",)


def test_chrome_lines() -> None:
    for line in ["Advertisement", "search-icon-img", "  • whatsapp", "featured-img featured-img",
                 "tlbr_img1 Home tlbr_img2 Opinion tlbr_img3 Videos", "Share this article",
                 "Subscribe To Print Edition About Us Download App Advertise with us", "0 ( +0 / -0 )",
                 "© 2024 Example Media", "https://example.com/story"]:  # fmt: skip
        assert chrome.is_chrome(line), line
    for line in [
        "The talks will resume on Monday.",
        "Putin and Kim meet",
        "Home prices rose 5% in May.",
    ]:
        assert not chrome.is_chrome(line), line


def test_bylines() -> None:
    assert marks.parse_byline("By Maria Vasilyeva and Vladimir Soldatkin") == (
        Agent("Maria Vasilyeva"), Agent("Vladimir Soldatkin"),
    )  # fmt: skip
    assert marks.parse_byline("By Reuters Staff") == (Agent("Reuters", "Organization"),)
    assert marks.parse_byline("By the time the police arrived, the crowd had left.") is None


def test_datelines() -> None:
    d = marks.parse_dateline("Vladivostok (Russia), Apr 24", lambda name: name == "Vladivostok")
    assert d is not None and (d.place, d.region, d.date) == ("Vladivostok", "Russia", "Apr 24")
    assert marks.parse_dateline("NAIROBI", lambda name: False) is not None
    assert marks.parse_dateline("Analysts say", lambda name: False) is None
    inline = marks.parse_inline_dateline("WASHINGTON (Reuters) - The U.S. Senate voted")
    assert inline is not None and inline.place == "WASHINGTON" and inline.agency == "Reuters"
    assert marks.parse_inline_dateline("NATO - the alliance said") is not None
    assert marks.parse_inline_dateline("The U.S. - and others") is None


def test_reader_comment_shapes() -> None:
    assert chrome.looks_like_reader_comment("Trump's looking for more places to build hotels.")
    assert chrome.looks_like_reader_comment(
        "See https://example.com/x for the real story. It matters a lot to us all here."
    )
    assert not chrome.looks_like_reader_comment(
        "There was heightened security around the city in preparation for the summit, with an unusually "
        "heavy police presence, especially at the university campus where the talks were taking place."
    )


def test_view_offsets_map_back_to_the_source() -> None:
    layout = parse_layout(WIRE_PAGE, Meta())
    view = build_view(WIRE_PAGE, analysed_spans(layout))
    for word in ("Lisbon", "Portugal", "Associated Press"):
        start = view.text.find(word)
        if start < 0:
            continue
        span = view.span_to_source(start, start + len(word))
        assert WIRE_PAGE[span.start : span.end].casefold() == word.casefold()
    assert "Jane Doe" not in view.text and "John Smith" not in view.text  # bylines never reach NER


def test_truecase_keeps_length_and_acronyms() -> None:
    for line in ["VLADIVOSTOK, Russia", "SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .",
                 "US AND UN WARN NATO"]:  # fmt: skip
        assert len(truecase(line)) == len(line)
    assert truecase("US AND UN WARN NATO") == "US and UN warn NATO"  # common words lower case
    assert truecase("Mixed Case Stays") == "Mixed Case Stays"


def test_a_credit_alone_is_not_an_image() -> None:
    text = (
        "Harbour reopens after storm\n\nPhoto: AP\n\n"
        "The harbour reopened on Monday after a week of repairs, the port authority said.\n"
    )
    layout = parse_layout(text, Meta())
    assert layout.images == ()
    assert texts(text, layout.body) == [
        "The harbour reopened on Monday after a week of repairs, the port authority said."
    ]
