"""A learned last word on names typed Organization: is it one, or no name at all?

The rules (kg.extract.entities.decide, common, things) give every surface form a type
from evidence read one piece at a time. This step weighs all of that evidence together
with a small multinomial logistic regression: the rules' own verdict, the model's
label votes, the cue words around the mentions, the gazetteer, given names, the
words of the name and their shape, how often and where the name is written. Of a
name the rules call an organisation it may say the capitalised words are no name kg
should publish (a field of study, an award, a programme, a title), and the name is
dropped.

The weights (kg/data/entity_types.json) are made by tools/train_types.py from the
GUM dev texts; bench/entities.py scores them by genre held out. kg does not run it
(``Rules.learned`` is off): it lifts Organization F1 on held-out GUM genres, but in
BBC news it drops real organisations ("Reuters", broadcasters) and events lose them.
The only words it weighs are common words of the training texts (written there in
lower case too): "university", "award", never a name.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Doc

from kg.extract.entities.cues import COMPANY_SUFFIXES, ORG_SUFFIXES
from kg.extract.entities.decide import TYPES, Group
from kg.extract.entities.found import Found
from kg.extract.entities.names import NameIndex, person_shaped
from kg.extract.entities.things import head_class
from kg.lexicon.gazetteer import gazetteer
from kg.lexicon.words import english_words, is_given_name

NONE = "None"  # the class of capitalised words that are no name to publish
CLASSES = (*TYPES, NONE)
_KINDS = ("Country", "Region", "City", "Place", "AdministrativeArea")
_ORIGINS = ("model", "repeat", "list", "citation", "competitor", "dateline", "nickname")
_CUES = ("Person", "Place", "Organization", "Common", "Definite", "Speaker")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Evidence:
    """What one article says about its names beyond each group's own counts."""

    text: str
    sports: bool
    index: NameIndex
    keys: frozenset[str]
    origins: Mapping[str, Counter[str]]
    starts: Mapping[str, int]  # mentions that open a sentence, by group key
    vectors: Mapping[str, tuple[float, ...]]  # the model's mean token vector, by group key


def evidence(doc: Doc, found: list[Found], groups: Mapping[str, Group], sports: bool) -> Evidence:
    """The article-wide evidence for :func:`features`."""
    origins: dict[str, Counter[str]] = {}
    starts: Counter[str] = Counter()
    sums: dict[str, list[float]] = {}
    counts: Counter[str] = Counter()
    tensor = doc.tensor
    for m in found:
        origins.setdefault(m.key, Counter())[m.origin] += 1
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        if span.start == 0 or doc[span.start].is_sent_start:
            starts[m.key] += 1
        if tensor is not None and len(tensor) == len(doc):
            v = tensor[span.start : span.end].mean(axis=0)
            acc = sums.setdefault(m.key, [0.0] * len(v))
            sums[m.key] = [a + float(b) for a, b in zip(acc, v, strict=True)]
            counts[m.key] += 1
    vectors = {k: tuple(a / counts[k] for a in v) for k, v in sums.items()}
    people = [
        k for k, g in groups.items() if g.type == "Person" or any(map(person_shaped, g.forms))
    ]
    return Evidence(
        doc.text, sports, NameIndex.of(people), frozenset(groups), origins, starts, vectors
    )


def features(key: str, g: Group, ev: Evidence) -> dict[str, float]:
    """The evidence on one group as named features (absent: 0)."""
    form = max(g.forms, key=lambda f: (g.forms[f], f))
    words = form.split()
    n = max(g.mentions, 1)
    x: dict[str, float] = {"bias": 1.0, f"rule={g.type}": 1.0}
    if g.kind:
        x["rule_kind"] = 1.0
    model_votes = {t: g.votes[t] - g.cues[t] for t in TYPES}
    total = sum(max(v, 0) for v in model_votes.values()) or 1
    for t in TYPES:
        x[f"label={t}"] = max(model_votes[t], 0) / total
    for c in _CUES:
        if g.cues[c]:
            x[f"cue={c}"] = math.log1p(g.cues[c])
    x["locative"] = g.locative / n
    x["mentions"] = math.log1p(g.mentions)
    x["forms>1"] = float(len(g.forms) > 1)
    x[f"words={min(len(words), 4)}"] = 1.0
    x.update(_shape(form, words))
    x.update(_lexicon(form, words))
    for origin, count in ev.origins.get(key, Counter()).items():
        if origin in _ORIGINS:
            x[f"origin={origin}"] = count / n
    x["sentence_start"] = ev.starts.get(key, 0) / n
    x["start_only"] = float(ev.starts.get(key, 0) == g.mentions)
    x["early"] = float(g.first < len(ev.text) / 10)
    x["sports"] = float(ev.sports)
    x["competitor"] = float(g.competitor)
    x["name_part"] = float(bool(ev.index.full_names(key)))
    x["inside_longer"] = float(any(key != k and f" {key} " in f" {k} " for k in ev.keys))
    x["lower_in_text"] = float(_written_lower(form, ev.text))
    for i, v in enumerate(ev.vectors.get(key, ())):
        x[f"vector{i}"] = v
    return x


def _shape(form: str, words: list[str]) -> dict[str, float]:
    letters = _LETTER.findall(form)
    x: dict[str, float] = {}
    if len(letters) >= 2 and form.isupper():
        x["caps"] = 1.0 if len(words) == 1 else 0.5
    if any(c.isdigit() for c in form):
        x["digit"] = 1.0
    if "&" in form or " and " in form:
        x["and"] = 1.0
    if " of " in form:
        x["of"] = 1.0
    if "-" in form:
        x["hyphen"] = 1.0
    if any(not c.isascii() for c in letters):
        x["non_ascii"] = 1.0
    if len(words) == 1 and len(letters) <= 3:
        x["short"] = 1.0
    if any(w[:1].islower() for w in words[1:]):
        x["lower_word"] = 1.0
    return x


def _lexicon(form: str, words: list[str]) -> dict[str, float]:
    gaz = gazetteer()
    kind = gaz.place_kind(form)
    x: dict[str, float] = {f"gaz={kind}" if kind in _KINDS else "gaz=None": 1.0}
    if kind is not None and gaz.is_major_place(form):
        x["major_place"] = 1.0
    if any(person_shaped(f) for f in (form,)):
        x["person_shaped"] = 1.0
    if is_given_name(words[0]):
        x["given_first"] = 1.0
    last = words[-1].casefold().rstrip(".")
    if len(words) > 1 and last in COMPANY_SUFFIXES:
        x["company_suffix"] = 1.0
    elif len(words) > 1 and last in ORG_SUFFIXES:
        x["org_suffix"] = 1.0
    head = head_class(form)
    if head is not None:
        x[f"head_class={head[0]}"] = 1.0
    english = [w.casefold() in english_words() for w in words]
    x["english_share"] = sum(english) / len(words)
    if english[-1] and len(words) > 1:
        x[f"head:{last}"] = 1.0  # a kind of thing ("university"), learned if frequent
    if english[0]:
        x[f"first:{words[0].casefold()}"] = 1.0
    return x


def _written_lower(form: str, text: str) -> bool:
    """Whether the article also writes the name in lower case, as a common phrase."""
    low = form.casefold()
    if low == form or not low.isascii():
        return False
    return re.search(rf"(?<![\w-]){re.escape(low)}(?![\w-])", text) is not None


@dataclass(frozen=True)
class TypeModel:
    """Multinomial logistic regression weights over named features."""

    classes: tuple[str, ...]
    weights: Mapping[str, tuple[float, ...]]  # feature → one weight per class
    drop: float  # how sure a None verdict must be to drop a name

    def probabilities(self, x: Mapping[str, float]) -> dict[str, float]:
        scores = [0.0] * len(self.classes)
        for name, value in x.items():
            w = self.weights.get(name)
            if w is not None:
                for i, wi in enumerate(w):
                    scores[i] += wi * value
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return {c: e / total for c, e in zip(self.classes, exp, strict=True)}

    def to_json(self) -> dict[str, object]:
        return {
            "classes": list(self.classes),
            "drop": self.drop,
            "weights": {k: [round(v, 5) for v in w] for k, w in sorted(self.weights.items())},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> TypeModel:
        weights = data["weights"]
        assert isinstance(weights, dict)
        return cls(
            tuple(data["classes"]),  # type: ignore[arg-type]
            {k: tuple(float(v) for v in w) for k, w in weights.items()},
            float(data["drop"]),  # type: ignore[arg-type]
        )


@lru_cache(maxsize=16)
def load(path: str | None = None) -> TypeModel:
    """The weights at ``path``, or the ones kg ships (kg/data/entity_types.json)."""
    if path is None:
        text = resources.files("kg").joinpath("data", "entity_types.json").read_text("utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    return TypeModel.from_json(json.loads(text))


def decide(groups: Mapping[str, Group], ev: Evidence, model: TypeModel) -> None:
    """Names the rules typed Organization that the model is sure are no name at all are
    dropped (``thing``); authority entries and the names :func:`protected` says are
    organisations are left to the rules.

    The model also scores Person and Place, but dropping or retyping those cost F1 on
    the genres held out (bench/ENTITIES.md), so it only ever drops an organisation.
    """
    for key, g in groups.items():
        if g.known >= 0 or g.thing or g.type != "Organization":
            continue
        x = features(key, g, ev)
        if protected(key, x):
            continue
        p = model.probabilities(x)
        if max(model.classes, key=p.__getitem__) == NONE and p[NONE] >= model.drop:
            g.thing = True


def protected(key: str, x: Mapping[str, float]) -> bool:
    """Whether a name stays an organisation whatever the model says: in a sports report
    (GUM, which the model learns from, has none), or when the words around it or its own
    words call it one ("the network Zindo", "the Quillbacks", "Arvenian League for
    Reform"). Dropping such names lost real bands and parties in hand-written tests."""
    if x.get("sports") or x.get("cue=Organization") or x.get("cue=Definite"):
        return True
    return any(w.rstrip(".") in ORG_SUFFIXES for w in key.split())
