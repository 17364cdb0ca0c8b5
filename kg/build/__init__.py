"""`kg build` as a library call: the orchestration of every stage.

``run`` is the build itself; ``corpus`` keeps what a build holds of all articles,
``cache`` the content-hash caches, ``batches`` maps, validates and writes a batch of
articles (the unit of work of the worker processes), ``distributed`` runs extraction
on a Dask cluster. May import every stage up to kg.publish.
"""

from kg.build.run import BuildOptions, BuildResult, Problem, build, extraction_settings

__all__ = ["BuildOptions", "BuildResult", "Problem", "build", "extraction_settings"]
