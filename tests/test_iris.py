"""IRIs: one place mints them, the same input always gives the same IRI."""

from __future__ import annotations

import hashlib

import pytest

from kg.errors import ConfigError
from kg.lexicon.gazetteer import gazetteer
from kg.link.iris import Iris, id_slug, slug


def test_slugs() -> None:
    assert slug("Kim Jong Un") == "kim-jong-un"
    assert slug("Moon Jae-in") == "moon-jae-in"
    assert slug("José Mourinho") == "jose-mourinho"
    # A name with no Latin letters slugs to a digest of itself: non-empty and stable.
    assert slug("北京") == hashlib.sha1("北京".encode()).hexdigest()[:8]
    assert slug("Ünïcödé  --  Names!") == "unicode-names"
    assert len(slug("word " * 40)) <= 80 and not slug("word " * 40).endswith("-")


def test_article_ids() -> None:
    assert id_slug("000_d4672ff891c8bbe5") == "000_d4672ff891c8bbe5"
    assert id_slug("bbc/business/001") != id_slug("bbc-business-001")
    assert id_slug("https://www.bbc.com/news/x-1").startswith("https-www-bbc-com-news-x-1-")


def test_iris_under_the_base() -> None:
    iris = Iris("https://news.example.org/kg/")
    assert iris.article("a1") == "https://news.example.org/kg/article/a1"
    assert iris.graph("a1") == "https://news.example.org/kg/graph/article/a1"
    assert (
        iris.entity("Person", "Vladimir Putin")
        == "https://news.example.org/kg/person/vladimir-putin"
    )
    assert iris.kind_of("https://news.example.org/kg/place/hanoi") == "place"
    assert iris.kind_of("https://elsewhere.example/place/hanoi") is None


def test_places_by_geonames_with_the_biggest_taking_the_plain_name() -> None:
    iris = Iris()
    moscow = gazetteer().resolve("Moscow")
    assert moscow is not None and iris.place(moscow) == "http://localhost:8000/place/moscow"
    other = [p for p in gazetteer().candidates("Moscow") if p.geonames_id != moscow.geonames_id][0]
    assert iris.place(other) == f"http://localhost:8000/place/moscow-{other.geonames_id}"


@pytest.mark.parametrize("base", ["example.org/", "ftp://example.org/", "http://example.org/kg"])
def test_bad_bases(base: str) -> None:
    with pytest.raises(ConfigError):
        Iris(base)
