"""What identifies an author or a publisher beyond its name: url, sameAs, logo.

Search engines ask for an author's ``url`` or ``sameAs`` and a publisher's ``logo``.
A source rarely gives them; the newsroom knows them. They come, first found first,
from the source itself (the page's own JSON-LD: kg.model.Agent), from the authority
file (``--authority``: an entry's sameAs, and its own IRI for the node), and from the
``[publisher]`` table of kg.toml, which also names the publisher of articles whose
source names none::

    [publisher]
    name = "The Harbour Times"
    url = "https://news.example.org/"
    logo = "https://news.example.org/logo.png"
    same_as = ["https://www.wikidata.org/wiki/Q0000000"]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Protocol
from urllib.parse import urlsplit

from kg.errors import ConfigError
from kg.lexicon.gazetteer import fold
from kg.model import Agent, AgentType


class AuthorityEntry(Protocol):
    """An authority file entry (kg.extract.entities.knowledge.KnownEntity)."""

    @property
    def type(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def aliases(self) -> tuple[str, ...]: ...
    @property
    def iri(self) -> str | None: ...
    @property
    def same_as(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class KnownAgent:
    """An agent the newsroom knows, by name (and aliases), with what identifies it."""

    name: str
    type: AgentType | None = None  # None: either a Person or an Organization
    aliases: tuple[str, ...] = ()
    url: str | None = None
    same_as: tuple[str, ...] = ()
    logo: str | None = None
    iri: str | None = None  # the newsroom's own IRI for its node

    def as_agent(self) -> Agent:
        return Agent(self.name, self.type or "Organization", self.url, self.same_as, self.logo)


class AgentDirectory:
    """The agents a build knows, looked up by folded name or alias."""

    def __init__(self, known: Iterable[KnownAgent] = (), publisher: KnownAgent | None = None):
        self.publisher = publisher
        self._by_name: dict[str, KnownAgent] = {}
        for entry in [*([publisher] if publisher else []), *known]:
            for name in (entry.name, *entry.aliases):
                self._by_name.setdefault(fold(name), entry)

    @classmethod
    def of(
        cls, authority: Iterable[AuthorityEntry], publisher: KnownAgent | None = None
    ) -> AgentDirectory:
        """The people and organisations of the authority file, and the configured publisher."""
        known = [
            KnownAgent(e.name, e.type, e.aliases, same_as=e.same_as, iri=e.iri)  # type: ignore[arg-type]
            for e in authority
            if e.type in ("Person", "Organization")
        ]
        return cls(known, publisher)

    def find(self, agent: Agent) -> KnownAgent | None:
        entry = self._by_name.get(fold(agent.name))
        if entry is None or (entry.type is not None and entry.type != agent.type):
            return None
        return entry

    def complete(self, agent: Agent) -> tuple[Agent, str | None]:
        """``agent`` with the url, sameAs and logo the directory adds, and its own IRI."""
        entry = self.find(agent)
        if entry is None:
            return agent, None
        same_as = tuple(dict.fromkeys((*agent.same_as, *entry.same_as)))
        done = replace(
            agent, url=agent.url or entry.url, same_as=same_as, logo=agent.logo or entry.logo
        )
        return done, entry.iri


def is_site_name(name: str, publisher: Agent | None, url: str | None) -> bool:
    """True when ``name`` names the publication rather than a writer: the publisher's name,
    or the host the article is published at ("Sky" for Sky, "nypost.com")."""
    names = {fold(publisher.name)} if publisher else set()
    host = urlsplit(url).hostname if url else None
    if host:
        names |= {fold(host), fold(host.removeprefix("www."))}
    return fold(name) in names


def publisher_setting(table: Mapping[str, Any]) -> KnownAgent:
    """The [publisher] table of kg.toml; ConfigError naming what is wrong."""
    unknown = set(table) - {"name", "url", "logo", "same_as"}
    if unknown:
        raise ConfigError(f"[publisher]: unknown key(s) {', '.join(sorted(unknown))}")
    name = table.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ConfigError("[publisher] needs a name")
    same_as = table.get("same_as", [])
    same_as = [same_as] if isinstance(same_as, str) else same_as
    links = {"url": table.get("url"), "logo": table.get("logo")}
    for key, value in [*links.items(), *(("same_as", v) for v in same_as)]:
        if value is not None and not (isinstance(value, str) and _http(value)):
            raise ConfigError(f"[publisher] {key} must be an http(s) URL, got {value!r}")
    return KnownAgent(
        name.strip(), "Organization", (), links["url"], tuple(same_as), links["logo"], None
    )


def _http(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)
