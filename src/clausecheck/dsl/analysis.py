"""What matching needs to know of each term, worked out once and kept with the resolved pack.

A literal term is looked for as a word folded like agreement text, in lower
case with one space between words; folding a Chinese term loads OpenCC. A
pattern runs only where a literal it cannot match without occurs (its
triggers, read from its parse tree). Working these out for a pack's few
thousand terms took a fifth of a second of every start, more than checking a
short agreement. Both depend on the term's text alone, so they are
remembered per text for the process, and stored with a resolved pack in the
cache (`clausecheck.dsl.cache`), so a later run starts with them.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from clausecheck._lazy_re import lazy_compile
from clausecheck.dsl.model import Pack, Term
from clausecheck.dsl.triggers import required_literals
from clausecheck.language.normalize import fold_text

_SPACE_RUN = lazy_compile(r"\s{2,}")
_words: dict[str, str] = {}
_triggers: dict[str, frozenset[str] | None] = {}


def word(text: str) -> str:
    """A literal term as the matcher looks for it: folded, lower case, one space between words."""
    found = _words.get(text)
    if found is None:
        found = _words[text] = _SPACE_RUN.sub(" ", fold_text(text).lower().strip())
    return found


def triggers(pattern: str) -> frozenset[str] | None:
    """The literals a pattern cannot match without (one of them must occur); None when it has none usable."""
    if pattern not in _triggers:
        _triggers[pattern] = required_literals(pattern)
    return _triggers[pattern]


class Analysis(BaseModel):
    """Every term of a pack worked out, as stored with it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    words: dict[str, str]
    """literal term -> `word(term)`"""
    triggers: dict[str, tuple[str, ...] | None]
    """pattern -> `triggers(pattern)`, sorted"""


def analyse(pack: Pack) -> Analysis:
    """Every term of `pack` worked out (and remembered for this process)."""
    words: dict[str, str] = {}
    found: dict[str, tuple[str, ...] | None] = {}
    for term in _terms(pack):
        if term.regex:
            literals = triggers(term.text)
            found[term.text] = tuple(sorted(literals)) if literals is not None else None
        else:
            words[term.text] = word(term.text)
    return Analysis(words=words, triggers=found)


def remember(analysis: Analysis) -> None:
    """Take a stored analysis as this process's own."""
    _words.update(analysis.words)
    _triggers.update(
        {
            pattern: frozenset(literals) if literals is not None else None
            for pattern, literals in analysis.triggers.items()
        }
    )


def _terms(pack: Pack) -> Iterator[Term]:
    """Every term a pack's lexicon matches."""
    for topic in pack.topics.values():
        yield from topic.terms
        for group in topic.near:
            yield from group
        yield from topic.exclude
        yield from topic.unless
        for terms in topic.by.values():
            yield from terms
    for terms in pack.vocabularies.values():
        yield from terms
    for party in pack.parties.values():
        yield from party.terms
    for rule in pack.rules:
        for group in (*getattr(rule, "near", ()), *getattr(rule, "specific", ())):
            yield from group
