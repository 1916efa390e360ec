"""The rule-language fuzzer at length, on the bundled examples (not a test): `.venv/bin/python bench/fuzz_bench.py`.

Runs `tests/budget/dsl_fuzz.py`'s pack generator for `--examples` packs
(default 2,000) and checks each one that loads against every agreement in
`examples/` within the default budget. Prints how many packs were refused
with a positioned error and how many checked, the slowest `packs validate`
(load) and check, and the first failure with its pack text if there is one.
A crash in native code would end this process: run it under `ulimit -c 0`
and read the exit status.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hypothesis import HealthCheck, given, settings  # noqa: E402

from budget.dsl_fuzz import judge, pack_texts  # noqa: E402
from clausecheck.limits import Limits  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000)
    args = parser.parse_args()
    agreements = [p.read_bytes() for p in sorted((ROOT / "examples").glob("*.docx"))]
    counts = {"refused": 0, "checked": 0}
    slowest = [0.0, ""]
    folder = Path(tempfile.mkdtemp()) / "fuzzed"

    @settings(max_examples=args.examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(pack_texts)
    def run(text: str) -> None:
        start = time.perf_counter()
        verdict = judge(text, folder, agreements, Limits())
        took = time.perf_counter() - start
        counts[verdict] += 1
        if took > slowest[0]:
            slowest[:] = [took, text[:300]]

    start = time.perf_counter()
    try:
        run()
    finally:
        total = counts["refused"] + counts["checked"]
        print(
            f"{total} packs in {time.perf_counter() - start:.0f} s: {counts['refused']} refused with a position, "
            f"{counts['checked']} checked {len(agreements)} examples each"
        )
        print(f"slowest pack (validate and check): {slowest[0]:.2f} s; it began: {slowest[1]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
