"""Reading RDF files kg is given (to validate, embed, compare): Turtle, N-Triples,
N-Quads, TriG, RDF/XML with Oxigraph's fast parsers, JSON-LD with contexts resolved
offline."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.errors import DataError
from kg.rdf import formats, jsonld
from kg.rdf.convert import graph_from

DEFAULT_GRAPH = ""


def read_graphs(path: Path, allow_remote_context: bool = False) -> dict[str, Graph]:
    """{graph name: Graph}; triple formats give one graph named "" (the default graph)."""
    suffix = path.suffix.lower()
    found = formats.by_extension(suffix)
    try:
        if found is not None and found.name == "jsonld":
            text = path.read_text(encoding="utf-8")
            return {DEFAULT_GRAPH: jsonld.parse(text, allow_remote=allow_remote_context)}
        if found is None or found.native is None:
            known = ", ".join(sorted(f".{e}" for f in formats.rdf_formats() for e in f.extensions))
            raise DataError(f"{path}: unknown RDF format '{suffix}' (kg reads {known})")
        fmt = found.native
        grouped: dict[str, list[ox.Triple]] = defaultdict(list)
        for quad in ox.parse(path=str(path), format=fmt):
            name = (
                quad.graph_name.value
                if isinstance(quad.graph_name, ox.NamedNode)
                else DEFAULT_GRAPH
            )
            grouped[name].append(quad.triple)
    except (OSError, UnicodeDecodeError) as e:
        raise DataError(f"{path}: cannot read: {e}") from e
    except SyntaxError as e:
        raise DataError(f"{path}: not valid {suffix[1:]}: {e}") from e
    except ValueError as e:  # rdflib's JSON-LD errors
        raise DataError(f"{path}: {e}") from e
    return {name: graph_from(triples) for name, triples in sorted(grouped.items())} or {
        DEFAULT_GRAPH: Graph()
    }
