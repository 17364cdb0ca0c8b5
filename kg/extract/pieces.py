"""Long texts analysed in pieces, joined back into one spaCy Doc with the same offsets.

spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters; error E088)
because its parser and NER need memory in proportion to a text. A text longer
than LONG_TEXT is cut into pieces of at most PIECE characters — at paragraph
breaks, else line breaks, else sentence ends, else spaces — each piece is
analysed on its own, and the Docs are joined with ``Doc.from_docs``. The joined
text is the original one character for character (nothing is added between the
pieces), so every offset kg publishes is into the text as it was read. kg
already makes each blank line a sentence boundary, so cutting there changes no
sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

LONG_TEXT = 100_000  # characters; shorter texts are analysed whole, as always
PIECE = 20_000  # characters at most per piece of a longer one
# Where a piece may end, best first: after a blank line, a line break, a sentence, a space.
_BREAKS = ("\n\n", "\n", ". ", " ")


def cut(text: str, limit: int = PIECE) -> list[str]:
    """``text`` in consecutive pieces of at most ``limit`` characters, joined = ``text``."""
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = _break_before(text, start, start + limit)
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def _break_before(text: str, start: int, limit: int) -> int:
    """The end of the piece that starts at ``start``: after the best break before ``limit``
    in the second half of the piece (so pieces stay large), else exactly at ``limit``."""
    floor = start + (limit - start) // 2
    for mark in _BREAKS:
        found = text.rfind(mark, floor, limit - len(mark) + 1)
        if found != -1:
            return found + len(mark)
    return limit


def needs_pieces(text: str, max_length: int) -> bool:
    """True for a text to analyse in pieces (``max_length``: the pipeline's own limit)."""
    return len(text) > min(LONG_TEXT, max_length)


def join(docs: Sequence[Doc]) -> Doc:
    """One Doc of the pieces' Docs, in order (text, tokens, sentences, entities, parse)."""
    if len(docs) == 1:
        return docs[0]
    return Doc.from_docs(list(docs), ensure_whitespace=False)
