"""What a news page says about itself, source by source (kg.sources.precedence chooses).

A page names its article's fields in several places: the schema.org JSON-LD the
publisher embeds for search engines (kg.sources.pageld), the Open Graph /
``article:*`` / ``<meta name=author>`` tags, its ``<title>`` and ``<h1>``, and
what it shows readers around the headline (kg.sources.pagehead). This module
reads each of them into a :class:`PageFacts`, one value per source and field.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from lxml.html import HtmlElement

from kg.model import Meta
from kg.sources.meta import http_url, meta_from_jsonld, meta_from_mapping
from kg.sources.pagehead import Head, HeadRules, headline_element, read_head
from kg.sources.pageld import PageGraph, article_node, node_url, page_graph, page_node
from kg.sources.titles import Site, TitleSources, choose_title, parts
from kg.sources.titles import key as title_key

_AUTHOR_SPLIT = re.compile(r"\s*(?:;|\||\band\b)\s*")


@dataclass(frozen=True)
class PageOptions:
    """Which page-reading mechanisms run: all of them in a build; bench/pages.py turns
    each off in turn to measure what it is worth."""

    jsonld_graph: bool = True  # @id references, nested nodes, the node of the page's url
    title_confirm: bool = True  # an h1 confirmed by a metadata title is the headline
    site_names: bool = True  # the site's name is cut from titles and is no person
    head_byline: bool = True  # names shown around the headline
    head_date: bool = True  # the date shown around the headline
    url_date: bool = True  # the day a permalink names ("/2017/7/12/…")
    unlabelled_edit: bool = True  # a shown day that is only dateModified, unlabelled, yields
    labelled_date: bool = True  # "Updated <date>" further below the headline, before htmldate
    article_item: bool = True  # microdata authors of the item that holds the headline only
    desk_names: bool = True  # "News Desk", "<site> Staff" are organisations, never people
    agreeing_date: bool = True  # of the shown dates, the one the metadata confirms
    title_site: bool = True  # "<og:title> | X" as the <title>: X is the site's name
    longer_h1: bool = True  # of h1s the metadata confirms equally, the longer
    credit_lines: bool = True  # "Photo by A", "Reviewed by A" are no byline
    tables: bool = True  # tables in the main text
    listed_bylines: bool = True  # "By <a>A</a>, <a>B</a> and <a>C</a>": all of its names
    author_links: bool = True  # a link to an author's page near the headline names one
    ld_headline: bool = True  # of several JSON-LD articles, the one whose headline is shown
    host_names: bool = True  # a headline that starts with the host's name is no site name
    teaser_dates: bool = True  # a day shown only above the headline needs the page's metadata
    teasers: bool = True  # above the headline, a byline in a link with a heading is none
    ld_body: bool = True  # a main text under half the JSON-LD articleBody yields to it
    byline_parts: bool = True  # "A AND B", "A in Castlow", a role in an element of its own
    ambiguous_dates: bool = True  # "5/3/2021" read the other way needs the page's metadata


@dataclass(frozen=True)
class PageFacts:
    """Each source's view of the article (empty where a source says nothing)."""

    jsonld: Meta = field(default_factory=Meta)  # the article node
    microdata_authors: tuple[Any, ...] = ()  # itemprop=author of the page's article
    webpage: Meta = field(default_factory=Meta)  # the WebPage node
    tags: Meta = field(default_factory=Meta)  # meta tags, canonical link, <html lang>
    headline: str | None = None  # as kg.sources.titles chooses it
    head: Head = field(default_factory=Head)
    site: Site = field(default_factory=Site)
    article_body: str | None = None  # the JSON-LD articleBody
    warnings: tuple[str, ...] = ()


def read_page(tree: HtmlElement, options: PageOptions) -> PageFacts:
    """Every source's facts about the page's article (see the module docstring)."""
    warnings: list[str] = []
    graph = page_graph(tree, deep=options.jsonld_graph)
    tag_fields = meta_tags(tree)
    tags, found = meta_from_mapping(tag_fields)
    warnings.extend(f"meta tags: {w}" for w in found)
    shown = (
        (_title_element(tree) or "", tag_fields.get("og:title") or "", *_h1s(tree))
        if options.ld_headline
        else ()
    )
    node = article_node(graph, tags.url if options.jsonld_graph else None, shown)
    jsonld, body = Meta(), None
    if node is not None:
        jsonld, found = meta_from_jsonld(_with_references(node, graph))
        warnings.extend(f"JSON-LD: {w}" for w in found)
        body = node.get("articleBody") if isinstance(node.get("articleBody"), str) else None
    page = page_node(graph)
    webpage = (
        meta_from_mapping({k: page[k] for k in ("datePublished", "dateModified") if k in page})[0]
        if page
        else Meta()
    )
    site = (
        _site(tree, graph, tag_fields, jsonld, tags, options.title_site, options.host_names)
        if options.site_names
        else Site()
    )
    titles = TitleSources(
        jsonld=jsonld.headline,
        og=tag_fields.get("og:title"),
        twitter=tag_fields.get("twitter:title"),
        title=_title_element(tree),
        h1=_h1s(tree),
    )
    headline = choose_title(titles, site, options.title_confirm, options.longer_h1)
    month_first = _month_first(tags.in_language or jsonld.in_language)
    anchor = headline_element(tree, headline) if headline else None
    rules = _head_rules(options)
    head = read_head(tree, headline, month_first, anchor, rules) if anchor is not None else Head()
    own = anchor if options.article_item else None
    microdata = (
        tuple(microdata_authors(tree, own, options.article_item)) if options.jsonld_graph else ()
    )
    return PageFacts(jsonld, microdata, webpage, tags, headline, head, site, body, tuple(warnings))


# Items that are a page's article (a Review or Comment item is a reader's).
_WORK_TYPE = re.compile(r"schema\.org/(?:\w*Article|\w*Posting|Report|Recipe)$")


def microdata_authors(
    tree: HtmlElement, anchor: HtmlElement | None = None, own: bool = False
) -> list[Any]:
    """Authors the page marks up as microdata of its article (``itemprop="author"``).

    Only those whose item is an article: a comment's author is marked up the same
    way, inside the comment's own item or in none. With ``own``, only the article
    items that hold the headline element ``anchor`` (else those that are no other
    item's citation, review or related link): a page marks up the works it cites and
    the teasers it lists as articles too, each with its authors.
    """
    found: list[Any] = []
    items = _author_items(tree)
    if own:
        items = _own_items(items, anchor)
    for el, _ in items:
        name = el.xpath(".//*[@itemprop='name']")
        text = (name[0].get("content") or name[0].text_content()) if name else el.text_content()
        text = " ".join((el.get("content") or text or "").split())
        if text and len(text.split()) <= 8:
            kind = (el.get("itemtype") or "").rstrip("/").rsplit("/", 1)[-1]
            found.append({"@type": kind, "name": text} if kind else {"name": text})
    return found


# An item under one of these is another work the article points to, not the article.
_POINTED = frozenset(
    [
        "citation",
        "review",
        "comment",
        "mentions",
        "isbasedon",
        "relatedlink",
        "significantlink",
        "subjectof",
        "workexample",
        "exampleofwork",
        "ispartof",
    ]
)


def _author_items(tree: HtmlElement) -> list[tuple[HtmlElement, HtmlElement]]:
    """(author element, its article item), in document order."""
    found = []
    for el in tree.xpath("//*[contains(concat(' ', @itemprop, ' '), ' author ')]"):
        scope = next((a for a in el.iterancestors() if a.get("itemscope") is not None), None)
        if scope is not None and _WORK_TYPE.search((scope.get("itemtype") or "").rstrip("/")):
            found.append((el, scope))
    return found


def _own_items(
    items: list[tuple[HtmlElement, HtmlElement]], anchor: HtmlElement | None
) -> list[tuple[HtmlElement, HtmlElement]]:
    """The authors of the items holding the headline, else of items that no other points to."""
    if anchor is not None:
        holding = {id(a) for a in anchor.iterancestors()} | {id(anchor)}
        mine = [(el, scope) for el, scope in items if id(scope) in holding]
        if mine:
            return mine
    return [
        (el, scope)
        for el, scope in items
        if not {p.casefold() for p in (scope.get("itemprop") or "").split()} & _POINTED
    ]


def _month_first(language: str | None) -> bool:
    """Whether the page writes numeric dates month first (US English; unknown: English)."""
    code = (language or "en").lower().replace("_", "-")
    return code in ("en", "en-us")


def _with_references(node: Mapping[str, Any], graph: PageGraph) -> dict[str, Any]:
    """The node with its author, publisher and image references resolved."""
    out = dict(node)
    for key in ("author", "publisher", "image"):
        if key in out:
            values = graph.resolve_all(out[key])
            out[key] = values if isinstance(out[key], list) else (values[0] if values else None)
    if not http_url(out.get("url")) and node_url(node):
        out["url"] = node_url(node)
    return out


def jsonld_article(tree: HtmlElement) -> Mapping[str, Any] | None:
    """The page's own (News)Article JSON-LD node: a NewsArticle first, any Article else."""
    return article_node(page_graph(tree, deep=True))


def _site(
    tree: HtmlElement,
    graph: PageGraph,
    tags: Mapping[str, Any],
    jsonld: Meta,
    meta: Meta,
    site_from_title: bool = True,
    name_shaped: bool = True,
) -> Site:
    names: list[str | None] = [tags.get("og:site_name"), tags.get("application-name")]
    names.append(jsonld.publisher.name if jsonld.publisher else None)
    names.extend(
        n.get("name")
        for n in graph.nodes
        if "WebSite" in str(n.get("@type")) and isinstance(n.get("name"), str)
    )
    if site_from_title:
        shorter = [tags.get("og:title"), tags.get("twitter:title"), jsonld.headline]
        names.extend(title_site(_title_element(tree), shorter))
    return Site.of(names, [meta.url, jsonld.url], name_shaped)


def title_site(title: str | None, shorter: list[str | None]) -> list[str]:
    """The site's name as the <title> adds it to a shorter title of the same page:
    "Pier to be rebuilt | Arvel Courier" beside the og:title "Pier to be rebuilt"."""
    pieces = parts(title or "")
    if len(pieces) < 2:
        return []
    found = []
    for other in (title_key(t) for t in shorter if t):
        for rest, name in ((pieces[:-1], pieces[-1]), (pieces[1:], pieces[0])):
            # A site's name is the shorter side ("Arvel Courier" as the og:title is the
            # site's name itself, not the article's title).
            words = len(name.split())
            if other == title_key("".join(rest)) and words < len(" ".join(rest).split()):
                found.append(name)
    return found


def _head_rules(options: PageOptions) -> HeadRules:
    return HeadRules(
        options.credit_lines,
        options.listed_bylines,
        options.author_links,
        options.teasers,
        options.byline_parts,
    )


def _h1s(tree: HtmlElement) -> tuple[str, ...]:
    return tuple(" ".join(h.text_content().split()) for h in tree.iter("h1"))


def _title_element(tree: HtmlElement) -> str | None:
    title = tree.find(".//title")
    text = " ".join(title.text_content().split()) if title is not None else ""
    return text or None


# meta tag (property or name, lowercased) → the field name meta_from_mapping reads.
_TAGS = {
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
# Kept as they are, for the title and the site's name.
_RAW_TAGS = ("og:title", "twitter:title", "og:site_name", "application-name")
_AUTHOR_TAGS = (
    "author",
    "article:author",
    "byl",
    "dc.creator",
    "sailthru.author",
    "parsely-author",
)


def meta_tags(tree: HtmlElement) -> dict[str, Any]:
    """The article's fields from <meta> tags, <link rel=canonical> and <html lang>.

    Fields under the names meta_from_mapping reads, plus the raw og:title,
    twitter:title, og:site_name and application-name.
    """
    found: dict[str, Any] = {}
    authors: list[str] = []
    for tag in tree.iter("meta"):
        name = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").lower()
        content = " ".join((tag.get("content") or "").split())
        if not name or not content:
            continue
        if name in _AUTHOR_TAGS and not http_url(content) and not content.startswith("@"):
            authors.extend(a for a in _AUTHOR_SPLIT.split(content.removeprefix("By ")) if a)
        elif name in _RAW_TAGS and name not in found:
            if name in ("og:site_name", "application-name") and http_url(content):
                continue  # a site name that is only the site's address names no publisher
            found[name] = content
        if name in _TAGS and _TAGS[name] not in found:
            if name == "og:site_name" and http_url(content):
                continue
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
