"""`clausecheck facts FILE`: the statements extraction finds, for pack authors."""

from __future__ import annotations

import argparse
import sys

from clausecheck.cli.common import add_pack_options, pack_path, settings


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "facts",
        help="print the statements found in an agreement (pack debugging)",
        description="Print each obligation found: bearer, modality, topics, qualifiers, "
        "references and exemptions, with its clause.",
    )
    p.add_argument("file", metavar="FILE")
    add_pack_options(p)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--all", action="store_true", help="also statements that address no topic")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from clausecheck.budget import enforced
    from clausecheck.checker import resolve_packs
    from clausecheck.document.reader import read_document
    from clausecheck.extract.extractor import extract
    from clausecheck.limits import Limits
    from clausecheck.report.facts import facts_lines

    config = settings(args)
    (pack,) = resolve_packs((args.pack or list(config.pack) or ["safety-core"])[:1], pack_path(args, config))
    with enforced(Limits(), args.file):
        document = read_document(args.file)
        facts = extract(document, pack, all_statements=args.all)
    if args.format == "json":
        sys.stdout.write(facts.model_dump_json(indent=2) + "\n")
        return 0
    sys.stdout.write("\n".join(facts_lines(facts)) + "\n")
    return 0
