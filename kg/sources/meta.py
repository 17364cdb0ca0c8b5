"""Known metadata from a mapping (sidecar JSON, JSON Lines fields, page JSON-LD)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from kg.model import Agent, Meta

_ORG_HINT = re.compile(
    r"\b(news|press|agency|times|post|tribune|herald|journal|reuters|associated|bbc|"
    r"media|staff|desk|group|inc|ltd|corp|service|wire|network)\b",
    re.I,
)


def normalize_date(value: object) -> str | None:
    """ISO 8601 date or dateTime for a date in any common form, else None."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    try:
        parsed = datetime.fromisoformat(text.replace(" ", "T", 1))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    return canonical_datetime(parsed)


def canonical_datetime(value: datetime) -> str:
    """xsd:dateTime in canonical form: "Z" for UTC, no trailing zeros in the fraction."""
    text = value.isoformat()
    m = re.match(r"(?P<head>[^.]+)\.(?P<digits>\d+)(?P<zone>.*)$", text)
    if m:
        digits = m.group("digits").rstrip("0")
        text = m.group("head") + (f".{digits}" if digits else "") + m.group("zone")
    return text.replace("+00:00", "Z")


def _text(value: object) -> str | None:
    if isinstance(value, str):
        value = " ".join(value.split())
        return value or None
    if isinstance(value, Mapping):
        return _text(value.get("name") or value.get("@value"))
    if isinstance(value, list) and value:
        return _text(value[0])
    return None


def agent(value: object, default_type: str = "Person") -> Agent | None:
    """An Agent from a name string or a {"@type", "name", "url"} object."""
    if isinstance(value, Mapping):
        name = _text(value.get("name"))
        if not name:
            return None
        raw_type = value.get("@type") or value.get("type")
        kind = "Organization" if raw_type in ("Organization", "NewsMediaOrganization") else None
        url = value.get("url") if isinstance(value.get("url"), str) else None
        return Agent(name, kind or ("Person" if raw_type == "Person" else default_type), url)  # type: ignore[arg-type]
    name = _text(value)
    if not name:
        return None
    kind = default_type
    if default_type == "Person" and _ORG_HINT.search(name):
        kind = "Organization"
    return Agent(name, kind)  # type: ignore[arg-type]


def agents(value: object) -> tuple[Agent, ...]:
    items = value if isinstance(value, list) else [value]
    found = [a for a in (agent(v) for v in items) if a is not None]
    return tuple(dict.fromkeys(found))


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
    raw_id = _first(obj, "id", "@id", "identifier")
    url = _first(obj, "url", "link")
    publisher = _first(obj, "publisher", "source_name")
    meta = Meta(
        id=str(raw_id) if isinstance(raw_id, str | int) else None,
        url=url if isinstance(url, str) and url.startswith(("http://", "https://")) else None,
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


def _image_url(value: object) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, Mapping):
        value = value.get("url") or value.get("contentUrl")
    if isinstance(value, str) and value.startswith(("http://", "https://")):
        return value
    return None
