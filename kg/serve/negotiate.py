"""Which result format a client gets: from the `format` parameter, else its Accept header.

The formats on offer for each kind of result and their media types come from the
registry (kg.rdf.formats), and so does the Accept parser the Linked Data pages use too.
"""

from __future__ import annotations

from kg.rdf import formats
from kg.sparql.query import Kind, result_formats


def choose(kind: Kind, accept: str | None, param: str | None = None) -> str | None:
    """The format name for a result of ``kind``; None when nothing acceptable is on offer.

    ``param`` (the request's ``format=``) names a format or one of its media types; one
    that cannot carry the result is ignored and the Accept header decides.
    """
    offers = result_formats(kind)
    if param:
        wanted = param.strip().lower()
        for fmt in offers:
            if wanted == fmt.name or wanted in fmt.aliases or wanted in fmt.media_types:
                return fmt.name
    chosen = formats.Accept.parse(accept).choose(offers)
    return chosen.name if chosen else None


def offered(kind: Kind) -> list[str]:
    """The media types kg can answer a result of ``kind`` with (for a 406 message)."""
    return [media for fmt in result_formats(kind) for media in fmt.media_types]
