"""Every format kg reads, writes or answers with, in one registry, and the one Accept parser.

A :class:`Format` says what a format is called (name, aliases), how files and HTTP
name it (extensions, media types), what it can carry (RDF triples or quads, SPARQL
solutions or booleans, an HTML page) and, for RDF, how to read and write it. The
store, the exports, ``kg validate``, ``kg query``, ``kg serve``, the web layer and the
command line's choices all look formats up here; nothing else spells a media type.
Another format is added with :func:`register`, exactly as the built-in ones are.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import IO, Any, Literal

import pyoxigraph as ox

# What a format can carry: RDF triples, SPARQL solutions or a boolean, an HTML page.
Carries = Literal["graph", "solutions", "boolean", "page"]
Writer = Callable[[Iterable[Any], IO[bytes]], None]

# Media types of requests and answers that are not formats of results.
SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"
FORM = "application/x-www-form-urlencoded"
PLAIN_TEXT = "text/plain"
PLAIN_TEXT_UTF8 = f"{PLAIN_TEXT}; charset=utf-8"
JSON = "application/json"


@dataclass(frozen=True)
class Format:
    name: str
    media_type: str  # what kg answers with
    extensions: tuple[str, ...] = ()  # the first is what kg writes
    aliases: tuple[str, ...] = ()  # other names users may give it (--format, ?format=)
    accepts: tuple[str, ...] = ()  # other media types clients may ask for it by
    carries: frozenset[Carries] = frozenset()
    # RDF: named graphs (quads) or not, how to write, Oxigraph's own format (to parse, or
    # dump a store), and whether kg's prefixes are written.
    dataset: bool = False
    write: Writer | None = None
    native: ox.RdfFormat | None = None
    prefixes: bool = False
    results: ox.QueryResultsFormat | None = None  # SPARQL results: Oxigraph's writer
    charset: bool = False  # a text format served with "; charset=utf-8"

    @property
    def extension(self) -> str:
        return self.extensions[0]

    @property
    def content_type(self) -> str:
        """The Content-Type header kg sends for it."""
        return f"{self.media_type}; charset=utf-8" if self.charset else self.media_type

    def writer(self) -> Writer:
        if self.write is None:
            raise KeyError(f"{self.name} is not an RDF format kg writes")
        return self.write

    @property
    def media_types(self) -> tuple[str, ...]:
        return (self.media_type, *self.accepts)


# The writers import rdflib-based modules when they first run: the registry is read at
# start-up by the command line, which should not pay for rdflib to print --help.


def _oxigraph(fmt: ox.RdfFormat, prefixes: bool) -> Writer:
    def write(items: Iterable[Any], out: IO[bytes]) -> None:
        from kg.rdf.namespaces import PREFIXES

        items = (ox.Triple(*t) if isinstance(t, tuple) else t for t in items)
        ox.serialize(items, out, fmt, prefixes=PREFIXES if prefixes else None)

    return write


def _jsonld(items: Iterable[Any], out: IO[bytes]) -> None:
    from kg.rdf import jsonld

    text = io.TextIOWrapper(out, encoding="utf-8", newline="\n")
    triples: Iterable[Any] = (
        (t.subject, t.predicate, t.object) if isinstance(t, ox.Triple) else t for t in items
    )
    jsonld.write_stream(triples, text)
    text.flush()
    text.detach()


def _rdf(
    name: str,
    media: str,
    extensions: tuple[str, ...],
    native: ox.RdfFormat,
    *,
    prefixes: bool,
    aliases: tuple[str, ...] = (),
    accepts: tuple[str, ...] = (),
) -> Format:
    """An RDF format Oxigraph writes. Every one can carry a CONSTRUCT or DESCRIBE result:
    a graph is a dataset with a default graph only, so N-Quads and TriG write it too."""
    dataset = native.supports_datasets
    return Format(
        name,
        media,
        extensions,
        aliases,
        accepts,
        frozenset({"graph"}),
        dataset=dataset,
        write=_oxigraph(native, prefixes),
        native=native,
        prefixes=prefixes,
    )


def _results(
    name: str, media: str, fmt: ox.QueryResultsFormat, accepts: tuple[str, ...] = ()
) -> Format:
    text = media.startswith("text/")
    tabular: frozenset[Carries] = frozenset({"solutions", "boolean"})
    return Format(
        name, media, (fmt.file_extension,), (), accepts, tabular, results=fmt, charset=text
    )


_REGISTRY: dict[str, Format] = {}
_ALIASES: dict[str, str] = {}


def register(fmt: Format) -> None:
    """Add a format (or replace the one of the same name); its aliases name it too."""
    _REGISTRY[fmt.name] = fmt
    for alias in (fmt.name, *fmt.aliases):
        _ALIASES[alias] = fmt.name


for _fmt in (
    # RDF, in the order kg prefers them for a graph.
    _rdf(
        "turtle",
        "text/turtle",
        ("ttl", "turtle"),
        ox.RdfFormat.TURTLE,
        prefixes=True,
        aliases=("ttl",),
        accepts=("application/x-turtle",),
    ),
    Format(
        "jsonld",
        "application/ld+json",
        ("jsonld", "json"),
        ("json-ld",),
        (JSON,),
        frozenset({"graph"}),
        write=_jsonld,
    ),
    _rdf(
        "nt",
        "application/n-triples",
        ("nt",),
        ox.RdfFormat.N_TRIPLES,
        prefixes=False,
        aliases=("ntriples", "n-triples"),
        accepts=(PLAIN_TEXT,),
    ),
    _rdf(
        "nquads",
        "application/n-quads",
        ("nq",),
        ox.RdfFormat.N_QUADS,
        prefixes=False,
        aliases=("nq", "n-quads"),
    ),
    _rdf(
        "trig",
        "application/trig",
        ("trig",),
        ox.RdfFormat.TRIG,
        prefixes=True,
    ),
    # What SPARQLWrapper asks a CONSTRUCT or DESCRIBE for by default, and rdflib's
    # SPARQLStore too.
    _rdf(
        "rdfxml",
        "application/rdf+xml",
        ("rdf",),
        ox.RdfFormat.RDF_XML,
        prefixes=True,
        aliases=("rdf-xml", "rdf/xml"),
    ),
    # SPARQL results, in the order kg prefers them.
    _results("json", "application/sparql-results+json", ox.QueryResultsFormat.JSON, (JSON,)),
    _results(
        "xml",
        "application/sparql-results+xml",
        ox.QueryResultsFormat.XML,
        ("application/xml", "text/xml"),
    ),
    _results("csv", "text/csv", ox.QueryResultsFormat.CSV),
    _results("tsv", "text/tab-separated-values", ox.QueryResultsFormat.TSV),
    Format(
        "table",
        PLAIN_TEXT,
        ("txt",),
        carries=frozenset({"solutions", "boolean"}),
        charset=True,
    ),
    # Pages (kg site, kg serve's Linked Data).
    Format("html", "text/html", ("html",), (), ("application/xhtml+xml",), frozenset({"page"})),
):
    register(_fmt)


def unregister(name: str) -> None:
    """Take a format (and its aliases) out of the registry."""
    fmt = _REGISTRY.pop(name)
    for alias in (fmt.name, *fmt.aliases):
        _ALIASES.pop(alias, None)


def get(name: str) -> Format:
    """The format called ``name`` (or an alias such as 'ttl'); KeyError when unknown."""
    return _REGISTRY[_ALIASES.get(name, name)]


def known(name: str) -> bool:
    return name in _ALIASES


def all_formats() -> list[Format]:
    """Every format, in registration (preference) order."""
    return list(_REGISTRY.values())


def carrying(kind: Carries) -> list[Format]:
    """The formats that can carry ``kind``, kg's preferred first."""
    return [f for f in _REGISTRY.values() if kind in f.carries]


def rdf_formats() -> list[Format]:
    """The RDF formats kg writes (and reads)."""
    return [f for f in _REGISTRY.values() if f.write is not None]


def by_extension(extension: str) -> Format | None:
    """The RDF format of a file extension ("ttl", ".nq"); None when none has it."""
    ext = extension.lower().lstrip(".")
    return next((f for f in rdf_formats() if ext in f.extensions), None)


# -- Accept headers ------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class _Range:
    media: str
    q: float
    position: int


@dataclass(frozen=True)
class Accept:
    """A parsed Accept header: its media ranges with their q values."""

    ranges: tuple[_Range, ...] = field(default_factory=tuple)

    @classmethod
    def parse(cls, header: str | None) -> Accept:
        found: list[_Range] = []
        for n, part in enumerate((header or "").split(",")):
            media, *params = (p.strip() for p in part.split(";"))
            if not media:
                continue
            q = 1.0
            for param in params:
                key, _, value = param.partition("=")
                if key.strip().lower() == "q":
                    try:
                        q = max(0.0, min(1.0, float(value)))
                    except ValueError:
                        q = 0.0
            found.append(_Range(media.lower(), q, n))
        return cls(tuple(found))

    def quality(self, fmt: Format) -> tuple[float, int]:
        """(q, -position) the header gives ``fmt``: its most specific matching range counts."""
        names = fmt.media_types
        top = fmt.media_type.partition("/")[0]
        best: tuple[int, _Range] | None = None
        for r in self.ranges:
            exact, family, anything = r.media in names, r.media == f"{top}/*", r.media == "*/*"
            specificity = 3 if exact else 2 if family else 1 if anything else 0
            if specificity and (best is None or specificity > best[0]):
                best = (specificity, r)
        return (best[1].q, -best[1].position) if best else (0.0, 0)

    def choose(self, offers: Sequence[Format]) -> Format | None:
        """The offer the client prefers: highest q, then the range it listed first, then
        the server's order of ``offers``; None when it accepts none (no header: the first)."""
        if not self.ranges:
            return offers[0] if offers else None
        scored = [(self.quality(f), -n, f) for n, f in enumerate(offers)]
        scored = [s for s in scored if s[0][0] > 0]
        return max(scored, key=lambda s: (s[0], s[1]))[2] if scored else None
