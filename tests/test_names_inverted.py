"""People written family name first in a list ("Kell, Ada. The Winter Road"): one Person,
named given names first (kg.extract.entities.inverted); hand-written lines, invented names."""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language

from kg.extract import article as extraction
from kg.extract.entities.found import Found
from kg.extract.entities.inverted import ORIGIN, inverted_names
from kg.extract.entities.mentions import _groups
from kg.extract.entities.rules import ALL_RULES, Rules
from kg.model import Article, Meta, RawDocument

READING_LIST = (
    "Volunteers have recorded more than a hundred books this year, and the readers "
    "keep asking which of them to start with. Here are some good ones:\n\n"
    "Kell, Ada. The Winter Road\n\n"
    "Vantesh, Marco. A History of Orrin (Volume 2)\n\n"
    "Dorrel, Ivy and Pask, Oliver. Letters from the Coast\n\n"
    "The whole catalogue lists every recording, with the name of each reader and the "
    "date the book was finished, so that new listeners can find their way around it."
)


def extract(text: str, nlp: Language, rules: Rules = ALL_RULES) -> Article:
    raw = RawDocument(source="test.txt", text=text, meta=Meta(id="test"))
    article = next(extraction.extract([raw], nlp, rules=rules))
    assert isinstance(article, Article)
    return article


def test_the_lines_of_a_reading_list_name_people_given_name_first() -> None:
    got = [name for _, _, name in inverted_names(READING_LIST)]
    assert got == ["Ada Kell", "Marco Vantesh", "Ivy Dorrel", "Oliver Pask"]


def test_the_span_is_the_name_as_written() -> None:
    spans = [READING_LIST[a:b] for a, b, _ in inverted_names(READING_LIST)]
    assert spans == ["Kell, Ada", "Vantesh, Marco", "Dorrel, Ivy", "Pask, Oliver"]


def test_one_such_line_is_no_list() -> None:
    assert list(inverted_names("Intro.\n\nKell, Ada. The Winter Road\n\nMore later.")) == []


def test_lines_of_talk_are_no_names() -> None:
    # "Yes" and "Thanks" are words this text also writes in lower case
    text = "Yes, Mark. We said yes to it.\n\nThanks, Ada. Many thanks.\n\nKell, Ada. A Book"
    assert list(inverted_names(text)) == []


def test_a_place_and_its_state_is_no_person() -> None:
    text = "Halloway, Vermont. A town.\n\nOrrin, Virginia. Another town."
    assert list(inverted_names(text)) == []


def test_the_person_is_published_once_with_the_written_form(nlp: Language) -> None:
    article = extract(READING_LIST, nlp)
    people = {e.name: e.alternate_names for e in article.entities if e.type == "Person"}
    assert "Kell, Ada" in people["Ada Kell"]
    assert "Pask, Oliver" in people["Oliver Pask"]
    names = {e.name for e in article.entities}
    assert not names & {"Ada", "Kell", "Marco", "Vantesh"}


def test_off_the_rule_leaves_the_model_s_reading(nlp: Language) -> None:
    article = extract(READING_LIST, nlp, replace(ALL_RULES, inverted_names=False))
    assert "Ada Kell" not in {e.name for e in article.entities}


def test_a_listed_person_is_a_clear_cue_for_a_person() -> None:
    # as an author of a cited work: enough to outvote a town's name the gazetteer knows
    listed = Found(0, 9, "Ada Kell", "Person", "ada kell", origin=ORIGIN)
    model = Found(20, 28, "Bo Vanta", "Person", "bo vanta")
    groups = _groups([listed, model], None)
    assert groups["ada kell"].cues["Person"] == 2
    assert groups["ada kell"].votes["Person"] == 3
    assert groups["bo vanta"].votes["Person"] == 1


def test_the_authors_of_a_reference_are_people_initials_first() -> None:
    text = 'As shown (see below).\n\nOrrel, A. L.; Vanta, C.; Dorn, D. R. (June 2007). "A study".'
    got = [(text[a:b], name) for a, b, name in inverted_names(text)]
    assert got == [
        ("Orrel, A. L.", "A. L. Orrel"),
        ("Vanta, C.", "C. Vanta"),
        ("Dorn, D. R.", "D. R. Dorn"),
    ]


def test_one_author_or_places_with_a_year_are_no_reference() -> None:
    assert list(inverted_names("Kell, A. (2010) wrote it alone.")) == []
    assert list(inverted_names("Halloway, Vermont, and Orrin, Maine (2010) grew.")) == []
