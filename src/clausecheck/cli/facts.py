"""`clausecheck facts FILE`: the statements extraction finds, for pack authors."""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "facts",
        help="print the statements found in an agreement (pack debugging)",
        description="Print each obligation found: bearer, modality, topics, qualifiers, "
        "references and exemptions, with its clause.",
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("--pack", default="safety-core", metavar="NAME|PATH")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--all", action="store_true", help="also statements that address no topic")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from clausecheck.budget import enforced
    from clausecheck.checker import resolve_packs
    from clausecheck.document.reader import read_document
    from clausecheck.extract.extractor import extract
    from clausecheck.limits import Limits

    (pack,) = resolve_packs(args.pack)
    with enforced(Limits(), args.file):
        document = read_document(args.file)
        facts = extract(document, pack, all_statements=args.all)
    if args.format == "json":
        sys.stdout.write(facts.model_dump_json(indent=2) + "\n")
        return 0
    roles = "; ".join(f"{r}: {', '.join(a)}" for r, a in facts.roles.items())
    print(f"roles: {roles or '(none found)'}")
    print(f"mentions: {', '.join(facts.mentions)}")
    for s in facts.statements:
        topics = ",".join(t.topic + ("^" if t.inherited else "") for t in s.topics) or "-"
        flags = [q.kind + "=" + q.words for q in s.qualifiers]
        flags += [("ref=" if r.resolved else "dangling=") + r.title for r in s.references]
        if s.exemption:
            flags.append(f"exemption={s.exemption}")
        head = f"{s.clause or s.block_id:>10} {s.actor.role}{'*' if s.actor.each_own else ''}/{s.modality} [{topics}]"
        print(f"{head} {s.text}")
        if flags:
            print(f"{'':>10}   {'  '.join(flags)}")
    return 0
