"""Each entity mechanism off in turn, scored on both dev sets (bench/entities.py --ablation).

Extraction, linking, mapping and SHACL run in this process exactly as kg build
runs them (events aside: they add no Person, Place or Organization), so what is
scored is what kg would publish with that mechanism off.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from dataclasses import replace
from pathlib import Path

from bench import conll as evaluate
from bench import gum
from kg.build.batches import BATCH
from kg.extract import article as extraction
from kg.extract import nlp as nlp_mod
from kg.extract.entities.rules import ALL_RULES, Rules
from kg.link.iris import Iris
from kg.link.merge import Linker
from kg.model import Article, RawDocument
from kg.rdf.convert import graph_from
from kg.rdf.mapping import article_triples
from kg.sources.jsonl import read_jsonl_stream
from kg.validate import Validator

CONLL = gum.SHARED / "data" / "ner" / "eng.testb.docs.jsonl"


def gum_documents() -> list[RawDocument]:
    with gum.ARTICLES.open("rb") as f:
        items = read_jsonl_stream(f, str(gum.ARTICLES), None, 1 << 24)
        return [d for d in items if isinstance(d, RawDocument)]


def published(
    docs: list[RawDocument], models: dict[str, str | None], rules: Rules | Mapping[str, Rules]
) -> gum.Predictions:
    """What kg would publish for ``docs``; ``models`` gives each document's model by id,
    ``rules`` the rules (one for all, or each document's by id)."""
    articles = []
    rules_of = {
        d.meta.id or "": rules if isinstance(rules, Rules) else rules[d.meta.id or ""] for d in docs
    }
    runs = {(models[i], rules_of[i]) for i in models}
    for model, mine_rules in sorted(runs, key=str):
        mine = [
            d
            for d in docs
            if (models[d.meta.id or ""], rules_of[d.meta.id or ""]) == (model, mine_rules)
        ]
        got = extraction.extract(mine, nlp_mod.load(model), rules=mine_rules)
        articles += [a for a in got if isinstance(a, Article)]  # a Failed one is not published
    order = {d.meta.id: n for n, d in enumerate(docs)}
    articles.sort(key=lambda a: order[a.id])  # the input order, as kg build keeps it
    iris = Iris()
    linker = Linker(iris)
    for a in articles:
        linker.add(a)
    linker.resolve()
    triples = {a.id: article_triples(a, iris, linker, 0.0) for a in articles}
    validator, items = Validator(), list(triples.items())
    reports = {}
    for i in range(0, len(items), BATCH):  # validated in batches, as kg build does
        reports.update(validator.validate_many(items[i : i + BATCH]))
    return {
        a.id: gum.graph_entities(graph_from(triples[a.id]))
        for a in articles
        if reports[a.id].conforms
    }


TYPES_FOLDS = Path(__file__).resolve().parent / "types-folds"


def fold_rules(rules: Rules, folds: Path = TYPES_FOLDS) -> dict[str, Rules]:
    """Each GUM text's rules with the learned decision's weights of the fold that never
    saw its genre (tools/train_types.py --folds), so GUM figures are held-out figures."""
    return {t.id: replace(rules, weights=str(folds / f"{t.genre}.json")) for t in gum.texts()}


def fold_models(folds: Path) -> dict[str, str | None]:
    """Each GUM text's fine-tuned model: the fold model that never saw its genre."""
    return {t.id: str(folds / t.genre) for t in gum.texts()}


def variants(
    folds: Path | None, only: Collection[str] | None = None
) -> list[tuple[str, Rules, bool]]:
    """(row, rules, with the fine-tuned fold models) of the table; ``only``: just these
    mechanisms' rows (and kg as it ships), not every mechanism's nor all off."""
    rows: list[tuple[str, Rules, bool]] = [
        ("kg as it ships (every mechanism on)", ALL_RULES, False)
    ]
    if folds is not None:
        rows.append(("+ ner fine-tuned on GUM (held-out genres; CoNLL: fold 1)", ALL_RULES, True))
    for name in Rules.names() if only is None else [n for n in Rules.names() if n in only]:
        if getattr(ALL_RULES, name):
            rows.append((f"{name} off", ALL_RULES.without(name), False))
        else:  # measured, not shipped
            rows.append((f"{name} on (not shipped)", replace(ALL_RULES, **{name: True}), False))
    if only is None:
        none = Rules(**{name: False for name in Rules.names()})
        rows.append(("every mechanism off (the model's spans as they come)", none, False))
    return rows


def table(
    model: str | None, folds: Path | None, only: Collection[str] | None = None
) -> Iterator[str]:
    """The ablation table's lines, one row per variant as soon as it is measured."""
    docs = gum_documents()
    conll = evaluate.read_docs(CONLL)
    yield (
        "| mechanism | GUM Person F1 | GUM Place F1 | GUM Org F1 | GUM published "
        "| CoNLL PER F1 | CoNLL LOC F1 | CoNLL ORG F1 | CoNLL all three F1 |"
    )
    yield "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    for name, rules, tuned in variants(folds, only):
        if tuned and folds is not None:
            models = fold_models(folds)
            conll_model: str | None = str(folds / "fold-1")
        else:
            models = {d.meta.id or "": model for d in docs}
            conll_model = model
        preds = published(docs, models, fold_rules(rules))
        s = gum.score(preds)
        found = evaluate.kg_mentions(conll, nlp_mod.load(conll_model), rules=rules)
        c = evaluate.score(conll, found)
        cells = [f"{s[t]['F1']:.3f}" for t in gum.TYPES] + [str(len(preds))]
        cells += [f"{c.by_type[t].f1:.3f}" for t in ("PER", "LOC", "ORG")] + [f"{c.all.f1:.3f}"]
        yield f"| {name} | " + " | ".join(cells) + " |"
