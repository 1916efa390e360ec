"""The `clausecheck` command.

Each sub-command lives in its own module with `register(subparsers)` and a
`run(args) -> int`; this module only dispatches and turns every
`ClauseCheckError` into a message on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys
from typing import NoReturn

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


def main(argv: list[str] | None = None, *, program: bool = False) -> int:
    """Run the command `argv` (default: this process's arguments) and return its exit code.

    `program` says the process is the command itself (`console`): it may then
    tune the process for the run (`clausecheck.collector.freeze` once its packs are loaded).
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    args.program = program
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


def console() -> NoReturn:
    """The `clausecheck` program: `main`, then the process ends as soon as its output is flushed.

    Tearing the interpreter down (every module, pack and compiled rule freed
    one by one) costs a twentieth of a second and changes nothing the user
    sees. A run that started worker processes exits the ordinary way, so
    multiprocessing's exit handlers stop them.
    """
    from clausecheck.collector import start_quietly

    start_quietly()
    try:
        code = main(program=True)
    except SystemExit as e:  # argparse: --help, --version, a usage error (its message already printed)
        if not isinstance(e.code, int):
            raise
        code = e.code
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # the reader left (`| head`): what was written is all it wanted
        pass
    if "multiprocessing" in sys.modules:
        sys.exit(code)
    os._exit(code)
