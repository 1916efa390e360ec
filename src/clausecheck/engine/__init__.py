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
from clausecheck.engine.facts import engine_facts
from clausecheck.engine.weigh import Audience, weigh
from clausecheck.extract.model import Facts
from clausecheck.findings import Finding, TopicVerdict

compiled: IdentityCache[Pack, CompiledPack] = IdentityCache(
    compile_pack, on_evict=lambda program: durable_adapter.unregister(program.key)
)
"""The pack compiled (once per pack object); its rulesets leave the engine when it leaves the cache."""


def fired_patterns(pack: Pack, facts: Facts) -> dict[int, list[tuple[str, str]]]:
    """Statement id -> the (rule id, pattern) pairs it fed: `settles`, `weak`, `vague`, `no_actor`,
    `other_actor`, `negated`, `conflict`, `void`; for `clausecheck why`."""
    program = compiled(pack)
    fed: dict[int, list[tuple[str, str]]] = {}
    for match in durable_adapter.run(program.key, program.rulesets, engine_facts(facts)):
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
    matches = durable_adapter.run(program.key, program.rulesets, engine_facts(facts))
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
