"""Score kg's HTML reading against human-annotated article bodies.

Token-level recall (share of the annotated body's tokens that kg recovered) and
precision (share of kg's body tokens that are in the annotated body), as bags of
lowercased word tokens, micro-averaged over pages. Scored twice: the main text
the HTML reader hands on (RawDocument.text) and the articleBody kg publishes
(after the layout cleaner), so damage done by either step shows.

    python -m bench.html_bodies [HTML_DIR] [--out DIR]

HTML_DIR defaults to ../shared/data/html (pages named aeb__*, gold in expected.json).
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kg.build import BuildOptions, build
from kg.publish.manifest import Manifest
from kg.publish.store import Store
from kg.sources import iter_inputs

DEFAULT_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "html"
PREFIX = "aeb__"
_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> Counter[str]:
    return Counter(t.lower() for t in _TOKEN.findall(text))


@dataclass
class Score:
    """Summed token overlaps; recall and precision are micro-averages over pages."""

    overlap: int = 0
    gold: int = 0
    found: int = 0
    pages: dict[str, tuple[float, float]] = field(default_factory=dict)

    def add(self, name: str, gold_text: str, found_text: str) -> None:
        gold, found = tokens(gold_text), tokens(found_text)
        both = sum((gold & found).values())
        self.overlap += both
        self.gold += sum(gold.values())
        self.found += sum(found.values())
        self.pages[name] = (
            both / max(1, sum(gold.values())),
            both / max(1, sum(found.values())),
        )

    @property
    def recall(self) -> float:
        return self.overlap / max(1, self.gold)

    @property
    def precision(self) -> float:
        return self.overlap / max(1, self.found)


def gold_bodies(html_dir: Path) -> dict[str, str]:
    """File name → annotated articleBody, for the aeb__ pages."""
    data = json.loads((html_dir / "expected.json").read_text(encoding="utf-8"))
    return {
        name: entry["expected"]["articleBody"]
        for name, entry in data.items()
        if name.startswith(PREFIX)
    }


def pages(html_dir: Path) -> list[Path]:
    return sorted(html_dir / name for name in gold_bodies(html_dir))


def score_reader(html_dir: Path) -> Score:
    """The main text the HTML reader extracts, before any cleaning."""
    gold, score = gold_bodies(html_dir), Score()
    for item in iter_inputs([str(p) for p in pages(html_dir)]):
        name = Path(item.source).name
        score.add(name, gold[name], getattr(item, "text", ""))
    return score


def published_bodies(out: Path) -> dict[str, tuple[str | None, str]]:
    """Source file name → (headline, articleBody) of every article kg published in ``out``."""
    manifest = Manifest.load(out)
    store = Store(out / "store", read_only=True)
    query = """SELECT ?a ?h ?b WHERE {
        ?a a <http://schema.org/NewsArticle> ; <http://schema.org/articleBody> ?b .
        OPTIONAL { ?a <http://schema.org/headline> ?h } }"""
    rows = {
        r["a"].value: (r["h"].value if r["h"] else None, r["b"].value)
        for r in store.oxigraph.query(query, use_default_graph_as_union=True)
    }
    return {
        Path(entry["source"]).name: rows[entry["iri"]]
        for entry in manifest.articles.values()
        if entry["iri"] in rows
    }


def score_build(html_dir: Path, out: Path) -> tuple[Score, int, int, float]:
    """kg build on the pages: (score of the published bodies, published, with headline, s)."""
    start = time.perf_counter()
    build(BuildOptions(sources=tuple(str(p) for p in pages(html_dir)), out=out))
    seconds = time.perf_counter() - start
    gold, score = gold_bodies(html_dir), Score()
    published = published_bodies(out)
    for name, text in gold.items():
        score.add(name, text, published.get(name, (None, ""))[1])
    complete = sum(1 for h, b in published.values() if h and b)
    return score, len(published), complete, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("html_dir", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--out", type=Path, default=None, help="build into DIR (default: temp)")
    args = parser.parse_args()
    reader = score_reader(args.html_dir)
    with tempfile.TemporaryDirectory() as tmp:
        built, published, complete, seconds = score_build(args.html_dir, args.out or Path(tmp))
    print(f"{'page':46} {'reader R':>8} {'P':>6} {'published R':>11} {'P':>6}")
    for name in sorted(reader.pages):
        r, b = reader.pages[name], built.pages[name]
        print(f"{name[:46]:46} {r[0]:8.3f} {r[1]:6.3f} {b[0]:11.3f} {b[1]:6.3f}")
    print(f"reader main text: recall {reader.recall:.3f}  precision {reader.precision:.3f}")
    print(f"published body:   recall {built.recall:.3f}  precision {built.precision:.3f}")
    print(f"{published} of {len(built.pages)} pages published, {complete} with headline and body,")
    print(f"kg build took {seconds:.1f} s")


if __name__ == "__main__":
    main()
