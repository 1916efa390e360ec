"""A portfolio's result for one agreement: the JSON report's `DocumentResult` and what a portfolio adds.

A JSON Lines result file holds one `PortfolioResult` per line: every field of
the report's `DocumentResult` (so a line's `topics` and `findings` read as in
`--format json`) plus `sha256` (the bytes checked: the cache key, and a way to
find duplicates), `parties` (the names the agreement defines for each role,
the counterparties of the portfolio page) and `metadata` (columns joined from
the contract-management export given with `--metadata`).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from clausecheck.document.model import Document
from clausecheck.findings import DocumentResult


class PartyName(BaseModel):
    """A party as the agreement defines it: its role and its full name."""

    model_config = ConfigDict(extra="forbid")

    role: str
    name: str


class PortfolioResult(DocumentResult):
    """One agreement's result in a portfolio: a `DocumentResult` plus its hash, parties and metadata."""

    sha256: str | None = Field(None, description="SHA-256 of the agreement's bytes; None when they could not be read")
    parties: list[PartyName] = Field(default_factory=list, description="full names the agreement defines, by role")
    metadata: dict[str, str] = Field(default_factory=dict, description="columns joined from --metadata, by name")


def portfolio_result(result: DocumentResult, document: Document | None, sha256: str | None) -> PortfolioResult:
    """`result` with its hash and the full names its agreement defines for the roles the checker decided."""
    roles = {alias: r.role for r in result.roles for alias in r.aliases}
    parties: dict[tuple[str, str], PartyName] = {}
    for p in document.parties if document else ():
        role = roles.get(p.alias)
        if role and p.name:
            parties.setdefault((role, p.name), PartyName(role=role, name=p.name))
    return PortfolioResult(**result.model_dump(), sha256=sha256, parties=list(parties.values()))
