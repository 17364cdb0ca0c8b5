"""What a query may be before Oxigraph parses it: not nested deeper than its parser can go.

Oxigraph's SPARQL parser descends recursively; a query nested a few thousand
brackets deep overflows the stack of the process and kills it (a bare crash of
`kg query`, a dead worker of `kg serve`). Brackets are counted here first, outside
comments, strings and IRIs, exactly as the SPARQL grammar tokenizes them.
"""

from __future__ import annotations

import re

from kg.errors import QueryError

MAX_NESTING = 200  # ( { [ open at once; real queries stay under 20
_TOKEN = re.compile(
    r"""
    (?P<comment>\#[^\n]*)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
      |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<open>[({\[])
  | (?P<close>[)}\]])
    """,
    re.VERBOSE,
)


def nesting(text: str) -> int:
    """The deepest the brackets of ``text`` go."""
    depth = deepest = 0
    for m in _TOKEN.finditer(text):
        if m.lastgroup == "open":
            depth += 1
            deepest = max(deepest, depth)
        elif m.lastgroup == "close":
            depth = max(0, depth - 1)
    return deepest


def check_nesting(text: str, limit: int = MAX_NESTING) -> None:
    """QueryError when the query nests brackets deeper than ``limit``."""
    depth = nesting(text)
    if depth > limit:
        raise QueryError(
            f"query refused: brackets nested {depth} deep (kg accepts at most {limit})"
        )
