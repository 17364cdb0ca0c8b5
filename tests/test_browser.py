"""A real browser: Debian's headless Chromium, driven by Playwright, reads kg's pages from a
real `kg serve` on 127.0.0.1. Screenshots are kept in tests/artifacts/ (not committed)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import ATTACK_RECORD, ROOT
from ldcheck import expand_rdflib, missing_from
from playwright.sync_api import Browser, Page, sync_playwright
from rdflib import Graph, URIRef

from kg.rdf.namespaces import SCHEMA
from kg.web.describe import open_published
from kg.web.embed import article_script
from kg.web.inject import embed_into

CHROMIUM = "/usr/bin/chromium"  # Debian's package; .ci/run installs it
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = ROOT / "tests" / "artifacts"
ARTICLE = "d2b7ed0d636f4791"


def ensure_chromium() -> None:
    """Install Debian's Chromium when a fresh machine lacks it, as .ci/run does (root, apt)."""
    if Path(CHROMIUM).is_file():
        return
    apt = shutil.which("apt-get")
    assert apt and os.geteuid() == 0, "Chromium is needed: apt-get install chromium (.ci/run does)"
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run([apt, "update", "-qq"], check=True, env=env)
    subprocess.run([apt, "install", "-y", "-qq", "chromium"], check=True, env=env)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    ensure_chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


def test_article_page_in_chromium(
    page: Page, seeds_server: str, seeds_graph: Graph, seeds_out: Path
) -> None:
    requested: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    response = page.goto(f"{seeds_server}article/{ARTICLE}")
    assert response is not None and response.status == 200

    blocks = page.eval_on_selector_all(
        'script[type="application/ld+json"]', "els => els.map(e => e.textContent)"
    )
    assert len(blocks) == 1
    doc = json.loads(blocks[0])
    article = doc["@graph"][0]
    assert article["@type"] == "NewsArticle"
    assert article["headline"] == "Putin, N Korean leader Kim hold 1st talks in Russia"
    assert article["datePublished"] == "2019-04-25"
    graph = expand_rdflib(doc)
    assert missing_from(graph, seeds_graph) == []
    authors = {
        str(graph.value(a, SCHEMA.name))
        for a in graph.objects(URIRef(article["@id"]), SCHEMA.author)
    }
    assert authors == {"Maria Vasilyeva", "Vladimir Soldatkin"}

    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.title() == article["headline"]
    diagram = page.locator('svg[role="img"]')
    box = diagram.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 200
    assert page.locator("#graph-title").text_content()

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / f"article-{ARTICLE}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 20_000

    host = urlsplit(seeds_server).netloc
    assert all(urlsplit(u).netloc == host for u in requested), requested
    assert errors == []

    page.get_by_role("link", name="Maria Vasilyeva").first.click()
    page.wait_for_load_state()
    assert page.url == f"{seeds_server}person/maria-vasilyeva"
    assert page.locator("h1").text_content() == "Maria Vasilyeva"
    page.screenshot(path=str(ARTIFACTS / "person-maria-vasilyeva.png"), full_page=True)


def test_attack_page_runs_no_script_in_chromium(page: Page, attack_out: Path) -> None:
    """The article's text tries to close the block and open its own <script>: Chromium
    must see one data block holding the text, and run nothing."""
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    script = article_script(open_published(attack_out), "attack-1", body=True)
    html = embed_into(
        b"<!doctype html><html><head><title>t</title></head><body><p>x</p></body></html>", script
    ).decode()
    page.set_content(html)
    page.evaluate("() => new Promise(r => setTimeout(r, 200))")
    assert dialogs == []
    scripts = page.eval_on_selector_all("script", "els => els.map(e => [e.type, e.textContent])")
    assert len(scripts) == 1 and scripts[0][0] == "application/ld+json"
    doc = json.loads(scripts[0][1])
    assert doc["@graph"][0]["headline"] == ATTACK_RECORD["headline"]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "attack-page.png"))
