"""The unit of extraction work: one batch of documents in, their Articles out.

The same function runs in the build's own process, in local worker processes
(``kg build --workers N``) and on a Dask cluster (``kg build --scheduler``).
Documents are cut into chunks of exactly one spaCy batch, so every document is
analysed in the same company whatever runs it, and the output is the same bytes
for any number of workers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from kg.extract import article, nlp
from kg.extract.entities.knowledge import Knowledge
from kg.model import Article, Failed, RawDocument
from kg.timing import Timings

CHUNK = article.BATCH_SIZE  # documents per unit of work: one nlp.pipe batch


@dataclass
class Extracted:
    """The Articles of one chunk, in order (a Failed record for a document whose
    extraction raised), and the seconds each step took."""

    articles: list[Article | Failed]
    timings: Timings = field(default_factory=Timings)


@dataclass(frozen=True)
class Settings:
    """What every chunk is extracted with."""

    model: str | None = None  # spaCy package or path; None for kg's default
    knowledge: Knowledge | None = None


def extract_chunk(settings: Settings, docs: list[RawDocument]) -> Extracted:
    """The Articles of ``docs``; the model loads once per process (kg.extract.nlp.load)."""
    pipeline = nlp.load(settings.model)
    knowledge = settings.knowledge
    timings = Timings()
    found = list(
        article.extract(docs, pipeline, batch_size=CHUNK, knowledge=knowledge, timings=timings)
    )
    return Extracted(found, timings)


def chunks(docs: Iterable[RawDocument], size: int = CHUNK) -> Iterator[list[RawDocument]]:
    batch: list[RawDocument] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
