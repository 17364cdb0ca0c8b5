"""One IRI per real entity across the corpus, and one name and one class per IRI.

Within an article, extraction already joined short forms to full names ("Kovac"
to the article's "Ivan Kovac"). Across articles: full names merge by name; places
merge by GeoNames id; news agencies by their canonical name. A bare surname never
joins a full name of another article: the corpus's only "Anna Kovac" need not be
the "Kovac" of an article about someone else, and a name alone cannot say. A name
typed Person in some articles and Organization in others takes the type most
articles give it, when they give it at least twice as often ("oil firm Yukos" in
twenty articles, a bare "Yukos" the model read as a person in three).

Every article graph describes the corpus-wide node, and SHACL sees a batch of
article graphs together, so a node must be described the same way by every
article that names it: one ``name`` (the others become ``alternateName``) and
one class, chosen here from the whole corpus, deterministically:

* a place the gazetteer does not know whose IRI is that of a GeoNames place
  ("HONG-KONG" → place/hong-kong, the IRI of Hong Kong) is that place: its
  GeoNames name, class and coordinates;
* otherwise the name most articles write (then the longest, then the first in
  code-point order) and the class most articles give (a specific one before the
  plain type on a tie).

Only small per-article summaries are kept, so this scales with entities, not text.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from kg.lexicon.agencies import agency_name
from kg.link.iris import Iris, geo_place_by_slug, slug
from kg.model import Agent, Article, Entity, GeoPlace


@dataclass(frozen=True, slots=True)
class Ref:
    """The corpus-wide identity of an entity: its IRI, canonical name and class.

    ``kind`` is the schema.org class when more specific than ``type`` ("Museum"
    for a Place, "Movie" for a Thing); ``geo`` the GeoNames record of a place.
    """

    iri: str
    name: str
    type: str
    kind: str | None = None
    geo: GeoPlace | None = None


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
        self._kinds: dict[str, Counter[str]] = defaultdict(Counter)
        self._resolved: dict[str, Ref] | None = None

    def add(self, article: Article) -> None:
        for e in article.entities:
            self._add(e.type, e.name, e)
        for agent in [*article.authors, *([article.publisher] if article.publisher else [])]:
            self._add(agent.type, agent.name, None)
        for org in article.source_organizations:
            self._add("Organization", org, None)
        self._resolved = None

    def _add(self, type_: str, name: str, entity: Entity | None) -> None:
        if entity is not None and entity.geo is not None:
            return  # GeoNames places need no corpus-level decision
        key = _key(type_, name)
        canonical = agency_name(name) if type_ == "Organization" else None
        self._forms[key][canonical or name] += 1
        self._kinds[key][(entity.kind if entity is not None else None) or ""] += 1

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
            type_, _, key_slug = key.partition(":")
            geo = geo_place_by_slug(key_slug) if type_ == "Place" else None
            if geo is not None:
                refs[original] = self._geo_ref(geo)
                continue
            forms = self._forms[key]
            name = min(forms, key=lambda f: (-forms[f], -len(f), f))
            kinds = self._kinds[key]
            kind = min(kinds, key=lambda k: (-kinds[k], k == "", k)) or None
            refs[original] = Ref(self.iris.entity(type_, name), name, type_, kind)
        return refs

    def _geo_ref(self, geo: GeoPlace) -> Ref:
        return Ref(self.iris.place(geo), geo.name, "Place", None, geo)

    def resolve(self) -> None:
        """Decide every IRI now (else on first use): before worker processes copy the Linker."""
        self._refs()

    def entity(self, entity: Entity) -> Ref:
        """The corpus-wide Ref of an article's entity."""
        if entity.authority_iri:
            return Ref(entity.authority_iri, entity.name, entity.type, entity.kind, entity.geo)
        if entity.geo is not None:
            return self._geo_ref(entity.geo)
        return self._refs()[_key(entity.type, entity.name)]

    def agent(self, agent: Agent) -> Ref:
        return self._refs()[_key(agent.type, agent.name)]

    def organization(self, name: str) -> Ref:
        return self._refs()[_key("Organization", name)]

    def _refs(self) -> dict[str, Ref]:
        if self._resolved is None:
            self._resolved = self._resolve()
        return self._resolved
