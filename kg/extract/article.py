"""One RawDocument → one Article: layout, NER, entity rules, events."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.entities.knowledge import Knowledge
from kg.extract.entities.mentions import Found, build_entities, spacy_mentions
from kg.extract.events import detect as events
from kg.extract.events import main as mainevent
from kg.extract.events.context import ALL_ON, EventSettings
from kg.extract.page import marks
from kg.extract.page.layout import parse_layout
from kg.extract.page.view import TextView, analysed_spans, build_view, truecase
from kg.lexicon.gazetteer import fold, gazetteer
from kg.model import Agent, Article, Entity, Event, Image, Layout, RawDocument, parse_published
from kg.timing import Timings

BATCH_SIZE = 32


@dataclass(frozen=True)
class Prepared:
    raw: RawDocument
    layout: Layout
    view: TextView


def prepare(raw: RawDocument) -> Prepared:
    """Everything before NLP: the page's structure and the text NER will read."""
    layout = parse_layout(raw.text, raw.meta)
    return Prepared(raw, layout, build_view(raw.text, analysed_spans(layout)))


def clean_body(text: str, layout: Layout) -> str:
    """articleBody: the body paragraphs, whitespace collapsed, separated by blank lines."""
    return "\n\n".join(" ".join(text[s.start : s.end].split()) for s in layout.body)


def article_id(raw: RawDocument, body: str) -> str:
    """The source's own id or URL when given, else a hash of the cleaned text."""
    if raw.meta.id:
        return raw.meta.id
    if raw.meta.url:
        return raw.meta.url
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]


def finish(
    prepared: Prepared,
    doc: Doc,
    knowledge: Knowledge | None = None,
    timings: Timings | None = None,
    event_settings: EventSettings = ALL_ON,
) -> Article:
    """The Article from a prepared document and spaCy's analysis of its view.

    ``knowledge`` (authority entries, patterns) must be bound to the pipeline
    that made ``doc`` (see :meth:`Knowledge.bind`).
    """
    raw, layout = prepared.raw, prepared.layout
    body = clean_body(raw.text, layout)
    found = spacy_mentions(doc)
    entities, mentions, found = build_entities(doc, found, prepared.view, raw.text, knowledge)
    meta = raw.meta
    article = Article(
        id=article_id(raw, body),
        source=raw.source,
        source_line=raw.line,
        source_sha256=hashlib.sha256(raw.text.encode("utf-8")).hexdigest(),
        source_mtime=raw.mtime,
        headline=" ".join(layout.headline.split()) if layout.headline else None,
        body=body,
        description=layout.description,
        section=meta.section or layout.section,
        url=meta.url,
        date_published=meta.date_published,
        date_modified=meta.date_modified,
        in_language=meta.in_language,
        authors=list(meta.authors or layout.authors),
        publisher=meta.publisher,
        source_organizations=list(layout.source_organizations),
        dateline=layout.dateline,
        images=_images(layout, meta.image_url),
        comments=[" ".join(raw.text[s.start : s.end].split()) for s in layout.comments],
        entities=entities,
        mentions=mentions,
        warnings=list(raw.warnings),
    )
    if layout.dateline:
        article.dateline_place = _dateline_place(layout, article.entities)
    with (timings or Timings()).stage("events"):
        article.events = _events(prepared, doc, found, article, event_settings)
    return article


def _events(
    prepared: Prepared, doc: Doc, found: list[Found], article: Article, settings: EventSettings
) -> list[Event]:
    counts: dict[int, int] = {}
    for m in article.mentions:
        counts[m.entity] = counts.get(m.entity, 0) + 1
    ctx = events.context(
        doc,
        found,
        article.entities,
        prepared.view,
        prepared.raw.text,
        prepared.layout,
        parse_published(article.date_published),
        article.dateline_place,
        headline=article.headline,
        section=article.section,
        mentions=counts,
        settings=settings,
    )
    return mainevent.detect(ctx)


def _images(layout: Layout, url: str | None) -> list[Image]:
    images = list(layout.images)
    if url:
        if images:
            images[0] = Image(images[0].caption, images[0].credit, url)
        else:
            images.append(Image(url=url))
    return images


def _dateline_place(layout: Layout, entities: list[Entity]) -> int | None:
    """Index of the Place the dateline names, added to the entities when NER missed it."""
    parsed = marks.parse_dateline(layout.dateline or "", gazetteer().is_place_name)
    parsed = parsed or marks.parse_inline_dateline((layout.dateline or "") + ": x")
    if parsed is None:
        return None
    name = truecase(parsed.place) if parsed.place.isupper() else parsed.place
    geo = gazetteer().resolve(name)
    for i, e in enumerate(entities):
        if e.type != "Place":
            continue
        if (geo is not None and e.geo is not None and e.geo.geonames_id == geo.geonames_id) or (
            fold(e.name) == fold(name)
        ):
            return i
    entities.append(Entity(type="Place", name=geo.name if geo else name, geo=geo))
    return len(entities) - 1


def extract(
    raws: Iterable[RawDocument],
    nlp: Language,
    batch_size: int = BATCH_SIZE,
    knowledge: Knowledge | None = None,
    timings: Timings | None = None,
    event_settings: EventSettings = ALL_ON,
) -> Iterator[Article]:
    """Articles for the documents, in order; spaCy runs over them in batches.

    ``timings``, when given, gets the seconds spent in each step added to it:
    layout (page structure and the text NER reads), nlp (spaCy), rules (entity
    rules and everything else of the article) and events.
    """
    if knowledge is not None:
        knowledge.bind(nlp)
    clock = Timings() if timings is None else timings
    prepared = (_prepare_timed(raw, clock) for raw in raws)
    pairs = iter(
        nlp.pipe(((p.view.text, p) for p in prepared), as_tuples=True, batch_size=batch_size)
    )
    while True:
        # The pipe pulls (and times, as layout) the documents of a whole batch in here.
        with clock.stage("nlp"):
            pair = next(pairs, None)
        if pair is None:
            return
        doc, p = pair
        with clock.stage("rules"):
            article = finish(p, doc, knowledge, clock, event_settings)
        yield article


def _prepare_timed(raw: RawDocument, clock: Timings) -> Prepared:
    with clock.stage("layout"):
        return prepare(raw)


__all__ = ["Agent", "Prepared", "extract", "finish", "prepare"]
