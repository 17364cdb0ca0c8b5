"""Exact-span NER scores of kg and raw spaCy on CoNLL-2003 test (eng.testb).

    python bench/eval_conll.py [--limit N] [--data PATH]

Reads ../shared/data/ner/eng.testb.docs.jsonl in place (never copied).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import conll as evaluate  # noqa: E402
from kg.extract import nlp as nlp_mod  # noqa: E402

# ../shared next to the repository, or $KG_SHARED (as in the tests).
SHARED = Path(os.environ.get("KG_SHARED", Path(__file__).resolve().parents[2] / "shared"))
DATA = SHARED / "data" / "ner" / "eng.testb.docs.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--no-spacy", action="store_true", help="skip the raw spaCy row")
    parser.add_argument(
        "--layout",
        action="store_true",
        help="also score kg build's own reading (page layout first: only headline, "
        "dateline and body lines are analysed)",
    )
    args = parser.parse_args()
    docs = evaluate.read_docs(args.data, args.limit)
    nlp = nlp_mod.load()
    runs = {"kg": lambda: evaluate.kg_mentions(docs, nlp)}
    if args.layout:
        runs["kg-layout"] = lambda: evaluate.kg_mentions(docs, nlp, layout=True)
    if not args.no_spacy:
        runs["spacy-sm"] = lambda: evaluate.spacy_mentions(docs, nlp)
    rows, seconds = {}, {}
    for name, run in runs.items():
        start = time.perf_counter()
        rows[name] = evaluate.score(docs, run())
        seconds[name] = time.perf_counter() - start
    print(f"{len(docs)} documents, {sum(len(d.gold) for d in docs)} gold PER/LOC/ORG mentions")
    print(evaluate.table(rows))
    print("seconds: " + ", ".join(f"{name} {t:.1f}" for name, t in seconds.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
