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

from kg import evaluate
from kg.extract import nlp as nlp_mod

# ../shared next to the repository, or $KG_SHARED (as in the tests).
SHARED = Path(os.environ.get("KG_SHARED", Path(__file__).resolve().parents[2] / "shared"))
DATA = SHARED / "data" / "ner" / "eng.testb.docs.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--no-spacy", action="store_true", help="skip the raw spaCy row")
    args = parser.parse_args()
    docs = evaluate.read_docs(args.data, args.limit)
    nlp = nlp_mod.load()
    rows = {}
    t0 = time.perf_counter()
    rows["kg"] = evaluate.score(docs, evaluate.kg_mentions(docs, nlp))
    t1 = time.perf_counter()
    if not args.no_spacy:
        rows["spacy-sm"] = evaluate.score(docs, evaluate.spacy_mentions(docs, nlp))
    t2 = time.perf_counter()
    print(f"{len(docs)} documents, {sum(len(d.gold) for d in docs)} gold PER/LOC/ORG mentions")
    print(evaluate.table(rows))
    print(f"kg {t1 - t0:.1f} s, raw spaCy {t2 - t1:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
