"""Reading SPARQL text without parsing it: SERVICE detection, parameter binding, terms.

Oxigraph parses and runs queries; kg only needs to find a few keywords and the
braces of the query's WHERE group, outside comments, strings and IRIs, which a
small tokenizer does exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path

import pyoxigraph as ox

from kg.errors import ConfigError, QueryError
from kg.rdf.namespaces import PREFIXES

Term = ox.NamedNode | ox.Literal

_TOKEN = re.compile(
    r"""
    (?P<comment>\#[^\n]*)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
      |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$]\w+)
  | (?P<word>[^\W\d][\w.\-]*(?::[\w.\-%]*)?|:[\w.\-%]*)
  | (?P<brace>[{}])
    """,
    re.VERBOSE,
)
_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
_VAR_NAME = re.compile(r"\w+")


def _tokens(text: str) -> Iterator[tuple[str, str, int]]:
    """(kind, text, end offset) of the tokens that matter, comments dropped."""
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or ""
        if kind != "comment":
            yield kind, m.group(), m.end()


def read_query(arg: str) -> str:
    """The query itself, or the text of FILE when ``arg`` is ``@FILE``."""
    if not arg.startswith("@"):
        return arg
    path = Path(arg[1:])
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"cannot read the query file {path}: {e}") from e


def uses_service(text: str) -> bool:
    """True when the query calls a remote endpoint with SERVICE (federation)."""
    if "service" not in text.lower():
        return False
    return any(kind == "word" and tok.upper() == "SERVICE" for kind, tok, _ in _tokens(text))


def refuse_service(text: str, allow_service: bool) -> None:
    if not allow_service and uses_service(text):
        raise QueryError("SERVICE (federated query) is disabled: kg only queries its own store")


def where_offset(text: str) -> int:
    """The offset just after the '{' that opens the query's WHERE group."""
    form: str | None = None
    depth = groups = 0
    after_where = False
    for kind, tok, end in _tokens(text):
        upper = tok.upper() if kind == "word" else ""
        if depth == 0 and form is None and upper in _FORMS:
            form = upper
        elif depth == 0 and upper == "WHERE":
            if form == "CONSTRUCT" and groups == 0:
                raise QueryError("bind values in the long form: CONSTRUCT { … } WHERE { … }")
            after_where = True
        elif tok == "{":
            if depth == 0 and (after_where or form != "CONSTRUCT" or groups == 1):
                return end
            depth += 1
        elif tok == "}":
            depth -= 1
            groups += depth == 0
    raise QueryError("the query has no WHERE group to bind values in")


def bind(text: str, values: Mapping[str, Term]) -> str:
    """The query with ``values`` bound at the start of its WHERE group (a VALUES row).

    Bound there, a value is seen by every pattern and FILTER of the group, unlike
    a binding joined in after evaluation.
    """
    if not values:
        return text
    for name in values:
        if not _VAR_NAME.fullmatch(name):
            raise QueryError(f"not a variable name: {name!r}")
    at = where_offset(text)
    names = " ".join(f"?{n}" for n in values)
    row = " ".join(str(t) for t in values.values())
    return f"{text[:at]} VALUES ({names}) {{ ({row}) }}{text[at:]}"


def parse_term(value: str) -> Term:
    """A term written as <IRI>, prefix:name (kg's prefixes), an N-Triples literal, a number,
    true/false, or else plain text (a string literal)."""
    prefix, sep, local = value.partition(":")
    if sep and prefix in PREFIXES and " " not in value:
        return ox.NamedNode(PREFIXES[prefix] + local)
    if value[:1] in '<"' or re.fullmatch(
        r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|true|false", value
    ):
        try:
            results = ox.parse_query_results(
                f"?v\n{value}\n".encode(), format=ox.QueryResultsFormat.TSV
            )
            assert isinstance(results, ox.QuerySolutions)
            term = next(iter(results))[0]
        except (SyntaxError, ValueError, StopIteration) as e:
            raise ConfigError(f"cannot read {value!r} as an RDF term: {e}") from e
        if isinstance(term, ox.NamedNode | ox.Literal):
            return term
        raise ConfigError(f"{value!r}: bind an IRI or a literal")
    return ox.Literal(value)
