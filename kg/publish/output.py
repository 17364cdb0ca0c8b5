"""The output folder as one unit: locked while kg writes to it, staged, committed last.

A command that changes the output (kg build, kg remove) first prepares everything
new beside the old: a new store folder (a hard-link checkpoint of the old store
with the changed graphs replaced, or a fresh one), a new articles/ folder (files
that did not change are hard links of the old ones) and new export files. Only
then does it commit, by a handful of renames, manifest.json last.

A process killed before the commit leaves the previous output as it was; the
next command removes its leftovers. One killed during the commit (milliseconds)
leaves a marker, and the next build then rebuilds store and files in full
instead of trusting the old manifest.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import IO

from kg.errors import StoreError
from kg.parallel import ordered_map
from kg.publish import files
from kg.publish.manifest import Manifest
from kg.publish.store import Store, recover, swap_in
from kg.rdf import formats
from kg.rdf.jsonld import Triple

STAGED = ".staged-"
STORE = "store"
ARTICLES = "articles"
_COMMITTING = "committing"
_SWAPPED = (STORE, ARTICLES)


class OutputFolder:
    """``with OutputFolder(out) as folder:`` — exclusive use of ``out`` for one command."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.state = out / ".kg"
        self._lock: int | None = None

    def __enter__(self) -> OutputFolder:
        try:
            self.state.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.state / "lock", os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as e:
            raise StoreError(f"cannot write to {self.out}: {e.strerror or e}") from e
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as e:
            os.close(fd)
            raise StoreError(
                f"another kg command is writing to {self.out}; try again when it is done"
            ) from e
        self._lock = fd
        self._clean()
        return self

    def __exit__(self, *exc: object) -> None:
        self._clean()
        if self._lock is not None:
            fcntl.flock(self._lock, fcntl.LOCK_UN)
            os.close(self._lock)
            self._lock = None

    @property
    def interrupted(self) -> bool:
        """True when the last commit was killed half-way: the manifest cannot be trusted."""
        return (self.state / _COMMITTING).exists()

    def staged(self, name: str) -> Path:
        return self.out / f".{name}{STAGED}{os.getpid()}"

    def _clean(self) -> None:
        """Remove what killed runs left: staged folders and files, temp files, old stores."""
        for name in _SWAPPED:
            recover(self.out / name)
            old = self.out / f"{name}.old"
            if old.exists() and (self.out / name).exists():
                shutil.rmtree(old, ignore_errors=True)
        for entry in self.out.iterdir():
            if entry.name.startswith(".") and (STAGED in entry.name or entry.name.endswith(".tmp")):
                _remove(entry)

    def commit(
        self,
        staged: Sequence[tuple[Path, str]],
        manifest: Manifest,
        progress: Callable[[str, int, int | None], None] | None = None,
    ) -> None:
        """Move each staged folder or file to its name in ``out``, then write the manifest.

        ``progress("commit", done, total)`` is called after each step.
        """
        marker = self.state / _COMMITTING
        marker.touch()
        for done, (path, name) in enumerate(staged, start=1):
            if path.is_dir():
                swap_in(path, self.out / name)
            else:
                os.replace(path, self.out / name)
            if progress is not None:
                progress("commit", done, len(staged) + 1)
        manifest.save(self.out)
        _fsync_dir(self.out)
        marker.unlink()


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# -- staging -------------------------------------------------------------------------


def stage_fresh_store(folder: OutputFolder, parts: Iterable[IO[bytes]]) -> Path:
    """A new store holding the quads of ``parts`` (N-Quads, the union already in the
    default graph), one bulk load per part."""
    path = folder.staged(STORE)
    store = Store(path)
    # Each bulk load writes new files: parts are large (many articles), never one per graph.
    for part in parts:
        store.load_nquads(part)
    store.flush()
    store.optimize()
    return path


def stage_store_changes(
    folder: OutputFolder,
    put: dict[str, list[Triple]],
    keep: set[str] | None,
    progress: Callable[[int], None] | None = None,
) -> Path:
    """A copy of the current store with the graphs in ``put`` replaced.

    Graphs not in ``keep`` (when given) are dropped. The copy is a hard-link
    checkpoint, so only what changes is written. ``progress(n)`` is called after
    the n-th graph is replaced.
    """
    path = folder.staged(STORE)
    current = Store.open_existing(folder.out / STORE, read_only=True)
    try:
        current.oxigraph.backup(str(path))
    except OSError as e:
        raise StoreError(f"cannot copy the store in {folder.out}: {e}") from e
    del current
    store = Store(path)
    if keep is not None:
        for graph in store.graphs():
            if graph not in keep:
                store.remove_graph(graph)
    for n, (graph_iri, triples) in enumerate(sorted(put.items()), start=1):
        store.replace_graph(graph_iri, triples)
        if progress is not None:
            progress(n)
    store.flush()
    return path


def stage_exports(
    folder: OutputFolder, store_path: Path, workers: int = 1
) -> list[tuple[Path, str]]:
    """kg.ttl, kg.jsonld and kg.nq of the staged store, as (staged file, final name).

    With more than one worker, the files are written side by side, each process
    reading the store on its own.
    """
    jobs = [(folder.staged(name), fmt_name) for name, fmt_name in files.EXPORTS]
    list(ordered_map(_export, store_path, jobs, min(workers, len(jobs))))
    return [(path, name) for (path, _), (name, _) in zip(jobs, files.EXPORTS, strict=True)]


def _export(store_path: Path, job: tuple[Path, str]) -> None:
    path, fmt_name = job
    store = Store(store_path, read_only=True)
    fmt = formats.get(fmt_name)
    files.write_new(path, lambda out: store.export(fmt, out))


ARTICLE_SUFFIXES = (".ttl", ".jsonld")


def foreign_files(articles: Path) -> list[str]:
    """Files in articles/ that kg did not write (it writes only .ttl and .jsonld): kept."""
    if not articles.is_dir():
        return []
    found = []
    for entry in sorted(articles.iterdir()):
        if entry.suffix in ARTICLE_SUFFIXES:
            continue
        if not entry.is_file() or entry.is_symlink():
            raise StoreError(f"{articles} holds {entry.name!r}, which kg did not write: move it")
        found.append(entry.name)
    return found


def stage_articles(folder: OutputFolder, keep: Iterable[str], write: dict[str, bytes]) -> Path:
    """The new articles/ folder: ``keep`` linked from the current one, ``write`` written."""
    path = folder.staged(ARTICLES)
    path.mkdir()
    current = folder.out / ARTICLES
    for name in [*keep, *foreign_files(current)]:
        os.link(current / name, path / name)
    for name, data in write.items():
        files.write_new_bytes(path / name, data)
    return path
