"""Fine-tune the ``ner`` component of en_core_web_sm on GUM's people, places and organisations.

    python tools/train_ner.py --folds DIR          # four models, each without some genres
    python tools/train_ner.py --out DIR            # one model on all 164 texts
    python bench/entities.py --folds DIR           # held-out scores of the fold models
    kg build news/ --model DIR/fold-1              # kg with one of them

Data are read in place from ../shared/data (or $KG_SHARED/data), never copied:

* ner-gum/: the 164 GUM texts and their entity gold. Each gold entity's name forms
  are found in the text kg's NER reads (the text view of kg.extract.article.prepare),
  cut to the name as kg cuts names (no titles, "the" or possessive; the first name of
  a form with a comma), and become PERSON / ORG / GPE-LOC-FAC spans, with the
  original model's own boundaries where kg would read the same name in them.
  Elsewhere in the same texts the original model's own entities of the other labels
  (DATE, TIME, NORP, CARDINAL, WORK_OF_ART, ...) are kept, so the model does not
  forget them (events need DATE and TIME); a person or organisation the original
  model saw where GUM has none is trained as no entity, a country or big city GUM
  leaves unannotated (a modifier, a name inside a name) as unknown.
* corpus/: BBC news articles, labelled by the original model (all its labels; with
  ``--distil`` its people, places and organisations are what kg publishes for them),
  a new share of them mixed into every epoch ("rehearsal") so news keeps the
  model's behaviour.

``--folds`` holds out whole genres (the four groups of FOLDS), so each fold model
can be scored on texts it never saw; ``--hold-out GENRE,...`` does so for one model.
Training is seeded (spacy.util.fix_random_seed): the data order and dropout masks
are the same every run. Only the ner component (with its own tok2vec) is trained and
saved; kg puts it into en_core_web_sm in place of the original (kg.extract.nlp).

Measured (bench/ENTITIES.md, the default recipe): on held-out genres +0.006 Person,
-0.006 Place, +0.014 Organization F1 at the entity level, and CoNLL-2003 0.815-0.831
for the four fold models against 0.832 with the original ner; news labelled by kg
(``--distil``) did no better. It helps neither set clearly, so kg ships no such model.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import filter_spans, minibatch

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.extract.article import finish, prepare  # noqa: E402
from kg.extract.entities.spans import role_only, spans_of  # noqa: E402
from kg.extract.nlp import default_model, load  # noqa: E402
from kg.extract.page.view import TextView  # noqa: E402
from kg.lexicon.gazetteer import gazetteer  # noqa: E402
from kg.lexicon.words import is_english_word, is_given_name  # noqa: E402
from kg.model import Article, RawDocument  # noqa: E402
from kg.sources.jsonl import read_jsonl_stream  # noqa: E402

SHARED = Path(os.environ.get("KG_SHARED", ROOT.parent / "shared"))
GUM = SHARED / "data" / "ner-gum"
CORPUS = SHARED / "data" / "corpus" / "bbc_news_2225.jsonl"
GOLD_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC"}
PLACE_LABELS = ("GPE", "LOC", "FAC")
_PUNCT = re.compile(r"^[^\w\s]+$|^'s$|^’s$")


@dataclass(frozen=True)
class Settings:
    epochs: int = 10
    rehearsal: int = 2225  # BBC articles, shared out over the epochs (a new share each)
    dropout: float = 0.2
    seed: int = 0
    batch_docs: int = 8


def read_jsonl(path: Path) -> list[RawDocument]:
    with path.open("rb") as f:
        return [
            d for d in read_jsonl_stream(f, str(path), None, 1 << 24) if isinstance(d, RawDocument)
        ]


def form_pattern(form: str) -> re.Pattern[str]:
    """A form as written in the gold ("Anna Hale - Okafor") as a pattern over the text
    ("Anna Hale-Okafor"): punctuation may or may not have spaces around it."""
    tokens = form.split()
    parts = [re.escape(tokens[0])]
    for prev, token in zip(tokens, tokens[1:], strict=False):
        glue = r"\s*" if _PUNCT.match(prev) or _PUNCT.match(token) else r"\s+"
        parts += [glue, re.escape(token)]
    head = r"(?<!\w)" if tokens[0][:1].isalnum() else ""
    tail = r"(?!\w)" if tokens[-1][-1:].isalnum() else ""
    return re.compile(head + "".join(parts) + tail)


def project(source: str, entities: list[dict[str, object]]) -> list[tuple[int, int, str]]:
    """Gold spans (source offsets, GUM type) of every occurrence of every entity's forms;
    the longest wins where they overlap ("University of Larkhaven" over "Larkhaven").
    Each is then cut to the name itself as kg reads names (see :func:`name_parts`)."""
    found: list[tuple[int, int, str]] = []
    for entity in entities:
        for form in entity["forms"]:  # type: ignore[attr-defined]
            form = str(form).strip()
            if len(form) < 2 and not form.isupper():
                continue
            for m in form_pattern(form).finditer(source):
                found.append((m.start(), m.end(), str(entity["type"])))
    found.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    taken = [False] * len(source)
    out = []
    for a, b, kind in found:
        if not any(taken[a:b]):
            taken[a:b] = [True] * (b - a)
            out += [(c, d, kind) for c, d in name_parts(source, a, b, kind)]
    return sorted(out)


_LOWER_HEAD = re.compile(r"^(?:(?:[a-z][\w-]*|A|An|The)\s+)+")
_COMMA = re.compile(r",\s+|\s+or\s+")


def name_parts(source: str, start: int, end: int, kind: str) -> list[tuple[int, int]]:
    """The names in a gold form as written, cut the way spaCy and kg cut names: without
    leading lower-case words ("younger Tomas Edvik", "northern Arvia"), titles
    ("President Ana Ferreira"), "the" and possessives; a form with a comma or "or" is
    its first name for a person or organisation ("John Varga, 2nd Earl of Westmoor"),
    every name for places ("Baghdad, Iraq")."""
    head = _LOWER_HEAD.match(source[start:end])
    if head:
        start += head.end()
    pieces, pos = [], start
    for m in _COMMA.finditer(source, start, end):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, end))
    if kind != "Place":
        pieces = pieces[:1]
    out = []
    for a, b in pieces:
        if b > a:
            out += spans_of(source, a, b, person=kind == "Person")
    return [(a, b) for a, b in out if _name_like(source[a:b])]


def _name_like(name: str) -> bool:
    """Not a bare common word ("College", "Lord", "State"), unless it is also a known
    place or given name: GUM's chains hold such words where they stand for a name."""
    if role_only(name) or gazetteer().is_people_word(name):
        return False  # "Deputy Mayor", "Canadians": GUM chains of people, not names
    if " " in name or not is_english_word(name):
        return True
    return gazetteer().is_place_name(name) or is_given_name(name)


def to_view(view: TextView, start: int, end: int) -> tuple[int, int] | None:
    """The view offsets of a source span that lies inside one analysed segment."""
    # Segments are joined by a blank line ("\n\n"), so each ends two characters
    # before the next begins.
    ends = [s - 2 for s in view.starts[1:]] + [len(view.text)]
    for seg_start, seg_end, seg_source in zip(view.starts, ends, view.sources, strict=True):
        if seg_source <= start and end - seg_source <= seg_end - seg_start:
            return seg_start + start - seg_source, seg_start + end - seg_source
    return None


def place_label(name: str, predicted: str | None) -> str:
    if predicted in PLACE_LABELS:
        return predicted
    kind = gazetteer().place_kind(name)
    return "GPE" if kind in ("Country", "City", "AdministrativeArea") else "LOC"


def gum_example(
    nlp: Language, teacher: Doc, raw: RawDocument, view: TextView, gold: list
) -> Example:
    """A training example of one GUM text: gold P/P/O spans, the teacher's other labels."""
    spans: list[Span] = []
    by_token = {}
    for ent in teacher.ents:
        for i in range(ent.start, ent.end):
            by_token[i] = ent.label_
    teacher_spans = _cleaned_ents(teacher)
    for a, b, kind in project(raw.text, gold):
        where = to_view(view, a, b)
        if where is None:
            continue
        span = teacher_spans.get((kind == "Person", *where))
        if span is None:
            span = teacher.char_span(*where, alignment_mode="contract") or teacher.char_span(
                *where, alignment_mode="expand"
            )
        if span is None or not len(span):
            continue
        if kind == "Person":
            label = "PERSON"
        elif kind == "Organization":
            label = "ORG"
        else:
            votes = [by_token.get(i) for i in range(span.start, span.end)]
            label = place_label(span.text, next((v for v in votes if v in PLACE_LABELS), None))
        spans.append(Span(teacher, span.start, span.end, label=label))
    gold_tokens = {i for s in spans for i in range(s.start, s.end)}
    unknown: list[Span] = []
    for ent in teacher.ents:
        if any(i in gold_tokens for i in range(ent.start, ent.end)):
            continue
        if ent.label_ not in GOLD_LABELS:
            spans.append(ent)
        elif ent.label_ in ("GPE", "LOC") and gazetteer().unambiguous(ent.text):
            # A country or big city GUM leaves unannotated (a modifier: "the U.S.
            # economy"; a name inside another): no lesson either way.
            unknown.append(ent)
    return _example(nlp, teacher, filter_spans(spans), unknown)


def _cleaned_ents(doc: Doc) -> dict[tuple[bool, int, int], Span]:
    """The model's entities by the name kg would read in them: where the gold name is what
    kg makes of a model span ("the United Nations" → "United Nations"), the model's own
    boundaries are kept, so training teaches types, not spaCy's conventions anew."""
    out: dict[tuple[bool, int, int], Span] = {}
    for ent in doc.ents:
        for person in (False, True):
            parts = spans_of(doc.text, ent.start_char, ent.end_char, person=person)
            if len(parts) == 1:
                out.setdefault((person, *parts[0]), ent)
    return out


def _example(
    nlp: Language, teacher: Doc, spans: list[Span], unknown: list[Span] | None = None
) -> Example:
    """The example of ``teacher``'s text: ``spans`` are entities, ``unknown`` spans are
    left unannotated (missing), every other token is outside any entity."""
    reference = Doc(
        nlp.vocab, words=[t.text for t in teacher], spaces=[bool(t.whitespace_) for t in teacher]
    )
    reference.set_ents(
        [Span(reference, s.start, s.end, label=s.label_) for s in spans],
        missing=[Span(reference, s.start, s.end) for s in unknown or ()],
        default="outside",
    )
    return Example(nlp.make_doc(teacher.text), reference)


def gum_examples(nlp: Language) -> list[tuple[str, Example]]:
    """(genre, training example) of every GUM text."""
    gold = json.loads((GUM / "gum_dev_gold.json").read_text(encoding="utf-8"))
    lines = (GUM / "gum_dev_articles.jsonl").read_text(encoding="utf-8").splitlines()
    genres = {json.loads(line)["id"]: json.loads(line)["genre"] for line in lines if line}
    raws = read_jsonl(GUM / "gum_dev_articles.jsonl")
    views = [prepare(r).view for r in raws]
    teachers = nlp.pipe(v.text for v in views)
    return [
        (genres[r.meta.id or ""], gum_example(nlp, t, r, v, gold.get(r.meta.id, [])))
        for r, v, t in zip(raws, views, teachers, strict=True)
    ]


def rehearsal_examples(nlp: Language, limit: int, distil: bool) -> list[Example]:
    """BBC articles (their text views) labelled by the original model: every label kept.

    With ``distil``, people, places and organisations are what kg itself publishes for
    the article with the original model (its rules applied: types decided, names cut,
    surnames found), the other labels the model's own.
    """
    raws = read_jsonl(CORPUS)
    random.Random(1).shuffle(raws)
    raws = raws[:limit]
    prepared = [prepare(r) for r in raws]
    docs = list(nlp.pipe(p.view.text for p in prepared))
    if not distil:
        return [_example(nlp, doc, list(doc.ents)) for doc in docs]
    full = load(default_model())
    out = []
    parsed_docs = full.pipe(p.view.text for p in prepared)
    for p, parsed, doc in zip(prepared, parsed_docs, docs, strict=True):
        article = finish(p, parsed)
        out.append(_kg_example(nlp, doc, p.view, article))
    return out


_KG_LABELS = {"Person": "PERSON", "Organization": "ORG"}


def _kg_example(nlp: Language, teacher: Doc, view: TextView, article: Article) -> Example:
    """A news example labelled with kg's own people, places and organisations."""
    by_token = {i: ent.label_ for ent in teacher.ents for i in range(ent.start, ent.end)}
    spans: list[Span] = []
    for m in article.mentions:
        entity = article.entities[m.entity]
        where = None if m.nested else to_view(view, m.start, m.end)
        if where is None or entity.type not in ("Person", "Place", "Organization"):
            continue
        span = teacher.char_span(*where, alignment_mode="expand")
        if span is None:
            continue
        label = _KG_LABELS.get(entity.type)
        if label is None:
            votes = [by_token.get(i) for i in range(span.start, span.end)]
            label = place_label(span.text, next((v for v in votes if v in PLACE_LABELS), None))
        spans.append(Span(teacher, span.start, span.end, label=label))
    kept = {i for s in spans for i in range(s.start, s.end)}
    others = [
        e
        for e in teacher.ents
        if e.label_ not in GOLD_LABELS and not any(i in kept for i in range(e.start, e.end))
    ]
    return _example(nlp, teacher, filter_spans(spans + others))


def train(
    nlp: Language, gum: list[Example], news: list[Example], settings: Settings
) -> Iterator[dict[str, float]]:
    """Update the ner component, one epoch at a time (yields the losses of each)."""
    rng = random.Random(settings.seed)
    optimizer = nlp.resume_training()
    per_epoch = len(news) // settings.epochs if news else 0
    for epoch in range(settings.epochs):
        batch = gum + news[epoch * per_epoch : (epoch + 1) * per_epoch]
        rng.shuffle(batch)
        losses: dict[str, float] = {}
        for part in minibatch(batch, size=settings.batch_docs):
            nlp.update(part, drop=settings.dropout, sgd=optimizer, losses=losses)
        yield losses


# Cross-validation folds: GUM's genres in four groups of about the same size, each
# held out once (a model per fold never sees its genres).
FOLDS = (
    ("bio", "letter", "court"),
    ("interview", "academic", "essay"),
    ("voyage", "speech", "podcast"),
    ("whow", "textbook"),
)


def base_ner() -> Language:
    """en_core_web_sm's tokenizer and ner alone: the model every run starts from."""
    return spacy.load(
        default_model(),
        exclude=["parser", "tagger", "lemmatizer", "attribute_ruler", "senter", "tok2vec"],
    )


def fit(
    gum: list[tuple[str, Example]],
    news: list[Example],
    hold_out: set[str],
    settings: Settings,
    out: Path,
) -> None:
    """Train a fresh copy of the original ner without the ``hold_out`` genres; save it."""
    spacy.util.fix_random_seed(settings.seed)
    nlp = base_ner()
    train_set = [e for genre, e in gum if genre not in hold_out]
    print(f"{out}: {len(train_set)} GUM texts, {len(news)} news articles", file=sys.stderr)
    for epoch, losses in enumerate(train(nlp, train_set, news, settings), start=1):
        print(f"  epoch {epoch}: {losses}", file=sys.stderr)
    nlp.meta.update(
        name="kg_ner",
        version="1.0.0",
        description="en_core_web_sm 3.8's ner, fine-tuned by kg's tools/train_ner.py on "
        "GUM's people, places and organisations (genres held out: "
        + (", ".join(sorted(hold_out)) or "none")
        + "), with BBC news labelled by the original model as rehearsal.",
        sources=["en_core_web_sm 3.8.0 (MIT)", "GUM corpus annotations (CC BY 4.0)"],
    )
    nlp.meta.pop("performance", None)
    nlp.to_disk(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", type=Path, help="train one model here")
    target.add_argument("--folds", type=Path, help="one model per fold: DIR/fold-N, DIR/<genre>")
    parser.add_argument("--hold-out", default="", help="with --out: GUM genres to leave out")
    parser.add_argument("--epochs", type=int, default=Settings.epochs)
    parser.add_argument("--rehearsal", type=int, default=Settings.rehearsal)
    parser.add_argument("--seed", type=int, default=Settings.seed)
    parser.add_argument(
        "--distil", action="store_true", help="news labelled with what kg publishes for it"
    )
    parser.add_argument("--fold", type=int, default=0, help="with --folds: only fold N")
    args = parser.parse_args()
    settings = Settings(epochs=args.epochs, rehearsal=args.rehearsal, seed=args.seed)
    teacher = base_ner()
    gum = gum_examples(teacher)
    news = rehearsal_examples(teacher, args.rehearsal, args.distil)
    if args.out is not None:
        fit(gum, news, {g for g in args.hold_out.split(",") if g}, settings, args.out)
        return 0
    args.folds.mkdir(parents=True, exist_ok=True)
    for n, genres in enumerate(FOLDS, start=1):
        if args.fold and n != args.fold:
            continue
        fit(gum, news, set(genres), settings, args.folds / f"fold-{n}")
        for genre in genres:
            link = args.folds / genre
            if link.is_symlink():
                link.unlink()
            link.symlink_to(f"fold-{n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
