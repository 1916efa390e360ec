"""`clausecheck explain RULE`: the rule's page, as `docs/rules/` shows it: what it checks, why, the law and the wording.

The rule is found by id, code or old name across every installed pack
(bundled ones, `--pack-path` folders, `pack-path` in the settings file,
CLAUSECHECK_PACK_PATH), or in the packs `--pack` names.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from clausecheck.cli.common import add_locale, add_pack_options, pack_path, settings

if TYPE_CHECKING:
    from clausecheck.dsl.model import ForbidRule, Pack, RequireRule


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "explain",
        help="explain a rule: rationale, legal basis, suggested wording, examples",
        description="Print a rule's page (the one docs/rules/ holds), by id (ppe.provided), code (CC101) or old "
        "name, from any installed pack.",
    )
    p.add_argument("rule", metavar="RULE", help="rule id, code or old name")
    add_pack_options(p)
    add_locale(p, "the rule's title line above its page")
    p.set_defaults(run=run)


def _find(args: argparse.Namespace) -> tuple[RequireRule | ForbidRule, Pack, list[Pack]]:
    """The rule, the pack that resolves it, and the packs that may change it."""
    from clausecheck.dsl.diagnostics import did_you_mean
    from clausecheck.dsl.loader import available_packs, load_pack
    from clausecheck.errors import UsageError

    config = settings(args)
    search = pack_path(args, config)
    everywhere = [load_pack(path, search_path=search) for path in available_packs(search).values()]
    names = args.pack or list(config.pack)
    packs = [load_pack(name, search_path=search) for name in names] if names else everywhere
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
    if args.locale and args.locale in rule.titles:
        topic = pack.topics[rule.topic]
        title = topic.titles.get(args.locale, topic.title)
        sys.stdout.write(f"{rule.code} {rule.id}: {rule.titles[args.locale]} ({title})\n\n")
    sys.stdout.write(rule_page(rule, pack, others))
    return 0
