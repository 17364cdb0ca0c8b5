"""`kg site`: a static Linked Data site written from the store.

One page per article, person, place, organisation and event, at the path of its
IRI under the base (``<base>person/vladimir-putin`` → ``person/vladimir-putin.html``
with ``.ttl`` and ``.jsonld`` beside it), one page per article named graph, an
index page per kind, a home page, and the whole graph as kg.ttl / kg.jsonld /
kg.nq. The site is written into a fresh folder and swapped into place, so a
failed run leaves the previous site.
"""

from __future__ import annotations

import io
import shutil
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from kg.errors import ConfigError
from kg.link.iris import KINDS
from kg.publish import files
from kg.publish.store import swap_in
from kg.rdf import formats
from kg.rdf.jsonld import Triple
from kg.web.describe import Published, open_published
from kg.web.pages import Pages, rel_path

MARKER = ".kg-site"  # in every site kg writes: only such a folder is ever replaced
DUMPS = tuple(name for name, _ in files.EXPORTS)


@dataclass
class SiteResult:
    out: Path
    pages: dict[str, int] = field(default_factory=dict)
    files: int = 0


def check_base(published: Published, base_iri: str | None) -> None:
    """IRIs are minted at build time: a site for another base needs another build."""
    if base_iri is not None and base_iri != published.base:
        raise ConfigError(
            f"the data in {published.data} was built with base IRI {published.base}; "
            f"rebuild it with `kg build … --base-iri {base_iri}` to publish under that base"
        )


def rdf_files(triples: list[Triple]) -> dict[str, bytes]:
    """A description as Turtle and JSON-LD (kg's context), keyed by file extension."""
    out = {}
    for name in ("turtle", "json-ld"):
        fmt = formats.get(name)
        buffer = io.BytesIO()
        fmt.writer()(triples, buffer)
        out[fmt.extension] = buffer.getvalue()
    return out


def safe_path(path: str) -> PurePosixPath:
    """A page path as a relative path that cannot leave the site folder."""
    pure = PurePosixPath(path)
    if not path or pure.is_absolute() or any(p in ("", ".", "..") for p in path.split("/")):
        raise ConfigError(f"cannot publish a page at {path!r}")
    return pure


def build_site(data: Path, out: Path, base_iri: str | None = None) -> SiteResult:
    """Write the site of the data in ``data`` to ``out`` (replacing an earlier kg site)."""
    published = open_published(data)
    check_base(published, base_iri)
    _check_target(out)
    tmp = out.with_name(f".{out.name}.tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    try:
        result = _write(published, tmp)
        (tmp / MARKER).write_text(f"{published.base}\n", encoding="utf-8")
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    swap_in(tmp, out)
    result.out = out
    return result


def _check_target(out: Path) -> None:
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).exists())):
        raise ConfigError(f"{out} exists and is not a site kg wrote: choose an empty or new folder")


def _write(published: Published, out: Path) -> SiteResult:
    d = published.describer
    pages = Pages(d)
    result = SiteResult(out)
    for kind in KINDS:
        iris = d.entities(kind)
        for iri in iris:
            result.files += _write_page(out, pages, iri)
        (out / kind).mkdir(exist_ok=True)
        (out / kind / "index.html").write_text(pages.index(kind, iris), encoding="utf-8")
        result.pages[kind] = len(iris)
    for entry in published.manifest.articles.values():
        graph = entry.get("graph")
        if graph and d.has_graph(graph):
            copies = published.folder / "articles" / str(entry.get("file"))
            result.files += _write_graph(out, pages, graph, entry.get("iri"), copies)
    if all((published.folder / name).is_file() for name in DUMPS):
        for name in DUMPS:  # kg build wrote them from this very store: copy, do not redo
            shutil.copyfile(published.folder / name, out / name)
    else:
        files.write_exports(published.store, out)
    (out / "index.html").write_text(pages.home(result.pages, DUMPS), encoding="utf-8")
    result.files += len(DUMPS) + len(KINDS) + 1
    return result


def _write_page(out: Path, pages: Pages, iri: str) -> int:
    path = safe_path(rel_path(iri, pages.base) or "")
    desc = pages.d.describe(iri)
    target = out / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.with_name(path.name + ".html").write_text(pages.entity(iri, desc), encoding="utf-8")
    for ext, body in rdf_files(desc.triples).items():
        target.with_name(f"{path.name}.{ext}").write_bytes(body)
    return 3


def _write_graph(
    out: Path, pages: Pages, graph_iri: str, article_iri: str | None, published: Path
) -> int:
    """The graph's page, and its files: kg build's articles/ID.ttl|.jsonld when there."""
    path = safe_path(rel_path(graph_iri, pages.base) or "")
    target = out / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.with_name(path.name + ".html").write_text(
        pages.graph_page(graph_iri, article_iri), encoding="utf-8"
    )
    built = {ext: published.with_name(f"{published.name}.{ext}") for ext in ("ttl", "jsonld")}
    if all(p.is_file() for p in built.values()):
        for ext, source in built.items():
            shutil.copyfile(source, target.with_name(f"{path.name}.{ext}"))
    else:
        for ext, body in rdf_files(pages.d.graph(graph_iri)).items():
            target.with_name(f"{path.name}.{ext}").write_bytes(body)
    return 3
