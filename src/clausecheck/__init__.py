"""clausecheck: check service agreements for the safety-responsibility clauses they must contain.

    >>> import clausecheck
    >>> report = clausecheck.check("agreement.docx", pack="it-onsite")
    >>> [t.status for t in report.documents[0].topics]
    >>> print(clausecheck.render(report, format="sarif"))
    >>> clausecheck.annotate("agreement.docx", "agreement.reviewed.docx", redline=True)

The public surface is what `__all__` lists; everything else is internal.
Names are imported lazily so `import clausecheck` and the command start fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from clausecheck._version import __version__

_EXPORTS = {
    "check": "clausecheck.api",
    "annotate": "clausecheck.api",
    "render": "clausecheck.api",
    "Annotated": "clausecheck.api",
    "Checker": "clausecheck.checker",
    "read_document": "clausecheck.document.reader",
    "load_pack": "clausecheck.dsl.loader",
    "Report": "clausecheck.findings",
    "DocumentResult": "clausecheck.findings",
    "TopicVerdict": "clausecheck.findings",
    "Finding": "clausecheck.findings",
    "Location": "clausecheck.findings",
    "Document": "clausecheck.document.model",
    "Block": "clausecheck.document.model",
    "ClauseNode": "clausecheck.document.model",
    "Pack": "clausecheck.dsl.model",
    "ClauseCheckError": "clausecheck.errors",
    "DocumentError": "clausecheck.errors",
    "PackError": "clausecheck.errors",
}

__all__ = ["__version__", *_EXPORTS]

if TYPE_CHECKING:
    from clausecheck.api import Annotated, annotate, check, render
    from clausecheck.checker import Checker
    from clausecheck.document.model import Block, ClauseNode, Document
    from clausecheck.document.reader import read_document
    from clausecheck.dsl.loader import load_pack
    from clausecheck.dsl.model import Pack
    from clausecheck.errors import ClauseCheckError, DocumentError, PackError
    from clausecheck.findings import DocumentResult, Finding, Location, Report, TopicVerdict


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'clausecheck' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
