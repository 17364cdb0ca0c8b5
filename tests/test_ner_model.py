"""A ner component saved alone (what tools/train_ner.py writes) replaces the model's own."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from kg.extract import nlp

SENTENCE = "Angela Merkel met Emmanuel Macron in Paris on Monday, the Elysee said."


@pytest.fixture(scope="module")
def ner_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default model's own ner, saved as a pipeline of that component alone."""
    out = tmp_path_factory.mktemp("ner") / "ner-only"
    only = spacy.load(
        nlp.default_model(),
        exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"],
    )
    assert only.pipe_names == ["ner"]
    only.to_disk(out)
    return out


def test_a_ner_component_takes_the_place_of_the_models_own(ner_dir: Path) -> None:
    plain = nlp.load(nlp.default_model())
    swapped = nlp.load(str(ner_dir))
    assert swapped.pipe_names == plain.pipe_names == ["tok2vec", nlp.PARAGRAPHS, "parser", "ner"]
    # the same weights: the same entities, and the parser still parses
    mine, theirs = swapped(SENTENCE), plain(SENTENCE)
    assert [(e.text, e.label_) for e in mine.ents] == [(e.text, e.label_) for e in theirs.ents]
    assert [t.dep_ for t in mine] == [t.dep_ for t in theirs]


def test_the_weights_name_the_model_in_the_cache_key(ner_dir: Path) -> None:
    swapped = nlp.model_id(nlp.load(str(ner_dir)))
    plain = nlp.model_id(nlp.load(nlp.default_model()))
    assert swapped != plain and "+ner." in swapped


def test_a_folder_that_is_no_pipeline_is_a_config_error(tmp_path: Path) -> None:
    from kg.errors import ConfigError

    with pytest.raises(ConfigError, match="cannot load spaCy model"):
        nlp.load(str(tmp_path))
