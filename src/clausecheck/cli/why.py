"""`clausecheck why FILE TOPIC`: the extraction trace behind one topic's verdict.

For a pack author debugging a verdict: the parties and what decided their
sides, then every sentence that mentioned the topic with the words matched,
the exclusions that fired, the bearer decided and from what, the modality,
qualifiers, and whether the statement settled the topic, was demoted to
ambiguous or was rejected.
"""

from __future__ import annotations

import argparse
import sys

from clausecheck.cli.common import add_pack_options, pack_path, settings


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "why",
        help="show why a topic's verdict came out as it did (the extraction trace)",
        description="Print the parties and every sentence that mentioned TOPIC: words matched, exclusions, "
        "bearer and where it came from, modality, and whether it settled the topic, was demoted or rejected.",
    )
    p.add_argument("file", metavar="FILE", help="the agreement (.docx)")
    p.add_argument("topic", metavar="TOPIC", help="a topic id of the packs, e.g. ppe or injury_liability")
    add_pack_options(p)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from clausecheck.checker import DEFAULT_PACK, Checker
    from clausecheck.dsl.diagnostics import did_you_mean
    from clausecheck.errors import UsageError
    from clausecheck.report.why import why, why_lines

    config = settings(args)
    checker = Checker(args.pack or list(config.pack) or [DEFAULT_PACK], search_path=pack_path(args, config))
    pack = next((p for p in checker.packs if args.topic in p.topics), None)
    if pack is None:
        known = {t for p in checker.packs for t in p.topics}
        raise UsageError(
            f"no topic '{args.topic}' in {', '.join(p.id for p in checker.packs)}",
            hint=did_you_mean(args.topic, known) or "see: clausecheck packs show NAME",
        )
    outcome = checker.check(args.file)
    assert outcome.document is not None
    verdict = next((t for t in outcome.result.topics if t.topic == args.topic), None)
    report = why(outcome.document, pack, args.topic, verdict)
    if args.format == "json":
        sys.stdout.write(report.model_dump_json(indent=2) + "\n")
    else:
        sys.stdout.write("\n".join(why_lines(report)) + "\n")
    return 0
