"""`kg remove`: take published articles out of the output folder, everywhere."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kg.errors import NotFoundError, StoreError
from kg.publish import output
from kg.publish.manifest import Manifest
from kg.publish.output import OutputFolder


def remove_articles(out: Path, refs: Sequence[str]) -> list[str]:
    """Remove the articles ``refs`` name (see Manifest.find); their ids, in the order given.

    All of them or none: an unknown reference raises NotFoundError and changes nothing.
    """
    with OutputFolder(out) as folder:
        if folder.interrupted:
            raise StoreError(f"the last build into {out} was stopped half-way: run kg build again")
        manifest = Manifest.require(out)
        ids: list[str] = []
        for ref in refs:
            found = manifest.find(ref)
            if found is None:
                raise NotFoundError(
                    f"no article {ref!r} in {out} (article ids, IRIs and urls are listed "
                    f"in {out / 'manifest.json'})"
                )
            if found[0] not in ids:
                ids.append(found[0])
        kept = {aid: e for aid, e in manifest.articles.items() if aid not in ids}
        store = output.stage_store_changes(folder, {}, {e["graph"] for e in kept.values()})
        staged = [(store, output.STORE), *output.stage_exports(folder, store)]
        gone = {
            f"{manifest.articles[aid]['file']}{ext}" for aid in ids for ext in (".ttl", ".jsonld")
        }
        current = out / output.ARTICLES
        keep = sorted(
            f.name
            for f in current.iterdir()
            if f.suffix in output.ARTICLE_SUFFIXES and f.name not in gone
        )
        staged.append((output.stage_articles(folder, keep, {}), output.ARTICLES))
        folder.commit(staged, Manifest(manifest.base_iri, manifest.model, kept))
    return ids
