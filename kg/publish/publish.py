"""Publishing one build: stage what changed since the last build, then commit it.

Before mapping starts, :class:`Staging` prepares the draft state's articles/
folder, into which each changed article's files are written as it is validated,
and a scratch spool folder for the quads of each batch. :func:`publish` then
builds the draft's store from the spool (a fresh bulk load, or the changed
graphs replaced in a checkpoint of the current store), exports it, links the
unchanged article files into the draft and commits (kg.publish.output). An
unchanged build writes nothing but report.jsonl and manifest.json (with the same
bytes): every other part of the new state is a hard link of the old one's.
"""

from __future__ import annotations

import io
import os
import shutil
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import IO, Any, Protocol

import pyoxigraph as ox

from kg import __version__
from kg.link.iris import Iris
from kg.publish import files, output
from kg.publish.manifest import Manifest
from kg.publish.output import OutputFolder
from kg.publish.store import Store
from kg.rdf.events import scheme_bytes
from kg.timing import Timings

Progress = Callable[[str, int, int | None], None]
FRESH_STORE_SHARE = 0.5  # rebuild the store from scratch when more than this share changed
# N-Quads per bulk load: Oxigraph's bulk loader holds a whole load in memory (about 1 kB
# a quad), so a corpus is loaded in parts of this size, whatever its size.
LOAD_BYTES = 64 * 1024 * 1024
SPOOL = "spool"


class Published(Protocol):
    """What publishing needs to know of one article's validated graph (kg.graphs.Mapped)."""

    @property
    def digest(self) -> str: ...
    @property
    def graph_iri(self) -> str: ...
    @property
    def stem(self) -> str: ...
    @property
    def written(self) -> bool: ...
    def manifest_entry(self, iri: str) -> dict[str, object]: ...


class Problems(Protocol):
    problems: list[Any]


@dataclass(frozen=True)
class Outcome:
    triples: int  # distinct triples in the union of the published graphs
    kept_previous: bool  # nothing was publishable, so the last output was kept
    timings: Timings = field(default_factory=Timings)


class Staging:
    """The staged articles/ folder and the spool of quads, written while articles are mapped."""

    def __init__(self, folder: OutputFolder, previous: Manifest, iris: Iris) -> None:
        self.folder = folder
        self.previous = previous
        self.iris = iris
        self.articles = folder.staged(output.ARTICLES)
        self.articles.mkdir()
        self.spool = folder.scratch(SPOOL)
        self.spool.mkdir()
        current = folder.previous / output.ARTICLES
        self.present = {e.name for e in os.scandir(current)} if current.is_dir() else set()

    def unchanged(self) -> dict[str, str]:
        """Article id → the graph digest with which its published files can be kept."""
        if self.previous.kg_version != __version__:
            return {}
        kept = {}
        for aid, entry in self.previous.articles.items():
            stem = entry.get("file")
            if stem != self.iris.stem(aid) or not {f"{stem}.jsonld", f"{stem}.ttl"} <= self.present:
                continue
            kept[aid] = str(entry.get("digest"))
        return kept

    def spooled(self) -> list[Path]:
        return sorted(self.spool.iterdir())

    def finish_articles(self, graphs: Mapping[str, Published]) -> None:
        """Complete the staged articles/ folder: the unchanged files linked from the current one."""
        keep = [
            f"{p.stem}{ext}"
            for _, p in sorted(graphs.items())
            if not p.written
            for ext in (".jsonld", ".ttl")
        ]
        output.stage_articles(self.folder, keep)


def publish(
    folder: OutputFolder,
    staging: Staging,
    graphs: Mapping[str, Published],
    *,
    model: str | None,
    result: Problems,
    progress: Progress,
    workers: int = 1,
) -> Outcome:
    """Make ``folder`` publish exactly ``graphs``, with ``result.problems`` as its report."""
    timings = Timings()
    clock = time.perf_counter()
    files.write_new_bytes(folder.staged(files.REPORT), files.report_bytes(result.problems))
    stage_event_types(folder)
    previous = staging.previous
    if not graphs and previous.articles:
        # Nothing could be published: the previous output stays, only the report is new.
        shutil.rmtree(folder.staged(output.ARTICLES))  # empty: nothing was written into it
        for name in (output.STORE, output.ARTICLES, *(n for n, _ in files.EXPORTS)):
            folder.keep(name)
        folder.commit(previous, progress)
        return Outcome(0, kept_previous=True)
    iris = staging.iris
    manifest = Manifest.from_entries(
        {aid: p.manifest_entry(iris.article(aid)) for aid, p in graphs.items()}, iris.base, model
    )
    store = _stage_store(folder, staging, graphs, progress)
    clock = timings.lap("store", clock)
    exports = [name for name, _ in files.EXPORTS]
    if store or not all(folder.keep(name) for name in exports):
        progress("export", 0, len(files.EXPORTS))
        for name in exports:  # written again from the new store, not kept
            folder.staged(name).unlink(missing_ok=True)
        output.stage_exports(folder, folder.staged(output.STORE), workers)
    clock = timings.lap("export", clock)
    staging.finish_articles(graphs)
    folder.commit(manifest, progress)
    triples = Store(folder.previous / output.STORE, read_only=True).count()
    timings.lap("commit", clock)
    return Outcome(triples, kept_previous=False, timings=timings)


EVENT_TYPES = "event-types.ttl"  # kg's SKOS event-type scheme, published beside kg.ttl


def stage_event_types(folder: OutputFolder) -> None:
    """The event-type scheme: kept when the published copy has the same bytes."""
    data = scheme_bytes()
    current = folder.previous / EVENT_TYPES
    if current.exists() and current.read_bytes() == data:
        folder.keep(EVENT_TYPES)
    else:
        files.write_new_bytes(folder.staged(EVENT_TYPES), data)


def _stage_store(
    folder: OutputFolder, staging: Staging, graphs: Mapping[str, Published], report: Progress
) -> bool:
    """Stage the new store; False when the current one, kept, holds exactly ``graphs``."""
    previous = staging.previous
    changed = {
        p.graph_iri
        for aid, p in graphs.items()
        if previous.digest(aid) != p.digest or previous.articles[aid].get("graph") != p.graph_iri
    }
    keep = {p.graph_iri for p in graphs.values()}
    removed = [e for e in previous.articles.values() if e.get("graph") not in keep]
    current = folder.previous / output.STORE
    # A store written before kg kept the union in the default graph is loaded again.
    usable = current.is_dir() and Store(current, read_only=True).has_union()
    if usable and not changed and not removed:
        folder.keep(output.STORE)
        return False
    spool = staging.spooled()
    if not usable or len(changed) + len(removed) > FRESH_STORE_SHARE * len(graphs):
        report("store", 0, len(spool))
        parts = _parts(spool, lambda n: report("store", n, len(spool)))
        output.stage_fresh_store(folder, parts)
        return True
    report("store", 0, len(changed))
    put = dict(_graphs_in(spool, changed))
    output.stage_store_changes(folder, put, keep, lambda n: report("store", n, len(put)))
    return True


def _graphs_in(spool: Sequence[Path], wanted: set[str]) -> Iterator[tuple[str, list[Any]]]:
    """(graph IRI, triples) of the ``wanted`` graphs in the spool files."""
    for path in spool:
        found: dict[str, list[Any]] = {}
        for q in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS):
            if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value in wanted:
                found.setdefault(q.graph_name.value, []).append((q.subject, q.predicate, q.object))
        yield from found.items()


def _parts(spool: Sequence[Path], progress: Callable[[int], None]) -> Iterator[IO[bytes]]:
    """The spool files as streams of about LOAD_BYTES each, one per bulk load."""
    groups: list[list[Path]] = [[]]
    size = 0
    for path in spool:
        if size >= LOAD_BYTES:
            groups.append([])
            size = 0
        groups[-1].append(path)
        size += path.stat().st_size
    done = 0
    for group in groups:
        yield io.BufferedReader(_Concatenated(group, partial(_shifted, progress, done)))
        done += len(group)


def _shifted(progress: Callable[[int], None], base: int, n: int) -> None:
    progress(base + n)


class _Concatenated(io.RawIOBase):
    """The spool files read as one stream, for one bulk load."""

    def __init__(self, paths: Sequence[Path], progress: Callable[[int], None]) -> None:
        self._paths = list(paths)
        self._file: io.BufferedReader | None = None
        self._progress = progress
        self._done = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while True:
            if self._file is None:
                if not self._paths:
                    return 0
                self._file = open(self._paths.pop(0), "rb")  # noqa: SIM115
            n = self._file.readinto(buffer)
            if n:
                return n
            self._file.close()
            self._file = None
            self._done += 1
            self._progress(self._done)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()
