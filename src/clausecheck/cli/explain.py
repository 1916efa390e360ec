"""`clausecheck explain RULE`: what a rule checks, why, the law behind it and the wording that settles it."""

from __future__ import annotations

import argparse
import sys
import textwrap


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "explain",
        help="explain a rule: rationale, legal basis, suggested wording, examples",
        description="Explain a rule by id (ppe.provided) or code (CC101).",
    )
    p.add_argument("rule", metavar="RULE", help="rule id or code")
    p.add_argument(
        "--pack", metavar="NAME|PATH", help="look the rule up in this pack (default: the bundled pack that declares it)"
    )
    p.add_argument("--pack-path", action="append", default=[], metavar="DIR", help="also look for packs in DIR")
    p.add_argument("--lang", choices=("en", "zh-Hans", "zh-Hant"), help="show titles and wording in this language only")
    p.set_defaults(run=run)


def _find(args: argparse.Namespace):
    from clausecheck.dsl.diagnostics import did_you_mean
    from clausecheck.dsl.loader import available_packs, load_pack
    from clausecheck.errors import UsageError

    packs = (
        [load_pack(args.pack, search_path=args.pack_path)]
        if args.pack
        else [load_pack(path, search_path=args.pack_path) for path in available_packs(args.pack_path).values()]
    )
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
    return next(((r, p) for r, p in found if r.origin.pack == p.id), found[0])


def _wrap(text: str, indent: str = "  ") -> list[str]:
    return textwrap.wrap(text, width=100, initial_indent=indent, subsequent_indent=indent) or [indent]


def run(args: argparse.Namespace) -> int:
    from clausecheck.dsl import describe
    from clausecheck.dsl.diagnostics import shown
    from clausecheck.dsl.model import RequireRule
    from clausecheck.testing.cases import Expectation, load_cases

    rule, pack = _find(args)
    langs = [args.lang] if args.lang else ["en", "zh-Hans", "zh-Hant"]
    out = [f"{rule.code} {rule.id}: {rule.titles.get(args.lang, rule.title)}"]
    if not args.lang:
        out += [f"  {lang}: {rule.titles[lang]}" for lang in ("zh-Hans", "zh-Hant") if lang in rule.titles]
    topic = pack.topics[rule.topic]
    out += [
        "",
        f"kind:      {rule.kind} (severity {rule.severity})",
        f"topic:     {topic.id} ({topic.titles.get(args.lang, topic.title)})",
    ]
    if isinstance(rule, RequireRule):
        out.append(f"bearer:    {describe.bearers(rule)}")
        out.append(f"ambiguous: when {describe.ambiguous_when(rule)}")
    else:
        out.append(f"fires on:  {describe.fires_on(rule)}")
    out.append(f"applies:   {describe.condition(rule.applies)}")
    out.append(f"pack:      {rule.origin.pack} ({shown(str(rule.origin))}); resolved in {pack.id}")
    out += [f"           overridden in {o.pack} ({shown(str(o))})" for o in rule.overridden_at]
    if rule.rationale:
        out += ["", "Why", *_wrap(rule.rationale)]
    if rule.citations:
        out += ["", "Legal basis"]
        out += [f"  {c.jurisdiction or '':5} {c.text}" for c in rule.citations]
    suggestions = [(lang, rule.suggest[lang]) for lang in langs if lang in rule.suggest]
    if suggestions:
        out += ["", "Suggested wording"]
        for lang, text in suggestions:
            out += [f"  {lang}:", *_wrap(text, "    ")]
    examples = [e for e in rule.examples if e.lang in langs]
    if examples:
        out += ["", "Examples"]
        for e in examples:
            out += [f"  {'settles it' if e.good else 'flagged   '} ({e.lang}): {e.text}"]

    def names_rule(x: Expectation) -> bool:
        return x.target == "rule" and x.name in (rule.id, rule.code)

    cases = [c for c in load_cases(pack) if any(map(names_rule, (*c.fires, *c.not_fires)))]
    if cases:
        out += ["", f"Test cases ({len(cases)})"]
        for c in cases:
            fires = any(map(names_rule, c.fires))
            last = c.text.strip().splitlines()[-1]
            out.append(f"  {'fires    ' if fires else 'no finding'} {c.id}: {last[:80]}")
    sys.stdout.write("\n".join(out) + "\n")
    return 0
