"""How a build names its sources in what it publishes: never by a local path.

A file given on the command line is named by its file name, a file found in a folder
given on the command line by its path relative to that folder ("2024/story.html"),
JSON Lines on stdin as "<stdin>". The absolute path of the machine kg ran on is in
no graph, manifest or report.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePath


def source_name(source: str, given: str) -> str:
    """The published name of ``source``, read from the command-line argument ``given``."""
    if given == "-" or source.startswith("<"):
        return source
    path, root = Path(source), Path(given)
    if root.is_dir():
        try:
            relative = os.path.relpath(path, root)
        except ValueError:  # another drive (Windows)
            return path.name
        if not relative.startswith(".."):
            return PurePath(relative).as_posix()
    return path.name
