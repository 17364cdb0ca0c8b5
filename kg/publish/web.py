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
from kg.publish.describe import Published
from kg.publish.pages import KIND_TITLES, Pages, page
from kg.publish.site import DUMPS
from kg.rdf import formats
from kg.rdf.jsonld import Triple

HTML = "text/html"
# representation name → media type (server preference order for */*)
MEDIA_TYPES = {
    "html": HTML,
    "turtle": "text/turtle",
    "jsonld": "application/ld+json",
    "nt": "application/n-triples",
}
ACCEPTED = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/ld+json": "jsonld",
    "application/json": "jsonld",
    "application/n-triples": "nt",
}
EXTENSIONS = {"html": "html", "ttl": "turtle", "jsonld": "jsonld", "nt": "nt"}
DUMP_TYPES = {"ttl": "text/turtle", "jsonld": "application/ld+json", "nq": "application/n-quads"}


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
    best: tuple[float, int, str] | None = None
    for preference, name in enumerate(MEDIA_TYPES):
        q = _quality(
            accept, MEDIA_TYPES[name], aliases=[m for m, n in ACCEPTED.items() if n == name]
        )
        if q > 0 and (best is None or (q, -preference) > (best[0], best[1])):
            best = (q, -preference, name)
    return best[2] if best else None


def _quality(accept: str, media: str, aliases: list[str]) -> float:
    """The q an Accept header gives ``media``: the most specific matching range wins."""
    top, _, _ = media.partition("/")
    found: tuple[int, float] | None = None
    for part in accept.split(","):
        value, *params = (p.strip() for p in part.split(";"))
        value = value.lower()
        q = 1.0
        for param in params:
            key, _, number = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(number)))
                except ValueError:
                    q = 0.0
        specificity = (
            3 if value in aliases else 2 if value == f"{top}/*" else 1 if value == "*/*" else 0
        )
        if specificity and (found is None or specificity > found[0]):
            found = (specificity, q)
    return found[1] if found else 0.0


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
            media = DUMP_TYPES[rest.rsplit(".", 1)[1]]
            return (
                WebResponse(200, media, b"", file=path) if path.is_file() else self._not_found(rest)
            )
        if rest in KINDS:
            return WebResponse(301, "text/plain", b"", (("Location", f"{self.base_path}{rest}/"),))
        if rest.endswith("/") and rest[:-1] in KINDS:
            kind = rest[:-1]
            return _html(self.pages.index(kind, self.entities(kind)))
        stem, _, ext = rest.rpartition(".")
        if stem and ext in EXTENSIONS and "/" in stem:
            return self._resource(stem, EXTENSIONS[ext], negotiated=False)
        name = negotiate(accept)
        if name is None:
            offered = ", ".join(MEDIA_TYPES.values())
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
            extension = next(e for e, n in EXTENSIONS.items() if n == name)
            location = f"{rest.rsplit('/', 1)[1]}.{extension}"
            headers = (("Vary", "Accept"), ("Content-Location", location))
        body = page_text.encode("utf-8") if html else serialize(triples, name)
        return WebResponse(200, MEDIA_TYPES[name], body, headers)

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
    formats.get(name).write(triples, buffer)
    return buffer.getvalue()


def _safe(path: str) -> bool:
    if not path.startswith("/") or "\\" in path or any(ord(c) < 32 or ord(c) == 127 for c in path):
        return False
    return not any(segment in (".", "..") for segment in path.split("/"))


def _html(text: str, status: int = 200) -> WebResponse:
    return WebResponse(status, HTML, text.encode("utf-8"))


def _text(status: int, text: str, headers: tuple[tuple[str, str], ...] = ()) -> WebResponse:
    return WebResponse(status, "text/plain", text.encode("utf-8"), headers)
