"""What a news page says about itself: its JSON-LD NewsArticle, else its meta tags.

Pages name their article in three places, read in this order of trust: the
schema.org JSON-LD the publisher embeds for search engines, the Open Graph /
``article:*`` meta tags, and what trafilatura infers from the page. Each yields
a Meta; kg.sources.meta.merge_meta lets the first that knows a field win.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator, Mapping
from typing import Any

from lxml.html import HtmlElement

from kg.model import Meta
from kg.sources.meta import http_url, merge_meta, meta_from_jsonld, meta_from_mapping

# schema.org types whose node is the page's article (CreativeWork subtypes news sites use).
_ARTICLE_TYPE = re.compile(r"(?:^|[/#:])(?:\w*Article|BlogPosting|LiveBlogPosting|Report)$")
_NEWS_TYPE = re.compile(r"NewsArticle$")
_TRAILING_COMMA = re.compile(r",(\s*[}\]])")
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|\||\band\b)\s*")


def page_meta(tree: HtmlElement) -> tuple[Meta, list[str]]:
    """Meta from the page's JSON-LD article node, then its meta tags (see module docstring)."""
    warnings: list[str] = []
    layers: list[Meta] = []
    node = jsonld_article(tree)
    if node is not None:
        node = _with_agents(node, tree)
        meta, found = meta_from_jsonld(_unescaped(node))
        layers.append(meta)
        warnings.extend(f"JSON-LD: {w}" for w in found)
    tags, found = meta_from_mapping(meta_tags(tree))
    layers.append(tags)
    warnings.extend(f"meta tags: {w}" for w in found)
    return merge_meta(*layers), warnings


def jsonld_article(tree: HtmlElement) -> Mapping[str, Any] | None:
    """The page's own (News)Article JSON-LD node: a NewsArticle first, any Article else."""
    found = [n for n in _jsonld_nodes(tree) if any(_ARTICLE_TYPE.search(t) for t in _types(n))]
    found.sort(key=lambda n: not any(_NEWS_TYPE.search(t) for t in _types(n)))
    return found[0] if found else None


def _with_agents(node: Mapping[str, Any], tree: HtmlElement) -> Mapping[str, Any]:
    """The article node with its author and publisher references ({"@id": …}) replaced by
    the nodes of that @id elsewhere in the page's JSON-LD (where their url and logo are)."""
    index = {n["@id"]: n for n in _jsonld_nodes(tree) if isinstance(n.get("@id"), str)}

    def resolved(value: Any) -> Any:
        if isinstance(value, list):
            return [resolved(v) for v in value]
        if isinstance(value, Mapping) and set(value) == {"@id"}:
            return index.get(value["@id"], value)
        return value

    return {k: resolved(v) if k in ("author", "publisher") else v for k, v in node.items()}


def _types(node: Mapping[str, Any]) -> list[str]:
    raw = node.get("@type")
    values = raw if isinstance(raw, list) else [raw]
    return [v for v in values if isinstance(v, str)]


def _jsonld_nodes(tree: HtmlElement) -> Iterator[Mapping[str, Any]]:
    for script in tree.iter("script"):
        kind = (script.get("type") or "").split(";")[0].strip().lower()
        if kind != "application/ld+json" or not script.text:
            continue
        data = _loads_lenient(script.text)
        if data is not None:
            yield from _walk(data)


def _loads_lenient(text: str) -> Any:
    """JSON as pages write it: CDATA or comment wrappers, trailing commas, junk after."""
    text = text.strip()
    for wrapper in (("<![CDATA[", "]]>"), ("<!--", "-->")):
        if text.startswith(wrapper[0]):
            text = text[len(wrapper[0]) :].removesuffix(wrapper[1]).strip()
    decoder = json.JSONDecoder(strict=False)
    for candidate in (text, _TRAILING_COMMA.sub(r"\1", text)):
        try:
            return decoder.raw_decode(candidate)[0]
        except (json.JSONDecodeError, RecursionError):
            continue
    return None


def _walk(data: Any, depth: int = 0) -> Iterator[Mapping[str, Any]]:
    """Every JSON object with a @type, through lists, @graph and mainEntity."""
    if depth > 8:
        return
    if isinstance(data, list):
        for item in data:
            yield from _walk(item, depth + 1)
    elif isinstance(data, Mapping):
        if "@type" in data:
            yield data
        for key in ("@graph", "mainEntity"):
            if key in data:
                yield from _walk(data[key], depth + 1)


def _unescaped(value: Any) -> Any:
    """JSON-LD strings with HTML entities decoded (CMSs often write "&amp;", "&#8217;")."""
    if isinstance(value, str):
        return html.unescape(value) if "&" in value else value
    if isinstance(value, list):
        return [_unescaped(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _unescaped(v) for k, v in value.items()}
    return value


# meta tag (property or name, lowercased) → the field name meta_from_mapping reads.
_TAGS = {
    "og:title": "headline",
    "twitter:title": "headline",
    "article:published_time": "datePublished",
    "og:article:published_time": "datePublished",
    "date": "datePublished",
    "article:modified_time": "dateModified",
    "og:updated_time": "dateModified",
    "og:url": "url",
    "og:site_name": "publisher",
    "og:image": "image",
    "twitter:image": "image",
    "og:description": "description",
    "description": "description",
    "article:section": "articleSection",
}
_AUTHOR_TAGS = ("author", "article:author", "byl", "dc.creator", "sailthru.author")


def meta_tags(tree: HtmlElement) -> dict[str, Any]:
    """The article's fields from <meta> tags, <link rel=canonical> and <html lang>."""
    found: dict[str, Any] = {}
    authors: list[str] = []
    for tag in tree.iter("meta"):
        name = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").lower()
        content = " ".join((tag.get("content") or "").split())
        if not name or not content:
            continue
        if name in _AUTHOR_TAGS and not http_url(content):
            authors.extend(a for a in _AUTHOR_SPLIT.split(content.removeprefix("By ")) if a)
        elif name in _TAGS and _TAGS[name] not in found:
            if name == "og:site_name" and http_url(content):
                continue  # a site name that is only the site's address names no publisher
            found[_TAGS[name]] = content
    if authors:
        found["author"] = list(dict.fromkeys(authors))
    if "url" not in found:
        for link in tree.iter("link"):
            if (link.get("rel") or "").lower() == "canonical" and http_url(link.get("href")):
                found["url"] = link.get("href")
                break
    lang = tree.get("lang") or tree.get("xml:lang")
    if lang:
        found["inLanguage"] = lang.strip()
    return {k: html.unescape(v) if isinstance(v, str) else v for k, v in found.items()}
