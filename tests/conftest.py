"""Shared fixtures. Data under ../shared is read in place, never copied into the repo."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph
from spacy.language import Language

from kg.build import BuildOptions, BuildResult, build
from kg.model import Article, Event

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = Path(os.environ.get("KG_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "data" / "corpus" / "bbc_news_2225.jsonl"
CONLL = SHARED / "data" / "ner" / "eng.testb.docs.jsonl"
HTML = SHARED / "data" / "html"
SCHEMAORG = SHARED / "data" / "schemaorg"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """kg's spaCy pipeline, loaded once for every test that parses text itself."""
    from kg.extract import nlp as nlp_mod

    return nlp_mod.load()


PREFIXES = """
PREFIX schema: <http://schema.org/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
PREFIX kg: <https://w3id.org/kg-news/vocab#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult]:
    """kg build on seeds/ once per test session: (output folder, result)."""
    out = tmp_path_factory.mktemp("seeds-output")
    return out, build(BuildOptions(sources=(str(SEEDS),), out=out))


@pytest.fixture(scope="session")
def seeds_out(seeds_build: tuple[Path, BuildResult]) -> Path:
    return seeds_build[0]


BBC_SAMPLE = 60  # articles of the BBC corpus in the sample build


@pytest.fixture(scope="session")
def bbc_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """kg build of the first BBC_SAMPLE articles of the BBC corpus (read in place)."""
    folder = tmp_path_factory.mktemp("bbc-sample")
    with CORPUS.open(encoding="utf-8") as f:
        lines = [next(f) for _ in range(BBC_SAMPLE)]
    (folder / "bbc.jsonl").write_text("".join(lines), encoding="utf-8")
    build(BuildOptions(sources=(str(folder / "bbc.jsonl"),), out=folder / "out"))
    return folder / "out"


@pytest.fixture(scope="session")
def html_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """kg build of the real news pages in ../shared/data/html (read in place)."""
    out = tmp_path_factory.mktemp("html-pages") / "out"
    build(BuildOptions(sources=(str(HTML),), out=out))
    return out


@pytest.fixture(scope="session")
def seeds_graph(seeds_out: Path) -> Graph:
    """output/kg.ttl of the seeds, parsed by rdflib."""
    return Graph().parse(seeds_out / "kg.ttl", format="turtle")


@pytest.fixture(scope="session")
def attack_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """kg build of one JSON Lines article whose headline, body and author try to break out
    of a <script> element: (output folder)."""
    folder = tmp_path_factory.mktemp("attack")
    source = folder / "attack.jsonl"
    source.write_text(json.dumps(ATTACK_RECORD) + "\n", encoding="utf-8")
    out = folder / "out"
    build(BuildOptions(sources=(str(source),), out=out))
    return out


ATTACK = "</script><script>alert(1)</script>"
ATTACK_RECORD = {
    "id": "attack-1",
    "headline": f"{ATTACK} Kim meets Putin <!-- & -->",
    "text": (
        f"Kim meets Putin {ATTACK}\n\nNorth Korean leader Kim Jong Un met Russian President "
        f"Vladimir Putin in Vladivostok on Thursday, {ATTACK} officials said. <!-- a comment "
        "--> Tom & Jerry <b>bold</b> <script>alert(2)</script>\u2028 next.\n\n"
        "Putin said the talks were useful."
    ),
    "datePublished": "2019-04-25",
    "dateModified": "2019-04-26T10:00:00Z",
    "author": [f"Jane Doe {ATTACK}"],
    "publisher": "Example News",
    "url": "https://news.example.org/2019/04/kim-putin?id=1&src=feed",
    "inLanguage": "en",
}


@pytest.fixture(scope="session")
def seeds_server(seeds_out: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`kg serve` on the seeds' output, for real, on a free port of 127.0.0.1: its base URL."""
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "kg.cli", "serve", "--data", str(seeds_out)]
    stderr = log.open("wb")
    process = subprocess.Popen(
        [*command, "--port", str(port), "--workers", "1"], stdout=subprocess.DEVNULL, stderr=stderr
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url, timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"kg serve did not start: {log.read_text()}") from None
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        stderr.close()


def select(graph: Graph, query: str) -> list[tuple[str, ...]]:
    """SELECT rows as tuples of strings (None for unbound), prefixes predeclared."""
    return [
        tuple(None if v is None else str(v) for v in row)  # type: ignore[union-attr]
        for row in graph.query(PREFIXES + query)
    ]


def main_of(a: Article) -> Event | None:
    """The article's main event (at most one), or None."""
    mains = [e for e in a.events if e.main]
    assert len(mains) <= 1
    return mains[0] if mains else None


def names(a: Article, indices: list[int]) -> list[str]:
    """The names of the article's entities at ``indices``."""
    return [a.entities[i].name for i in indices]
