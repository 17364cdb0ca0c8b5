"""Extraction: RawDocument → Article (typed records, no RDF, no IRIs).

``page/`` reads the page's structure, ``entities/`` the people, places and
organisations, ``events/`` the happenings; the runner (``article``, ``nlp``,
``pieces``, ``workers``) puts them together, one spaCy pass per document (in pieces
for a text too long for spaCy at once). May import:
kg.sources and the lower modules; inside, page → entities → events → runner.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent
# Everything an extracted Article depends on besides the document and the model.
_CODE = ("extract/**/*.py", "lexicon/*.py", "data/*", "model.py")


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of the extraction code and its data tables: any change to a rule, a word
    list or the records invalidates cached extraction results, with no version to bump."""
    h = hashlib.sha256()
    for pattern in _CODE:
        for path in sorted(_PACKAGE.glob(pattern)):
            if path.is_file():
                h.update(path.relative_to(_PACKAGE).as_posix().encode())
                h.update(path.read_bytes())
    return h.hexdigest()[:16]
