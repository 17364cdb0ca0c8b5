"""Sources: turn files, folders and stdin into RawDocuments (or Rejected inputs).

Readers are registered by file extension in READERS, one plain function each.
Every input is accounted for: it yields RawDocuments or Rejected records, never
raises for a bad file, so one broken input never stops a batch.
May import: the lower modules only (kg.model, kg.errors, kg.lexicon, …).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from kg.model import RawDocument, Rejected
from kg.sources.feed import read_feed_file
from kg.sources.html import read_html_file
from kg.sources.jsonl import read_jsonl_stream
from kg.sources.reading import InputLimits, not_text
from kg.sources.text import read_text_file

__all__ = ["READERS", "InputLimits", "iter_inputs", "supported_extensions"]

Item = RawDocument | Rejected
Reader = Callable[[Path, InputLimits], Iterator[Item]]


def _read_jsonl_file(path: Path, limits: InputLimits) -> Iterator[Item]:
    with path.open("rb") as stream:
        reason = not_text(stream.read(8192))
        if reason is not None:
            yield Rejected(str(path), reason)
            return
        stream.seek(0)
        yield from read_jsonl_stream(stream, str(path), _mtime(path), limits.max_bytes)


def _mtime(path: Path) -> float | None:
    try:
        return path.stat().st_mtime
    except OSError:
        return None


@dataclass(frozen=True)
class ReaderEntry:
    extensions: tuple[str, ...]
    read: Reader
    description: str


READERS: tuple[ReaderEntry, ...] = (
    ReaderEntry((".txt",), read_text_file, "scraped page text, optional NAME.meta.json sidecar"),
    ReaderEntry((".jsonl", ".ndjson"), _read_jsonl_file, "JSON Lines, one article per line"),
    ReaderEntry((".html", ".htm"), read_html_file, "whole news web pages"),
    ReaderEntry((".rss", ".atom", ".xml"), read_feed_file, "RSS 2.0 and Atom feeds"),
)

SIDECAR_SUFFIX = ".meta.json"


def supported_extensions() -> list[str]:
    return sorted({ext for entry in READERS for ext in entry.extensions})


def _reader_for(path: Path) -> Reader | None:
    name = path.name.lower()
    found: Reader | None = None
    for entry in READERS:
        if any(name.endswith(ext) for ext in entry.extensions):
            found = entry.read
    return found


def _is_sidecar(path: Path) -> bool:
    return path.name.lower().endswith(SIDECAR_SUFFIX)


def _walk(folder: Path, exclude: frozenset[Path]) -> Iterator[Path | Rejected]:
    """Files under folder in a stable order; hidden files and folders and ``exclude`` skipped.

    A sub-folder that cannot be listed is reported, not skipped in silence.
    """
    errors: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        yield from (Rejected(str(e.filename), f"cannot read folder: {e.strerror}") for e in errors)
        errors.clear()
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and _resolved(Path(root) / d) not in exclude
        )
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name
    yield from (Rejected(str(e.filename), f"cannot read folder: {e.strerror}") for e in errors)


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path


def iter_inputs(
    sources: Iterable[str],
    limits: InputLimits | None = None,
    stdin: BinaryIO | None = None,
    exclude: Iterable[Path] = (),
) -> Iterator[Item]:
    """Yield a RawDocument or a Rejected record for every input under ``sources``.

    ``sources`` are file paths, folders (walked recursively; files whose extension no
    reader knows are reported; folders in ``exclude``, such as kg's own output, are
    not entered) or ``-`` for JSON Lines on stdin.
    """
    limits = limits or InputLimits()
    skip = frozenset(_resolved(p) for p in exclude)
    for source in sources:
        if source == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _guarded(
                read_jsonl_stream(stream, "<stdin>", None, limits.max_bytes), "<stdin>"
            )
            continue
        path = Path(source)
        if path.is_dir():
            for file in _walk(path, skip):
                if isinstance(file, Rejected):
                    yield file
                elif not _is_sidecar(file):
                    yield from _read_one(file, limits)
        elif path.exists():
            yield from _read_one(path, limits)
        elif path.is_symlink():
            yield Rejected(str(path), _broken_link(path))
        else:
            yield Rejected(str(path), "no such file or folder")


def _read_one(path: Path, limits: InputLimits) -> Iterator[Item]:
    if path.is_symlink() and not path.exists():
        yield Rejected(str(path), _broken_link(path))
        return
    if not path.is_file():
        yield Rejected(str(path), "not a regular file")
        return
    reader = _reader_for(path)
    if reader is None:
        known = ", ".join(supported_extensions())
        yield Rejected(
            str(path), f"unknown file type '{path.suffix or path.name}' (kg reads {known})"
        )
        return
    yield from _guarded(reader(path, limits), str(path))


def _broken_link(path: Path) -> str:
    try:
        target = os.readlink(path)
    except OSError:
        return "broken symbolic link"
    return f"broken symbolic link: its target {target} does not exist"


def _guarded(items: Iterator[Item], source: str) -> Iterator[Item]:
    """``items``, with a reader's failure turned into a Rejected record for its input."""
    try:
        yield from items
    except OSError as e:
        yield Rejected(source, f"cannot read: {e.strerror or e}")
    except Exception as e:  # noqa: BLE001 - a parser failing on odd input must not stop the batch
        yield Rejected(source, f"cannot read ({type(e).__name__}: {e})")
