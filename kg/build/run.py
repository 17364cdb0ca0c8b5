"""`kg build` as a library call: sources in, a published graph out.

read → extract (cached by content; in worker processes or on a Dask cluster)
→ link across articles → map each article to its graph, validate it with SHACL
and write its files (in batches, in worker processes) → store (Oxigraph) →
exports. Articles that fail validation and inputs that cannot be read are
reported, never published, and never stop the others.

Only small summaries of the articles stay in memory (kg.build.corpus): the articles
themselves go to the extraction cache and are read back a batch at a time.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Generator, Iterator
from contextlib import ExitStack, closing
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from kg.build.batches import BATCH, GraphWork, Mapped, generated_at, map_batch
from kg.build.cache import Cache, content_digest, document_key
from kg.build.corpus import Corpus
from kg.build.names import source_name
from kg.extract import code_digest
from kg.extract import nlp as nlp_mod
from kg.extract import workers as extraction
from kg.extract.entities.knowledge import Knowledge
from kg.lexicon.gazetteer import gazetteer
from kg.link.agents import AgentDirectory, KnownAgent
from kg.link.iris import DEFAULT_BASE_IRI, Iris, assign_stems
from kg.model import Article, Failed, RawDocument, Rejected
from kg.parallel import default_workers, ordered_map
from kg.publish.manifest import Manifest
from kg.publish.output import OutputFolder
from kg.publish.publish import Staging, publish
from kg.sources import InputLimits, iter_inputs
from kg.sources.reading import DEFAULT_MAX_BYTES
from kg.timing import Timings
from kg.validate import Report, Validator

Progress = Callable[[str, int, int | None], None]
ProblemKind = Literal["rejected", "failed", "invalid", "warning"]
CACHE_WRITES = 200  # fresh articles written to the cache per transaction
__all__ = ["BuildOptions", "BuildResult", "Problem", "build", "generated_at"]


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
    workers: int = 0  # processes for extraction and mapping; 0: one per core
    scheduler: str | None = None  # a Dask scheduler's address: extraction runs on its cluster
    publisher: KnownAgent | None = None  # kg.toml [publisher]: url, logo, sameAs; the default

    @property
    def processes(self) -> int:
        return self.workers if self.workers > 0 else default_workers()


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
    timings: Timings = field(default_factory=Timings)
    triples: int = 0
    kept_previous: bool = False  # nothing was publishable, so the last output was kept
    notices: list[str] = field(default_factory=list)  # about the output folder, for the user

    def of_kind(self, kind: ProblemKind) -> list[Problem]:
        return [p for p in self.problems if p.kind == kind]

    @property
    def setting_warnings(self) -> list[Problem]:
        """Warnings about how kg build was run (the default base IRI), not about inputs."""
        return [p for p in self.problems if p.kind == "warning" and p.source == BASE_IRI_SOURCE]

    @property
    def complete(self) -> bool:
        """True when every input was published."""
        return not any(p.kind != "warning" for p in self.problems)


BASE_IRI_SOURCE = "--base-iri"  # the "source" of the base IRI warning in report.jsonl
BASE_IRI_WARNING = (
    f"the base IRI is kg's default {DEFAULT_BASE_IRI}: every IRI published resolves on "
    "this machine only. Set yours once in kg.toml ([build] base_iri = "
    '"https://news.example.org/kg/") or give --base-iri.'
)


def _quiet(stage: str, done: int, total: int | None) -> None:
    return None


def build(options: BuildOptions, progress: Progress | None = None) -> BuildResult:
    """Build the knowledge graph of ``options.sources`` into ``options.out``.

    The output folder is locked for the whole build and changed only at the end,
    in one commit (kg.publish.output): a build that fails or is killed leaves the
    previous output as it was. ``result.timings`` has the seconds of each stage;
    those of the steps inside extraction and mapping (layout, nlp, rules,
    events, map, validate, files, spool) are summed over the worker processes.
    """
    report = progress or _quiet
    result = BuildResult()
    if options.base_iri == DEFAULT_BASE_IRI:
        result.problems.append(Problem("warning", BASE_IRI_SOURCE, BASE_IRI_WARNING))
    timer = result.timings.stage
    with OutputFolder(options.out) as folder:
        previous = _previous(folder, result)
        cache_path = _cache_path(options, folder)
        try:
            with timer("read"):
                docs = _read(options, result)
            corpus = Corpus(Iris(options.base_iri))
            with timer("extract"):
                _extract(docs, options, cache_path, corpus, result, report)
            del docs
            with timer("link"):
                events = corpus.event_mapper()
                corpus.linker.resolve()
            staging = Staging(folder, previous, _distinct_iris(corpus, previous, result))
            work = GraphWork(
                iris=staging.iris,
                linker=corpus.linker,
                events=events,
                validator=Validator(),
                cache=cache_path,
                unchanged=staging.unchanged(),
                articles=staging.articles,
                spool=staging.spool,
                agents=AgentDirectory.of(
                    Knowledge.load(options.authority).entries, options.publisher
                ),
            )
            with timer("graphs"):
                published = _map_and_validate(corpus, work, options, result, report)
            with timer("publish"):
                outcome = publish(
                    folder,
                    staging,
                    published,
                    model=options.model,
                    result=result,
                    progress=report,
                    workers=options.processes,
                )
        finally:
            if not options.cache:
                Cache.remove(cache_path)
        result.kept_previous, result.triples = outcome.kept_previous, outcome.triples
        result.timings.update(outcome.timings)
    result.published = sorted(published)
    return result


def _previous(folder: OutputFolder, result: BuildResult) -> Manifest:
    """What the output publishes now (nothing to trust after an old kg's torn commit)."""
    if folder.notice:
        result.notices.append(folder.notice)
    return Manifest() if folder.interrupted else Manifest.load(folder.previous)


def _distinct_iris(corpus: Corpus, previous: Manifest, result: BuildResult) -> Iris:
    """The build's IRIs, every article with a path of its own; a warning per article that
    could not have the one its id asks for."""
    published = {aid: str(e["file"]) for aid, e in previous.articles.items() if e.get("file")}
    stems, clashes = assign_stems([e.id for e in corpus.entries], published)
    entries = {e.id: e for e in corpus.entries}
    for clash in clashes:
        e = entries[clash.article]
        result.problems.append(Problem("warning", e.source, clash.reason(), e.line, e.id))
    return corpus.iris.with_stems(stems)


def _read(options: BuildOptions, result: BuildResult) -> list[RawDocument]:
    docs: list[RawDocument] = []
    limits = InputLimits(options.max_bytes)
    for given, item in _inputs(options, limits):
        item = replace(item, source=source_name(item.source, given))
        if isinstance(item, Rejected):
            result.problems.append(Problem("rejected", item.source, item.reason, item.line))
            continue
        docs.append(item)
        for warning in item.warnings:
            result.problems.append(Problem("warning", item.source, warning, item.line))
    return docs


def _inputs(
    options: BuildOptions, limits: InputLimits
) -> Iterator[tuple[str, RawDocument | Rejected]]:
    """Every input, with the command-line source it was found under."""
    for given in options.sources:
        for item in iter_inputs((given,), limits, exclude=(options.out,)):
            yield given, item


def _extract(
    docs: list[RawDocument],
    options: BuildOptions,
    cache_path: Path,
    corpus: Corpus,
    result: BuildResult,
    report: Progress,
) -> None:
    """Every document's Article into the cache and the corpus, in input order."""
    knowledge = Knowledge.load(options.authority, options.patterns)
    nlp = nlp_mod.load(options.model)  # for the cache key; forked workers inherit it
    gazetteer()  # built once here, before any worker is forked, rather than in each
    settings = extraction_settings(nlp_mod.model_id(nlp), knowledge)
    keys = [document_key(d, settings) for d in docs]
    with ExitStack() as stack:
        cache = stack.enter_context(Cache.opened(cache_path))
        generated = _generated_times(docs, cache)
        cached = cache.present(keys)
        result.reused = len(cached)
        missing = [d for d, k in zip(docs, keys, strict=True) if k not in cached]
        fresh = _fresh_articles(missing, options, knowledge, result)
        stack.enter_context(closing(fresh))  # stops the workers, whatever happens
        pending: list[tuple[str, Article]] = []
        report("extract", result.reused, len(docs))
        done = result.reused
        for doc, key, when in zip(docs, keys, generated, strict=True):
            article = cache.get(key, doc) if key in cached else None
            if article is None:
                got: Article | Failed
                if key in cached:  # written by another kg version: extracted again, here
                    got = extraction.extract_chunk(_settings(options, knowledge), [doc]).articles[0]
                else:
                    got = next(fresh)
                    done += 1
                    report("extract", done, len(docs))
                if isinstance(got, Failed):
                    result.problems.append(Problem("failed", got.source, got.reason, got.line))
                    continue
                article = got
                pending.append((key, article))
            if len(pending) >= CACHE_WRITES:
                cache.put_many(pending)
                pending = []
            _add_to_corpus(corpus, article, key, when, result)
        cache.put_many(pending)


def _add_to_corpus(
    corpus: Corpus, article: Article, key: str, generated: float, result: BuildResult
) -> None:
    problem = corpus.add(article, key, generated)
    if problem is not None:
        result.problems.append(
            Problem("rejected", article.source, problem, article.source_line, article.id)
        )
    else:
        result.problems.extend(
            Problem("warning", article.source, note, article.source_line, article.id)
            for note in article.notes
        )


def _generated_times(docs: list[RawDocument], cache: Cache) -> list[float]:
    """When each document's content was first built into this output (its
    prov:generatedAtTime): from the cache, else now — as the source's modification
    time, or the clock for stdin — and then remembered."""
    digests = [content_digest(d) for d in docs]
    known = cache.first_built(digests)
    now = time.time()
    first: dict[str, float] = {}
    for doc, digest in zip(docs, digests, strict=True):
        if digest not in known and digest not in first:
            first[digest] = doc.mtime if doc.mtime is not None else now
    cache.put_first_built(first.items())
    known.update(first)
    return [known[digest] for digest in digests]


def _settings(options: BuildOptions, knowledge: Knowledge) -> extraction.Settings:
    return extraction.Settings(options.model, knowledge if knowledge.digest else None)


def _fresh_articles(
    docs: list[RawDocument], options: BuildOptions, knowledge: Knowledge, result: BuildResult
) -> Generator[Article | Failed, None, None]:
    """The Articles of ``docs`` in order, extracted here, in local workers or on Dask."""
    settings = _settings(options, knowledge)
    chunks = list(extraction.chunks(docs))
    if options.scheduler:
        from kg.build.distributed import cluster_map

        results = cluster_map(options.scheduler, extraction.extract_chunk, settings, chunks)
    else:
        workers = min(options.processes, len(chunks)) or 1
        results = ordered_map(extraction.extract_chunk, settings, chunks, workers)
    with closing(results):
        for extracted in results:
            result.timings.merge(extracted.timings)
            yield from extracted.articles


def extraction_settings(model_id: str, knowledge: Knowledge) -> str:
    """What extraction depends on besides the document: part of the cache key."""
    return f"{model_id}|code {code_digest()}|knowledge {knowledge.digest or '-'}"


def _map_and_validate(
    corpus: Corpus, work: GraphWork, options: BuildOptions, result: BuildResult, report: Progress
) -> dict[str, Mapped]:
    """The articles whose graphs conform to the shapes (written as they go); the others
    are reported. A graph validated before (same triples, same shapes) reuses its verdict."""
    entries = corpus.entries
    batches = [(n, entries[i : i + BATCH]) for n, i in enumerate(range(0, len(entries), BATCH))]
    workers = min(options.processes, len(batches)) or 1
    published: dict[str, Mapped] = {}
    done = 0
    with Cache.opened(work.cache) as cache:
        for batch in ordered_map(map_batch, work, batches, workers):
            cache.put_verdicts(batch.verdicts)
            result.timings.merge(batch.timings)
            for m in batch.mapped:
                if _accept(m, result):
                    published[m.entry.id] = m
            done += len(batch.mapped)
            report("validate", done, len(entries))
    return published


def _cache_path(options: BuildOptions, folder: OutputFolder) -> Path:
    """The extraction cache; a scratch file of this build when caching is off."""
    if options.cache:
        return options.out / ".kg" / "cache.sqlite"
    return folder.scratch("cache.sqlite")


def _accept(mapped: Mapped, result: BuildResult) -> bool:
    """True when the article's graph conforms; an "invalid" problem when it does not."""
    verdict = mapped.report
    _count_warnings(verdict, result)
    e = mapped.entry
    if verdict.conforms:
        result.problems.extend(
            Problem("warning", e.source, r, e.line, e.id) for r in mapped.left_out
        )
        return True
    reason = "; ".join(str(f) for f in verdict.violations[:5])
    result.problems.append(Problem("invalid", e.source, f"fails SHACL: {reason}", e.line, e.id))
    return False


def _count_warnings(verdict: Report, result: BuildResult) -> None:
    for finding in verdict.warnings:
        result.shacl_warnings[finding.message] = result.shacl_warnings.get(finding.message, 0) + 1
