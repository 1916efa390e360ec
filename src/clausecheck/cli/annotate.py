"""`clausecheck annotate IN.docx -o OUT.docx`: the draft back with Word comments on what to fix.

A safety officer reviews in Word: each clause at fault gets a comment on its
own paragraph (what is wrong, what to do, the wording that settles it, the
legal basis), each missing duty a comment on the heading where it belongs,
in the agreement's language, by the author "clausecheck". Findings already
accepted (a comment `clausecheck: accept RULE`, or `--baseline`) get none.
The input is never written to; the copy is written atomically.
"""

from __future__ import annotations

import argparse
import os
import sys

from clausecheck.cli.common import add_options, resolve


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "annotate",
        help="write a copy of an agreement with Word comments on the clauses at fault",
        description="Check an agreement and write a copy with a Word comment on each clause at fault "
        "and on the heading where each missing duty belongs.",
    )
    p.add_argument("input", metavar="IN.docx", help="the agreement (never modified)")
    p.add_argument(
        "-o", "--output", metavar="OUT.docx", help="the annotated copy (default: IN.annotated.docx beside the input)"
    )
    add_options(p)
    p.set_defaults(run=run)


def default_output(path: str) -> str:
    stem, _ = os.path.splitext(path)
    return f"{stem}.annotated.docx"


def run(args: argparse.Namespace) -> int:
    from clausecheck.document.annotate import anchorable, write_comments
    from clausecheck.document.package import load_bytes
    from clausecheck.document.reader import read_with_paragraphs
    from clausecheck.errors import UsageError
    from clausecheck.report.annotate import plan_comments
    from clausecheck.report.output import same_file, write_atomically
    from clausecheck.report.terminal import visible

    output = args.output or default_output(args.input)
    if os.path.exists(args.input) and same_file(output, args.input):
        raise UsageError(f"{output} is the input; annotate never writes over it", hint="give another path with -o")
    options = resolve(args)
    checker = options.checker
    name, data = load_bytes(args.input)
    with checker.budget(name):  # reading, judging and writing the copy: one agreement's budget
        document, paragraphs = read_with_paragraphs(name, data, limits=checker.limits.read)
        outcome = checker.judge(document)
        result = outcome.result
        notes = plan_comments(result, document, anchorable(paragraphs), checker.locale)
        annotated = write_comments(data, document, paragraphs, notes)
    write_atomically(output, annotated, never=(args.input, *options.inputs))
    for warning in outcome.warnings:
        print(f"clausecheck: warning: {visible(warning)}", file=sys.stderr)
    missing = sum(1 for f in result.findings if not f.locations)
    accepted = f"; {len(result.suppressed)} accepted finding(s) left out" if result.suppressed else ""
    print(
        f"wrote {output}: {len(notes)} comment(s) for {len(result.findings)} finding(s), "
        f"{missing} of them missing duties{accepted}"
    )
    return 0
