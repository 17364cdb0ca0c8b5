"""Map and validate: each article's graph, its SHACL verdict, its files, batch by batch.

A batch of articles is read back from the extraction cache, mapped to triples,
validated (one pySHACL call per batch; a verdict cached before is reused), and
what conforms is written at once: the article's .ttl and .jsonld into the staged
articles/ folder (only when its graph changed since the last build) and its
quads into a spool file of the batch, from which the store is loaded. Nothing
corpus-sized stays in memory, and batches can run in worker processes: the
work they share (:class:`GraphWork`) is inherited by forked workers.
"""

from __future__ import annotations

import hashlib
import io
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.build.cache import Cache, verdict_key
from kg.build.corpus import Entry
from kg.link.agents import AgentDirectory
from kg.link.iris import Iris
from kg.link.merge import Linker
from kg.model import Article
from kg.publish import files
from kg.rdf import formats, jsonld
from kg.rdf.mapping import EventMapper, article_triples
from kg.timing import Timings
from kg.validate import Report, Validator
from kg.validate.salvage import Rescued, required_paths, rescue

BATCH = 100  # articles per pySHACL call and per unit of work
DEFAULT = ox.DefaultGraph()


@dataclass(frozen=True)
class GraphWork:
    """What every batch needs; built once per build, after linking."""

    iris: Iris
    linker: Linker
    events: EventMapper
    validator: Validator
    cache: Path  # the extraction cache holding the articles (and the verdicts)
    unchanged: dict[str, str]  # article id → graph digest whose published files can be kept
    articles: Path  # the staged articles/ folder
    spool: Path  # folder for the quads of each batch
    agents: AgentDirectory | None = None  # url, sameAs, logo of known authors and publishers


@dataclass(frozen=True)
class Mapped:
    """One article's graph as published (or refused): not its triples, what the build reports."""

    entry: Entry
    headline: str | None
    url: str | None
    digest: str
    graph_iri: str
    stem: str  # file name (without extension) under articles/
    report: Report
    written: bool  # its files were written anew (else the previous ones are kept)
    left_out: tuple[str, ...] = ()  # derived nodes left out because they fail SHACL

    def manifest_entry(self, iri: str) -> dict[str, object]:
        """The article's entry in manifest.json (``iri``: the article's IRI)."""
        entry: dict[str, object] = {
            "iri": iri,
            "graph": self.graph_iri,
            "file": self.stem,
            "digest": self.digest,
            "source": self.entry.source,
            "headline": self.headline,
        }
        if self.entry.line is not None:
            entry["line"] = self.entry.line
        if self.url:
            entry["url"] = self.url
        return entry


@dataclass
class Batch:
    mapped: list[Mapped]
    verdicts: list[tuple[str, Report]]  # the new ones, for the cache
    spool: Path | None  # quads of the conforming graphs, each triple also in the default graph
    timings: Timings = field(default_factory=Timings)


def map_batch(work: GraphWork, item: tuple[int, Sequence[Entry]]) -> Batch:
    """Map, validate and write batch number ``item[0]``, the articles ``item[1]``."""
    number, entries = item
    timings = Timings()
    clock = time.perf_counter()
    with Cache.opened(work.cache) as cache:
        articles = [e.restore(cache.article(e.key)) for e in entries]
        mapped = [
            article_triples(
                a, work.iris, work.linker, generated_at(e), work.events, agents=work.agents
            )
            for e, a in zip(entries, articles, strict=True)
        ]
        digests = [_digest(t) for t in mapped]
        keys = [verdict_key(d, work.validator.fingerprint) for d in digests]
        verdicts = cache.verdicts(keys)
    clock = timings.lap("map", clock)
    todo = [(k, t) for k, t in zip(keys, mapped, strict=True) if k not in verdicts]
    fresh = {str(k): v for k, v in work.validator.validate_many(todo).items()}
    verdicts.update(fresh)
    rescued = _rescue(work, articles, mapped, [verdicts[k] for k in keys])
    clock = timings.lap("validate", clock)
    out: list[Mapped] = []
    quads: list[ox.Quad] = []
    for n, (e, a, key) in enumerate(zip(entries, articles, keys, strict=True)):
        triples, digest, report = mapped[n], digests[n], verdicts[key]
        left_out: tuple[str, ...] = ()
        if n in rescued:  # published without the derived nodes that fail the shapes
            r = rescued[n]
            triples, digest, report, left_out = r.triples, _digest(r.triples), r.report, r.left_out
        graph_iri, stem = work.iris.graph(a.id), work.iris.stem(a.id)
        written = False
        if report.conforms:
            graph = ox.NamedNode(graph_iri)
            quads.extend(ox.Quad(s, p, o, graph) for s, p, o in triples)
            quads.extend(ox.Quad(s, p, o, DEFAULT) for s, p, o in triples)
            if work.unchanged.get(a.id) != digest:
                _write_files(work.articles, stem, triples)
                written = True
        out.append(Mapped(e, a.headline, a.url, digest, graph_iri, stem, report, written, left_out))
    clock = timings.lap("files", clock)
    spool = None
    if quads:
        spool = work.spool / f"{number:08d}.nq"
        with open(spool, "xb") as f:
            ox.serialize(quads, f, ox.RdfFormat.N_QUADS)
    timings.lap("spool", clock)
    return Batch(out, list(fresh.items()), spool, timings)


def _rescue(
    work: GraphWork,
    articles: list[Article],
    mapped: list[list[jsonld.Triple]],
    reports: list[Report],
) -> dict[int, Rescued]:
    """The failing graphs of the batch (by index) after kg.validate.salvage's net."""
    failing = [
        (n, work.iris.article(a.id), triples, report)
        for n, (a, triples, report) in enumerate(zip(articles, mapped, reports, strict=True))
        if not report.conforms
    ]
    if not failing:
        return {}
    found = rescue(failing, work.validator, required_paths(work.validator.shapes))
    return {int(n): r for n, r in found.items() if r.left_out}  # type: ignore[call-overload]


def _write_files(folder: Path, stem: str, triples: list[jsonld.Triple]) -> None:
    files.write_new_bytes(folder / f"{stem}.jsonld", jsonld.dumps(triples).encode())
    buf = io.BytesIO()
    formats.get("turtle").writer()(triples, buf)
    files.write_new_bytes(folder / f"{stem}.ttl", buf.getvalue())


def generated_at(entry: Entry) -> float:
    """The time stamped on an article graph: SOURCE_DATE_EPOCH, else when its content was
    first built into this output (so an unchanged article keeps its bytes)."""
    epoch = source_date_epoch()
    return epoch if epoch is not None else entry.generated


def source_date_epoch() -> float | None:
    """SOURCE_DATE_EPOCH (reproducible builds), when set to a number of seconds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return float(epoch) if epoch.isdigit() else None


def _digest(triples: list[jsonld.Triple]) -> str:
    h = hashlib.sha256()
    for s, p, o in triples:
        h.update(f"{s} {p} {o}\n".encode())
    return h.hexdigest()
