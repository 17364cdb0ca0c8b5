"""`kg remove`: take published articles out of the output folder, everywhere."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import NotFoundError, StoreError
from kg.publish import files, output
from kg.publish.manifest import Manifest
from kg.publish.output import OutputFolder
from kg.publish.publish import stage_event_types
from kg.publish.state import read_manifest


@dataclass
class Removed:
    ids: list[str]  # the articles taken out, in the order given
    notices: list[str] = field(default_factory=list)  # about the output folder, for the user


def remove_articles(out: Path, refs: Sequence[str]) -> Removed:
    """Remove the articles ``refs`` name (see Manifest.find).

    All of them or none: an unknown reference raises NotFoundError and changes nothing.
    """
    with OutputFolder(out) as folder:
        if folder.interrupted:
            raise StoreError(f"the last build into {out} was stopped half-way: run kg build again")
        manifest = read_manifest(out)
        ids: list[str] = []
        for ref in refs:
            found = manifest.find(ref)
            if found is None:
                raise NotFoundError(
                    f"no article {ref!r} in {out} (article ids, IRIs, urls and file names "
                    f"are listed in {out / 'manifest.json'})"
                )
            if found[0] not in ids:
                ids.append(found[0])
        kept = {aid: e for aid, e in manifest.articles.items() if aid not in ids}
        store = output.stage_store_changes(folder, {}, {e["graph"] for e in kept.values()})
        output.stage_exports(folder, store)
        gone = {
            f"{manifest.articles[aid]['file']}{ext}" for aid in ids for ext in (".ttl", ".jsonld")
        }
        current = folder.previous / output.ARTICLES
        keep = sorted(
            f.name
            for f in current.iterdir()
            if f.suffix in output.ARTICLE_SUFFIXES and f.name not in gone
        )
        output.stage_articles(folder, keep)
        if not folder.keep(files.REPORT):
            files.write_new_bytes(folder.staged(files.REPORT), b"")
        stage_event_types(folder)
        folder.commit(Manifest(manifest.base_iri, manifest.model, kept))
    return Removed(ids, [folder.notice] if folder.notice else [])
