"""SARIF 2.1.0: the report for code-scanning dashboards and CI annotations.

One run, one `reportingDescriptor` per pack rule (its code as the id, the rule
id as the name, title, rationale and help with citations and wording), one
result per finding. A .docx has no lines, so a result is located by the file,
a logical location for the clause as a person cites it (`7.2(b)`,
`第五条（二）`) and a region whose `startLine` is the paragraph's position in
reading order (block `b12` is paragraph 13), with the sentence as the snippet.
A missing duty points at its insertion point, the article where its clause
belongs. Each rule links its page (`helpUri`) and carries a
`security-severity` (critical 9.5, high 8.0, medium 5.5, low 2.0), which
code-scanning dashboards turn into their own severity. Accepted findings
stay in the log with a `suppressions` entry: `inSource` for a Word comment,
`external` for a baseline. An agreement that could not be read is a tool
execution notification, and the invocation is marked unsuccessful.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from clausecheck.dsl.model import RULE_CODE, Pack
from clausecheck.findings import DocumentResult, Finding, Location, Report, SuppressedFinding
from clausecheck.report.ruledocs import rule_help
from clausecheck.report.text import suggestion_line
from clausecheck.types import Lang, Severity

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_LEVEL: dict[str, str] = {"critical": "error", "high": "error", "medium": "warning", "low": "note", "info": "note"}
_SECURITY_SEVERITY: dict[str, str] = {"critical": "9.5", "high": "8.0", "medium": "5.5", "low": "2.0", "info": "0.0"}
RULE_PAGES = "https://github.com/clausecheck/clausecheck/blob/main/docs/rules/"
"""where the generated rule pages (docs/rules/<id>.md) are published"""


def level(severity: Severity) -> str:
    """SARIF's three levels for our five severities."""
    return _LEVEL[severity]


def artifact_uri(path: str) -> str:
    """A relative path as a URI reference (forward slashes, escaped); an absolute one as a file URI."""
    pure = PurePath(path)
    if pure.is_absolute():
        return Path(path).as_uri()
    return quote(pure.as_posix(), safe="/")


def _rules(packs: list[Pack]) -> list[dict[str, Any]]:
    rules: dict[str, dict[str, Any]] = {}
    for pack in packs:
        for rule in pack.rules:
            if rule.code in rules:
                continue
            basis = "; ".join(c.text for c in rule.citations)
            descriptor: dict[str, Any] = {
                "id": rule.code,
                "name": rule.id,
                "shortDescription": {"text": rule.title},
                "fullDescription": {"text": rule.rationale or rule.title},
                "help": {
                    "text": " ".join(x for x in (rule.rationale, f"Legal basis: {basis}." if basis else "") if x),
                    "markdown": rule_help(rule),
                },
                "helpUri": f"{RULE_PAGES}{quote(rule.id)}.md",
                "defaultConfiguration": {"level": level(rule.severity)},
                "properties": {
                    "tags": ["security", rule.kind, rule.topic, pack.id],
                    "severity": rule.severity,
                    "security-severity": _SECURITY_SEVERITY[rule.severity],
                },
            }
            # a renamed rule's old codes and ids, so a viewer can carry results over from older logs
            old_codes = [name for name in rule.aliases if RULE_CODE.match(name)]
            old_ids = [name for name in rule.aliases if not RULE_CODE.match(name)]
            if old_codes:
                descriptor["deprecatedIds"] = old_codes
            if old_ids:
                descriptor["deprecatedNames"] = old_ids
            if rule.status != "stable":
                descriptor["properties"]["status"] = rule.status
            rules[rule.code] = descriptor
    return list(rules.values())


def _location(loc: Location, uri: str, index: int) -> dict[str, Any]:
    out: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": {"uri": uri, "index": index},
            "region": {"startLine": int(loc.block_id[1:]) + 1, "snippet": {"text": loc.excerpt}},
        },
        "properties": {"block": loc.block_id, "part": loc.part},
    }
    if loc.clause:
        out["logicalLocations"] = [{"name": loc.clause, "fullyQualifiedName": loc.clause, "kind": "clause"}]
    return out


def _result(f: Finding, uri: str, index: int, rule_index: dict[str, int], lang: Lang) -> dict[str, Any]:
    text = f.message + (f" {f.hint}" if f.hint else "")
    if f.suggestion:
        text += f" {suggestion_line(f, lang)}"
    located = f.locations or ([f.insertion_point] if f.insertion_point else [])
    locations = [_location(loc, uri, index) for loc in located] or [
        {"physicalLocation": {"artifactLocation": {"uri": uri, "index": index}, "region": {"startLine": 1}}}
    ]
    properties: dict[str, Any] = {
        "severity": f.severity,
        "security-severity": _SECURITY_SEVERITY[f.severity],
        "status": f.status,
        "kind": f.kind,
        "topic": f.topic,
        "party": f.party,
    }
    if f.suggestion:
        properties["suggestion"] = f.suggestion
    out: dict[str, Any] = {
        "ruleId": f.code,
        "level": level(f.severity),
        "message": {"text": text},
        "locations": locations,
        "partialFingerprints": {"clausecheck/v1": f.fingerprint},
        "properties": properties,
    }
    if f.insertion_point and not f.locations:
        properties["insertionPoint"] = True
    if f.code in rule_index:
        out["ruleIndex"] = rule_index[f.code]
    if isinstance(f, SuppressedFinding):
        s = f.suppression
        entry: dict[str, Any] = {"kind": "inSource" if s.kind == "comment" else "external", "status": "accepted"}
        justification = "; ".join(x for x in (s.reason, s.author and f"by {s.author}", s.source) if x)
        entry["justification"] = justification
        out["suppressions"] = [entry]
    return out


def sarif_log(report: Report, packs: list[Pack]) -> dict[str, Any]:
    """The SARIF log of `report`, with every rule of `packs` described."""
    rules = _rules(packs)
    rule_index = {r["id"]: i for i, r in enumerate(rules)}
    artifacts, results, notifications = [], [], []
    for index, doc in enumerate(report.documents):
        uri = artifact_uri(doc.path)
        artifact: dict[str, Any] = {"location": {"uri": uri}, "mimeType": DOCX_MIME}
        if doc.lang:
            artifact["properties"] = {"lang": doc.lang, "pack": doc.pack}
        artifacts.append(artifact)
        if doc.error:
            notifications.append(_notification(doc, uri, index))
            continue
        for f in [*doc.findings, *doc.suppressed]:
            results.append(_result(f, uri, index, rule_index, doc.locale or doc.lang or "en"))
    run = {
        "tool": {
            "driver": {
                "name": "clausecheck",
                "version": report.version,
                "semanticVersion": report.version,
                "rules": rules,
            }
        },
        "invocations": [{"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}],
        "artifacts": artifacts,
        "results": results,
        "properties": {"packs": report.packs},
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def _notification(doc: DocumentResult, uri: str, index: int) -> dict[str, Any]:
    return {
        "level": "error",
        "message": {"text": doc.error or ""},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri, "index": index}}}],
        "properties": {"errorType": doc.error_type},
    }


def render_sarif(report: Report, packs: list[Pack]) -> str:
    """The SARIF log as JSON text."""
    return json.dumps(sarif_log(report, packs), ensure_ascii=False, indent=2) + "\n"
