"""A portfolio's figures, counted in one pass over its results: what the portfolio page shows.

The results of 500,000 agreements do not fit in memory, and the page does not
need them: it needs counts per topic and status, per rule, per counterparty and
per group, and the few worst agreements (kept whole, for their own reports).
`Overview.add` takes one result at a time and keeps only those.

How bad an agreement is: the sum of its findings' severity weights
(`WEIGHTS`), a void clause counting as its severity says. A counterparty is a
party the agreements name for one role (by default the provider: a
legal-operations team usually audits the providers it engages).
"""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass, field

from clausecheck.portfolio.records import PortfolioResult
from clausecheck.types import SEVERITY_ORDER

WEIGHTS = {"critical": 10, "high": 5, "medium": 2, "low": 1, "info": 0}
"""how much each finding adds to an agreement's score"""
COVERAGE = ("present", "ambiguous", "missing", "void", "not_applicable")
"""a topic row counts as void when the clause settling it is void, else as its status"""
SEVERITIES = sorted(SEVERITY_ORDER, key=SEVERITY_ORDER.__getitem__, reverse=True)
UNKNOWN = "—"


def score(result: PortfolioResult) -> int:
    return sum(WEIGHTS[f.severity] for f in result.findings)


def folder(path: str) -> str:
    """The folder of a path or URL (`s3://bucket/2025`, `contracts/north`), `.` for none."""
    head = path.replace("\\", "/").rsplit("/", 1)
    return head[0] if len(head) == 2 and head[0] else "."


@dataclass
class RuleCount:
    code: str
    rule: str
    severity: str
    findings: int = 0
    agreements: int = 0


@dataclass
class GroupCount:
    """Agreements of a counterparty or group: how many, how bad, how many carry a void clause."""

    name: str
    agreements: int = 0
    score: int = 0
    void: int = 0
    serious: int = 0
    missing: int = 0
    errors: int = 0

    @property
    def mean(self) -> float:
        return self.score / max(self.agreements - self.errors, 1)


@dataclass(order=True)
class Ranked:
    """An agreement in the worst-agreements list; ordered by score, then path (reversed, for a stable top)."""

    score: int
    path_key: tuple[int, ...] = field(compare=True)
    result: PortfolioResult = field(compare=False)


@dataclass
class Overview:
    """Counts over every result added, and the `top` worst agreements."""

    by: str | None = None
    party: str = "provider"
    top: int = 25
    agreements: int = 0
    errors: int = 0
    with_void: int = 0
    serious: int = 0
    langs: Counter[str] = field(default_factory=Counter)
    packs: set[str] = field(default_factory=set)
    coverage: dict[str, Counter[str]] = field(default_factory=dict)
    titles: dict[str, dict[str, str]] = field(default_factory=dict)
    severities: Counter[str] = field(default_factory=Counter)
    rules: dict[str, RuleCount] = field(default_factory=dict)
    counterparties: dict[str, GroupCount] = field(default_factory=dict)
    groups: dict[str, GroupCount] = field(default_factory=dict)
    _worst: list[Ranked] = field(default_factory=list)

    def add(self, result: PortfolioResult) -> None:
        self.agreements += 1
        group = self.groups.setdefault(self._group(result), GroupCount(self._group(result)))
        names = sorted({p.name for p in result.parties if p.role == self.party}) or [UNKNOWN]
        tallies = [group, *(self.counterparties.setdefault(n, GroupCount(n)) for n in names)]
        for t in tallies:
            t.agreements += 1
        if result.error:
            self.errors += 1
            for t in tallies:
                t.errors += 1
            return
        if result.lang:
            self.langs[result.lang] += 1
        if result.pack:
            self.packs.add(result.pack)
        for row in result.topics:
            status = "void" if row.void else row.status
            self.coverage.setdefault(row.topic, Counter())[status] += 1
            if row.title and result.locale:
                self.titles.setdefault(row.topic, {}).setdefault(result.locale, row.title)
        seen: set[str] = set()
        for f in result.findings:
            self.severities[f.severity] += 1
            count = self.rules.setdefault(f.rule, RuleCount(f.code, f.rule, f.severity))
            count.findings += 1
            if f.rule not in seen:
                count.agreements += 1
                seen.add(f.rule)
        void = any(f.status == "forbidden" for f in result.findings)
        serious = any(SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER["high"] for f in result.findings)
        missing = sum(row.status == "missing" for row in result.topics)
        self.with_void += void
        self.serious += serious
        points = score(result)
        for t in tallies:
            t.score += points
            t.void += void
            t.serious += serious
            t.missing += missing
        ranked = Ranked(points, tuple(-ord(c) for c in result.path), result)
        if len(self._worst) < self.top:
            heapq.heappush(self._worst, ranked)
        elif ranked > self._worst[0]:
            heapq.heapreplace(self._worst, ranked)

    def _group(self, result: PortfolioResult) -> str:
        if self.by:
            return result.metadata.get(self.by) or UNKNOWN
        return folder(result.path)

    @property
    def worst(self) -> list[PortfolioResult]:
        """The worst agreements, worst first (equal scores by path)."""
        return [r.result for r in sorted(self._worst, reverse=True) if r.score > 0]

    def topic_title(self, topic: str, lang: str) -> str:
        titles = self.titles.get(topic, {})
        return titles.get(lang) or titles.get("en") or next(iter(titles.values()), topic)
