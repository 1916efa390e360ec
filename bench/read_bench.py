"""Benchmark of reading alone (issue 11), run on demand and never as a test: `.venv/bin/python bench/read_bench.py`.

The agreements are the check benchmark's (`bench/agreements.py`): 300 and 600
pages of numbered articles (Word automatic numbering), long paragraphs,
bilingual clauses and tables. Printed beside their targets, from the same run:

1. `read_document` against the naive python-docx read of the same 300-page
   file (`docx.Document()` plus every paragraph's and table cell's `.text`,
   which sees less: no numbers, no tracked insertions, merged cells
   repeated): at most 1x;
2. the 600-page read against the 300-page one: at most 2.1x (linear);
3. the peak memory a read adds, against what the naive read adds: at most 2x.

Times are CPU seconds, the best of `--runs` runs (the machine is shared);
memory is measured in a fresh process per job, after its imports and a warm-up.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from agreements import agreement, pages, words_in
from measure import best_cpu, naive_read, peak_added, read, verdict


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each timing (the best counts)")
    args = parser.parse_args()
    from clausecheck.document.reader import read_document
    from clausecheck.testing.compose import compose_docx

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = {}
        for size in (300, 600):
            start = time.perf_counter()
            notation = agreement(size * 470)
            paths[size] = folder / f"p{size}.docx"
            paths[size].write_bytes(compose_docx(notation, auto_numbering=True))
            document = read_document(paths[size])
            words = sum(words_in(line) for line in notation.splitlines())
            print(
                f"agreement: {words:,.0f} words (~{pages(words)} pages), {len(document.blocks):,} blocks, "
                f"{sum(1 for b in document.blocks if b.label_source == 'numbering'):,} auto-numbered, "
                f"{len({b.table.table for b in document.blocks if b.table})} tables, "
                f"{paths[size].stat().st_size / 1e6:.1f} MB (built in {time.perf_counter() - start:.1f} s)"
            )
        warm = folder / "warm.docx"
        warm.write_bytes(compose_docx(agreement(900, seed=1), auto_numbering=True))
        read(warm)
        naive = best_cpu(lambda: naive_read(paths[300]), args.runs)
        ours = {size: best_cpu(lambda p=path: read(p), args.runs) for size, path in paths.items()}
        ratio, linear = ours[300] / naive, ours[600] / ours[300]
        print(f"1. read_document on 300 pages {ours[300] * 1000:.0f} ms CPU, naive read {naive * 1000:.0f} ms:")
        print(f"   ratio {ratio:.2f} (target <= 1.0: {verdict(ratio <= 1.0)})")
        print(f"2. read_document on 600 pages {ours[600] * 1000:.0f} ms CPU:")
        print(f"   against 300 pages: ratio {linear:.2f} (target <= 2.1: {verdict(linear <= 2.1)})")
        added = {job: peak_added(job, paths[300], warm) for job in ("naive", "read")}
        memory = added["read"] / added["naive"]
        print(
            f"3. peak memory added on 300 pages: read_document {added['read']:.0f} MB, naive read "
            f"{added['naive']:.0f} MB: ratio {memory:.2f} (target <= 2.0: {verdict(memory <= 2.0)})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
