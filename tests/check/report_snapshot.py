"""Every report of a set of agreements, as one JSON object on standard output: `python report_snapshot.py FILE...`.

Run as a script by `test_reports_unchanged.py`, once with the code under test
and once with the code of a reference commit on `PYTHONPATH`, so it uses
nothing but the command (`clausecheck.cli.main`), which both have. An
agreement named `PATH=PACK` is checked with that pack, else with the default.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys

FORMATS = ("json", "text", "sarif", "html")


def reports(specs: list[str]) -> dict[str, str]:
    """`spec format` -> the report the command prints (its exit code on the first line)."""
    from clausecheck.cli import main

    out = {}
    for spec in specs:
        path, _, pack = spec.partition("=")
        for format in FORMATS:
            printed = io.StringIO()
            with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(io.StringIO()):
                code = main(["check", "--no-config", "--format", format, *(["--pack", pack] if pack else []), path])
            out[f"{spec} {format}"] = f"exit {code}\n{printed.getvalue()}"
    return out


if __name__ == "__main__":
    json.dump(reports(sys.argv[1:]), sys.stdout, ensure_ascii=False, sort_keys=True)
