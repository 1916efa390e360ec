"""Benchmark: read_document() against the naive python-docx read, on a 300-page agreement.

Run on demand (it is not a test): `.venv/bin/python bench/read_bench.py`.

The agreement is the one the check benchmark reads (`bench/agreements.py`),
built with clausecheck's own notation builder: about 140,000 words in
numbered articles, clauses and items written as Word automatic numbering,
with a table every few articles. Each read runs in a fresh process (so peak
memory is its own), three times; the best time counts. The naive read is
`docx.Document(path)` plus every paragraph's and every table cell's `.text`,
which sees less: no numbers, no tracked insertions, merged cells repeated.
The target is a ratio <= 1.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from agreements import agreement, pages


def _naive(path: str) -> int:
    import docx

    document = docx.Document(path)
    total = sum(len(p.text) for p in document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                total += len(cell.text)
    return total


def _ours(path: str) -> int:
    from clausecheck.document.reader import read_document

    return sum(len(b.text) for b in read_document(path).blocks)


def _measure(job: str, path: str, queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    function = _naive if job == "naive" else _ours
    if job == "ours":
        import clausecheck.document.reader  # noqa: F401  (imports are not the read)
        from clausecheck.language.detect import detect

        detect("甲方")  # OpenCC's dictionaries load once per process
    else:
        import docx  # noqa: F401
    start = time.perf_counter()
    chars = function(path)
    elapsed = time.perf_counter() - start
    queue.put((elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, chars))


def run(job: str, path: str) -> tuple[float, float, int]:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_measure, args=(job, path, queue))
    process.start()
    result = queue.get()
    process.join()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=140_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    from clausecheck.document.reader import read_document
    from clausecheck.testing.compose import compose_docx

    start = time.perf_counter()
    data = compose_docx(agreement(args.words), auto_numbering=True)
    built = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "agreement.docx")
        Path(path).write_bytes(data)
        document = read_document(path)
        words = sum(len(b.text.split()) for b in document.blocks)
        print(
            f"agreement: {words:,} words, {len(document.blocks):,} blocks, "
            f"{sum(1 for b in document.blocks if b.label_source == 'numbering'):,} auto-numbered, "
            f"{len({b.table.table for b in document.blocks if b.table})} tables, ~{pages(words)} pages, "
            f"{len(data) / 1e6:.1f} MB (built in {built:.2f} s)"
        )
        results = {}
        for job in ("naive", "ours"):
            runs = [run(job, path) for _ in range(args.repeat)]
            results[job] = min(runs)
            best, rss, chars = results[job]
            print(
                f"{job:>6}: best {best * 1000:7.0f} ms of {args.repeat}, peak RSS {rss:6.0f} MB, {chars:,} characters read"
            )
    ratio = results["ours"][0] / results["naive"][0]
    print(f" ratio: read_document / naive = {ratio:.2f} ({'meets' if ratio <= 1 else 'misses'} the target of <= 1)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
