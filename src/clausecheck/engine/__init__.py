"""The engine: a resolved pack compiled to durable-rules, run over one agreement's facts.

Only `durable_adapter` touches durable-rules; this facade compiles each pack once per
process, runs one document as one session and hands the firings to `weigh`,
which turns them into verdicts. A process that meets many versions of a pack
(a server, a long batch) keeps the last 32 compiled; an older one's rulesets
are deleted from the engine, so memory does not grow with every version seen.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from clausecheck._identity_cache import IdentityCache
from clausecheck.budget import checkpoint
from clausecheck.dsl.model import Pack
from clausecheck.engine import durable_adapter
from clausecheck.engine.applicability import holds
from clausecheck.engine.compile import CompiledPack, compile_pack
from clausecheck.engine.durable_adapter import RuleMatch
from clausecheck.engine.facts import engine_facts
from clausecheck.engine.weigh import Audience, weigh
from clausecheck.extract.model import Facts
from clausecheck.findings import Finding, TopicVerdict

compiled: IdentityCache[Pack, CompiledPack] = IdentityCache(
    compile_pack, on_evict=lambda program: durable_adapter.unregister(program.key)
)
"""The pack compiled (once per pack object); its rulesets leave the engine when it leaves the cache."""


BATCH = 100
"""Facts asserted per session: the C core keeps about 14 KB per fact that fired until its session is deleted
(11 MB for the 815 facts of a 300-page agreement, 1.4 MB in batches of 100), and more sessions cost no time."""


def _matches(program: CompiledPack, facts: Facts) -> list[RuleMatch]:
    """Every firing of the pack's rules on one agreement's facts.

    A fact fires the rules that test it alone in any session, so the facts go
    in batches, each a session deleted before the next. The rules that wait
    for the end sentinel (a topic nobody addresses, an `applies` condition)
    judge the whole agreement in one last session, on the facts cut down to
    the fields they test, each once.
    """
    found = engine_facts(facts)
    judging = [name for name in program.rulesets if name not in program.closing]
    matches: list[RuleMatch] = []
    for start in range(0, len(found), BATCH):
        checkpoint()
        matches += durable_adapter.run(program.key, program.rulesets, found[start : start + BATCH], judging, end=False)
    if program.closing:
        fields = program.closing_fields
        digest = list({tuple((f, fact[f]) for f in fields if f in fact): None for fact in found})
        closing = [dict(items) for items in digest]
        matches += durable_adapter.run(program.key, program.rulesets, closing, program.closing)
    return matches


def fired_patterns(pack: Pack, facts: Facts) -> dict[int, list[tuple[str, str]]]:
    """Statement id -> the (rule id, pattern) pairs it fed: `settles`, `weak`, `vague`, `no_actor`,
    `other_actor`, `negated`, `conflict`, `void`; for `clausecheck why`."""
    program = compiled(pack)
    fed: dict[int, list[tuple[str, str]]] = {}
    for match in _matches(program, facts):
        rule = program.index[match.rule]
        for _, fact in sorted(match.facts.items()):
            if "stmt" in fact:
                pairs = fed.setdefault(fact["stmt"], [])
                if (rule.rule, rule.pattern) not in pairs:
                    pairs.append((rule.rule, rule.pattern))
    return fed


def run_pack(
    pack: Pack, facts: Facts, *, audience: Audience, parts: Mapping[str, str], scopes: Iterable[str] = ()
) -> tuple[list[TopicVerdict], list[Finding]]:
    """Run `pack` over one agreement's facts: the topic matrix and the findings.

    A pack whose `applies when` condition fails for the agreement reports
    every topic `not_applicable`, with the pack's reason; its forbid rules
    still run (a void clause is void in any agreement). `scopes` are the
    pack's scopes the agreement mentions (`applicability.mentioned_scopes`).
    """
    program = compiled(pack)
    checkpoint()
    matches = _matches(program, facts)
    checkpoint()
    rows, findings = weigh(pack, program, matches, facts.statements, audience, parts, facts.roles)
    if pack.applies is None or holds(pack.applies, {*facts.mentions, *scopes}):
        return rows, findings
    reason = pack.not_applicable.get(audience.lang) or pack.not_applicable.get("en", "")
    na = [
        row.model_copy(update={"status": "not_applicable", "kinds": [], "party": "none", "reason": reason})
        for row in rows
    ]
    return na, [f for f in findings if f.status == "forbidden"]
