"""Running a pack's test cases through the whole checker.

Each case's text is rendered into a real .docx by the document composer,
read back by the real reader and judged by the real engine, so a case tests
the same path an agreement takes, through the same `Checker` the command uses.
"""

from __future__ import annotations

from clausecheck.checker import Checker
from clausecheck.dsl.model import Pack
from clausecheck.testing.cases import CaseOutcome, PackCase, evaluate_case
from clausecheck.testing.compose import compose_docx


def run_case(case: PackCase, pack: Pack) -> CaseOutcome:
    """Render the case to a .docx, check it against `pack` end to end, and judge the result."""
    result = Checker([pack]).check_isolated(compose_docx(case.text)).result
    if result.error:
        failure = f"the checker could not read the case: {result.error}"
        return CaseOutcome(case=case.id, outcome="xfail" if case.todo else "fail", failures=(failure,))
    return evaluate_case(case, result)
