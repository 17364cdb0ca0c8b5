"""HTML pages of the Linked Data site: one per article, person, place, organisation, event.

Plain HTML5 with a small inline stylesheet: no script (but the JSON-LD block),
no web font, no CDN. Each page's URL is its IRI; links between pages are
relative, so the site works at any host that serves ``NAME.html`` for ``NAME``
(kg serve, GitHub Pages, nginx ``try_files $uri.html``).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from html import escape

from kg.link.iris import KINDS
from kg.rdf import formats
from kg.rdf.namespaces import SCHEMA
from kg.web import svg
from kg.web.describe import Describer, Description, schema_only
from kg.web.embed import article_jsonld, page_graph, script_element

KIND_TITLES = {
    "article": "Articles",
    "person": "People",
    "place": "Places",
    "organization": "Organisations",
    "event": "Events",
}
_S = str(SCHEMA)
# predicate local name → (label of the link, label of the link seen from its object)
LINK_LABELS = {
    "author": ("Author", "Author of"),
    "publisher": ("Publisher", "Publisher of"),
    "sourceOrganization": ("Source", "Source of"),
    "about": ("About", "Subject of"),
    "mentions": ("Mentions", "Mentioned in"),
    "contentLocation": ("Place", "Place of"),
    "locationCreated": ("Reported from", "Dateline of"),
    "nationality": ("Nationality", "Nationality of"),
    "affiliation": ("Affiliation", "Members"),
    "containedInPlace": ("In", "Contains"),
    "attendee": ("Attendees", "Attended"),
    "location": ("Location", "Events here"),
    "organizer": ("Organiser", "Organised"),
    "subjectOf": ("Reported in", "Reports"),
    "isPartOf": ("Part of", "Has part"),
    "additionalType": ("Type", "Type of"),
    "sameAs": ("Same as", "Same as"),
    "url": ("Web page", "Web page of"),
    "mainEntityOfPage": ("Page", "Main entity of"),
    "wasDerivedFrom": ("Source text", "Source of"),
}
FACT_LABELS = {
    "alternateName": "Also known as",
    "jobTitle": "Job title",
    "datePublished": "Published",
    "dateModified": "Modified",
    "startDate": "Date",
    "endDate": "Until",
    "dateline": "Dateline",
    "articleSection": "Section",
    "inLanguage": "Language",
    "description": "Summary",
    "identifier": "Identifier",
}
_HIDDEN = {f"{_S}name", f"{_S}headline", f"{_S}articleBody", f"{_S}commentCount"}
_NOT_LINKS = {f"{_S}image", f"{_S}comment", f"{_S}geo"}
MAX_LINKS = 200  # per group on a page; the RDF files have them all

CSS = (
    """
body { font: 17px/1.5 system-ui, sans-serif; color: #1a1a1a; background: #fff;
  max-width: 50rem; margin: 0 auto; padding: 0 1rem 3rem; }
a { color: #0645ad; } a:visited { color: #5a2a82; }
nav { padding: .8rem 0; border-bottom: 1px solid #ccc; font-size: .95rem; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: 1.2rem 0 .4rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
.kind, .meta { color: #3d3d3d; margin: 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; }
dt { font-weight: 600; } dd { margin: 0; }
ul.links { margin: 0; padding-left: 1.1rem; }
code { font-size: .9rem; word-break: break-all; }
figure { margin: 1rem 0; overflow-x: auto; }
figcaption { font-size: .9rem; color: #3d3d3d; }
"""
    + svg.STYLE
)


def rel_path(iri: str, base: str) -> str | None:
    """The site path of a page IRI ("person/vladimir-putin"), None when not under base."""
    if not iri.startswith(base):
        return None
    return iri[len(base) :].split("#", 1)[0]


class Pages:
    """Renders pages from the store through a Describer."""

    def __init__(self, describer: Describer) -> None:
        self.d = describer
        self.base = describer.iris.base

    # -- links ---------------------------------------------------------------

    def href(self, iri: str, here: str) -> str:
        """A link from the page at site path ``here`` to ``iri`` (relative when ours)."""
        path = rel_path(iri, self.base)
        if path is None or not self._is_page(path):
            return iri
        fragment = iri[len(self.base) + len(path) :]
        target = posixpath.relpath(path or ".", posixpath.dirname(here) or ".")
        return (target if target != "." else "./") + fragment

    @staticmethod
    def _is_page(path: str) -> bool:
        head = path.split("/", 1)[0]
        return head in KINDS or head == "graph" or path == ""

    def link(self, iri: str, here: str) -> str:
        label = self.d.label(iri)
        ours = rel_path(iri, self.base) is not None
        rel = "" if ours else ' rel="external"'
        return f'<a href="{escape(self.href(iri, here))}"{rel}>{escape(label)}</a>'

    # -- pages ---------------------------------------------------------------

    def entity(self, iri: str, desc: Description | None = None) -> str:
        """The HTML page of an article, person, place, organisation or event."""
        desc = desc or self.d.describe(iri)
        here = rel_path(iri, self.base) or ""
        title = desc.first(f"{_S}headline") or desc.first(f"{_S}name") or iri
        if desc.kind == "article":
            block = script_element(article_jsonld(self.d, iri))
        else:
            block = script_element(page_graph(schema_only(desc.triples), first=iri))
        lang = desc.first(f"{_S}inLanguage")
        marked = f' lang="{escape(lang)}"' if lang and lang != "en" else ""
        body = [f"<h1{marked}>{escape(title)}</h1>", self._kind_line(desc)]
        if desc.kind == "article":
            body += self._article(desc, here)
        body += self._facts(desc)
        body += self._place(desc)
        body += self._links(desc, here)
        body += self._data(desc.iri, here)
        crumbs = [("../", "Home"), ("./", KIND_TITLES.get(desc.kind or "", "Index"))]
        return page(title, "\n".join(body), here, crumbs, block, "en")

    def graph_page(self, graph_iri: str, article_iri: str | None) -> str:
        """The page of an article's named graph: where it came from, and its files."""
        here = rel_path(graph_iri, self.base) or ""
        desc = self.d.describe(graph_iri)
        body = [f"<h1>Named graph of {escape(self.d.label(article_iri or graph_iri))}</h1>"]
        if article_iri:
            body.append(
                f"<p>The whole record of {self.link(article_iri, here)}: the article, "
                "everything it names, its mentions with their places in the source "
                "text, and where it came from.</p>"
            )
        body += self._facts(desc)
        body += self._links(desc, here)
        body += self._data(graph_iri, here)
        crumbs = [("../../", "Home"), ("../../article/", "Articles")]
        return page("Named graph", "\n".join(body), here, crumbs, None, "en")

    def index(self, kind: str, iris: list[str]) -> str:
        """The list of every page of one kind (articles newest first)."""
        here = f"{kind}/"
        dated = kind == "article"
        items = [((self.d.date(i) or "") if dated else "", self.d.label(i), i) for i in iris]
        items.sort(key=lambda t: (t[1].casefold(), t[2]))
        items.sort(key=lambda t: t[0], reverse=True)  # newest first, undated ("") last
        lines = [
            f"<li>{self.link(i, here)}"
            + (f' <time datetime="{escape(d)}">{escape(d)}</time>' if d else "")
            + "</li>"
            for d, _, i in items
        ]
        title = KIND_TITLES[kind]
        body = f'<h1>{title}</h1>\n<p>{len(items)} in all.</p>\n<ul class="links">\n'
        body += "\n".join(lines) + "\n</ul>"
        return page(title, body, here, [("../", "Home")], None, "en")

    def home(self, counts: dict[str, int], dumps: Iterable[str]) -> str:
        items = "\n".join(
            f'<li><a href="{kind}/">{KIND_TITLES[kind]}</a> ({counts.get(kind, 0)})</li>'
            for kind in KINDS
        )
        files = "\n".join(f'<li><a href="{escape(n)}">{escape(n)}</a></li>' for n in dumps)
        body = (
            "<h1>Knowledge graph</h1>\n<p>People, places, organisations and events in the news, "
            f"as Linked Data. Every page's address is its IRI, under <code>{escape(self.base)}"
            f'</code>.</p>\n<ul class="links">\n{items}\n</ul>\n'
            + (f'<h2>Whole graph</h2>\n<ul class="links">\n{files}\n</ul>' if files else "")
        )
        return page("Knowledge graph", body, "", [], None, "en")

    # -- sections ------------------------------------------------------------

    def _kind_line(self, desc: Description) -> str:
        names = [t[len(_S) :] for t in desc.types if t.startswith(_S)]
        return f'<p class="kind">{escape(", ".join(names) or (desc.kind or "Resource"))}</p>'

    def _article(self, desc: Description, here: str) -> list[str]:
        out = [self._byline(desc, here), self._diagram(desc)]
        text = desc.first(f"{_S}articleBody")
        if text:
            lang = desc.first(f"{_S}inLanguage") or "en"
            paras = [p.strip() for p in text.split("\n\n") if p.strip()]
            out.append(f'<h2>Text</h2>\n<div lang="{escape(lang)}">')
            out += [f"<p>{escape(p)}</p>" for p in paras]
            out.append("</div>")
        for image in (o for p, o in desc.links if p == f"{_S}image"):
            caption = self.d.label(image)
            out.append(f"<h2>Image</h2>\n<p>{escape(caption if caption != image else '')}</p>")
        return out

    def _byline(self, desc: Description, here: str) -> str:
        date = desc.first(f"{_S}datePublished")
        authors = [self.link(o, here) for p, o in desc.links if p == f"{_S}author"]
        parts = []
        if date:
            parts.append(f'Published <time datetime="{escape(date)}">{escape(date)}</time>')
        if authors:
            parts.append("By " + ", ".join(authors))
        return f'<p class="meta">{" · ".join(parts)}</p>' if parts else ""

    def _diagram(self, desc: Description) -> str:
        nodes, edges = graph_of_article(self.d, desc)
        article = svg.Node(desc.iri, self.d.label(desc.iri), "article")
        title = f"Graph of the article: {len(nodes)} linked people, places, organisations, events"
        drawing = svg.diagram(article, nodes, edges, title)
        return (
            f"<figure>\n{drawing}\n<figcaption>How this article links to the people, places, "
            "organisations and events it names (listed under Links below).</figcaption>\n</figure>"
        )

    def _facts(self, desc: Description) -> list[str]:
        rows = []
        shown_above = {f"{_S}datePublished"} if desc.kind == "article" else set()
        for predicate, values in sorted(desc.literals.items()):
            if predicate in _HIDDEN or predicate in shown_above:
                continue
            label = FACT_LABELS.get(_local(predicate), _local(predicate))
            text = ", ".join(escape(v.value) for v in values)
            rows.append(f"<dt>{escape(label)}</dt><dd>{text}</dd>")
        return ["<dl>", *rows, "</dl>"] if rows else []

    def _place(self, desc: Description) -> list[str]:
        point = next((o for p, o in desc.links if p == f"{_S}geo"), None)
        if point is None:
            return []
        lat = _literal(desc, point, f"{_S}latitude")
        lon = _literal(desc, point, f"{_S}longitude")
        if lat is None or lon is None:
            return []
        url = f"https://www.openstreetmap.org/?mlat={lat}&amp;mlon={lon}#map=9/{lat}/{lon}"
        return [
            "<h2>Map</h2>",
            f"<p>Latitude {escape(lat)}, longitude {escape(lon)}: "
            f'<a href="{url}" rel="external">see it on OpenStreetMap</a>.</p>',
        ]

    def _links(self, desc: Description, here: str) -> list[str]:
        groups: dict[str, list[str]] = {}
        for predicate, target in desc.links:
            if predicate not in _NOT_LINKS and not target.startswith(desc.iri + "#"):
                label = LINK_LABELS.get(_local(predicate), (_local(predicate), ""))[0]
                groups.setdefault(label, []).append(target)
        for predicate, source in desc.backlinks:
            pair = LINK_LABELS.get(_local(predicate), ("", f"{_local(predicate)} of"))
            groups.setdefault(pair[1], []).append(source)
        if not groups:
            return []
        out = ["<h2>Links</h2>", "<dl>"]
        for label, targets in groups.items():
            shown = sorted(set(targets), key=lambda i: (self.d.label(i).casefold(), i))
            items = [f"<li>{self.link(i, here)}</li>" for i in shown[:MAX_LINKS]]
            if len(shown) > MAX_LINKS:
                items.append(f"<li>and {len(shown) - MAX_LINKS} more (see the Turtle)</li>")
            out.append(f'<dt>{escape(label)}</dt><dd><ul class="links">{"".join(items)}</ul></dd>')
        out.append("</dl>")
        return out

    def _data(self, iri: str, here: str) -> list[str]:
        name = posixpath.basename(here)
        return [
            "<h2>Data</h2>",
            f"<p>IRI: <code>{escape(iri)}</code></p>",
            f'<ul class="links"><li><a href="{name}.ttl">Turtle</a></li>'
            f'<li><a href="{name}.jsonld">JSON-LD</a></li></ul>',
        ]


ROLE_WORDS = {
    "author": "author",
    "about": "subject",
    "contentLocation": "place",
    "locationCreated": "dateline",
    "publisher": "publisher",
    "sourceOrganization": "source",
    "mentions": "mentioned",
}


def graph_of_article(d: Describer, desc: Description) -> tuple[list[svg.Node], list[svg.Edge]]:
    """The diagram's nodes and edges: the article's links, and its events' links."""
    roles: dict[str, list[str]] = {}
    edges: list[svg.Edge] = []
    for predicate, target in desc.links:
        name = _local(predicate)
        if name in ROLE_WORDS and d.iris.kind_of(target) in KINDS:
            roles.setdefault(target, []).append(name)
            edges.append(svg.Edge(desc.iri, target, name))
    for event in [t for t in roles if d.iris.kind_of(t) == "event"]:
        for _, p, o in d.outgoing(event):
            name = _local(p.value)
            if name in ("attendee", "location") and d.iris.kind_of(o.value) in KINDS:
                roles.setdefault(o.value, [])
                edges.append(svg.Edge(event, o.value, name))
    rank = {name: n for n, name in enumerate(ROLE_WORDS)}
    nodes = []
    for iri, names in roles.items():
        ordered = tuple(sorted(set(names), key=rank.__getitem__))
        if len(ordered) > 1 and "mentions" in ordered:  # a stronger role says more
            ordered = tuple(n for n in ordered if n != "mentions")
        words = tuple(ROLE_WORDS[n] for n in ordered)
        nodes.append(svg.Node(iri, d.label(iri), d.iris.kind_of(iri) or "", words, ordered))
    nodes.sort(key=lambda n: (rank[n.relations[0]] if n.relations else 99, n.label.casefold()))
    return nodes, edges


def page(
    title: str,
    body: str,
    here: str,
    crumbs: list[tuple[str, str]],
    jsonld: str | None,
    lang: str,
) -> str:
    """A whole HTML document; ``here`` is its site path (alternate files sit beside it)."""
    name = posixpath.basename(here)
    alternates = "".join(
        f'<link rel="alternate" type="{f.media_type}" href="{escape(name)}.{f.extension}">\n'
        for f in (formats.get("turtle"), formats.get("jsonld"))
        if name
    )
    nav = " › ".join(f'<a href="{h}">{escape(t)}</a>' for h, t in crumbs)
    return (
        f'<!doctype html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<link rel="icon" href="data:,">\n'  # no /favicon.ico request, no 404
        f"<title>{escape(title)}</title>\n{alternates}<style>{CSS}</style>\n"
        + (jsonld + "\n" if jsonld else "")
        + f'</head>\n<body>\n<nav aria-label="Breadcrumb">{nav or "kg"}</nav>\n'
        f"<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def _local(iri: str) -> str:
    return iri[len(_S) :] if iri.startswith(_S) else iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _literal(desc: Description, subject: str, predicate: str) -> str | None:
    for s, p, o in desc.triples:
        if s.value == subject and p.value == predicate:
            return o.value
    return None
