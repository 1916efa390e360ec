"""Literals a regular expression cannot match without, so it need not run where none occurs.

`\\bhard\\s?hats?\\b` cannot match without "hard"; `\\b(report|notify)\\w*`
cannot match without "report" or "notify". Reading the pattern's parse tree
(the standard library's own parser) gives such a set; the lexicon runs a
pattern only on text where one of its literals was found, which makes a
pass over thousands of sentence parts affordable. A pattern with no usable
literal (`.*`, a lone character class) gets None and always runs.
"""

from __future__ import annotations

import re

# the parser module is private but stable across the Python versions we support (3.11, 3.12)
from re import _constants as _c
from re import _parser as _sre_parse

Alternatives = frozenset[str] | None


def _better(a: Alternatives, b: Alternatives) -> Alternatives:
    """The more selective of two trigger sets: the one whose shortest literal is longest."""
    if not a:
        return b
    if not b:
        return a
    return a if min(map(len, a)) >= min(map(len, b)) else b


def _sequence(items) -> Alternatives:
    """A trigger set for a sequence of pattern items: a required run of literals, or a required group."""
    best: Alternatives = None
    run: list[str] = []

    def close_run() -> None:
        nonlocal best, run
        if run:
            best = _better(best, frozenset(["".join(run)]))
        run = []

    for op, arg in items:
        if op is _c.LITERAL:
            run.append(chr(arg).lower())
            continue
        if op is _c.AT or op in (_c.ASSERT, _c.ASSERT_NOT):
            continue  # zero-width: neither required nor breaking a run of literals
        close_run()
        if op is _c.SUBPATTERN:
            best = _better(best, _sequence(arg[-1]))
        elif op is _c.BRANCH:
            branches = [found for found in map(_sequence, arg[1]) if found]
            if len(branches) == len(arg[1]):  # every branch needs one of its literals
                best = _better(best, frozenset().union(*branches))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and arg[0] >= 1:
            best = _better(best, _sequence(arg[2]))
    close_run()
    return best


def required_literals(pattern: str) -> Alternatives:
    """Lower-case literals one of which every match contains, or None when there is no useful set."""
    try:
        parsed = _sre_parse.parse(pattern, re.IGNORECASE)
    except re.error:
        return None
    found = _sequence(list(parsed))
    if not found or min(map(len, found)) < 1 or "" in found:
        return None
    # a one-letter trigger in English fires everywhere and saves nothing
    if any(len(s) == 1 and s.isascii() for s in found):
        return None
    return found
