"""One IRI per real entity across the corpus.

Within an article, extraction already joined short forms to full names. Across
articles: full names merge by name; a bare surname merges into a full name only
when exactly one full name in the corpus ends (or, for family-name-first names,
begins) with it; places merge by GeoNames id; news agencies by their canonical
name. A name typed Person in some articles and Organization in others takes the
type most articles give it, when they give it at least twice as often ("oil firm
Yukos" in twenty articles, a bare "Yukos" the model read as a person in three).

Only small per-article summaries are kept, so this scales with entities, not text.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from kg.lexicon.agencies import agency_name
from kg.lexicon.gazetteer import fold
from kg.link.iris import Iris, slug
from kg.model import Agent, Article, Entity


@dataclass(frozen=True, slots=True)
class Ref:
    """The corpus-wide identity of an entity: its IRI and canonical name."""

    iri: str
    name: str
    type: str


def _key(type_: str, name: str) -> str:
    """The identity of a name: its IRI slug, so names that share an IRI share one key."""
    if type_ == "Organization":
        name = agency_name(name) or name
    return f"{type_}:{slug(name)}"


class Linker:
    """Collect entities article by article, then resolve IRIs for the whole corpus."""

    def __init__(self, iris: Iris) -> None:
        self.iris = iris
        self._forms: dict[str, Counter[str]] = defaultdict(Counter)
        self._surnames: dict[str, set[str]] = defaultdict(set)
        self._resolved: dict[str, Ref] | None = None

    def add(self, article: Article) -> None:
        for e in article.entities:
            self._add(e.type, e.name, e.authority_iri, e)
        for agent in [*article.authors, *([article.publisher] if article.publisher else [])]:
            self._add(agent.type, agent.name, None, None)
        for org in article.source_organizations:
            self._add("Organization", org, None, None)
        self._resolved = None

    def _add(self, type_: str, name: str, authority: str | None, entity: Entity | None) -> None:
        if entity is not None and entity.geo is not None:
            return  # GeoNames places need no corpus-level decision
        key = _key(type_, name)
        canonical = agency_name(name) if type_ == "Organization" else None
        self._forms[key][canonical or name] += 1
        words = fold(name).split()
        if type_ == "Person" and len(words) >= 2:
            self._surnames[_key(type_, words[-1])].add(key)
            self._surnames[_key(type_, words[0])].add(key)

    def _retyped(self, key: str) -> str:
        """The key of the same name under the other agent type, when most articles say so."""
        type_, _, name = key.partition(":")
        other = {"Person": "Organization", "Organization": "Person"}.get(type_)
        if other is None or f"{other}:{name}" not in self._forms:
            return key
        mine = sum(self._forms[key].values())
        theirs = sum(self._forms[f"{other}:{name}"].values())
        return f"{other}:{name}" if theirs >= 2 * mine else key

    def _resolve(self) -> dict[str, Ref]:
        refs: dict[str, Ref] = {}
        for original in sorted(self._forms):
            key = self._retyped(original)
            type_ = key.partition(":")[0]
            target = key
            if type_ == "Person" and key in self._surnames and not self._is_full_name(key):
                fulls = self._surnames[key]
                if len(fulls) == 1:
                    target = next(iter(fulls))
            forms = self._forms[target]
            name = min(forms, key=lambda f: (-forms[f], -len(f), f))
            refs[original] = Ref(self.iris.entity(type_, name), name, type_)
        return refs

    def _is_full_name(self, key: str) -> bool:
        return any(len(fold(form).split()) >= 2 for form in self._forms[key])

    def resolve(self) -> None:
        """Decide every IRI now (else on first use): before worker processes copy the Linker."""
        self._refs()

    def entity(self, entity: Entity) -> Ref:
        """The corpus-wide Ref of an article's entity."""
        if entity.authority_iri:
            return Ref(entity.authority_iri, entity.name, entity.type)
        if entity.geo is not None:
            return Ref(self.iris.place(entity.geo), entity.geo.name, "Place")
        return self._refs()[_key(entity.type, entity.name)]

    def agent(self, agent: Agent) -> Ref:
        return self._refs()[_key(agent.type, agent.name)]

    def organization(self, name: str) -> Ref:
        return self._refs()[_key("Organization", name)]

    def _refs(self) -> dict[str, Ref]:
        if self._resolved is None:
            self._resolved = self._resolve()
        return self._resolved
