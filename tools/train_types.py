"""Train the learned type decision (kg.extract.entities.learned) on the GUM dev texts.

    python tools/train_types.py                    # kg/data/entity_types.json, all 164 texts
    python tools/train_types.py --folds DIR        # also DIR/<genre>.json, each without a genre
    python tools/train_types.py --folds bench/types-folds  # the folds bench/entities.py uses

Data are read in place from ../shared/data/ner-gum (or $KG_SHARED/data/ner-gum), never
copied. Every text goes through kg's own pipeline with every rule on and the learned
decision off (kg.extract.entities.mentions.typed_groups); each surface form it typed
Person, Place or Organization is one example, with the features of
kg.extract.entities.learned.features. Its label is the GUM type of a gold entity of that
text one of its forms names (score.py's normalisation), else None (no name to publish).

The model is a multinomial logistic regression (numpy, L2, full-batch gradient
descent, deterministic). Word features ("head:university") are kept only for words the
training texts also write in lower case and that name groups in at least ``MIN_GENRES``
of their genres, so no name is learned. kg only drops names the rules typed Organization
that the model is sure are none (kg.extract.entities.learned.decide); how sure is chosen
on the training texts alone, by leaving a share of their genres out in turn. CoNLL-2003
is never used.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.extract.article import prepare  # noqa: E402
from kg.extract.entities import learned  # noqa: E402
from kg.extract.entities.decide import TYPES  # noqa: E402
from kg.extract.entities.mentions import spacy_mentions, typed_groups  # noqa: E402
from kg.extract.entities.rules import ALL_RULES  # noqa: E402
from kg.extract.nlp import load  # noqa: E402
from kg.model import RawDocument  # noqa: E402
from kg.sources.jsonl import read_jsonl_stream  # noqa: E402

SHARED = Path(os.environ.get("KG_SHARED", ROOT.parent / "shared"))
GUM = SHARED / "data" / "ner-gum"
OUT = ROOT / "kg" / "data" / "entity_types.json"
MIN_GENRES = 3
_LOWER = re.compile(r"\b[a-z][a-z'-]+\b")
L2 = 1.0
STEPS = 400
INNER = 3  # shares of the training genres left out in turn to choose the thresholds
DROPS = (0.5, 0.6, 0.7, 0.8, 0.9, 1.01)  # 1.01: never


@dataclass
class Example:
    genre: str
    text_id: str
    key: str
    rule: str  # the type the rules gave
    label: str  # Person, Place, Organization or None
    x: dict[str, float]


def _norm():
    spec = importlib.util.spec_from_file_location("gum_score", GUM / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.norm


def examples() -> tuple[list[Example], dict[str, set[str]]]:
    """One example per Person, Place or Organization group of every GUM text, and the
    words each genre's texts write in lower case."""
    norm = _norm()
    gold = json.loads((GUM / "gum_dev_gold.json").read_text(encoding="utf-8"))
    genres = {}
    for line in (GUM / "gum_dev_articles.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            genres[record["id"]] = record["genre"]
    with (GUM / "gum_dev_articles.jsonl").open("rb") as f:
        raws = [d for d in read_jsonl_stream(f, "gum", None, 1 << 24) if isinstance(d, RawDocument)]
    nlp = load(None)
    rules = ALL_RULES.without("learned")
    prepared = [prepare(raw) for raw in raws]
    out: list[Example] = []
    lower: dict[str, set[str]] = defaultdict(set)
    for raw, p, doc in zip(raws, prepared, nlp.pipe(p.view.text for p in prepared), strict=True):
        tid = raw.meta.id or ""
        lower[genres[tid]].update(_LOWER.findall(p.view.text))
        forms = {}
        for e in gold[tid]:
            for form in e["forms"]:
                forms.setdefault(norm(form), e["type"])
        found, groups, sports = typed_groups(doc, spacy_mentions(doc, rules), None, rules)
        ev = learned.evidence(doc, found, groups, sports)
        for key, g in groups.items():
            if g.known >= 0 or g.thing or g.type not in TYPES:
                continue
            labels = [forms[norm(f)] for f in g.forms if norm(f) in forms]
            label = max(set(labels), key=labels.count) if labels else learned.NONE
            out.append(Example(genres[tid], tid, key, g.type, label, learned.features(key, g, ev)))
    return out, dict(lower)


def vocabulary(items: list[Example], lower: dict[str, set[str]]) -> list[str]:
    """Features to learn: every non-word feature; word features seen in many genres, of
    words the training texts also write in lower case (common words, not names)."""
    genres: dict[str, set[str]] = defaultdict(set)
    for e in items:
        for name in e.x:
            genres[name].add(e.genre)
    common = set().union(*(lower[g] for g in {e.genre for e in items}))
    return sorted(
        n
        for n, g in genres.items()
        if ":" not in n or (len(g) >= MIN_GENRES and n.split(":", 1)[1] in common)
    )


def fit(items: list[Example], names: list[str]) -> np.ndarray:
    """Weights (features × classes) of an L2-regularised multinomial logistic regression."""
    index = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(items), len(names)), dtype=np.float32)
    y = np.zeros((len(items), len(learned.CLASSES)))
    for r, e in enumerate(items):
        for n, v in e.x.items():
            if n in index:
                x[r, index[n]] = v
        y[r, learned.CLASSES.index(e.label)] = 1.0
    w = np.zeros((len(names), len(learned.CLASSES)))
    m, v = np.zeros_like(w), np.zeros_like(w)
    penalty = np.ones((len(names), 1))
    penalty[index["bias"]] = 0.0
    for step in range(1, STEPS + 1):  # Adam on the mean log loss
        s = x @ w
        s -= s.max(axis=1, keepdims=True)
        p = np.exp(s)
        p /= p.sum(axis=1, keepdims=True)
        grad = x.T @ (p - y) / len(items) + L2 * penalty * w / len(items)
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        w -= 0.08 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return w


def model_of(items: list[Example], lower: dict[str, set[str]], drop: float) -> learned.TypeModel:
    names = vocabulary(items, lower)
    w = fit(items, names)
    weights = {n: tuple(float(c) for c in w[i]) for i, n in enumerate(names) if np.any(w[i])}
    return learned.TypeModel(learned.CLASSES, weights, drop)


def verdict(model: learned.TypeModel, e: Example) -> str:
    """The type the decision publishes for an example (None: dropped), as
    kg.extract.entities.learned.decide gives it."""
    if e.rule != "Organization" or learned.protected(e.key, e.x):
        return e.rule
    p = model.probabilities(e.x)
    none = max(model.classes, key=p.__getitem__) == learned.NONE and p[learned.NONE] >= model.drop
    return learned.NONE if none else e.rule


def f1(pairs: list[tuple[str, str]], t: str) -> float:
    """F1 of type ``t`` on examples: (published type, label) pairs."""
    tp = sum(1 for got, label in pairs if got == t and label == t)
    fp = sum(1 for got, label in pairs if got == t and label != t)
    fn = sum(1 for got, label in pairs if got != t and label == t)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def threshold(items: list[Example], lower: dict[str, set[str]]) -> float:
    """The drop threshold that gives the best Organization F1 on these texts, their genres
    left out a share at a time (``INNER`` shares: the texts' own held-out figures, cheaply)."""
    genres = sorted({e.genre for e in items})
    held: list[tuple[learned.TypeModel, Example]] = []
    for part in range(INNER):
        out = set(genres[part::INNER])
        model = model_of([e for e in items if e.genre not in out], lower, 1.0)
        held += [(model, e) for e in items if e.genre in out]

    def score(drop: float) -> float:
        pairs = [(verdict(replace(m, drop=drop), e), e.label) for m, e in held]
        return round(f1(pairs, "Organization"), 4)

    return max(DROPS, key=lambda d: (score(d), d))


def trained(items: list[Example], lower: dict[str, set[str]]) -> learned.TypeModel:
    return model_of(items, lower, threshold(items, lower))


def write(model: learned.TypeModel, path: Path, note: str) -> None:
    data = {"trained_on": note, **model.to_json()}
    path.write_text(json.dumps(data, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=Path, help="also write DIR/<genre>.json, one per genre")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    items, lower = examples()
    genres = sorted({e.genre for e in items})
    if args.folds is not None:
        args.folds.mkdir(parents=True, exist_ok=True)
        for genre in genres:
            model = trained([e for e in items if e.genre != genre], lower)
            write(model, args.folds / f"{genre}.json", f"GUM dev without {genre}")
            held = [e for e in items if e.genre == genre]
            rules = f1([(e.rule, e.label) for e in held], "Organization")
            got = f1([(verdict(model, e), e.label) for e in held], "Organization")
            print(
                f"{genre}: drop {model.drop}; held-out Organization F1 of its names "
                f"{rules:.3f} by the rules, {got:.3f} with the decision"
            )
    model = trained(items, lower)
    write(model, args.out, "GUM dev, all 164 texts")
    print(f"{args.out}: {len(items)} examples, {len(model.weights)} features, drop {model.drop}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
