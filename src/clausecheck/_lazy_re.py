"""Regular expressions compiled when a run first uses them, not when their module is imported.

A check of one English agreement imports about 200 patterns and uses about
half: the Chinese forms, the table and annotation readers, the rare
wording. Python compiles a pattern in Python code (a class of Chinese
characters alone takes a millisecond), so compiling all of them at import
cost a tenth of the command's start. `lazy_compile` returns a stand-in that
compiles on the first attribute asked of it and then keeps the compiled
pattern's methods as its own attributes, so later calls cost what a call on
the pattern itself costs.
"""

from __future__ import annotations

import re
from typing import Any, cast

_ATTRIBUTES = (
    "search",
    "match",
    "fullmatch",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
    "scanner",
    "flags",
    "groups",
    "groupindex",
)


class _LazyPattern:
    """Stands in for `re.compile(source, flags)` until something is asked of it."""

    def __init__(self, source: str, flags: int) -> None:
        self._source, self._flags = source, flags
        self.pattern = source  # read while building other patterns, which need not compile this one

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # copy and pickle look for hooks before the instance has its attributes
            raise AttributeError(name)
        compiled = re.compile(self._source, self._flags)
        for attribute in _ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_compile({self._source!r}, {self._flags})"


def lazy_compile(source: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, compiled at first use."""
    return cast("re.Pattern[str]", _LazyPattern(source, int(flags)))
