"""manifest.json: what the last build published, written last, read by every other command."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg import __version__
from kg.publish.files import write_json

FILENAME = "manifest.json"


@dataclass
class Manifest:
    base_iri: str | None = None
    model: str | None = None
    articles: dict[str, dict[str, Any]] = field(default_factory=dict)
    kg_version: str = __version__

    @classmethod
    def load(cls, folder: Path) -> Manifest:
        """The manifest in ``folder``, or an empty one when there is none (first build)."""
        return cls.read(folder) or cls()

    @classmethod
    def read(cls, folder: Path) -> Manifest | None:
        """The manifest in ``folder`` (a state folder, see kg.publish.state); None if none."""
        path = folder / FILENAME
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            return None
        if not isinstance(data, dict):
            return None
        return cls(
            data.get("base_iri"), data.get("model"), data.get("articles", {}), data.get("kg", "")
        )

    @classmethod
    def from_entries(
        cls, articles: dict[str, dict[str, Any]], base_iri: str, model: str | None
    ) -> Manifest:
        return cls(base_iri, model, dict(sorted(articles.items())))

    def digest(self, article_id: str) -> str | None:
        entry = self.articles.get(article_id)
        return entry.get("digest") if entry else None

    def find(self, ref: str) -> tuple[str, dict[str, Any]] | None:
        """The article an id, article IRI, graph IRI, url or file name refers to.

        A file name may carry its extension and folder (``articles/NAME.ttl``).
        """
        if ref in self.articles:
            return ref, self.articles[ref]
        for aid, entry in self.articles.items():
            if ref in (entry.get("iri"), entry.get("graph"), entry.get("url"), entry.get("file")):
                return aid, entry
        stem = _file_stem(ref)
        for aid, entry in self.articles.items():
            if stem is not None and stem == entry.get("file"):
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


ARTICLE_FILES = (".ttl", ".jsonld")


def _file_stem(ref: str) -> str | None:
    """NAME for ``NAME.ttl``, ``NAME.jsonld`` or ``articles/NAME.ttl``; None for other refs."""
    name = ref.removeprefix("articles/")
    if "/" in name:
        return None
    for suffix in ARTICLE_FILES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return None
