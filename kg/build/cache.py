"""Content-hash caches, so unchanged articles skip NLP and SHACL and keep their bytes.

SQLite in the output folder (``.kg/cache.sqlite``). Extraction results are keyed
by everything extraction depends on: kg's version, the model and pipes,
extraction settings, and the document's text and metadata. Where the document
came from is not in the key; it is set again on every hit. SHACL verdicts are
keyed by the article graph's digest and the shapes' fingerprint. The time an
article's content was first built (its prov:generatedAtTime) is keyed by the
digest of that content alone, so it survives new kg versions and models.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kg import __version__
from kg.errors import StoreError
from kg.model import Article, RawDocument
from kg.validate import Report

SCHEMA_VERSION = 2  # 2: Article.events filled, Event.noun/trigger_span


def document_key(raw: RawDocument, settings: str) -> str:
    h = hashlib.sha256()
    kind = "main text" if raw.main_text else "text"
    for part in (
        f"kg {__version__} cache {SCHEMA_VERSION}",
        settings,
        repr(raw.meta),
        kind,
        raw.text,
    ):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def content_digest(raw: RawDocument) -> str:
    """The digest of what a document says (its text and metadata), nothing else."""
    h = hashlib.sha256()
    for part in ("kg content 1", repr(raw.meta), raw.text):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def verdict_key(graph_digest: str, shapes_fingerprint: str) -> str:
    return f"{graph_digest}:{shapes_fingerprint}:{__version__}:{SCHEMA_VERSION}"


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
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS first_built (content TEXT PRIMARY KEY, time REAL)"
        )
        for table in ("article", "verdict"):
            self._db.execute(
                f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, data BLOB)"
            )

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
        return article.as_read(raw.source, raw.line, raw.mtime, raw.warnings)

    @classmethod
    @contextmanager
    def opened(cls, path: Path) -> Iterator[Cache]:
        """``with Cache.opened(path) as cache:`` — one connection, closed at the end."""
        cache = cls(path)
        try:
            yield cache
        finally:
            cache.close()

    def present(self, keys: list[str]) -> set[str]:
        """The ``keys`` that have an Article stored."""
        found: set[str] = set()
        found.update(key for (key,) in self._rows_in("SELECT key FROM article", "key", keys))
        return found

    @staticmethod
    def remove(path: Path) -> None:
        """Delete the cache file at ``path`` (and SQLite's journal files beside it)."""
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)

    def article(self, key: str) -> Article:
        """The Article stored under ``key`` by this build (as stored: see Entry.restore)."""
        row = self._db.execute("SELECT data FROM article WHERE key = ?", (key,)).fetchone()
        article = pickle.loads(row[0]) if row is not None else None
        if not isinstance(article, Article):
            raise StoreError(f"the extraction cache {self.path} lost an article: build again")
        return article

    def put_many(self, items: Iterable[tuple[str, Article]]) -> None:
        rows = [(k, pickle.dumps(a, protocol=pickle.HIGHEST_PROTOCOL)) for k, a in items]
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO article VALUES (?, ?)", rows)

    def verdicts(self, keys: list[str]) -> dict[str, Report]:
        """The SHACL reports cached under any of ``keys``."""
        found: dict[str, Report] = {}
        for key, data in self._rows_in("SELECT key, data FROM verdict", "key", keys):
            try:
                report = pickle.loads(data)
            except Exception:  # written by another kg version: validate again
                continue
            if isinstance(report, Report):
                found[key] = report
        return found

    def put_verdicts(self, items: Iterable[tuple[str, Report]]) -> None:
        rows = [(k, pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL)) for k, r in items]
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO verdict VALUES (?, ?)", rows)

    def first_built(self, digests: list[str]) -> dict[str, float]:
        """When each content digest was first built into this output (those known)."""
        found: dict[str, float] = {}
        rows = self._rows_in("SELECT content, time FROM first_built", "content", digests)
        found.update((digest, float(t)) for digest, t in rows)
        return found

    def _rows_in(self, select: str, column: str, values: list[str]) -> Iterator[tuple[Any, ...]]:
        """The rows of ``select`` whose ``column`` is one of ``values``, asked 500 at a time
        (SQLite caps the parameters of one statement)."""
        for start in range(0, len(values), 500):
            chunk = values[start : start + 500]
            marks = ",".join("?" * len(chunk))
            yield from self._db.execute(f"{select} WHERE {column} IN ({marks})", chunk)

    def put_first_built(self, items: Iterable[tuple[str, float]]) -> None:
        with self._db:
            self._db.executemany("INSERT OR IGNORE INTO first_built VALUES (?, ?)", list(items))

    def close(self) -> None:
        self._db.close()
