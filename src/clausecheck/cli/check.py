"""`clausecheck check PATH...`: judge agreements against packs and report in the format asked for.

Paths may be files, folders (searched recursively for .docx) or glob
patterns; with `--jobs N` they are checked in N worker processes. Findings a
reviewer accepted (a Word comment `clausecheck: accept RULE`, or a
`--baseline` file) are counted, not reported as new, and do not fail the run.
Files in folders that look like agreements but are not .docx (.doc, .pdf)
are listed as skipped with what to do. Exit code: 2 when any agreement could
not be read (or the command is misused, or with `--strict` a file was
skipped), else 1 when a finding reaches `--fail-on`, else 0.

Portfolios (`cli.portfolio_run`): with `--scheduler` or `--cluster` the
same checker runs on Dask; zip archives and storage URLs are read by the
workers; `--cache` skips agreements already checked; `--format jsonl` and
`--format parquet` write each result as it completes.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from clausecheck.cli.common import Options, add_fail_on, add_options, resolve

if TYPE_CHECKING:
    from collections.abc import Mapping

    from clausecheck.document.model import Document
    from clausecheck.findings import Report

FORMATS = ("text", "json", "sarif", "html", "junit", "jsonl", "parquet")
STREAMED = ("jsonl", "parquet")
"""formats written result by result as agreements complete, for portfolios"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check",
        help="check agreements (.docx) against rule packs",
        description="Check agreements against rule packs and report each duty as present, "
        "ambiguous, in conflict or missing, plus void clauses.",
    )
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="PATH",
        help=".docx agreements, folders (searched recursively), glob patterns ('contracts/**/*.docx'), "
        "zip archives of agreements, or URLs (s3://bucket/prefix/, gs://, az://, file://, zip://)",
    )
    p.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text (default), json (the Report model), sarif (SARIF 2.1.0), html (one self-contained page), "
        "junit (JUnit XML for CI test views), jsonl (one agreement's result per line, as each completes) "
        "or parquet (one row per agreement, per topic and per finding; needs -o)",
    )
    p.add_argument("-o", "--output", metavar="PATH", help="write the report to PATH instead of standard output")
    add_fail_on(p)
    add_options(p)
    p.add_argument(
        "-j", "--jobs", type=int, default=1, metavar="N", help="check in N worker processes (0: one per CPU; default 1)"
    )
    where = p.add_mutually_exclusive_group()
    where.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="check on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786)",
    )
    where.add_argument(
        "--cluster", metavar="local[:N]", help="check on a Dask cluster of N local worker processes started for the run"
    )
    p.add_argument(
        "--cache",
        metavar="DIR|URL",
        help="keep each result under the agreement's SHA-256, the settings and the version; "
        "agreements already checked the same way are not checked again",
    )
    p.add_argument(
        "--storage-option",
        action="append",
        metavar="KEY=VALUE",
        help="an option of the storage URLs' filesystem (fsspec), e.g. endpoint_url=http://localhost:9000 (repeatable)",
    )
    p.add_argument(
        "--metadata",
        metavar="CSV",
        help="a CSV exported from the contract system: its first column names the agreement (path or file name), "
        "the other columns are carried into jsonl and parquet results",
    )
    p.add_argument(
        "--write-baseline",
        metavar="FILE",
        help="write every finding to FILE, so later runs with --baseline FILE report only new ones",
    )
    p.add_argument("--show-suppressed", action="store_true", help="list accepted findings in the text report")
    p.add_argument(
        "--statistics", action="store_true", help="after the report, count findings per rule across all agreements"
    )
    p.add_argument("--strict", action="store_true", help="exit 2 when a file in a folder was skipped (.doc, .pdf)")
    p.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text report (default: only on a terminal)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from clausecheck.errors import UsageError
    from clausecheck.report.terminal import visible

    if args.jobs < 0:
        raise UsageError("--jobs must be 0 (one per CPU) or more")
    options = resolve(args)
    if args.format == "parquet" and not args.output:
        raise UsageError("--format parquet needs -o FILE", hint="Parquet is a binary file: name the file to write")
    if _is_portfolio(args):
        from clausecheck.cli.portfolio_run import run_portfolio

        return run_portfolio(args, options)
    from clausecheck import batch
    from clausecheck.report.summary import progress

    checker = options.checker
    inputs = batch.expand(args.inputs)
    jobs = args.jobs or os.cpu_count() or 1
    with progress(len(inputs)) as advance:
        outcomes = batch.run(inputs, checker, jobs=jobs, keep_documents=args.format == "html", on_done=advance)
    report = checker.report(o.result for o in outcomes).model_copy(update={"skipped": batch.skipped(args.inputs)})
    for outcome in outcomes:
        for warning in outcome.warnings:
            print(f"clausecheck: warning: {visible(warning)}", file=sys.stderr)
    documents = {o.result.path: o.document for o in outcomes if o.document is not None}
    return finish(args, options, report, documents, never=(*inputs, *options.inputs))


def _is_portfolio(args: argparse.Namespace) -> bool:
    """Whether the run needs the portfolio machinery: a cluster, a cache, streamed results, storage or archives."""
    from clausecheck.portfolio.sources import ARCHIVE_SUFFIX, is_url

    return bool(
        args.scheduler
        or args.cluster
        or args.cache
        or args.metadata
        or args.storage_option
        or args.format in STREAMED
        or any(is_url(i) or (i.lower().endswith(ARCHIVE_SUFFIX) and os.path.isfile(i)) for i in args.inputs)
    )


def finish(
    args: argparse.Namespace,
    options: Options,
    report: Report,
    documents: Mapping[str, Document],
    *,
    never: tuple[str, ...],
) -> int:
    """Render and write the report, print the summary, errors and skipped files; the exit code."""
    from clausecheck.report.output import write_atomically
    from clausecheck.report.render import render_report
    from clausecheck.report.summary import print_statistics, print_summary
    from clausecheck.report.terminal import visible

    color = args.color == "always" or (args.color == "auto" and not args.output and sys.stdout.isatty())
    text = render_report(
        report,
        args.format,
        documents=documents,
        packs=options.checker.packs,
        color=color,
        show_suppressed=args.show_suppressed,
        fail_on=options.fail_on,
    )
    if args.output:
        write_atomically(args.output, text.encode("utf-8"), never=never)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    if len(report.documents) > 1:
        to_stdout = args.output or args.format == "text"
        print_summary(report, sys.stdout if to_stdout else sys.stderr, fail_on=options.fail_on)
    if args.statistics:
        print_statistics(report, sys.stdout if to_stdout_ok(args) else sys.stderr)
    for result in report.documents:
        if result.error:
            print(f"clausecheck: error: {visible(result.error)}", file=sys.stderr)
    for skipped in report.skipped:
        print(f"clausecheck: skipped {visible(skipped.path)}: {skipped.reason}", file=sys.stderr)
    if args.write_baseline:
        from clausecheck.suppress import write_baseline

        count = write_baseline(args.write_baseline, report)
        print(f"clausecheck: wrote {count} finding(s) to the baseline {args.write_baseline}", file=sys.stderr)
    return exit_code(report, options.fail_on, baseline_written=bool(args.write_baseline), strict=args.strict)


def to_stdout_ok(args: argparse.Namespace) -> bool:
    """Whether extra tables may go to standard output: not when it carries a JSON, SARIF, HTML or XML report."""
    return bool(args.output) or args.format == "text"


def exit_code(report: Report, fail_on: str, *, baseline_written: bool = False, strict: bool = False) -> int:
    """2 for an unreadable agreement (or a skipped file with `strict`), else 1 when a finding reaches `fail_on`
    (unless a baseline was just written), else 0."""
    if any(r.error for r in report.documents) or (strict and report.skipped):
        return 2
    if baseline_written:
        return 0
    from clausecheck.report.summary import reaches

    return 1 if any(reaches(r, fail_on) for r in report.documents) else 0
