"""Works read from the words around a name (kg.extract.entities.workcues): hand-written
sentences with invented titles, the rule on and off."""

from __future__ import annotations

from dataclasses import replace

import pytest
from spacy.language import Language

from kg.extract import article as extraction
from kg.extract.entities import workcues
from kg.extract.entities.rules import ALL_RULES, Rules
from kg.model import Meta, RawDocument

OFF = replace(ALL_RULES, work_cues=False)


def types(text: str, nlp: Language, rules: Rules = ALL_RULES) -> dict[str, str]:
    raw = RawDocument(source="test.txt", text=text, meta=Meta(id="test"))
    article = next(extraction.extract([raw], nlp, rules=rules))
    return {e.name: e.type for e in article.entities}


@pytest.mark.parametrize(
    ("text", "title", "without"),
    [
        (
            "Her film roles include Paper Orchards (2011), The Quiet Hours (2014) and Salt and Wire (2016).",
            "The Quiet Hours",
            "Person",
        ),
        (
            "He played Tom Avery in the television series Bright Morrow, which ran for six years.",
            "Bright Morrow",
            "Person",
        ),
        (
            "Critics praised her as Ada in the films Paper Orchards and others.",
            "Paper Orchards",
            "Organization",
        ),
    ],
)
def test_a_dated_title_or_a_class_noun_further_off_makes_a_work(
    nlp: Language, text: str, title: str, without: str
) -> None:
    assert types(text, nlp)[title] == "Thing"
    assert types(text, nlp, OFF)[title] == without


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("As Okafor (2010) argues, the effect is small.", "Okafor"),  # a cited author
        ("The method of Van Loon (2004) is used here.", "Van Loon"),
        ("The film opened in March (2011) to good reviews.", "March"),
    ],
)
def test_cited_authors_are_no_works(nlp: Language, text: str, name: str) -> None:
    doc = nlp(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name))
    assert span is not None
    assert workcues.work_class(doc, span) is None
