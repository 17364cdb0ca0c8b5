"""Which published state of an output folder readers see: the one ``.kg/current`` names.

A command that changes the output (kg build, kg remove) writes a complete new
state — store/, articles/, kg.ttl, kg.jsonld, kg.nq, manifest.json,
report.jsonl, event-types.ttl — into a folder of its own under ``.kg/``, and
then switches the symbolic link ``.kg/current`` to it with one rename
(kg.publish.output). The names in the output folder itself (``OUT/kg.ttl``,
``OUT/store``…) are symbolic links through ``.kg/current``, so a program that
opens them sees the old state or the new one, never a mix. kg's own readers
(kg query, serve, embed, site, push) resolve the pointer once and read every
part from that one folder (:func:`open_state`).

An output written before kg kept states has no pointer: its state is the
output folder itself, and the next build moves it to the new layout.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from kg.errors import StoreError
from kg.publish.manifest import FILENAME, Manifest
from kg.publish.store import Store

STATE_DIR = ".kg"
POINTER = "current"
STATE_PREFIX = "state-"
STORE = "store"
ARTICLES = "articles"
# Everything one state holds; each is a symbolic link of the same name in the output folder.
PUBLISHED = (
    STORE,
    ARTICLES,
    "kg.ttl",
    "kg.jsonld",
    "kg.nq",
    FILENAME,
    "report.jsonl",
    "event-types.ttl",
)
OPEN_ATTEMPTS = 5  # a build may switch (and remove) the state between resolving and opening


def pointer(out: Path) -> Path:
    return out / STATE_DIR / POINTER


def state_name(out: Path) -> str | None:
    """The name of the state folder ``.kg/current`` points to; None without a pointer."""
    try:
        return os.readlink(pointer(out))
    except OSError:
        return None


def state_folder(out: Path) -> Path:
    """The folder of the state readers of ``out`` see now (``out`` itself in the old layout)."""
    name = state_name(out)
    return out / STATE_DIR / name if name else out


def state_stamp(out: Path) -> str:
    """Changes whenever a command has published a new state of ``out``."""
    name = state_name(out)
    if name:
        return name
    try:  # the old layout: the store folder is renamed in, manifest.json written last
        store, manifest = (out / STORE).stat(), (out / FILENAME).stat()
    except OSError:
        return ""
    return f"{store.st_ino}:{manifest.st_mtime_ns}"


@dataclass(frozen=True)
class PublishedState:
    """One published state, opened for reading: every part of it from the same folder."""

    out: Path  # the output folder the user named
    folder: Path  # the state folder the parts were read from
    manifest: Manifest
    store: Store


def read_manifest(out: Path) -> Manifest:
    """The manifest of the current state of ``out``; a StoreError saying how to build one."""
    manifest = Manifest.read(state_folder(out))
    if manifest is None:
        raise StoreError(f"no kg output in {out}: run `kg build SOURCES --out {out}` first")
    return manifest


def open_state(out: Path) -> PublishedState:
    """The manifest and the store (read-only) of the state ``.kg/current`` names now.

    When a build switches the pointer and removes the old state between the two
    reads, the new state is opened instead.
    """
    for _ in range(OPEN_ATTEMPTS):
        name = state_name(out)
        folder = state_folder(out)
        manifest = Manifest.read(folder)
        store = _open_store(folder) if manifest is not None else None
        if state_name(out) != name:
            continue
        if manifest is None:
            raise StoreError(f"no kg output in {out}: run `kg build SOURCES --out {out}` first")
        if store is None:
            raise StoreError(f"the store of {out} is missing: run `kg build SOURCES --out {out}`")
        return PublishedState(out, folder, manifest, store)
    raise StoreError(f"the output in {out} kept changing while kg opened it; try again")


def _open_store(folder: Path) -> Store | None:
    path = folder / STORE
    if not path.is_dir() or not any(path.iterdir()):
        return None
    try:
        return Store(path, read_only=True)
    except StoreError:
        return None
