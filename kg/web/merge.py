"""kg's article block in a page that already has its own: one NewsArticle, never two.

A news page usually carries the publisher's NewsArticle JSON-LD. Adding kg's block
beside it would give search engines two items for one article. So the page's own
article node (the node whose @id is kg's IRI, or an Article-typed node whose @id,
url or mainEntityOfPage is the article's url, or that names no other page) is
*replaced* by kg's, and what it says that kg does not is kept:

- kg's values win for every property kg publishes (kg read the page's metadata
  and wrote it the way search engines ask);
- every other property of the page's node is copied into kg's article node, so the
  block carries it too (a wordCount, isAccessibleForFree, a speakable …), unless it
  is one search engines check and its value would fail them (a date that is not
  ISO 8601, an author with no name): that one is left out, with a warning;
- in the page's own block the node is cut down to ``{"@id": kg's IRI}`` and those
  kept properties, with no @type (so it is no second item), and references to its
  old @id follow it; a block left empty is removed.

Running ``kg embed`` again finds the cut-down node by kg's IRI and gives the same
page. A block that is not JSON, even read leniently, is left as it is, with a
warning naming its line: search engines cannot read it either.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urldefrag, urljoin

from kg.web.embed import script_element, script_json
from kg.web.inject import (
    DataScript,
    decode_page,
    encode_page,
    insert_block,
    page_scripts,
    whole_line,
)

_ARTICLE_TYPE = re.compile(r"(?:^|[/#:])(?:\w*Article|BlogPosting|LiveBlogPosting|Report)$")
_TRAILING_COMMA = re.compile(r",(\s*[}\]])")
_SCHEMA_CONTEXT = re.compile(r"^https?://schema\.org/?$")
_LOOKS_LIKE_ARTICLE = re.compile(r'"@type"\s*:\s*\[?\s*"[^"]*(?:Article|BlogPosting)"')
# What search engines check on an article, and kg reads from the page: a page's value
# for one of these that would fail the check is not copied into kg's block.
CHECKED = frozenset({"headline", "datePublished", "dateModified", "image", "author", "publisher"})
_KEYWORDS = ("@id", "@type", "@context")


@dataclass
class Embedded:
    """A page with kg's block in it, and what kg has to say about the page's own blocks."""

    page: bytes
    warnings: list[str] = field(default_factory=list)


def embed_article(page: bytes, doc: dict[str, Any]) -> Embedded:
    """``page`` with ``doc`` (kg's block of one article) merged in (see the module
    docstring); ``doc``'s article node is enriched in place with the page's extras."""
    text = decode_page(page)
    article = doc["@graph"][0]
    warnings: list[str] = []
    edits = []
    for script in page_scripts(text):
        edit = _merge_script(text, script, article, warnings)
        if edit is not None:
            edits.append(edit)
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return Embedded(encode_page(insert_block(text, script_element(doc))), warnings)


@dataclass
class _Merge:
    ours: dict[str, Any]  # kg's article node
    line: int
    warnings: list[str]
    found: int = 0
    renamed: dict[str, str] = field(default_factory=dict)

    @property
    def iri(self) -> str:
        return str(self.ours["@id"])

    @property
    def url(self) -> str | None:
        value = self.ours.get("url")
        return value if isinstance(value, str) else None


def _merge_script(
    page: str, script: DataScript, ours: dict[str, Any], warnings: list[str]
) -> tuple[int, int, str] | None:
    """The edit that takes kg's article out of one of the page's blocks, if it is there."""
    line = script.line(page)
    content = page[script.content_start : script.content_end]
    data, problem = load_lenient(content)
    if data is None:
        message = (
            f"line {line}: the page's own JSON-LD is not JSON ({problem}): search engines "
            "cannot read it, and kg left it as it is"
        )
        if _LOOKS_LIKE_ARTICLE.search(content):
            message += "; it seems to describe the article too: fix it or remove it"
        warnings.append(message)
        return None
    merge = _Merge(ours, line, warnings)
    _walk(data, merge, main=True, schema=False)
    if not merge.found:
        if problem:
            warnings.append(
                f"line {line}: the page's own JSON-LD is not valid JSON ({problem}); "
                "kg left it as it is"
            )
        return None
    if problem:
        warnings.append(
            f"line {line}: the page's own JSON-LD was not valid JSON ({problem}): kg merged "
            "its article into kg's block and wrote the rest out as valid JSON"
        )
    data = _rename(data, merge.renamed)
    kept = _prune(data)
    if kept is None:
        start, end = whole_line(page, script.start, script.end)
        return start, end, ""
    return script.content_start, script.content_end, "\n" + script_json(kept) + "\n"


def load_lenient(text: str) -> tuple[Any, str | None]:
    """JSON as pages write it (CDATA or comment wrappers, trailing commas, junk after the
    first value): (the value or None, what was wrong with it as strict JSON, or None)."""
    text = text.strip()
    for opening, closing in (("<![CDATA[", "]]>"), ("<!--", "-->")):
        if text.startswith(opening):
            text = text[len(opening) :].removesuffix(closing).strip()
    try:
        return json.loads(text), None
    except json.JSONDecodeError as e:
        problem = f"{e.msg} at line {e.lineno} column {e.colno}"
    except RecursionError:
        return None, "nested too deep"
    decoder = json.JSONDecoder(strict=False)
    for candidate in (text, _TRAILING_COMMA.sub(r"\1", text)):
        try:
            return decoder.raw_decode(candidate)[0], problem
        except (json.JSONDecodeError, RecursionError):
            continue
    return None, problem


def _walk(value: Any, merge: _Merge, *, main: bool, schema: bool) -> None:
    if isinstance(value, list):
        for item in value:
            _walk(item, merge, main=main, schema=schema)
        return
    if not isinstance(value, dict):
        return
    context = value.get("@context")
    if isinstance(context, str):
        schema = bool(_SCHEMA_CONTEXT.match(context))
    if _is_ours(value, merge, main=main):
        _stub(value, merge, schema=schema)
        return
    for key, item in value.items():
        if key != "@context":
            _walk(item, merge, main=main and key == "@graph", schema=schema)


def _is_ours(node: dict[str, Any], merge: _Merge, *, main: bool) -> bool:
    """Is this node the page's description of kg's article (see the module docstring)?"""
    if _resolve(node.get("@id"), merge.url) == merge.iri:
        return True
    types = node.get("@type")
    names = types if isinstance(types, list) else [types]
    if not any(isinstance(t, str) and _ARTICLE_TYPE.search(t) for t in names):
        return False
    page = node.get("mainEntityOfPage")
    if isinstance(page, dict):
        page = page.get("@id") or page.get("url")
    places = [v for v in (node.get("@id"), node.get("url"), page) if isinstance(v, str)]
    if merge.url is None or not places:
        return main  # nothing says it is another page's article
    return any(_same_page(_resolve(p, merge.url), merge.url) for p in places)


def _resolve(value: Any, base: str | None) -> str | None:
    if not isinstance(value, str):
        return None
    return urljoin(base, value) if base else value


def _same_page(a: str | None, b: str) -> bool:
    return a is not None and urldefrag(a).url.rstrip("/") == urldefrag(b).url.rstrip("/")


def _stub(node: dict[str, Any], merge: _Merge, *, schema: bool) -> None:
    """Cut the page's node down to kg's IRI and what kg does not say; copy that to kg's."""
    merge.found += 1
    old = node.get("@id")
    kept: dict[str, Any] = {}
    for key, value in node.items():
        if key in _KEYWORDS or key in merge.ours:
            continue
        if key in CHECKED and not _clean(key, value):
            merge.warnings.append(
                f"line {merge.line}: the page's own {key} {_short(value)} is not what search "
                "engines accept: left out"
            )
            continue
        kept[key] = value
    context = node.get("@context")
    node.clear()
    if context is not None:
        node["@context"] = context
    node["@id"] = merge.iri
    node.update(kept)
    if schema:  # the terms mean what they mean in kg's block only under schema.org's context
        for key, value in kept.items():
            merge.ours.setdefault(key, value)
    if isinstance(old, str) and old != merge.iri:
        merge.renamed[old] = merge.iri


def _clean(key: str, value: Any) -> bool:
    values = value if isinstance(value, list) else [value]
    if not values:
        return False
    if key in ("datePublished", "dateModified"):
        return all(isinstance(v, str) and _iso(v) for v in values)
    if key == "image":
        return all(_image(v) for v in values)
    if key in ("author", "publisher"):
        return all(_agent(v) for v in values)
    return all(isinstance(v, str) and v.strip() for v in values)  # headline


def _iso(value: str) -> bool:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _http(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(("http://", "https://"))


def _image(value: Any) -> bool:
    if isinstance(value, dict):
        return _http(value.get("url")) or _http(value.get("contentUrl"))
    return _http(value)


def _agent(value: Any) -> bool:
    if not isinstance(value, dict):
        return False
    kind, name = value.get("@type"), value.get("name")
    typed = isinstance(kind, str) and (kind == "Person" or kind.endswith("Organization"))
    return typed and isinstance(name, str) and bool(name.strip())


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:59] + "…"


def _rename(value: Any, renamed: dict[str, str]) -> Any:
    """References to the page's old @id of the article, made to kg's IRI."""
    if not renamed:
        return value
    if isinstance(value, list):
        return [_rename(v, renamed) for v in value]
    if isinstance(value, dict):
        out = {k: _rename(v, renamed) for k, v in value.items()}
        if isinstance(out.get("@id"), str) and out["@id"] in renamed:
            out["@id"] = renamed[out["@id"]]
        return out
    return value


def _empty(value: Any) -> bool:
    return isinstance(value, dict) and set(value) <= {"@id", "@context"} and "@id" in value


def _prune(value: Any) -> Any:
    """The page's block without the cut-down nodes that kept nothing; None when empty."""
    if _empty(value):
        return None
    if isinstance(value, list):
        items = [v for v in (_prune_item(i) for i in value) if v is not None]
        return items or None
    if isinstance(value, dict) and isinstance(value.get("@graph"), list):
        graph = [v for v in (_prune_item(i) for i in value["@graph"]) if v is not None]
        if not graph and set(value) <= {"@context", "@graph"}:
            return None
        return {**value, "@graph": graph}
    return value


def _prune_item(value: Any) -> Any:
    return None if _empty(value) else _prune(value) if isinstance(value, dict | list) else value
