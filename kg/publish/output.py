"""The output folder as one unit: locked while kg writes to it, a new state switched in last.

A command that changes the output (kg build, kg remove) fills a draft folder
``.kg/draft-PID/`` with a complete new state (kg.publish.state): a new store (a
hard-link checkpoint of the old one with the changed graphs replaced, or a
fresh one), a new articles/ folder, the exports, the report and the manifest —
what did not change is hard-linked from the current state, so only changes are
written. The commit then takes four steps:

1. the draft is renamed to ``.kg/state-N`` (not yet seen by anyone);
2. the pointer ``.kg/current`` is switched to it by one rename — the commit;
3. the names in the output folder are made symbolic links through the pointer
   (once; an output of the old layout has its files and folders replaced here);
4. the states no pointer names are removed.

A process killed before step 2 leaves the previous state published; one killed
after it leaves the new one. Either way every reader sees one whole state, and
the next command removes the leftovers.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

from kg.errors import StoreError
from kg.parallel import ordered_map
from kg.publish import files
from kg.publish.lock import FolderLock
from kg.publish.manifest import Manifest
from kg.publish.state import (
    ARTICLES,
    POINTER,
    PUBLISHED,
    STATE_DIR,
    STATE_PREFIX,
    STORE,
    state_folder,
    state_name,
)
from kg.publish.store import Store, recover
from kg.rdf import formats
from kg.rdf.jsonld import Triple

DRAFT = "draft-"
SCRATCH = "scratch-"
_LEGACY_MARKER = "committing"  # written by kg before states: its commit was not atomic
_LEGACY_STAGED = ".staged-"
COMMIT_STEPS = 4
Progress = Callable[[str, int, int | None], None]


class OutputFolder:
    """``with OutputFolder(out) as folder:`` — exclusive use of ``out`` for one command.

    ``folder.previous`` is the state published now, ``folder.staged(name)`` the
    draft's path for a part of the next one, ``folder.commit(manifest)`` publishes
    the draft. ``folder.notice`` says so when the lock was taken over from a
    command that was killed.
    """

    def __init__(self, out: Path) -> None:
        self.out = out
        self.state = out / STATE_DIR
        self.notice: str | None = None
        self.previous = out
        self.draft = self.state / f"{DRAFT}{os.getpid()}"
        self._lock = FolderLock(self.state / "lock", out)

    def __enter__(self) -> OutputFolder:
        try:
            self.state.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreError(f"cannot write to {self.out}: {e.strerror or e}") from e
        self.notice = self._lock.acquire()
        try:
            self._clean()
            self.previous = state_folder(self.out)
            self.draft.mkdir()
        except BaseException:
            self._lock.release()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self._clean()
        finally:
            self._lock.release()

    @property
    def interrupted(self) -> bool:
        """True when a kg of the old layout was killed in its commit: its manifest is not
        to be trusted."""
        return state_name(self.out) is None and (self.state / _LEGACY_MARKER).exists()

    def staged(self, name: str) -> Path:
        """Where the part ``name`` of the next state is written."""
        return self.draft / name

    def scratch(self, name: str) -> Path:
        """A path for a file or folder this command alone uses, removed at its end."""
        return self.state / f"{SCRATCH}{os.getpid()}-{name}"

    def keep(self, name: str) -> bool:
        """Carry the part ``name`` of the current state over to the next one, unchanged:
        files and the files of articles/ as hard links, the store as a checkpoint.
        False when the current state has no such part."""
        current, new = self.previous / name, self.staged(name)
        if new.exists() or not current.exists():
            return new.exists()
        if name == STORE:
            _checkpoint(current, new)
        elif current.is_dir():
            new.mkdir()
            for entry in sorted(current.iterdir()):
                os.link(entry, new / entry.name)
        else:
            os.link(current, new)
        return True

    def commit(self, manifest: Manifest, progress: Progress | None = None) -> None:
        """Publish the draft (every part of a state staged or kept) with ``manifest``.

        ``progress("commit", step, 4)`` is called before the first step and after each.
        """
        report = progress or _quiet
        manifest.save(self.draft)
        missing = [name for name in PUBLISHED if not self.staged(name).exists()]
        if missing:
            raise StoreError(f"the new state of {self.out} lacks {', '.join(missing)}")
        _fsync_dir(self.draft)
        report("commit", 0, COMMIT_STEPS)
        final = self.state / f"{STATE_PREFIX}{self._next_number():06d}"
        os.rename(self.draft, final)
        _fsync_dir(self.state)
        report("commit", 1, COMMIT_STEPS)
        pointer = self.state / POINTER
        if pointer.is_dir() and not pointer.is_symlink():  # a copy of an output, links followed
            os.rename(pointer, self.state / f"{STATE_PREFIX}copied-{os.getpid()}")
        _replace_with_link(pointer, final.name, self.state / f".{POINTER}.new")
        _fsync_dir(self.state)
        report("commit", 2, COMMIT_STEPS)
        self._link_names()
        report("commit", 3, COMMIT_STEPS)
        self._clean()
        (self.state / _LEGACY_MARKER).unlink(missing_ok=True)
        self.previous = final
        report("commit", 4, COMMIT_STEPS)

    def _next_number(self) -> int:
        name = state_name(self.out) or ""
        digits = name.removeprefix(STATE_PREFIX)
        return int(digits) + 1 if digits.isdigit() else 1

    def _link_names(self) -> None:
        """Make OUT/NAME a symbolic link to .kg/current/NAME for every part of a state."""
        for name in PUBLISHED:
            link, target = self.out / name, f"{STATE_DIR}/{POINTER}/{name}"
            if link.is_symlink() and os.readlink(link) == target:
                continue
            if link.is_dir() and not link.is_symlink():  # the old layout's store/, articles/
                aside = self.out / f".{name}.legacy-{os.getpid()}"
                os.rename(link, aside)
                _replace_with_link(link, target, self.out / f".{name}.link")
                shutil.rmtree(aside, ignore_errors=True)
            else:
                _replace_with_link(link, target, self.out / f".{name}.link")
        _fsync_dir(self.out)

    def _clean(self) -> None:
        """Remove what killed runs left: drafts, scratch files, unpublished states."""
        current = state_name(self.out)
        for entry in self.state.iterdir():
            name = entry.name
            if name.startswith((DRAFT, SCRATCH, f".{POINTER}.new")) or (
                name.startswith(STATE_PREFIX) and name != current
            ):
                _remove(entry)
        for entry in self.out.iterdir():
            name = entry.name
            if name.startswith(".") and (
                _LEGACY_STAGED in name or name.endswith((".tmp", ".link")) or ".legacy-" in name
            ):
                _remove(entry)
        if current is None:  # the old layout: a commit killed between two renames
            for name in (STORE, ARTICLES):
                recover(self.out / name)
        for name in (STORE, ARTICLES):
            old = self.out / f"{name}.old"
            if old.exists() and (self.out / name).exists():
                shutil.rmtree(old, ignore_errors=True)


def _quiet(stage: str, done: int, total: int | None) -> None:
    return None


def _replace_with_link(path: Path, target: str, temporary: Path) -> None:
    """Make ``path`` a symbolic link to ``target`` in one rename (readers never miss it)."""
    temporary = temporary.with_name(f"{temporary.name}-{os.getpid()}")
    temporary.unlink(missing_ok=True)
    os.symlink(target, temporary)
    os.replace(temporary, path)


def _checkpoint(current: Path, new: Path) -> None:
    """A copy of the store at ``current`` (hard links of its files: nothing is rewritten)."""
    store = Store.open_existing(current, read_only=True)
    try:
        store.oxigraph.backup(str(new))
    except OSError as e:
        raise StoreError(f"cannot copy the store in {current.parent}: {e}") from e


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
    _checkpoint(folder.previous / STORE, path)
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


def stage_exports(folder: OutputFolder, store_path: Path, workers: int = 1) -> None:
    """kg.ttl, kg.jsonld and kg.nq of the staged store, into the draft.

    With more than one worker, the files are written side by side, each process
    reading the store on its own.
    """
    jobs = [(folder.staged(name), fmt_name) for name, fmt_name in files.EXPORTS]
    list(ordered_map(_export, store_path, jobs, min(workers, len(jobs))))


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


def stage_articles(folder: OutputFolder, keep: Iterable[str]) -> Path:
    """The new articles/ folder: ``keep`` (and files kg did not write) linked from the
    current one."""
    path = folder.staged(ARTICLES)
    path.mkdir(exist_ok=True)
    current = folder.previous / ARTICLES
    for name in [*keep, *foreign_files(current)]:
        os.link(current / name, path / name)
    return path
