"""Options every command shares, merged with the project's settings file.

`--pack`, `--pack-path` and `--config` are accepted by every command, after
the command's name (`clausecheck check --pack-path DIR FILE`); the report
language is `--locale` everywhere.

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
    from clausecheck.config import Config

SEVERITIES = ("info", "low", "medium", "high", "critical")

LANGS = ("en", "zh-Hans", "zh-Hant")
DEFAULT_PACK = "safety-core"
DEFAULT_FAIL_ON = "high"


def add_pack_options(p: argparse.ArgumentParser, *, pack: bool = True, keep_parent: bool = False) -> None:
    """--pack, --pack-path, --config and --no-config; `keep_parent`: a value given before the command stays."""
    default = argparse.SUPPRESS if keep_parent else None
    if pack:
        p.add_argument(
            "--pack",
            action="append",
            metavar="NAME|PATH",
            default=default,
            help=f"rule pack by bundled name or path (repeatable; default {DEFAULT_PACK})",
        )
    p.add_argument(
        "--pack-path",
        action="append",
        metavar="DIR",
        default=default,
        help="also look for packs by name in DIR (repeatable; CLAUSECHECK_PACK_PATH works too)",
    )
    p.add_argument(
        "--config",
        metavar="FILE",
        type=Path,
        default=default,
        help="settings file (default: the nearest clausecheck.toml, or pyproject.toml with [tool.clausecheck])",
    )
    p.add_argument(
        "--no-config", action="store_true", default=default if keep_parent else False, help="ignore settings files"
    )


def add_locale(p: argparse.ArgumentParser, what: str = "messages and labels") -> None:
    p.add_argument("--locale", choices=LANGS, help=f"language of {what} (default: each agreement's own)")


def add_options(p: argparse.ArgumentParser) -> None:
    add_pack_options(p)
    add_locale(p)
    p.add_argument(
        "--disable",
        action="append",
        metavar="RULE",
        help="leave out a rule, by id, code, old name or topic (repeatable)",
    )
    p.add_argument("--ignore", action="append", metavar="RULE|TOPIC", help="the same as --disable (repeatable)")
    p.add_argument(
        "--select", action="append", metavar="RULE|TOPIC", help="check only these rules or topics (repeatable)"
    )
    p.add_argument("--baseline", metavar="FILE", help="accept the findings listed in FILE (see --write-baseline)")
    p.add_argument(
        "--all-jurisdictions",
        action="store_true",
        help="cite the law of every jurisdiction, not only the one governing the agreement",
    )
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


def settings(args: argparse.Namespace) -> Config:
    """The settings file in force: --config, else the nearest one, none with --no-config."""
    from clausecheck.config import Config, load_config

    return Config() if getattr(args, "no_config", False) else load_config(getattr(args, "config", None))


def pack_path(args: argparse.Namespace, config: Config) -> list[str]:
    """Folders to find packs in: --pack-path, else the settings file's `pack-path`."""
    return list(getattr(args, "pack_path", None) or config.pack_path)


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
    from clausecheck.config import parse_limits

    config = settings(args)
    given = [*(args.disable or ()), *(args.ignore or ())]
    limits = parse_limits(
        args.timeout if args.timeout is not None else config.timeout,
        args.max_memory if args.max_memory is not None else config.max_memory,
        "the command line" if args.timeout is not None or args.max_memory is not None else str(config.path),
    )
    checker = Checker(
        list(args.pack or config.pack or [DEFAULT_PACK]),
        search_path=pack_path(args, config),
        disable=given or [*config.disable, *config.ignore],
        disabled_by=str(config.path) if config.path and not given else "the command line",
        locale=args.locale or config.locale,
        baseline=args.baseline or config.baseline,
        all_jurisdictions=args.all_jurisdictions,
        select=args.select or config.select,
        limits=limits,
    )
    if getattr(args, "program", False):
        from clausecheck.collector import freeze

        freeze()  # the packs stay loaded for the rest of the run
    fail_on = getattr(args, "fail_on", None) or config.fail_on or DEFAULT_FAIL_ON
    baseline = checker.baseline.path if checker.baseline is not None else None
    read = (*(p.path for p in checker.packs), config.path, baseline)
    return Options(checker=checker, fail_on=fail_on, inputs=tuple(str(f) for f in read if f))
