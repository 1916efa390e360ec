"""Options `check` and `annotate` share, merged with the project's settings file.

A flag given on the command line wins over the same setting in
`clausecheck.toml` or `[tool.clausecheck]` (`clausecheck.config`); what
neither gives takes the built-in default. Only argparse is imported at the
top: every command module is imported to build the parser, and
`clausecheck --version` must stay fast.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clausecheck.checker import Checker

SEVERITIES = ("info", "low", "medium", "high", "critical")

LANGS = ("en", "zh-Hans", "zh-Hant")
DEFAULT_PACK = "safety-core"
DEFAULT_FAIL_ON = "high"


def add_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--pack",
        action="append",
        metavar="NAME|PATH",
        help=f"rule pack by bundled name or path (repeatable; default {DEFAULT_PACK})",
    )
    p.add_argument("--locale", choices=LANGS, help="language of messages (default: each agreement's own)")
    p.add_argument("--disable", action="append", metavar="RULE", help="leave out a rule, by id or code (repeatable)")
    p.add_argument("--baseline", metavar="FILE", help="accept the findings listed in FILE (see --write-baseline)")
    p.add_argument(
        "--config",
        metavar="FILE",
        type=Path,
        help="settings file (default: the nearest clausecheck.toml, or pyproject.toml with [tool.clausecheck])",
    )
    p.add_argument("--no-config", action="store_true", help="ignore settings files")
    p.add_argument(
        "--timeout",
        metavar="SECONDS",
        help="time budget of one agreement; past it the agreement is an error (default 20, 0: none)",
    )
    p.add_argument(
        "--max-memory",
        metavar="SIZE",
        help="memory one agreement may take, e.g. 1.5G or 800M (default 1.5G, 0: none)",
    )


def add_fail_on(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--fail-on",
        choices=SEVERITIES,
        help=f"exit 1 when a finding has this severity or higher (default {DEFAULT_FAIL_ON})",
    )


@dataclass
class Options:
    """The settings in force for one run: the checker and the exit threshold."""

    checker: Checker
    fail_on: str
    inputs: tuple[str, ...] = ()
    """files the run reads besides the agreements (packs, settings, baseline): never written to"""


def resolve(args: argparse.Namespace) -> Options:
    """The checker (packs loaded, rules disabled, the baseline read) and the threshold, or a `UsageError`."""
    from clausecheck.checker import Checker
    from clausecheck.config import Config, load_config, parse_limits

    config = Config() if args.no_config else load_config(args.config)
    limits = parse_limits(
        args.timeout if args.timeout is not None else config.timeout,
        args.max_memory if args.max_memory is not None else config.max_memory,
        "the command line" if args.timeout is not None or args.max_memory is not None else str(config.path),
    )
    checker = Checker(
        list(args.pack or config.pack or [DEFAULT_PACK]),
        disable=args.disable or config.disable,
        disabled_by=str(config.path) if config.path and not args.disable else "the command line",
        locale=args.locale or config.locale,
        baseline=args.baseline or config.baseline,
        limits=limits,
    )
    fail_on = getattr(args, "fail_on", None) or config.fail_on or DEFAULT_FAIL_ON
    baseline = checker.baseline.path if checker.baseline is not None else None
    read = (*(p.path for p in checker.packs), config.path, baseline)
    return Options(checker=checker, fail_on=fail_on, inputs=tuple(str(f) for f in read if f))
