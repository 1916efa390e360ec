"""Running a pack's test cases through the whole checker.

Each case is first checked against the pack (every rule, topic and status it
names exists), then its text is rendered into a real .docx by the document
composer, read back by the real reader and judged by the real engine, so a
case tests the same path an agreement takes, through the same `Checker` the
command uses. A case that fails says what was found instead, written as
expectations (`topic ppe: ambiguous/weak_modality by provider at 4.1`, ready
to paste), followed by the statements extraction read from its agreement.
"""

from __future__ import annotations

from clausecheck.checker import Checker
from clausecheck.document.model import Document
from clausecheck.dsl.model import Pack
from clausecheck.extract.extractor import extract
from clausecheck.findings import DocumentResult
from clausecheck.report.facts import facts_lines
from clausecheck.testing.cases import CaseOutcome, PackCase, check_case, evaluate_case
from clausecheck.testing.compose import compose_docx


def run_case(case: PackCase, pack: Pack, *, facts: bool = False) -> CaseOutcome:
    """Check the case against `pack`, render it to a .docx, check that end to end, and judge the result.

    A failing case (or a todo case that passes) carries what was found; with `facts`, every case does.
    """
    problems = check_case(case, pack)
    if problems:
        return CaseOutcome(case=case.id, outcome="fail", failures=tuple(problems))
    outcome = Checker([pack]).check_isolated(compose_docx(case.text))
    result = outcome.result
    if result.error or outcome.document is None:
        failure = f"the checker could not read the case: {result.error}"
        return CaseOutcome(case=case.id, outcome="xfail" if case.todo else "fail", failures=(failure,))
    judged = evaluate_case(case, result)
    if facts or judged.outcome in ("fail", "xpass"):
        judged = judged.model_copy(update={"found": tuple(found_lines(result, outcome.document, pack))})
    return judged


def found_lines(result: DocumentResult, document: Document, pack: Pack) -> list[str]:
    """The topic matrix and the findings, written as expectations, then every statement of the agreement.

    Missing topics are listed on one line: their findings say nothing more.
    """
    lines = ["found:"]
    missing = [row.topic for row in result.topics if row.status == "missing"]
    for row in result.topics:
        if row.status != "missing":
            kinds = "".join(f"/{k}" for k in row.kinds)
            lines.append(f"  topic {row.topic}: {row.status}{kinds} by {row.party}{_at(row.clauses)}")
    for f in result.findings:
        if f.status != "missing":
            clauses = [loc.clause or loc.block_id for loc in f.locations]
            lines.append(f"  {f.rule}: {f.status}/{f.kind} by {f.party}{_at(clauses)}")
    if missing:
        lines.append(f"  missing: {', '.join(missing)}")
    lines.append("statements:")
    lines += [f"  {line}" for line in facts_lines(extract(document, pack, all_statements=True))]
    return lines


def _at(clauses: list[str]) -> str:
    return f" at {', '.join(dict.fromkeys(clauses))}" if clauses else ""
