"""A checker of Google's Article structured-data rules, for the JSON-LD kg embeds in pages.

The rules, from Google Search Central's "Article (Article, NewsArticle, BlogPosting)
structured data" (developers.google.com/search/docs/appearance/structured-data/article):
there are no required properties; the recommended ones are

- ``author`` — a Person or an Organization, every author in its own value, with
  ``author.name`` (only the name: no title, no "By", not several people in one) and
  ``author.url`` (or ``sameAs``) linking to a page that identifies the author, and the
  type saying which it is;
- ``datePublished`` and ``dateModified`` — ISO 8601 (a date, or a date and time, for
  which a timezone is recommended);
- ``headline`` — text (long titles may be cut);
- ``image`` — repeated ImageObject or URL: the URL of an image that belongs to the
  article.

And from the general structured-data guidelines: one item per thing described (the
page's article once), and a ``publisher`` when given is an Organization with its name,
and a ``logo`` (URL or ImageObject) and ``url`` to recognise it by.

An *error* is markup that breaks a rule (a date that is an object, an image that is a
node IRI rather than an image URL, an author with two types or none, a site name typed
Person, two article items). A *warning* is a recommended property that is missing;
whether kg could have filled it is the test's business (tests/test_google.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

ARTICLE_TYPES = re.compile(r"^(?:\w*Article|BlogPosting|LiveBlogPosting|Report)$")
AGENT_TYPES = ("Person", "Organization")
HEADLINE_MAX = 110


@dataclass(frozen=True, order=True)
class Finding:
    level: str  # "error" or "warning"
    property: str  # "image", "author.url", …
    message: str


def _nodes(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, list):
        for item in value:
            yield from _nodes(item)
    elif isinstance(value, dict):
        if "@type" in value or len(value) > 1:
            yield value
        for key, item in value.items():
            if key != "@context":
                yield from _nodes(item)


def _types(node: dict[str, Any]) -> list[str]:
    raw = node.get("@type")
    return [t for t in (raw if isinstance(raw, list) else [raw]) if isinstance(t, str)]


def _values(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value is None else [value]


def _http(value: Any) -> bool:
    return isinstance(value, str) and urlsplit(value).scheme in ("http", "https")


class Markup:
    """The JSON-LD documents of one page, read as one graph of nodes by @id."""

    def __init__(self, docs: list[Any]) -> None:
        self.nodes = [n for doc in docs for n in _nodes(doc)]
        self.by_id: dict[str, dict[str, Any]] = {}
        for node in self.nodes:
            iri = node.get("@id")
            if isinstance(iri, str):
                merged = self.by_id.setdefault(iri, {})
                for key, value in node.items():
                    merged.setdefault(key, value)

    def resolve(self, value: Any) -> Any:
        """A node object for a reference ({"@id"} or an IRI string naming a node)."""
        if isinstance(value, dict) and isinstance(value.get("@id"), str):
            return self.by_id.get(value["@id"], value)
        if isinstance(value, str) and value in self.by_id:
            return self.by_id[value]
        return value

    def articles(self) -> list[dict[str, Any]]:
        found: dict[str, dict[str, Any]] = {}
        for node in self.nodes:
            if any(ARTICLE_TYPES.match(t) for t in _types(node)):
                found.setdefault(str(node.get("@id", id(node))), node)
        return list(found.values())


def check(docs: list[Any], page_url: str | None = None) -> list[Finding]:
    """Every finding of Google's Article rules on the JSON-LD ``docs`` of one page."""
    markup = Markup(docs)
    out: list[Finding] = []
    for node in markup.nodes:
        if isinstance(node.get("@type"), list) and len(set(node["@type"])) > 1:
            out.append(Finding("error", "@type", f"{node.get('@id')} has types {node['@type']}"))
    articles = markup.articles()
    if len(articles) != 1:
        out.append(Finding("error", "@type", f"{len(articles)} article items, not one"))
    for article in articles[:1]:
        out += _headline(article)
        for prop in ("datePublished", "dateModified"):
            out += _date(article, prop)
        out += _images(markup, article)
        publisher = markup.resolve(article.get("publisher"))
        out += _authors(markup, article, publisher, page_url or article.get("url"))
        if publisher is not None:
            out += _publisher(markup, publisher)
    return sorted(set(out))


def _headline(article: dict[str, Any]) -> list[Finding]:
    value = article.get("headline")
    if value is None:
        return [Finding("warning", "headline", "no headline")]
    if not isinstance(value, str) or not value.strip():
        return [Finding("error", "headline", f"headline is not text: {value!r}")]
    if len(value) > HEADLINE_MAX:
        return [Finding("warning", "headline.length", f"longer than {HEADLINE_MAX}")]
    return []


def _date(article: dict[str, Any], prop: str) -> list[Finding]:
    values = _values(article.get(prop))
    if not values:
        return [Finding("warning", prop, f"no {prop}")]
    if len(values) > 1:
        return [Finding("error", prop, f"{len(values)} values")]
    value = values[0]
    if not isinstance(value, str):
        return [Finding("error", prop, f"not an ISO 8601 string: {value!r}")]
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return [Finding("error", prop, f"not ISO 8601: {value!r}")]
    if "T" in value and parsed.tzinfo is None:
        return [Finding("warning", f"{prop}.timezone", f"no timezone: {value!r}")]
    return []


def _images(markup: Markup, article: dict[str, Any]) -> list[Finding]:
    values = _values(article.get("image"))
    if not values:
        return [Finding("warning", "image", "no image")]
    out = []
    for value in values:
        if isinstance(value, str):
            if value in markup.by_id or not _http(value):
                out.append(Finding("error", "image", f"{value!r} is not an image URL"))
            continue
        node = markup.resolve(value)
        url = node.get("url") or node.get("contentUrl") if isinstance(node, dict) else None
        if not _http(url):
            out.append(Finding("error", "image", f"an ImageObject without a url: {node!r}"))
    return out


def _one_type(node: Any, what: str) -> list[Finding]:
    types = _types(node) if isinstance(node, dict) else []
    if len(types) != 1 or types[0] not in AGENT_TYPES:
        return [Finding("error", f"{what}.@type", f"not one Person or Organization: {types}")]
    return []


def _site_names(publisher: Any, url: Any) -> set[str]:
    names = set()
    if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
        names.add(publisher["name"].casefold())
    host = urlsplit(url).hostname if isinstance(url, str) else None
    if host:
        names |= {host.casefold(), host.removeprefix("www.").casefold()}
    return names


def _authors(markup: Markup, article: dict[str, Any], publisher: Any, url: Any) -> list[Finding]:
    values = _values(article.get("author"))
    if not values:
        return [Finding("warning", "author", "no author")]
    out = []
    for value in values:
        node = markup.resolve(value)
        out += _one_type(node, "author")
        if not isinstance(node, dict):
            continue
        name = node.get("name")
        if not isinstance(name, str) or not name.strip():
            out.append(Finding("error", "author.name", f"an author with no name: {node!r}"))
            continue
        person = _types(node) == ["Person"]
        if person and name.casefold() in _site_names(publisher, url):
            out.append(Finding("error", "author.@type", f"the site {name!r} typed Person"))
        if person and (name.lower().startswith("by ") or " and " in name or "," in name):
            out.append(Finding("error", "author.name", f"not one person's name: {name!r}"))
        if not (_http(node.get("url")) or any(_http(v) for v in _values(node.get("sameAs")))):
            out.append(Finding("warning", "author.url", f"no url or sameAs for {name!r}"))
    return out


def _publisher(markup: Markup, publisher: Any) -> list[Finding]:
    out = _one_type(publisher, "publisher")
    if not isinstance(publisher, dict):
        return out
    if not isinstance(publisher.get("name"), str) or not publisher["name"].strip():
        out.append(Finding("error", "publisher.name", "a publisher with no name"))
    logo = markup.resolve(publisher.get("logo"))
    if logo is None:
        out.append(Finding("warning", "publisher.logo", "no logo"))
    elif not (_http(logo) or (isinstance(logo, dict) and _http(logo.get("url")))):
        out.append(Finding("error", "publisher.logo", f"not a URL or ImageObject: {logo!r}"))
    if not _http(publisher.get("url")):
        out.append(Finding("warning", "publisher.url", "no url"))
    return out
