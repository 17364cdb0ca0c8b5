"""kg's own exceptions. The library raises these; only kg.cli turns them into exits."""

from __future__ import annotations

import re


class KGError(Exception):
    """Base class of every error kg raises on purpose."""


class ConfigError(KGError):
    """A setting, option value or required resource (model, shapes) is wrong or missing."""


class DataError(KGError):
    """An RDF file given to kg (to validate, embed, query) cannot be parsed."""


class NotFoundError(KGError):
    """Something the user named (an article id, IRI or url) is not in kg's output."""


class StoreError(KGError):
    """The SPARQL store is missing, locked or broken."""


class QueryError(KGError):
    """A SPARQL query is malformed or refused; line/column point at the problem when known."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.column = column

    @classmethod
    def from_syntax(cls, message: str) -> QueryError:
        """A QueryError from a parser message such as "error at 3:29: expected OPTIONAL"."""
        m = re.match(r"error at (\d+):(\d+):\s*(.*)", message, re.S)
        if m is None:
            return cls(f"SPARQL syntax error: {message}")
        line, column = int(m.group(1)), int(m.group(2))
        detail = m.group(3)
        if "Prefix not found" in detail:
            detail = "undeclared prefix (declare it with PREFIX name: <IRI>)"
        elif len(detail) > 200 or "\n" in detail:
            detail = detail.split("\n")[0][:200] + " …"
        return cls(f"SPARQL syntax error at line {line}, column {column}: {detail}", line, column)


class AnswerTooLarge(KGError):
    """A query's answer has passed the byte cap it is written under."""

    def __init__(self, max_bytes: int) -> None:
        super().__init__(f"the answer is over {max_bytes} bytes")
        self.max_bytes = max_bytes


class WorkerError(KGError):
    """A worker process or a cluster running part of a build failed or went away."""
