"""Events on a sample of the BBC corpus: how many per type, and random ones to judge.

    python bench/events.py                      # 300 articles, 20 samples
    python bench/events.py --articles 300 --samples 20 --seed 3
    python bench/events.py --articles 0         # the whole corpus

Reads ../shared/data/corpus/bbc_news_2225.jsonl in place (never copied). Prints
the events per type and, for a random sample, each event's name, type, date,
place and attendees with the sentences it was read from, so precision can be
judged by reading. The BBC records carry no publication date, so relative
dates ("on Monday") cannot resolve and are left out.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from kg.extract import nlp as nlp_mod
from kg.extract.article import extract
from kg.link.events import link_events
from kg.link.iris import Iris
from kg.link.merge import Linker
from kg.sources import InputLimits, iter_inputs

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "bbc_news_2225.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--samples", type=int, default=20)
    parser.add_argument("--seed", type=int, default=2225)
    args = parser.parse_args()
    lines = args.corpus.read_text(encoding="utf-8").splitlines()
    count = args.articles if 0 < args.articles < len(lines) else len(lines)
    chosen = sorted(random.Random(args.seed).sample(range(len(lines)), count))
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.jsonl"
        sample.write_text("\n".join(lines[i] for i in chosen) + "\n", encoding="utf-8")
        raws = [r for r in iter_inputs((str(sample),), InputLimits(10**8)) if hasattr(r, "text")]
        nlp = nlp_mod.load()
        start = time.perf_counter()
        articles = list(extract(raws, nlp))
        extracted = time.perf_counter() - start
    iris = Iris()
    linker = Linker(iris)
    for a in articles:
        linker.add(a)
    start = time.perf_counter()
    index = link_events(articles, iris, linker)
    linked = time.perf_counter() - start
    by_iri: dict[str, tuple[object, list[tuple[str, object]]]] = {}
    for a in articles:
        for e in index.for_article(a.id):
            by_iri.setdefault(e.iri, (e, []))[1].append((a, e))
    occurrences = sum(len(a.events) for a in articles)
    types = Counter(e.type for e, _ in by_iri.values())  # type: ignore[attr-defined]
    categories = Counter(json.loads(lines[i]).get("category") for i in chosen)
    print(f"articles: {len(articles)} {dict(sorted(categories.items()))}")
    print(f"extract {extracted:.1f} s, link events {linked * 1000:.0f} ms (noisy, shared machine)")
    print(f"event occurrences found: {occurrences}; published events: {len(by_iri)}")
    print(
        f"articles with at least one event: {sum(bool(index.for_article(a.id)) for a in articles)}"
    )
    for kind, n in types.most_common():
        print(f"  {kind:13} {n}")
    keys = sorted(by_iri)
    picked = random.Random(args.seed).sample(keys, min(args.samples, len(keys)))
    for n, iri in enumerate(picked, start=1):
        event, reports = by_iri[iri]
        print(
            f"\n[{n}] {event.name}  ({event.type}; date {event.start_date}; "  # type: ignore[attr-defined]
            f"place {event.location.name if event.location else None})"
        )  # type: ignore[attr-defined]
        for article, e in reports:
            people = [article.entities[i].name for i in e.attendees]  # type: ignore[attr-defined]
            print(f"    {article.id}: attendees {people}")  # type: ignore[attr-defined]
            for text in e.sentence_texts:  # type: ignore[attr-defined]
                print("      | " + " ".join(text.split()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
