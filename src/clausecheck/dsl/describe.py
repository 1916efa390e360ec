"""Plain-language renderings of pack constructs, for `packs show` and `explain`."""

from __future__ import annotations

from clausecheck.dsl.model import AllOf, AnyOf, Condition, ForbidRule, Mentions, Not, RequireRule

_BEARING = {
    "one": "exactly one party bears it",
    "each": "each party for its own people",
    "any": "any of them may bear it",
}


def condition(c: Condition | None) -> str:
    """`mentions machine_room or (mentions height and not mentions office)` — or 'always'."""
    if c is None:
        return "always"
    return _cond(c, top=True)


def _cond(c: Condition, top: bool = False) -> str:
    if isinstance(c, Mentions):
        return "mentions " + ", ".join(c.topics)
    if isinstance(c, Not):
        return "not " + _cond(c.item)
    joiner = " and " if isinstance(c, AllOf) else " or "
    assert isinstance(c, (AllOf, AnyOf))
    text = joiner.join(_cond(i) for i in c.items)
    return text if top else f"({text})"


def bearers(rule: RequireRule) -> str:
    """`provider | client | both (exactly one party bears it)`."""
    return f"{' | '.join(rule.bearers)} ({_BEARING[rule.bearing]})"


def ambiguous_when(rule: RequireRule) -> str:
    """`no_actor, weak_modality` — or 'never'."""
    return ", ".join(rule.ambiguous_when) or "never"


def fires_on(rule: ForbidRule) -> str:
    """What a forbid rule looks for in one clause."""
    return "the topic together with exemption wording" if rule.exemption else "the topic"
