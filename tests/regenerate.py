"""Every generated file in the repository, written by one command:

    python -m tests.regenerate

Generated files are never edited by hand: when behaviour changes on purpose,
run this and review the diff. `tests/test_generated.py` fails when a
committed file differs from what this would write. It writes:

- `examples/*.docx`: the example agreements, rendered from their notation in `examples/src/`;
- `examples/expected/`: the goldens, one set: each example's report in every format (JSON, SARIF,
  HTML, text) and the XML of its annotated copy (document and comments);
- `docs/rules/`: a page per bundled rule, the same page `clausecheck explain` prints;
- `docs/report-schema.json`: the JSON report's schema, from the models.

Volatile fields are normalised in the goldens: the version is "0", the
agreement's path is written as the repository names it and comment dates
are "DATE".
"""

from __future__ import annotations

import re
import sys
import zipfile
from io import BytesIO
from pathlib import Path

from lxml import etree

from clausecheck.checker import Checker
from clausecheck.document.annotate import anchorable, write_comments
from clausecheck.document.reader import read_with_paragraphs
from clausecheck.findings import Report
from clausecheck.report.annotate import plan_comments
from clausecheck.report.html import render_html
from clausecheck.report.ruledocs import bundled_pages
from clausecheck.report.sarif import render_sarif
from clausecheck.report.schema import schema_text
from clausecheck.report.text import render_text
from clausecheck.testing.compose import compose_docx

from .report.kit import EXAMPLES, ROOT, example_path

EXPECTED = ROOT / "examples" / "expected"
RULE_PAGES = ROOT / "docs" / "rules"
SCHEMA = ROOT / "docs" / "report-schema.json"
GENERATED_FOLDERS = {EXPECTED: "*", RULE_PAGES: "*.md"}
"""Folders holding only generated files (of this pattern): a file the generator no longer writes is removed."""

_DATE = re.compile(rb'w:date="[^"]*"')


def example_docx(name: str) -> bytes:
    """The example agreement, rendered from its notation."""
    example = EXAMPLES[name]
    notation = (ROOT / "examples" / "src" / f"{name}.txt").read_text(encoding="utf-8")
    return compose_docx(notation, auto_numbering=example.auto_numbering)


def _pretty(xml: bytes) -> str:
    return etree.tostring(etree.fromstring(_DATE.sub(b'w:date="DATE"', xml)), pretty_print=True, encoding="unicode")


def expected_outputs(name: str, data: bytes) -> dict[str, str]:
    """File name -> content of every golden of one example, judged from the agreement's bytes."""
    checker = Checker(EXAMPLES[name].pack)
    shown = f"examples/{name}.docx"
    document, paragraphs = read_with_paragraphs(shown, data)
    result = checker.judge(document).result
    report = Report(version="0", packs=[p.id for p in checker.packs], documents=[result])
    notes = plan_comments(result, document, anchorable(paragraphs))
    with zipfile.ZipFile(BytesIO(write_comments(data, document, paragraphs, notes))) as z:
        parts = {part: _pretty(z.read(f"word/{part}.xml")) for part in ("document", "comments")}
    return {
        f"{name}.json": report.model_dump_json(indent=2) + "\n",
        f"{name}.sarif": render_sarif(report, checker.packs),
        f"{name}.html": render_html(report, {shown: document}),
        f"{name}.txt": render_text(report),
        f"{name}.annotated-document.xml": parts["document"],
        f"{name}.annotated-comments.xml": parts["comments"],
    }


def generated_files() -> dict[Path, bytes]:
    """Every generated file: path -> the bytes it should hold."""
    files: dict[Path, bytes] = {}
    for name in sorted(EXAMPLES):
        data = example_docx(name)
        files[example_path(name)] = data
        files.update({EXPECTED / file: text.encode() for file, text in expected_outputs(name, data).items()})
    files.update({RULE_PAGES / file: text.encode() for file, text in bundled_pages().items()})
    files[SCHEMA] = schema_text().encode()
    return files


def docx_members(data: bytes) -> dict[str, bytes]:
    """A package's members by name, uncompressed: two builds compare equal whatever zlib compressed them."""
    with zipfile.ZipFile(BytesIO(data)) as z:
        return {info.filename: z.read(info) for info in z.infolist()}


def same_content(path: Path, data: bytes) -> bool:
    """Whether the committed file holds `data` (a .docx: the same members, however compressed)."""
    if not path.exists():
        return False
    if path.suffix == ".docx":
        return docx_members(path.read_bytes()) == docx_members(data)
    return path.read_bytes() == data


def main() -> int:
    files = generated_files()
    for folder, pattern in GENERATED_FOLDERS.items():
        folder.mkdir(parents=True, exist_ok=True)
        for stale in set(folder.glob(pattern)) - set(files):
            stale.unlink()
            print(f"removed {stale.relative_to(ROOT)}")
    for path, data in files.items():
        if not same_content(path, data):
            path.write_bytes(data)
            print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
