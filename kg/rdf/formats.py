"""RDF formats kg writes, in one registry: name → extension, media type, writer.

Writers take triples (or quads, for dataset formats) as pyoxigraph terms and a
binary file; they are plain functions, like any other format a plugin would add.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import IO, Any

import pyoxigraph as ox

from kg.rdf import jsonld
from kg.rdf.namespaces import PREFIXES


@dataclass(frozen=True)
class Format:
    name: str
    extension: str
    media_type: str
    dataset: bool  # True when it carries named graphs (quads)
    write: Callable[[Iterable[Any], IO[bytes]], None]
    native: ox.RdfFormat | None = None  # the same format in Oxigraph, which can dump a store
    prefixes: bool = False  # written with kg's prefixes


def _oxigraph(fmt: ox.RdfFormat, prefixes: bool) -> Callable[[Iterable[Any], IO[bytes]], None]:
    def write(items: Iterable[Any], out: IO[bytes]) -> None:
        items = (ox.Triple(*t) if isinstance(t, tuple) else t for t in items)
        ox.serialize(items, out, fmt, prefixes=PREFIXES if prefixes else None)

    return write


def _native(
    name: str, ext: str, media: str, dataset: bool, fmt: ox.RdfFormat, prefixes: bool
) -> Format:
    return Format(name, ext, media, dataset, _oxigraph(fmt, prefixes), fmt, prefixes)


def _jsonld(items: Iterable[Any], out: IO[bytes]) -> None:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="\n")
    triples: Iterable[Any] = (
        (t.subject, t.predicate, t.object) if isinstance(t, ox.Triple) else t for t in items
    )
    jsonld.write_stream(triples, text)
    text.flush()
    text.detach()


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        _native("turtle", "ttl", "text/turtle", False, ox.RdfFormat.TURTLE, True),
        Format("json-ld", "jsonld", "application/ld+json", False, _jsonld),
        _native("nt", "nt", "application/n-triples", False, ox.RdfFormat.N_TRIPLES, False),
        _native("nquads", "nq", "application/n-quads", True, ox.RdfFormat.N_QUADS, False),
        _native("trig", "trig", "application/trig", True, ox.RdfFormat.TRIG, True),
    )
}
ALIASES = {
    "ttl": "turtle",
    "jsonld": "json-ld",
    "ntriples": "nt",
    "n-triples": "nt",
    "nq": "nquads",
    "n-quads": "nquads",
}


def get(name: str) -> Format:
    """The format called ``name`` (or an alias such as 'ttl'); KeyError when unknown."""
    return FORMATS[ALIASES.get(name, name)]


def from_filename(filename: str) -> Format | None:
    lower = filename.lower()
    for f in FORMATS.values():
        if lower.endswith("." + f.extension):
            return f
    if lower.endswith(".json"):
        return FORMATS["json-ld"]
    return None
