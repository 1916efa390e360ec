"""`clausecheck annotate IN.docx -o OUT.docx`: the draft back with Word comments (and tracked changes) on what to fix.

A safety officer reviews in Word: each clause at fault gets a comment on the
offending words (what is wrong, what to do, the wording that settles it, the
legal basis), each missing duty a comment on the article where it belongs,
the title a summary, in the report's language, by the author "clausecheck".
With `--redline` the wording is also proposed as tracked changes. Findings
already accepted (a comment `clausecheck: accept RULE`, or `--baseline`) get
none. The input is never written to; the copy is written atomically. The
exit code is `check`'s: 1 when a finding reaches `--fail-on`, so annotate can
gate a workflow too.
"""

from __future__ import annotations

import argparse
import os
import sys

from clausecheck.cli.common import add_fail_on, add_options, resolve


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "annotate",
        help="write a copy of an agreement with Word comments on the clauses at fault",
        description="Check an agreement and write a copy with a Word comment on each clause at fault "
        "and on the article where each missing duty belongs; --redline also proposes the wording as "
        "tracked changes. Exit code as for check.",
    )
    p.add_argument("input", metavar="IN.docx", help="the agreement (never modified)")
    p.add_argument(
        "-o", "--output", metavar="OUT.docx", help="the annotated copy (default: IN.annotated.docx beside the input)"
    )
    p.add_argument(
        "--redline",
        action="store_true",
        help="also propose the suggested wording as tracked changes (insertions, and deletions of void clauses)",
    )
    add_fail_on(p)
    add_options(p)
    p.set_defaults(run=run)


def default_output(path: str) -> str:
    stem, _ = os.path.splitext(path)
    return f"{stem}.annotated.docx"


def run(args: argparse.Namespace) -> int:
    from clausecheck.api import annotate_with
    from clausecheck.errors import UsageError
    from clausecheck.report.output import same_file
    from clausecheck.report.summary import reaches
    from clausecheck.report.terminal import visible

    output = args.output or default_output(args.input)
    if os.path.exists(args.input) and same_file(output, args.input):
        raise UsageError(f"{output} is the input; annotate never writes over it", hint="give another path with -o")
    options = resolve(args)
    done = annotate_with(options.checker, args.input, output, redline=args.redline, never=options.inputs)
    result = done.result
    for warning in done.warnings:
        print(f"clausecheck: warning: {visible(warning)}", file=sys.stderr)
    missing = sum(1 for f in result.findings if not f.locations)
    accepted = f"; {len(result.suppressed)} accepted finding(s) left out" if result.suppressed else ""
    changes = f", {done.changes} tracked change(s)" if args.redline else ""
    print(
        f"wrote {output}: {done.comments} comment(s){changes} for {len(result.findings)} finding(s), "
        f"{missing} of them missing duties{accepted}"
    )
    return 1 if reaches(result, options.fail_on) else 0
