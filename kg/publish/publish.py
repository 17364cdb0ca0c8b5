"""Publishing one build: stage what changed since the last build, then commit it.

The store, the articles/ folder and the exports are staged only when something
in them changed (kg.publish.output); unchanged articles keep their files, an
unchanged build rewrites nothing but report.jsonl and manifest.json (with the
same bytes).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg import __version__
from kg.link.iris import Iris
from kg.model import Article
from kg.publish import files, output
from kg.publish.manifest import Manifest
from kg.publish.output import OutputFolder
from kg.rdf import formats, jsonld
from kg.rdf.events import scheme_bytes
from kg.store import Store

Progress = Callable[[str, int, int | None], None]
FRESH_STORE_SHARE = 0.5  # rebuild the store from scratch when more than this share changed


@dataclass
class Published:
    """One article's validated graph, ready to publish."""

    article: Article
    triples: list[jsonld.Triple]
    digest: str
    graph_iri: str
    stem: str  # file name (without extension) under articles/


@dataclass(frozen=True)
class Outcome:
    triples: int  # distinct triples in the union of the published graphs
    kept_previous: bool  # nothing was publishable, so the last output was kept


def publish(
    folder: OutputFolder,
    graphs: dict[str, Published],
    iris: Iris,
    base_iri: str,
    model: str | None,
    problems: list[Any],
    report: Progress,
) -> Outcome:
    """Make ``folder`` publish exactly ``graphs``, with ``problems`` as its report.jsonl."""
    report_file = folder.staged(files.REPORT)
    files.write_new_bytes(report_file, files.report_bytes(problems))
    staged: list[tuple[Path, str]] = [(report_file, files.REPORT)]
    staged.extend(_stage_event_types(folder))
    previous = Manifest() if folder.interrupted else Manifest.load(folder.out)
    if not graphs and previous.articles:
        # Nothing could be published: the previous output stays, only the report is new.
        folder.commit(staged, previous)
        return Outcome(0, kept_previous=True)
    manifest = Manifest.from_entries(
        {aid: _entry(p, iris) for aid, p in graphs.items()}, base_iri, model
    )
    store = _stage_store(folder, graphs, previous, report)
    if store is not None:
        staged.append((store, output.STORE))
    if store is not None or not all((folder.out / n).exists() for n, _ in files.EXPORTS):
        report("export", 0, len(files.EXPORTS))
        staged.extend(output.stage_exports(folder, store or folder.out / output.STORE))
    articles = _stage_articles(folder, graphs, previous, report)
    if articles is not None:
        staged.append((articles, output.ARTICLES))
    report("commit", 0, len(staged) + 1)
    folder.commit(staged, manifest, report)
    triples = Store(folder.out / output.STORE, read_only=True).count()
    return Outcome(triples, kept_previous=False)


EVENT_TYPES = "event-types.ttl"  # kg's SKOS event-type scheme, published beside kg.ttl


def _stage_event_types(folder: OutputFolder) -> list[tuple[Path, str]]:
    """The event-type scheme, staged when the published copy is missing or differs."""
    data = scheme_bytes()
    current = folder.out / EVENT_TYPES
    if current.exists() and current.read_bytes() == data:
        return []
    path = folder.staged(EVENT_TYPES)
    files.write_new_bytes(path, data)
    return [(path, EVENT_TYPES)]


def _stage_store(
    folder: OutputFolder,
    graphs: dict[str, Published],
    previous: Manifest,
    report: Progress,
) -> Path | None:
    """The new store, staged; None when the current one already holds exactly ``graphs``."""
    changed = {
        p.graph_iri: p.triples
        for aid, p in graphs.items()
        if previous.digest(aid) != p.digest or previous.articles[aid].get("graph") != p.graph_iri
    }
    keep = {p.graph_iri for p in graphs.values()}
    removed = [e for e in previous.articles.values() if e.get("graph") not in keep]
    current = folder.out / output.STORE
    # A store written before kg kept the union in the default graph is loaded again.
    usable = current.exists() and Store(current, read_only=True).has_union()
    if usable and not changed and not removed:
        return None
    if not usable or len(changed) + len(removed) > FRESH_STORE_SHARE * len(graphs):
        items = sorted((p.graph_iri, p.triples) for p in graphs.values())
        return output.stage_fresh_store(folder, _counted(items, "store", report))
    report("store", 0, len(changed))
    return output.stage_store_changes(folder, changed, keep)


def _counted(
    items: list[tuple[str, list[jsonld.Triple]]], stage: str, report: Progress
) -> Iterator[tuple[str, list[jsonld.Triple]]]:
    for n, item in enumerate(items, start=1):
        yield item
        report(stage, n, len(items))


def _stage_articles(
    folder: OutputFolder,
    graphs: dict[str, Published],
    previous: Manifest,
    report: Progress,
) -> Path | None:
    """The new articles/ folder, staged; None when the current one is already right.

    An article whose graph digest is unchanged keeps its files (hard links);
    the others are serialised again.
    """
    current = folder.out / output.ARTICLES
    same_kg = previous.kg_version == __version__
    keep: list[str] = []
    write: dict[str, bytes] = {}
    turtle = formats.get("turtle")
    for aid, p in sorted(graphs.items()):
        names = (f"{p.stem}.jsonld", f"{p.stem}.ttl")
        entry = previous.articles.get(aid, {})
        if (
            same_kg
            and entry.get("digest") == p.digest
            and entry.get("file") == p.stem
            and all((current / n).exists() for n in names)
        ):
            keep.extend(names)
            continue
        write[names[0]] = jsonld.dumps(p.triples).encode()
        write[names[1]] = _serialize(turtle, p.triples)
        report("files", len(write) // 2, len(graphs))
    wanted = set(keep) | set(write) | set(output.foreign_files(current))
    present = {f.name for f in current.iterdir()} if current.is_dir() else set()
    if not write and present == wanted:
        return None
    return output.stage_articles(folder, keep, write)


def _entry(p: Published, iris: Iris) -> dict[str, object]:
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
