"""kg's command line. Parses options, calls the library, reports; nothing else in kg knows click.
May import every stage.

The group is here; the commands live in building.py, sparql.py and web.py.

Exit codes (documented in the README):
  0  done: everything was published / conforms
  1  runtime failure (store, model, I/O, output folder in use by another kg command)
  2  usage error, an input that cannot be read at all, or an unknown ID for `kg remove`
  3  done, but some inputs were rejected or some articles failed SHACL (each is named,
     with its reason, in OUT/report.jsonl), or `kg validate` found violations
"""

from __future__ import annotations

import click

from kg import __version__
from kg.cli.building import build, remove, validate
from kg.cli.common import EXIT_FAILURE, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, load_defaults
from kg.cli.sparql import push, query, serve
from kg.cli.web import embed, site

__all__ = ["EXIT_FAILURE", "EXIT_OK", "EXIT_PARTIAL", "EXIT_USAGE", "main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"], "default_map": None})
@click.version_option(__version__, prog_name="kg")
@click.pass_context
def main(ctx: click.Context) -> None:
    """kg: news articles in, a validated schema.org knowledge graph out.

    kg reads news articles (scraped page text, web pages, RSS/Atom feeds, JSON
    Lines), finds the people,
    places, organisations and events in them, links each to one IRI across all
    articles, validates every article graph with SHACL and publishes Turtle,
    JSON-LD, N-Quads and an embedded SPARQL store.

    \b
    Examples:
      kg build                          # the seed articles in seeds/ → output/
      kg build news/ feed.jsonl --out site-data --base-iri https://example.org/kg/
      kg remove https://news.example.org/2025/03/story --out site-data
      kg validate output/kg.ttl

    Settings can also come from ./kg.toml ([build], [serve], … tables).
    """
    ctx.default_map = load_defaults()


for command in (build, remove, validate, query, serve, push, embed, site):
    main.add_command(command)


if __name__ == "__main__":  # pragma: no cover
    main()
