"""kg against trafilatura on real pages, in one run: titles, dates, authors and bodies.

    python -m bench.pages                 # writes bench/PAGES.md (about 3 minutes)
    python -m bench.pages --no-ablation   # kg build and trafilatura only

Page sets (read from ../shared/data, or $KG_SHARED/data):
  html-meta/  102 pages with expected title, date, author and body snippets, scored by
              the score.py beside them (title exact, date on the day, every expected
              author named, share of must / must-not snippets in the body);
  html/       the 29 aeb__ pages with annotated bodies: token recall and precision
              (bench.html_bodies.Score).
Rows:
  trafilatura  trafilatura alone: bare_extraction(html, with_metadata=True)
  kg build     a real `kg build` of the pages; what it published, read from its store
  kg fast      the same reading and cleaning without NLP (kg.sources + page layout):
               the row each ablation line changes one mechanism of
The ablation also checks that the two seed articles keep exactly their fields.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

import trafilatura

from bench.html_bodies import Score, gold_bodies
from kg.build import BuildOptions, build
from kg.extract.article import Prepared, prepare, record
from kg.extract.page.fallback import fallback_headline
from kg.extract.page.layout import parse_layout
from kg.extract.page.mainbody import BodyRules, complete_body
from kg.extract.page.view import analysed_spans, build_view
from kg.model import RawDocument, Rejected
from kg.publish.manifest import Manifest
from kg.publish.store import Store
from kg.sources import iter_inputs
from kg.sources.html import decode_html, page_document
from kg.sources.htmlmeta import PageOptions

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "PAGES.md"
Prediction = dict[str, Any]  # {"headline", "datePublished", "authors", "body"}


def shared_data() -> Path:
    """../shared/data beside the checkout (or a worktree's main checkout), or $KG_SHARED/data."""
    env = os.environ.get("KG_SHARED")
    candidates = [Path(env)] if env else []
    candidates += [ROOT.parent / "shared", ROOT.parent.parent / "shared"]
    for folder in candidates:
        if (folder / "data").is_dir():
            return folder / "data"
    raise SystemExit(f"no shared data in {', '.join(map(str, candidates))} (set KG_SHARED)")


def load_scorer(meta_dir: Path) -> ModuleType:
    """html-meta/score.py, imported from where it is (it is not copied into kg)."""
    spec = importlib.util.spec_from_file_location("html_meta_score", meta_dir / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- the rows --------------------------------------------------------------------------------


def trafilatura_alone(path: Path) -> Prediction:
    doc = trafilatura.bare_extraction(path.read_bytes(), with_metadata=True)
    if doc is None or isinstance(doc, dict):
        return {}
    authors = doc.author.split("; ") if doc.author else []
    return {"headline": doc.title, "datePublished": doc.date, "authors": authors, "body": doc.text}


@dataclasses.dataclass(frozen=True)
class Mechanisms:
    """Every mechanism of issue 14, on; the ablation turns one off at a time."""

    page: PageOptions = PageOptions()
    main_text: bool = True  # a line the cleaner leaves out survives unless it is chrome
    body: BodyRules = BodyRules()  # which chrome rules the main text's lines meet


def prepared(raw: RawDocument, how: Mechanisms) -> Prepared:
    """kg.extract.article.prepare with the body mechanisms as ``how`` says."""
    if how == Mechanisms():
        return prepare(raw)
    layout = parse_layout(raw.text, raw.meta)
    if raw.main_text and how.main_text:
        layout = complete_body(raw.text, layout, how.body)
    fallback = fallback_headline(raw.text, layout, raw.source)
    if fallback is not None:
        layout = fallback.layout
    return Prepared(raw, layout, build_view(raw.text, analysed_spans(layout)))


def kg_fast(path: Path, how: Mechanisms) -> Prediction:
    text, warnings = decode_html(path.read_bytes())
    raw = page_document(text, path.name, None, warnings, how.page)
    if isinstance(raw, Rejected):
        return {}
    return as_prediction(record(prepared(raw, how)))


def as_prediction(article: Any) -> Prediction:
    return {
        "headline": article.headline,
        "datePublished": article.date_published,
        "authors": [a.name for a in article.authors],
        "body": article.body,
    }


def kg_build(paths: list[Path], out: Path) -> dict[str, Prediction]:
    """A real build of ``paths``; file name → what it published."""
    build(BuildOptions(sources=tuple(str(p) for p in paths), out=out))
    store = Store(out / "store", read_only=True)
    by_iri = {e["iri"]: Path(e["source"]).name for e in Manifest.load(out).articles.values()}
    s = "http://schema.org/"
    rows = store.oxigraph.query(
        f"""SELECT ?a ?h ?d ?b WHERE {{ GRAPH ?g {{ ?a a <{s}NewsArticle> .
            OPTIONAL {{ ?a <{s}headline> ?h }} OPTIONAL {{ ?a <{s}datePublished> ?d }}
            OPTIONAL {{ ?a <{s}articleBody> ?b }} }} }}"""
    )
    found: dict[str, Prediction] = {}
    for r in rows:  # type: ignore[union-attr]
        found[by_iri[r["a"].value]] = {
            "headline": r["h"].value if r["h"] else None,
            "datePublished": r["d"].value if r["d"] else None,
            "authors": [],
            "body": r["b"].value if r["b"] else "",
        }
    names = store.oxigraph.query(
        f"""SELECT DISTINCT ?a ?n WHERE {{ GRAPH ?g {{ ?a a <{s}NewsArticle> ;
            <{s}author> ?p . ?p <{s}name> ?n }} }} ORDER BY ?a ?n"""
    )
    for r in names:  # type: ignore[union-attr]
        found[by_iri[r["a"].value]]["authors"].append(r["n"].value)
    return found


# -- scoring ---------------------------------------------------------------------------------


@dataclasses.dataclass
class Sets:
    meta_dir: Path
    meta_expected: dict[str, Any]
    meta_pages: list[Path]
    aeb_dir: Path
    aeb_gold: dict[str, str]
    aeb_pages: list[Path]
    scorer: ModuleType
    # trafilatura's main-text lines per page: how many of them kg's body keeps.
    traf_lines: dict[str, list[str]] = dataclasses.field(default_factory=dict)

    @classmethod
    def load(cls, data: Path) -> Sets:
        meta_dir, aeb_dir = data / "html-meta", data / "html"
        expected = json.loads((meta_dir / "expected.json").read_text(encoding="utf-8"))
        gold = gold_bodies(aeb_dir)
        return cls(
            meta_dir,
            expected,
            [meta_dir / k for k in sorted(expected)],
            aeb_dir,
            gold,
            [aeb_dir / k for k in sorted(gold)],
            load_scorer(meta_dir),
        )

    def score_meta(self, predictions: dict[str, Prediction]) -> dict[str, float]:
        result: dict[str, float] = dict(self.scorer.score(self.meta_expected, predictions))
        result["author_names"] = self._author_precision(predictions)
        result["traf_lines"] = self._lines_kept(predictions)
        return result

    def _author_precision(self, predictions: dict[str, Prediction]) -> float:
        """Share of the author names given on pages with an expected author that are
        expected (score.py counts a superset as right; this counts what is extra)."""
        n = self.scorer.n
        right = given = 0
        for key, entry in self.meta_expected.items():
            want = entry["expected"].get("author")
            if not want:
                continue
            names = {n(a) for a in re.split(r";|,|/| and ", want) if a.strip()}
            got = [n(a) for a in (predictions.get(key) or {}).get("authors") or []]
            given += len(got)
            right += sum(1 for a in got if a in names)
        return round(right / max(given, 1), 3)

    def _lines_kept(self, predictions: dict[str, Prediction]) -> float:
        """Share of trafilatura's main-text lines (with a letter) found in the body."""
        n = self.scorer.n
        kept = total = 0
        for key, lines in self.traf_lines.items():
            body = n((predictions.get(key) or {}).get("body"))
            total += len(lines)
            kept += sum(1 for line in lines if n(line) in body)
        return round(kept / max(total, 1), 3)

    def score_aeb(self, predictions: dict[str, Prediction]) -> Score:
        score = Score()
        for name, gold in self.aeb_gold.items():
            score.add(name, gold, (predictions.get(name) or {}).get("body") or "")
        return score


def predict(paths: Iterable[Path], one: Callable[[Path], Prediction]) -> dict[str, Prediction]:
    return {p.name: one(p) for p in paths}


def seed_fields(how: Mechanisms) -> list[Prediction]:
    """The seeds' fields through the fast path (text sources, so only fallbacks apply)."""
    seeds = [i for i in iter_inputs([str(ROOT / "seeds")]) if isinstance(i, RawDocument)]
    return [as_prediction(record(prepared(raw, how))) for raw in seeds]


ABLATION: list[tuple[str, Mechanisms]] = [
    ("JSON-LD graph, @id references, microdata", Mechanisms(PageOptions(jsonld_graph=False))),
    ("h1 confirmed by metadata titles", Mechanisms(PageOptions(title_confirm=False))),
    ("site names (titles, authors)", Mechanisms(PageOptions(site_names=False))),
    ("site name the <title> adds to og:title", Mechanisms(PageOptions(title_site=False))),
    ("of confirmed h1s the longer", Mechanisms(PageOptions(longer_h1=False))),
    ("byline shown around the headline", Mechanisms(PageOptions(head_byline=False))),
    ("credit lines are no byline", Mechanisms(PageOptions(credit_lines=False))),
    ("date shown around the headline", Mechanisms(PageOptions(head_date=False))),
    ("permalink date", Mechanisms(PageOptions(url_date=False))),
    ("unlabelled shown edit day yields", Mechanisms(PageOptions(unlabelled_edit=False))),
    ("labelled date below the head", Mechanisms(PageOptions(labelled_date=False))),
    ("the shown date the metadata confirms", Mechanisms(PageOptions(agreeing_date=False))),
    ("microdata authors of the headline's item", Mechanisms(PageOptions(article_item=False))),
    ("desks are no people", Mechanisms(PageOptions(desk_names=False))),
    ("all names of a byline of name elements", Mechanisms(PageOptions(listed_bylines=False))),
    ("links to an author's page", Mechanisms(PageOptions(author_links=False))),
    ("of JSON-LD articles, the shown headline's", Mechanisms(PageOptions(ld_headline=False))),
    ("a headline starting with the host's name", Mechanisms(PageOptions(host_names=False))),
    ("a day above the headline needs metadata", Mechanisms(PageOptions(teaser_dates=False))),
    ("a teaser's byline above the headline", Mechanisms(PageOptions(teasers=False))),
    ("a cut-short main text yields to articleBody", Mechanisms(PageOptions(ld_body=False))),
    ("AND, 'in <place>', role elements in bylines", Mechanisms(PageOptions(byline_parts=False))),
    ("an ambiguous date's other reading", Mechanisms(PageOptions(ambiguous_dates=False))),
    ("tables in the main text", Mechanisms(PageOptions(tables=False))),
    ("main-text body (cleaner ∪ trafilatura)", Mechanisms(main_text=False)),
    ("calls to action, disclosures, stamps", Mechanisms(body=BodyRules(extra_chrome=False))),
    ("short bulleted lines are list items", Mechanisms(body=BodyRules(items=False))),
    ("a reporting sentence is no call to action", Mechanisms(body=BodyRules(reported_calls=False))),
    ("affiliate only with links", Mechanisms(body=BodyRules(affiliate_links=False))),
    ("a sentence is no notice, footer or end label", Mechanisms(body=BodyRules(sentences=False))),
    ("a dateline line has a mark", Mechanisms(body=BodyRules(marked_datelines=False))),
]


def measure(sets: Sets, ablation: bool) -> dict[str, Any]:
    report: dict[str, Any] = {"versions": {"trafilatura": trafilatura.__version__}}
    traf_meta = predict(sets.meta_pages, trafilatura_alone)
    sets.traf_lines = {
        k: [line for line in (p.get("body") or "").splitlines() if any(c.isalpha() for c in line)]
        for k, p in traf_meta.items()
    }
    traf_aeb = predict(sets.aeb_pages, trafilatura_alone)
    report["trafilatura"] = (sets.score_meta(traf_meta), _rp(sets.score_aeb(traf_aeb)))
    with tempfile.TemporaryDirectory(prefix="kg-pages-") as tmp:
        built_meta = kg_build(sets.meta_pages, Path(tmp) / "meta")
        built_aeb = kg_build(sets.aeb_pages, Path(tmp) / "aeb")
    report["kg build"] = (sets.score_meta(built_meta), _rp(sets.score_aeb(built_aeb)))
    report["published"] = (len(built_meta), len(built_aeb))
    all_on = Mechanisms()
    report["kg fast"] = _fast_scores(sets, all_on)
    seeds = seed_fields(all_on)
    report["ablation"] = []
    for name, how in ABLATION if ablation else []:
        meta, aeb = _fast_scores(sets, how)
        same = seed_fields(how) == seeds
        report["ablation"].append((name, meta, aeb, same))
    return report


def _fast_scores(sets: Sets, how: Mechanisms) -> tuple[dict[str, float], dict[str, float]]:
    def one(path: Path) -> Prediction:
        return kg_fast(path, how)

    meta = sets.score_meta(predict(sets.meta_pages, one))
    return meta, _rp(sets.score_aeb(predict(sets.aeb_pages, one)))


def _rp(score: Score) -> dict[str, float]:
    return {"recall": round(score.recall, 3), "precision": round(score.precision, 3)}


# -- the results file ------------------------------------------------------------------------

FIELDS = ("title", "date", "author", "body_must", "body_must_not", "author_names", "traf_lines")


def render(report: dict[str, Any]) -> str:
    head = "| | " + " | ".join(FIELDS) + " | aeb recall | aeb precision |"
    lines = [
        "# Real pages: kg against trafilatura (bench/pages.py)",
        "",
        "102 html-meta pages scored by their score.py; 29 aeb pages by body token recall and",
        f"precision. trafilatura {report['versions']['trafilatura']} alone is "
        "`bare_extraction(html, with_metadata=True)`; *kg build* is what a real build",
        "published; *kg fast* is the same reading and cleaning without NLP, the row the",
        "ablation changes. Produced by `python -m bench.pages`.",
        "",
        head,
        "|---" * (len(FIELDS) + 3) + "|",
    ]
    for row in ("trafilatura", "kg build", "kg fast"):
        meta, aeb = report[row]
        lines.append(_row(row, meta, aeb))
    published = report["published"]
    lines += [
        "",
        f"kg build published {published[0]} of 102 and {published[1]} of 29 pages.",
        "",
        "*author_names*: the share of author names given (on pages with an expected author)",
        "that are expected ones; score.py counts a superset as right, this counts the extra",
        "names. *traf_lines*: the share of trafilatura's main-text lines (those with a letter)",
        "that the body holds; trafilatura's own row is 1 by definition.",
        "",
        "Per-field precedence: kg/sources/precedence.py (its docstring says which source wins",
        "and why). Dates: 7 of the 102 pages cannot be right for an extractor that reads the",
        "page, so 0.931 (95 of 102) is the ceiling here. On 6 the expected day appears nowhere",
        "in the page (searched for in ISO, numeric and month-name forms and as Unix times);",
        "on the 7th it appears only in the site's 'today' bar and in another story's teaser,",
        "while the article's JSON-LD, meta tags and shown date all give an earlier day.",
        "",
        "Ablation rows that change nothing here guard classes of page these sets hold no",
        "scored case of, found on invented pages where trafilatura was right and kg was not",
        "(each has its tests): a desk typed as a person, a photo credit's or reviewer's",
        "'by' near the headline, a logo h1 on a page that names its",
        "site only in its <title>, a standfirst's event date or a date bar near the headline",
        "(on the html/ set this last rule corrects one page, whose photo caption gave kg a",
        "2014 date for a 2023 story), a call to action beside a reporting sentence;",
        "and (tests/test_pages_probe.py) a byline whose names are elements of their own,",
        "several JSON-LD articles with a teaser's first, a headline that starts with the",
        "host's name, a teaser's byline and date above the headline, a main text cut short",
        "beside a full JSON-LD articleBody, bylines in capitals or with 'in <place>', a name",
        "and a role in elements of their own, an ambiguous numeric date and no metadata",
        "date. The dateline rule for main-text lines keeps",
        "headings in capitals and venue lines trafilatura keeps (traf_lines). Links to an",
        "author's page name the author on 2 html-meta pages (a user name after a lone 'by',",
        "a profile link) and on no other.",
        "",
        "Tried and not kept: trafilatura's favor_recall (alone: body_must .954, aeb",
        "precision .947) and its baseline() as a fallback where the main text is under 60%",
        "of baseline's words (its extra lines: 2 more must snippets, 5 more must-not).",
    ]
    if report["ablation"]:
        lines += [
            "",
            "## Ablation: each mechanism off in turn (kg fast)",
            "",
            "| off | " + " | ".join(FIELDS) + " | aeb recall | aeb precision | seeds same |",
            "|---" * (len(FIELDS) + 4) + "|",
        ]
        for name, meta, aeb, same in report["ablation"]:
            lines.append(_row(name, meta, aeb) + (" yes |" if same else " **no** |"))
    return "\n".join(lines) + "\n"


def _row(name: str, meta: dict[str, float], aeb: dict[str, float]) -> str:
    cells = [f"{meta[f]:.3f}" for f in FIELDS] + [f"{aeb['recall']:.3f}", f"{aeb['precision']:.3f}"]
    return f"| {name} | " + " | ".join(cells) + " |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--no-ablation", action="store_true")
    args = parser.parse_args()
    report = measure(Sets.load(shared_data()), ablation=not args.no_ablation)
    (ROOT / "bench" / "out").mkdir(exist_ok=True)
    (ROOT / "bench" / "out" / "pages.json").write_text(json.dumps(report, indent=1))
    text = render(report)
    print(text)
    args.results.write_text(text, encoding="utf-8")
    print(f"(written to {args.results})", file=sys.stderr)


if __name__ == "__main__":
    main()
