"""The plain-text report: the topic matrix first, then findings grouped by severity.

Written for a reviewer at a terminal: each finding names the clause and
quotes the words, says what is wrong and what to write instead. Colour
(through rich, imported only when asked for) marks statuses and severities
on a terminal; the words are the same without it, so a log or a file reads
the same.
"""

from __future__ import annotations

from collections import Counter

from clausecheck.findings import DocumentResult, Finding, Report
from clausecheck.report.terminal import visible
from clausecheck.types import SEVERITY_ORDER

_STATUS_MARK = {"present": "ok", "ambiguous": "??", "missing": "--"}
_STATUS_STYLE = {"present": "green", "ambiguous": "yellow", "missing": "red"}
SEVERITY_STYLE = {"critical": "bold red", "high": "red", "medium": "yellow", "low": "cyan", "info": "dim"}
_SEVERITIES = sorted(SEVERITY_ORDER, key=SEVERITY_ORDER.__getitem__, reverse=True)

Line = list[tuple[str, str | None]]
"""one output line as (text, rich style) pieces"""


def _finding(f: Finding, lines: list[Line], accepted: str | None = None) -> None:
    lines.append([(f"   {f.code} {f.rule} ({f.status}/{f.kind}): ", None), (f.message, "bold")])
    if accepted:
        lines.append([(f"      accepted: {accepted}", "dim")])
    for loc in f.locations:
        where = loc.clause or loc.block_id
        if loc.part != "body":
            where = f"{where} ({loc.part})"
        lines.append([(f"      {where}: ", "cyan"), (loc.excerpt, None)])
    if f.hint:
        lines.append([(f"      fix: {f.hint}", None)])
    if f.suggestion and f.status in ("missing", "ambiguous", "conflict"):
        lines.append([(f"      suggested: {f.suggestion}", "green")])
    if f.citations:
        lines.append([(f"      basis: {'; '.join(c.text for c in f.citations)}", "dim")])


def _document(result: DocumentResult, show_suppressed: bool) -> list[Line]:
    lines: list[Line] = [[(f"== {result.path}", "bold")]]
    if result.error:
        return [*lines, [("   error: ", "bold red"), (result.error, None)], []]
    roles = "; ".join(f"{r.role}: {', '.join(r.aliases)}" for r in result.roles)
    lines.append([(f"   language {result.lang}, pack {result.pack}" + (f", roles {roles}" if roles else ""), None)])
    if result.has_tracked_changes:
        lines.append([("   note: the agreement has pending tracked changes; read as if accepted", "yellow")])
    lines.append([])
    width = max((len(t.topic) for t in result.topics), default=10)
    for t in result.topics:
        detail = "/".join(t.kinds) if t.kinds else ""
        where = ", ".join(t.clauses[:4])
        rest = f" {t.topic:<{width}}  {t.status:<9} {t.party:<8} {detail:<18} {where}".rstrip()
        lines.append([("   ", None), (_STATUS_MARK[t.status], _STATUS_STYLE[t.status]), (rest, None)])
    by_severity: dict[str, list[Finding]] = {}
    for f in sorted(result.findings, key=lambda f: f.code):
        by_severity.setdefault(f.severity, []).append(f)
    for severity in _SEVERITIES:
        if severity in by_severity:
            lines += [[], [(f"   {severity.upper()} ({len(by_severity[severity])})", SEVERITY_STYLE[severity])]]
            for f in by_severity[severity]:
                _finding(f, lines)
    if result.suppressed:
        kinds = Counter(f.suppression.kind for f in result.suppressed)
        how = ", ".join(f"{n} by {'Word comment' if k == 'comment' else 'baseline'}" for k, n in sorted(kinds.items()))
        lines.append([])
        if show_suppressed:
            lines.append([(f"   ACCEPTED ({len(result.suppressed)}: {how})", "dim")])
            for s in sorted(result.suppressed, key=lambda f: f.code):
                why = s.suppression.source + (f" by {s.suppression.author}" if s.suppression.author else "")
                _finding(s, lines, why + (f": {s.suppression.reason}" if s.suppression.reason else ""))
        else:
            lines.append(
                [
                    (
                        f"   {len(result.suppressed)} accepted finding(s) not shown ({how}); "
                        "--show-suppressed lists them",
                        "dim",
                    )
                ]
            )
    lines.append([])
    return lines


def render_text(report: Report, *, color: bool = False, show_suppressed: bool = False) -> str:
    """The whole report as text; with `color`, with ANSI colours for a terminal.

    Control and bidirectional characters of the agreement or the pack are shown escaped (`terminal.visible`).
    """
    lines = [
        [(visible(text), style) for text, style in line]
        for result in report.documents
        for line in _document(result, show_suppressed)
    ]
    if not color:
        return "\n".join("".join(text for text, _ in line) for line in lines)
    return _colour(lines)


def _colour(lines: list[Line]) -> str:
    import io

    from rich.console import Console
    from rich.text import Text

    out = io.StringIO()
    console = Console(file=out, force_terminal=True, color_system="standard", soft_wrap=True, highlight=False)
    for line in lines:
        console.print(Text.assemble(*((text, style or "") for text, style in line)))
    return out.getvalue()[:-1]  # the same line ends as the plain text
