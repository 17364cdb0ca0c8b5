"""`.html` / `.htm` sources: a whole news page → its main text and its metadata.

trafilatura finds the main text (navigation, ads, related links and comment
widgets left out); RawDocument.text is that text, one paragraph a line, so every
offset kg publishes for an HTML page is into the extracted text. Metadata comes
from every source the page offers, chosen field by field (kg.sources.htmlmeta
reads them, kg.sources.precedence chooses). A page trafilatura finds no text in
falls back to the articleBody of its JSON-LD, and so does a page whose main text is
under half of that articleBody (the extractor found the opening only); a page with
neither is published from its metadata (headline and at least a date, an author or
a description), with a warning; a page without those either is rejected.
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
from kg.sources.htmlmeta import PageOptions, read_page
from kg.sources.meta import agents, merge_meta, meta_from_mapping
from kg.sources.precedence import choose_meta
from kg.sources.reading import InputLimits, decode, read_bytes

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
# WHATWG: these labels mean windows-1252, a superset that decodes more of what pages hold.
# Main text shorter than this is navigation or an error page, not an article.
MIN_WORDS = 10
# A main text under this share of the JSON-LD articleBody was cut short. (On the 131
# dev pages the two are within 10% of each other or the main text is longer; trafilatura
# itself reads the articleBody only when it finds next to nothing.)
_SHORT_SHARE = 0.5
_LD_BODY_WORDS = 50  # an articleBody this long is a body, not a summary
# libxml2's HTML parser keeps elements nested at most this deep and drops what is deeper.
PARSER_DEPTH = 256
_CUT = (
    f"its elements are nested {PARSER_DEPTH} levels deep, the most the HTML parser "
    "(libxml2) reads: anything deeper was dropped"
)
NO_TEXT = "no article text found in the page; published from its metadata"
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
    page: str,
    source: str,
    mtime: float | None,
    warnings: list[str],
    options: PageOptions | None = None,
) -> RawDocument | Rejected:
    """The RawDocument of one HTML page, or why it holds no article.

    ``options`` turns page-reading mechanisms off (bench/pages.py); a build uses all.
    """
    options = options or PageOptions()
    tree = trafilatura.load_html(page)
    if tree is None or not len(tree):
        return Rejected(source, "not an HTML page (no markup found)")
    facts = read_page(tree, options)
    notes = list(facts.warnings)
    text, guessed = main_text(tree, facts.tags.url or facts.jsonld.url, options.tables)
    meta = choose_meta(facts, guessed, options)
    if len(text.split()) < MIN_WORDS and facts.article_body:
        text = _lines(facts.article_body)
        if len(text.split()) >= MIN_WORDS:
            notes.append("no main text found in the page; used its JSON-LD articleBody")
    elif options.ld_body and facts.article_body and _cut_short(text, facts.article_body):
        notes.append(
            f"the main text found ({len(text.split())} words) is under {_SHORT_SHARE:.0%} of "
            f"the JSON-LD articleBody ({len(facts.article_body.split())}); used the articleBody"
        )
        text = _lines(facts.article_body)
    words = len(text.split())
    cut = _nesting(tree) >= PARSER_DEPTH
    if words < MIN_WORDS:
        if not (meta.headline and (meta.date_published or meta.authors or meta.description)):
            found = f" (only {words} word{'s' if words != 1 else ''})" if words else ""
            reason = f"no article text found in the HTML page{found}"
            return Rejected(source, f"{reason}: {_CUT}" if cut else reason)
        text = ""  # a few words of navigation are no body
        notes.append(NO_TEXT)
    if cut:
        notes.append(f"text may be missing: {_CUT}")
    return RawDocument(
        source=source,
        text=text,
        meta=meta,
        mtime=mtime,
        warnings=tuple(warnings + notes),
        main_text=True,
    )


def _lines(text: str) -> str:
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _cut_short(text: str, article_body: str) -> bool:
    """The main text is a fraction of the page's own JSON-LD articleBody: a paywall, a
    "read more" fold or a body built by script left the extractor the opening only."""
    full = len(article_body.split())
    return full >= _LD_BODY_WORDS and len(text.split()) < _SHORT_SHARE * full


def _nesting(tree: HtmlElement) -> int:
    """How deep the parsed page's elements are nested."""
    depth = deepest = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def main_text(tree: HtmlElement, url: str | None, tables: bool = True) -> tuple[str, Meta]:
    """trafilatura's main text of the page (one paragraph a line) and its metadata guesses.

    Tables are kept: on real pages they hold article text (lists, recipes, figures).
    """
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=tables,
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
