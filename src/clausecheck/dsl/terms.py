"""Terms as a pack author writes them, checked and made ready for matching.

Extraction matches on folded text (NFKC, traditional folded to simplified;
see `clausecheck.language.normalize`), ignoring case. A literal term is kept as
written and folded by whoever matches it. A regular expression cannot be
folded blindly (`\\D` is not `\\d`), so it is folded here, character by
character outside escapes, and compiled to prove it is valid: a pack that
loads never fails on a pattern later.
"""

from __future__ import annotations

import re

from clausecheck.dsl.model import Term
from clausecheck.language.normalize import fold_text
from clausecheck.types import Lang

_METACHARS = set(".^$*+?{}[]\\|()")


class TermError(ValueError):
    """A term that cannot be used; the message says why, for a positioned error."""


def literal(text: str, lang: Lang | None) -> Term:
    """A literal term; it must contain something to match."""
    if not text.strip():
        raise TermError("empty term")
    return Term(text=text, lang=lang)


def regex(source: str, lang: Lang | None) -> Term:
    """A regular-expression term, folded like the text it runs on, and validated."""
    folded = fold_pattern(source)
    try:
        compiled = re.compile(folded)
    except re.error as e:
        raise TermError(f"invalid regular expression: {e.msg}") from None
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
