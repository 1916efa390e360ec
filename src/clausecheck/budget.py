"""The time and memory budget of the agreement being judged, checked where the work loops.

`Checker` opens a budget around each agreement (`enforced`); the reader,
the extractor and the engine call `checkpoint()` once per paragraph or
block, and pack regexes run with `remaining()` as their timeout. Past the
deadline, or when the process has grown by more than the memory budget
since the agreement started, `BudgetExceeded` names the file. The budget
lives in a context variable, so each thread judging its own agreement has
its own, and code run outside a checker (a test calling the reader) has none.

This is the in-process backstop behind the algorithmic fixes; a batch worker
also runs under an address-space limit and is ended from outside when it
overruns (`clausecheck.batch`), which covers native code that never returns
to a checkpoint.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from contextvars import ContextVar

from clausecheck.errors import BudgetExceeded
from clausecheck.limits import Limits

_MEMORY_EVERY = 0.05
"""seconds between two reads of the process's size (reading it costs microseconds; a checkpoint nanoseconds)"""
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def resident_bytes() -> int:
    """The process's resident memory now (Linux `/proc`); 0 where it cannot be read."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        return 0


class _Budget:
    __slots__ = ("_deadline", "_memory", "_next_memory", "_start_rss", "limits", "source")

    def __init__(self, limits: Limits, source: str) -> None:
        now = time.monotonic()
        self.limits = limits
        self.source = source
        self._deadline = now + limits.seconds if limits.seconds else None
        self._memory = limits.memory_bytes
        self._start_rss = resident_bytes() if self._memory else 0
        self._next_memory = now

    def check(self) -> None:
        now = time.monotonic()
        if self._deadline is not None and now > self._deadline:
            raise self.out_of_time()
        if self._memory and now >= self._next_memory:
            self._next_memory = now + _MEMORY_EVERY
            grown = resident_bytes() - self._start_rss
            if grown > self._memory:
                raise BudgetExceeded(
                    self.source,
                    f"checking it took {grown / 2**20:,.0f} MB, more than the memory budget of one agreement "
                    f"({self._memory / 2**20:,.0f} MB)",
                )

    def remaining(self) -> float | None:
        return None if self._deadline is None else max(self._deadline - time.monotonic(), 0.0)

    def out_of_time(self) -> BudgetExceeded:
        return BudgetExceeded(
            self.source, f"checking it took more than {self.limits.seconds:g} s, the time budget of one agreement"
        )


_current: ContextVar[_Budget | None] = ContextVar("clausecheck_budget", default=None)


@contextlib.contextmanager
def enforced(limits: Limits, source: str) -> Iterator[None]:
    """Judge one agreement within `limits`; inside another budget, the outer one goes on counting."""
    if _current.get() is not None:
        yield
        return
    token = _current.set(_Budget(limits, source))
    try:
        yield
    finally:
        _current.reset(token)


def checkpoint() -> None:
    """Raise `BudgetExceeded` when the agreement being judged is past its time or memory budget."""
    budget = _current.get()
    if budget is not None:
        budget.check()


def remaining() -> float | None:
    """Seconds left for the agreement being judged; None without a time budget."""
    budget = _current.get()
    return None if budget is None else budget.remaining()


def overrun() -> BudgetExceeded:
    """The error for work that ran out of time inside a call that cannot check (a regex's timeout)."""
    budget = _current.get()
    if budget is None:
        return BudgetExceeded("<agreement>", "checking it ran out of time")
    return budget.out_of_time()
