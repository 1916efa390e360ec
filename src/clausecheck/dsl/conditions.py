"""Applicability conditions as alternatives, bounded: what `applies when` expands to.

The engine runs a condition as alternatives of (topics the agreement must
mention, topics it must not), one engine rule each. Expanding `(a or b) and
(c or d) and …` multiplies: sixteen such groups are 65,536 alternatives,
which took 40 s and 4.4 GB before a single agreement was read. So the
expansion stops as soon as it passes a limit, and the rule language refuses
such a condition where it is written (`MAX_CONDITION_ALTERNATIVES`).
"""

from __future__ import annotations

from clausecheck.dsl.model import AllOf, AnyOf, Condition, Mentions, Not
from clausecheck.limits import MAX_CONDITION_ALTERNATIVES

Alternative = tuple[frozenset[str], frozenset[str]]
"""(topics that must be mentioned, topics that must not)"""


class TooManyAlternatives(ValueError):
    """A condition that expands past the limit."""


def alternatives(condition: Condition, limit: int = MAX_CONDITION_ALTERNATIVES) -> list[Alternative]:
    """The condition in disjunctive normal form; `TooManyAlternatives` as soon as any step passes `limit`."""
    if isinstance(condition, Mentions):
        return _capped([(frozenset([t]), frozenset()) for t in condition.topics], limit)
    if isinstance(condition, AnyOf):
        return _capped([term for item in condition.items for term in alternatives(item, limit)], limit)
    if isinstance(condition, AllOf):
        terms: list[Alternative] = [(frozenset(), frozenset())]
        for item in condition.items:
            terms = _product(terms, alternatives(item, limit), limit)
        return [t for t in terms if not t[0] & t[1]]
    if isinstance(condition, Not):
        # not (a1 or a2 ...) where each ai = (P, N): and over i of (not P or N)
        terms = [(frozenset(), frozenset())]
        for positive, negative in alternatives(condition.item, limit):
            options: list[tuple[frozenset[str], frozenset[str]]] = [(frozenset(), frozenset([t])) for t in positive] + [
                (frozenset([t]), frozenset()) for t in negative
            ]
            terms = _product(terms, options, limit)
        return [t for t in terms if not t[0] & t[1]]
    raise TypeError(f"unknown condition {condition!r}")


def _product(left: list[Alternative], right: list[Alternative], limit: int) -> list[Alternative]:
    if len(left) * len(right) > limit:
        raise TooManyAlternatives(f"it expands to more than {limit} alternatives")
    return [(p1 | p2, n1 | n2) for p1, n1 in left for p2, n2 in right]


def _capped(terms: list[Alternative], limit: int) -> list[Alternative]:
    if len(terms) > limit:
        raise TooManyAlternatives(f"it expands to more than {limit} alternatives")
    return terms
