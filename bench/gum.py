"""GUM dev (../shared/data/ner-gum): entity-level scores of what kg publishes, per type and genre.

kg's side is what a build really published: for each article graph, every node the
NewsArticle ``schema:mentions`` that is a Person, Place or Organization (or a
schema.org subclass of one, read from the schema.org vocabulary), with its
``schema:name`` and ``schema:alternateName`` values. The raw model's side is its
unique entity strings per text (PERSON → Person, GPE/LOC/FAC → Place, ORG →
Organization) on the headline and text, as the data set's SOURCE.md measures it.
Scoring is the data set's own score.py, loaded from ../shared in place.
"""

from __future__ import annotations

import importlib.util
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import ModuleType

from rdflib import RDF, RDFS, Graph, Namespace, URIRef
from spacy.language import Language

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KG_SHARED", ROOT.parent / "shared"))
GUM = SHARED / "data" / "ner-gum"
ARTICLES = GUM / "gum_dev_articles.jsonl"
SCHEMA = Namespace("http://schema.org/")
TYPES = ("Person", "Place", "Organization")
SPACY_TYPES = {
    "PERSON": "Person",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
    "ORG": "Organization",
}

Predictions = dict[str, list[dict[str, object]]]
Scores = dict[str, dict[str, float]]


@lru_cache(maxsize=1)
def scorer() -> ModuleType:
    """The data set's score.py, imported from where it lies."""
    spec = importlib.util.spec_from_file_location("gum_score", GUM / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Text:
    id: str
    genre: str
    headline: str
    text: str


def texts(path: Path = ARTICLES) -> list[Text]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            out.append(Text(r["id"], r["genre"], r.get("headline") or "", r["text"]))
    return out


def gold() -> dict[str, list[dict[str, object]]]:
    return json.loads((GUM / "gum_dev_gold.json").read_text(encoding="utf-8"))


def genre_lines(genres: Iterable[str], path: Path = ARTICLES) -> str:
    """The JSON Lines records of the given genres (for a build of one fold's texts)."""
    wanted = set(genres)
    lines = path.read_text(encoding="utf-8").splitlines()
    return "".join(
        line + "\n" for line in lines if line.strip() and json.loads(line)["genre"] in wanted
    )


@lru_cache(maxsize=1)
def _vocabulary() -> Graph:
    return Graph().parse(SHARED / "data" / "schemaorg" / "schemaorg-current-http.ttl")


@lru_cache(maxsize=512)
def scored_type(cls: URIRef) -> str | None:
    """Person, Place or Organization for a schema.org class or any of its subclasses."""
    vocabulary = _vocabulary()
    todo, seen = [cls], set()
    while todo:
        c = todo.pop()
        if c in seen:
            continue
        seen.add(c)
        for t in TYPES:
            if c == SCHEMA[t]:
                return t
        todo.extend(o for o in vocabulary.objects(c, RDFS.subClassOf) if isinstance(o, URIRef))
    return None


def graph_entities(graph: Graph) -> list[dict[str, object]]:
    """The scored entities an article graph mentions: type and every name."""
    items = []
    for article in graph.subjects(RDF.type, SCHEMA.NewsArticle):
        for node in sorted(set(graph.objects(article, SCHEMA.mentions))):
            kinds = {scored_type(c) for c in graph.objects(node, RDF.type) if isinstance(c, URIRef)}
            kinds.discard(None)
            if len(kinds) != 1:
                continue
            names = [str(n) for n in graph.objects(node, SCHEMA.name)]
            names += sorted(str(n) for n in graph.objects(node, SCHEMA.alternateName))
            items.append({"type": kinds.pop(), "names": names})
    return items


def published(out: Path, manifest: Mapping[str, object] | None = None) -> Predictions:
    """Predictions from a build's output folder: one entry per published article."""
    data = manifest or json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    preds: Predictions = {}
    for article_id, entry in data["articles"].items():  # type: ignore[union-attr]
        graph = Graph().parse(out / "articles" / f"{entry['file']}.ttl", format="turtle")
        preds[article_id] = graph_entities(graph)
    return preds


def raw_spacy(nlp: Language, items: list[Text]) -> Predictions:
    """The raw model's unique entity strings per text."""
    preds: Predictions = {}
    docs = nlp.pipe(
        (f"{t.headline}\n\n{t.text}" if t.headline else t.text for t in items), batch_size=16
    )
    for t, doc in zip(items, docs, strict=True):
        seen = {(SPACY_TYPES[e.label_], e.text) for e in doc.ents if e.label_ in SPACY_TYPES}
        preds[t.id] = [{"type": kind, "names": [name]} for kind, name in sorted(seen)]
    return preds


def score(preds: Predictions, ids: Iterable[str] | None = None) -> Scores:
    """score.py's per-type figures over the given articles (all of the gold by default);
    an article with no predictions (not published) counts all its gold as missed."""
    g = gold()
    keep = set(g) if ids is None else set(ids)
    return scorer().score({k: v for k, v in g.items() if k in keep}, preds)


def by_genre(preds: Predictions, items: list[Text]) -> dict[str, Scores]:
    genres = sorted({t.genre for t in items})
    return {genre: score(preds, [t.id for t in items if t.genre == genre]) for genre in genres}
