"""Accepted findings: a reviewer's Word comment or a baseline file keeps a finding from being reported as new.

A safety officer accepts a finding where she works, in Word: a comment on a
clause that reads `clausecheck: accept ppe.provided — the client's own PPE
policy applies` accepts that rule's findings on that clause (the paragraphs
the comment is anchored on; several rules may be listed, by id or code,
separated by commas). A missing duty is accepted by such a comment on its
insertion point. `clausecheck: accept ppe.provided everywhere` (or `全部`)
accepts the rule's findings anywhere in the agreement. A rule renamed since
keeps answering to its old id or code (its aliases), in comments and in
baselines alike.
A team accepts the state of a whole folder with a baseline file
(`--write-baseline`, then `--baseline` on later runs): a finding is listed by
rule and by the fingerprint of its clause text, so it stays accepted while
the clause's words stay the same, wherever the clause moves. A missing duty
has no clause text, so its entry also names the agreement.

Accepted findings are never dropped: they move to `DocumentResult.suppressed`
with the reason, where reports count them and show them on request.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from clausecheck._lazy_re import lazy_compile
from clausecheck.document.model import Document
from clausecheck.dsl.registry import RuleRegistry
from clausecheck.errors import UsageError
from clausecheck.findings import DocumentResult, Finding, Report, SuppressedFinding, Suppression, fingerprint
from clausecheck.report.output import write_atomically

_ACCEPT = lazy_compile(
    r"clausecheck\s*[:：]\s*(?:accept|接受)\s+(?P<rules>[\w.\-]+(?:\s*[,，、]\s*[\w.\-]+)*)"
    r"(?:\s+(?P<everywhere>everywhere\b|全部|全文))?\s*(?P<reason>.*)",
    re.IGNORECASE,
)
_REASON_LEAD = " \t—–-:：,，;；"
BASELINE_FORMAT = 1


@dataclass(frozen=True)
class Acceptance:
    """One rule accepted by one Word comment."""

    rule: str
    reason: str
    author: str
    comment_id: str
    block_ids: tuple[str, ...] = ()
    """the paragraphs the comment is anchored on: the clause it accepts the rule for"""
    everywhere: bool = False


def comment_acceptances(document: Document) -> list[Acceptance]:
    """Every `clausecheck: accept RULE[, RULE] — reason` line in the agreement's Word comments."""
    found = []
    for comment in document.comments:
        for line in comment.text.splitlines():
            match = _ACCEPT.search(line)
            if match is None:
                continue
            reason = match["reason"].strip().lstrip(_REASON_LEAD).strip()
            everywhere = bool(match["everywhere"])
            for rule in re.split(r"\s*[,，、]\s*", match["rules"]):
                found.append(Acceptance(rule, reason, comment.author, comment.id, comment.block_ids, everywhere))
    return found


def unknown_acceptances(acceptances: Iterable[Acceptance], registry: RuleRegistry) -> list[Acceptance]:
    """Acceptances naming no rule of the packs: most likely a typo the reviewer should hear about."""
    return [a for a in acceptances if registry.find(a.rule) is None]


def _suppress(result: DocumentResult, why: dict[int, Suppression]) -> DocumentResult:
    """`result` with the findings at the indices of `why` moved to `suppressed`."""
    if not why:
        return result
    kept = [f for i, f in enumerate(result.findings) if i not in why]
    moved = [SuppressedFinding(**f.model_dump(), suppression=why[i]) for i, f in enumerate(result.findings) if i in why]
    return result.model_copy(update={"findings": kept, "suppressed": [*result.suppressed, *moved]})


def _covers(a: Acceptance, f: Finding, registry: RuleRegistry) -> bool:
    """Whether acceptance `a` accepts finding `f`: same rule (by id, code or old name), and on its clause
    (or everywhere)."""
    rule = registry.find(a.rule)
    if rule is None or rule.id != f.rule:
        return False
    if a.everywhere:
        return True
    blocks = {loc.block_id for loc in f.locations} or ({f.insertion_point.block_id} if f.insertion_point else set())
    return bool(blocks & set(a.block_ids))


def accept_by_comments(
    result: DocumentResult, acceptances: Iterable[Acceptance], registry: RuleRegistry
) -> DocumentResult:
    """Move the findings a comment accepts (its rule, on the clause it is anchored on) to `suppressed`."""
    acceptances = list(acceptances)
    why = {}
    for i, f in enumerate(result.findings):
        a = next((a for a in acceptances if _covers(a, f, registry)), None)
        if a is not None:
            why[i] = Suppression(kind="comment", source=f"comment {a.comment_id}", reason=a.reason, author=a.author)
    return _suppress(result, why)


class Baseline:
    """Accepted findings from a baseline file: (rule, fingerprint), plus the agreement for a missing duty.

    Paths in the file are relative to its own folder, so a baseline committed
    beside the agreements works from any working directory and checkout.
    """

    def __init__(self, path: str | os.PathLike[str], keys: set[tuple[str, str, str | None]]) -> None:
        self.path = Path(path)
        self.keys = keys
        self._folder = self.path.resolve().parent

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Baseline:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise UsageError(f"baseline {path}: no such file", hint="create it with --write-baseline") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            raise UsageError(
                f"baseline {path}: cannot be read ({e})", hint="write it again with --write-baseline"
            ) from None
        entries = data.get("findings") if isinstance(data, dict) else None
        if not isinstance(entries, list) or data.get("format") != BASELINE_FORMAT:
            raise UsageError(f"baseline {path}: not a clausecheck baseline file", hint="write it with --write-baseline")
        keys = set()
        for entry in entries:
            try:
                keys.add((entry["rule"], entry["fingerprint"], entry.get("path")))
            except (TypeError, KeyError):
                raise UsageError(f"baseline {path}: an entry lacks its rule or fingerprint: {entry!r}") from None
        return cls(path, keys)

    def relative(self, document_path: str) -> str:
        """The agreement's path as the baseline file records it."""
        return Path(os.path.relpath(os.path.abspath(document_path), self._folder)).as_posix()

    def accept(self, result: DocumentResult, registry: RuleRegistry) -> DocumentResult:
        """Move the findings the baseline lists, under the rule's id or an old name, to `suppressed`."""
        where = self.relative(result.path)
        why = {}
        for i, f in enumerate(result.findings):
            if any(key in self.keys for key in _keys(f, where, registry)):
                why[i] = Suppression(kind="baseline", source=self.path.as_posix(), reason="listed in the baseline")
        return _suppress(result, why)


def _key(finding: Finding, path: str) -> tuple[str, str, str | None]:
    return finding.rule, finding.fingerprint, None if finding.locations else path


def _keys(finding: Finding, path: str, registry: RuleRegistry) -> list[tuple[str, str, str | None]]:
    """The entries that list `finding`: under its rule's id, and as a baseline written before a rename would."""
    rule = registry.find(finding.rule)
    old = rule.aliases if rule is not None else ()
    excerpts = [loc.excerpt for loc in finding.locations]
    at = None if finding.locations else path
    return [_key(finding, path), *((name, fingerprint(name, excerpts), at) for name in old)]


def write_baseline(path: str | os.PathLike[str], report: Report) -> int:
    """Write every finding of `report` not accepted by a comment to a baseline file; the number written.

    Written as reports are (`write_atomically`): whole or not at all, and never over an agreement of `report`.
    """
    baseline = Baseline(path, set())
    entries = []
    for result in report.documents:
        where = baseline.relative(result.path)
        findings = [*result.findings, *(f for f in result.suppressed if f.suppression.kind == "baseline")]
        for f in findings:
            rule, fingerprint, at = _key(f, where)
            entry = {"rule": rule, "code": f.code, "fingerprint": fingerprint, "path": at}
            entry["note"] = f"{where}: {f.locations[0].clause or f.locations[0].block_id}" if f.locations else where
            entries.append(entry)
    unique = {json.dumps(e, sort_keys=True): e for e in entries}
    ordered = sorted(unique.values(), key=lambda e: (e["path"] or "", e["rule"], e["fingerprint"], e["note"]))
    text = json.dumps(
        {"format": BASELINE_FORMAT, "tool": "clausecheck", "findings": ordered}, ensure_ascii=False, indent=2
    )
    write_atomically(path, (text + "\n").encode("utf-8"), never=tuple(r.path for r in report.documents))
    return len(ordered)
