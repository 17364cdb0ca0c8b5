"""Which result format a client gets: from the `format` parameter, else its Accept header."""

from __future__ import annotations

from kg.sparql.query import RESULT_FORMATS, Kind

DEFAULTS: dict[str, str] = {"solutions": "json", "boolean": "json", "graph": "turtle"}
TEXT_DEFAULTS: dict[str, str] = {"solutions": "csv", "boolean": "csv", "graph": "turtle"}

# media type → format name, per kind of result (first one listed is what we answer with)
_TABULAR = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "text/plain": "table",
}
_GRAPH = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/ld+json": "jsonld",
    "application/json": "jsonld",
    "application/n-triples": "nt",
    "text/plain": "nt",
}
MEDIA: dict[str, dict[str, str]] = {"solutions": _TABULAR, "boolean": _TABULAR, "graph": _GRAPH}


def _ranges(accept: str) -> list[str]:
    """Media ranges of an Accept header, best first (q=0 dropped, ties in header order)."""
    ranked: list[tuple[float, int, str]] = []
    for n, part in enumerate(accept.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for p in params:
            key, _, value = p.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if media and q > 0:
            ranked.append((-q, n, media.lower()))
    return [m for _, _, m in sorted(ranked)]


def choose(kind: Kind, accept: str | None, param: str | None = None) -> str | None:
    """The format name for a result of ``kind``; None when nothing acceptable is on offer."""
    table = MEDIA[kind]
    if param:
        name = table.get(param.lower(), param.lower().replace("json-ld", "jsonld"))
        if name in RESULT_FORMATS and kind in RESULT_FORMATS[name].kinds:
            return name
    if not accept:
        return DEFAULTS[kind]
    for media in _ranges(accept):
        if media in table:
            return table[media]
        if media in ("*/*", "application/*"):
            return DEFAULTS[kind]
        if media == "text/*":
            return TEXT_DEFAULTS[kind]
    return None


def offered(kind: Kind) -> list[str]:
    """The media types kg can answer a result of ``kind`` with (for a 406 message)."""
    return list(MEDIA[kind])
