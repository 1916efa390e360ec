"""`clausecheck check FILE...`: judge agreements against packs and print the report."""

from __future__ import annotations

import argparse
import sys

from clausecheck.dsl.model import SEVERITY_ORDER


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="check agreements (.docx) against rule packs",
                       description="Check agreements against rule packs and report each duty as present, "
                       "ambiguous, in conflict or missing, plus void clauses.")
    p.add_argument("files", nargs="+", metavar="FILE", help=".docx agreements")
    p.add_argument("--pack", action="append", metavar="NAME|PATH",
                   help="rule pack by bundled name or path (repeatable; default safety-core)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--fail-on", choices=tuple(SEVERITY_ORDER), default="high",
                   help="exit 1 when a finding has this severity or higher (default high)")
    p.add_argument("--locale", choices=("en", "zh-Hans", "zh-Hant"),
                   help="language of messages (default: each agreement's own)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from clausecheck import __version__
    from clausecheck.api import check_one, resolve_packs
    from clausecheck.findings import Report

    packs = resolve_packs(args.pack or ["safety-core"])
    results = [check_one(path, packs, args.locale) for path in args.files]
    report = Report(version=__version__, packs=[p.id for p in packs], documents=results)
    if args.format == "json":
        sys.stdout.write(report.model_dump_json(indent=2) + "\n")
    else:
        from clausecheck.report.text import render_text

        sys.stdout.write(render_text(report))
    for result in results:
        if result.error:
            print(f"clausecheck: error: {result.error}", file=sys.stderr)
    if any(r.error for r in results):
        return 2
    threshold = SEVERITY_ORDER[args.fail_on]
    worst = max((SEVERITY_ORDER[f.severity] for r in results for f in r.findings), default=-1)
    return 1 if worst >= threshold else 0
