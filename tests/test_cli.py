"""The command line: exit codes and messages, help with examples, usage errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from conftest import SEEDS

from kg.cli import EXIT_PARTIAL, main


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def all_commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for name, cmd in group.commands.items():
        found.append((*prefix, name))
        if isinstance(cmd, click.Group):
            found.extend(all_commands(cmd, (*prefix, name)))
    return found


def test_every_command_has_help_with_an_example(runner: CliRunner) -> None:
    commands = all_commands(main)
    assert {"build", "validate"} <= {c[0] for c in commands}
    for command in [(), *commands]:
        result = runner.invoke(main, [*command, "--help"])
        assert result.exit_code == 0, command
        assert "Example" in result.output, f"kg {' '.join(command)} --help has no example"


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0 and "kg, version" in result.output


def test_build_seeds_then_validate(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(main, ["build", str(SEEDS), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # quiet; stderr has the default base IRI's warning only
    assert result.stderr.startswith("warning: the base IRI is kg's default")
    result = runner.invoke(
        main, ["validate", str(out / "kg.ttl"), str(out / "kg.nq"), str(out / "kg.jsonld")]
    )
    assert result.exit_code == 0, result.output
    assert "3 file(s) conforms: 0 violation(s)" in result.output


def test_build_summary(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["build", str(SEEDS), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0
    assert result.stdout.startswith("Published 2 article(s)")
    assert "0 rejected, 0 failed SHACL" in result.stdout


def test_validate_names_the_missing_headline(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "@prefix schema: <http://schema.org/> .\n"
        '<http://example.org/a> a schema:NewsArticle ; schema:articleBody "Text." .\n'
    )
    result = runner.invoke(main, ["validate", str(bad)])
    assert result.exit_code == EXIT_PARTIAL
    assert (
        f"{bad}: Violation: http://example.org/a schema:headline: "
        "a NewsArticle needs exactly one headline, a non-empty string" in result.output
    )
    assert "1 file(s) does not conform: 1 violation(s)" in result.output


def test_validate_unreadable_file_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("<http://example.org/a> <http://example.org/p> .\n")
    result = runner.invoke(main, ["validate", str(broken)])
    assert result.exit_code == 2
    assert f"Error: {broken}: not valid ttl:" in result.output


def test_validate_refuses_remote_contexts(runner: CliRunner, tmp_path: Path) -> None:
    doc = tmp_path / "remote.jsonld"
    doc.write_text(
        '{"@context": "https://example.org/ctx.jsonld", "@id": "http://example.org/a", "name": "x"}'
    )
    result = runner.invoke(main, ["validate", str(doc)])
    assert result.exit_code == 2
    assert (
        "remote JSON-LD @context 'https://example.org/ctx.jsonld' is not fetched" in result.output
    )


def test_bad_base_iri_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        main, ["build", str(SEEDS), "--out", str(tmp_path), "--base-iri", "example.org/kg"]
    )
    assert result.exit_code == 2
    assert (
        "Invalid value for '--base-iri': base IRI must be an absolute http(s) IRI" in result.output
    )


def test_bad_size_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["build", "--out", str(tmp_path), "--max-size", "ten megs"])
    assert result.exit_code == 2
    assert "'ten megs' is not a size like 10MB" in result.output


def test_unknown_model_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        main, ["build", str(SEEDS), "--out", str(tmp_path), "--model", "no_such_model_xx"]
    )
    assert result.exit_code == 2
    assert "cannot load spaCy model 'no_such_model_xx'" in result.output


def test_partial_build_exits_3_and_reports(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEEDS / "004_aa04e5d0ab04c999.txt", src)
    (src / "empty.txt").write_text("")
    out = tmp_path / "out"
    result = runner.invoke(main, ["build", str(src), "--out", str(out)])
    assert result.exit_code == EXIT_PARTIAL
    assert "rejected: empty.txt: empty file" in result.stderr  # named as in report.jsonl
    report = (out / "report.jsonl").read_text()
    assert '"kind": "rejected"' in report and "empty.txt" in report


def test_config_file_sets_defaults(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "kg.toml"
    config.write_text('[build]\nbase_iri = "https://news.example.org/kg/"\n')
    monkeypatch.setenv("KG_CONFIG", str(config))
    out = tmp_path / "out"
    result = runner.invoke(
        main, ["build", str(SEEDS / "004_aa04e5d0ab04c999.txt"), "--out", str(out), "-q"]
    )
    assert result.exit_code == 0, result.output
    assert "<https://news.example.org/kg/article/" in (out / "kg.ttl").read_text()
