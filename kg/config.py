"""Settings from kg.toml: defaults for any command's options, overridden on the command line.

    # kg.toml
    [build]
    base_iri = "https://news.example.org/kg/"
    model = "en_core_web_sm"

    [serve]
    port = 8080

Keys are option names with "-" written as "_". kg reads ./kg.toml, or the file
named by the KG_CONFIG environment variable.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from kg.errors import ConfigError

DEFAULT_FILE = "kg.toml"


def config_path() -> Path | None:
    named = os.environ.get("KG_CONFIG")
    if named:
        path = Path(named)
        if not path.is_file():
            raise ConfigError(f"KG_CONFIG names {path}, which is not a file")
        return path
    path = Path(DEFAULT_FILE)
    return path if path.is_file() else None


def read_config(path: Path | None = None) -> dict[str, Any]:
    """{command: {option: value}} from the config file, or {} when there is none."""
    path = path or config_path()
    if path is None:
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(f"cannot read {path}: {e}") from e
    if not all(isinstance(v, dict) for v in data.values()):
        raise ConfigError(f"{path}: put settings under a [command] table, e.g. [build]")
    return data
