"""Entities on two dev sets in one run: CoNLL-2003 test and GUM dev; writes bench/ENTITIES.md.

    python bench/entities.py                       # kg as it ships against raw spaCy
    python bench/entities.py --folds DIR           # also kg with a ner fine-tuned on GUM
    python bench/entities.py --folds DIR --ablation  # and each mechanism off, both sets

* CoNLL-2003 test (../shared/data/ner): exact-span mention P/R/F1 per type
  (bench/conll.py), kg against the raw model on the same text.
* GUM dev (../shared/data/ner-gum): entity level with the data set's score.py, per
  type and per genre, on what kg publishes for each article (bench/gum.py), against the
  raw model's unique entity strings per text. The learned type decision is trained on
  GUM, so each genre's texts are run with the weights of the fold that never saw that
  genre (bench/types-folds/, tools/train_types.py --folds): held-out figures.

``--folds DIR`` takes the models ``tools/train_ner.py --folds DIR`` writes (DIR/<genre>/,
each trained without that genre's texts): each genre's texts are built with the model
that never saw them, so the GUM figures of the fine-tuned ner are held-out figures;
CoNLL is scored with every fold model (none saw CoNLL). Those builds run ``kg build``
with the learned decision kg ships, which saw every GUM genre: for the decision's
part their GUM figures are not held out.
"""

from __future__ import annotations

import argparse
import platform
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import ablation, gum  # noqa: E402
from bench import conll as evaluate  # noqa: E402
from kg.build import BuildOptions, build  # noqa: E402
from kg.extract import nlp as nlp_mod  # noqa: E402
from kg.extract.entities.rules import ALL_RULES, Rules  # noqa: E402

CONLL = gum.SHARED / "data" / "ner" / "eng.testb.docs.jsonl"
RESULTS = ROOT / "bench" / "ENTITIES.md"
CONLL_TYPES = ("PER", "LOC", "ORG")
FINE_TUNED = "kg + ner fine-tuned on GUM (held-out genres)"


@dataclass
class GumRun:
    name: str
    preds: gum.Predictions
    published: int


def build_gum(model: str | None, source: Path, workers: int) -> tuple[gum.Predictions, int]:
    """kg build of ``source`` into a scratch folder; what it published."""
    with tempfile.TemporaryDirectory(prefix="kg-gum-") as tmp:
        out = Path(tmp) / "out"
        options = BuildOptions(
            sources=(str(source),), out=out, model=model, cache=False, workers=workers
        )
        result = build(options)
        return gum.published(out), len(result.published)


def held_out_gum(model: str | None) -> tuple[gum.Predictions, int]:
    """What kg publishes for the GUM texts, each with the learned decision's weights of
    the fold that never saw its genre (in this process, as kg build runs it)."""
    docs = ablation.gum_documents()
    rules = ablation.fold_rules(ALL_RULES)
    preds = ablation.published(docs, {d.meta.id or "": model for d in docs}, rules)
    return preds, len(preds)


def build_folds(folds: Path, items: list[gum.Text], workers: int) -> tuple[gum.Predictions, int]:
    """Each genre's texts built with the model trained without that genre."""
    preds: gum.Predictions = {}
    count = 0
    with tempfile.TemporaryDirectory(prefix="kg-gum-folds-") as tmp:
        for genre in sorted({t.genre for t in items}):
            model = folds / genre
            if not model.is_dir():
                raise SystemExit(f"no fold model {model} (tools/train_ner.py --folds {folds})")
            part = Path(tmp) / f"{genre}.jsonl"  # a scratch file, removed with the folder
            part.write_text(gum.genre_lines([genre]), encoding="utf-8")
            got, n = build_gum(str(model), part, workers)
            preds.update(got)
            count += n
    return preds, count


def fold_models(folds: Path) -> list[Path]:
    return sorted(p for p in folds.iterdir() if p.is_dir() and not p.is_symlink())


def conll_rows(model: str | None, folds: Path | None) -> dict[str, evaluate.Scores]:
    docs = evaluate.read_docs(CONLL)
    raw = spacy.load(nlp_mod.default_model())
    rows = {"spaCy raw": evaluate.score(docs, evaluate.spacy_mentions(docs, raw))}
    rows["kg"] = evaluate.score(docs, evaluate.kg_mentions(docs, nlp_mod.load(model)))
    for path in fold_models(folds) if folds is not None else []:
        scores = evaluate.score(docs, evaluate.kg_mentions(docs, nlp_mod.load(str(path))))
        rows[f"kg + ner fine-tuned on GUM ({path.name})"] = scores
    return rows


def _f(x: float) -> str:
    return f"{x:.3f}"


def gum_table(runs: list[GumRun]) -> list[str]:
    lines = [
        "| system | published | Person P / R / F1 | Place P / R / F1 | Organization P / R / F1 |",
        "|---|---:|---|---|---|",
    ]
    for run in runs:
        s = gum.score(run.preds)
        cells = [" / ".join(_f(s[t][k]) for k in ("P", "R", "F1")) for t in gum.TYPES]
        lines.append(f"| {run.name} | {run.published} | " + " | ".join(cells) + " |")
    return lines


def genre_table(runs: list[GumRun], items: list[gum.Text]) -> list[str]:
    head = "| genre | texts | " + " | ".join(f"{r.name}: Person / Place / Org F1" for r in runs)
    lines = [head + " |", "|---|---:|" + "---|" * len(runs)]
    tables = [gum.by_genre(r.preds, items) for r in runs]
    for genre in sorted({t.genre for t in items}):
        n = sum(1 for t in items if t.genre == genre)
        cells = [" / ".join(_f(table[genre][t]["F1"]) for t in gum.TYPES) for table in tables]
        lines.append(f"| {genre} | {n} | " + " | ".join(cells) + " |")
    return lines


def conll_table(rows: dict[str, evaluate.Scores]) -> list[str]:
    lines = [
        "| system | PER P / R / F1 | LOC P / R / F1 | ORG P / R / F1 | all three P / R / F1 |",
        "|---|---|---|---|---|",
    ]
    for name, s in rows.items():
        parts = [s.by_type[t] for t in CONLL_TYPES] + [s.all]
        cells = [f"{_f(x.precision)} / {_f(x.recall)} / {_f(x.f1)}" for x in parts]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def goals_table(raw: gum.Predictions, kg: GumRun, conll: evaluate.Scores) -> list[str]:
    """Issue 13's goals against what this run measured for kg as it ships."""
    r, k = gum.score(raw), gum.score(kg.preds)
    rows = [
        ("GUM Person F1 >= 0.75", k["Person"]["F1"], k["Person"]["F1"] >= 0.75),
        ("GUM Person precision >= 0.85", k["Person"]["P"], k["Person"]["P"] >= 0.85),
        ("GUM Place F1 >= 0.72", k["Place"]["F1"], k["Place"]["F1"] >= 0.72),
        ("GUM Organization F1 >= 0.60", k["Organization"]["F1"], k["Organization"]["F1"] >= 0.6),
    ]
    for t in gum.TYPES:
        gain = k[t]["F1"] - r[t]["F1"]
        rows.append((f"GUM {t} F1 >= raw spaCy + 0.15", gain, gain >= 0.15))
    rows.append(("all 164 GUM texts published", float(kg.published), kg.published == 164))
    rows.append(("CoNLL-2003 all-three F1 >= 0.83", conll.all.f1, conll.all.f1 >= 0.83))
    lines = ["| goal | measured | met |", "|---|---:|---|"]
    for goal, value, met in rows:
        if "raw spaCy" in goal:
            shown = f"{value:+.3f}"
        else:
            shown = str(int(value)) if "published" in goal else f"{value:.3f}"
        lines.append(f"| {goal} | {shown} | {'yes' if met else 'no'} |")
    return lines


def ablation_lines(model: str | None, folds: Path | None, only: list[str] | None) -> list[str]:
    """The ablation section: every mechanism off in turn, or only the ones named."""
    title = "each mechanism off" if only is None else "these mechanisms off, one at a time"
    lines = ["", f"## Ablation: {title}, both sets", ""]
    for line in ablation.table(model, folds, only):
        print(line, file=sys.stderr, flush=True)  # a long run: each row as it comes
        lines.append(line)
    return lines


def _mechanisms(parser: argparse.ArgumentParser, names: str | None) -> list[str] | None:
    """The mechanisms --mechanisms names (None: every one); a usage error for a wrong name."""
    only = names.split(",") if names else None
    unknown = sorted(set(only or ()) - set(Rules.names()))
    if unknown:
        parser.error(f"no mechanism {', '.join(unknown)}")
    return only


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=Path, help="fine-tuned fold models (DIR/<genre>/)")
    parser.add_argument("--model", default=None, help="kg's model [default: en_core_web_sm]")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--ablation", action="store_true", help="each mechanism off, both sets")
    parser.add_argument(
        "--mechanisms", help="with --ablation: only these mechanisms' rows (comma-separated)"
    )
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    only = _mechanisms(parser, args.mechanisms)
    items = gum.texts()
    raw_nlp = spacy.load(nlp_mod.default_model())
    runs = [GumRun("spaCy raw", gum.raw_spacy(raw_nlp, items), len(items))]
    runs.append(GumRun("kg", *held_out_gum(args.model)))
    if args.folds is not None:
        runs.append(GumRun(FINE_TUNED, *build_folds(args.folds, items, args.workers)))
    conll = conll_rows(args.model, args.folds)
    command = "python bench/entities.py" + (" --folds DIR" if args.folds else "")
    if args.ablation:
        command += " --ablation" + (f" --mechanisms {args.mechanisms}" if args.mechanisms else "")
    lines = [
        "# Entities on two dev sets",
        "",
        f"`{command}`; generated by the script "
        f"(Python {platform.python_version()}, spaCy {spacy.__version__}, "
        f"{nlp_mod.model_id(nlp_mod.load(args.model))}).",
        "",
        "## GUM dev: entity level (score.py), what kg publishes",
        "",
        *gum_table(runs),
        "",
        "### Per genre (F1)",
        "",
        *genre_table(runs, items),
        "",
        "## CoNLL-2003 test: exact-span mentions",
        "",
        *conll_table(conll),
        "",
        "## Goals (issue 13), kg as it ships",
        "",
        *goals_table(runs[0].preds, runs[1], conll["kg"]),
    ]
    if args.ablation:
        lines += ablation_lines(args.model, args.folds, only)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
