"""Benchmarks of the whole check, run on demand (not a test): `.venv/bin/python bench/check_bench.py`.

Prints four measures (issue 4's quality bar):

1. a generated 300-page agreement (about 140,000 words, automatic numbering,
   tables) checked in process, against the naive read of the same file in the
   same run (`docx.Document()` plus every paragraph's and cell's `.text`);
   target under 1 s, ratio printed (the long-run goal is 2x the naive read);
2. the command's cold start on a 2-page agreement (target under 1 s);
3. throughput over 200 generated agreements of a few pages each;
4. resident memory after checking 2,000 agreements in one process (target:
   flat, under 300 MB).

Timings are the best of several runs: the machine is shared, and the best run
is the one least disturbed.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from agreements import agreement, pages


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _best(fn, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def naive_read(path: Path) -> int:
    import docx

    document = docx.Document(str(path))
    chars = sum(len(p.text) for p in document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            chars += sum(len(cell.text) for cell in row.cells)
    return chars


def long_agreement(folder: Path, runs: int) -> None:
    import clausecheck
    from clausecheck.testing.compose import compose_docx

    notation = agreement(140_000)
    words = sum(len(line.split()) for line in notation.splitlines())
    path = folder / "long.docx"
    path.write_bytes(compose_docx(notation, auto_numbering=True))
    pack = clausecheck.load_pack("safety-core")
    clausecheck.check(path, pack=pack)  # warm: pack compiled, engine built
    naive = _best(lambda: naive_read(path), runs)
    ours = _best(lambda: clausecheck.check(path, pack=pack), runs)
    report = clausecheck.check(path, pack=pack).documents[0]
    print(f"1. 300-page agreement: {words:,} words, ~{pages(words)} pages, {len(report.findings)} findings")
    print(f"   check in process {ours * 1000:7.0f} ms (target < 1000 ms)")
    print(f"   naive read       {naive * 1000:7.0f} ms   ratio check/naive = {ours / naive:.2f} (goal 2.0)")


def cold_start(folder: Path, runs: int) -> None:
    from clausecheck.testing.compose import compose_docx

    path = folder / "short.docx"
    path.write_bytes(compose_docx(agreement(900, seed=1), auto_numbering=True))
    command = [str(Path(sys.executable).with_name("clausecheck")), "check", "--format", "json", str(path)]
    seconds = _best(lambda: subprocess.run(command, capture_output=True, check=False), runs)
    print(f"2. cold start of `clausecheck check` on a 2-page agreement: {seconds * 1000:.0f} ms (target < 1000 ms)")


def throughput(folder: Path, count: int) -> None:
    import clausecheck
    from clausecheck.testing.compose import compose_docx

    paths = []
    for i in range(count):
        path = folder / f"t{i}.docx"
        path.write_bytes(compose_docx(agreement(2_500, seed=i), auto_numbering=True))
        paths.append(path)
    pack = clausecheck.load_pack("safety-core")
    start = time.perf_counter()
    for path in paths:
        clausecheck.check(path, pack=pack)
    seconds = time.perf_counter() - start
    print(f"3. throughput: {count} agreements of ~5 pages in {seconds:.1f} s = {count / seconds:.0f} agreements/s")


def memory(count: int) -> None:
    import clausecheck
    from clausecheck.testing.compose import compose_docx

    documents = [compose_docx(agreement(1_200, seed=i), auto_numbering=i % 2 == 0) for i in range(20)]
    pack = clausecheck.load_pack("safety-core")
    marks = {}
    for i in range(count):
        clausecheck.check(documents[i % len(documents)], pack=pack)
        if i + 1 in (100, count // 2, count):
            marks[i + 1] = _rss_mb()
    trail = ", ".join(f"after {n:,}: {mb:.0f} MB" for n, mb in marks.items())
    print(f"4. resident memory checking {count:,} agreements in one process: {trail} (target flat, < 300 MB)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--throughput", type=int, default=200)
    parser.add_argument("--memory", type=int, default=2_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        long_agreement(folder, args.runs)
        cold_start(folder, args.runs)
        throughput(folder, args.throughput)
    memory(args.memory)
    return 0


if __name__ == "__main__":
    sys.exit(main())
