"""Weighing the engine's firings into verdicts: the topic matrix and the findings.

The engine says which statements match which pattern of each rule; this
module weighs that evidence. A topic is present when some binding duty on an
allowed party settles it and nothing contradicts that; otherwise every
weakness found is reported, strongest evidence first.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from clausecheck._lazy_re import lazy_compile
from clausecheck.dsl.model import ForbidRule, Pack, RequireRule
from clausecheck.engine import messages
from clausecheck.engine.citations import localize, select
from clausecheck.engine.compile import CompiledPack
from clausecheck.engine.durable_adapter import RuleMatch
from clausecheck.engine.wording import fill_placeholders
from clausecheck.extract.model import Statement, specific_tag
from clausecheck.findings import Finding, Location, TopicVerdict, fingerprint
from clausecheck.types import Lang


@dataclass(frozen=True)
class Audience:
    """Who reads the findings, and under which law.

    Messages and citations follow `lang`, the report's language; suggested
    wording follows `wording_lang`, the agreement's own, because it is pasted
    into the draft whatever language the reviewer reads the report in.
    """

    lang: Lang
    wording_lang: Lang
    governing: tuple[str, ...] = ()
    all_jurisdictions: bool = False
    agreement: str = ""
    """the agreement's own word for itself (合同, 契約, 合約), for messages"""


# weaknesses in the order a reviewer should fix them
_WEAKNESS_ORDER = ("no_actor", "weak", "vague", "dangling", "other_actor", "negated")
_KIND_OF_PATTERN = {
    "no_actor": "no_actor",
    "weak": "weak_modality",
    "vague": "vague",
    "dangling": "dangling_reference",
    "other_actor": "wrong_bearer",
    "negated": "no_actor",
}


class Evidence:
    """The firings of one document, grouped by pack rule and pattern."""

    def __init__(self, compiled: CompiledPack, matches: list[RuleMatch], statements: list[Statement]) -> None:
        self._by_rule: dict[str, dict[str, list[list[Statement]]]] = defaultdict(lambda: defaultdict(list))
        by_id = {s.id: s for s in statements}
        for match in matches:
            engine_rule = compiled.index[match.rule]
            found = [by_id[fact["stmt"]] for _, fact in sorted(match.facts.items()) if "stmt" in fact]
            self._by_rule[engine_rule.rule][engine_rule.pattern].append(found)

    def fired(self, rule: str, pattern: str) -> bool:
        return pattern in self._by_rule.get(rule, {})

    def statements(self, rule: str, pattern: str) -> list[Statement]:
        seen: dict[int, Statement] = {}
        for group in self._by_rule.get(rule, {}).get(pattern, []):
            for s in group:
                seen.setdefault(s.id, s)
        return sorted(seen.values(), key=lambda s: s.id)


def _party(statements: list[Statement]) -> str:
    roles = {s.actor.role for s in statements}
    if not roles:
        return "none"
    if len(roles) == 1:
        return roles.pop()
    return "both" if roles & {"both", "client", "provider"} else sorted(roles)[0]


def _location(s: Statement, parts: Mapping[str, str], words: str = "") -> Location:
    return Location(
        block_id=s.block_id, clause=s.clause, excerpt=s.text, part=parts.get(s.block_id, "body"), words=words
    )


def _title(item: RequireRule | ForbidRule, pack: Pack, lang: Lang) -> tuple[str, str]:
    """(topic name, rule title) in the agreement's language, falling back to English."""
    topic = pack.topics[item.topic]
    return topic.titles.get(lang, topic.title), item.titles.get(lang, item.title)


class _Weigher:
    """Turns one document's evidence into topic verdicts and findings."""

    def __init__(
        self, pack: Pack, evidence: Evidence, audience: Audience, parts: Mapping[str, str], names: dict[str, list[str]]
    ) -> None:
        self.pack = pack
        self.evidence = evidence
        self.audience = audience
        self.lang = audience.lang
        self.parts = parts
        self.names = names

    def applies(self, rule: RequireRule | ForbidRule) -> bool:
        return rule.applies is None or self.evidence.fired(rule.id, "applies")

    def _finding(
        self,
        rule: RequireRule | ForbidRule,
        status: str,
        kind: str,
        statements: list[Statement],
        party: str = "none",
        words: str = "",
    ) -> Finding:
        topic, title = _title(rule, self.pack, self.lang)
        bearers = rule.bearers if isinstance(rule, RequireRule) else ()
        clauses = list(dict.fromkeys(s.clause or s.block_id for s in statements))
        located = [_location(s, self.parts, _offending(kind, s)) for s in statements]
        return Finding(
            code=rule.code,
            rule=rule.id,
            severity=_severity(rule, kind, statements),
            status=status,
            kind=kind,
            topic=rule.topic,
            party=party if party in ("client", "provider", "both") else "none",
            message=messages.message(
                kind,
                self.lang,
                topic=topic,
                title=title,
                words=words,
                clauses=clauses,
                party=party,
                bearers=bearers,
                agreement=self.audience.agreement,
            ),
            hint=messages.hint(kind, self.lang, title=title, bearers=bearers),
            locations=located,
            citations=[
                localize(c, self.lang, self.pack.statutes)
                for c in select(
                    rule.citations, self.audience.governing, all_jurisdictions=self.audience.all_jurisdictions
                )
            ],
            suggestion=self._suggestion(rule),
            fingerprint=fingerprint(rule.id, (s.text for s in statements)),
        )

    def _suggestion(self, rule: RequireRule | ForbidRule) -> str | None:
        """The pack's wording in the agreement's own language, naming the parties as the agreement names them."""
        lang = self.audience.wording_lang if self.audience.wording_lang in rule.suggest else "en"
        text = rule.suggest.get(lang)
        if not text:
            return None
        return fill_placeholders(text, lang, self.names, self.pack)

    def require(self, rule: RequireRule) -> tuple[TopicVerdict, list[Finding]]:
        ev = self.evidence
        verdict = {"topic": rule.topic, "title": _title(rule, self.pack, self.lang)[0], "rules": [rule.id]}
        if ev.fired(rule.id, "missing"):
            return TopicVerdict(status="missing", **verdict), [self._finding(rule, "missing", "missing", [])]
        settling = ev.statements(rule.id, "settles")
        addressing = sorted(
            {s.id: s for p in (*_WEAKNESS_ORDER, "settles") for s in ev.statements(rule.id, p)}.values(),
            key=lambda s: s.id,
        )
        if settling:
            conflict = self._conflict(rule, settling)
            if conflict:
                return (
                    TopicVerdict(
                        status="ambiguous", kinds=["conflict"], party="none", **self._where(conflict), **verdict
                    ),
                    [self._finding(rule, "conflict", "conflict", conflict)],
                )
            return TopicVerdict(status="present", party=_party(settling), **self._where(settling), **verdict), []
        weaknesses = [p for p in _WEAKNESS_ORDER if ev.fired(rule.id, p)]
        allowed = set(rule.bearers) | {"both"}
        if any(s.actor.role in allowed for p in weaknesses if p != "other_actor" for s in ev.statements(rule.id, p)):
            # an allowed party addresses it, if weakly: another party's duty on the topic is no defect of its own
            weaknesses = [p for p in weaknesses if p != "other_actor"]
        if weaknesses == ["other_actor"]:
            # only a party the rule does not want addresses it (the provider warning others of the hazards it
            # brings): the duty the rule asks for is missing, and the finding says who does what instead
            others = ev.statements(rule.id, "other_actor")
            row = TopicVerdict(
                status="missing", kinds=["wrong_bearer"], party=_party(others), **self._where(others), **verdict
            )
            return row, [self._finding(rule, "missing", "wrong_bearer", others, party=_party(others))]
        kinds = list(dict.fromkeys(_KIND_OF_PATTERN[p] for p in weaknesses)) or ["no_actor"]
        findings: list[Finding] = []
        for pattern in weaknesses or ["no_actor"]:
            statements = ev.statements(rule.id, pattern) or addressing
            kind = _KIND_OF_PATTERN[pattern]
            if any(f.kind == kind for f in findings):
                continue
            findings.append(
                self._finding(
                    rule, "ambiguous", kind, statements, party=_party(statements), words=_words(kind, statements)
                )
            )
        first = ev.statements(rule.id, weaknesses[0]) if weaknesses else addressing
        return (
            TopicVerdict(status="ambiguous", kinds=kinds, party=_party(first), **self._where(addressing), **verdict),
            findings,
        )

    def _where(self, statements: list[Statement]) -> dict[str, list]:
        """A topic row's locations and its clauses: the same statements, so every output quotes the same clauses."""
        locations = [_location(s, self.parts) for s in statements]
        return {"locations": locations, "clauses": list(dict.fromkeys(loc.clause for loc in locations if loc.clause))}

    def _conflict(self, rule: RequireRule, settling: list[Statement]) -> list[Statement]:
        """Statements that contradict each other about who bears an exclusive duty, if any."""
        clients = self.evidence.statements(rule.id, "conflict_client")
        providers = self.evidence.statements(rule.id, "conflict_provider")
        if clients and providers:  # the last duty put on each side witnesses it, as the pairwise join reported
            return sorted([clients[-1], providers[-1]], key=lambda s: s.id)
        # a denial contradicts a duty only about the same content: "shall not be liable for defects in
        # materials" does not deny an allocation of liability for injury
        specific = specific_tag(rule) if rule.specific else None
        negated = [s for s in self.evidence.statements(rule.id, "negated") if specific is None or specific in s.tags]
        for denial in negated:
            for duty in settling:
                if denial.actor.role == duty.actor.role and denial.actor.role in ("client", "provider"):
                    return sorted([duty, denial], key=lambda s: s.id)
        return []

    def forbid(self, rule: ForbidRule) -> list[Finding]:
        findings = []
        for s in self.evidence.statements(rule.id, "void"):
            findings.append(
                self._finding(rule, "forbidden", "exemption", [s], party=_party([s]), words=s.exemption or "")
            )
        return findings


def _offending(kind: str, s: Statement) -> str:
    """The words of one statement a finding of `kind` is about: a Word comment is anchored on them."""
    if kind == "exemption":
        return s.exemption or ""
    return _words(kind, [s])


_ENUMERATION = lazy_compile(
    r"[^、，,；;]{1,12}、[^、，,；;]{1,12}、|（[^）]{2,}、[^）]{2,}）|\b(including|such as)\b", re.I
)


def _severity(rule: RequireRule | ForbidRule, kind: str, statements: list[Statement]) -> str:
    """The rule's severity; a vague degree word beside a concrete list of measures is at most low.

    `相应的防范措施` after `安全帽、安全带、防护手套` is ordinary legal phrasing, not a gap
    that matters after an injury; vague timing (及时, promptly) keeps the rule's severity.
    """
    if kind != "vague" or rule.severity in ("info", "low"):
        return rule.severity
    qualifiers = [q for s in statements for q in s.qualifiers if q.kind in ("vague", "vague_timing")]
    degree_only = qualifiers and all(q.kind == "vague" for q in qualifiers)
    if degree_only and all(_ENUMERATION.search(s.text) for s in statements):
        return "low"
    return rule.severity


def _words(kind: str, statements: list[Statement]) -> str:
    """The words that make a statement weak, vague or dangling, for the message."""
    for s in statements:
        if kind == "weak_modality" and s.modal_words:
            return s.modal_words
        if kind == "vague":
            for q in s.qualifiers:
                if q.kind in ("vague", "vague_timing"):
                    return q.words
        if kind == "dangling_reference":
            for r in s.references:
                if not r.resolved:
                    return r.title
    return ""


def weigh(
    pack: Pack,
    compiled: CompiledPack,
    matches: list[RuleMatch],
    statements: list[Statement],
    audience: Audience,
    parts: Mapping[str, str],
    names: dict[str, list[str]],
) -> tuple[list[TopicVerdict], list[Finding]]:
    """The topic matrix (one row per required topic) and the findings of one document.

    `names` maps each role to the agreement's names for it, for suggested wording.
    """
    j = _Weigher(pack, Evidence(compiled, matches, statements), audience, parts, names)
    rows: dict[str, TopicVerdict] = {}
    findings: list[Finding] = []
    rank = {"missing": 0, "ambiguous": 1, "present": 2}
    for rule in pack.rules:
        if not j.applies(rule):
            continue
        if isinstance(rule, ForbidRule):
            findings.extend(j.forbid(rule))
            continue
        row, found = j.require(rule)
        findings.extend(found)
        previous = rows.get(rule.topic)
        if previous is None:
            rows[rule.topic] = row
        else:  # several rules on one topic: the matrix shows the weakest verdict
            worst = row if rank[row.status] < rank[previous.status] else previous
            rows[rule.topic] = worst.model_copy(update={"rules": previous.rules + row.rules})
    return [_mark_void(row, findings) for row in rows.values()], findings


def _mark_void(row: TopicVerdict, findings: list[Finding]) -> TopicVerdict:
    """A present topic whose every settling clause is void is present only on paper: name those clauses."""
    if row.status != "present" or not row.locations:
        return row
    void = {(loc.block_id, loc.excerpt) for f in findings if f.status == "forbidden" for loc in f.locations}
    if not all((loc.block_id, loc.excerpt) in void for loc in row.locations):
        return row
    return row.model_copy(update={"void": list(dict.fromkeys(loc.clause or loc.block_id for loc in row.locations))})
