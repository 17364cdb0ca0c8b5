"""Is a sentence English? kg's parser and trigger tables read English only, and a
page's declared language is often wrong ("en" on a German page), so each sentence
is checked by its function words: English ones against those of the languages kg
meets most on European news pages. Names are left out (a lead can be half names);
a sentence too short to tell counts as English.
"""

from __future__ import annotations

from spacy.tokens import Span

_ENGLISH = frozenset(
    {"the", "a", "an", "of", "to", "in", "on", "at", "for", "with", "by", "from", "and"}
    | {"or", "but", "that", "this", "is", "are", "was", "were", "has", "have", "had", "be"}
    | {"been", "will", "would", "it", "its", "he", "she", "they", "his", "her", "their"}
    | {"who", "which", "as", "not"}
)
# German, French, Spanish, Italian, Dutch: words that are not also English words.
_FOREIGN = frozenset(
    {"der", "die", "das", "und", "ist", "nicht", "mit", "auf", "den", "dem", "von", "zu"}
    | {"ein", "eine", "einer", "sich", "auch", "wird", "sind", "wir", "ich", "im", "zum"}
    | {"les", "des", "est", "une", "pour", "dans", "qui", "que", "du", "sur", "pas", "et"}
    | {"el", "los", "las", "del", "por", "para", "con", "una", "es", "lo", "como", "su"}
    | {"il", "di", "che", "non", "per", "della", "sono", "gli", "het", "een", "niet", "zijn"}
)
LONG = 6  # lower-case words a sentence needs before "no English word" means foreign


def english(sent: Span) -> bool:
    """False when the sentence has more of the other languages' function words than of
    English ones, or none of English's in six lower-case words or more (names, which
    are capitalised, are left out)."""
    # the first word too, lower-cased: "Die Mietpreise" is German, "The" English
    words = [t.lower_ for t in sent if t.is_alpha and (t.is_lower or t.i == sent.start)]
    ours = sum(w in _ENGLISH for w in words)
    theirs = sum(w in _FOREIGN for w in words)
    return not (theirs > ours or (ours == 0 and len(words) >= LONG))
