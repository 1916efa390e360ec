"""One dispatch from a format name to its renderer, shared by the command and `clausecheck.render`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from clausecheck.document.model import Document
from clausecheck.dsl.model import Pack
from clausecheck.errors import UsageError
from clausecheck.findings import Report


def render_report(
    report: Report,
    fmt: str,
    *,
    documents: Mapping[str, Document] | None = None,
    packs: Sequence[Pack] | None = None,
    color: bool = False,
    show_suppressed: bool = False,
    fail_on: str = "high",
    **unknown: Any,
) -> str:
    """`report` in format `fmt` (text, json, sarif, html, junit)."""
    if unknown:
        raise UsageError(f"unknown render option(s): {', '.join(sorted(unknown))}")
    if fmt == "json":
        return report.model_dump_json(indent=2) + "\n"
    if fmt == "sarif":
        from clausecheck.report.sarif import render_sarif

        return render_sarif(report, list(packs) if packs is not None else _packs(report))
    if fmt == "html":
        from clausecheck.report.html import render_html

        return render_html(report, documents)
    if fmt == "junit":
        from clausecheck.report.junit import render_junit

        return render_junit(report, fail_on=fail_on)
    if fmt == "text":
        from clausecheck.report.text import render_text

        return render_text(report, color=color, show_suppressed=show_suppressed)
    raise UsageError(f"unknown format '{fmt}'")


def _packs(report: Report) -> list[Pack]:
    from clausecheck.dsl.loader import load_pack

    return [load_pack(name) for name in report.packs]
