"""One RawDocument → one Article: layout, NER, entity rules, events.

Nothing in one document stops the others: a text too long for spaCy is analysed
in pieces (kg.extract.pieces), and an error raised while extracting one document
becomes a :class:`Failed` record for it, in its place.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract import pieces
from kg.extract.entities.knowledge import Knowledge
from kg.extract.entities.mentions import Found, build_entities, spacy_mentions
from kg.extract.entities.missed import site_name
from kg.extract.entities.rules import ALL_RULES, Rules
from kg.extract.events import detect as events
from kg.extract.events import main as mainevent
from kg.extract.events.context import ALL_ON, EventSettings, thing_tokens
from kg.extract.page import marks
from kg.extract.page.fallback import FIRST_SENTENCE, fallback_headline
from kg.extract.page.layout import parse_layout
from kg.extract.page.mainbody import complete_body
from kg.extract.page.view import TextView, analysed_spans, build_view, truecase
from kg.lexicon.gazetteer import fold, gazetteer
from kg.model import (
    Agent,
    Article,
    Entity,
    Event,
    Failed,
    Image,
    Layout,
    RawDocument,
    parse_published,
)
from kg.timing import Timings

BATCH_SIZE = 32
REASON_CHARS = 300  # of an error's message in a Failed record


@dataclass(frozen=True)
class Prepared:
    raw: RawDocument
    layout: Layout
    view: TextView
    notes: tuple[str, ...] = ()  # fallbacks used (reported as warnings)


def prepare(raw: RawDocument) -> Prepared:
    """Everything before NLP: the page's structure and the text NER will read."""
    layout = parse_layout(raw.text, raw.meta)
    if raw.main_text:
        layout = complete_body(raw.text, layout)
    notes: tuple[str, ...] = ()
    fallback = fallback_headline(raw.text, layout, raw.source)
    if fallback is not None:
        layout, notes = fallback.layout, (fallback.note,)
    return Prepared(raw, layout, build_view(raw.text, analysed_spans(layout)), notes)


def clean_body(text: str, layout: Layout) -> str:
    """articleBody: the body paragraphs, whitespace collapsed, separated by blank lines."""
    return "\n\n".join(" ".join(text[s.start : s.end].split()) for s in layout.body)


def article_id(raw: RawDocument, body: str) -> str:
    """The source's own id or URL when given, else a hash of the cleaned text (of the
    headline and description for an article without a body)."""
    if raw.meta.id:
        return raw.meta.id
    if raw.meta.url:
        return raw.meta.url
    if not body:
        meta = raw.meta
        body = "\n".join(x or "" for x in (meta.headline, meta.date_published, meta.description))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]


def finish(
    prepared: Prepared,
    doc: Doc,
    knowledge: Knowledge | None = None,
    timings: Timings | None = None,
    rules: Rules = ALL_RULES,
    event_settings: EventSettings = ALL_ON,
) -> Article:
    """The Article from a prepared document and spaCy's analysis of its view.

    ``knowledge`` (authority entries, patterns) must be bound to the pipeline
    that made ``doc`` (see :meth:`Knowledge.bind`). ``rules`` and ``event_settings``
    say which entity and event mechanisms run: all but in benchmarks, which turn one
    off at a time to measure what it brings (bench/entities.py, bench/events_dev.py).
    """
    raw = prepared.raw
    found = spacy_mentions(doc, rules)
    site = site_name(raw.meta.url)
    entities, mentions, found = build_entities(
        doc, found, prepared.view, raw.text, knowledge, rules, site
    )
    article = record(prepared)
    article.entities, article.mentions = entities, mentions
    if prepared.layout.dateline:
        article.dateline_place = _dateline_place(prepared.layout, article.entities)
    with (timings or Timings()).stage("events"):
        article.events = _events(prepared, doc, found, article, event_settings)
    return article


def record(prepared: Prepared) -> Article:
    """The Article's own fields (headline, body, dates, authors…), without NLP: no
    entities, mentions or events yet."""
    raw, layout, meta = prepared.raw, prepared.layout, prepared.raw.meta
    body = clean_body(raw.text, layout)
    return Article(
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
        warnings=list(raw.warnings),
        notes=list(prepared.notes),
        source_text=raw.text,
    )


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
        headline_is_lead=FIRST_SENTENCE in prepared.notes,
        section=article.section,
        mentions=counts,
        settings=settings,
        things=thing_tokens(doc, prepared.view, article.entities, article.mentions)
        if settings.work_subjects
        else None,
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
    rules: Rules = ALL_RULES,
    event_settings: EventSettings = ALL_ON,
) -> Iterator[Article | Failed]:
    """Articles for the documents, in order (a Failed record for any that raised); spaCy
    runs over them ``batch_size`` documents at a time. ``rules`` and ``event_settings``:
    which entity and event mechanisms run (all but in benchmarks).

    ``timings``, when given, gets the seconds spent in each step added to it:
    layout (page structure and the text NER reads), nlp (spaCy), rules (entity
    rules and everything else of the article) and events.
    """
    if knowledge is not None:
        knowledge.bind(nlp)
    clock = Timings() if timings is None else timings
    batch: list[RawDocument] = []
    for raw in raws:
        batch.append(raw)
        if len(batch) == batch_size:
            yield from _extract_batch(batch, nlp, knowledge, clock, rules, event_settings)
            batch = []
    if batch:
        yield from _extract_batch(batch, nlp, knowledge, clock, rules, event_settings)


def _extract_batch(
    raws: list[RawDocument],
    nlp: Language,
    knowledge: Knowledge | None,
    clock: Timings,
    rules: Rules,
    settings: EventSettings,
) -> list[Article | Failed]:
    with clock.stage("layout"):
        prepared = [_prepared(raw) for raw in raws]
    with clock.stage("nlp"):
        analysed = _analyse([p for p in prepared if isinstance(p, Prepared)], nlp, len(raws))
    docs = iter(analysed)
    out: list[Article | Failed] = []
    for p in prepared:
        if isinstance(p, Failed):
            out.append(p)
            continue
        doc = next(docs)
        if isinstance(doc, Failed):
            out.append(doc)
            continue
        try:
            with clock.stage("rules"):
                out.append(finish(p, doc, knowledge, clock, rules, settings))
        except Exception as e:  # noqa: BLE001 - one article's bug must not stop the batch
            out.append(failed(p.raw, e))
    return out


def _prepared(raw: RawDocument) -> Prepared | Failed:
    try:
        return prepare(raw)
    except Exception as e:  # noqa: BLE001 - see _extract_batch
        return failed(raw, e)


def _analyse(prepared: list[Prepared], nlp: Language, batch_size: int) -> list[Doc | Failed]:
    """spaCy's Doc of each prepared view, a long one analysed in pieces and joined."""
    limit = min(pieces.PIECE, nlp.max_length)
    texts: list[str] = []
    owners: list[int] = []
    for n, p in enumerate(prepared):
        text = p.view.text
        parts = pieces.cut(text, limit) if pieces.needs_pieces(text, nlp.max_length) else [text]
        texts.extend(parts)
        owners.extend([n] * len(parts))
    try:
        docs: list[Doc | Exception] = list(nlp.pipe(texts, batch_size=batch_size))
    except Exception:  # noqa: BLE001 - find the text that spaCy fails on, spare the rest
        docs = [_analysed_alone(nlp, text) for text in texts]
    found: list[list[Doc | Exception]] = [[] for _ in prepared]
    for owner, doc in zip(owners, docs, strict=True):
        found[owner].append(doc)
    return [_joined(p, parts) for p, parts in zip(prepared, found, strict=True)]


def _analysed_alone(nlp: Language, text: str) -> Doc | Exception:
    try:
        return nlp(text)
    except Exception as e:  # noqa: BLE001 - reported as this document's failure
        return e


def _joined(p: Prepared, parts: list[Doc | Exception]) -> Doc | Failed:
    error = next((d for d in parts if isinstance(d, Exception)), None)
    if error is not None:
        return failed(p.raw, error)
    try:
        return pieces.join([d for d in parts if isinstance(d, Doc)])
    except Exception as e:  # noqa: BLE001 - see _extract_batch
        return failed(p.raw, e)


def failed(raw: RawDocument, error: BaseException) -> Failed:
    """The report of a document whose extraction raised ``error``."""
    message = " ".join(str(error).split())
    if len(message) > REASON_CHARS:
        message = message[:REASON_CHARS] + " …"
    detail = f"{type(error).__name__}: {message}" if message else type(error).__name__
    return Failed(raw.source, f"extraction failed ({detail})", raw.line)


__all__ = ["Agent", "Failed", "Prepared", "extract", "finish", "prepare", "record"]
