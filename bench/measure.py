"""Measuring on a shared machine: CPU time, best of several runs, peak memory in a process of its own.

Other jobs share the cores, so a wall clock measures them too: in-process
figures are CPU seconds (`time.process_time`), the best of several runs;
commands report their wall time (what the target is about) with their CPU
seconds beside it. Peak memory is measured in a fresh process per job,
after its imports and a warm-up, as the growth of its peak resident size.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent


def best_cpu(fn: Callable[[], object], runs: int) -> float:
    """The least CPU time of `runs` calls of `fn`."""
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def open_package(path: str | Path) -> int:
    """What opening the file with python-docx alone costs (`Document()`: the package unzipped and its XML
    parsed), the part of any python-docx read no reader can avoid."""
    import docx

    return len(docx.Document(str(path)).element)


def naive_read(path: str | Path) -> int:
    """What a bare python-docx read costs: `Document()` plus every paragraph's and table cell's text."""
    import docx

    document = docx.Document(str(path))
    chars = sum(len(p.text) for p in document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            chars += sum(len(cell.text) for cell in row.cells)
    return chars


def read(path: str | Path) -> int:
    from clausecheck.document.reader import read_document

    return sum(len(b.text) for b in read_document(path).blocks)


def check(path: str | Path) -> int:
    import clausecheck

    return len(clausecheck.check(path).documents[0].findings)


JOBS: dict[str, Callable[[str | Path], int]] = {"naive": naive_read, "read": read, "check": check}


def peak_added(job: str, path: str | Path, warm: str | Path) -> float:
    """MB the peak resident size of a fresh process grows by while `job` runs on `path` (after a warm-up on
    `warm`, which loads the libraries and packs the job needs)."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_peak, args=(job, str(path), str(warm), queue))
    process.start()
    added = queue.get()
    process.join()
    return added


def _peak(job: str, path: str, warm: str, queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    JOBS[job](warm)
    _reset_peak()
    before = _status("VmRSS")
    JOBS[job](path)
    queue.put((_status("VmHWM") - before) / 1024)


def _reset_peak() -> None:
    """Start the peak resident size afresh (Linux 4.0+: `echo 5 > /proc/self/clear_refs`)."""
    with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
        f.write("5")


def _status(field: str) -> int:
    """A field of /proc/self/status, in kB."""
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def program_env(cache: Path) -> dict[str, str]:
    """The environment of a command as a user runs it: bytecode cached, the packs' cache in `cache`."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["CLAUSECHECK_CACHE_DIR"] = str(cache)
    return env


def compile_bytecode() -> None:
    """Bytecode for clausecheck and its libraries, as a normal install leaves it."""
    import clausecheck

    package = Path(clausecheck.__file__).resolve().parent
    for folder in (package, *(Path(p) for p in sys.path if p.endswith("site-packages"))):
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(folder)], capture_output=True, check=False)


def command(args: Sequence[str]) -> list[str]:
    """The installed `clausecheck` program with `args`."""
    return [str(Path(sys.executable).with_name("clausecheck")), *args]


def timed_runs(argv: Sequence[str], env: dict[str, str], runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds (user + system) of each of `runs` runs of a command."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(list(argv), capture_output=True, env=env, check=False)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return walls, cpus


def min_median(values: list[float]) -> str:
    return f"min {min(values) * 1000:.0f} ms, median {statistics.median(values) * 1000:.0f} ms"


def verdict(ok: bool) -> str:
    return "meets" if ok else "MISSES"
