"""Click pieces every command shares: option types, options, library errors → exits."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from kg.errors import ConfigError, DataError, KGError, NotFoundError, QueryError, StoreError

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_PARTIAL = 3


class BaseIRIType(click.ParamType):
    name = "IRI"

    def convert(self, value: Any, param: Any, ctx: Any) -> str:
        from kg.link.iris import check_base

        try:
            return check_base(str(value))
        except ConfigError as e:
            self.fail(str(e), param, ctx)


class SizeType(click.ParamType):
    """Byte sizes such as 10MB, 512KB, 1GB or a plain number of bytes."""

    name = "SIZE"
    _UNITS = {"": 1, "B": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3}

    def convert(self, value: Any, param: Any, ctx: Any) -> int:
        if isinstance(value, int):
            return value
        m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMG]?B?)\s*", str(value).upper())
        if not m or m.group(2) not in self._UNITS:
            self.fail(f"{value!r} is not a size like 10MB, 512KB or 1000000", param, ctx)
        return int(float(m.group(1)) * self._UNITS[m.group(2)])


def load_defaults() -> dict[str, Any]:
    from kg.config import read_config

    try:
        return read_config()
    except ConfigError as e:
        raise click.UsageError(str(e)) from e


class QueryUsageError(click.ClickException):
    """A query that cannot run as written (syntax, refused feature): exit 2, no usage line."""

    exit_code = EXIT_USAGE


def _query_error(e: QueryError, text: str | None) -> QueryUsageError:
    """The message, and for a syntax error the query line with a caret under the column."""
    message = str(e)
    if text is not None and e.line is not None and e.column is not None:
        lines = text.splitlines() or [""]
        line = lines[min(e.line, len(lines)) - 1]
        message += f"\n  {line}\n  {' ' * max(e.column - 1, 0)}^"
    return QueryUsageError(message)


@contextmanager
def library_errors(query: str | None = None) -> Iterator[None]:
    """Library errors → click errors with the right exit code."""
    try:
        yield
    except (ConfigError, DataError, NotFoundError) as e:
        raise click.UsageError(str(e)) from e
    except QueryError as e:
        raise _query_error(e, query) from e
    except StoreError as e:
        raise click.ClickException(str(e)) from e
    except KGError as e:
        raise click.ClickException(str(e)) from e


def folder_option(name: str, short: str, default: str, help: str) -> Any:
    """A folder option with a default (--out, --data)."""
    return click.option(
        name,
        short,
        type=click.Path(file_okay=False, path_type=Path),
        default=Path(default),
        show_default=True,
        help=help,
    )


def base_iri_option(help: str) -> Any:
    return click.option("--base-iri", type=BaseIRIType(), default=None, help=help)


DATA_OPTION = folder_option(
    "--data", "-d", "output", "Folder kg build wrote (with store/ and manifest.json)."
)


class BindingType(click.ParamType):
    """NAME=VALUE, VALUE an <IRI>, prefix:name, "literal"^^xsd:type, number or plain text."""

    name = "NAME=VALUE"

    def convert(self, value: Any, param: Any, ctx: Any) -> tuple[str, Any]:
        from kg.sparql.text import parse_term

        name, sep, text = str(value).partition("=")
        if not sep or not name.strip().lstrip("?$"):
            self.fail(f"{value!r} is not NAME=VALUE", param, ctx)
        try:
            return name.strip().lstrip("?$"), parse_term(text)
        except ConfigError as e:
            self.fail(str(e), param, ctx)
