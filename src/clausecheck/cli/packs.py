"""`clausecheck packs list|show|validate|test`: find, inspect, check and test rule packs."""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "packs",
        help="list, show, validate and test rule packs",
        description="Work with rule packs: the bundled ones by name, your own by path.",
    )
    p.add_argument(
        "--pack-path",
        action="append",
        default=[],
        metavar="DIR",
        help="also look for packs by name in DIR (repeatable; CLAUSECHECK_PACK_PATH works too)",
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("list", help="packs found by name").set_defaults(run=run_list)
    show = actions.add_parser("show", help="the resolved pack, with where each rule came from")
    show.add_argument("pack", metavar="NAME|PATH")
    show.add_argument("--json", action="store_true", help="print the resolved pack model as JSON")
    show.set_defaults(run=run_show)
    validate = actions.add_parser("validate", help="parse and resolve a pack and check its test cases")
    validate.add_argument("pack", metavar="PATH|NAME")
    validate.set_defaults(run=run_validate)
    test = actions.add_parser("test", help="run a pack's test cases (default: every bundled pack)")
    test.add_argument("pack", nargs="?", metavar="NAME|PATH")
    test.add_argument("-v", "--verbose", action="store_true", help="list every case, not only failures")
    test.set_defaults(run=run_test)


def run_list(args: argparse.Namespace) -> int:
    from clausecheck.dsl.diagnostics import shown
    from clausecheck.dsl.loader import available_packs, load_pack
    from clausecheck.errors import PackError

    rows = []
    for name, path in available_packs(args.pack_path).items():
        try:
            pack = load_pack(path, search_path=args.pack_path)
        except PackError as e:  # one broken pack on the search path must not hide the others
            rows.append((name, "-", "-", "-", f"ERROR: {str(e).splitlines()[0]}", shown(str(path))))
            continue
        extends = ", ".join(pack.extends) or "-"
        rows.append((name, pack.version, str(len(pack.rules)), extends, pack.title, shown(str(path))))
    header = ("NAME", "VERSION", "RULES", "EXTENDS", "TITLE", "FILE")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(5)]
    for row in [header, *rows]:
        sys.stdout.write("  ".join(cell.ljust(w) for cell, w in zip(row, widths)) + "  " + row[5] + "\n")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from clausecheck.dsl import describe
    from clausecheck.dsl.diagnostics import shown
    from clausecheck.dsl.loader import load_pack
    from clausecheck.dsl.model import RequireRule

    pack = load_pack(args.pack, search_path=args.pack_path)
    if args.json:
        sys.stdout.write(pack.model_dump_json(indent=2) + "\n")
        return 0
    out = [
        f"{pack.id} {pack.version}: {pack.title}",
        f"  file: {shown(pack.path)}",
        f"  lineage: {' <- '.join(reversed(pack.lineage))}",
        f"  languages: {', '.join(pack.languages)}; jurisdictions: {', '.join(pack.jurisdictions) or '-'}",
        "",
        "parties:",
    ]
    out += [f"  {p.id}: {p.title} ({len(p.terms)} words; {p.origin.pack})" for p in pack.parties.values()]
    out += ["", "topics:"]
    for t in pack.topics.values():
        extra = f", near {len(t.near)} group(s)" if t.near else ""
        extra += f", exclude {len(t.exclude)}" if t.exclude else ""
        out.append(f"  {t.id}: {t.title} ({len(t.terms)} terms{extra}; {t.origin.pack})")
    out += ["", "vocabularies: " + ", ".join(f"{name} ({len(terms)})" for name, terms in pack.vocabularies.items())]
    out += ["", "rules:"]
    for r in pack.rules:
        out.append(f"  {r.code} {r.id} [{r.severity}] {r.kind} {r.topic}: {r.title}")
        if isinstance(r, RequireRule):
            out.append(f"      bearer {describe.bearers(r)}")
        if r.applies is not None:
            out.append(f"      applies when {describe.condition(r.applies)}")
        out.append(f"      declared in {r.origin.pack} at {shown(str(r.origin))}")
        out += [f"      overridden in {o.pack} at {shown(str(o))}" for o in r.overridden_at]
    if pack.disabled:
        out += ["", "disabled:"]
        out += [f"  {d.id}: {d.reason} ({d.origin.pack} at {shown(str(d.origin))})" for d in pack.disabled]
    sys.stdout.write("\n".join(out) + "\n")
    return 0


_SMOKE_AGREEMENT = (
    'This Agreement is made between A Ltd (the "Customer") and B Ltd (the "Supplier").\n'
    "1. The Supplier shall provide personal protective equipment and shall not be liable for any injury.\n"
    "第一条 甲方应当告知现场危险；乙方应当遵守安全规定。\n"
    "第二條 乙方應當為其人員投保。"
)


def run_validate(args: argparse.Namespace) -> int:
    from clausecheck.checker import Checker
    from clausecheck.dsl.diagnostics import shown
    from clausecheck.dsl.loader import load_pack
    from clausecheck.testing.cases import check_case, load_cases, untested_rules
    from clausecheck.testing.compose import compose_docx

    pack = load_pack(args.pack, search_path=args.pack_path)
    # what `check` builds from the pack (term matcher, engine rulesets), run once: validate accepts what check runs
    Checker([pack]).check(compose_docx(_SMOKE_AGREEMENT))
    cases = load_cases(pack)
    problems = [f"{c.file}:{c.line}: case {c.id}: {p}" for c in cases for p in check_case(c, pack)]
    problems += [f"{shown(pack.path)}: {gap}" for gap in untested_rules(pack, cases)]
    for problem in problems:
        sys.stdout.write(problem + "\n")
    own = sum(1 for r in pack.rules if r.origin.pack == pack.id)
    verdict = "ok" if not problems else f"{len(problems)} problem(s)"
    sys.stdout.write(
        f"{shown(pack.path)}: {verdict}: pack {pack.id} {pack.version}, {len(pack.rules)} rules ({own} its own), "
        f"{len(pack.topics)} topics, {len(cases)} cases\n"
    )
    return 1 if problems else 0


def run_test(args: argparse.Namespace) -> int:
    from clausecheck.dsl.loader import available_packs, load_pack
    from clausecheck.testing.cases import CaseOutcome, check_case, load_cases, untested_rules
    from clausecheck.testing.runner import run_case

    targets = [args.pack] if args.pack else list(available_packs(args.pack_path).values())
    counts = {"pass": 0, "fail": 0, "xfail": 0, "xpass": 0}
    labels = {"pass": "ok   ", "fail": "FAIL ", "xfail": "todo ", "xpass": "XPASS"}
    for target in targets:
        pack = load_pack(target, search_path=args.pack_path)
        cases = load_cases(pack)
        sys.stdout.write(f"{pack.id}: {len(cases)} cases\n")
        for case in cases:
            problems = check_case(case, pack)
            outcome = (
                CaseOutcome(case=case.id, outcome="fail", failures=tuple(problems))
                if problems
                else run_case(case, pack)
            )
            counts[outcome.outcome] += 1
            if outcome.outcome != "pass" or args.verbose:
                todo = f"  ({case.todo})" if case.todo else ""
                sys.stdout.write(f"  {labels[outcome.outcome]} {case.id}{todo}\n")
            if outcome.outcome == "xpass":
                sys.stdout.write("        passes now: remove its todo\n")
            for failure in outcome.failures if outcome.outcome == "fail" else ():
                sys.stdout.write(f"        {failure}\n")
        for gap in untested_rules(pack, cases):
            counts["fail"] += 1
            sys.stdout.write(f"  FAIL  {gap}\n")
    sys.stdout.write(
        f"{counts['pass']} passed, {counts['fail']} failed, {counts['xfail']} todo, {counts['xpass']} todo passing\n"
    )
    return 1 if counts["fail"] else 0
