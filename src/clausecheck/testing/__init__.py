"""The pack author's test kit: build real `.docx` agreements, load a pack's cases, run them end to end.

`clausecheck packs test` runs on this, and a pack author's own test suite
can import it (as sqlfluff ships `sqlfluff.utils.testing`):

    from clausecheck import load_pack
    from clausecheck.testing import compose_docx, load_cases, run_case

    pack = load_pack("rules/acme-fab")
    for case in load_cases(pack):
        outcome = run_case(case, pack)
        assert outcome.ok, outcome.message()

`compose_docx` turns a compact notation (one paragraph per line, `# ` for a
heading, `| a | b |` for a table row) into the bytes of a real Word file;
`run_case` reads it with the real reader and judges it with the real engine,
and a failing outcome's `message()` says what was found instead. The same
modules read case files with positioned errors (`casefile`) and write a new
pack to start from (`scaffold`, `clausecheck packs new`).
"""

from __future__ import annotations

from clausecheck.testing.casefile import load_cases
from clausecheck.testing.cases import CaseOutcome, PackCase, check_case, evaluate_case, untested_rules
from clausecheck.testing.compose import compose_docx
from clausecheck.testing.runner import run_case

__all__ = [
    "CaseOutcome",
    "PackCase",
    "check_case",
    "compose_docx",
    "evaluate_case",
    "load_cases",
    "run_case",
    "untested_rules",
]
