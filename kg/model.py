"""Typed records passed between the stages of the flow.

Nothing here knows RDF or spaCy: sources produce RawDocuments, extraction turns
each into an Article, linking gives every entity and event its IRI, and only
kg.rdf.mapping turns the result into triples. Offsets are always character
offsets into ``RawDocument.text`` (the source text as kg read it), so every
mention and event can be checked against its source.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal

# "Thing": a named work, product or law (its schema.org class in Entity.kind).
EntityType = Literal["Person", "Place", "Organization", "Thing"]
AgentType = Literal["Person", "Organization"]
PlaceKind = Literal["Country", "City", "AdministrativeArea", "Place"]


@dataclass(frozen=True, slots=True)
class Agent:
    """An author or publisher as a source names it, with what identifies it when known."""

    name: str
    type: AgentType = "Person"
    url: str | None = None
    same_as: tuple[str, ...] = ()  # other pages that identify it (a Wikidata or profile IRI)
    logo: str | None = None  # an organisation's logo image URL


@dataclass(frozen=True, slots=True)
class Meta:
    """Metadata the source already knows (sidecar, JSON Lines fields, page JSON-LD)."""

    id: str | None = None
    url: str | None = None
    headline: str | None = None
    date_published: str | None = None
    date_modified: str | None = None
    authors: tuple[Agent, ...] = ()
    publisher: Agent | None = None
    in_language: str | None = None
    section: str | None = None
    description: str | None = None
    image_url: str | None = None


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One article's text as read from a source, before any cleaning."""

    source: str  # the path as given (or "<stdin>")
    text: str
    meta: Meta = field(default_factory=Meta)
    line: int | None = None  # 1-based line of a JSON Lines record
    mtime: float | None = None  # the source file's modification time (POSIX seconds)
    warnings: tuple[str, ...] = ()
    # The text is a page's main text as an extractor found it (one paragraph a line):
    # the cleaner keeps every line of it that is not page chrome.
    main_text: bool = False


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that could not become an article, and why."""

    source: str
    reason: str
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Failed:
    """A document whose extraction raised an error: reported, and the batch goes on."""

    source: str
    reason: str
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range [start, end) of the source text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Image:
    caption: str | None = None
    credit: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Layout:
    """What cleaning found in a page's text. Spans point into the source text."""

    headline: str | None = None
    headline_span: Span | None = None
    section: str | None = None
    authors: tuple[Agent, ...] = ()
    dateline: str | None = None
    dateline_span: Span | None = None
    description: str | None = None
    description_span: Span | None = None
    images: tuple[Image, ...] = ()
    caption_spans: tuple[Span, ...] = ()  # caption text without its credit, for NER
    body: tuple[Span, ...] = ()  # the real paragraphs, first to last
    comments: tuple[Span, ...] = ()
    source_organizations: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GeoPlace:
    """A GeoNames record a place name resolved to."""

    geonames_id: int
    name: str
    kind: PlaceKind
    country_code: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    # The GeoNames id of the country (for cities and admin areas).
    country_id: int | None = None
    country_name: str | None = None


@dataclass(slots=True)
class Entity:
    """A person, place, organisation or named thing as one article names it."""

    type: EntityType
    name: str
    alternate_names: list[str] = field(default_factory=list)
    job_titles: list[str] = field(default_factory=list)
    nationality: str | None = None  # ISO country code
    geo: GeoPlace | None = None
    same_as: list[str] = field(default_factory=list)
    authority_iri: str | None = None  # set when a newsroom authority entry matched
    # The schema.org class when more specific than ``type``: a building or venue for a
    # Place ("Museum", "StadiumOrArena"), the class of a Thing ("Movie", "Legislation").
    # Places the gazetteer knows take their class from ``geo`` instead.
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an entity in the source text."""

    start: int
    end: int
    text: str
    entity: int  # index into Article.entities
    # Inside another mention ("Michigan" in "University of Michigan"): the article names
    # the entity, but flat counts of mentions leave it out.
    nested: bool = False


@dataclass(slots=True)
class Event:
    """A happening the article reports: who took part, where, when.

    One occurrence in the text; kg.link.events decides which occurrences are the
    same real event (in one article and across articles) and which are published.
    """

    type: str  # a concept key of kg's event-type scheme, e.g. "meeting"
    trigger: str
    attendees: list[int] = field(default_factory=list)  # indices into Article.entities
    # The attendees who acted (the subject: who met, launched, ruled), for the role
    # properties schema.org has (organizer, performer).
    agents: list[int] = field(default_factory=list)
    location: int | None = None  # index into Article.entities (a Place)
    # ISO 8601 at the precision the text gives (YYYY-MM-DD, YYYY-MM or YYYY), only
    # when the text resolves it.
    start_date: str | None = None
    sentences: list[Span] = field(default_factory=list)
    sentence_texts: list[str] = field(default_factory=list)
    about: list[int] = field(default_factory=list)  # indices into Article.entities
    noun: str = ""  # the word that names it: "summit", "talks", "arrival"
    trigger_span: Span | None = None  # the trigger word in the source text
    lead: bool = False  # reported in the headline, standfirst or first paragraph
    # The article's main event: the happening it reports (kg.extract.mainevent). It is
    # published without a place or date; other events need one of them.
    main: bool = False
    # Where the article places its main event when the sentence does not: the
    # dateline's place, else the place it mentions most (its contentLocation).
    fallback_location: int | None = None
    # The name the article gives a main event of no specific type: its headline.
    title: str | None = None


@dataclass(slots=True)
class Article:
    """Everything extraction found in one article; no IRIs yet."""

    id: str
    source: str
    source_line: int | None
    source_sha256: str
    source_mtime: float | None
    headline: str | None
    body: str
    description: str | None = None
    section: str | None = None
    url: str | None = None
    date_published: str | None = None
    date_modified: str | None = None
    in_language: str | None = None
    authors: list[Agent] = field(default_factory=list)
    publisher: Agent | None = None
    source_organizations: list[str] = field(default_factory=list)
    dateline: str | None = None
    dateline_place: int | None = None  # index into entities
    images: list[Image] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # What extraction had to guess (a fallback headline): reported as warnings, and,
    # unlike ``warnings`` (the source's), kept with the article in the cache.
    notes: list[str] = field(default_factory=list)
    # The text kg analysed (RawDocument.text): every offset of a mention or a sentence
    # counts into it, and it is published with them so that anyone can check them.
    source_text: str = ""

    def as_read(
        self, source: str, line: int | None, mtime: float | None, warnings: Iterable[str]
    ) -> Article:
        """This article (from the cache) as this build read it: where from, when, warnings."""
        return replace(
            self, source=source, source_line=line, source_mtime=mtime, warnings=list(warnings)
        )


def parse_published(value: str | None) -> date | None:
    """The calendar date of an xsd:date or xsd:dateTime value, None when unreadable."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
