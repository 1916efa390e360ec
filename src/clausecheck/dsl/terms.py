"""Terms as a pack author writes them, checked and made ready for matching.

Extraction matches on folded text (NFKC, traditional folded to simplified;
see `clausecheck.language.normalize`), ignoring case. A literal term is kept as
written and folded by whoever matches it. A regular expression cannot be
folded blindly (`\\D` is not `\\d`), so it is folded here, character by
character outside escapes, and compiled to prove it is valid: a pack that
loads never fails on a pattern later.

Terms come from other teams and run on every sentence of every agreement,
so they are bounded here too (`clausecheck.limits`): a literal of at most
200 characters (the matcher's automaton crashed freeing a word of 600,000),
a pattern of at most 500 with counted repeats up to 1,000, and no repeated
group that itself repeats without bound (`(\\w+\\s?)+`), which backtracks
exponentially on text that almost matches. Patterns run on the `regex`
engine with a timeout as the backstop (`clausecheck.extract.lexicon`).
"""

from __future__ import annotations

import re
from re import _constants as _sre
from re import _parser as _sre_parse  # the standard parser: private, stable across 3.11 and 3.12

import regex as timed_re

from clausecheck.dsl.model import Term
from clausecheck.language.normalize import fold_text
from clausecheck.limits import MAX_REGEX_CHARS, MAX_REGEX_REPEAT, MAX_TERM_CHARS
from clausecheck.types import Lang

_METACHARS = set(".^$*+?{}[]\\|()")


class TermError(ValueError):
    """A term that cannot be used; the message says why (and `hint` what to write), for a positioned error."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


def literal(text: str, lang: Lang | None) -> Term:
    """A literal term; it must contain something to match."""
    if not text.strip():
        raise TermError("empty term")
    if len(text) > MAX_TERM_CHARS:
        raise TermError(
            f"a term of {len(text):,} characters; terms are at most {MAX_TERM_CHARS}",
            hint="a term is a word or phrase: split a passage into the phrases that mark the topic",
        )
    return Term(text=text, lang=lang)


def regex(source: str, lang: Lang | None) -> Term:
    """A regular-expression term, folded like the text it runs on, and validated."""
    if len(source) > MAX_REGEX_CHARS:
        raise TermError(
            f"a regular expression of {len(source):,} characters; patterns are at most {MAX_REGEX_CHARS}",
            hint="split it into several shorter patterns on the same term line",
        )
    folded = fold_pattern(source)
    try:
        parsed = _sre_parse.parse(folded)
        compiled = re.compile(folded)
        timed_re.compile(folded)  # the engine that runs it must accept it too
    except re.error as e:
        raise TermError(f"invalid regular expression: {e.msg}") from None
    except (timed_re.error, OverflowError, RecursionError) as e:
        raise TermError(f"invalid regular expression: {e}") from None
    _check_repeats(parsed.data, inside_unbounded=False)
    if compiled.match(""):
        raise TermError("this regular expression matches empty text, so it would match everywhere")
    return Term(text=folded, lang=lang, regex=True)


def fold_pattern(source: str) -> str:
    """Fold a pattern's literal characters as matching folds text; escapes are kept as written."""
    out: list[str] = []
    i = 0
    while i < len(source):
        ch = source[i]
        if ch == "\\" and i + 1 < len(source):
            out.append(source[i : i + 2])
            i += 2
            continue
        folded = fold_text(ch) if not ch.isascii() else ch
        if not ch.isascii() and any(c in _METACHARS for c in folded):
            folded = re.escape(folded)
        out.append(folded)
        i += 1
    return "".join(out)


_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT)


def _check_repeats(items: list, *, inside_unbounded: bool) -> None:
    """Refuse counted repeats past the limit and an unbounded repeat inside another (catastrophic backtracking)."""
    for op, arg in items:
        if op in _REPEATS:
            low, high, sub = arg
            unbounded = high == _sre.MAXREPEAT
            if max(low, 0 if unbounded else high) > MAX_REGEX_REPEAT:
                raise TermError(f"a counted repeat above {MAX_REGEX_REPEAT:,}", hint="match fewer repetitions")
            if unbounded and inside_unbounded:
                raise TermError(
                    "a repeated group that itself repeats without bound, like (\\w+\\s?)+, can take "
                    "exponential time on text that almost matches",
                    hint="repeat the inner part a bounded number of times ({0,40}) or merge the two repeats "
                    "into one character class, like [\\w\\s]+",
                )
            _check_repeats(sub.data, inside_unbounded=inside_unbounded or unbounded)
        elif op in (_sre.SUBPATTERN, _sre.ATOMIC_GROUP, _sre.ASSERT, _sre.ASSERT_NOT):
            sub = arg[-1]
            _check_repeats(sub.data, inside_unbounded=inside_unbounded)
        elif op == _sre.BRANCH:
            for sub in arg[1]:
                _check_repeats(sub.data, inside_unbounded=inside_unbounded)
        elif op == _sre.GROUPREF_EXISTS:
            for sub in arg[1:]:
                if sub is not None:
                    _check_repeats(sub.data, inside_unbounded=inside_unbounded)
