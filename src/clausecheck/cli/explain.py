"""`clausecheck explain RULE`: the rule's page (what it checks, why, the law, the wording that settles it).

The rule is found by id or code across every installed pack (bundled ones,
`--pack-path` folders, `pack-path` in the settings file, CLAUSECHECK_PACK_PATH),
or in the packs `--pack` names. What is printed is the generated rule page,
the same as `docs/rules/<id>.md`, followed by the pack's test cases that name
the rule.
"""

from __future__ import annotations

import argparse
import sys

from clausecheck.cli.common import LANGS, add_pack_options, pack_path, settings


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "explain",
        help="explain a rule: rationale, legal basis, suggested wording, examples",
        description="Print the page of a rule, found by id (ppe.provided) or code (CC101) in any installed pack.",
    )
    p.add_argument("rule", metavar="RULE", help="rule id or code")
    add_pack_options(p)
    p.add_argument(
        "--locale", "--lang", dest="locale", choices=LANGS, help="also give the rule's title in this language"
    )
    p.set_defaults(run=run)


def _find(args: argparse.Namespace):
    from clausecheck.dsl.diagnostics import did_you_mean
    from clausecheck.dsl.loader import available_packs, load_pack
    from clausecheck.errors import UsageError

    config = settings(args)
    search = pack_path(args, config)
    names = args.pack or list(config.pack)
    if names:
        packs = [load_pack(name, search_path=search) for name in names]
    else:
        packs = [load_pack(path, search_path=search) for path in available_packs(search).values()]
    found = []
    for pack in packs:
        try:
            found.append((pack.rule(args.rule), pack))
        except KeyError:
            continue
    if not found:
        known = {x for pack in packs for r in pack.rules for x in (r.id, r.code)}
        raise UsageError(
            f"no rule '{args.rule}'", hint=did_you_mean(args.rule, known) or "see: clausecheck packs show NAME"
        )
    # the pack that declares the rule, else the first that has it
    rule, pack = next(((r, p) for r, p in found if r.origin.pack == p.id), found[0])
    return rule, pack, [p for p in packs if p is not pack]


def run(args: argparse.Namespace) -> int:
    from clausecheck.report.ruledocs import rule_page
    from clausecheck.testing.cases import Expectation, load_cases

    rule, pack, others = _find(args)
    out = []
    if args.locale and args.locale in rule.titles:
        topic = pack.topics[rule.topic]
        out += [f"{rule.code} {rule.id}: {rule.titles[args.locale]} ({topic.titles.get(args.locale, topic.title)})", ""]
    out.append(rule_page(rule, pack, others).rstrip("\n"))

    def names_rule(x: Expectation) -> bool:
        return x.target == "rule" and x.name in (rule.id, rule.code)

    cases = [c for c in load_cases(pack) if any(map(names_rule, (*c.fires, *c.not_fires)))]
    if cases:
        out += ["", f"## Test cases ({len(cases)})", ""]
        for c in cases:
            fires = any(map(names_rule, c.fires))
            last = c.text.strip().splitlines()[-1]
            out.append(f"- {'fires' if fires else 'no finding'} `{c.id}`: {last[:80]}")
    sys.stdout.write("\n".join(out) + "\n")
    return 0
