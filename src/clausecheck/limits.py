"""Every limit on untrusted input, in one place (the account for users is `docs/security.md`).

Agreements come from counterparties and packs from other teams, so neither
is trusted to be small. Where an algorithm can blow up, it is bounded or the
input refused with a clear error; the time and memory budget of one
agreement (`Limits`) is the backstop for whatever slips through. The
structural limits are constants far above anything a person writes; the
budget and the package limits are set per `Checker` (and by the command's
flags and settings file).
"""

from __future__ import annotations

from dataclasses import dataclass, field

# --- what an agreement may hold ------------------------------------------------

MAX_LIST_START = 32_767
"""largest start value of an automatic list (`w:start`, `w:startOverride`); Word's own dialog stops here"""
MAX_REPEATED_LABEL = 30
"""longest label made by repeating a symbol (`AAAA`, `**`): past it (number 780 in letters) the number is shown in digits"""
MAX_CLAUSE_DEPTH = 32
"""clauses nested in clauses (`1.1.1…`, `(a)(i)(A)…`); agreements use fewer than ten levels"""

# --- what a pack may hold --------------------------------------------------------

MAX_PACK_CHARS = 2_000_000
"""characters of one pack file (the bundled core pack has about 40,000; parsing 2,000,000 takes about 2 s)"""
MAX_TERM_CHARS = 200
"""characters of one literal term (the matcher's automaton must not hold megabyte words)"""
MAX_REGEX_CHARS = 500
"""characters of one regular-expression term"""
MAX_REGEX_REPEAT = 1_000
"""largest bound of a counted repetition `{m,n}` in a pack regex"""
MAX_CONDITION_ALTERNATIVES = 64
"""alternatives an `applies when` condition expands to (each becomes engine rules)"""
MAX_NESTING = 32
"""nesting of `not`/parentheses in a condition, and of `extends` chains"""

# --- the budget of one agreement ---------------------------------------------------

DEFAULT_SECONDS = 20.0
DEFAULT_MEMORY_BYTES = 1536 * 1024 * 1024


@dataclass(frozen=True)
class ReadLimits:
    """Limits a package must stay within before anything is decompressed.

    The defaults admit any agreement a person writes (a 300-page agreement's
    main part is about 15 MB) and refuse zip bombs long before they cost
    memory: a 7 MB file declaring a 2 GB `document.xml` is stopped by
    `max_total_bytes`, and by `max_ratio` too.
    """

    max_file_bytes: int = 256 * 1024 * 1024
    """size of the .docx itself"""
    max_members: int = 5000
    """entries in the zip directory"""
    max_total_bytes: int = 256 * 1024 * 1024
    """sum of the declared uncompressed sizes of all entries"""
    max_ratio: float = 100.0
    """uncompressed / compressed size of any entry larger than `ratio_floor_bytes`"""
    ratio_floor_bytes: int = 1024 * 1024
    """entries smaller than this are not ratio-checked (tiny XML compresses well and harms no one)"""


@dataclass(frozen=True)
class Limits:
    """What judging one agreement may cost: wall-clock seconds, memory, and the package limits.

    `None` switches a budget off (for a trusted agreement known to be huge).
    """

    seconds: float | None = DEFAULT_SECONDS
    """wall-clock time to read and judge one agreement"""
    memory_bytes: int | None = DEFAULT_MEMORY_BYTES
    """memory one agreement may add to the process while it is read and judged"""
    read: ReadLimits = field(default_factory=ReadLimits)
