"""The `clausecheck` command.

Each sub-command lives in its own module with `register(subparsers)` and a
`run(args) -> int`; this module only dispatches and turns every
`ClauseCheckError` into a message on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import importlib
import signal
import sys

from clausecheck.errors import ClauseCheckError

# sub-command modules, imported only when the command is built so start-up stays fast
_COMMANDS = ("check", "annotate", "outline", "facts", "why", "packs", "explain", "portfolio")


def build_parser() -> argparse.ArgumentParser:
    from clausecheck._version import __version__

    parser = argparse.ArgumentParser(
        prog="clausecheck",
        description="Check service agreements for the safety-responsibility clauses they must contain.",
    )
    parser.add_argument("--version", action="version", version=f"clausecheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in _COMMANDS:
        try:
            module = importlib.import_module(f"clausecheck.cli.{name}")
        except ModuleNotFoundError as e:
            if e.name == f"clausecheck.cli.{name}":
                continue  # a command not built yet
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except ClauseCheckError as e:
        from clausecheck.report.terminal import visible

        print(f"clausecheck: error: {visible(str(e))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt as e:  # Ctrl-C, or a batch stopped by SIGINT/SIGTERM (`pool.Interrupted`)
        print("clausecheck: interrupted", file=sys.stderr)
        return 128 + getattr(e, "signum", signal.SIGINT)
    except BrokenPipeError:
        return 0
