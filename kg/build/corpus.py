"""What a build keeps of the whole corpus between extraction and mapping: little.

Articles go to the extraction cache as they are extracted; the build keeps one
small Entry per article (its id, cache key and where it came from), the
entities' names for corpus-wide linking, and a lean copy of the articles that
report events (their entities and events, not their text). Mapping reads the
articles back from the cache a batch at a time, so memory grows with the number
of entities and events, not with the text of the corpus.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from kg.link.events import link_events
from kg.link.iris import Iris
from kg.link.merge import Linker
from kg.model import Article
from kg.rdf.events import event_mapper
from kg.rdf.mapping import EventMapper


@dataclass(frozen=True, slots=True)
class Entry:
    """One article of the build, without its content (that is in the cache under ``key``)."""

    id: str
    key: str
    source: str
    line: int | None
    mtime: float | None
    warnings: tuple[str, ...]
    generated: float  # when this content was first built (its prov:generatedAtTime)

    @classmethod
    def of(cls, article: Article, key: str, generated: float) -> Entry:
        return cls(
            article.id,
            key,
            article.source,
            article.source_line,
            article.source_mtime,
            tuple(article.warnings),
            generated,
        )

    def restore(self, article: Article) -> Article:
        """The cached ``article`` as this build read it (source, line, time, warnings)."""
        return article.as_read(self.source, self.line, self.mtime, self.warnings)


class Corpus:
    """The articles of one build, in input order, duplicates left out."""

    def __init__(self, iris: Iris) -> None:
        self.iris = iris
        self.entries: list[Entry] = []
        self.linker = Linker(iris)
        self._first: dict[str, str] = {}  # article id → source of its first occurrence
        self._eventful: list[Article] = []

    def add(self, article: Article, key: str, generated: float = 0.0) -> str | None:
        """Take the article in; why it is rejected when its id was taken before, else None.

        ``generated`` is when its content was first built (kg.build.generated_times)."""
        first = self._first.get(article.id)
        if first is not None:
            where = first if first != article.source else "an earlier line"
            return f"duplicate article id {article.id!r} (first in {where})"
        self._first[article.id] = article.source
        self.entries.append(Entry.of(article, key, generated))
        self.linker.add(article)
        if article.events:
            # Event linking needs entities, events and dates, not the text.
            lean = replace(
                article,
                body="",
                comments=[],
                mentions=[],
                images=[],
                description=None,
                source_text="",
            )
            self._eventful.append(lean)
        return None

    def event_mapper(self) -> EventMapper:
        """The corpus-wide events, as the mapper that writes each article's share."""
        index = link_events(self._eventful, self.iris, self.linker)
        self._eventful = []
        return event_mapper(index)
