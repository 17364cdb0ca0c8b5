"""JSON Lines sources: one article object per line (`text` required)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from kg.model import RawDocument, Rejected
from kg.sources.meta import meta_from_mapping
from kg.sources.reading import decode, looks_binary


def read_jsonl_stream(
    lines: Iterable[bytes], source: str, mtime: float | None
) -> Iterator[RawDocument | Rejected]:
    """One RawDocument per good line; a Rejected record (with its line number) per bad one."""
    seen_any = False
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        seen_any = True
        if looks_binary(raw):
            yield Rejected(source, "binary data, not a JSON object", number)
            continue
        line, warnings = decode(raw)
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield Rejected(source, f"not valid JSON ({e.msg} at column {e.colno})", number)
            continue
        if not isinstance(obj, dict):
            yield Rejected(source, f"expected a JSON object, got {type(obj).__name__}", number)
            continue
        text = obj.get("text")
        if not isinstance(text, str) or not text.strip():
            yield Rejected(source, "no 'text' field with the article's text", number)
            continue
        meta, meta_warnings = meta_from_mapping(obj)
        yield RawDocument(
            source=source,
            text=text.replace("\r\n", "\n").replace("\r", "\n"),
            meta=meta,
            line=number,
            mtime=mtime,
            warnings=tuple(warnings + meta_warnings),
        )
    if not seen_any:
        yield Rejected(source, "empty file")
