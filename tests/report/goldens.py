"""Regenerate the report goldens: every format, and the annotated copy's comments, for each bundled example.

    python tests/report/goldens.py

Goldens are generated, never edited by hand (STYLE habit 9): when a report
changes on purpose, run this and review the diff. Volatile fields are
normalised: the version, the agreement's path (written as the repository
names it) and the comments' dates.
"""

from __future__ import annotations

import re
import sys
import zipfile
from io import BytesIO
from pathlib import Path

from lxml import etree

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from clausecheck.checker import Checker
from clausecheck.document.annotate import anchorable, write_comments
from clausecheck.document.reader import read_with_paragraphs
from clausecheck.findings import Report
from clausecheck.report.annotate import plan_comments
from clausecheck.report.html import render_html
from clausecheck.report.output import replace_generated
from clausecheck.report.sarif import render_sarif
from clausecheck.report.text import render_text
from report.kit import EXAMPLES, example_path

GOLDENS = Path(__file__).resolve().parent / "goldens"
_DATE = re.compile(rb'w:date="[^"]*"')


def _pretty(xml: bytes) -> str:
    return etree.tostring(etree.fromstring(_DATE.sub(b'w:date="DATE"', xml)), pretty_print=True, encoding="unicode")


def render(name: str) -> dict[str, str]:
    """File name -> content of every golden of one example."""
    checker = Checker(EXAMPLES[name])
    packs = checker.packs
    data = example_path(name).read_bytes()
    shown = f"examples/{name}.docx"
    document, paragraphs = read_with_paragraphs(shown, data)
    result = checker.judge(document).result
    report = Report(version="0", packs=[p.id for p in packs], documents=[result])
    notes = plan_comments(result, document, anchorable(paragraphs))
    with zipfile.ZipFile(BytesIO(write_comments(data, document, paragraphs, notes))) as z:
        parts = {part: _pretty(z.read(f"word/{part}.xml")) for part in ("document", "comments")}
    return {
        f"{name}.json": report.model_dump_json(indent=2) + "\n",
        f"{name}.sarif": render_sarif(report, packs),
        f"{name}.html": render_html(report, {shown: document}),
        f"{name}.txt": render_text(report),
        f"{name}.annotated-document.xml": parts["document"],
        f"{name}.annotated-comments.xml": parts["comments"],
    }


def render_all() -> dict[str, str]:
    return {file: text for name in sorted(EXAMPLES) for file, text in render(name).items()}


def main() -> int:
    wanted = render_all()
    replace_generated(GOLDENS, wanted)
    print(f"wrote {len(wanted)} goldens to {GOLDENS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
