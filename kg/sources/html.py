"""`.html` / `.htm` sources: a whole news page → its main text and its metadata.

trafilatura finds the main text (navigation, ads, related links and comment
widgets left out); RawDocument.text is that text, one paragraph a line, so every
offset kg publishes for an HTML page is into the extracted text. Metadata comes
from the page's own JSON-LD article, then its meta tags, then trafilatura's
guesses (kg.sources.htmlmeta). A page trafilatura finds no text in falls back
to the articleBody of its JSON-LD; a page with neither is rejected.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path

import trafilatura
from lxml import etree
from lxml.html import HtmlElement

from kg.model import Meta, RawDocument, Rejected
from kg.sources.htmlmeta import jsonld_article, page_meta
from kg.sources.meta import agents, merge_meta, meta_from_mapping
from kg.sources.reading import InputLimits, decode, read_bytes

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
# WHATWG: these labels mean windows-1252, a superset that decodes more of what pages hold.
# Main text shorter than this is navigation or an error page, not an article.
MIN_WORDS = 10
# libxml2's HTML parser keeps elements nested at most this deep and drops what is deeper.
PARSER_DEPTH = 256
_CUT = (
    f"its elements are nested {PARSER_DEPTH} levels deep, the most the HTML parser "
    "(libxml2) reads: anything deeper was dropped"
)
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "ascii", "us-ascii", "cp1252"}


def read_html_file(path: Path, limits: InputLimits) -> Iterator[RawDocument | Rejected]:
    data = read_bytes(path, limits)
    if isinstance(data, Rejected):
        yield data
        return
    text, warnings = decode_html(data)
    yield page_document(text, str(path), _mtime(path), warnings)


def _mtime(path: Path) -> float | None:
    try:
        return path.stat().st_mtime
    except OSError:
        return None


def decode_html(data: bytes) -> tuple[str, list[str]]:
    """The page as text: UTF-8 when it is valid UTF-8, else the charset the page declares.

    Without a declared charset, invalid UTF-8 becomes U+FFFD with a warning.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), []
    body = data.removeprefix(codecs.BOM_UTF8)
    try:
        return body.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(body[:4096])
    if declared is not None and declared != "utf-8":
        text = body.decode(declared, errors="replace")
        bad = text.count("\ufffd")
        warnings = [f"{bad} byte(s) not valid {declared}, replaced with U+FFFD"] if bad else []
        return text, warnings
    return decode(body)


def _declared_charset(head: bytes) -> str | None:
    found = _CHARSET.search(head) or _XML_ENCODING.search(head)
    if not found:
        return None
    label = found.group(1).decode("ascii").lower()
    if label in _AS_CP1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def page_document(
    page: str, source: str, mtime: float | None, warnings: list[str]
) -> RawDocument | Rejected:
    """The RawDocument of one HTML page, or why it holds no article."""
    tree = trafilatura.load_html(page)
    if tree is None or not len(tree):
        return Rejected(source, "not an HTML page (no markup found)")
    meta, meta_warnings = page_meta(tree)
    text, guessed = main_text(tree, meta.url)
    if not text:
        node = jsonld_article(tree)
        body = node.get("articleBody") if node is not None else None
        text = (
            "\n".join(line.strip() for line in body.splitlines()) if isinstance(body, str) else ""
        )
        if text.strip():
            meta_warnings.append("no main text found in the page; used its JSON-LD articleBody")
    words = len(text.split())
    cut = _nesting(tree) >= PARSER_DEPTH
    if words < MIN_WORDS:
        found = f" (only {words} word{'s' if words != 1 else ''})" if words else ""
        if cut:
            return Rejected(source, f"no article text found in the HTML page{found}: {_CUT}")
        return Rejected(source, f"no article text found in the HTML page{found}")
    if cut:
        meta_warnings.append(f"text may be missing: {_CUT}")
    return RawDocument(
        source=source,
        text=text,
        meta=merge_meta(meta, guessed),
        mtime=mtime,
        warnings=tuple(warnings + meta_warnings),
    )


def _nesting(tree: HtmlElement) -> int:
    """How deep the parsed page's elements are nested."""
    depth = deepest = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def main_text(tree: HtmlElement, url: str | None) -> tuple[str, Meta]:
    """trafilatura's main text of the page (one paragraph a line) and its metadata guesses."""
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
    )
    if doc is None or isinstance(doc, dict):
        return "", Meta()
    text = "\n".join(line.strip() for line in (doc.text or "").splitlines() if line.strip())
    guessed, _ = meta_from_mapping(
        {
            "headline": doc.title,
            "datePublished": doc.date,
            "publisher": doc.sitename,
            "url": doc.url,
            "description": doc.description,
            "image": doc.image,
            "inLanguage": doc.language,
        }
    )
    if doc.author:
        guessed = merge_meta(guessed, Meta(authors=agents(doc.author.split("; "))))
    return text, guessed
