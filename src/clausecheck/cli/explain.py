"""`clausecheck explain RULE`: the rule's page, as `docs/rules/` shows it: what it checks, why, the law and the wording."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clausecheck.dsl.model import ForbidRule, Pack, RequireRule


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "explain",
        help="explain a rule: rationale, legal basis, suggested wording, examples",
        description="Print a rule's page (the one docs/rules/ holds), by id (ppe.provided), code (CC101) or old name.",
    )
    p.add_argument("rule", metavar="RULE", help="rule id, code or old name")
    p.add_argument(
        "--pack", metavar="NAME|PATH", help="the rule as this pack resolves it (default: the pack that declares it)"
    )
    p.add_argument("--pack-path", action="append", default=[], metavar="DIR", help="also look for packs in DIR")
    p.set_defaults(run=run)


def _find(args: argparse.Namespace) -> tuple[RequireRule | ForbidRule, Pack, list[Pack]]:
    """The rule, the pack that resolves it, and the packs that may change it."""
    from clausecheck.dsl.diagnostics import did_you_mean
    from clausecheck.dsl.loader import available_packs, load_pack
    from clausecheck.errors import UsageError

    everywhere = [load_pack(path, search_path=args.pack_path) for path in available_packs(args.pack_path).values()]
    packs = [load_pack(args.pack, search_path=args.pack_path)] if args.pack else everywhere
    found = []
    for pack in packs:
        try:
            found.append((pack.rule(args.rule), pack))
        except KeyError:
            continue
    if not found:
        known = {x for pack in packs for r in pack.rules for x in (r.id, r.code, *r.aliases)}
        raise UsageError(
            f"no rule '{args.rule}'", hint=did_you_mean(args.rule, known) or "see: clausecheck packs show NAME"
        )
    # the pack that declares the rule, else the first that has it
    rule, pack = next(((r, p) for r, p in found if r.origin.pack == p.id), found[0])
    return rule, pack, everywhere


def run(args: argparse.Namespace) -> int:
    from clausecheck.report.ruledocs import rule_page

    rule, pack, others = _find(args)
    sys.stdout.write(rule_page(rule, pack, others))
    return 0
