"""The report: what the engine concludes about each agreement.

Low in the stack on purpose: the engine builds these, the renderers (text,
JSON, SARIF, HTML, Word comments) read them, and neither imports the other.
`clausecheck check --format json` prints `Report` exactly; its JSON Schema is
published in `docs/`. The per-document `topics` matrix and the `forbidden`
findings' topic ids are a contract with downstream tools: keep them stable.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from clausecheck.types import Citation, FindingKind, FindingStatus, Lang, PartyRole, Severity, TopicStatus, VerdictKind


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


def fingerprint(rule_id: str, excerpts: Iterable[str]) -> str:
    """A finding's fingerprint: its rule and the words of its clauses, so it survives the clauses moving."""
    text = "\n".join(excerpts)
    return hashlib.sha256(f"{rule_id}\n{text}".encode()).hexdigest()[:16]


class Location(_Model):
    """A place in the agreement a finding points at."""

    block_id: str
    clause: str | None = Field(None, description="the clause as cited: '7.2(b)', '第五条（二）'")
    excerpt: str = Field(description="the sentence in the agreement's own words")
    part: str = "body"
    words: str = Field(
        "", description="the offending words inside the excerpt ('可视情况', 'promptly'); a Word comment wraps them"
    )


class Finding(_Model):
    """One thing a reviewer must act on."""

    code: str = Field(description="stable rule code, e.g. 'CC101'")
    rule: str = Field(description="rule id, e.g. 'ppe.provided'")
    severity: Severity
    status: FindingStatus
    kind: FindingKind
    topic: str
    party: PartyRole = "none"
    message: str = Field(description="what is wrong, in the agreement's language")
    hint: str = Field("", description="what to do, in the agreement's language")
    locations: list[Location] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    suggestion: str | None = Field(
        None,
        description="wording to paste into the agreement, in the agreement's own language and names for the parties; "
        "for a void clause, the wording that replaces it",
    )
    insertion_point: Location | None = Field(
        None, description="for a missing duty: the paragraph after which its clause belongs"
    )
    fingerprint: str = Field("", description="rule + clause-text hash, stable across re-runs (for baselines)")


class Suppression(_Model):
    """Why a finding is not reported as new: a reviewer accepted it."""

    kind: Literal["comment", "baseline"] = Field(
        description="comment: a Word comment in the agreement names the rule; baseline: listed in a baseline file"
    )
    source: str = Field(description="'comment 3' (the comment's id) or the baseline file's path")
    reason: str = ""
    author: str = Field("", description="who wrote the accepting comment")


class SuppressedFinding(Finding):
    """A finding a reviewer accepted: kept in the report, left out of the exit code."""

    suppression: Suppression


class TopicVerdict(_Model):
    """One row of the topic matrix: how the agreement settles a required topic."""

    topic: str
    title: str = ""
    status: TopicStatus
    kinds: list[VerdictKind] = Field(default_factory=list)
    party: PartyRole = "none"
    rules: list[str] = Field(default_factory=list, description="require rules on this topic")
    clauses: list[str] = Field(default_factory=list, description="clauses that address the topic: those of `locations`")
    locations: list[Location] = Field(default_factory=list)
    void: list[str] = Field(
        default_factory=list,
        description="clauses that settle the topic but are void (a forbidden finding quotes them): "
        "the duty is present only on paper",
    )
    reason: str = Field("", description="why the topic is not_applicable, in the report's language")


class RoleAssignment(_Model):
    """How this agreement names a role: which alias is the client, which the provider."""

    role: str
    aliases: list[str]


class DocumentResult(_Model):
    """The verdict on one agreement."""

    path: str
    lang: Lang | None = None
    locale: Lang | None = Field(None, description="the language of messages and labels: --locale, else `lang`")
    pack: str | None = None
    roles: list[RoleAssignment] = Field(default_factory=list)
    topics: list[TopicVerdict] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    suppressed: list[SuppressedFinding] = Field(
        default_factory=list, description="findings accepted by a Word comment or a baseline; not in `findings`"
    )
    has_tracked_changes: bool = False
    warnings: list[str] = Field(
        default_factory=list,
        description="what limits the verdicts on this agreement: parties whose side could not be decided, "
        "content the reader could not see",
    )
    governing_law: list[str] = Field(
        default_factory=list,
        description="jurisdictions whose law governs the agreement (CN, TW, HK, UK, US), from its governing-law "
        "clause or else its language; citations of these come first",
    )
    governing_law_clause: str | None = Field(None, description="the clause that names the governing law, if any")
    applicable: bool = Field(True, description="false: no pack applies to this agreement (topics not_applicable)")
    error: str | None = Field(None, description="why the agreement could not be checked; then nothing else is set")
    error_type: str | None = None


class SkippedFile(_Model):
    """A file met in a folder that is not a .docx agreement (a .doc, a .pdf), with why it was not checked."""

    path: str
    reason: str


class Report(_Model):
    """The result of one `check` run over one or more agreements."""

    tool: str = "clausecheck"
    version: str
    packs: list[str]
    documents: list[DocumentResult]
    skipped: list[SkippedFile] = Field(
        default_factory=list, description="files found in folders that were not checked (legacy .doc, .pdf ...)"
    )
