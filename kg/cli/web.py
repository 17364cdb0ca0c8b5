"""kg embed, kg site."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.common import DATA_OPTION, base_iri_option, folder_option, library_errors


@click.command()
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
    @graph: the NewsArticle with its authors, publisher and images inside it,
    then its places, organisations and events, cross-referenced by @id,
    "@context": "https://schema.org", written as Google's Article rules ask
    (dates as ISO 8601 strings, images as ImageObjects with a url, one type per
    node). Running it again replaces kg's block. When PAGE has its own
    NewsArticle for the same article, kg's replaces it and keeps what only the
    page says, so the page has one; other scripts are left as they are, and a
    JSON-LD block that is not JSON is named on stderr. Article text can never
    end the block: <, > and & are written as \\u escapes.

    \b
    Examples:
      kg embed page.html --article d2b7ed0d636f4791
      kg embed page.html --article https://news.example.org/2019/04/kim-putin -o out.html
      kg embed --print --article d2b7ed0d636f4791 --data output
    """
    from kg.web.describe import open_published
    from kg.web.embed import article_document, script_element
    from kg.web.merge import embed_article

    if print_only and (page is not None or out is not None):
        raise click.UsageError("--print writes the <script> element only: give no PAGE or --out")
    if not print_only and page is None:
        raise click.UsageError("give the PAGE.html to embed into, or --print")
    with library_errors():
        doc = article_document(open_published(data), ref, body=body)
        if print_only:
            click.echo(script_element(doc))
            return
        assert page is not None
        embedded = embed_article(page.read_bytes(), doc)
        for warning in embedded.warnings:
            click.echo(f"warning: {page}: {warning}", err=True)
        result = embedded.page
        if out is not None and str(out) == "-":
            with click.open_file("-", "wb") as stdout:
                stdout.write(result)
            return
        from kg.publish.files import write_bytes_if_changed

        target = out or page
        write_bytes_if_changed(target, result)
    click.echo(f"Embedded the JSON-LD of {ref} in {target}.", err=True)


@click.command()
@DATA_OPTION
@folder_option(
    "--out", "-o", "site", "Folder to write the site into (replaced when it is an earlier kg site)."
)
@base_iri_option("The base the site is published under; must be the one the data was built with.")
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
    from kg.web.site import build_site

    with library_errors():
        result = build_site(data, out, base_iri)
    if not quiet:
        from kg.web.pages import KIND_TITLES

        counts = ", ".join(f"{n} {KIND_TITLES[k].lower()}" for k, n in result.pages.items())
        click.echo(f"Wrote {sum(result.pages.values())} pages ({counts}) to {out}/.")
