"""Files in the output folder, written so that a crash never leaves half a file."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any

from kg.publish.store import Store
from kg.rdf import formats

_LINE_BREAKS = ("\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
EXPORTS = (("kg.ttl", "turtle"), ("kg.jsonld", "json-ld"), ("kg.nq", "nquads"))
REPORT = "report.jsonl"


def write_new(path: Path, write: Callable[[IO[bytes]], None]) -> None:
    """Create ``path`` (which must not exist yet) with what ``write`` writes, synced."""
    with open(path, "xb") as out:
        _synced(out, write)


def write_new_bytes(path: Path, data: bytes) -> None:
    write_new(path, lambda out: _write_all(out, data))


def atomic_write(path: Path, write: Callable[[IO[bytes]], None]) -> None:
    """Write ``path`` through a temporary file, so a crash leaves the old file intact."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            _synced(out, write)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _synced(out: IO[bytes], write: Callable[[IO[bytes]], None]) -> None:
    os.fchmod(out.fileno(), 0o666 & ~_umask())
    write(out)
    out.flush()
    os.fsync(out.fileno())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_bytes_if_changed(path: Path, data: bytes) -> bool:
    """Atomically write ``data`` unless the file already holds exactly it."""
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    atomic_write(path, lambda out: _write_all(out, data))
    return True


def _write_all(out: IO[bytes], data: bytes) -> None:
    out.write(data)


def write_json(path: Path, obj: Any) -> None:
    data = (json.dumps(obj, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
    write_bytes_if_changed(path, data)


def write_exports(store: Store, out_dir: Path) -> list[Path]:
    """kg.ttl, kg.jsonld and kg.nq from the store, streamed, each replaced atomically."""
    written = []
    for name, fmt_name in EXPORTS:
        fmt = formats.get(fmt_name)
        path = out_dir / name
        atomic_write(path, lambda out, fmt=fmt: store.export(fmt, out))  # type: ignore[misc]
        written.append(path)
    return written


def report_bytes(problems: Iterable[Any]) -> bytes:
    """report.jsonl: one JSON object per rejected input, invalid article or input warning."""
    lines = [json.dumps(p.as_json(), ensure_ascii=False, sort_keys=True) for p in problems]
    text = "\n".join(lines) + "\n" if lines else ""
    # Characters str.splitlines() and some editors take for line ends stay escaped, so
    # every reader sees one line per problem.
    for char in _LINE_BREAKS:
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text.encode("utf-8")
