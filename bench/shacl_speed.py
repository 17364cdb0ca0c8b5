"""SHACL validation time per article, as `kg build` validates: batches of 100 in one call.

    kg build ../shared/data/corpus/first200.jsonl --out /tmp/out-200 --workers 1
    python bench/shacl_speed.py /tmp/out-200 --repeat 5

Reads the article graphs a build published (articles/*.ttl), validates them with the
kg on the Python path (its shapes, its Validator) in batches of 100, as the build does,
``--repeat`` times, and prints the median and the best milliseconds per article with
the machine's load average before and after. To compare two versions of kg, run it
with each on PYTHONPATH over its own build of the same articles, alternating. The
machine is shared: read the figures next to the load, and never as a speed claim.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import pyoxigraph as ox

BATCH = 100


def graphs(out: Path) -> list[tuple[str, list[tuple[object, object, object]]]]:
    found = []
    for path in sorted((out / "articles").glob("*.ttl")):
        quads = ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)
        found.append((path.stem, [(q.subject, q.predicate, q.object) for q in quads]))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="a folder kg build published into")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    import kg
    from kg.validate import Validator

    articles = graphs(args.out)
    if not articles:
        sys.exit(f"no articles/*.ttl in {args.out}")
    validator = Validator()
    batches = [articles[i : i + BATCH] for i in range(0, len(articles), BATCH)]
    load_before = os.getloadavg()
    runs, cpu = [], []
    for _ in range(args.repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        for batch in batches:
            validator.validate_many(batch)  # type: ignore[arg-type]
        runs.append((time.perf_counter() - start) * 1000 / len(articles))
        cpu.append((time.process_time() - start_cpu) * 1000 / len(articles))
    load_after = os.getloadavg()
    print(f"kg from {Path(kg.__file__).parent}")
    print(f"{len(articles)} articles, {len(batches)} batch(es), {args.repeat} runs")
    print(f"validate ms/article: median {statistics.median(runs):.2f}, best {min(runs):.2f}")
    # CPU time of this process: less disturbed than wall time by other work on the machine.
    print(f"validate CPU ms/article: median {statistics.median(cpu):.2f}, best {min(cpu):.2f}")
    print(f"load average before {load_before[0]:.2f}, after {load_after[0]:.2f}")


if __name__ == "__main__":
    main()
