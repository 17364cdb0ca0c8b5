"""`kg build` as a library call: sources in, a published graph out.

read → extract (cached by content) → link across articles → map each article to
its graph → validate with SHACL → store (Oxigraph) → files. Articles that fail
validation and inputs that cannot be read are reported, never published, and
never stop the others.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from kg.cache import Cache, document_key, verdict_key
from kg.extract import article as extraction
from kg.extract import code_digest
from kg.extract import nlp as nlp_mod
from kg.extract.knowledge import Knowledge
from kg.link.events import link_events
from kg.link.iris import DEFAULT_BASE_IRI, Iris, id_slug
from kg.link.merge import Linker
from kg.model import Article, RawDocument, Rejected
from kg.publish.output import OutputFolder
from kg.publish.publish import Published, publish
from kg.rdf import jsonld
from kg.rdf.events import event_mapper
from kg.rdf.mapping import EventMapper, article_triples
from kg.sources import InputLimits, iter_inputs
from kg.sources.reading import DEFAULT_MAX_BYTES
from kg.validate import Report, Validator

Progress = Callable[[str, int, int | None], None]
ProblemKind = Literal["rejected", "invalid", "warning"]
VALIDATION_BATCH = 100


@dataclass(frozen=True)
class BuildOptions:
    sources: tuple[str, ...] = ("seeds",)
    out: Path = Path("output")
    base_iri: str = DEFAULT_BASE_IRI
    model: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    cache: bool = True
    patterns: Path | None = None  # spaCy EntityRuler patterns (JSON Lines)
    authority: Path | None = None  # known entities (CSV or Turtle)


@dataclass(frozen=True)
class Problem:
    kind: ProblemKind
    source: str
    reason: str
    line: int | None = None
    article: str | None = None

    def as_json(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass
class BuildResult:
    published: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    reused: int = 0
    shacl_warnings: dict[str, int] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    triples: int = 0
    kept_previous: bool = False  # nothing was publishable, so the last output was kept

    def of_kind(self, kind: ProblemKind) -> list[Problem]:
        return [p for p in self.problems if p.kind == kind]

    @property
    def complete(self) -> bool:
        """True when every input was published."""
        return not any(p.kind != "warning" for p in self.problems)


class _Timer:
    def __init__(self, timings: dict[str, float]) -> None:
        self.timings = timings

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.timings[stage] = self.timings.get(stage, 0.0) + time.perf_counter() - start


def _quiet(stage: str, done: int, total: int | None) -> None:
    return None


def build(options: BuildOptions, progress: Progress | None = None) -> BuildResult:
    """Build the knowledge graph of ``options.sources`` into ``options.out``.

    The output folder is locked for the whole build and changed only at the end,
    in one commit (kg.publish.output): a build that fails or is killed leaves the
    previous output as it was.
    """
    report = progress or _quiet
    result = BuildResult()
    timer = _Timer(result.timings)
    iris = Iris(options.base_iri)
    with OutputFolder(options.out) as folder:
        with timer("read"):
            docs = _read(options, result)
        with timer("extract"):
            articles = _extract(docs, options, result, report)
        with timer("link"):
            linker = Linker(iris)
            for a in articles:
                linker.add(a)
            events = event_mapper(link_events(articles, iris, linker))
        graphs = _map_and_validate(articles, iris, linker, events, options, result, timer, report)
        with timer("publish"):
            outcome = publish(
                folder, graphs, iris, options.base_iri, options.model, result.problems, report
            )
        result.kept_previous, result.triples = outcome.kept_previous, outcome.triples
    result.published = sorted(graphs)
    return result


def _read(options: BuildOptions, result: BuildResult) -> list[RawDocument]:
    docs: list[RawDocument] = []
    limits = InputLimits(options.max_bytes)
    for item in iter_inputs(options.sources, limits, exclude=(options.out,)):
        if isinstance(item, Rejected):
            result.problems.append(Problem("rejected", item.source, item.reason, item.line))
            continue
        docs.append(item)
        for warning in item.warnings:
            result.problems.append(Problem("warning", item.source, warning, item.line))
    return docs


def _extract(
    docs: list[RawDocument], options: BuildOptions, result: BuildResult, report: Progress
) -> list[Article]:
    """Articles for the documents, from the cache where possible; duplicates rejected."""
    knowledge = Knowledge.load(options.authority, options.patterns)
    cache = Cache(_cache_path(options))
    nlp = nlp_mod.load(options.model)
    settings = extraction_settings(nlp_mod.model_id(nlp), knowledge)
    keys = [document_key(d, settings) for d in docs]
    found: list[Article | None] = [cache.get(k, d) for k, d in zip(keys, docs, strict=True)]
    result.reused = sum(a is not None for a in found)
    missing = [i for i, a in enumerate(found) if a is None]
    done = result.reused
    report("extract", done, len(docs))
    fresh: list[tuple[str, Article]] = []
    fresh_articles = extraction.extract(
        (docs[i] for i in missing), nlp, knowledge=knowledge if knowledge.digest else None
    )
    for i, article in zip(missing, fresh_articles, strict=True):
        found[i] = article
        fresh.append((keys[i], article))
        done += 1
        report("extract", done, len(docs))
        if len(fresh) >= 200:
            cache.put_many(fresh)
            fresh = []
    cache.put_many(fresh)
    cache.close()
    seen: dict[str, str] = {}
    articles: list[Article] = []
    for maybe in found:
        assert maybe is not None
        article = maybe
        first = seen.setdefault(article.id, article.source)
        if first != article.source or any(a.id == article.id for a in articles):
            where = f"{first}" if first != article.source else "an earlier line"
            result.problems.append(
                Problem(
                    "rejected",
                    article.source,
                    f"duplicate article id {article.id!r} (first in {where})",
                    article.source_line,
                    article.id,
                )
            )
            continue
        articles.append(article)
    return articles


def extraction_settings(model_id: str, knowledge: Knowledge) -> str:
    """What extraction depends on besides the document: part of the cache key."""
    return f"{model_id}|code {code_digest()}|knowledge {knowledge.digest or '-'}"


def generated_at(article: Article) -> float:
    """The time stamped on an article graph: SOURCE_DATE_EPOCH, else the source's mtime."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return float(epoch)
    return article.source_mtime if article.source_mtime is not None else time.time()


def _map_and_validate(
    articles: list[Article],
    iris: Iris,
    linker: Linker,
    events: EventMapper,
    options: BuildOptions,
    result: BuildResult,
    timer: _Timer,
    report: Progress,
) -> dict[str, Published]:
    """The graphs of the articles that conform to the shapes; the others are reported.

    A graph validated before (same triples, same shapes) reuses its verdict.
    """
    validator = Validator()
    cache = Cache(_cache_path(options))
    published: dict[str, Published] = {}
    for start in range(0, len(articles), VALIDATION_BATCH):
        batch = articles[start : start + VALIDATION_BATCH]
        with timer("map"):
            mapped = [article_triples(a, iris, linker, generated_at(a), events) for a in batch]
            keys = [verdict_key(_digest(t), validator.fingerprint) for t in mapped]
            verdicts = cache.verdicts(keys)
        with timer("validate"):
            todo = [(k, t) for k, t in zip(keys, mapped, strict=True) if k not in verdicts]
            fresh = validator.validate_many(todo)
            cache.put_verdicts([(str(k), v) for k, v in fresh.items()])
            verdicts.update({str(k): v for k, v in fresh.items()})
        for article, triples, key in zip(batch, mapped, keys, strict=True):
            if _accept(article, verdicts[key], result):
                published[article.id] = Published(
                    article, triples, _digest(triples), iris.graph(article.id), id_slug(article.id)
                )
        report("validate", min(start + VALIDATION_BATCH, len(articles)), len(articles))
    cache.close()
    return published


def _cache_path(options: BuildOptions) -> Path | None:
    return options.out / ".kg" / "cache.sqlite" if options.cache else None


def _accept(article: Article, verdict: Report, result: BuildResult) -> bool:
    """True when the article's graph conforms; an "invalid" problem when it does not."""
    _count_warnings(verdict, result)
    if verdict.conforms:
        return True
    reason = "; ".join(str(f) for f in verdict.violations[:5])
    result.problems.append(
        Problem(
            "invalid", article.source, f"fails SHACL: {reason}", article.source_line, article.id
        )
    )
    return False


def _count_warnings(verdict: Report, result: BuildResult) -> None:
    for finding in verdict.warnings:
        result.shacl_warnings[finding.message] = result.shacl_warnings.get(finding.message, 0) + 1


def _digest(triples: list[jsonld.Triple]) -> str:
    h = hashlib.sha256()
    for s, p, o in triples:
        h.update(f"{s} {p} {o}\n".encode())
    return h.hexdigest()
