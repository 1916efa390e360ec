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

# the letters a case-insensitive pattern pairs beyond lower case (ı with i, ſ with s); private but stable in
# the Python versions we support (3.11, 3.12), like the parser `extract.triggers` reads
from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found]

import ahocorasick

from clausecheck._identity_cache import IdentityCache
from clausecheck._lazy_re import lazy_compile
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
    return lazy_compile("|".join(parts), re.IGNORECASE)  # compiled where a word of it starts, if ever


class _Scope:
    """Finds a scope's words in an agreement's folded, lower-case text.

    The scope's pattern, searched over a whole agreement that holds none of its
    words, tries every alternative at every character: a fifth of a second for
    300 pages. A scope of literal words only cannot match across two blocks
    (no word holds a line break, which is no word character either), so its
    blocks are looked at one by one, until it is found; one automaton pass
    finds where a word starts, and the pattern is tried there alone. Where a
    block holds a character the pattern's case-insensitive matching pairs
    with a letter of the words (the dotless ı with i), the pattern searches it
    whole. A scope with a pattern term is searched over the whole text joined.
    """

    def __init__(self, terms: tuple[Term, ...]) -> None:
        self.pattern = _pattern(terms)
        words = {fold_text(t.text).lower() for t in terms if not t.regex}
        self.starts: ahocorasick.Automaton | None = None
        self.twins: re.Pattern[str] | None = None
        if words and "" not in words and not any(t.regex for t in terms):
            self.starts = ahocorasick.Automaton()
            for word in words:
                self.starts.add_word(word, len(word))
            self.starts.make_automaton()
            twins = {chr(c) for word in words for ch in word for c in _EXTRA_CASES.get(ord(ch), ())}
            if twins:
                self.twins = re.compile("[" + re.escape("".join(sorted(twins))) + "]")

    @property
    def per_block(self) -> bool:
        """Whether the scope is literal words only, found in one block or not at all."""
        return self.starts is not None

    def found_in(self, text: str) -> bool:
        if self.starts is None or (self.twins is not None and self.twins.search(text)):
            return self.pattern.search(text) is not None
        return any(self.pattern.match(text, end - length + 1) for end, length in self.starts.iter(text))


def _scopes(pack: Pack) -> dict[str, _Scope]:
    return {scope.id: _Scope(scope.terms) for scope in pack.scopes.values()}


_compiled: IdentityCache[Pack, dict[str, _Scope]] = IdentityCache(_scopes)


def mentioned_scopes(pack: Pack, texts: Iterable[str]) -> set[str]:
    """The pack's scopes whose words occur in the agreement's text (its blocks' texts, in order)."""
    scopes = _compiled(pack)
    if not scopes:
        return set()
    found: set[str] = set()
    looking = {sid: scope for sid, scope in scopes.items() if scope.per_block}
    joined = [sid for sid, scope in scopes.items() if not scope.per_block]
    kept: list[str] = []
    for text in texts:
        if not looking and not joined:
            break
        folded = fold_text(text).lower()
        if joined:
            kept.append(folded)
        for sid in [sid for sid, scope in looking.items() if scope.found_in(folded)]:
            found.add(sid)
            del looking[sid]
    if joined:
        whole = "\n".join(kept)
        found.update(sid for sid in joined if scopes[sid].found_in(whole))
    return found
