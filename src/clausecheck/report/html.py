"""The HTML report: one self-contained page a reviewer can open anywhere, a phone included.

For each agreement: the topic matrix, the findings by severity, and the
agreement's own text with every cited clause highlighted; a finding links to
its clauses and each highlighted clause links back to its findings. A missing
duty links to the heading where it should be added (`placement`). Labels and
the law cited follow the agreement's language, as in its Word comments. The page
loads nothing: styles are inline, there is no script, no font and no image,
so it works offline and leaks nothing. Markup comes from a Jinja2 template
with autoescaping on, since every string in it is the agreement's or the
pack's text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from clausecheck.document.model import Block, Document
from clausecheck.findings import DocumentResult, Finding, Report
from clausecheck.report.ui_strings import basis_lines, ui_string, word
from clausecheck.types import SEVERITY_ORDER

_SEVERITIES = sorted(SEVERITY_ORDER, key=SEVERITY_ORDER.__getitem__, reverse=True)


@dataclass
class _Paragraph:
    """A block of the agreement's text, with the findings that cite it."""

    block: Block
    anchor: str
    findings: list[tuple[str, Finding]] = field(default_factory=list)
    kind: str = "p"

    @property
    def severity(self) -> str:
        return max((f.severity for _, f in self.findings), key=SEVERITY_ORDER.__getitem__, default="")


@dataclass
class _Table:
    """A table of the agreement, its cells holding paragraphs (nested tables folded into their cell)."""

    index: int
    cells: dict[tuple[int, int], list[_Paragraph]] = field(default_factory=dict)
    kind: str = "table"

    @property
    def rows(self) -> list[list[list[_Paragraph]]]:
        """Every row with a cell for every column, empty ones included, so a mark stays in its column."""
        if not self.cells:
            return []
        spans = {
            key: max((p.block.table.col_span for p in ps if p.block.table), default=1) for key, ps in self.cells.items()
        }
        columns = max(col + spans[(row, col)] for row, col in self.cells)
        out = []
        for row in range(max(r for r, _ in self.cells) + 1):
            cells, col = [], 0
            while col < columns:
                cells.append(self.cells.get((row, col), []))
                col += spans.get((row, col), 1)
            out.append(cells)
        return out


def _text_items(document: Document, prefix: str, cited: dict[str, list[tuple[str, Finding]]]) -> dict[str, list[Any]]:
    """The agreement as paragraphs and tables, per part (text boxes read with the body)."""
    parts: dict[str, list[_Paragraph | _Table]] = {}
    for block in document.blocks:
        items = parts.setdefault("body" if block.part == "textbox" else block.part, [])
        para = _Paragraph(block, f"{prefix}-{block.id}", cited.get(block.id, []))
        if block.table is None:
            items.append(para)
            continue
        last = items[-1] if items else None
        if not isinstance(last, _Table) or last.index != block.table.table:
            last = _Table(block.table.table)
            items.append(last)
        cell = block.table
        where = (cell.path[0], cell.path[1]) if cell.path else (cell.row, cell.col)  # a nested table's cell
        last.cells.setdefault(where, []).append(para)
    return parts


def _document(index: int, result: DocumentResult, document: Document | None) -> dict[str, Any]:
    prefix = f"d{index}"
    lang = result.locale or result.lang or "en"
    out: dict[str, Any] = {
        "result": result,
        "anchor": prefix,
        "groups": [],
        "parts": {},
        "lang": lang,
        "word": lambda key: word(key, lang),
        "label": lambda key, **fields: ui_string(key, lang, **fields).rstrip(":： "),
    }
    if result.error:
        return out
    cited: dict[str, list[tuple[str, Finding]]] = {}
    findings: list[dict[str, Any]] = []
    for i, f in enumerate(sorted(result.findings, key=lambda f: (-SEVERITY_ORDER[f.severity], f.code))):
        anchor = f"{prefix}-f{i}"
        add_at = f.insertion_point.block_id if f.insertion_point else None
        heading = document.block(add_at) if document and add_at else None
        findings.append(
            {
                "finding": f,
                "anchor": anchor,
                "add_at": heading and f"{prefix}-{heading.id}",
                "add_label": heading and (heading.clause or heading.label or heading.text[:40]),
                "basis_lines": [_split_label(line) for line in basis_lines(f.citations, lang)],
                "wording_label": (
                    ui_string("replacement", lang)
                    if f.status == "forbidden"
                    else ui_string("add_here" if f.status == "missing" else "suggested", lang)
                ).rstrip(":： "),
            }
        )
        for loc in f.locations:
            cited.setdefault(loc.block_id, []).append((anchor, f))
    out["groups"] = [
        (s, [x for x in findings if x["finding"].severity == s])
        for s in _SEVERITIES
        if any(x["finding"].severity == s for x in findings)
    ]
    if document is not None:
        out["parts"] = _text_items(document, prefix, cited)
    return out


def render_html(report: Report, documents: Mapping[str, Document] | None = None) -> str:
    """The report as one HTML page; `documents` (by result path) supply the agreements' text."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("clausecheck.report", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    documents = documents or {}
    docs = [_document(i, r, documents.get(r.path)) for i, r in enumerate(report.documents)]
    return env.get_template("report.html.j2").render(report=report, documents=docs)


def _split_label(line: str) -> tuple[str, str]:
    """'Basis: text' as ('Basis', 'text'): the label is styled apart."""
    for sep in ("：", ": "):
        if sep in line:
            head, text = line.split(sep, 1)
            return head, text
    return "", line
