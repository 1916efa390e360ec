"""Compile a resolved pack into durable-rules ruleset definitions (plain JSON).

Each pack rule becomes a few engine rules, one per pattern of evidence the
verdict needs (a duty that settles the topic, one that is hedged, one with
no bearer, two that conflict, none at all...). The definitions are data, so
worker processes rebuild the same network from JSON, and the compiler can
check the limits the C core does not (`docs/dev/dependencies.md` §A.5, §A.7): at most
200 rules per ruleset, no ruleset built twice.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from pydantic import BaseModel, ConfigDict

from clausecheck.dsl.conditions import alternatives as condition_alternatives
from clausecheck.dsl.model import Condition, ForbidRule, Pack, RequireRule
from clausecheck.extract.model import near_tag, specific_tag

MAX_RULES_PER_RULESET = 200

Pattern = str
"""Evidence patterns: 'settles', 'vague', 'dangling', 'weak', 'no_actor', 'negated', 'other_actor',
'conflict_client', 'conflict_provider', 'missing', 'applies', 'void'."""


class EngineRule(BaseModel):
    """What an engine rule stands for: a pack rule and one pattern of evidence."""

    model_config = ConfigDict(frozen=True)

    rule: str
    pattern: Pattern


class CompiledPack(BaseModel):
    """A pack as engine rulesets, plus the key to read their firings back."""

    model_config = ConfigDict(frozen=True)

    key: str
    rulesets: dict[str, dict[str, Any]]
    index: dict[str, EngineRule]
    closing: tuple[str, ...] = ()
    """the rulesets whose rules wait for the end sentinel (a topic missing, a condition of mentions): they
    judge the agreement as a whole, the others each fact on its own"""
    closing_fields: tuple[str, ...] = ()
    """the only fact fields the closing rulesets test"""


def _eq(field: str, value: Any) -> dict[str, Any]:
    return {field: value}


def _one_of(field: str, values: tuple[str, ...]) -> dict[str, Any]:
    return _eq(field, values[0]) if len(values) == 1 else {"$or": [_eq(field, v) for v in values]}


def _statement(topic: str, *tests: dict[str, Any]) -> dict[str, Any]:
    return {"$and": [_eq("kind", "st"), _eq("topic", topic), *tests]}


def _require_patterns(rule: RequireRule) -> dict[Pattern, list[dict[str, Any]]]:
    """The evidence patterns of a require rule, as durable `all` condition lists."""
    named = tuple(b for b in rule.bearers if b != "both")
    duty = _one_of("modality", ("binding", "prohibition") if rule.binding else ("binding", "prohibition", "weak"))
    each_for_own = {"$and": [_eq("actor", "both"), _eq("each_own", True)]}
    jointly = {"$and": [_eq("actor", "both"), _eq("each_own", False)]}
    if rule.bearing == "one" and "both" not in rule.bearers:
        # one bearer needed: "each party for its own" settles it, "the parties jointly" names nobody
        borne = {"$or": [*(_eq("actor", b) for b in named), each_for_own]}
        nobody = {"$or": [_eq("actor", "none"), jointly]}
    else:
        borne = _one_of("actor", (*named, "both"))
        nobody = _eq("actor", "none")
    clean = [
        _eq(flag, False)
        for flag, kind in (("vague", "vague"), ("dangling", "dangling_reference"))
        if kind in rule.ambiguous_when
    ]
    vague_tests = [_eq("vague", True)] if "vague" in rule.ambiguous_when else []
    if rule.specific:
        clean.append(_eq(specific_tag(rule), True))
        vague_tests.append({"$nex": {specific_tag(rule): 1}})
    patterns: dict[Pattern, list[dict[str, Any]]] = {
        "settles": [{"s": _statement(rule.topic, duty, borne, *clean)}],
        "negated": [{"s": _statement(rule.topic, _eq("modality", "negated"))}],
        "other_actor": [
            {
                "s": _statement(
                    rule.topic,
                    _one_of("modality", ("binding", "prohibition", "weak")),
                    *({"$neq": {"actor": b}} for b in (*named, "both", "none")),
                )
            }
        ],
        "missing": [{"end": _eq("kind", "end")}, {"s$not": {"$and": [_eq("kind", "st"), _eq("topic", rule.topic)]}}],
    }
    if vague_tests:
        patterns["vague"] = [{"s": _statement(rule.topic, duty, borne, _one_test(vague_tests))}]
    if "dangling_reference" in rule.ambiguous_when:
        patterns["dangling"] = [{"s": _statement(rule.topic, duty, borne, _eq("dangling", True))}]
    if "weak_modality" in rule.ambiguous_when and rule.binding:
        # a hedged duty of a party the rule does not take ("乙方得視需要…教育訓練" for the host's disclosure)
        # settles nothing, hedged or not
        patterns["weak"] = [{"s": _statement(rule.topic, _eq("modality", "weak"), {"$or": [borne, nobody]})}]
    if "no_actor" in rule.ambiguous_when:
        patterns["no_actor"] = [{"s": _statement(rule.topic, duty, nobody)}]
    if rule.bearing == "one" and {"client", "provider"} <= set(rule.bearers):
        # duties each limited to the bearer's own people or fault ("to the extent caused by") do not collide.
        # One witness per side makes a conflict: each side is its own pattern, never a join of every pair
        # (K duties on each side would fire K*K times, gigabytes for a 13 KB agreement).
        for side in ("client", "provider"):
            patterns[f"conflict_{side}"] = [
                {"s": _statement(rule.topic, duty, _eq("actor", side), _eq("each_own", False), *clean)}
            ]
    return patterns


def _one_test(tests: list[dict[str, Any]]) -> dict[str, Any]:
    return tests[0] if len(tests) == 1 else {"$or": tests}


def _forbid_patterns(rule: ForbidRule) -> dict[Pattern, list[dict[str, Any]]]:
    tests = [_eq("exemption", True)] if rule.exemption else []
    if rule.near:
        tests.append(_eq(near_tag(rule), True))
    return {"void": [{"s": _statement(rule.topic, *tests)}]}


def _applies_patterns(condition: Condition) -> list[list[dict[str, Any]]]:
    alternatives = []
    for positive, negative in dict.fromkeys(condition_alternatives(condition)):
        conditions: list[dict[str, Any]] = [{"end": _eq("kind", "end")}]
        for i, topic in enumerate(sorted(positive)):
            conditions.append({f"m{i}": {"$and": [_eq("kind", "mention"), _eq("topic", topic)]}})
        for i, topic in enumerate(sorted(negative)):
            conditions.append({f"n{i}$not": {"$and": [_eq("kind", "mention"), _eq("topic", topic)]}})
        alternatives.append(conditions)
    return alternatives


def compile_pack(pack: Pack) -> CompiledPack:
    """Compile `pack` to rulesets of at most MAX_RULES_PER_RULESET engine rules each."""
    engine_rules: list[tuple[str, EngineRule, list[dict[str, Any]]]] = []
    for number, rule in enumerate(pack.rules):
        patterns = _require_patterns(rule) if isinstance(rule, RequireRule) else _forbid_patterns(rule)
        alternatives = {p: [c] for p, c in patterns.items()}
        if rule.applies is not None:
            alternatives["applies"] = _applies_patterns(rule.applies)
        for pattern, condition_lists in alternatives.items():
            for alt, conditions in enumerate(condition_lists):
                name = f"r{number}.{pattern}.{alt}"
                engine_rules.append((name, EngineRule(rule=rule.id, pattern=pattern), conditions))
    closing = [r for r in engine_rules if any(_END in c for c in r[2])]
    judging = [r for r in engine_rules if not any(_END in c for c in r[2])]
    closing_sets = _rulesets("end", closing)
    rulesets = {**_rulesets("rs", judging), **closing_sets}
    digest = hashlib.sha256(json.dumps(rulesets, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]
    return CompiledPack(
        key=f"{pack.id}@{digest}",
        rulesets=rulesets,
        index={name: engine_rule for name, engine_rule, _ in engine_rules},
        closing=tuple(closing_sets),
        closing_fields=tuple(sorted({field for _, _, conditions in closing for field in _fields(conditions)})),
    )


_END = "end"
"""the alias of the end sentinel in a rule's conditions"""


def _rulesets(prefix: str, engine_rules: list[tuple[str, EngineRule, list[dict[str, Any]]]]) -> dict[str, Any]:
    """`engine_rules` in rulesets of at most MAX_RULES_PER_RULESET rules, each with the guard rule."""
    size = MAX_RULES_PER_RULESET - 1  # one place is the guard rule's
    rulesets: dict[str, Any] = {}
    for number, start in enumerate(range(0, len(engine_rules), size)):
        definitions: dict[str, Any] = {"$doc": {"all": [{"d": _eq("kind", "$doc")}], "run": "$doc"}}
        for name, _, conditions in engine_rules[start : start + size]:
            definitions[name] = {"all": conditions, "run": name}
        rulesets[f"{prefix}{number}"] = definitions
    return rulesets


def _fields(test: Any) -> set[str]:
    """The fact fields a condition (or list of them) tests: every key that is no operator nor alias."""
    if isinstance(test, list):
        return {field for item in test for field in _fields(item)}
    if not isinstance(test, dict):
        return set()
    fields = set()
    for key, value in test.items():
        if isinstance(value, (dict, list)):
            fields |= _fields(value)
        if not key.startswith("$") and not isinstance(value, (dict, list)):
            fields.add(key)
    return fields
