"""Events drawn at random from a real build, each with its sentence, to be judged by hand.

    python bench/events_sample.py OUT/kg.nq 30 --seed 12   # prints a Markdown list

Reads the build's kg.nq (all named graphs), shuffles its Event IRIs (sorted first, so
the draw depends on the seed and the build only) and prints the first N with their
headline, sentence, type, participants, place and date. The verdicts in
bench/EVENTS_JUDGED.md are a reader's, written after reading each sentence.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import pyoxigraph as ox

PREFIXES = """PREFIX s: <http://schema.org/>
PREFIX kg: <https://w3id.org/kg-news/vocab#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
DETAIL = """SELECT ?name ?type ?date ?where
  (GROUP_CONCAT(DISTINCT ?who; separator=", ") AS ?whos) (SAMPLE(?h) AS ?head)
  (SAMPLE(?text) AS ?sent) (SAMPLE(?rel) AS ?salience) {
  <EVENT> s:name ?name ; s:additionalType/skos:prefLabel ?type .
  OPTIONAL { <EVENT> s:startDate|kg:startPeriod ?date }
  OPTIONAL { <EVENT> s:location/s:name ?where }
  OPTIONAL { <EVENT> s:attendee/s:name ?who }
  OPTIONAL { <EVENT> s:subjectOf ?a . ?a s:headline ?h .
             OPTIONAL { ?a ?rel <EVENT> FILTER(?rel IN (s:about, s:mentions)) } }
  OPTIONAL { <EVENT> prov:wasDerivedFrom/nif:anchorOf ?text }
} GROUP BY ?name ?type ?date ?where"""


def query(store: ox.Store, text: str) -> list[list[str | None]]:
    result = store.query(PREFIXES + text, use_default_graph_as_union=True)
    assert isinstance(result, ox.QuerySolutions)
    return [[v.value if v is not None else None for v in row] for row in result]


def sample(nq: Path, k: int, seed: int) -> tuple[int, list[str]]:
    """(how many events the build has, a Markdown item for each of k drawn at random)."""
    store = ox.Store()
    with nq.open("rb") as f:
        store.bulk_load(f, ox.RdfFormat.N_QUADS)
    events = sorted({str(r[0]) for r in query(store, "SELECT DISTINCT ?e { ?e a s:Event }")})
    random.Random(seed).shuffle(events)
    items = []
    for n, event in enumerate(events[:k], 1):
        name, kind, when, where, who, head, sent, rel = query(
            store, DETAIL.replace("EVENT", event)
        )[0]
        salience = "about" if rel and rel.endswith("about") else "mentions"
        items.append(
            f"{n}. **{name}** ({kind}, {salience}) · who: {who or '—'} · where: {where or '—'}"
            f" · when: {when or '—'}  \n   headline: {head}  \n"
            f"   sentence: {' '.join((sent or '').split())}"
        )
    return len(events), items


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("nq", type=Path, help="a build's kg.nq")
    parser.add_argument("k", type=int, help="how many events")
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    total, items = sample(args.nq, args.k, args.seed)
    print(f"{total} events; {len(items)} drawn with seed {args.seed}\n")
    print("\n".join(items))
    return 0


if __name__ == "__main__":
    sys.exit(main())
