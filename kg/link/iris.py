"""Every IRI kg mints, minted here and only here.

``<base>article/<id>``, ``<base>graph/article/<id>``, ``<base>person/<slug>``,
``<base>place/<slug>``, ``<base>organization/<slug>``, ``<base>event/<slug>``.
The same input always gives the same IRIs.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
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
    """A path segment for an article id: the id itself when it is safe, else slug + hash.

    Two ids can still ask for the same segment (``a/b/c`` and ``a-b-c-ee2be6da``, or
    a crafted hash): :func:`assign_stems` gives the one that asked later another.
    """
    if _SAFE_ID.fullmatch(article_id):
        return article_id
    return f"{slug(article_id, 60)}-{_digest(article_id)}"


def _fallbacks(article_id: str) -> Iterator[str]:
    """Segments for an id whose own one is taken: a longer hash of the whole id, then more."""
    base = slug(article_id, 60)
    digest = hashlib.sha256(article_id.encode("utf-8")).hexdigest()
    yield f"{base}-{digest[:16]}"
    yield f"{base}-{digest}"
    for n in itertools.count(2):
        yield f"{base}-{digest[:16]}-{n}"


@dataclass(frozen=True)
class Clash:
    """An article that could not have the IRI path segment its id asks for."""

    article: str  # its id
    wanted: str  # the segment its id asks for
    owner: str  # the article that has that segment
    given: str  # the segment it got instead

    def reason(self) -> str:
        return (
            f"article id {self.article!r} asks for the IRI path article/{self.wanted}, "
            f"which is article {self.owner!r}'s; published as article/{self.given}"
        )


def assign_stems(
    ids: Sequence[str], published: Mapping[str, str]
) -> tuple[dict[str, str], list[Clash]]:
    """A distinct path segment for each article id, before anything is written.

    ``published`` maps ids to the segment they were published under before, so a
    published IRI never moves: of the ids asking for one segment, the one
    published under it keeps it, else the id that is the segment itself, else
    the first in ``ids``. Returns the segments that differ from :func:`id_slug`
    and one Clash per id that had to take another.
    """
    claims: dict[str, list[str]] = {}
    for aid in ids:
        claims.setdefault(published.get(aid) or id_slug(aid), []).append(aid)
    taken = set(claims)
    stems: dict[str, str] = {}
    clashes: list[Clash] = []
    for stem, claimants in claims.items():
        order = {aid: n for n, aid in enumerate(claimants)}
        owner = min(claimants, key=lambda a: (published.get(a) != stem, a != stem, order[a]))
        if stem != id_slug(owner):
            stems[owner] = stem
        for aid in claimants:
            if aid == owner:
                continue
            given = next(c for c in _fallbacks(aid) if c not in taken)
            taken.add(given)
            stems[aid] = given
            clashes.append(Clash(aid, stem, owner, given))
    return stems, clashes


def check_base(base: str) -> str:
    """The base IRI, validated: absolute http(s) and ending in '/' or '#'."""
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(f"base IRI must be an absolute http(s) IRI, got {base!r}")
    if not base.endswith(("/", "#")):
        raise ConfigError(f"base IRI must end with '/' or '#', got {base!r}")
    return base


class Iris:
    """IRIs under one base. ``stems`` gives articles a path segment other than their
    id's own (see :func:`assign_stems`)."""

    def __init__(
        self, base: str = DEFAULT_BASE_IRI, stems: Mapping[str, str] | None = None
    ) -> None:
        self.base = check_base(base)
        self._stems = dict(stems or {})

    def with_stems(self, stems: Mapping[str, str]) -> Iris:
        return Iris(self.base, stems)

    def stem(self, article_id: str) -> str:
        """The article's path segment, also its file name under articles/."""
        return self._stems.get(article_id) or id_slug(article_id)

    def article(self, article_id: str) -> str:
        return f"{self.base}article/{self.stem(article_id)}"

    def graph(self, article_id: str) -> str:
        return f"{self.base}graph/article/{self.stem(article_id)}"

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

    def graph_of(self, article_iri: str) -> str | None:
        """The named graph of the article ``article_iri`` (minted by :meth:`article`)."""
        prefix = f"{self.base}article/"
        if not article_iri.startswith(prefix) or "#" in article_iri:
            return None
        return f"{self.base}graph/article/{article_iri[len(prefix) :]}"

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
