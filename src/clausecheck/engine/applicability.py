"""Whether a pack applies to an agreement: its `applies when` condition over topics and scopes mentioned.

Rule conditions run inside the engine (an `applies` pattern per rule); a
pack's own condition decides whether the pack speaks to the agreement at all
(a design, licence or pure supply contract sends nobody to a site), so it is
evaluated here: on the topics extraction found, and on the pack's scopes,
whose words are looked for in the agreement's text. Scopes are kept out of
extraction on purpose, so declaring one never changes how a statement is read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from clausecheck._identity_cache import IdentityCache
from clausecheck.dsl.model import AllOf, AnyOf, Condition, Mentions, Not, Pack, Term
from clausecheck.language.normalize import fold_text


def holds(condition: Condition, mentioned: set[str]) -> bool:
    """True when `condition` holds for an agreement that mentions the topics in `mentioned`."""
    if isinstance(condition, Mentions):
        return any(topic in mentioned for topic in condition.topics)  # `mentions a, b`: either
    if isinstance(condition, AllOf):
        return all(holds(item, mentioned) for item in condition.items)
    if isinstance(condition, AnyOf):
        return any(holds(item, mentioned) for item in condition.items)
    if isinstance(condition, Not):
        return not holds(condition.item, mentioned)
    raise TypeError(f"unknown condition {condition!r}")


def _pattern(terms: tuple[Term, ...]) -> re.Pattern[str]:
    """One case-insensitive pattern for a scope's terms, on folded text; Latin words match whole."""
    parts = []
    for term in terms:
        if term.regex:
            parts.append(f"(?:{term.text})")
            continue
        text = re.escape(fold_text(term.text).lower())
        if term.text[:1].isascii() and term.text[:1].isalnum():
            text = r"\b" + text
        if term.text[-1:].isascii() and term.text[-1:].isalnum():
            text += r"\b"
        parts.append(text)
    return re.compile("|".join(parts), re.IGNORECASE)


def _scope_patterns(pack: Pack) -> dict[str, re.Pattern[str]]:
    return {scope.id: _pattern(scope.terms) for scope in pack.scopes.values()}


_patterns: IdentityCache[Pack, dict[str, re.Pattern[str]]] = IdentityCache(_scope_patterns)


def mentioned_scopes(pack: Pack, texts: Iterable[str]) -> set[str]:
    """The pack's scopes whose words occur in the agreement's text."""
    patterns = _patterns(pack)
    if not patterns:
        return set()
    folded = "\n".join(fold_text(t).lower() for t in texts)
    return {scope for scope, pattern in patterns.items() if pattern.search(folded)}
