"""The doors between kg's packages open one way: a stage imports only the stages before it.

Read from the import statements of every module (function-level imports included),
so a new backward import fails here, whatever the import order at run time.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kg"

# The order of the flow (see kg/__init__.py). Lower modules come first and import no stage.
LOWER = ("kg", "kg.model", "kg.errors", "kg.config", "kg.parallel", "kg.timing", "kg.lexicon")
STAGES = (
    "kg.sources",
    "kg.extract.page",
    "kg.extract.entities",
    "kg.extract.events",
    "kg.extract",  # the runner: article, nlp, workers
    "kg.link",
    "kg.rdf",
    "kg.validate",
    "kg.publish",
    "kg.build",
    "kg.sparql",
    "kg.web",
    "kg.serve",
    "kg.cli",
)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def rank(module: str) -> int:
    """0 for the lower modules, else 1 + the index of the most specific stage it is in."""
    if module in LOWER or any(module.startswith(f"{low}.") for low in LOWER[1:]):
        return 0
    best = None
    for n, stage in enumerate(STAGES):
        inside = module == stage or module.startswith(f"{stage}.")
        if inside and (best is None or len(stage) > len(STAGES[best])):
            best = n
    if best is None:
        raise AssertionError(f"{module} belongs to no stage: add it to STAGES or LOWER")
    return best + 1


def kg_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "kg" or node.module.startswith("kg."):
                found.add(node.module)
                # "from kg.extract import nlp" imports the module kg.extract.nlp
                found.update(f"{node.module}.{a.name}" for a in node.names if a.name.islower())
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("kg"))
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


def existing(name: str) -> bool:
    base = PACKAGE.parent.joinpath(*name.split("."))
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_no_backward_imports(path: Path) -> None:
    me = module_name(path)
    mine = rank(me)
    backward = sorted(
        f"{me} imports {other}"
        for other in kg_imports(path)
        if existing(other) and rank(other) > mine
    )
    assert not backward, "\n".join(backward)


def test_lower_modules_import_no_stage() -> None:
    offenders = [
        f"{module_name(p)} imports {other}"
        for p in MODULES
        if rank(module_name(p)) == 0
        for other in kg_imports(p)
        if existing(other) and rank(other) > 0
    ]
    assert offenders == []


def test_every_module_is_placed() -> None:
    # rank() raises for a module outside every stage; a new top-level folder must be placed.
    assert {rank(module_name(p)) for p in MODULES} >= {0, len(STAGES)}


def test_a_backward_import_is_caught(tmp_path: Path) -> None:
    # The checker itself: a lexicon module importing the build would be reported.
    probe = tmp_path / "probe.py"
    probe.write_text("from kg.build.run import build\nfrom kg.model import Article\n")
    assert {m for m in kg_imports(probe) if existing(m)} == {"kg.build.run", "kg.model"}
    assert rank("kg.lexicon.words") < rank("kg.build.run")
    assert rank("kg.extract.page.view") < rank("kg.extract.entities.mentions")
    assert rank("kg.extract.article") > rank("kg.extract.events.detect")
