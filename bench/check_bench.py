"""Benchmarks of the whole check (issue 11), run on demand and never as tests: `.venv/bin/python bench/check_bench.py`.

Each figure is printed beside its target, measured in the same run:

1. a 300-page agreement (`bench/agreements.py`: many names, long paragraphs,
   Chinese and English, tables) checked in process, against the naive
   python-docx read of the same file: at most 2x;
2. a 600-page agreement against the 300-page one: at most 2.1x (cost linear
   in size);
3. the peak memory a check adds, against what the naive read adds: at most 2x;
4. `clausecheck check small.docx` (an English agreement of two pages), min and
   median of 10 starts with bytecode and packs cached: at most 0.3 s;
   `clausecheck --version` at most 0.06 s;
5. `clausecheck check --jobs 2` against `--jobs 1` on 100 typical agreements
   (5,000 to 20,000 words): at least 1.7x the throughput (on 2 idle cores);
6. typical agreements checked per second per core, warm: at least 80 (printed beside the rate of
   a bare python-docx read of the same files, of our reader alone, and of python-docx's `Document()`
   alone: the open is the only part of a read no reader can avoid; the bare read's cost is its
   paragraph objects);
7. with `--memory N`: resident memory over N agreements in one process (flat).

In-process figures are CPU seconds, the best of `--runs` runs (the machine is
shared); commands print their wall time with their CPU seconds beside it.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from agreements import agreement, pages, words_in
from measure import (
    best_cpu,
    command,
    compile_bytecode,
    min_median,
    naive_read,
    open_package,
    peak_added,
    program_env,
    read,
    timed_runs,
    verdict,
)

TYPICAL = 100


def _write(path: Path, notation: str) -> Path:
    from clausecheck.testing.compose import compose_docx

    path.write_bytes(compose_docx(notation, auto_numbering=True))
    return path


def _describe(notation: str) -> str:
    words = sum(words_in(line) for line in notation.splitlines())
    return f"{words:,.0f} words, ~{pages(words)} pages"


def long_agreements(folder: Path, runs: int) -> None:
    import clausecheck

    notations = {size: agreement(size * 470) for size in (300, 600)}
    paths = {size: _write(folder / f"p{size}.docx", notation) for size, notation in notations.items()}
    small = _write(folder / "warm.docx", agreement(900, seed=1))
    pack = clausecheck.load_pack("safety-core")
    clausecheck.check(small, pack=pack)  # warm: the pack compiled, the engine built
    naive = best_cpu(lambda: naive_read(paths[300]), runs)
    ours = {size: best_cpu(lambda p=path: clausecheck.check(p, pack=pack), runs) for size, path in paths.items()}
    ratio, linear = ours[300] / naive, ours[600] / ours[300]
    print(f"1. 300-page agreement ({_describe(notations[300])}): check {ours[300] * 1000:.0f} ms CPU")
    print(
        f"   naive python-docx read {naive * 1000:.0f} ms: ratio {ratio:.2f} (target <= 2.0: {verdict(ratio <= 2.0)})"
    )
    print(f"2. 600-page agreement ({_describe(notations[600])}): check {ours[600] * 1000:.0f} ms CPU")
    print(f"   against 300 pages: ratio {linear:.2f} (target <= 2.1: {verdict(linear <= 2.1)})")
    added = {job: peak_added(job, paths[300], small) for job in ("naive", "check")}
    memory = added["check"] / added["naive"]
    print(
        f"3. peak memory added on 300 pages: check {added['check']:.0f} MB, naive read {added['naive']:.0f} MB: "
        f"ratio {memory:.2f} (target <= 2.0: {verdict(memory <= 2.0)})"
    )


def start_up(folder: Path, starts: int) -> None:
    english = "\n".join(line for line in agreement(900, seed=1).splitlines() if not re.search("[\u4e00-\u9fff]", line))
    small = _write(folder / "small.docx", english)
    compile_bytecode()
    env = program_env(folder / "cache")
    check_argv = command(["check", "--format", "json", str(small)])
    timed_runs(check_argv, env, 1)  # the packs' cache filled, as after any earlier run
    walls, cpus = timed_runs(check_argv, env, starts)
    print(f"4. `clausecheck check small.docx` ({_describe(english)}), {starts} starts: {min_median(walls)} wall")
    print(
        f"   (CPU median {statistics.median(cpus) * 1000:.0f} ms) "
        f"(target <= 300 ms: {verdict(statistics.median(walls) <= 0.3)})"
    )
    walls, _ = timed_runs(command(["--version"]), env, starts)
    print(
        f"   `clausecheck --version`: {min_median(walls)} (target <= 60 ms: {verdict(statistics.median(walls) <= 0.06)})"
    )


def typical_agreements(folder: Path) -> list[Path]:
    """TYPICAL agreements of 5,000 to 20,000 words, as services agreements run."""
    typical = folder / "typical"
    typical.mkdir()
    return [
        _write(typical / f"t{i:03}.docx", agreement(5_000 + (i * 15_000) // TYPICAL, seed=100 + i))
        for i in range(TYPICAL)
    ]


def batch(folder: Path, paths: list[Path]) -> None:
    env = program_env(folder / "cache")
    seconds = {}
    for jobs in (1, 2):
        walls, cpus = timed_runs(
            command(["check", "--format", "json", "--jobs", str(jobs), str(paths[0].parent)]), env, 1
        )
        seconds[jobs] = walls[0]
        print(f"5. --jobs {jobs} on {len(paths)} typical agreements: {walls[0]:.1f} s wall ({cpus[0]:.1f} s CPU)")
    speedup = seconds[1] / seconds[2]
    print(f"   --jobs 2 throughput: {speedup:.2f}x --jobs 1 (target >= 1.7 on 2 idle cores: {verdict(speedup >= 1.7)})")


def throughput(paths: list[Path], runs: int) -> None:
    import clausecheck

    checker = clausecheck.Checker("safety-core")
    for path in paths[:3]:
        checker.check(path)
    seconds = best_cpu(lambda: [checker.check(path) for path in paths], max(1, runs - 1))
    rate = len(paths) / seconds
    print(
        f"6. warm, in one process: {rate:.1f} typical agreements per second per core "
        f"({seconds / len(paths) * 1000:.0f} ms CPU each) (target >= 80: {verdict(rate >= 80)})"
    )
    # beside that target: reading the same files with bare python-docx, with our reader alone, and opening them
    for name, job in (
        ("naive python-docx read", naive_read),
        ("read_document alone", read),
        ("python-docx Document() alone", open_package),
    ):
        alone = best_cpu(lambda job=job: [job(path) for path in paths], max(1, runs - 1))
        print(f"   {name}: {len(paths) / alone:.1f} per second ({alone / len(paths) * 1000:.0f} ms CPU each)")


def memory(count: int) -> None:
    import clausecheck
    from clausecheck.testing.compose import compose_docx

    documents = [compose_docx(agreement(1_200, seed=i), auto_numbering=i % 2 == 0) for i in range(20)]
    pack = clausecheck.load_pack("safety-core")
    marks = {}
    for i in range(count):
        clausecheck.check(documents[i % len(documents)], pack=pack)
        if i + 1 in (100, count // 2, count):
            with open("/proc/self/status", encoding="ascii") as f:
                marks[i + 1] = next(int(line.split()[1]) / 1024 for line in f if line.startswith("VmRSS:"))
    trail = ", ".join(f"after {n:,}: {mb:.0f} MB" for n, mb in marks.items())
    print(f"7. resident memory checking {count:,} agreements in one process: {trail} (target: flat)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each in-process figure (the best counts)")
    parser.add_argument("--starts", type=int, default=10, help="starts of the command timed")
    parser.add_argument("--memory", type=int, default=0, help="also check N agreements in one process for memory")
    args = parser.parse_args()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        long_agreements(folder, args.runs)
        start_up(folder, args.starts)
        paths = typical_agreements(folder)
        batch(folder, paths)
        throughput(paths, args.runs)
    if args.memory:
        memory(args.memory)
    print(f"(measured in {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
