"""`kg embed` against Google's Article rules (tests/google_article.py): on the seeds and on
every real page of ../shared/data/html, no error, and no warning kg could have avoided.

A warning is avoidable when the source had what it asks for: for a page, its own JSON-LD
article or meta tags (read here by the test, not by kg); for the seeds, what their
sidecar files say (a date, a publisher: no image URL, no author URL, no dateModified).
Then the page itself: kg's block merged into it leaves one article item, Google-clean.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from click.testing import CliRunner
from conftest import HTML
from google_article import Finding, Markup, check
from ldcheck import Scripts

from kg.cli import main

_TRAILING_COMMA = re.compile(r",(\s*[}\]])")


def embed_print(data: Path, article: str) -> dict[str, Any]:
    result = CliRunner().invoke(main, ["embed", "--print", "-a", article, "--data", str(data)])
    assert result.exit_code == 0, result.output
    (doc,) = Scripts(result.stdout).jsonld()
    return doc


def manifest(out: Path) -> dict[str, dict[str, Any]]:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))["articles"]


def lenient(text: str) -> Any:
    """A page's JSON-LD as a lenient reader would take it; None when it is not JSON."""
    text = text.strip().removeprefix("<!--").removesuffix("-->").strip()
    for candidate in (text, _TRAILING_COMMA.sub(r"\1", text)):
        try:
            return json.JSONDecoder(strict=False).raw_decode(candidate)[0]
        except json.JSONDecodeError:
            continue
    return None


def _http(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(("http://", "https://"))


def _dates(offers: set[str], prop: str, value: Any) -> None:
    if not isinstance(value, str):
        return
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return
    if parsed.year < 1000:  # a CMS's "no date" (0001-01-01), not a date
        return
    offers.add(prop)
    if parsed.tzinfo is not None:
        offers.add(f"{prop}.timezone")


def page_offers(html: bytes) -> set[str]:
    """What the page's own markup gives to fill Google's recommendations with."""
    tree = lxml.html.fromstring(html)
    docs = [
        lenient(s.text or "")
        for s in tree.iter("script")
        if (s.get("type") or "").split(";")[0].strip().lower() == "application/ld+json"
    ]
    offers: set[str] = set()
    markup = Markup([d for d in docs if d is not None])
    for article in markup.articles():
        images = article.get("image")
        for image in images if isinstance(images, list) else [images]:
            image = markup.resolve(image)
            if _http(image) or (isinstance(image, dict) and _http(image.get("url"))):
                offers.add("image")
        for prop in ("datePublished", "dateModified"):
            _dates(offers, prop, article.get(prop))
        authors = article.get("author")
        for author in authors if isinstance(authors, list) else [authors]:
            author = markup.resolve(author)
            if isinstance(author, dict) and author.get("name"):
                offers.add("author")
                same = author.get("sameAs")
                if _http(author.get("url")) or any(
                    _http(s) for s in (same if isinstance(same, list) else [same])
                ):
                    offers.add("author.url")
        publisher = markup.resolve(article.get("publisher"))
        if isinstance(publisher, dict):
            logo = markup.resolve(publisher.get("logo"))
            if _http(logo) or (isinstance(logo, dict) and _http(logo.get("url"))):
                offers.add("publisher.logo")
            if _http(publisher.get("url")):
                offers.add("publisher.url")
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").lower()
        content = meta.get("content")
        if key in ("og:image", "twitter:image") and _http(content):
            offers.add("image")
        elif key == "article:published_time":
            _dates(offers, "datePublished", content)
        elif key == "article:modified_time":
            _dates(offers, "dateModified", content)
    return offers


def avoidable(findings: list[Finding], offers: set[str]) -> list[Finding]:
    """Errors, and warnings about something the source offered."""
    return [f for f in findings if f.level == "error" or f.property in offers]


# What the seed files give (read by hand: their .meta.json and their text): a date and a
# language each, a publisher name for one, a byline for the other; no URL of any kind.
SEED_OFFERS = {
    "d2b7ed0d636f4791": {"datePublished", "author"},
    "edaa14f975fe1ce4": {"datePublished"},
}


def test_seeds_embed_is_google_clean(seeds_out: Path) -> None:
    assert sorted(manifest(seeds_out)) == sorted(SEED_OFFERS)
    for article, offers in SEED_OFFERS.items():
        findings = check([embed_print(seeds_out, article)])
        assert avoidable(findings, offers) == [], article
        assert {f.property for f in findings} >= {"image", "dateModified"}  # really missing


@pytest.fixture(scope="module")
def pages(html_out: Path) -> list[tuple[str, Path]]:
    """(article id, its page) for every page of ../shared/data/html kg published."""
    found = [(aid, HTML / entry["source"]) for aid, entry in manifest(html_out).items()]
    assert len(found) >= 30
    return sorted(found, key=lambda pair: pair[1].name)


def test_html_pages_embed_is_google_clean(html_out: Path, pages: list[tuple[str, Path]]) -> None:
    problems = {}
    warnings = 0
    for article, page in pages:
        findings = check([embed_print(html_out, article)])
        warnings += sum(f.level == "warning" for f in findings)
        bad = avoidable(findings, page_offers(page.read_bytes()))
        if bad:
            problems[page.name] = bad
    assert problems == {}
    assert warnings > 0  # the checker does find what the pages lack


def test_html_pages_with_the_block_merged_have_one_clean_article(
    html_out: Path, pages: list[tuple[str, Path]], tmp_path: Path
) -> None:
    problems = {}
    for article, page in pages:
        target = tmp_path / page.name
        args = ["embed", str(page), "-a", article, "--data", str(html_out), "-o", str(target)]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        text = target.read_text(encoding="utf-8", errors="surrogateescape")
        docs = [d for d in (lenient(t) for a, t in Scripts(text).found if a.get("type") == "application/ld+json") if d is not None]  # fmt: skip
        findings = check(docs)
        bad = avoidable(findings, page_offers(page.read_bytes()))
        if bad:
            problems[page.name] = bad
    assert problems == {}


# -- bad input: each gives Google-clean markup, or a clear warning --------------------------

PAGE = (Path(__file__).parent / "data" / "html" / "jsonld_article.html").read_text()
PAGE_ARTICLE = "https://news.example.org/world/lisbon#article"


def build_one(folder: Path, name: str, content: str) -> tuple[Path, str]:
    """kg build of one source file: (output folder, the article's id)."""
    from kg.build import BuildOptions, build

    (folder / "in").mkdir(parents=True)
    (folder / "in" / name).write_text(content, encoding="utf-8")
    out = folder / "out"
    result = build(BuildOptions(sources=(str(folder / "in"),), out=out))
    (article,) = result.published
    return out, article


def embed_page(out: Path, article: str, page: Path) -> tuple[str, str]:
    """kg embed into ``page`` (in place): (the page now, kg embed's stderr)."""
    result = CliRunner().invoke(main, ["embed", str(page), "-a", article, "--data", str(out)])
    assert result.exit_code == 0, result.output
    return page.read_text(encoding="utf-8"), result.stderr


def page_docs(text: str) -> list[Any]:
    found = [lenient(t) for a, t in Scripts(text).found if a.get("type") == "application/ld+json"]
    return [d for d in found if d is not None]


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.level == "error"]


def test_a_page_block_that_needs_leniency_is_merged_not_doubled(tmp_path: Path) -> None:
    out, article = build_one(tmp_path, "lisbon.html", PAGE)  # its @graph ends with ",]"
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    text, stderr = embed_page(out, article, page)
    assert f"warning: {page}: line 11: the page's own JSON-LD was not valid JSON (" in stderr
    assert "kg merged its article into kg's block" in stderr
    docs = page_docs(text)
    assert errors(check(docs)) == []  # one article item, the rules kept
    own = [d for d in docs if d.get("@context") == "https://schema.org" and "@graph" in d]
    types = [n.get("@type") for d in own for n in d["@graph"]]
    assert types.count("WebSite") == 1 and "NewsArticle" in types  # kg's block and the page's
    page_block = next(d for d in own if d["@graph"][0].get("@type") == "WebSite")
    assert page_block["@graph"] == [
        {"@type": "WebSite", "@id": "https://news.example.org/#site", "name": "Example Daily"}
    ]
    again, stderr = embed_page(out, article, page)
    assert again == text and stderr.count("warning:") == 0  # a second run changes nothing


def test_a_broken_page_block_is_named_and_left_alone(tmp_path: Path) -> None:
    broken = PAGE.replace('"articleSection": "World"}', '"articleSection": World}')
    out, article = build_one(tmp_path, "lisbon.html", broken)
    page = tmp_path / "page.html"
    page.write_text(broken, encoding="utf-8")
    text, stderr = embed_page(out, article, page)
    assert (
        f"warning: {page}: line 11: the page's own JSON-LD is not JSON (Expecting value at line"
        in stderr
    )
    assert "it seems to describe the article too: fix it or remove it" in stderr
    assert '"articleSection": World}' in text  # the page's own bytes, untouched
    findings = check(page_docs(text))
    assert errors(findings) == []  # search engines see one article: kg's


def test_page_extras_are_kept_and_failing_values_left_out(tmp_path: Path) -> None:
    page_text = PAGE.replace(
        '"articleSection": "World"},',
        '"articleSection": "World", "wordCount": 120, "isAccessibleForFree": true,'
        ' "dateModified": "yesterday"},\n  {"@type": "WebPage", "@id": "https://news.example.org/world/lisbon",'
        f' "mainEntity": {{"@id": "{PAGE_ARTICLE}"}}}}',
    ).replace('"dateModified": "2025-03-04T11:00:00Z",', "")
    out, article = build_one(tmp_path, "lisbon.html", page_text)
    page = tmp_path / "page.html"
    page.write_text(page_text, encoding="utf-8")
    text, stderr = embed_page(out, article, page)
    assert (
        'the page\'s own dateModified "yesterday" is not what search engines accept: left out'
        in stderr
    )
    docs = page_docs(text)
    ours = next(d for d in docs if "@graph" in d and d["@graph"][0].get("@type") == "NewsArticle")
    iri = ours["@graph"][0]["@id"]
    assert ours["@graph"][0]["wordCount"] == 120 and ours["@graph"][0]["isAccessibleForFree"]
    assert "dateModified" not in ours["@graph"][0]
    page_nodes = next(d for d in docs if d is not ours)["@graph"]
    assert {"@id": iri, "wordCount": 120, "isAccessibleForFree": True} in page_nodes
    webpage = next(n for n in page_nodes if n.get("@type") == "WebPage")
    assert webpage["mainEntity"] == {"@id": iri}  # the page's reference follows the article
    assert errors(check(docs)) == []


def _record(**fields: Any) -> str:
    base = {
        "id": "bad-1",
        "headline": "Harbour reopens",
        "text": "Harbour reopens\n\nThe harbour in Lisbon reopened on Tuesday after the storm.",
        "datePublished": "2025-03-04T09:30:00+01:00",
    }
    return json.dumps({**base, **fields}) + "\n"


def test_no_image_and_no_author_are_warnings_only(tmp_path: Path) -> None:
    out, article = build_one(tmp_path, "a.jsonl", _record())
    doc = embed_print(out, article)
    assert "image" not in doc["@graph"][0] and "author" not in doc["@graph"][0]
    assert doc["@graph"][0]["datePublished"] == "2025-03-04T09:30:00+01:00"  # its own offset
    findings = check([doc])
    assert errors(findings) == []
    assert {f.property for f in findings} == {"image", "author", "dateModified"}


@pytest.mark.parametrize(
    ("fields", "name"),
    [
        ({"author": "Example News", "publisher": "Example News"}, "Example News"),
        ({"author": "news.example.org", "url": "https://news.example.org/a/1"}, "news.example.org"),
    ],
)
def test_an_author_that_is_the_site_is_an_organization(
    tmp_path: Path, fields: dict[str, str], name: str
) -> None:
    out, article = build_one(tmp_path, "a.jsonl", _record(**fields))
    doc = embed_print(out, article)
    author = doc["@graph"][0]["author"]
    assert author["@type"] == "Organization" and author["name"] == name
    if "publisher" in fields:
        assert doc["@graph"][0]["publisher"]["@id"] == author["@id"]
    assert errors(check([doc])) == []


def test_an_agent_has_one_type_in_every_graph() -> None:
    """A name most articles give as an organisation is one in the graph that gives it as
    a person too (its IRI is organization/…), never both."""
    from rdflib.namespace import RDF

    from kg.link.iris import Iris
    from kg.link.merge import Linker
    from kg.model import Agent, Article
    from kg.rdf.mapping import article_graph
    from kg.rdf.namespaces import SCHEMA

    def article(n: int, author: Agent) -> Article:
        return Article(f"a{n}", "a.txt", n, "", None, "H", "B", authors=[author])

    articles = [article(1, Agent("Acme Wire", "Person"))] + [
        article(n, Agent("Acme Wire", "Organization")) for n in (2, 3)
    ]
    iris = Iris()
    linker = Linker(iris)
    for a in articles:
        linker.add(a)
    graph = article_graph(articles[0], iris, linker, generated_at=0)
    (author,) = graph.objects(None, SCHEMA.author)
    assert set(graph.objects(author, RDF.type)) == {SCHEMA.Organization}
    assert str(author) == "http://localhost:8000/organization/acme-wire"


def test_kg_toml_publisher_and_authority_identify_the_agents(tmp_path: Path) -> None:
    """What the newsroom knows fills what the sources lack: [publisher] in kg.toml names
    the publisher (url, logo) of the seed that names none and completes the one that
    names it; an authority entry gives an author its sameAs."""
    from conftest import SEEDS

    config = tmp_path / "kg.toml"
    config.write_text(
        '[build]\nbase_iri = "https://news.example.org/kg/"\n\n'
        '[publisher]\nname = "The Tribune"\nurl = "https://tribune.example.org/"\n'
        'logo = "https://tribune.example.org/logo.png"\n',
        encoding="utf-8",
    )
    authority = tmp_path / "people.csv"
    authority.write_text("id,type,name,aliases,same_as\nQ4115189,Person,Maria Vasilyeva,,\n")
    out = tmp_path / "out"
    runner = CliRunner(env={"KG_CONFIG": str(config)})
    result = runner.invoke(
        main, ["build", str(SEEDS), "--out", str(out), "--authority", str(authority)]
    )
    assert result.exit_code == 0, result.output
    assert "warning:" not in result.stderr  # the base IRI is set: nothing to warn about
    for article in manifest(out):
        found = runner.invoke(main, ["embed", "--print", "-a", article, "--data", str(out)])
        (doc,) = Scripts(found.stdout).jsonld()
        node = doc["@graph"][0]
        assert node["publisher"] == {
            "@id": "https://news.example.org/kg/organization/the-tribune",
            "@type": "Organization",
            "name": "The Tribune",
            "url": "https://tribune.example.org/",
            "logo": "https://tribune.example.org/logo.png",
        }
        properties = {f.property for f in check([doc])}
        assert not properties & {"publisher.logo", "publisher.url"}
        for author in node.get("author", []):
            if author["name"] == "Maria Vasilyeva":
                assert author["sameAs"] == "http://www.wikidata.org/entity/Q4115189"
    bad = tmp_path / "bad.toml"
    bad.write_text('[publisher]\nname = "X"\nlogo = "logo.png"\n', encoding="utf-8")
    refused = CliRunner(env={"KG_CONFIG": str(bad)}).invoke(
        main, ["build", str(SEEDS), "--out", str(out)]
    )
    assert refused.exit_code == 2  # a usage error, before anything is built
    assert "[publisher] logo must be an http(s) URL, got 'logo.png'" in refused.output
