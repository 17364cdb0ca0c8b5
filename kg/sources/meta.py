"""Known metadata from a mapping (sidecar JSON, JSON Lines fields, page JSON-LD)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import fields, replace
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from kg.model import Agent, Meta

_ORG_HINT = re.compile(
    r"\b(news|press|agency|times|post|tribune|herald|journal|reuters|associated|bbc|"
    r"media|staff|desk|group|inc|ltd|corp|service|wire|network)\b",
    re.I,
)


MIN_YEAR = 1000


def normalize_date(value: object) -> str | None:
    """ISO 8601 date or dateTime for a date in any common form, else None."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            day = date.fromisoformat(text)
        except ValueError:
            return None
        return day.isoformat() if day.year >= MIN_YEAR else None
    try:
        parsed = datetime.fromisoformat(text.replace(" ", "T", 1))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
    # Year 1 is a CMS's "no date" (.NET DateTime.MinValue), not a publication date.
    return canonical_datetime(parsed) if parsed.year >= MIN_YEAR else None


def canonical_datetime(value: datetime) -> str:
    """xsd:dateTime in canonical form: "Z" for UTC, no trailing zeros in the fraction."""
    text = value.isoformat()
    m = re.match(r"(?P<head>[^.]+)\.(?P<digits>\d+)(?P<zone>.*)$", text)
    if m:
        digits = m.group("digits").rstrip("0")
        text = m.group("head") + (f".{digits}" if digits else "") + m.group("zone")
    return text.replace("+00:00", "Z")


# Characters an IRI may not hold (RFC 3987), so a url kg publishes always parses as an IRI.
_NOT_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f]')


def http_url(value: object) -> str | None:
    """``value`` when it is an absolute http(s) URL usable as an IRI, else None."""
    if not isinstance(value, str):
        return None
    url = value.strip()
    if not url.startswith(("http://", "https://")) or len(url) <= len("https://"):
        return None
    return None if _NOT_IRI.search(url) else url


def _text(value: object) -> str | None:
    if isinstance(value, str):
        value = " ".join(value.split())
        return value or None
    if isinstance(value, Mapping):
        return _text(value.get("name") or value.get("@value"))
    if isinstance(value, list) and value:
        return _text(value[0])
    return None


# schema.org types of an author or publisher that is not a person.
_ORG_TYPES = frozenset(
    {
        "Organization",
        "NewsMediaOrganization",
        "Corporation",
        "NewsAgency",
        "EducationalOrganization",
        "CollegeOrUniversity",
        "GovernmentOrganization",
        "NGO",
        "LocalBusiness",
        "OnlineBusiness",
        "MediaOrganization",
        "ResearchOrganization",
        "Project",
        "WebSite",
    }
)


def _type_names(value: object) -> list[str]:
    values = value if isinstance(value, list) else [value]
    return [v.rsplit("/", 1)[-1] for v in values if isinstance(v, str)]


def agent(value: object, default_type: str = "Person") -> Agent | None:
    """An Agent from a name string or a {"@type", "name", "url"} object."""
    if isinstance(value, Mapping):
        name = _text(value.get("name"))
        if not name:
            return None
        kinds = _type_names(value.get("@type") or value.get("type"))
        kind = "Organization" if any(k in _ORG_TYPES for k in kinds) else None
        url = http_url(value.get("url"))
        agent_type = kind or ("Person" if "Person" in kinds else default_type)
        logo = _image_url(value.get("logo")) if agent_type == "Organization" else None
        return Agent(name, agent_type, url, _urls(value.get("sameAs")), logo)  # type: ignore[arg-type]
    name = _text(value)
    if not name or http_url(name):
        return None
    kind = default_type
    if default_type == "Person" and _ORG_HINT.search(name):
        kind = "Organization"
    return Agent(name, kind)  # type: ignore[arg-type]


_BY = re.compile(
    r"^\s*(?:(?:view|see|read|more)\s+(?:all\s+)?(?:posts|articles|stories|entries)\s+)?by\s+",
    re.I,
)
_NAME_SEPARATOR = re.compile(r"\s*(?:[,;&|]|\band\b)\s*")
_ROLE = re.compile(r"\b(?:writer|correspondent|reporter|editor|contributor|columnist)$", re.I)


def byline_names(text: str) -> list[str]:
    """The names in a byline string: "By A and B, Agency" → ["A", "B", "Agency"].

    Parts naming a role ("AP National Security Writer") are dropped; ALL-CAPS names
    (wire-service style) are title-cased.
    """
    names = []
    for part in _NAME_SEPARATOR.split(_BY.sub("", text)):
        # A social-media handle beside a name ("Ann Lee @annlee") is not part of it.
        part = " ".join(w for w in part.split() if not w.startswith("@")).strip(" .")
        if not part or _ROLE.search(part):
            continue
        if part.isupper() and len(part) > 4:
            part = part.title()
        names.append(part)
    return names


def agents(value: object) -> tuple[Agent, ...]:
    """Authors from a name, a byline ("By A and B"), an object or a list of these."""
    items = value if isinstance(value, list) else [value]
    return tuple(dict.fromkeys(a for item in items for a in _agents_in(item)))


def _agents_in(item: object) -> list[Agent]:
    if isinstance(item, str):
        return [a for a in map(agent, byline_names(item)) if a is not None]
    if isinstance(item, Mapping):
        name = item.get("name")
        if isinstance(name, str) and not any(
            k in _ORG_TYPES for k in _type_names(item.get("@type"))
        ):
            names = byline_names(name)
            # A byline written into one author's name: its url belongs to no one name.
            single = len(names) == 1
            links = {"url": item.get("url") if single else None}
            links["sameAs"] = item.get("sameAs") if single else None
            found = (agent({**item, "name": n, **links}) for n in names)
            return [a for a in found if a is not None]
    one = agent(item)
    return [one] if one is not None else []


def _first(obj: Mapping[str, Any], *keys: str) -> Any:
    for key in keys:
        if obj.get(key) not in (None, "", []):
            return obj[key]
    return None


def meta_from_mapping(obj: Mapping[str, Any]) -> tuple[Meta, list[str]]:
    """Meta from the common field names, with a warning for each value dropped."""
    warnings: list[str] = []
    dates: dict[str, str | None] = {}
    for key, names in (
        ("published", ("datePublished", "date_published", "date", "published")),
        ("modified", ("dateModified", "date_modified", "updated")),
    ):
        raw = _first(obj, *names)
        dates[key] = normalize_date(raw)
        if raw is not None and dates[key] is None:
            warnings.append(f"ignored unreadable date {raw!r}")
    warnings.extend(_listed(obj, ("headline", "title", "name")))
    raw_id = _first(obj, "id", "@id", "identifier")
    url = _first(obj, "url", "link")
    publisher = _first(obj, "publisher", "source_name")
    meta = Meta(
        id=str(raw_id) if isinstance(raw_id, str | int) else None,
        url=http_url(url),
        headline=_text(_first(obj, "headline", "title", "name")),
        date_published=dates["published"],
        date_modified=dates["modified"],
        authors=agents(_first(obj, "author", "authors", "byline") or []),
        publisher=agent(publisher, "Organization") if publisher else None,
        in_language=_text(_first(obj, "inLanguage", "language", "lang")),
        section=_text(_first(obj, "articleSection", "section", "category")),
        description=_text(_first(obj, "description", "summary")),
        image_url=_image_url(_first(obj, "image", "image_url")),
    )
    return meta, warnings


def _urls(value: object) -> tuple[str, ...]:
    """The http(s) URLs of a sameAs value (one or a list); others left out."""
    items = value if isinstance(value, list) else [value]
    return tuple(dict.fromkeys(u for u in map(http_url, items) if u))


def _listed(obj: Mapping[str, Any], keys: tuple[str, ...]) -> list[str]:
    """A warning when the field kg takes a text from holds a list: only its first item is used."""
    key = next((k for k in keys if obj.get(k) not in (None, "", [])), None)
    value = obj.get(key) if key else None
    if not isinstance(value, list) or len(value) < 2:
        return []
    first = _text(value[0])
    return [f"'{key}' is a list of {len(value)} values; only the first, {first!r}, is used"]


def _image_url(value: object) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, Mapping):
        value = value.get("url") or value.get("contentUrl")
    return http_url(value)


# JSON-LD keys kg reads from a page's own NewsArticle; its "@id" is a node name, not an id.
_JSONLD_KEYS = (
    "headline",
    "name",
    "datePublished",
    "dateModified",
    "author",
    "publisher",
    "url",
    "image",
    "inLanguage",
    "articleSection",
    "description",
)


def meta_from_jsonld(obj: Mapping[str, Any]) -> tuple[Meta, list[str]]:
    """Meta from a schema.org (News)Article node; mainEntityOfPage stands in for a url."""
    picked: dict[str, Any] = {k: obj[k] for k in _JSONLD_KEYS if k in obj}
    if not http_url(picked.get("url")):
        page = obj.get("mainEntityOfPage")
        page_url = page.get("@id") or page.get("url") if isinstance(page, Mapping) else page
        if http_url(page_url):
            picked["url"] = page_url
    return meta_from_mapping(picked)


def merge_meta(*layers: Meta) -> Meta:
    """One Meta from several, field by field: the first layer that knows a field wins."""
    merged = Meta()
    for f in fields(Meta):
        known = (getattr(m, f.name) for m in layers if getattr(m, f.name) not in (None, "", ()))
        value = next(known, None)
        if value is not None:
            merged = replace(merged, **{f.name: value})
    return merged
