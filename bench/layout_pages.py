"""How well kg's page-text cleaner finds the article in whole-page text of real sites.

The 29 `aeb__` pages of ../shared/data/html (human-annotated articleBody) are turned
into what a scraper copying a page's visible text gets (a browser's innerText, roughly:
block elements on their own lines, no scripts, styles or comments), then kg's layout
parser picks the body. Prints token-level recall (share of the annotated body found)
and precision (share of the found body that is annotated), per page and overall.

    python bench/layout_pages.py
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

import lxml.html

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.extract.page.layout import parse_layout  # noqa: E402
from kg.model import Meta  # noqa: E402

HTML = ROOT.parent / "shared" / "data" / "html"
BLOCK = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "section", "article", "header",
    "footer", "nav", "aside", "figure", "figcaption", "ul", "ol", "table", "tr", "blockquote",
    "main", "form", "button", "dd", "dt", "hr", "time", "label",
}  # fmt: skip


def inner_text(html: bytes) -> str:
    """The visible text of a page, one block element per line (like innerText)."""
    doc = lxml.html.fromstring(html)
    for bad in doc.xpath("//script|//style|//noscript|//svg|//template|//iframe|//head"):
        bad.drop_tree()
    parts: list[str] = []

    def walk(el: lxml.html.HtmlElement) -> None:
        if not isinstance(el.tag, str):  # comments and processing instructions are not shown
            parts.append(el.tail or "")
            return
        block = el.tag in BLOCK
        parts.append("\n" if block else "")
        if el.tag == "img" and el.get("alt"):
            parts.append(f" {el.get('alt')} ")
        parts.append(el.text or "")
        for child in el:
            walk(child)
        parts.append("\n" if block else "")
        parts.append(el.tail or "")

    walk(doc)
    lines = [" ".join(line.split()) for line in "".join(parts).split("\n")]
    return "\n".join(line for line in lines if line)


def tokens(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.lower()))


def score(html_dir: Path = HTML) -> tuple[float, float, list[tuple[str, float, float]]]:
    expected = json.loads((html_dir / "expected.json").read_text(encoding="utf-8"))
    found = gold_total = got_total = 0
    rows = []
    for name, info in sorted(expected.items()):
        if not name.startswith("aeb__"):
            continue
        text = inner_text((html_dir / name).read_bytes())
        layout = parse_layout(text, Meta())
        body = "\n\n".join(text[s.start : s.end] for s in layout.body)
        gold, got = tokens(info["expected"]["articleBody"]), tokens(body)
        overlap = sum((gold & got).values())
        found, gold_total, got_total = (
            found + overlap,
            gold_total + sum(gold.values()),
            got_total + sum(got.values()),
        )
        rows.append(
            (name, overlap / max(1, sum(gold.values())), overlap / max(1, sum(got.values())))
        )
    return found / gold_total, found / max(1, got_total), rows


if __name__ == "__main__":
    recall, precision, rows = score()
    for name, r, p in rows:
        print(f"{name:48} recall {r:.2f}  precision {p:.2f}")
    print(f"\n{len(rows)} pages: token recall {recall:.3f}, precision {precision:.3f}")
