"""`clausecheck packs list|show|validate|test|new`: find, inspect, check, test and start rule packs."""

from __future__ import annotations

import argparse
import sys

from clausecheck.cli.common import add_pack_options, pack_path, settings


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "packs",
        help="list, show, validate, test and start rule packs",
        description="Work with rule packs: the bundled ones by name, your own by path.",
    )
    add_pack_options(p)
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="packs found by name")
    add_pack_options(listing, keep_parent=True)
    listing.set_defaults(run=run_list)
    show = actions.add_parser("show", help="the resolved pack, with where each rule came from")
    show.add_argument("name", nargs="?", metavar="NAME|PATH")
    show.add_argument("--json", action="store_true", help="print the resolved pack model as JSON")
    add_pack_options(show, keep_parent=True)
    show.set_defaults(run=run_show)
    validate = actions.add_parser("validate", help="parse and resolve a pack and check its test cases")
    validate.add_argument("name", nargs="?", metavar="PATH|NAME")
    add_pack_options(validate, keep_parent=True)
    validate.set_defaults(run=run_validate)
    test = actions.add_parser("test", help="run a pack's test cases (default: every bundled pack)")
    test.add_argument("name", nargs="?", metavar="NAME|PATH")
    test.add_argument("-v", "--verbose", action="store_true", help="list every case, not only failures")
    test.add_argument(
        "-k",
        dest="pattern",
        metavar="PATTERN",
        help="run only the cases whose id, or a rule (id or code) or topic they expect, contains PATTERN "
        "(* and ? as in file names)",
    )
    test.add_argument("--facts", action="store_true", help="show the statements found in each case's agreement")
    add_pack_options(test, keep_parent=True)
    test.set_defaults(run=run_test)
    new = actions.add_parser("new", help="start a pack: a folder with one rule and the cases that test it")
    new.add_argument("name", metavar="NAME", help="the pack's name, which is also its folder's")
    new.add_argument("--dir", default=".", metavar="DIR", help="where to create the folder (default: here)")
    new.set_defaults(run=run_new)


def _prepare(args: argparse.Namespace, *, needs_pack: bool) -> None:
    """Fold the shared options into plain fields: `pack` (the one named), `pack_path` (with the settings')."""
    from clausecheck.errors import UsageError

    config = settings(args)
    args.pack_path = pack_path(args, config)
    named = getattr(args, "name", None) or (args.pack[0] if args.pack else None)
    if named is None and needs_pack:
        raise UsageError("name a pack", hint="clausecheck packs show NAME (or --pack NAME)")
    args.pack = named


def run_list(args: argparse.Namespace) -> int:
    _prepare(args, needs_pack=False)
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
    _prepare(args, needs_pack=True)
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
        extra += "".join(f", by {party} {len(terms)}" for party, terms in t.by.items())
        out.append(f"  {t.id}: {t.title} ({len(t.terms)} terms{extra}; {t.origin.pack})")
    out += ["", "vocabularies: " + ", ".join(f"{name} ({len(terms)})" for name, terms in pack.vocabularies.items())]
    out += ["", "rules:"]
    for r in pack.rules:
        status = "" if r.status == "stable" else f" ({r.status})"
        out.append(f"  {r.code} {r.id} [{r.severity}] {r.kind} {r.topic}: {r.title}{status}")
        if r.aliases:
            out.append(f"      formerly {', '.join(r.aliases)}")
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
    _prepare(args, needs_pack=True)
    from clausecheck.checker import Checker
    from clausecheck.dsl.diagnostics import shown
    from clausecheck.dsl.loader import load_pack
    from clausecheck.testing.casefile import load_cases
    from clausecheck.testing.cases import check_case, untested_rules
    from clausecheck.testing.compose import compose_docx

    pack = load_pack(args.pack, search_path=args.pack_path)
    # what `check` builds from the pack (term matcher, engine rulesets), run once: validate accepts what check runs
    Checker([pack]).check(compose_docx(_SMOKE_AGREEMENT))
    cases = load_cases(pack)
    problems = [f"{p} (case {c.id})" for c in cases for p in check_case(c, pack)]
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


_LABELS = {"pass": "ok   ", "fail": "FAIL ", "xfail": "todo ", "xpass": "XPASS"}


def run_test(args: argparse.Namespace) -> int:
    """Run the cases; a failing case, a todo case that passes and a rule without cases each fail the run."""
    from fnmatch import fnmatchcase

    _prepare(args, needs_pack=False)
    from clausecheck.dsl.loader import available_packs, load_pack
    from clausecheck.testing.casefile import load_cases
    from clausecheck.testing.cases import names, untested_rules
    from clausecheck.testing.runner import run_case

    targets = [args.pack] if args.pack else list(available_packs(args.pack_path).values())
    counts = {"pass": 0, "fail": 0, "xfail": 0, "xpass": 0}
    pattern = f"*{args.pattern}*" if args.pattern else None
    for target in targets:
        pack = load_pack(target, search_path=args.pack_path)
        cases = load_cases(pack)
        if pattern:
            cases = [c for c in cases if any(fnmatchcase(n, pattern) for n in names(c, pack))]
        sys.stdout.write(f"{pack.id}: {len(cases)} cases\n")
        for case in cases:
            outcome = run_case(case, pack, facts=args.facts)
            counts[outcome.outcome] += 1
            if outcome.outcome != "pass" or args.verbose or args.facts:
                todo = f"  ({case.todo})" if case.todo else ""
                sys.stdout.write(f"  {_LABELS[outcome.outcome]} {case.id}{todo}\n")
            shown = outcome.message() if outcome.outcome in ("fail", "xpass") else "\n".join(outcome.found)
            sys.stdout.write("".join(f"        {line}\n" for line in shown.splitlines()))
        for gap in [] if pattern else untested_rules(pack, cases):
            counts["fail"] += 1
            sys.stdout.write(f"  FAIL  {gap}\n")
    promote = " (remove their todo)" if counts["xpass"] else ""
    sys.stdout.write(
        f"{counts['pass']} passed, {counts['fail']} failed, {counts['xfail']} todo, "
        f"{counts['xpass']} todo passing{promote}\n"
    )
    return 1 if counts["fail"] or counts["xpass"] else 0


def run_new(args: argparse.Namespace) -> int:
    from pathlib import Path

    from clausecheck.dsl.diagnostics import shown
    from clausecheck.testing.scaffold import new_pack

    folder = new_pack(Path(args.dir), args.name)
    sys.stdout.write(
        f"created {shown(str(folder / 'pack.ccr'))} and its cases; run them with: "
        f"clausecheck packs test {shown(str(folder))}\n"
    )
    return 0
