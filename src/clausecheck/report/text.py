"""The plain-text report: the topic matrix first, then findings grouped by severity.

Written for a reviewer at a terminal: each finding names the clause and
quotes the words, says what is wrong and what to write instead. Every word
the report adds (headings, statuses, parties, kinds, labels) is in the
report's language (`labels`); rule codes and ids stay as they are. Colour
(through rich, imported only when asked for) marks statuses and severities
on a terminal; the words are the same without it, so a log or a file reads
the same.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

from clausecheck.findings import DocumentResult, Finding, Report
from clausecheck.report.terminal import visible
from clausecheck.report.ui_strings import basis_lines, ui_string, word
from clausecheck.types import SEVERITY_ORDER, Lang

_STATUS_MARK = {"present": "ok", "ambiguous": "??", "missing": "--", "not_applicable": "na"}
_STATUS_STYLE = {"present": "green", "ambiguous": "yellow", "missing": "red", "not_applicable": "dim"}
SEVERITY_STYLE = {"critical": "bold red", "high": "red", "medium": "yellow", "low": "cyan", "info": "dim"}
_SEVERITIES = sorted(SEVERITY_ORDER, key=SEVERITY_ORDER.__getitem__, reverse=True)

Line = list[tuple[str, str | None]]
"""one output line as (text, rich style) pieces"""


def width(text: str) -> int:
    """Columns `text` takes in a terminal: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, columns: int) -> str:
    return text + " " * max(columns - width(text), 0)


def suggestion_line(f: Finding, lang: Lang) -> str | None:
    """The suggested or replacement wording with its label; for a missing duty, where to add it."""
    if not f.suggestion:
        return None
    if f.status == "forbidden":
        return ui_string("replacement", lang) + f.suggestion
    if f.status == "missing":
        where = f.insertion_point.clause if f.insertion_point and f.insertion_point.clause else None
        return (ui_string("add_at", lang, where=where) if where else ui_string("add_here", lang)) + f.suggestion
    return ui_string("suggested", lang) + f.suggestion


def _finding(f: Finding, lines: list[Line], lang: Lang, accepted: str | None = None) -> None:
    lines.append([(f"   {f.code} {f.rule} ({word(f.status, lang)}/{word(f.kind, lang)}): ", None), (f.message, "bold")])
    if accepted:
        lines.append([(f"      {ui_string('accepted', lang)}{accepted}", "dim")])
    for loc in f.locations:
        where = loc.clause or loc.block_id
        if loc.part != "body":
            where = f"{where} ({word(loc.part, lang)})"
        lines.append([(f"      {where}: ", "cyan"), (loc.excerpt, None)])
    if f.hint:
        lines.append([(f"      {ui_string('fix', lang)}{f.hint}", None)])
    suggested = suggestion_line(f, lang)
    if suggested:
        lines.append([(f"      {suggested}", "green")])
    lines += [[(f"      {line}", "dim")] for line in basis_lines(f.citations, lang)]


def _header(result: DocumentResult, lang: Lang) -> str:
    sep = ", " if lang == "en" else "，"
    parts = [f"{ui_string('language', lang)} {result.lang}", f"{ui_string('pack', lang)} {result.pack}"]
    roles = "; ".join(f"{word(r.role, lang)}: {', '.join(r.aliases)}" for r in result.roles)
    if roles:
        parts.append(f"{ui_string('roles', lang)} {roles}")
    if result.governing_law:
        where = result.governing_law_clause or ui_string("assumed", lang)
        parts.append(f"{ui_string('governing_law', lang)} {'/'.join(result.governing_law)} ({where})")
    return "   " + sep.join(parts)


def _topic_rows(result: DocumentResult, lang: Lang) -> list[Line]:
    cells = []
    for t in result.topics:
        status = word(t.status, lang)
        if t.void:
            detail = f"{word('void', lang)} {', '.join(t.void)}"
        elif t.status == "not_applicable":
            detail = t.reason
        else:
            detail = "/".join(word(k, lang) for k in t.kinds)
        mark, style = ("!!", "bold red") if t.void else (_STATUS_MARK[t.status], _STATUS_STYLE[t.status])
        where = ", ".join(t.clauses[:4]) if t.status != "not_applicable" else ""
        cells.append((mark, style, t.topic, status, word(t.party, lang), detail, where))
    widths = [max((width(c[i]) for c in cells), default=0) for i in range(2, 6)]
    rows = []
    for mark, style, *columns in cells:
        text = " " + "  ".join(_pad(c, w) for c, w in zip(columns[:4], widths)) + "  " + columns[4]
        rows.append([("   ", None), (mark, style), (text.rstrip(), None)])
    return rows


def _document(result: DocumentResult, show_suppressed: bool) -> list[Line]:
    lang: Lang = result.locale or result.lang or "en"
    lines: list[Line] = [[(f"== {result.path}", "bold")]]
    if result.error:
        return [*lines, [(f"   {ui_string('error', lang)}", "bold red"), (result.error, None)], []]
    lines.append([(_header(result, lang), None)])
    if result.has_tracked_changes:
        lines.append([(f"   {ui_string('tracked', lang)}", "yellow")])
    lines.append([])
    lines += _topic_rows(result, lang)
    by_severity: dict[str, list[Finding]] = {}
    for f in sorted(result.findings, key=lambda f: f.code):
        by_severity.setdefault(f.severity, []).append(f)
    for severity in _SEVERITIES:
        if severity in by_severity:
            heading = f"   {word(severity, lang).upper()} ({len(by_severity[severity])})"
            lines += [[], [(heading, SEVERITY_STYLE[severity])]]
            for f in by_severity[severity]:
                _finding(f, lines, lang)
    if result.suppressed:
        kinds = Counter(f.suppression.kind for f in result.suppressed)
        sep = ", " if lang == "en" else "，"
        how = sep.join(ui_string(f"by_{k}", lang, n=str(n)) for k, n in sorted(kinds.items()))
        lines.append([])
        if show_suppressed:
            lines.append(
                [(f"   {word('accepted', lang).upper().rstrip(':： ')} ({len(result.suppressed)}: {how})", "dim")]
            )
            for s in sorted(result.suppressed, key=lambda f: f.code):
                why = s.suppression.source + (f" by {s.suppression.author}" if s.suppression.author else "")
                _finding(s, lines, lang, why + (f": {s.suppression.reason}" if s.suppression.reason else ""))
        else:
            lines.append([(f"   {ui_string('accepted_hidden', lang, n=str(len(result.suppressed)), how=how)}", "dim")])
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
    for skipped in report.skipped:
        lines.append([(f"-- skipped {visible(skipped.path)}: {skipped.reason}", "yellow")])
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
