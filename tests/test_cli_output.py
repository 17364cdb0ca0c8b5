"""What the command line prints, exactly: the way sqlite-utils tests its CLI.

Each test gives the whole expected output as text; a changed message is a changed
interface and shows up here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEEDS
from rdflib import Dataset

from kg.cli import main

TOP_HELP = """\
Usage: kg [OPTIONS] COMMAND [ARGS]...

  kg: news articles in, a validated schema.org knowledge graph out.

  kg reads news articles (scraped page text, web pages, RSS/Atom feeds, JSON
  Lines), finds the people, places, organisations and events in them, links each
  to one IRI across all articles, validates every article graph with SHACL and
  publishes Turtle, JSON-LD, N-Quads and an embedded SPARQL store.

  Examples:
    kg build                          # the seed articles in seeds/ → output/
    kg build news/ feed.jsonl --out site-data --base-iri https://example.org/kg/
    kg remove https://news.example.org/2025/03/story --out site-data
    kg validate output/kg.ttl

  Settings can also come from ./kg.toml ([build], [serve], … tables).

Options:
  --version   Show the version and exit.
  -h, --help  Show this message and exit.

Commands:
  build     Build the knowledge graph of SOURCES (files, folders, or - for...
  embed     Put an article's schema.org JSON-LD into PAGE's <head>...
  push      PUT every article graph to the triple store at URL (SPARQL 1.1...
  query     Run a SPARQL QUERY (or @FILE.rq) on the store kg build wrote.
  remove    Take the articles IDS out of the published output, everywhere.
  serve     Serve the store read-only over HTTP: a SPARQL 1.1 endpoint at...
  site      Write a static Linked Data site: a page per article, person,...
  validate  Validate RDF FILES (Turtle, JSON-LD, N-Triples, N-Quads, TriG,...
"""


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """The seeds built twice into one folder: (folder, first output, second output)."""
    out = tmp_path_factory.mktemp("cli") / "out"
    runner = CliRunner()
    first = runner.invoke(
        main, ["build", str(SEEDS), "--out", str(out)], prog_name="kg", terminal_width=80
    )
    second = runner.invoke(
        main, ["build", str(SEEDS), "--out", str(out)], prog_name="kg", terminal_width=80
    )
    assert first.exit_code == second.exit_code == 0, first.output
    return out, first.output, second.output


def test_top_level_help(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--help"], prog_name="kg", terminal_width=80)
    assert result.exit_code == 0
    assert result.output == TOP_HELP


BASE_IRI_WARNING = (
    "warning: the base IRI is kg's default http://localhost:8000/: every IRI published "
    "resolves on this machine only. Set yours once in kg.toml ([build] base_iri = "
    '"https://news.example.org/kg/") or give --base-iri.\n'
)


def _summary(out: Path, reused: int) -> str:
    # The triple count is read back from the published N-Quads, not from kg's own report.
    triples = len(Dataset().parse(out / "kg.nq", format="nquads"))
    return (
        f"Published 2 article(s), {triples} triples, to {out}/ ({reused} reused from cache); "
        "0 rejected, 0 failed SHACL, 0 input warning(s).\n"
    )


def test_build_seeds_summary(built: tuple[Path, str, str]) -> None:
    out, first, second = built
    lines = first.splitlines(keepends=True)
    assert lines[0] == BASE_IRI_WARNING  # on stderr, before the summary
    assert lines[1] == _summary(out, reused=0)
    assert second.splitlines(keepends=True)[:2] == [BASE_IRI_WARNING, _summary(out, reused=2)]
    # The rest: the search-engine recommendations the seeds do not meet, counted.
    assert lines[2] == "Search-engine recommendations not met (SHACL warnings; see kg validate):\n"
    for line in lines[3:]:
        count, _, message = line.strip().partition("  ")
        assert count.isdigit() and 1 <= int(count) <= 2, line
        assert message.startswith("search engines recommend "), line
    assert first.splitlines()[2:] == second.splitlines()[2:]


def test_build_quiet_prints_nothing(runner: CliRunner, tmp_path: Path) -> None:
    base = ["--base-iri", "https://news.example.org/kg/"]
    result = runner.invoke(
        main, ["build", str(SEEDS), "--out", str(tmp_path / "o"), "-q", *base], prog_name="kg"
    )
    assert (result.exit_code, result.output) == (0, "")
    # Without a base IRI of its own, quiet still says so (on stderr).
    result = runner.invoke(
        main, ["build", str(SEEDS), "--out", str(tmp_path / "p"), "-q"], prog_name="kg"
    )
    assert (result.exit_code, result.output, result.stderr) == (
        0,
        BASE_IRI_WARNING,
        BASE_IRI_WARNING,
    )


def test_build_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["build", "--base-iri", "ftp://x", str(SEEDS)], prog_name="kg")
    assert result.exit_code == 2
    assert result.output == (
        "Usage: kg build [OPTIONS] [SOURCES]...\n"
        "Try 'kg build --help' for help.\n\n"
        "Error: Invalid value for '--base-iri': base IRI must be an absolute http(s) IRI, "
        "got 'ftp://x'\n"
    )


def test_query_error(runner: CliRunner, built: tuple[Path, str, str]) -> None:
    out, _, _ = built
    result = runner.invoke(
        main, ["query", "SELECT ?x WHERE { ?x ?y }", "--data", str(out)], prog_name="kg"
    )
    assert result.exit_code == 2
    assert result.output.startswith("Error: SPARQL syntax error at line 1, column 26: expected ")
    # The query, indented by two, and a caret under the column named.
    assert result.output.endswith("\n  SELECT ?x WHERE { ?x ?y }\n" + " " * 27 + "^\n")


def test_remove_error(runner: CliRunner, built: tuple[Path, str, str]) -> None:
    out, _, _ = built
    result = runner.invoke(main, ["remove", "nope", "--out", str(out)], prog_name="kg")
    assert result.exit_code == 2
    assert result.output == (
        "Usage: kg remove [OPTIONS] IDS...\n"
        "Try 'kg remove --help' for help.\n\n"
        f"Error: no article 'nope' in {out} (article ids, IRIs, urls and file names are "
        f"listed in {out}/manifest.json)\n"
    )


def test_validate_error(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "missing.ttl"
    result = runner.invoke(main, ["validate", str(missing)], prog_name="kg")
    assert result.exit_code == 2
    assert result.output == (
        "Usage: kg validate [OPTIONS] FILES...\n"
        "Try 'kg validate --help' for help.\n\n"
        f"Error: {missing}: cannot read: No such file or directory (os error 2)\n"
    )


def test_embed_error(runner: CliRunner, built: tuple[Path, str, str]) -> None:
    out, _, _ = built
    ids = ", ".join(sorted(p.stem for p in (out / "articles").glob("*.ttl")))
    result = runner.invoke(
        main, ["embed", "--print", "--article", "nope", "--data", str(out)], prog_name="kg"
    )
    assert result.exit_code == 2
    assert result.output == (
        "Usage: kg embed [OPTIONS] [PAGE]\n"
        "Try 'kg embed --help' for help.\n\n"
        f"Error: no article 'nope' in {out}/manifest.json (ids: {ids}; an IRI or url works "
        "too)\n"
    )


@pytest.mark.parametrize(
    ("command", "what"),
    [("site", "no kg output in {data}"), ("serve", "no kg output in {data}")],
)
def test_missing_build_errors(runner: CliRunner, tmp_path: Path, command: str, what: str) -> None:
    data = tmp_path / "nothing"
    result = runner.invoke(main, [command, "--data", str(data)], prog_name="kg")
    assert result.exit_code == 1
    expected = what.format(data=data)
    assert result.output == f"Error: {expected}: run `kg build SOURCES --out {data}` first\n"


def test_push_error(runner: CliRunner, built: tuple[Path, str, str]) -> None:
    out, _, _ = built
    result = runner.invoke(main, ["push", "ftp://x", "--data", str(out)], prog_name="kg")
    assert result.exit_code == 2
    assert result.output == (
        "Usage: kg push [OPTIONS] URL\n"
        "Try 'kg push --help' for help.\n\n"
        "Error: the graph store URL must be http(s)://…, got 'ftp://x'\n"
    )
