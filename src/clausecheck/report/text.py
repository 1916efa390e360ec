"""The plain-text report: the topic matrix first, then findings by severity.

Written for a reviewer at a terminal: each finding names the clause and
quotes the words, says what is wrong and what to write instead.
"""

from __future__ import annotations

from clausecheck.dsl.model import SEVERITY_ORDER
from clausecheck.findings import DocumentResult, Report

_STATUS_MARK = {"present": "ok", "ambiguous": "??", "missing": "--"}


def _document(result: DocumentResult) -> list[str]:
    lines = [f"== {result.path}"]
    if result.error:
        return [*lines, f"   error: {result.error}", ""]
    roles = "; ".join(f"{r.role}: {', '.join(r.aliases)}" for r in result.roles)
    lines.append(f"   language {result.lang}, pack {result.pack}" + (f", roles {roles}" if roles else ""))
    if result.has_tracked_changes:
        lines.append("   note: the agreement has pending tracked changes; read as if accepted")
    lines.append("")
    width = max((len(t.topic) for t in result.topics), default=10)
    for t in result.topics:
        detail = "/".join(t.kinds) if t.kinds else ""
        where = ", ".join(t.clauses[:4])
        lines.append(f"   {_STATUS_MARK[t.status]} {t.topic:<{width}}  {t.status:<9} {t.party:<8} {detail:<18} {where}".rstrip())
    findings = sorted(result.findings, key=lambda f: (-SEVERITY_ORDER[f.severity], f.code))
    if findings:
        lines.append("")
    for f in findings:
        lines.append(f"   [{f.severity}] {f.code} {f.rule} ({f.status}/{f.kind}): {f.message}")
        for loc in f.locations:
            lines.append(f"      {loc.clause or loc.block_id}: {loc.excerpt}")
        if f.hint:
            lines.append(f"      fix: {f.hint}")
        if f.suggestion and f.status in ("missing", "ambiguous", "conflict"):
            lines.append(f"      suggested: {f.suggestion}")
        if f.citations:
            lines.append(f"      basis: {'; '.join(c.text for c in f.citations)}")
    lines.append("")
    return lines


def render_text(report: Report) -> str:
    """The whole report as text."""
    out: list[str] = []
    for result in report.documents:
        out.extend(_document(result))
    return "\n".join(out)
