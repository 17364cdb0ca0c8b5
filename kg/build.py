"""`kg build` as a library call: sources in, a published graph out.

read → extract (cached by content) → link across articles → map each article to
its graph → validate with SHACL → store (Oxigraph) → files. Articles that fail
validation and inputs that cannot be read are reported, never published, and
never stop the others.
"""

from __future__ import annotations

import hashlib
import io
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from kg.cache import Cache, document_key
from kg.extract import article as extraction
from kg.extract import nlp as nlp_mod
from kg.extract.entities import RULES_VERSION
from kg.extract.knowledge import Knowledge
from kg.link.iris import DEFAULT_BASE_IRI, Iris, id_slug
from kg.link.merge import Linker
from kg.model import Article, RawDocument, Rejected
from kg.publish import files
from kg.publish.manifest import Manifest
from kg.rdf import convert, formats, jsonld
from kg.rdf.mapping import article_triples
from kg.sources import InputLimits, iter_inputs
from kg.sources.reading import DEFAULT_MAX_BYTES
from kg.store import Store, recover, swap_in
from kg.validate import Report, Validator

Progress = Callable[[str, int, int | None], None]
ProblemKind = Literal["rejected", "invalid", "warning"]
VALIDATION_BATCH = 100
FRESH_STORE_SHARE = 0.5  # rebuild the store from scratch when more than this share changed


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
    """Build the knowledge graph of ``options.sources`` into ``options.out``."""
    report = progress or _quiet
    result = BuildResult()
    timer = _Timer(result.timings)
    iris = Iris(options.base_iri)
    out = options.out
    out.mkdir(parents=True, exist_ok=True)
    with timer("read"):
        docs = _read(options, result)
    with timer("extract"):
        articles = _extract(docs, options, result, report)
    with timer("link"):
        linker = Linker(iris)
        for a in articles:
            linker.add(a)
    graphs = _map_and_validate(articles, iris, linker, result, timer, report)
    with timer("store"):
        store = _update_store(out, graphs, report)
    with timer("export"):
        _write_files(out, store, graphs, iris, options, result)
    result.published = sorted(graphs)
    result.triples = store.count()
    return result


def _read(options: BuildOptions, result: BuildResult) -> list[RawDocument]:
    docs: list[RawDocument] = []
    for item in iter_inputs(options.sources, InputLimits(options.max_bytes)):
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
    cache = Cache(options.out / ".kg" / "cache.sqlite" if options.cache else None)
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
    return f"{model_id}|rules {RULES_VERSION}|knowledge {knowledge.digest or '-'}"


def generated_at(article: Article) -> float:
    """The time stamped on an article graph: SOURCE_DATE_EPOCH, else the source's mtime."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return float(epoch)
    return article.source_mtime if article.source_mtime is not None else time.time()


@dataclass
class _Published:
    article: Article
    triples: list[jsonld.Triple]
    digest: str
    graph_iri: str
    stem: str  # file name (without extension) under articles/


def _map_and_validate(
    articles: list[Article],
    iris: Iris,
    linker: Linker,
    result: BuildResult,
    timer: _Timer,
    report: Progress,
) -> dict[str, _Published]:
    validator = Validator()
    published: dict[str, _Published] = {}
    for start in range(0, len(articles), VALIDATION_BATCH):
        batch = articles[start : start + VALIDATION_BATCH]
        with timer("map"):
            graphs = [(a.id, article_triples(a, iris, linker, generated_at(a))) for a in batch]
        with timer("validate"):
            reports = validator.validate_many(graphs)
        with timer("map"):
            for article, (_, triples) in zip(batch, graphs, strict=True):
                verdict: Report = reports[article.id]
                _count_warnings(verdict, result)
                if not verdict.conforms:
                    reason = "; ".join(str(f) for f in verdict.violations[:5])
                    result.problems.append(
                        Problem(
                            "invalid",
                            article.source,
                            f"fails SHACL: {reason}",
                            article.source_line,
                            article.id,
                        )
                    )
                    continue
                published[article.id] = _Published(
                    article, triples, _digest(triples), iris.graph(article.id), id_slug(article.id)
                )
        report("validate", min(start + VALIDATION_BATCH, len(articles)), len(articles))
    return published


def _count_warnings(verdict: Report, result: BuildResult) -> None:
    for finding in verdict.warnings:
        result.shacl_warnings[finding.message] = result.shacl_warnings.get(finding.message, 0) + 1


def _digest(triples: list[jsonld.Triple]) -> str:
    h = hashlib.sha256()
    for s, p, o in triples:
        h.update(f"{s} {p} {o}\n".encode())
    return h.hexdigest()


def _update_store(out: Path, graphs: dict[str, _Published], report: Progress) -> Store:
    """Bring the store to exactly the published graphs; unchanged graphs are not touched."""
    target = out / "store"
    recover(target)
    previous = Manifest.load(out)
    changed = [aid for aid, p in graphs.items() if previous.digest(aid) != p.digest]
    fresh = not target.exists() or len(changed) > FRESH_STORE_SHARE * max(1, len(graphs))
    if not fresh and not Store(target).has_union():
        fresh = True  # a store written before the union was kept: load it again
    if fresh:
        tmp = out / f".store.tmp-{os.getpid()}"
        store = Store(tmp)
        # One bulk load for everything: each bulk call writes new files, so never one per article.
        store.bulk_add(_all_quads(graphs, report))
        store.flush()
        del store
        swap_in(tmp, target)
        return Store(target)
    store = Store(target)
    keep = {p.graph_iri for p in graphs.values()}
    for graph in store.graphs():
        if graph not in keep:
            store.remove_graph(graph)
    for n, aid in enumerate(changed, start=1):
        p = graphs[aid]
        store.replace_graph(p.graph_iri, p.triples)
        report("store", n, len(changed))
    store.flush()
    return store


def _all_quads(graphs: dict[str, _Published], report: Progress) -> Iterator[Any]:
    for n, (_, p) in enumerate(sorted(graphs.items()), start=1):
        yield from convert.quads(p.triples, p.graph_iri)
        report("store", n, len(graphs))


def _write_files(
    out: Path,
    store: Store,
    graphs: dict[str, _Published],
    iris: Iris,
    options: BuildOptions,
    result: BuildResult,
) -> None:
    articles_dir = out / "articles"
    articles_dir.mkdir(exist_ok=True)
    names: set[str] = set()
    turtle = formats.get("turtle")
    for p in graphs.values():
        name = p.stem
        names.update({f"{name}.ttl", f"{name}.jsonld"})
        files.write_bytes_if_changed(
            articles_dir / f"{name}.jsonld", jsonld.dumps(p.triples).encode()
        )
        files.write_bytes_if_changed(articles_dir / f"{name}.ttl", _serialize(turtle, p.triples))
    for stale in articles_dir.iterdir():
        if stale.name not in names and stale.suffix in (".ttl", ".jsonld"):
            stale.unlink()
    files.write_exports(store, out)
    files.write_report(out, result.problems)
    Manifest.from_entries(
        {aid: _entry(p, iris) for aid, p in graphs.items()}, options.base_iri, options.model
    ).save(out)


def _entry(p: _Published, iris: Iris) -> dict[str, object]:
    a = p.article
    entry: dict[str, object] = {
        "iri": iris.article(a.id),
        "graph": p.graph_iri,
        "file": p.stem,
        "digest": p.digest,
        "source": a.source,
        "headline": a.headline,
    }
    if a.source_line is not None:
        entry["line"] = a.source_line
    if a.url:
        entry["url"] = a.url
    return entry


def _serialize(fmt: formats.Format, triples: list[jsonld.Triple]) -> bytes:
    buf = io.BytesIO()
    fmt.write(triples, buf)
    return buf.getvalue()
