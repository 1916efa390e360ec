"""Pack test cases: short agreements beside a pack, with what they must and must not produce.

A pack folder holds `cases/*.yaml`; each file has a list under `cases:`.
A case gives the agreement in the compact notation the document composer
renders to a real .docx (one paragraph per line, `# ` for a heading, clause
labels written as text), and two lists of expectations:

    - id: ppe-provider-en
      lang: en
      text: |
        # Health and Safety
        3.3 The Supplier shall supply each Engineer with personal protective equipment.
      fires:
        - topic ppe: present by provider
      not_fires:
        - ppe.provided

An expectation names a rule (id or code), optionally with
`status[/kind][ by party][ at clause]` — `ppe.provided: ambiguous/weak_modality at 4.1`
— or a row of the topic matrix, `topic ppe: present`. `at 5.2` (or `at 5.2, 7.1`)
says where the finding must point, as semgrep's `ruleid:` marks a line: a
finding on the right rule but the wrong clause does not count. `todo: "why"`
marks a known gap: the case is expected to fail, and fails the run as soon as
it passes, until the todo is removed.

`check_case` proves a case is coherent with the resolved pack (every rule,
topic, status, kind and party it names exists); `evaluate_case` judges a
checker result against the expectations (`clausecheck.testing.runner.run_case`
renders a case to a real .docx and runs the whole checker on it). The files
are read by `clausecheck.testing.casefile`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator

from clausecheck.dsl.diagnostics import did_you_mean
from clausecheck.dsl.model import ForbidRule, Pack, RequireRule
from clausecheck.findings import DocumentResult, Location
from clausecheck.types import FindingKind, FindingStatus, Lang, PartyRole, TopicStatus, VerdictKind

_EXPECTATION = re.compile(r"^\s*(?P<status>[a-z_]+)?\s*(?:/\s*(?P<kind>[a-z_]+))?\s*(?:\bby\s+(?P<party>[a-z_]+))?\s*$")
_AT = re.compile(r"^(?P<head>.*?)(?:^|\s+)at\s+(?P<clauses>\S.*?)\s*$")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Expectation(_Model):
    """One finding (or topic-matrix row) a case must or must not produce."""

    target: Literal["rule", "topic"]
    name: str = Field(description="rule id or code; or topic id")
    status: str | None = None
    kind: str | None = None
    party: str | None = None
    at: tuple[str, ...] = Field((), description="clauses the finding (or row) must point at, each of them")
    written: str = Field(description="the expectation as written, for messages")
    line: int = Field(0, description="where it is written in its case file")

    @classmethod
    def parse(cls, item: Any, line: int = 0) -> Expectation:
        """`ppe.provided`, `ppe.provided at 5.2`, `{ppe.provided: ambiguous/weak_modality at 4.1}` or
        `{topic ppe: present by provider}`."""
        if isinstance(item, str):
            key, value = item, None
        elif isinstance(item, dict) and len(item) == 1:
            ((key, value),) = item.items()
        else:
            raise ValueError(f"an expectation is a rule id or one 'name: status' pair, not {item!r}")
        key, value = str(key).strip(), None if value is None else str(value).strip()
        written = key if value is None else f"{key}: {value}"
        key, at_key = _split_at(key)
        value, at_value = _split_at(value) if value is not None else (None, ())
        if at_key and at_value:
            raise ValueError(f"'{written}' says 'at' twice: write it once, at the end")
        target: Literal["rule", "topic"] = "rule"
        if key.startswith("topic "):
            target, key = "topic", key[len("topic ") :].strip()
        match = _EXPECTATION.match(value or "")
        if not match:
            raise ValueError(
                f"cannot read '{value}': write status[/kind][ by party][ at clause], e.g. ambiguous/vague by provider"
            )
        if target == "topic" and not match["status"]:
            raise ValueError(f"'topic {key}' needs a status: present, ambiguous or missing")
        return cls(
            target=target,
            name=key,
            status=match["status"],
            kind=match["kind"],
            party=match["party"],
            at=at_key or at_value,
            written=written,
            line=line,
        )


def _split_at(text: str) -> tuple[str, tuple[str, ...]]:
    """`ambiguous at 5.2, 7.1` -> ('ambiguous', ('5.2', '7.1'))."""
    match = _AT.match(text)
    if match is None:
        return text, ()
    return match["head"].strip(), tuple(c.strip() for c in match["clauses"].split(",") if c.strip())


class PackCase(_Model):
    """One test case of a pack."""

    id: str
    lang: Lang
    text: str = Field(description="the agreement in compact notation: one paragraph per line, '# ' headings")
    fires: tuple[Expectation, ...] = ()
    not_fires: tuple[Expectation, ...] = ()
    todo: str | None = Field(None, description="a known gap: the case is expected to fail, for this reason")
    note: str = ""
    file: str = Field("", description="the YAML file it was read from")
    line: int = Field(0, description="the line of its id in that file")

    @field_validator("fires", "not_fires", mode="before")
    @classmethod
    def _expectations(cls, value: Any) -> tuple[Expectation, ...]:
        if value is None:
            return ()
        if not isinstance(value, (list, tuple)):
            raise ValueError("a list of expectations")
        return tuple(item if isinstance(item, Expectation) else Expectation.parse(item) for item in value)


class CaseOutcome(_Model):
    """The verdict on one case: passed, or the expectations that failed, and what the checker found instead."""

    case: str
    outcome: Literal["pass", "fail", "xfail", "xpass"]
    failures: tuple[str, ...] = ()
    found: tuple[str, ...] = Field(
        (), description="the topic verdicts, findings and statements of the case's agreement, when asked for"
    )

    @property
    def ok(self) -> bool:
        """Passing, or failing as its todo says it will."""
        return self.outcome in ("pass", "xfail")

    def message(self) -> str:
        """What went wrong and what was found: for a test's failure message or a terminal."""
        lines = list(self.failures)
        if self.outcome == "xpass":
            lines.append("the case passes now: remove its todo")
        return "\n".join([*lines, *self.found])


# ---- checking against the pack -----------------------------------------------------------------------------

_RULE_STATUSES = {"require": ("missing", "ambiguous", "conflict"), "forbid": ("forbidden",)}
_FINDING_STATUSES = get_args(FindingStatus)
_FINDING_KINDS = get_args(FindingKind)
_TOPIC_STATUSES = get_args(TopicStatus)
_VERDICT_KINDS = get_args(VerdictKind)
_PARTIES = get_args(PartyRole)


def check_case(case: PackCase, pack: Pack) -> list[str]:
    """What in `case` does not fit the resolved pack (unknown rule, topic, status...); empty when coherent.

    Each problem starts with `file:line:` of the expectation at fault when the case was read from a file.
    """
    problems = []
    if not case.text.strip():
        problems.append(f"{_where(case, 0)}the text is empty")
    if not case.fires and not case.not_fires:
        problems.append(f"{_where(case, 0)}the case expects nothing: add fires or not_fires")
    for expectation in (*case.fires, *case.not_fires):
        where = _where(case, expectation.line)
        problems += [f"{where}{expectation.written}: {p}" for p in _check_expectation(expectation, pack)]
    both = {e.written for e in case.fires} & {e.written for e in case.not_fires}
    problems += [f"{_where(case, 0)}{w}: listed under both fires and not_fires" for w in sorted(both)]
    return problems


def _where(case: PackCase, line: int) -> str:
    return f"{case.file}:{line or case.line}: " if case.file else ""


def _rule_of(pack: Pack, name: str) -> RequireRule | ForbidRule | None:
    try:
        return pack.rule(name)
    except KeyError:
        return None


def _check_expectation(e: Expectation, pack: Pack) -> list[str]:
    problems = []
    if e.party is not None and e.party not in _PARTIES:
        problems.append(f"unknown party '{e.party}' ({', '.join(_PARTIES)})")
    if e.target == "topic":
        required = {r.topic for r in pack.rules if isinstance(r, RequireRule)}
        if e.name not in required:
            hint = did_you_mean(e.name, required)
            problems.append(f"no require rule of pack '{pack.id}' has topic '{e.name}'" + (f"; {hint}" if hint else ""))
        if e.status not in _TOPIC_STATUSES:
            problems.append(f"a topic's status is one of {', '.join(_TOPIC_STATUSES)}")
        if e.kind is not None and e.kind not in _VERDICT_KINDS:
            problems.append(f"unknown kind '{e.kind}' ({', '.join(_VERDICT_KINDS)})")
        return problems
    rule = _rule_of(pack, e.name)
    if rule is None:
        disabled = {d.id: d for d in pack.disabled}
        if e.name in disabled:
            problems.append(f"rule '{e.name}' is disabled in pack '{pack.id}'")
        else:
            hint = did_you_mean(e.name, [r.id for r in pack.rules])
            problems.append(f"pack '{pack.id}' has no rule '{e.name}'" + (f"; {hint}" if hint else ""))
        return problems
    if e.name in rule.aliases:
        problems.append(f"'{e.name}' is an old name of rule '{rule.id}': write {rule.id} or {rule.code}")
    if e.status is not None:
        allowed = _RULE_STATUSES[rule.kind]
        if e.status not in _FINDING_STATUSES:
            problems.append(f"unknown status '{e.status}' ({', '.join(_FINDING_STATUSES)})")
        elif e.status not in allowed:
            problems.append(f"a {rule.kind} rule's findings are {' or '.join(allowed)}, never '{e.status}'")
    if e.kind is not None and e.kind not in _FINDING_KINDS:
        problems.append(f"unknown kind '{e.kind}' ({', '.join(_FINDING_KINDS)})")
    return problems


def untested_rules(pack: Pack, cases: list[PackCase]) -> list[str]:
    """Rules the pack itself declares that lack a must-fire or a must-not-fire case (todo cases do not count)."""
    fires: set[str] = set()
    quiet: set[str] = set()
    for case in cases:
        if case.todo:
            continue
        for seen, expectations in ((fires, case.fires), (quiet, case.not_fires)):
            for e in expectations:
                rule = _rule_of(pack, e.name) if e.target == "rule" else None
                if rule is not None:
                    seen.add(rule.id)
    gaps = []
    for rule in pack.rules:
        if rule.origin.pack != pack.id:
            continue
        missing = [what for what, seen in (("must-fire", fires), ("must-not-fire", quiet)) if rule.id not in seen]
        if missing:
            gaps.append(f"rule {rule.id} has no {' and no '.join(missing)} case")
    return gaps


def names(case: PackCase, pack: Pack) -> set[str]:
    """Every name a case answers to for `packs test -k`: its id, and each rule (id and code) or topic it expects."""
    out = {case.id}
    for e in (*case.fires, *case.not_fires):
        rule = _rule_of(pack, e.name) if e.target == "rule" else None
        out |= {rule.id, rule.code} if rule is not None else {e.name}
    return out


# ---- judging an engine result ----------------------------------------------------------------------------


def _points_at(locations: Sequence[Location], clauses: Sequence[str], at: tuple[str, ...]) -> bool:
    """Whether every clause of `at` is among the places a finding or row points at (a clause label or block id)."""
    places = {*clauses, *(loc.clause for loc in locations if loc.clause), *(loc.block_id for loc in locations)}
    return all(clause in places for clause in at)


def _holds(e: Expectation, result: DocumentResult) -> bool:
    if e.target == "topic":
        return any(
            row.topic == e.name
            and row.status == e.status
            and (e.kind is None or e.kind in row.kinds)
            and (e.party is None or row.party == e.party)
            and _points_at(row.locations, row.clauses, e.at)
            for row in result.topics
        )
    return any(
        e.name in (f.rule, f.code)
        and (e.status is None or f.status == e.status)
        and (e.kind is None or f.kind == e.kind)
        and (e.party is None or f.party == e.party)
        and _points_at(f.locations, (), e.at)
        for f in result.findings
    )


def evaluate_case(case: PackCase, result: DocumentResult) -> CaseOutcome:
    """Judge the checker's result on the case's agreement against its expectations."""
    failures = [f"expected {e.written}, not found" for e in case.fires if not _holds(e, result)]
    failures += [f"expected no {e.written}, but it was found" for e in case.not_fires if _holds(e, result)]
    if case.todo:
        outcome: Literal["pass", "fail", "xfail", "xpass"] = "xpass" if not failures else "xfail"
    else:
        outcome = "fail" if failures else "pass"
    return CaseOutcome(case=case.id, outcome=outcome, failures=tuple(failures))
