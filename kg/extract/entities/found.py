"""A mention as extraction works with it: offsets into the text view, type, entity."""

from __future__ import annotations

from dataclasses import dataclass

from kg.model import EntityType


@dataclass
class Found:
    """A cleaned mention with its offsets in the view."""

    start: int
    end: int
    text: str
    type: EntityType
    key: str = ""  # the folded surface form (the authority name for authority matches)
    entity: int = -1  # index into the article's entities, set by build_entities
    # model | authority | pattern | competitor | citation | list | given | dateline | repeat
    origin: str = "model"
    known: int = -1  # index of the authority entry that matched, if any
    competitor: bool = False  # named as a side in a sports result or table
    kind: str | None = None  # a schema.org class the model's label gives (WORK_OF_ART ...)
