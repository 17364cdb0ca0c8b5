"""HTML fragments (feed item content) → plain text, one paragraph a line."""

from __future__ import annotations

import html
import re

from lxml import etree
from lxml.html import HtmlElement, fragment_fromstring

# Elements that start a new line of text; the rest flow inline.
_BLOCK = re.compile(
    r"p|div|br|li|ul|ol|h[1-6]|blockquote|pre|tr|table|section|article|header|footer|aside"
    r"|d[dlt]|hr|address|main|nav|figure"
)
# Elements whose text is never article text.
_SKIP = re.compile(r"script|style|noscript|template|iframe|object|embed|figcaption")
_TAG = re.compile(r"<[A-Za-z!/][^>]*>")


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment: block elements become lines, whitespace collapsed.

    Text that holds no markup is only unescaped, its line breaks kept.
    """
    if not _TAG.search(fragment):
        return _tidy(html.unescape(fragment).split("\n"))
    try:
        root = fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _tidy(html.unescape(_TAG.sub(" ", fragment)).split("\n"))
    lines: list[str] = [""]
    _collect(root, lines)
    return _tidy(lines)


def _collect(node: HtmlElement, lines: list[str]) -> None:
    # Comments and processing instructions have no tag name: only their tail is text.
    tag = node.tag if isinstance(node.tag, str) else ""
    if not tag or _SKIP.fullmatch(tag.lower()):
        if node.tail:
            lines[-1] += node.tail
        return
    block = _BLOCK.fullmatch(tag.lower()) is not None
    if block:
        lines.append("")
    if node.text:
        lines[-1] += node.text
    for child in node:
        _collect(child, lines)
    if block:
        lines.append("")
    if node.tail:
        lines[-1] += node.tail


def _tidy(lines: list[str]) -> str:
    return "\n".join(t for t in (" ".join(line.split()) for line in lines) if t)
