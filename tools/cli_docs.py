"""Write the command reference from --help: docs/commands.md and the README's command table.

python tools/cli_docs.py           # rewrite both
python tools/cli_docs.py --check   # exit 1 when either differs (what the test checks)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.cli import main as kg_group  # noqa: E402
from kg.cli.reference import reference, replace_summary, summary  # noqa: E402

DOCS = ROOT / "docs" / "commands.md"
README = ROOT / "README.md"


def main() -> int:
    check = "--check" in sys.argv[1:]
    wanted = {
        DOCS: reference(kg_group),
        README: replace_summary(README.read_text(encoding="utf-8"), summary(kg_group)),
    }
    stale = [p for p, text in wanted.items() if not p.is_file() or p.read_text("utf-8") != text]
    if check:
        for p in stale:
            print(f"{p.relative_to(ROOT)} differs from --help: run python tools/cli_docs.py")
        return 1 if stale else 0
    for p in stale:
        p.write_text(wanted[p], encoding="utf-8")
        print(f"wrote {p.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
