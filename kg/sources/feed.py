"""RSS 2.0 and Atom feeds (`.rss`, `.atom`, `.xml`): one article per item.

An item's text is its full content when the feed carries it, else its summary,
HTML turned into plain text (kg.sources.htmltext). Title, link, id, dates,
authors, category and image come from the item, language from the feed. An
item without any text is rejected by its number; the other items go on.
"""

from __future__ import annotations

import calendar
import io
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import feedparser

from kg.model import Meta, RawDocument, Rejected
from kg.sources.htmltext import html_to_text
from kg.sources.meta import canonical_datetime, meta_from_mapping, normalize_date
from kg.sources.reading import InputLimits, read_bytes

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_feed_file(path: Path, limits: InputLimits) -> Iterator[RawDocument | Rejected]:
    data = read_bytes(path, limits)
    if isinstance(data, Rejected):
        yield data
        return
    yield from read_feed(data, str(path), path.stat().st_mtime)


def read_feed(data: bytes, source: str, mtime: float | None) -> Iterator[RawDocument | Rejected]:
    """One RawDocument per feed item with text; a Rejected record per item without."""
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.entries:
        if parsed.get("version"):
            yield Rejected(source, "feed has no items")
        else:
            problem = parsed.get("bozo_exception")
            detail = f" ({_first_line(problem)})" if problem else ""
            yield Rejected(source, f"not an RSS or Atom feed{detail}")
        return
    language = parsed.feed.get("language")
    for number, entry in enumerate(parsed.entries, start=1):
        text = _entry_text(entry)
        title = _plain(entry.get("title_detail"), entry.get("title"))
        if not text:
            named = f" ({title!r})" if title else ""
            yield Rejected(source, f"feed item {number}{named} has no text (no content or summary)")
            continue
        meta, warnings = _entry_meta(entry, title, language)
        yield RawDocument(
            source=source,
            text=text,
            meta=meta,
            mtime=mtime,
            warnings=tuple(f"feed item {number}: {w}" for w in warnings),
        )


def _first_line(problem: object) -> str:
    return str(problem).strip().split("\n")[0][:200]


def _entry_text(entry: Mapping[str, Any]) -> str:
    """The longest full content of the item, else its summary, as plain text."""
    contents = [c for c in entry.get("content") or [] if c.get("value")]
    if contents:
        best = max(contents, key=lambda c: len(c["value"]))
        return _plain(best, best["value"])
    return _plain(entry.get("summary_detail"), entry.get("summary"))


def _plain(detail: Mapping[str, Any] | None, value: object) -> str:
    if not isinstance(value, str):
        return ""
    kind = (detail or {}).get("type", "text/html")
    return html_to_text(value) if kind in _HTML_TYPES else " ".join(value.split())


def _entry_meta(
    entry: Mapping[str, Any], title: str, language: str | None
) -> tuple[Meta, list[str]]:
    authors = [a.get("name") for a in entry.get("authors") or [] if a.get("name")]
    # A plain dict: feedparser's own get() maps a missing "updated" to "published".
    raw = dict(entry)
    published = _date(raw, "published") or _date(raw, "created")
    updated = _date(raw, "updated")
    fields: dict[str, Any] = {
        "id": entry.get("id"),
        "url": entry.get("link"),
        "headline": title,
        "datePublished": published,
        "dateModified": updated if updated != published else None,
        "author": authors or entry.get("author"),
        "inLanguage": language,
        "articleSection": (entry.get("tags") or [{}])[0].get("term"),
        "image": _image(entry),
    }
    return meta_from_mapping({k: v for k, v in fields.items() if v})


def _date(entry: dict[str, Any], key: str) -> str | None:
    """The item's date as written, else feedparser's parsed UTC time."""
    raw, parsed = entry.get(key), entry.get(f"{key}_parsed")
    if raw and normalize_date(raw):
        return str(raw)
    if parsed:
        return canonical_datetime(datetime.fromtimestamp(calendar.timegm(parsed), UTC))
    return None


def _image(entry: Mapping[str, Any]) -> str | None:
    for media in (entry.get("media_content") or []) + (entry.get("media_thumbnail") or []):
        if media.get("url") and media.get("medium", "image") == "image":
            return media["url"]
    for link in entry.get("links") or []:
        if link.get("rel") == "enclosure" and str(link.get("type", "")).startswith("image/"):
            return link.get("href")
    return None
