"""JSON Lines sources: one article object per line (`text` required).

Read as a stream, line by line, so a file of any length works; the size limit
applies to each line (one article), not to the file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from kg.model import RawDocument, Rejected
from kg.sources.meta import meta_from_mapping
from kg.sources.reading import decode, human_size, looks_binary

_CHUNK = 1 << 20
NO_TEXT = "no 'text' field: published from its headline and other fields"


def read_jsonl_stream(
    stream: BinaryIO, source: str, mtime: float | None, max_bytes: int
) -> Iterator[RawDocument | Rejected]:
    """One RawDocument per good line; a Rejected record (with its line number) per bad one."""
    seen_any = False
    number = 0
    while True:
        raw = stream.readline(max_bytes + 1)
        if not raw:
            break
        number += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            size = len(raw) + _skip_line(stream)
            seen_any = True
            yield Rejected(
                source,
                f"line is {human_size(size)}, over the {human_size(max_bytes)} limit "
                "(see --max-size)",
                number,
            )
            continue
        if not raw.strip():
            continue
        seen_any = True
        yield _record(raw, source, number, mtime)
    if not seen_any:
        yield Rejected(source, "empty file")


def _skip_line(stream: BinaryIO) -> int:
    """Read past the rest of an over-long line; the number of bytes skipped."""
    skipped = 0
    while True:
        chunk = stream.readline(_CHUNK)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped


def _record(raw: bytes, source: str, number: int, mtime: float | None) -> RawDocument | Rejected:
    if looks_binary(raw):
        return Rejected(source, "binary data, not a JSON object", number)
    line, warnings = decode(raw.rstrip(b"\r\n"))
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        where = "column" if e.msg.endswith(" at") else "at column"
        return Rejected(source, f"not valid JSON ({e.msg} {where} {e.colno})", number)
    except RecursionError:
        return Rejected(source, "not valid JSON (nested too deeply)", number)
    if not isinstance(obj, dict):
        return Rejected(source, f"expected a JSON object, got {_json_type(obj)}", number)
    text = obj.get("text")
    meta, meta_warnings = meta_from_mapping(obj)
    if not isinstance(text, str) or not text.strip():
        if not meta.headline:
            return Rejected(source, _no_text(obj), number)
        # A record with a headline is an article, if a short one: published from its fields.
        note = NO_TEXT if "text" not in obj else f"{_no_text(obj)}: published from its fields"
        text, warnings = "", [*warnings, note]
    return RawDocument(
        source=source,
        text=text.replace("\r\n", "\n").replace("\r", "\n"),
        meta=meta,
        line=number,
        mtime=mtime,
        warnings=tuple(warnings + meta_warnings),
    )


def _no_text(obj: dict[str, object]) -> str:
    """Why a record has no text to read: no field, a value that is no string, or blank."""
    if "text" not in obj:
        return "no 'text' field with the article's text"
    text = obj["text"]
    if not isinstance(text, str):
        return f"'text' is {_json_type(text)}, not a string with the article's text"
    return "'text' is empty"


def _json_type(value: object) -> str:
    names = {list: "an array", dict: "an object", str: "a string", bool: "a boolean"}
    return "null" if value is None else names.get(type(value), "a number")
