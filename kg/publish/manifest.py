"""manifest.json: what the last build published, written last, read by every other command."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg import __version__
from kg.errors import StoreError
from kg.publish.files import write_json

FILENAME = "manifest.json"


@dataclass
class Manifest:
    base_iri: str | None = None
    model: str | None = None
    articles: dict[str, dict[str, Any]] = field(default_factory=dict)
    kg_version: str = __version__

    @classmethod
    def load(cls, out: Path) -> Manifest:
        """The manifest in ``out``, or an empty one when there is none (first build)."""
        path = out / FILENAME
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            return cls()
        return cls(
            data.get("base_iri"), data.get("model"), data.get("articles", {}), data.get("kg", "")
        )

    @classmethod
    def require(cls, out: Path) -> Manifest:
        """The manifest in ``out``; a StoreError saying how to build one when missing."""
        if not (out / FILENAME).exists():
            raise StoreError(f"no kg output in {out}: run `kg build SOURCES --out {out}` first")
        return cls.load(out)

    @classmethod
    def from_entries(
        cls, articles: dict[str, dict[str, Any]], base_iri: str, model: str | None
    ) -> Manifest:
        return cls(base_iri, model, dict(sorted(articles.items())))

    def digest(self, article_id: str) -> str | None:
        entry = self.articles.get(article_id)
        return entry.get("digest") if entry else None

    def find(self, ref: str) -> tuple[str, dict[str, Any]] | None:
        """The article an id, article IRI, graph IRI, url or file name refers to."""
        if ref in self.articles:
            return ref, self.articles[ref]
        for aid, entry in self.articles.items():
            if ref in (entry.get("iri"), entry.get("graph"), entry.get("url"), entry.get("file")):
                return aid, entry
        return None

    def save(self, out: Path) -> None:
        write_json(
            out / FILENAME,
            {
                "kg": self.kg_version,
                "base_iri": self.base_iri,
                "model": self.model,
                "articles": self.articles,
            },
        )
