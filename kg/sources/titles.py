"""A page's headline, chosen from what its heading and its metadata say.

Measured on real pages (bench/pages.py), the page's own heading (its ``<h1>``) is
the most reliable place for the headline, but many pages have several h1s (a
site logo, section names, teasers); metadata titles (JSON-LD ``headline``,
``og:title``, ``twitter:title``, ``<title>``) are less often right, mostly because
they carry the site's name ("Headline - Site", "Site | Headline"). So:

1. an h1 that one of the metadata titles confirms (the whole title, or the title
   without the site's name, or one part of it between separators) is the
   headline; several confirmed, the one confirmed most (then the longest: a logo
   or a section name is a short part of the title, then the first); an h1
   that is only the title without some leading or trailing parts counts when the
   page has no JSON-LD headline;
2. else the JSON-LD headline, else og:title, twitter:title, <title>, each with
   the site's name cut off;
3. else the first h1.

The site's name is what the page calls itself (og:site_name, application-name,
the JSON-LD publisher or WebSite), or a part that spells the host's name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

_SEPARATOR = re.compile(r"\s+(?:[|–—·»:~/]|-{1,2}|::)\s+|:\s+")
_TRAILING_SEPARATOR = re.compile(r"(?:\s*(?:[|–—·»:~/]|-{1,2}|::))+\s*$")
_MAX_WORDS = 30
_MIN_HOST_MATCH = 4  # letters a part must have to be taken for the host's name
_SITE_WORDS = 3  # words of a site's name that is longer than its host's name


def key(text: str) -> str:
    """Letters and digits only, casefolded: how titles and names are compared."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).casefold())


@dataclass(frozen=True)
class Site:
    """The names a site goes by: what it calls itself and its host name."""

    names: frozenset[str] = frozenset()
    hosts: frozenset[str] = frozenset()
    # A text longer than the host's name that starts with it is the site's name only
    # when it is short and capitalised as a name ("Arvel Courier" on arvel.example); a
    # headline may start with the host's name too ("Arvel pier to be rebuilt").
    name_shaped: bool = True

    @classmethod
    def of(
        cls, names: Iterable[str | None], urls: Iterable[str | None], name_shaped: bool = True
    ) -> Site:
        hosts: set[str] = set()
        for url in urls:
            host = (urlsplit(url).hostname or "") if url else ""
            labels = host.removeprefix("www.").split(".")
            if len(labels) >= 2:
                hosts.update({key(".".join(labels)), key(labels[0]), key("".join(labels[:-1]))})
        known = frozenset(key(n.lstrip("@")) for n in names if n and key(n))
        return cls(known, frozenset(hosts), name_shaped)

    def named(self, text: str, hosts: bool = True) -> bool:
        """True when ``text`` is the site's name (or, with ``hosts``, spells its host)."""
        k = key(text)
        if not k:
            return False
        if k in self.names:
            return True
        if not hosts or len(k) < _MIN_HOST_MATCH:
            return False
        longer = not self.name_shaped or _name_shaped(text)
        return any(
            k == h or h.startswith(k) or (longer and k.startswith(h)) for h in self.hosts if h
        )


def _name_shaped(text: str) -> bool:
    """A site's name: a few words, each capitalised ("Arvel Courier Online")."""
    words = text.split()
    return len(words) <= _SITE_WORDS and all(not w[0].islower() for w in words)


def parts(title: str) -> list[str]:
    return [p.strip() for p in _SEPARATOR.split(title) if p.strip()]


def without_site(title: str, site: Site) -> str:
    """``title`` with the site's name (and what follows it, a tagline) cut off."""
    pieces = parts(title)
    if len(pieces) < 2:
        return " ".join(title.split())
    for i, piece in enumerate(pieces):
        if not site.named(piece):
            continue
        if i == 0:
            return " ".join(title[title.find(pieces[1], len(piece)) :].split())
        head = title[: title.find(piece, len(pieces[0]))]
        return " ".join(_TRAILING_SEPARATOR.sub("", head).split())
    return " ".join(title.split())


@dataclass(frozen=True)
class TitleSources:
    """Where a page states its title (each None or empty when it does not)."""

    jsonld: str | None = None
    og: str | None = None
    twitter: str | None = None
    title: str | None = None
    h1: tuple[str, ...] = ()

    def metadata(self) -> list[str]:
        found = (self.jsonld, self.og, self.twitter, self.title)
        return [" ".join(t.split()) for t in found if t and t.strip()]


def choose_title(
    sources: TitleSources, site: Site, confirm: bool = True, longer: bool = True
) -> str | None:
    """The headline by the precedence of the module docstring.

    ``confirm`` off skips step 1, ``longer`` its tie-break (for the bench's ablation).
    """
    if confirm:
        confirmed = _confirmed_h1(sources, site, longer)
        if confirmed:
            return confirmed
    for title in sources.metadata():
        cut = without_site(title, site)
        if cut:
            return cut
    usable = [h for h in sources.h1 if h.strip() and not site.named(h)]
    return " ".join(usable[0].split()) if usable else None


def _confirmed_h1(sources: TitleSources, site: Site, longer: bool = True) -> str | None:
    """The h1 the metadata titles confirm most (then the longest, then the first), or None.

    An h1 that only matches a title without its leading or trailing parts is
    weaker evidence (a kicker glued to the headline matches too): it wins only
    when there is no JSON-LD headline.
    """
    titles = sources.metadata()
    strong = [_forms(t, site) for t in titles]
    weak = [_runs(t) for t in titles]
    best: tuple[int, int, int, str] | None = None
    for h1 in _usable(sources.h1):
        if site.named(h1):
            continue
        k = key(h1)
        votes = (sum(1 for f in strong if k in f), sum(1 for f in weak if k in f))
        # Equally confirmed, the longer h1: a logo's or section's is a title's short part.
        score = (*votes, len(h1.split()) if longer else 0)
        if any(votes) and (best is None or score > best[:3]):
            best = (*score, h1)
    if best is None or (not best[0] and sources.jsonld):
        return None
    return " ".join(best[3].split())


def _usable(h1s: Sequence[str]) -> list[str]:
    return [h for h in h1s if h.strip() and len(h.split()) <= _MAX_WORDS and key(h)]


def _forms(title: str, site: Site) -> set[str]:
    """Every form of a metadata title an h1 may show: whole, without the site, each part."""
    return {key(title), key(without_site(title, site))} | {key(p) for p in parts(title)}


def _runs(title: str) -> set[str]:
    """The title without its leading or trailing parts (a site, section or series name
    the page does not call itself)."""
    pieces = parts(title)
    runs = {"".join(pieces[:i]) for i in range(2, len(pieces))}
    runs |= {"".join(pieces[i:]) for i in range(1, len(pieces) - 1)}
    return {key(r) for r in runs}
