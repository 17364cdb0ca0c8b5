"""Put kg's JSON-LD <script> into an existing HTML page, touching nothing else.

The page is scanned with the standard library's HTML tokenizer (which knows that
a script's or style's content and comments are not markup), and the block is
spliced into the original text at the positions found: every other byte of the
page stays as it was. kg's own earlier block — a <script> carrying the marker
attribute — is replaced; the page's own JSON-LD blocks are found too, for
kg.web.merge (which merges the page's own article into kg's block), and every
other script is left alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from kg.errors import DataError
from kg.web.embed import JSONLD, MARKER


@dataclass(frozen=True)
class DataScript:
    """A JSON-LD <script> of the page's own: where the element and its text are."""

    start: int  # at "<script"
    content_start: int  # just after the start tag
    content_end: int  # at "</script"
    end: int  # just after the end tag

    def line(self, page: str) -> int:
        return page.count("\n", 0, self.start) + 1


class _Scanner(HTMLParser):
    """Offsets of <html>, <head>, </head>, kg's marked script blocks and the page's own
    JSON-LD scripts in a page."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self._text = text
        self._line_starts = [0]
        for n, char in enumerate(text):
            if char == "\n":
                self._line_starts.append(n + 1)
        self.html_end: int | None = None
        self.head_end: int | None = None  # just after <head …>
        self.head_close: int | None = None  # at </head>
        self.blocks: list[tuple[int, int]] = []
        self.data_scripts: list[DataScript] = []
        self._open_block: int | None = None
        self._open_data: tuple[int, int] | None = None

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        end = start + len(self.get_starttag_text() or "")
        if tag == "html" and self.html_end is None:
            self.html_end = end
        elif tag == "head" and self.head_end is None:
            self.head_end = end
        elif tag == "script" and any(name == MARKER for name, _ in attrs):
            self._open_block = start
        elif tag == "script":
            kind = next((v or "" for n, v in attrs if n == "type"), "")
            if kind.split(";")[0].strip().lower() == JSONLD:
                self._open_data = (start, end)

    def handle_endtag(self, tag: str) -> None:
        start = self._offset()
        if tag == "head" and self.head_close is None:
            self.head_close = start
        elif tag == "script" and self._open_block is not None:
            end = self._text.find(">", start)
            self.blocks.append((self._open_block, end + 1 if end >= 0 else len(self._text)))
            self._open_block = None
        elif tag == "script" and self._open_data is not None:
            end = self._text.find(">", start)
            element, content = self._open_data
            finish = end + 1 if end >= 0 else len(self._text)
            self.data_scripts.append(DataScript(element, content, start, finish))
            self._open_data = None

    def scan(self) -> _Scanner:
        self.feed(self._text)
        self.close()
        return self


def insert_block(page: str, block: str) -> str:
    """``page`` with ``block`` as kg's JSON-LD: in place of kg's earlier block(s), else at
    the end of <head> (a <head> is added after <html> when the page has none)."""
    scanner = _Scanner(page).scan()
    if scanner.blocks:
        out, last = [], 0
        for n, (start, end) in enumerate(scanner.blocks):
            if n:  # a duplicate: drop it with the line it stood on, when alone there
                start, end = whole_line(page, start, end)
            out.append(page[last:start])
            if n == 0:
                out.append(block)
            last = end
        return "".join(out) + page[last:]
    if scanner.head_close is not None:
        at = scanner.head_close
        line_start = page.rfind("\n", 0, at) + 1
        indent = page[line_start:at]
        if indent.strip():  # </head> shares its line with other markup
            return page[:at] + block + page[at:]
        return page[:line_start] + indent + "  " + block + "\n" + page[line_start:]
    if scanner.head_end is not None:
        at = scanner.head_end
        return page[:at] + "\n" + block + page[at:]
    if scanner.html_end is not None:
        at = scanner.html_end
        return page[:at] + "\n<head>\n" + block + "\n</head>" + page[at:]
    raise DataError("the page has neither <head> nor <html>: not an HTML page kg can embed into")


def page_scripts(page: str) -> list[DataScript]:
    """The page's own JSON-LD <script> elements (kg's marked block left out), in order."""
    return _Scanner(page).scan().data_scripts


def whole_line(page: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` to its whole line(s) when nothing else stands on them."""
    line_start = page.rfind("\n", 0, start) + 1
    line_end = page.find("\n", end)
    line_end = len(page) if line_end < 0 else line_end
    if page[line_start:start].strip() or page[end:line_end].strip():
        return start, end
    return line_start, min(line_end + 1, len(page))


def decode_page(data: bytes) -> str:
    """Page bytes as text that encodes back to the same bytes, whatever the encoding."""
    return data.decode("utf-8", errors="surrogateescape")


def encode_page(text: str) -> bytes:
    return text.encode("utf-8", errors="surrogateescape")


def embed_into(page: bytes, script: str) -> bytes:
    """The page's bytes with ``script`` as kg's block (see insert_block)."""
    return encode_page(insert_block(decode_page(page), script))
