"""`.txt` sources: the whole text of a scraped page, plus an optional NAME.meta.json."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from kg.model import Meta, RawDocument, Rejected
from kg.sources.meta import meta_from_mapping
from kg.sources.reading import EMPTY, InputLimits, decode, read_bytes

NO_TEXT = "empty file: published from the headline of its sidecar"


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name[: -len(path.suffix)] + ".meta.json")


def read_sidecar(path: Path) -> tuple[Meta, list[str]]:
    """Metadata from NAME.meta.json next to ``path``; a broken sidecar is a warning."""
    side = sidecar_path(path)
    if not side.exists():
        return Meta(), []
    try:
        obj = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        return Meta(), [f"ignored sidecar {side.name}: {e}"]
    if not isinstance(obj, dict):
        return Meta(), [f"ignored sidecar {side.name}: not a JSON object"]
    meta, warnings = meta_from_mapping(obj)
    return meta, [f"{side.name}: {w}" for w in warnings]


def shows(text: str, headline: str) -> bool:
    """True when a line of ``text`` is ``headline`` (case and spacing aside)."""
    want = " ".join(headline.split()).casefold()
    return any(" ".join(line.split()).casefold() == want for line in text.splitlines())


def read_text_file(path: Path, limits: InputLimits) -> Iterator[RawDocument | Rejected]:
    data = read_bytes(path, limits)
    meta, meta_warnings = read_sidecar(path)
    if isinstance(data, Rejected):
        if data.reason != EMPTY or not meta.headline:
            yield data
            return
        data, meta_warnings = b"", [*meta_warnings, NO_TEXT]  # a headline is an article
    text, warnings = decode(data)
    if meta.headline and text.strip() and not shows(text, meta.headline):
        meta_warnings.append(
            f"headline from the sidecar {sidecar_path(path).name} (the text does not show it)"
        )
    yield RawDocument(
        source=str(path),
        text=text,
        meta=meta,
        mtime=path.stat().st_mtime,
        warnings=tuple(warnings + meta_warnings),
    )
