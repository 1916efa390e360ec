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
`status[/kind][ by party]` — `ppe.provided: ambiguous/weak_modality` — or a
row of the topic matrix, `topic ppe: present`. `todo: "why"` marks a known
gap: the case is expected to fail (and is reported when it starts passing).

`check_case` proves a case is coherent with the resolved pack (every rule,
topic, status, kind and party it names exists); `evaluate_case` judges a
checker result against the expectations (`clausecheck.testing.runner.run_case`
renders a case to a real .docx and runs the whole checker on it).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal, get_args

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from clausecheck.dsl.diagnostics import did_you_mean, syntax_error
from clausecheck.dsl.model import ForbidRule, Pack, RequireRule
from clausecheck.errors import PackError
from clausecheck.findings import DocumentResult
from clausecheck.types import FindingKind, FindingStatus, Lang, PartyRole, TopicStatus, VerdictKind

CASES_DIR = "cases"

_EXPECTATION = re.compile(r"^\s*(?P<status>[a-z_]+)?\s*(?:/\s*(?P<kind>[a-z_]+))?\s*(?:\bby\s+(?P<party>[a-z_]+))?\s*$")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Expectation(_Model):
    """One finding (or topic-matrix row) a case must or must not produce."""

    target: Literal["rule", "topic"]
    name: str = Field(description="rule id or code; or topic id")
    status: str | None = None
    kind: str | None = None
    party: str | None = None
    written: str = Field(description="the expectation as written, for messages")

    @classmethod
    def parse(cls, item: Any) -> Expectation:
        """`ppe.provided`, `{ppe.provided: ambiguous/weak_modality}` or `{topic ppe: present by provider}`."""
        if isinstance(item, str):
            key, value = item, None
        elif isinstance(item, dict) and len(item) == 1:
            ((key, value),) = item.items()
        else:
            raise ValueError(f"an expectation is a rule id or one 'name: status' pair, not {item!r}")
        key = str(key).strip()
        target: Literal["rule", "topic"] = "rule"
        if key.startswith("topic "):
            target, key = "topic", key[len("topic ") :].strip()
        match = _EXPECTATION.match("" if value is None else str(value))
        if not match:
            raise ValueError(f"cannot read {value!r}: write status[/kind][ by party], e.g. ambiguous/vague by provider")
        written = key if value is None else f"{'topic ' if target == 'topic' else ''}{key}: {value}"
        if target == "topic" and not match["status"]:
            raise ValueError(f"'topic {key}' needs a status: present, ambiguous or missing")
        return cls(
            target=target, name=key, status=match["status"], kind=match["kind"], party=match["party"], written=written
        )


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
        if not isinstance(value, list):
            raise ValueError("a list of expectations")
        return tuple(item if isinstance(item, Expectation) else Expectation.parse(item) for item in value)


class CaseOutcome(_Model):
    """The verdict on one case: passed, or the expectations that failed."""

    case: str
    outcome: Literal["pass", "fail", "xfail", "xpass"]
    failures: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """Passing, or failing as its todo says it will."""
        return self.outcome in ("pass", "xfail")


# ---- loading ---------------------------------------------------------------------------------------------


def cases_dir(pack: Pack) -> Path:
    """The folder of the pack's own cases (beside its pack file)."""
    return Path(pack.path).parent / CASES_DIR


def load_cases(pack: Pack) -> list[PackCase]:
    """Every case in the pack's `cases/*.yaml`, in file order; a malformed file is a `PackError`."""
    cases: list[PackCase] = []
    seen: dict[str, PackCase] = {}
    folder = cases_dir(pack)
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        for case in _read(path):
            if case.id in seen:
                first = seen[case.id]
                raise _error(path, case.line, f"case id '{case.id}' is also used at {first.file}:{first.line}")
            seen[case.id] = case
            cases.append(case)
    return cases


def _read(path: Path) -> list[PackCase]:
    text = path.read_text(encoding="utf-8-sig")
    try:
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise syntax_error(f"invalid YAML: {e.problem}", file=str(path), text=text, line=line, column=column) from None
    if not isinstance(data, dict) or not isinstance(data.get("cases"), list):
        raise _error(path, 1, "a case file holds a list under 'cases:'", text=text)
    out = []
    for raw in data["cases"]:
        case_id = raw.get("id") if isinstance(raw, dict) else None
        line = _line_of(text, case_id)
        if not isinstance(raw, dict):
            raise _error(path, line, "each case is a mapping with id, lang, text, fires, not_fires", text=text)
        try:
            out.append(PackCase(**raw, file=str(path), line=line))
        except ValidationError as e:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in err['loc']) or 'case'}: {err['msg']}" for err in e.errors()
            )
            raise _error(path, line, f"case '{case_id}': {problems}", text=text) from None
        except TypeError as e:
            raise _error(path, line, f"case '{case_id}': {e}", text=text) from None
    return out


def _line_of(text: str, case_id: Any) -> int:
    if case_id is not None:
        m = re.search(rf"^\s*-?\s*id:\s*['\"]?{re.escape(str(case_id))}['\"]?\s*$", text, re.MULTILINE)
        if m:
            return text.count("\n", 0, m.start()) + 1
    return 1


def _error(path: Path, line: int, message: str, *, text: str | None = None) -> PackError:
    source = text if text is not None else path.read_text(encoding="utf-8-sig")
    return syntax_error(message, file=str(path), text=source, line=line, column=1)


# ---- checking against the pack -----------------------------------------------------------------------------

_RULE_STATUSES = {"require": ("missing", "ambiguous", "conflict"), "forbid": ("forbidden",)}
_FINDING_STATUSES = get_args(FindingStatus)
_FINDING_KINDS = get_args(FindingKind)
_TOPIC_STATUSES = get_args(TopicStatus)
_VERDICT_KINDS = get_args(VerdictKind)
_PARTIES = get_args(PartyRole)


def check_case(case: PackCase, pack: Pack) -> list[str]:
    """What in `case` does not fit the resolved pack (unknown rule, topic, status...); empty when coherent."""
    problems = []
    if not case.text.strip():
        problems.append("the text is empty")
    if not case.fires and not case.not_fires:
        problems.append("the case expects nothing: add fires or not_fires")
    for expectation in (*case.fires, *case.not_fires):
        problems += [f"{expectation.written}: {p}" for p in _check_expectation(expectation, pack)]
    both = {e.written for e in case.fires} & {e.written for e in case.not_fires}
    problems += [f"{w}: listed under both fires and not_fires" for w in sorted(both)]
    return problems


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


# ---- judging an engine result ----------------------------------------------------------------------------


def _holds(e: Expectation, result: DocumentResult) -> bool:
    if e.target == "topic":
        return any(
            row.topic == e.name
            and row.status == e.status
            and (e.kind is None or e.kind in row.kinds)
            and (e.party is None or row.party == e.party)
            for row in result.topics
        )
    return any(
        e.name in (f.rule, f.code)
        and (e.status is None or f.status == e.status)
        and (e.kind is None or f.kind == e.kind)
        and (e.party is None or f.party == e.party)
        for f in result.findings
    )


def evaluate_case(case: PackCase, result: DocumentResult) -> CaseOutcome:
    """Judge the checker's result on the case's agreement against its expectations."""
    failures = [f"expected {e.written}, not found" for e in case.fires if not _holds(e, result)]
    failures += [f"expected no {e.written}, but it was found" for e in case.not_fires if _holds(e, result)]
    if case.todo:
        outcome = "xpass" if not failures else "xfail"
    else:
        outcome = "fail" if failures else "pass"
    return CaseOutcome(case=case.id, outcome=outcome, failures=tuple(failures))
