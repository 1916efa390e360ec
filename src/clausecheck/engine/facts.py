"""The small facts the engine sees: ids, roles, topic ids and flags, never text.

One fact per (statement, topic) pair, so a rule's conditions test plain
fields, plus one `mention` fact per topic the agreement mentions anywhere,
for applicability conditions.
"""

from __future__ import annotations

from typing import Any

from clausecheck.extract.model import Facts


def engine_facts(facts: Facts) -> list[dict[str, Any]]:
    """Project extraction's statements onto engine facts."""
    out: list[dict[str, Any]] = []
    for s in facts.statements:
        base = {
            "kind": "st",
            "stmt": s.id,
            "actor": s.actor.role,
            "each_own": s.actor.each_own,
            "modality": s.modality,
            "dangling": s.dangling,
            "exemption": s.exemption is not None,
        }
        base.update({tag: True for tag in s.tags})
        out.extend(dict(base, topic=t.topic, vague=s.vague_for(t.topic)) for t in s.topics)
    out.extend({"kind": "mention", "topic": topic} for topic in facts.mentions)
    return out
