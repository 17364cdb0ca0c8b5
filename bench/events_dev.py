"""Events on the hand-annotated dev articles: kg against its baseline, and an ablation.

    python bench/events_dev.py                    # both dev subsets; writes bench/EVENTS.md
    python bench/events_dev.py --whole            # also the whole BBC corpus (coverage)
    python bench/events_dev.py --baseline 021ed59 # the code to compare with (a git ref)
    python bench/events_dev.py --keep DIR         # keep the builds (kg-whole/kg.nq…) to judge

Reads ../shared/data in place (never copied): events/bbc40.jsonl (40 BBC articles),
the 35 html-meta pages of events/pages35.jsonl (built from ../shared/data/html-meta/ID),
and, with --whole, corpus/bbc_news_2225.jsonl. Scores with events/score.py (main-event
recall, event precision; lenient matching, see its docstring), on the projection of
each build that it reads (`SCORED`: the same figures, in seconds instead of minutes).

Rows:
  baseline   `kg build` of the baseline ref (git archive into a scratch folder)
  kg         `kg build` of this tree
  -X         this tree in-process with mechanism X turned off (EventSettings), all
             else equal; "first kinds" keeps only the thirteen types kg had before.
The in-process rows parse each text once and run the rules once per row; the "all
on" in-process row must equal the kg row (it is printed as a check). On the whole
corpus the in-process rows are counted from the linked events, not written: no scorer
reads them, and a store per row would not fit in a session. Quality only:
the machine is shared, so no timings are reported.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

import pyoxigraph as ox
from spacy.tokens import Doc

ROOT = Path(__file__).resolve().parent.parent
# ../shared next to the repository, or $KG_SHARED (as in the tests).
DATA = Path(os.environ.get("KG_SHARED", ROOT.parent / "shared")) / "data"
EVENTS = DATA / "events"
GOLD = EVENTS / "events_dev.json"
SCORE = EVENTS / "score.py"
CORPUS = DATA / "corpus" / "bbc_news_2225.jsonl"
RESULTS = ROOT / "bench" / "EVENTS.md"
BASELINE = "021ed59"  # main when issue 12 was started: kg before this work
sys.path.insert(0, str(ROOT))

from bench.events_section import with_events  # noqa: E402
from kg.extract import nlp as nlp_mod  # noqa: E402
from kg.extract.article import Prepared, finish, prepare  # noqa: E402
from kg.extract.events.context import ALL_ON, EventSettings  # noqa: E402
from kg.link.events import EventIndex, link_events  # noqa: E402
from kg.link.iris import Iris  # noqa: E402
from kg.link.merge import Linker  # noqa: E402
from kg.model import Article, RawDocument  # noqa: E402
from kg.rdf.events import event_mapper  # noqa: E402
from kg.rdf.mapping import article_triples, graph_from  # noqa: E402
from kg.sources import InputLimits, iter_inputs  # noqa: E402

ABLATION: list[tuple[str, EventSettings]] = [
    ("all on (in-process)", ALL_ON),
    ("- main event", replace(ALL_ON, main=False)),
    ("- statements", replace(ALL_ON, statements=False)),
    ("- lead clause (happening)", replace(ALL_ON, clause=False)),
    ("- lead clause typed from its words", replace(ALL_ON, clause_types=False)),
    ("- clause a newspaper reports", replace(ALL_ON, reported_clause=False)),
    ("- headline", replace(ALL_ON, headline=False)),
    ("- genre gate", replace(ALL_ON, genre=False)),
    ("- English sentences only", replace(ALL_ON, english_only=False)),
    ("- place fallback", replace(ALL_ON, place_fallback=False)),
    ("- fallback place of the own clause only", replace(ALL_ON, own_clause_place=False)),
    ("- prose opening", replace(ALL_ON, prose_opening=False)),
    ("- announced clause (is to, is set to)", replace(ALL_ON, announced=False)),
    ("- owners of figures (shares in X)", replace(ALL_ON, figure_owners=False)),
    ("- milestone (has become the first)", replace(ALL_ON, milestone=False)),
    ("- voices (X officials, a report from X)", replace(ALL_ON, voices=False)),
    ("- undone nouns (withdrawal)", replace(ALL_ON, undone=False)),
    ("- placed agentless passive", replace(ALL_ON, placed_passive=False)),
    ("- opening sentences ending in a number", replace(ALL_ON, prose_numbers=False)),
    ("- team possessors (Wales's squad)", replace(ALL_ON, team_possessors=False)),
    ("- place in an owned event's name", replace(ALL_ON, named_event_places=False)),
    ("- cut title fragments (Office of the X)", replace(ALL_ON, name_fragments=False)),
    ("- works after a work noun", replace(ALL_ON, work_names=False)),
    ("- later lead sentence told as past", replace(ALL_ON, later_backstory=False)),
    ("+ day before a month DATE (not kept)", replace(ALL_ON, day_dates=True)),
    ("- light verb + noun of words (gave a speech)", replace(ALL_ON, light_nouns=False)),
    ("- a work's own chart place or release", replace(ALL_ON, work_subjects=False)),
    ("- feelings (is relishing) no happening", replace(ALL_ON, feelings=False)),
    ("- appeals against X are court cases", replace(ALL_ON, legal_appeals=False)),
    ("- no place from a statement's object", replace(ALL_ON, said_objects=False)),
    ("+ third lead sentence (not kept)", replace(ALL_ON, third_sentence=True)),
    ("+ contentLocation fallback", replace(ALL_ON, content_location=True)),
    ("- new kinds (first 13 only)", replace(ALL_ON, kinds=False)),
]


@dataclass
class Subset:
    name: str
    sources: list[str]


def subsets() -> list[Subset]:
    pages = [json.loads(line)["id"] for line in (EVENTS / "pages35.jsonl").open()]
    return [
        Subset("BBC 40", [str(EVENTS / "bbc40.jsonl")]),
        Subset("pages 35", [str(DATA / "html-meta" / p) for p in pages]),
    ]


# What score.py reads, and nothing else: the articles with their urls and links to
# events, and each event's name, date and arguments with the arguments' names. Its
# query joins every typed node with every article, so on a whole page build (bodies,
# sentences, every entity) it takes minutes; on this projection it takes a second.
SCORED = """PREFIX s: <http://schema.org/>
CONSTRUCT { ?a a s:NewsArticle ; s:url ?u ; ?link ?e . ?e a s:Event ; s:subjectOf ?b ;
  ?p ?o . ?o ?n ?v }
WHERE {
  { ?a a s:NewsArticle OPTIONAL { ?a s:url ?u } }
  UNION { ?a a s:NewsArticle ; ?link ?e . ?e a s:Event . VALUES ?link { s:about s:mentions } }
  UNION { ?e a s:Event OPTIONAL { ?e s:subjectOf ?b } }
  UNION { ?e a s:Event ; ?p ?o .
    VALUES ?p { s:name s:startDate s:attendee s:organizer s:performer s:location } }
  UNION { ?e a s:Event ; ?p ?o . ?o ?n ?v .
    VALUES ?p { s:attendee s:organizer s:performer s:location }
    VALUES ?n { s:name s:alternateName } }
}"""


def scored_part(ttl: Path) -> Path:
    """The projection of a build that score.py reads, written beside it with the
    manifest (score.py finds articles by the manifest next to the graph)."""
    store = ox.Store()
    with ttl.open("rb") as f:
        store.bulk_load(f, ox.RdfFormat.TURTLE)
    part = ttl.parent / "scored"
    part.mkdir(exist_ok=True)
    triples = store.query(SCORED)
    assert isinstance(triples, ox.QueryTriples)
    ox.serialize(triples, str(part / "kg.ttl"), ox.RdfFormat.TURTLE)
    manifest = ttl.parent / "manifest.json"
    if manifest.exists():
        (part / "manifest.json").write_bytes(manifest.read_bytes())
    return part / "kg.ttl"


def score(ttl: Path, *, whole: bool = False) -> dict[str, float]:
    """score.py's figures for a build: of the projection it reads, or of the whole graph."""
    graph = ttl if whole else scored_part(ttl)
    out = subprocess.run(
        [sys.executable, str(SCORE), str(GOLD), str(graph)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return ast.literal_eval(out.strip().splitlines()[-1])


def kg_build(sources: list[str], out: Path, code: Path | None) -> None:
    """`kg build` in a fresh process, of this tree or of the code folder given."""
    env = dict(os.environ)
    if code is not None:
        env["PYTHONPATH"] = str(code)
    command = [sys.executable, "-m", "kg.cli", "build", *sources, "--out", str(out)]
    command += ["-q", "--workers", "1", "--no-cache"]
    result = subprocess.run(command, env=env, cwd=code or ROOT, capture_output=True, text=True)
    if result.returncode not in (0, 3):  # 3: built, some inputs rejected or invalid
        raise RuntimeError(f"kg build failed ({result.returncode}): {result.stderr[-2000:]}")


def baseline_code(ref: str, folder: Path) -> Path:
    """The baseline's source tree, from git (no checkout: this tree is untouched)."""
    archive = folder / "baseline.tar"
    with archive.open("wb") as f:
        subprocess.run(["git", "-C", str(ROOT), "archive", ref], check=True, stdout=f)
    code = folder / "baseline"
    with tarfile.open(archive) as tar:
        tar.extractall(code, filter="data")
    return code


def parsed(sources: list[str]) -> list[tuple[Prepared, Doc]]:
    """(prepared, doc) for every document: spaCy runs once for all the rows."""
    raws = [
        r for r in iter_inputs(tuple(sources), InputLimits(10**8)) if isinstance(r, RawDocument)
    ]
    nlp = nlp_mod.load()
    prepared = [prepare(r) for r in raws]
    docs = nlp.pipe((p.view.text for p in prepared), batch_size=32)
    out: list[tuple[Prepared, Doc]] = []
    for p, doc in zip(prepared, docs, strict=True):
        doc.tensor = doc.tensor[:0]  # the rules never read it; the whole corpus fits
        out.append((p, doc))
    return out


def articles_with(docs: list[tuple[Prepared, Doc]], settings: EventSettings) -> list[Article]:
    return [finish(p, d, event_settings=settings) for p, d in docs]


def linked(articles: list[Article]) -> tuple[Iris, Linker, EventIndex]:
    """The build's linking step, in-process: one IRI per entity and per event."""
    iris = Iris()
    linker = Linker(iris)
    for a in articles:
        linker.add(a)
    index = link_events(articles, iris, linker)
    linker.resolve()
    return iris, linker, index


def counts(articles: list[Article], index: EventIndex) -> dict[str, int]:
    """What store_counts reads from a real build, counted from the linked events."""
    reports: dict[str, set[str]] = {}
    for a in articles:
        for e in index.for_article(a.id):
            reports.setdefault(e.iri, set()).add(a.id)
    return {
        "articles": len(articles),
        "with_event": sum(1 for a in articles if index.for_article(a.id)),
        "events": len(reports),
        "shared": sum(1 for ids in reports.values() if len(ids) >= 2),
        "main": sum(1 for a in articles if any(e.main for e in index.for_article(a.id))),
    }


def write_build(articles: list[Article], out: Path) -> dict[str, int]:
    """kg.ttl and manifest.json as score.py reads them, and counts of the events."""
    iris, linker, index = linked(articles)
    mapper = event_mapper(index)
    triples = [t for a in articles for t in article_triples(a, iris, linker, 0.0, mapper)]
    out.mkdir(parents=True, exist_ok=True)
    graph_from(triples).serialize(out / "kg.ttl", format="turtle")
    manifest = {a.id: {"iri": iris.article(a.id), "source": a.source} for a in articles}
    (out / "manifest.json").write_text(json.dumps({"articles": manifest}), encoding="utf-8")
    return counts(articles, index)


def store_counts(out: Path) -> dict[str, int]:
    """Counts of a real build's published events, read back from its kg.nq."""
    store = ox.Store()
    with (out / "kg.nq").open("rb") as f:
        store.bulk_load(f, ox.RdfFormat.N_QUADS)
    s = "PREFIX s: <http://schema.org/>\n"

    def one(query: str) -> int:
        result = store.query(s + query, use_default_graph_as_union=True)
        assert isinstance(result, ox.QuerySolutions)
        return int(next(iter(result))[0].value)

    return {
        "articles": one("SELECT (COUNT(DISTINCT ?a) AS ?n) { ?a a s:NewsArticle }"),
        "with_event": one(
            "SELECT (COUNT(DISTINCT ?a) AS ?n) { ?a a s:NewsArticle ; s:about|s:mentions ?e ."
            " ?e a s:Event }"
        ),
        "events": one("SELECT (COUNT(DISTINCT ?e) AS ?n) { ?e a s:Event }"),
        "shared": one(
            "SELECT (COUNT(*) AS ?n) { { SELECT ?e { ?e a s:Event ; s:subjectOf ?a }"
            " GROUP BY ?e HAVING (COUNT(DISTINCT ?a) >= 2) } }"
        ),
        "main": one(
            "SELECT (COUNT(DISTINCT ?a) AS ?n) { ?a a s:NewsArticle ; s:about ?e . ?e a s:Event }"
        ),
    }


Row = dict[str, object]


def dev_rows(subset: Subset, work: Path, base: Path) -> list[Row]:
    rows: list[Row] = []
    for label, code in (("baseline", base), ("kg", None)):
        out = work / f"{label}-{subset.name.replace(' ', '')}"
        kg_build(subset.sources, out, code)
        rows.append({"row": label, **score(out / "kg.ttl"), **store_counts(out)})
    docs = parsed(subset.sources)
    for label, settings in ABLATION:
        out = work / f"abl-{len(rows)}-{subset.name.replace(' ', '')}"
        found = write_build(articles_with(docs, settings), out)
        rows.append({"row": label, **score(out / "kg.ttl"), **found})
    return rows


def whole_rows(work: Path, base: Path) -> list[Row]:
    rows: list[Row] = []
    for label, code in (("baseline", base), ("kg", None)):
        out = work / f"{label}-whole"
        kg_build([str(CORPUS)], out, code)
        rows.append({"row": label, **store_counts(out)})
    docs = parsed([str(CORPUS)])
    for label, settings in ABLATION:  # counted, not written: no score reads the corpus
        articles = articles_with(docs, settings)
        rows.append({"row": label, **counts(articles, linked(articles)[2])})
        print(f"whole corpus: {label}", file=sys.stderr, flush=True)
    return rows


def dev_table(name: str, rows: list[Row]) -> list[str]:
    lines = [
        f"### {name}",
        "",
        "| row | main recall | precision | events | events/article | articles with event |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        per = int(r["kg_events"]) / max(int(r["articles"]), 1)  # type: ignore[call-overload]
        lines.append(
            f"| {r['row']} | {r['main_recall']:.3f} | {r['precision']:.3f} | {r['kg_events']} "
            f"| {per:.2f} | {r['articles_with_event']} / {r['articles']} |"
        )
    return lines + [""]


def whole_table(rows: list[Row]) -> list[str]:
    lines = [
        "### whole BBC corpus",
        "",
        "| row | articles with ≥1 event | share | with a main event | events "
        "| reported by ≥2 articles |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        share = int(r["with_event"]) / max(int(r["articles"]), 1)  # type: ignore[call-overload]
        lines.append(
            f"| {r['row']} | {r['with_event']} / {r['articles']} | {share:.1%} | {r['main']} "
            f"| {r['events']} | {r['shared']} |"
        )
    return lines + [""]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default=BASELINE, help="git ref of the baseline code")
    parser.add_argument("--whole", action="store_true", help="also the whole BBC corpus")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--keep", type=Path, help="keep the builds in this folder (to judge them)")
    args = parser.parse_args()
    lines = [
        "# Events on the dev articles (bench/events_dev.py)",
        "",
        f"Baseline: kg at `{args.baseline}`. Scorer: ../shared/data/events/score.py "
        "(lenient: a shared participant or place and compatible dates).",
        "",
    ]
    with tempfile.TemporaryDirectory(prefix="kg-events-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        base = baseline_code(args.baseline, work)
        for subset in subsets():
            lines += dev_table(subset.name, dev_rows(subset, work, base))
            print("\n".join(lines), flush=True)
        if args.whole:
            lines += whole_table(whole_rows(work, base))
    text = "\n".join(lines)
    print(text)
    args.out.write_text(text + "\n", encoding="utf-8")
    if args.out == RESULTS:  # and the events section of bench/RESULTS.md
        summary = ROOT / "bench" / "RESULTS.md"
        summary.write_text(with_events(summary.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
