"""The engine: a resolved pack compiled to durable-rules, run over one agreement's facts.

Only `rete` touches durable-rules; this facade compiles each pack once per
process, runs one document as one session and hands the firings to the
verdict logic. A process that meets many versions of a pack (a server, a
long batch) keeps the last 32 compiled; an older one's rulesets are deleted
from the engine, so memory does not grow with every version seen.
"""

from __future__ import annotations

from clausecheck._identity_cache import IdentityCache
from clausecheck.budget import checkpoint
from clausecheck.dsl.model import Pack
from clausecheck.engine import rete
from clausecheck.engine.compile import CompiledPack, compile_pack
from clausecheck.engine.facts import engine_facts
from clausecheck.engine.verdict import judge
from clausecheck.extract.model import Facts
from clausecheck.findings import Finding, TopicVerdict
from clausecheck.types import Lang

compiled: IdentityCache[Pack, CompiledPack] = IdentityCache(
    compile_pack, on_evict=lambda program: rete.unregister(program.key)
)
"""The pack compiled (once per pack object); its rulesets leave the engine when it leaves the cache."""


def evaluate(
    pack: Pack, facts: Facts, *, lang: Lang, parts: dict[str, str]
) -> tuple[list[TopicVerdict], list[Finding]]:
    """Run `pack` over one agreement's facts: the topic matrix and the findings."""
    program = compiled(pack)
    checkpoint()
    matches = rete.run(program.key, program.rulesets, engine_facts(facts))
    checkpoint()
    return judge(pack, program, matches, facts.statements, lang, parts, facts.roles)
