"""The public entry point: `check(source, pack=...) -> Report`, a thin front on `Checker`.

Nothing here keeps state a caller can see: each call builds a `Checker`
(packs and compiled rules are cached per process), so `check` is safe from
several threads and from worker processes. It gives the same report as the
`clausecheck check` command: findings a reviewer accepted in a Word comment,
or that the baseline lists, are in `suppressed`, not in `findings`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence

from clausecheck.checker import DEFAULT_PACK, Checker, PackSpec, Source
from clausecheck.findings import Report
from clausecheck.limits import Limits
from clausecheck.types import Lang


def check(
    source: Source | Sequence[Source],
    pack: PackSpec | Sequence[PackSpec] = DEFAULT_PACK,
    *,
    locale: Lang | None = None,
    search_path: Sequence[str | os.PathLike[str]] = (),
    disable: Iterable[str] = (),
    baseline: str | os.PathLike[str] | None = None,
    limits: Limits | None = None,
) -> Report:
    """Check one agreement (a path, bytes, a binary file or a read `Document`) or several.

    `disable` leaves out rules by id or code; `baseline` is a file written by
    `clausecheck check --write-baseline`. Raises `ClauseCheckError`
    subclasses for an unknown or broken pack, a bad baseline and, when a
    single agreement is given, for an agreement that cannot be read. With a
    list, an unreadable agreement is reported in its result's `error` instead.
    `limits` is the time, memory and package budget of each agreement
    (default: 20 s, 1.5 GB); past it the agreement raises `BudgetExceeded`.
    """
    checker = Checker(pack, search_path=search_path, disable=disable, locale=locale, baseline=baseline, limits=limits)
    if isinstance(source, (list, tuple)):
        return checker.report(checker.check_isolated(s).result for s in source)
    return checker.report([checker.check(source).result])
