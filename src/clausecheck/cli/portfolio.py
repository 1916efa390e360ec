"""`clausecheck portfolio RESULTS... -o report.html`: the portfolio page from `check`'s JSON Lines or Parquet results.

The page is written atomically; beside it, a folder `report.files/` holds the
own report of every agreement the page lists, which the page links to.
Results are read one at a time, so a portfolio of any size fits in memory.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys

from clausecheck.cli.common import LANGS


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "portfolio",
        help="summarise a portfolio's results (jsonl or parquet) as one HTML page",
        description="Summarise the results of clausecheck check --format jsonl|parquet as one offline HTML page: "
        "topic coverage, findings by rule, the worst agreements and counterparties, by folder or by a metadata column.",
    )
    p.add_argument(
        "results", nargs="+", metavar="RESULTS", help="files written by clausecheck check -o (.jsonl or .parquet)"
    )
    p.add_argument("-o", "--output", required=True, metavar="PATH", help="the page to write (report.html)")
    p.add_argument("--locale", choices=LANGS, help="language of the page (default: most agreements' language)")
    p.add_argument(
        "--by", metavar="COLUMN", help="group by this metadata column (from check --metadata) instead of folder"
    )
    p.add_argument(
        "--party",
        default="provider",
        metavar="ROLE",
        help="the role whose named parties are the counterparties (default provider; client for a provider's portfolio)",
    )
    p.add_argument("--top", type=int, default=25, metavar="N", help="agreements and counterparties listed (default 25)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from clausecheck.errors import UsageError
    from clausecheck.portfolio.page import render_portfolio, reports_folder
    from clausecheck.portfolio.results import load
    from clausecheck.report.output import write_atomically

    if args.top < 1:
        raise UsageError("--top must be 1 or more")
    for path in args.results:
        if not os.path.isfile(path):
            raise UsageError(f"no results file {path}", hint="write one with clausecheck check --format jsonl -o FILE")
    folder = reports_folder(args.output)
    page = render_portfolio(
        itertools.chain.from_iterable(load(path) for path in args.results),
        folder_name=os.path.basename(folder),
        lang=args.locale,
        by=args.by,
        party=args.party,
        top=args.top,
    )
    never = tuple(args.results)
    write_atomically(args.output, page.html.encode("utf-8"), never=never)
    if page.reports:
        os.makedirs(folder, exist_ok=True)
    for name, html in page.reports.items():
        write_atomically(os.path.join(folder, name), html.encode("utf-8"), never=never)
    print(f"clausecheck: wrote {args.output} and {len(page.reports)} agreement report(s) in {folder}", file=sys.stderr)
    return 0
