"""The page's own schema.org JSON-LD: every node, references resolved, the article chosen.

Publishers embed JSON-LD for search engines in many shapes: one object, a list,
an ``@graph`` whose article names its author only by ``{"@id": …}`` (the Person
is another node of the graph), nested ``mainEntity`` objects, subtypes of
NewsArticle or of Article, several articles on one page (the page's own and
teasers of others). This module reads them all into plain dicts and picks the
node that is the page's article: the best-ranked type, and among equals the one
whose url is the page's own.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from lxml.html import HtmlElement

_TRAILING_COMMA = re.compile(r",(\s*[}\]])")
_MAX_DEPTH = 12

# Ranks of the node that stands for the page's article (lower is better).
_NEWS = re.compile(r"(?:^|[/#:])\w*NewsArticle$|(?:^|[/#:])ReportageNews$")
_ARTICLE = re.compile(
    r"(?:^|[/#:])(?:\w*Article|BlogPosting|LiveBlogPosting|Report|SocialMediaPosting|"
    r"DiscussionForumPosting|Posting)$",
    re.I,
)
# Other works a page can be about whose node carries the same fields (name, author, dates).
_WORK = re.compile(r"(?:^|[/#:])(?:Recipe|Review|HowTo|CreativeWork|Blog|Question)$")
_PAGE = re.compile(r"(?:^|[/#:])\w*WebPage$")


@dataclass(frozen=True)
class PageGraph:
    """Every typed node of the page's JSON-LD and an index of the nodes by @id."""

    nodes: tuple[Mapping[str, Any], ...]
    by_id: Mapping[str, Mapping[str, Any]]
    deep: bool = True  # references are resolved (off: the bench's ablation)

    def resolve(self, value: Any) -> Any:
        """``value``, or the node it refers to when it is only ``{"@id": …}``."""
        if self.deep and isinstance(value, Mapping) and "@id" in value and "name" not in value:
            target = self.by_id.get(str(value["@id"]))
            if target is not None:
                return target
        return value

    def resolve_all(self, value: Any) -> list[Any]:
        """A property value as a list of values, references resolved."""
        items = value if isinstance(value, list) else [value]
        return [self.resolve(v) for v in items if v not in (None, "", [])]


def page_graph(tree: HtmlElement, deep: bool = True) -> PageGraph:
    """The JSON-LD nodes of every ``application/ld+json`` script of the page.

    ``deep`` off reads only top-level, ``@graph`` and ``mainEntity`` nodes and
    resolves no references (the bench's ablation of this module).
    """
    nodes: list[Mapping[str, Any]] = []
    for script in tree.iter("script"):
        kind = (script.get("type") or "").split(";")[0].strip().lower()
        if kind != "application/ld+json" or not script.text:
            continue
        data = _loads_lenient(script.text)
        if data is not None:
            nodes.extend(_walk(unescaped(data), 0, deep))
    by_id: dict[str, Mapping[str, Any]] = {}
    for node in nodes:
        key = node.get("@id")
        # The first full description of an id wins; later mentions are often bare references.
        if isinstance(key, str) and (key not in by_id or len(node) > len(by_id[key])):
            by_id[key] = node
    return PageGraph(tuple(nodes), by_id, deep)


def types(node: Mapping[str, Any]) -> list[str]:
    raw = node.get("@type")
    values = raw if isinstance(raw, list) else [raw]
    return [v for v in values if isinstance(v, str)]


def _rank(node: Mapping[str, Any]) -> int | None:
    kinds = types(node)
    for rank, pattern in enumerate((_NEWS, _ARTICLE, _WORK)):
        if any(pattern.search(t) for t in kinds):
            return rank
    return None


def article_node(
    graph: PageGraph, page_url: str | None = None, titles: tuple[str, ...] = ()
) -> Mapping[str, Any] | None:
    """The node that describes the page's article (see the module docstring), else None.

    Without a node of the page's own url, of the nodes of the best type the one whose
    headline one of ``titles`` (the page's <title>, og:title, h1s) shows is the page's; a
    teaser's is another page's.
    """
    ranked = [(r, i, n) for i, n in enumerate(graph.nodes) if (r := _rank(n)) is not None]
    if not ranked:
        return None
    own = [x for x in ranked if page_url and _same_page(node_url(x[2]), page_url)]
    best = min(x[0] for x in ranked)
    if not own and titles:
        # Only among nodes of the best type: a Blog node named after the site is in the
        # <title> too.
        shown = [_fold(t) for t in titles if t]
        own = [x for x in ranked if x[0] == best and _shown_headline(x[2], shown)]
    return min(own or ranked, key=lambda x: (x[0], x[1]))[2]


_MIN_HEADLINE = 12  # characters of a folded headline that can be told from another


def _fold(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def _shown_headline(node: Mapping[str, Any], shown: list[str]) -> bool:
    """The node's headline (or name) is one the page shows in a title or an h1."""
    value = node.get("headline") or node.get("name")
    mine = _fold(value) if isinstance(value, str) else ""
    return len(mine) >= _MIN_HEADLINE and any(mine in t for t in shown)


def page_node(graph: PageGraph) -> Mapping[str, Any] | None:
    """The WebPage node, which often carries the dates when no article node does."""
    return next((n for n in graph.nodes if any(_PAGE.search(t) for t in types(n))), None)


def node_url(node: Mapping[str, Any]) -> str | None:
    """The node's url, else the @id of the page it is the main entity of."""
    url = node.get("url")
    if isinstance(url, str):
        return url
    page = node.get("mainEntityOfPage")
    if isinstance(page, Mapping):
        page = page.get("@id") or page.get("url")
    return page if isinstance(page, str) else None


def _same_page(a: str | None, b: str) -> bool:
    def bare(u: str) -> str:
        return (
            u.split("#")[0].split("?")[0].rstrip("/").removeprefix("https:").removeprefix("http:")
        )

    return a is not None and bare(a) == bare(b)


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


def _walk(data: Any, depth: int, deep: bool) -> Iterator[Mapping[str, Any]]:
    """Every JSON object with a @type, at any depth (lists, @graph, nested properties)."""
    if depth > _MAX_DEPTH:
        return
    if isinstance(data, list):
        for item in data:
            yield from _walk(item, depth + 1, deep)
    elif isinstance(data, Mapping):
        if "@type" in data:
            yield data
        for key, value in data.items():
            if isinstance(value, list | Mapping) and (deep or key in ("@graph", "mainEntity")):
                yield from _walk(value, depth + 1, deep)


def unescaped(value: Any) -> Any:
    """JSON-LD strings with HTML entities decoded (CMSs often write "&amp;", "&#8217;")."""
    if isinstance(value, str):
        return html.unescape(value) if "&" in value else value
    if isinstance(value, list):
        return [unescaped(v) for v in value]
    if isinstance(value, Mapping):
        return {k: unescaped(v) for k, v in value.items()}
    return value
