"""Linked Data over HTTP: every IRI kg minted answers at its path, by content negotiation.

``LinkedData.respond(method, path, accept)`` is the whole protocol, independent
of any web framework (kg serve mounts it): ``text/html`` gets the page of the
site, ``text/turtle``, ``application/ld+json`` and ``application/n-triples`` the
IRI's description from the store; ``NAME.html|.ttl|.jsonld|.nt`` ask for one
representation by name, as the static site's files do. Nothing is read from
disk but the three fixed whole-graph files, so no path can reach outside the
site; paths with dot segments are refused outright.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

from kg.link.iris import KINDS
from kg.rdf import formats
from kg.rdf.jsonld import Triple
from kg.web.describe import Published
from kg.web.pages import KIND_TITLES, Pages, page
from kg.web.site import DUMPS

HTML = formats.get("html").media_type


def offers() -> list[formats.Format]:
    """What an IRI is offered as, kg's preference first: its page, then its description."""
    return [formats.get("html"), *formats.carrying("graph")]


def by_extension() -> dict[str, formats.Format]:
    """NAME.html, NAME.ttl, … : the representation a file extension names."""
    return {f.extension: f for f in offers()}


@dataclass(frozen=True)
class WebResponse:
    """An answer; ``file``, when set, is sent as the body instead (streamed: dumps are big)."""

    status: int
    media_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()
    file: Path | None = None


def negotiate(accept: str | None) -> str | None:
    """The representation an Accept header asks for; None when none is acceptable."""
    if not accept or not accept.strip():
        return "html"
    chosen = formats.Accept.parse(accept).choose(offers())
    return chosen.name if chosen else None


class LinkedData:
    """Answers HTTP requests for the IRIs of one published folder."""

    def __init__(self, published: Published) -> None:
        self.published = published
        self.describer = published.describer
        self.pages = Pages(published.describer)
        self.base = published.base
        self.base_path = urlsplit(self.base).path or "/"
        self._entities: dict[str, list[str]] = {}

    def entities(self, kind: str) -> list[str]:
        """Every IRI of one kind (listed once per snapshot of the store: it is a full scan)."""
        if kind not in self._entities:
            self._entities[kind] = self.describer.entities(kind)
        return self._entities[kind]

    def respond(self, method: str, path: str, accept: str | None) -> WebResponse:
        """The answer to ``method path`` (``path`` percent-decoded, without the query).

        HEAD gets GET's answer, body included, so its Content-Length is right; the
        HTTP server sends no body for HEAD.
        """
        if method not in ("GET", "HEAD"):
            return _text(405, "only GET and HEAD are served here\n", (("Allow", "GET, HEAD"),))
        if not _safe(path):
            return _text(400, "bad path: no '.', '..', backslash or control characters\n")
        if not path.startswith(self.base_path):
            return self._not_found(path)
        return self._answer(path[len(self.base_path) :], accept)

    def _answer(self, rest: str, accept: str | None) -> WebResponse:
        if rest == "":
            counts = {kind: len(self.entities(kind)) for kind in KINDS}
            return _html(self.pages.home(counts, DUMPS))
        if rest in DUMPS:
            path = self.published.folder / rest
            dump = formats.by_extension(rest.rsplit(".", 1)[1])
            media = dump.media_type if dump else formats.PLAIN_TEXT
            return (
                WebResponse(200, media, b"", file=path) if path.is_file() else self._not_found(rest)
            )
        if rest in KINDS:
            return WebResponse(
                301, formats.PLAIN_TEXT, b"", (("Location", f"{self.base_path}{rest}/"),)
            )
        if rest.endswith("/") and rest[:-1] in KINDS:
            kind = rest[:-1]
            return _html(self.pages.index(kind, self.entities(kind)))
        stem, _, ext = rest.rpartition(".")
        named = by_extension().get(ext)
        if stem and named is not None and "/" in stem:
            return self._resource(stem, named.name, negotiated=False)
        name = negotiate(accept)
        if name is None:
            offered = ", ".join(f.media_type for f in offers())
            return _text(406, f"not acceptable: this resource is offered as {offered}\n")
        return self._resource(rest, name, negotiated=True)

    def _resource(self, rest: str, name: str, negotiated: bool) -> WebResponse:
        iri = self.base + rest
        kind = rest.split("/", 1)[0]
        html = name == "html"
        if kind == "graph" and self.describer.has_graph(iri):
            triples = self.describer.graph(iri)
            page_text = self.pages.graph_page(iri, self._article_of(iri)) if html else ""
        elif kind in KINDS and "#" not in rest and self.describer.exists(iri):
            desc = self.describer.describe(iri)
            triples = desc.triples
            page_text = self.pages.entity(iri, desc) if html else ""
        else:
            return self._not_found(rest)
        headers: tuple[tuple[str, str], ...] = ()
        if negotiated:
            extension = formats.get(name).extension
            location = f"{rest.rsplit('/', 1)[1]}.{extension}"
            headers = (("Vary", "Accept"), ("Content-Location", location))
        body = page_text.encode("utf-8") if html else serialize(triples, name)
        return WebResponse(200, formats.get(name).media_type, body, headers)

    def _article_of(self, graph_iri: str) -> str | None:
        for entry in self.published.manifest.articles.values():
            if entry.get("graph") == graph_iri:
                return entry.get("iri")
        return None

    def _not_found(self, rest: str) -> WebResponse:
        title = "Not found"
        body = (
            f"<h1>{title}</h1>\n<p>Nothing is published at <code>{escape(self.base + rest)}</code>."
            '</p>\n<ul class="links">'
            + "".join(
                f'<li><a href="{self.base_path}{k}/">{KIND_TITLES[k]}</a></li>' for k in KINDS
            )
            + "</ul>"
        )
        return WebResponse(404, HTML, page(title, body, "", [], None, "en").encode("utf-8"))


def serialize(triples: list[Triple], name: str) -> bytes:
    """A description in one RDF representation (turtle, jsonld, nt), by kg's format registry."""
    buffer = io.BytesIO()
    formats.get(name).writer()(triples, buffer)
    return buffer.getvalue()


def _safe(path: str) -> bool:
    if not path.startswith("/") or "\\" in path or any(ord(c) < 32 or ord(c) == 127 for c in path):
        return False
    return not any(segment in (".", "..") for segment in path.split("/"))


def _html(text: str, status: int = 200) -> WebResponse:
    return WebResponse(status, HTML, text.encode("utf-8"))


def _text(status: int, text: str, headers: tuple[tuple[str, str], ...] = ()) -> WebResponse:
    return WebResponse(status, formats.PLAIN_TEXT, text.encode("utf-8"), headers)
