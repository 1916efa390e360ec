"""From the engine's firings to verdicts: the topic matrix and the findings.

The engine says which statements match which pattern of each rule; this
module weighs that evidence. A topic is present when some binding duty on an
allowed party settles it and nothing contradicts that; otherwise every
weakness found is reported, strongest evidence first.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict

from clausecheck.dsl.model import ForbidRule, Pack, RequireRule
from clausecheck.engine import messages
from clausecheck.engine.compile import CompiledPack
from clausecheck.engine.rete import RuleMatch
from clausecheck.extract.model import Statement
from clausecheck.findings import Finding, Location, TopicVerdict
from clausecheck.language.normalize import has_han
from clausecheck.types import Lang

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


def _location(s: Statement, parts: dict[str, str]) -> Location:
    return Location(block_id=s.block_id, clause=s.clause, excerpt=s.text, part=parts.get(s.block_id, "body"))


def _title(item: RequireRule | ForbidRule, pack: Pack, lang: Lang) -> tuple[str, str]:
    """(topic name, rule title) in the agreement's language, falling back to English."""
    topic = pack.topics[item.topic]
    return topic.titles.get(lang, topic.title), item.titles.get(lang, item.title)


def _fingerprint(rule: str, statements: list[Statement]) -> str:
    text = "\n".join(s.text for s in statements)
    return hashlib.sha256(f"{rule}\n{text}".encode()).hexdigest()[:16]


class Judge:
    """Turns one document's evidence into topic verdicts and findings."""

    def __init__(
        self, pack: Pack, evidence: Evidence, lang: Lang, parts: dict[str, str], names: dict[str, list[str]]
    ) -> None:
        self.pack = pack
        self.evidence = evidence
        self.lang = lang
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
        return Finding(
            code=rule.code,
            rule=rule.id,
            severity=rule.severity,
            status=status,
            kind=kind,
            topic=rule.topic,
            party=party if party in ("client", "provider", "both") else "none",
            message=messages.message(
                kind, self.lang, topic=topic, title=title, words=words, clauses=clauses, party=party, bearers=bearers
            ),
            hint=messages.hint(kind, self.lang, title=title, bearers=bearers),
            locations=[_location(s, self.parts) for s in statements],
            citations=list(rule.citations),
            suggestion=self._suggestion(rule),
            fingerprint=_fingerprint(rule.id, statements),
        )

    def _suggestion(self, rule: RequireRule | ForbidRule) -> str | None:
        """The pack's wording in the agreement's language, with the parties called as the agreement calls them.

        Suggested wording names the parties generically (the Supplier and the
        Customer, 甲方 and 乙方); pasted into an agreement whose parties are the
        Contractor and the Owner it would name parties that do not exist.
        """
        lang = self.lang if self.lang in rule.suggest else "en"
        text = rule.suggest.get(lang)
        if not text:
            return None
        for role, generic in _GENERIC_NAMES[lang].items():
            name = _display_name(self.names.get(role, []), lang)
            if name:
                text = generic.sub(name, text)
        return text

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
        verdict["clauses"] = list(dict.fromkeys(s.clause for s in addressing if s.clause))
        if settling:
            conflict = self._conflict(rule, settling)
            if conflict:
                return (
                    TopicVerdict(
                        status="ambiguous",
                        kinds=["conflict"],
                        party="none",
                        locations=[_location(s, self.parts) for s in conflict],
                        **verdict,
                    ),
                    [self._finding(rule, "conflict", "conflict", conflict)],
                )
            return TopicVerdict(
                status="present",
                party=_party(settling),
                locations=[_location(s, self.parts) for s in settling],
                **verdict,
            ), []
        weaknesses = [p for p in _WEAKNESS_ORDER if ev.fired(rule.id, p)]
        allowed = set(rule.bearers) | {"both"}
        if any(s.actor.role in allowed for p in weaknesses if p != "other_actor" for s in ev.statements(rule.id, p)):
            # an allowed party addresses it, if weakly: another party's duty on the topic is no defect of its own
            weaknesses = [p for p in weaknesses if p != "other_actor"]
        kinds = list(dict.fromkeys(_KIND_OF_PATTERN[p] for p in weaknesses)) or ["no_actor"]
        findings = []
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
            TopicVerdict(
                status="ambiguous",
                kinds=kinds,
                party=_party(first),
                locations=[_location(s, self.parts) for s in addressing],
                **verdict,
            ),
            findings,
        )

    def _conflict(self, rule: RequireRule, settling: list[Statement]) -> list[Statement]:
        """Statements that contradict each other about who bears an exclusive duty, if any."""
        clients = self.evidence.statements(rule.id, "conflict_client")
        providers = self.evidence.statements(rule.id, "conflict_provider")
        if clients and providers:  # the last duty put on each side witnesses it, as the pairwise join reported
            return sorted([clients[-1], providers[-1]], key=lambda s: s.id)
        negated = self.evidence.statements(rule.id, "negated")
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


_GENERIC_NAMES: dict[str, dict[str, re.Pattern[str]]] = {
    "en": {"provider": re.compile(r"\bSupplier(?=\b)"), "client": re.compile(r"\bCustomer(?=\b)")},
    "zh-Hans": {"provider": re.compile("乙方"), "client": re.compile("甲方")},
    "zh-Hant": {"provider": re.compile("乙方"), "client": re.compile("甲方")},
}


def _display_name(aliases: list[str], lang: Lang) -> str | None:
    """The agreement's own name for a role in this language: its first alias written in that script."""
    for alias in aliases:
        if has_han(alias) == (lang != "en"):
            return alias
    return None


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


def judge(
    pack: Pack,
    compiled: CompiledPack,
    matches: list[RuleMatch],
    statements: list[Statement],
    lang: Lang,
    parts: dict[str, str],
    names: dict[str, list[str]],
) -> tuple[list[TopicVerdict], list[Finding]]:
    """The topic matrix (one row per required topic) and the findings of one document.

    `names` maps each role to the agreement's names for it, for suggested wording.
    """
    j = Judge(pack, Evidence(compiled, matches, statements), lang, parts, names)
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
    return list(rows.values()), findings
