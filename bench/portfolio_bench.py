"""Portfolio benchmark, run on demand (not a test): `.venv/bin/python bench/portfolio_bench.py [--count 10000]`.

Makes `--count` agreements by varying the corpus texts (`../shared/corpus/src`,
else the examples'): the parties' names, the order of clauses under each
heading, Word automatic numbering or literal labels, and wording swapped for
other terms of the same topic from the safety-core pack. Then checks them on a
local Dask cluster (`clausecheck.portfolio`, as `check --cluster local:N`
does) with 1 and 2 worker processes, and once more with a warm cache, and
prints:

- agreements per second with 1 and 2 workers, and the speed-up;
- each worker's resident memory after a quarter of the run and at its end, and
  its peak (flat: the engine frees each agreement's session);
- the CPU time the workers spent per agreement (agreements per busy core, whatever
  else runs on the machine) and the starting process's (client and scheduler) share;
- the time of the re-run with a warm cache (nothing checked, only read and hashed).

Cluster start-up and the workers' pack compilation are left out of the timings:
they happen once per job, not per agreement. The machine is shared, so the
figures are one run's, not a best of several.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "src"
EXAMPLES = ROOT / "examples" / "src"
NAMES_EN = ["Harbour", "Kestrel", "Northgate", "Alder", "Meridian", "Bluewater", "Granite", "Solent", "Ironbridge"]
KINDS_EN = ["Logistics", "Engineering", "Facilities", "Data Services", "Maintenance", "Systems"]
NAMES_ZH = ["华东", "海川", "北辰", "明德", "远航", "金石", "安泰", "东升", "瑞丰"]
KINDS_ZH = ["物流", "工程", "物业服务", "信息技术", "设备维修", "系统集成"]
LABEL = re.compile(r"^(\d+\.\d+|第[一二三四五六七八九十]+条|（[一二三四五六七八九十]+）|\([a-z]\))\s*(.*)$")


def base_texts() -> list[tuple[str, str]]:
    """(name, text) of every corpus source text, or of the examples when the corpus is not here."""
    folder = CORPUS if CORPUS.is_dir() else EXAMPLES
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]


def pack_synonyms() -> list[list[str]]:
    """Groups of interchangeable literal terms: the same topic's terms in one language, from safety-core."""
    import clausecheck

    pack = clausecheck.load_pack("safety-core")
    groups = []
    for topic in pack.topics.values():
        by_lang: dict[str | None, list[str]] = {}
        for term in topic.terms:
            if not term.regex and len(term.text) > 3:
                by_lang.setdefault(term.lang, []).append(term.text)
        groups += [terms for terms in by_lang.values() if len(terms) > 1]
    return groups


def parties(text: str) -> list[str]:
    """Full names the text defines for its parties, as the reader finds them."""
    import clausecheck
    from clausecheck.testing.compose import compose_docx

    document = clausecheck.read_document(compose_docx(text))
    return sorted({p.name for p in document.parties if len(p.name) > 3}, key=len, reverse=True)


def vary(text: str, names: list[str], synonyms: list[list[str]], seed: int) -> str:
    """One variant of `text`: new party names, clauses shuffled under their heading, one term swapped."""
    rnd = random.Random(seed)
    chinese = bool(re.search(r"[\u4e00-\u9fff]", text))
    for name in names:
        if chinese:
            new = f"{rnd.choice(NAMES_ZH)}{rnd.choice(KINDS_ZH)}有限公司{seed}"
        else:
            new = f"{rnd.choice(NAMES_EN)} {rnd.choice(KINDS_EN)} {seed} Ltd"
        text = text.replace(name, new)
    lines = text.splitlines()
    out: list[str] = []
    run: list[tuple[str, str]] = []

    def flush() -> None:
        bodies = [body for _, body in run]
        rnd.shuffle(bodies)
        out.extend(f"{label} {body}" for (label, _), body in zip(run, bodies))
        run.clear()

    for line in lines:
        match = LABEL.match(line)
        if match:
            run.append((match.group(1), match.group(2)))
        else:
            flush()
            out.append(line)
    flush()
    text = "\n".join(out)
    for group in rnd.sample(synonyms, k=min(3, len(synonyms))):
        present = [t for t in group if t in text]
        if present:
            text = text.replace(present[0], rnd.choice(group), 1)
    return text


def _make(job: tuple[int, str, str, list[str], list[list[str]], str]) -> None:
    from clausecheck.testing.compose import compose_docx

    i, name, text, names, synonyms, folder = job
    data = compose_docx(vary(text, names, synonyms, i), auto_numbering=i % 2 == 0)
    (Path(folder) / name / f"{name}-{i:05d}.docx").write_bytes(data)


def make_agreements(folder: Path, count: int) -> None:
    texts = base_texts()
    synonyms = pack_synonyms()
    names = {name: parties(text) for name, text in texts}
    for name, _ in texts:
        (folder / name).mkdir()
    jobs = [(i, *texts[i % len(texts)], names[texts[i % len(texts)][0]], synonyms, str(folder)) for i in range(count)]
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        pool.map(_make, jobs, chunksize=50)


def _rss_mb() -> tuple[float, float]:
    """This process's resident memory now and at its peak, in MB."""
    import resource

    import psutil

    return psutil.Process().memory_info().rss / 2**20, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def check(folder: Path, workers: int, cache: str | None) -> dict[str, object]:
    """Check every agreement under `folder` on a local cluster of `workers` processes; timings and memory."""
    from clausecheck.checker import Checker
    from clausecheck.portfolio import sources
    from clausecheck.portfolio.dask_pool import DaskPool, connect
    from clausecheck.portfolio.pools import run
    from clausecheck.portfolio.worker import WorkerSpec

    agreements, _ = sources.expand([str(folder)])
    marks: dict[str, dict[str, tuple[float, float]]] = {}
    with connect(local_workers=workers) as client:
        pool = DaskPool(client, WorkerSpec.of(Checker(), cache_location=cache))
        count = errors = cached = 0
        cpu = client.run(time.process_time)
        own_cpu = time.process_time()
        start = time.perf_counter()
        for done in run(agreements, pool):
            count += 1
            errors += bool(done.result.error)
            cached += done.cached
            if count == len(agreements) // 4:
                marks["quarter"] = client.run(_rss_mb)
        seconds = time.perf_counter() - start
        own_cpu = time.process_time() - own_cpu
        worker_cpu = sum(end - cpu.get(w, end) for w, end in client.run(time.process_time).items())
        marks["end"] = client.run(_rss_mb)
    return {
        "count": count,
        "errors": errors,
        "cached": cached,
        "seconds": seconds,
        "marks": marks,
        "worker_cpu": worker_cpu,
        "own_cpu": own_cpu,
    }


def _cpu(run: dict[str, object]) -> str:
    """Agreements per CPU-second of the workers (throughput per busy core), and the starting process's share."""
    count = run["count"]
    return (
        f"{count / run['worker_cpu']:.1f} agreements per worker CPU-second; "  # type: ignore[operator]
        f"starting process (client and scheduler) {1000 * run['own_cpu'] / count:.1f} ms CPU per agreement"  # type: ignore[operator]
    )


def _memory(marks: dict[str, dict[str, tuple[float, float]]]) -> str:
    lines = []
    for worker in sorted(marks["end"]):
        quarter = marks.get("quarter", {}).get(worker, (float("nan"), 0))[0]
        now, peak = marks["end"][worker]
        lines.append(f"after 1/4 {quarter:.0f} MB, at the end {now:.0f} MB, peak {peak:.0f} MB")
    return "; ".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "agreements"
        folder.mkdir()
        start = time.perf_counter()
        make_agreements(folder, args.count)
        size = sum(p.stat().st_size for p in folder.rglob("*.docx")) / 2**20
        print(f"made {args.count:,} agreements ({size:.0f} MB) in {time.perf_counter() - start:.0f} s")
        one = check(folder, 1, None)
        rate1 = one["count"] / one["seconds"]  # type: ignore[operator]
        print(f"1 worker:  {one['count']:,} agreements in {one['seconds']:.0f} s = {rate1:.1f} agreements/s")
        print(f"           memory: {_memory(one['marks'])}")  # type: ignore[arg-type]
        print(f"           CPU: {_cpu(one)}")
        cache = str(Path(tmp) / "cache")
        two = check(folder, 2, cache)
        rate2 = two["count"] / two["seconds"]  # type: ignore[operator]
        print(
            f"2 workers: {two['count']:,} agreements in {two['seconds']:.0f} s = {rate2:.1f} agreements/s, "
            f"speed-up {rate2 / rate1:.2f} (filling the cache)"
        )
        print(f"           memory: {_memory(two['marks'])}")  # type: ignore[arg-type]
        print(f"           CPU: {_cpu(two)}")
        warm = check(folder, 2, cache)
        print(
            f"re-run, warm cache, 2 workers: {warm['seconds']:.0f} s "
            f"({warm['cached']:,} of {warm['count']:,} from the cache, {warm['errors']} errors)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
