"""`clausecheck check` on a portfolio: a Dask cluster or local workers, storage, a cache, streamed results.

The command's other formats (text, JSON, SARIF, HTML, JUnit) are rendered as
for a local batch, from the same results in the same order, so a report made
on a cluster equals the local one. JSON Lines and Parquet are written result by
result as agreements complete, and only a summary row per agreement is kept,
so memory does not grow with the portfolio's results.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from typing import TYPE_CHECKING

from clausecheck.cli.common import Options
from clausecheck.errors import UsageError
from clausecheck.findings import DocumentResult

if TYPE_CHECKING:
    from clausecheck.portfolio.results import JsonLines, Parquet


def run_portfolio(args: argparse.Namespace, options: Options) -> int:
    from clausecheck.cli.check import STREAMED, finish
    from clausecheck.portfolio import sources
    from clausecheck.portfolio.job import Placement, pool
    from clausecheck.portfolio.pools import Done, run
    from clausecheck.report.summary import Tally, progress

    storage_options = _pairs(args.storage_option or [])
    agreements, skipped = sources.expand(args.inputs, storage_options)
    metadata = _metadata(args.metadata) if args.metadata else {}
    never = (*(a.location for a in agreements if not a.remote), *options.inputs)
    placement = Placement(
        scheduler=args.scheduler,
        cluster=args.cluster,
        jobs=args.jobs or os.cpu_count() or 1,
        cache=os.path.abspath(args.cache) if args.cache and not sources.is_url(args.cache) else args.cache,
        storage_options=storage_options,
        keep_documents=args.format == "html",
    )
    streamed = args.format in STREAMED
    sink = _sink(args, metadata, never) if streamed else None
    tally = Tally(options.fail_on)
    kept: list[Done] = []
    errors: list[str] = []
    cached = 0
    try:
        with progress(len(agreements)) as advance, pool(options.checker, placement) as workers:
            for done in run(agreements, workers, on_done=advance):
                result = done.result
                row = metadata.get(result.path) or metadata.get(os.path.basename(result.path))
                if row:
                    result = result.model_copy(update={"metadata": row})
                for warning in done.warnings:
                    print(f"clausecheck: warning: {warning}", file=sys.stderr)
                cached += done.cached
                if sink is not None:
                    sink.write(result)
                    tally.add(result)
                    if result.error:
                        errors.append(result.error)
                else:
                    kept.append(done)
    except BaseException as e:
        if sink is not None:
            sink.close(e)
        raise
    if args.cache:
        print(f"clausecheck: {cached} of {len(agreements)} agreement(s) from the cache {args.cache}", file=sys.stderr)
    if sink is None:
        kept.sort(key=lambda d: d.index)
        report = options.checker.report(_plain(d.result) for d in kept).model_copy(update={"skipped": skipped})
        documents = {d.result.path: d.document for d in kept if d.document is not None}
        return finish(args, options, report, documents, never=never)
    sink.close()
    if len(agreements) > 1:
        tally.print(sys.stdout if args.output else sys.stderr)
    for error in errors:
        print(f"clausecheck: error: {error}", file=sys.stderr)
    for skip in skipped:
        print(f"clausecheck: skipped {skip.path}: {skip.reason}", file=sys.stderr)
    if tally.errors or (args.strict and skipped):
        return 2
    return 1 if tally.failing else 0


def _plain(result: DocumentResult) -> DocumentResult:
    """The report's own model of a portfolio result: what `--format json` prints for a local batch."""
    return DocumentResult.model_validate(result.model_dump(include=set(DocumentResult.model_fields)))


def _sink(args: argparse.Namespace, metadata: dict[str, dict[str, str]], never: tuple[str, ...]) -> JsonLines | Parquet:
    from clausecheck.portfolio.results import JsonLines, Parquet

    if args.statistics or args.write_baseline:
        raise UsageError(
            f"--format {args.format} streams results: --statistics and --write-baseline need the whole report",
            hint="use --format json for them, or summarise the results with clausecheck portfolio",
        )
    if args.format == "parquet":
        columns = list(dict.fromkeys(k for row in metadata.values() for k in row))
        return Parquet(args.output, columns, never=never)
    return JsonLines(args.output, never=never)


def _pairs(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise UsageError(f"--storage-option {item}: not KEY=VALUE", hint="e.g. --storage-option anon=true")
        out[key.strip()] = value
    return out


def _metadata(path: str) -> dict[str, dict[str, str]]:
    """Rows of the metadata CSV by their first column (the agreement's path or file name)."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.reader(f)
            header = next(reader, None)
            if not header or len(header) < 2:
                raise UsageError(f"{path}: a metadata CSV needs a header row: the agreement column, then others")
            return {row[0]: dict(zip(header[1:], row[1:])) for row in reader if row}
    except OSError as e:
        raise UsageError(f"cannot read the metadata file {path}: {e.strerror or e}") from None
    except (UnicodeDecodeError, csv.Error) as e:
        raise UsageError(f"{path}: not a UTF-8 CSV file ({e})", hint="save it as CSV UTF-8") from None
