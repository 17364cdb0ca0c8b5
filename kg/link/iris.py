"""Every IRI kg mints, minted here and only here.

``<base>article/<id>``, ``<base>graph/article/<id>``, ``<base>person/<slug>``,
``<base>place/<slug>``, ``<base>organization/<slug>``, ``<base>event/<slug>``.
The same input always gives the same IRIs.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import urlsplit

from kg.errors import ConfigError
from kg.lexicon.gazetteer import gazetteer
from kg.model import GeoPlace

DEFAULT_BASE_IRI = "http://localhost:8000/"
_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
KINDS = ("article", "person", "place", "organization", "event")
_TYPE_PATH = {"Person": "person", "Place": "place", "Organization": "organization"}


def slug(text: str, limit: int = 80) -> str:
    """Lowercase ASCII words joined by hyphens ("Kim Jong Un" → "kim-jong-un")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return out[:limit].rstrip("-") or _digest(text)


def _digest(text: str, n: int = 8) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


def id_slug(article_id: str) -> str:
    """A path segment for an article id: the id itself when it is safe, else slug + hash."""
    if _SAFE_ID.fullmatch(article_id):
        return article_id
    return f"{slug(article_id, 60)}-{_digest(article_id)}"


def check_base(base: str) -> str:
    """The base IRI, validated: absolute http(s) and ending in '/' or '#'."""
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(f"base IRI must be an absolute http(s) IRI, got {base!r}")
    if not base.endswith(("/", "#")):
        raise ConfigError(f"base IRI must end with '/' or '#', got {base!r}")
    return base


class Iris:
    """IRIs under one base."""

    def __init__(self, base: str = DEFAULT_BASE_IRI) -> None:
        self.base = check_base(base)

    def article(self, article_id: str) -> str:
        return f"{self.base}article/{id_slug(article_id)}"

    def graph(self, article_id: str) -> str:
        return f"{self.base}graph/article/{id_slug(article_id)}"

    def entity(self, type_: str, name: str) -> str:
        return f"{self.base}{_TYPE_PATH[type_]}/{slug(name)}"

    def place(self, geo: GeoPlace) -> str:
        """A GeoNames place: its name, plus its GeoNames id when a bigger place has that name."""
        name = slug(geo.name)
        if not gazetteer().is_primary(geo):
            name = f"{name}-{geo.geonames_id}"
        return f"{self.base}place/{name}"

    def event(self, key: str) -> str:
        return f"{self.base}event/{slug(key, 120)}"

    def kind_of(self, iri: str) -> str | None:
        """'person', 'article', … for an IRI kg minted under this base, else None."""
        if not iri.startswith(self.base):
            return None
        head = iri[len(self.base) :].split("/", 1)[0]
        return head if head in KINDS else None


def geonames_iri(geonames_id: int) -> str:
    return f"https://sws.geonames.org/{geonames_id}/"


# Nodes that only exist inside one described resource are fragments of its IRI.


def image_iri(article: str, n: int) -> str:
    """The ``n``-th image (from 1) of an article."""
    return f"{article}#image-{n}"


def comment_iri(article: str, n: int) -> str:
    """The ``n``-th reader comment (from 1) of an article."""
    return f"{article}#comment-{n}"


def geo_iri(place: str) -> str:
    """A place's coordinates."""
    return f"{place}#geo"


def source_iri(article: str) -> str:
    """The source text an article graph was derived from (the NIF context of its offsets)."""
    return f"{article}#source"


def chars_iri(article: str, start: int, end: int) -> str:
    """Characters [start, end) of the article's source text (RFC 5147 ``char=``)."""
    return f"{article}#char={start},{end}"
