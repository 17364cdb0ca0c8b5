"""Content-hash cache of extraction results, so unchanged articles skip NLP.

SQLite in the output folder (``.kg/cache.sqlite``). The key covers everything
extraction depends on: kg's version, the model and pipes, extraction settings,
and the document's text and metadata. Where the document came from is not in
the key; it is set again on every hit.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from kg import __version__
from kg.model import Article, RawDocument

SCHEMA_VERSION = 2  # 2: Article.events filled, Event.noun/trigger_span


def document_key(raw: RawDocument, settings: str) -> str:
    h = hashlib.sha256()
    for part in (f"kg {__version__} cache {SCHEMA_VERSION}", settings, repr(raw.meta), raw.text):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


class Cache:
    """Extracted Articles by document key."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        if path is None:
            self._db = sqlite3.connect(":memory:")
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(path))
            self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS article (key TEXT PRIMARY KEY, data BLOB)")

    def get(self, key: str, raw: RawDocument) -> Article | None:
        row = self._db.execute("SELECT data FROM article WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        try:
            article = pickle.loads(row[0])
        except Exception:  # written by another kg version: recompute
            return None
        if not isinstance(article, Article):
            return None
        return replace(
            article,
            source=raw.source,
            source_line=raw.line,
            source_mtime=raw.mtime,
            warnings=list(raw.warnings),
        )

    def put_many(self, items: Iterable[tuple[str, Article]]) -> None:
        rows = [(k, pickle.dumps(a, protocol=pickle.HIGHEST_PROTOCOL)) for k, a in items]
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO article VALUES (?, ?)", rows)

    def close(self) -> None:
        self._db.close()
