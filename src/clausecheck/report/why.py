"""Why a topic's verdict came out as it did: every sentence that mentioned it, and what became of each.

A pack author debugging a verdict, or anyone doing error analysis, needs the
chain the checker followed: which parties it found and why each got its
side; then, for every sentence part whose words touch the topic, the terms
and near words found, the exclusions that fired, whether the part addresses
the topic, the bearer decided and from what (its subject, the agent, a
heading, a lead-in, a table...), the modality and qualifiers, and which of
the rule's patterns the statement fed: settles, demoted to ambiguous, or
rejected.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from clausecheck.document.model import Document
from clausecheck.dsl.model import Pack
from clausecheck.engine import fired_patterns
from clausecheck.extract.extractor import extract
from clausecheck.extract.lexicon import lexicon
from clausecheck.extract.model import PartTrace, Statement
from clausecheck.extract.roles import assign_roles
from clausecheck.findings import TopicVerdict

_AMBIGUOUS = {
    "weak": "a hedged verb",
    "vague": "vague content",
    "dangling": "a document it neither attaches nor identifies",
    "no_actor": "no party named as its bearer",
    "negated": "a denied duty",
}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PartyView(_Model):
    """One party and what decided its side."""

    names: list[str]
    side: str | None = Field(description="client, provider, or None when the agreement does not show it")
    votes: dict[str, int] = Field(description="role words in its names and definitions, plus capped conduct")
    conduct: dict[str, int] = Field(description="what the agreement says it does right after its names")
    worker: bool
    duties: int = Field(description="how often one of its names opens a duty")
    principal: bool = Field(description="one of the agreement's two sides")


class PartView(_Model):
    """One sentence part whose words touch the topic."""

    block_id: str
    clause: str | None
    text: str
    topic_words: list[str] = Field(default_factory=list)
    near_words: list[list[str]] = Field(default_factory=list, description="per near group")
    excluded: list[str] = Field(default_factory=list, description="excluded phrases found")
    unless: list[str] = Field(default_factory=list, description="ruling-out context found")
    addressed: bool = Field(description="whether the part addresses the topic (its own words, or a heading's)")
    from_heading: bool = False
    statement: int | None = None
    bearer: str = "none"
    bearer_words: str = ""
    bearer_from: str = "none"
    each_own: bool = False
    modality: str = "none"
    modal_words: str = ""
    qualifiers: list[str] = Field(default_factory=list)
    references: list[str] = Field(default_factory=list)
    exemption: str | None = None
    fed: list[str] = Field(default_factory=list, description="rule: pattern the statement fed in the engine")
    outcome: str = Field(description="accepted, demoted to ambiguous, in conflict, or rejected, and why")


class WhyReport(_Model):
    """The extraction trace behind one topic verdict."""

    path: str
    topic: str
    title: str
    verdict: TopicVerdict | None
    roles: dict[str, list[str]]
    undecided: list[str]
    parties: list[PartyView]
    parts: list[PartView]


def why(document: Document, pack: Pack, topic: str, verdict: TopicVerdict | None) -> WhyReport:
    """Trace `topic` through `document` as `pack` reads it; `verdict` is the checker's row for it."""
    (report,) = why_each(document, pack, {topic: verdict})
    return report


def why_each(document: Document, pack: Pack, verdicts: dict[str, TopicVerdict | None]) -> list[WhyReport]:
    """One trace per topic of `verdicts`, from one extraction of the agreement."""
    trace: list[PartTrace] = []
    facts = extract(document, pack, all_statements=True, trace=trace)
    parties = [
        PartyView(
            names=list(p.names),
            side=p.side,
            votes=p.votes,
            conduct=p.conduct,
            worker=p.worker,
            duties=p.duties,
            principal=p.principal,
        )
        for p in assign_roles(document, lexicon(pack)).evidence
    ]
    fed = fired_patterns(pack, facts)
    by_id = {s.id: s for s in facts.statements}
    return [
        WhyReport(
            path=document.source,
            topic=topic,
            title=pack.topics[topic].title,
            verdict=verdict,
            roles=facts.roles,
            undecided=facts.undecided,
            parties=parties,
            parts=_parts(trace, topic, {r.id for r in pack.rules if r.topic == topic}, by_id, fed),
        )
        for topic, verdict in verdicts.items()
    ]


def _parts(
    trace: list[PartTrace],
    topic: str,
    rules: set[str],
    by_id: dict[int, Statement],
    fed: dict[int, list[tuple[str, str]]],
) -> list[PartView]:
    parts = []
    for part in trace:
        check = next((c for c in part.checks if c.topic == topic), None)
        if check is None and topic not in part.inherited:
            continue
        statement = by_id.get(part.statement) if part.statement is not None else None
        addressed = bool(statement and any(t.topic == topic for t in statement.topics))
        patterns = [(rule, p) for rule, p in fed.get(statement.id, []) if rule in rules] if statement else []
        parts.append(
            PartView(
                block_id=part.block_id,
                clause=part.clause,
                text=part.text,
                topic_words=check.terms if check else [],
                near_words=check.near if check else [],
                excluded=check.excluded if check else [],
                unless=check.unless if check else [],
                addressed=addressed,
                from_heading=addressed and not (check and check.accepted),
                statement=part.statement,
                fed=[f"{rule}: {p}" for rule, p in patterns],
                outcome=_outcome(check.reason if check else "", statement, addressed, [p for _, p in patterns]),
                **(_statement_fields(statement) if statement else {}),
            )
        )
    return parts


def _statement_fields(s: Statement) -> dict[str, object]:
    return {
        "bearer": s.actor.role,
        "bearer_words": s.actor.words,
        "bearer_from": s.actor.source,
        "each_own": s.actor.each_own,
        "modality": s.modality,
        "modal_words": s.modal_words,
        "qualifiers": [f"{q.kind}: {q.words}" for q in s.qualifiers],
        "references": [("" if r.resolved else "dangling: ") + r.title for r in s.references],
        "exemption": s.exemption,
    }


def _outcome(reason: str, statement: Statement | None, addressed: bool, patterns: list[str]) -> str:
    if not addressed:
        return f"rejected: {reason}" if reason and reason != "addressed" else "rejected: no duty or exemption in it"
    if "conflict" in patterns:
        return "in conflict with another clause that puts the same duty on the other side"
    if "settles" in patterns:
        return "accepted: settles the topic"
    weak = [_AMBIGUOUS[p] for p in patterns if p in _AMBIGUOUS]
    if weak:
        return "demoted to ambiguous: " + ", ".join(weak)
    if "other_actor" in patterns:
        return "not counted: borne by a party the rule does not accept (alone, it leaves the duty missing)"
    if statement is not None and statement.exemption:
        return f"an exemption ({statement.exemption})" + (": void" if "void" in patterns else "")
    return "not counted: no binding duty on a party the rule accepts"


def why_lines(report: WhyReport) -> list[str]:
    """The trace as text for a terminal."""
    v = report.verdict
    head = f"{report.path}: {report.topic} ({report.title})"
    lines = [head, "=" * min(len(head), 100)]
    if v is not None:
        kinds = f"/{','.join(v.kinds)}" if v.kinds else ""
        lines.append(f"verdict: {v.status}{kinds}, party {v.party}, clauses {', '.join(v.clauses) or '-'}")
    lines += ["", "parties:"]
    for p in report.parties:
        side = p.side or "undecided"
        marks = " principal" if p.principal else ""
        marks += " worker" if p.worker else ""
        votes = ", ".join(f"{k} {n}" for k, n in p.votes.items() if n) or "no votes"
        conduct = ", ".join(f"{k} {n}" for k, n in p.conduct.items() if n) or "none"
        lines.append(f"  {' = '.join(p.names)}: {side}{marks} (votes: {votes}; conduct: {conduct}; duties {p.duties})")
    roles = "; ".join(f"{r}: {', '.join(a)}" for r, a in report.roles.items())
    lines.append(f"  names: {roles or '(none found)'}")
    if report.undecided:
        lines.append(f"  undecided: {', '.join(report.undecided)}")
    lines += ["", f"sentences that mention it ({len(report.parts)}):"]
    for part in report.parts:
        lines.append(f"  [{part.clause or part.block_id}] {part.text}")
        words = ", ".join(part.topic_words) or ("(from the heading)" if part.from_heading else "-")
        detail = f"words: {words}"
        if part.near_words:
            detail += "; near: " + " | ".join(", ".join(group) or "-" for group in part.near_words)
        if part.excluded:
            detail += f"; excluded: {', '.join(part.excluded)}"
        if part.unless:
            detail += f"; unless: {', '.join(part.unless)}"
        lines.append(f"      {detail}")
        if part.statement is not None:
            own = " (each for its own)" if part.each_own else ""
            bearer = f"{part.bearer}{own} «{part.bearer_words}» from {part.bearer_from}"
            lines.append(f"      bearer: {bearer}; modality: {part.modality} «{part.modal_words}»")
            extra = [*part.qualifiers, *part.references] + ([f"exemption: {part.exemption}"] if part.exemption else [])
            if extra:
                lines.append(f"      {'; '.join(extra)}")
            if part.fed:
                lines.append(f"      engine: {'; '.join(part.fed)}")
        lines.append(f"      -> {part.outcome}")
    return lines
