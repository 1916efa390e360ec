"""The public entry points: `check`, `annotate` and `render`, thin fronts on `Checker` and the renderers.

Nothing here keeps state a caller can see: each call builds a `Checker`
(packs and compiled rules are cached per process), so the functions are safe
from several threads and from worker processes. They give the same reports
as the `clausecheck` command: findings a reviewer accepted in a Word comment,
or that the baseline lists, are in `suppressed`, not in `findings`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from clausecheck.checker import DEFAULT_PACK, Checker, PackSpec, Source
from clausecheck.errors import UsageError
from clausecheck.findings import DocumentResult, Report
from clausecheck.limits import Limits
from clausecheck.types import Lang

Format = Literal["text", "json", "sarif", "html", "junit"]
FORMATS: tuple[Format, ...] = ("text", "json", "sarif", "html", "junit")


def check(
    source: Source | list[Source] | tuple[Source, ...],
    pack: PackSpec | Sequence[PackSpec] = DEFAULT_PACK,
    *,
    locale: Lang | None = None,
    search_path: Sequence[str | os.PathLike[str]] = (),
    disable: Iterable[str] = (),
    baseline: str | os.PathLike[str] | None = None,
    all_jurisdictions: bool = False,
    limits: Limits | None = None,
) -> Report:
    """Check one agreement (a path, bytes, a binary file or a read `Document`) or several.

    `disable` leaves out rules by id or code (or every rule on a topic, by
    topic id); `baseline` is a file written by `clausecheck check
    --write-baseline`; `all_jurisdictions` cites the law of every
    jurisdiction, not only the governing one; `limits` is the time, memory
    and package budget of each agreement (default: 20 s, 1.5 GB), past which
    the agreement raises `BudgetExceeded`. Raises `ClauseCheckError`
    subclasses for an unknown locale, an unknown or broken pack, a bad
    baseline and, when a single agreement is given, for an agreement that
    cannot be read. With a list, an unreadable agreement is reported in its
    result's `error` instead.
    """
    checker = Checker(
        pack,
        search_path=search_path,
        disable=disable,
        locale=locale,
        baseline=baseline,
        all_jurisdictions=all_jurisdictions,
        limits=limits,
    )
    if isinstance(source, (list, tuple)):
        return checker.report(checker.check_isolated(s).result for s in source)
    return checker.report([checker.check(source).result])


@dataclass
class Annotated:
    """An annotated copy of an agreement: its bytes, the result behind it, and what was written."""

    data: bytes
    result: DocumentResult
    comments: int
    changes: int
    output: str | None = None
    warnings: list[str] = field(default_factory=list)


def annotate(
    source: str | os.PathLike[str] | bytes,
    output: str | os.PathLike[str] | None = None,
    pack: PackSpec | Sequence[PackSpec] = DEFAULT_PACK,
    *,
    redline: bool = False,
    locale: Lang | None = None,
    search_path: Sequence[str | os.PathLike[str]] = (),
    disable: Iterable[str] = (),
    baseline: str | os.PathLike[str] | None = None,
    all_jurisdictions: bool = False,
) -> Annotated:
    """A copy of the agreement with Word comments on what to fix (and, with `redline`, tracked changes).

    With `output` the copy is also written there, atomically; never over the
    input, whatever the spelling of the path.
    """
    checker = Checker(
        pack,
        search_path=search_path,
        disable=disable,
        locale=locale,
        baseline=baseline,
        all_jurisdictions=all_jurisdictions,
    )
    return annotate_with(checker, source, output, redline=redline)


def annotate_with(
    checker: Checker,
    source: str | os.PathLike[str] | bytes,
    output: str | os.PathLike[str] | None = None,
    *,
    redline: bool = False,
    never: Sequence[str | os.PathLike[str]] = (),
) -> Annotated:
    """`annotate` with a checker already built (the command's, with its settings).

    Reading, judging and writing the copy run within one agreement's budget; the
    copy is never written over the agreement or over any path in `never` (the
    command's packs, settings file and baseline).
    """
    from clausecheck.document.annotate import anchorable, write_comments
    from clausecheck.document.package import load_bytes
    from clausecheck.document.reader import read_with_paragraphs
    from clausecheck.report.annotate import plan_comments
    from clausecheck.report.output import same_file, write_atomically
    from clausecheck.report.redline import plan_redlines

    name, data = load_bytes(source)
    if output is not None and isinstance(source, (str, os.PathLike)) and same_file(output, source):
        raise UsageError(f"{os.fspath(output)} is the input; annotate never writes over it", hint="give another path")
    with checker.budget(name):
        document, paragraphs = read_with_paragraphs(name, data, limits=checker.limits.read)
        outcome = checker.judge(document)
        result = outcome.result
        notes = plan_comments(result, document, anchorable(paragraphs), checker.locale)
        edits = plan_redlines(result, document) if redline else []
        annotated = write_comments(data, document, paragraphs, notes, edits)
    written = None
    if output is not None:
        inputs = (os.fspath(source),) if isinstance(source, (str, os.PathLike)) else ()
        write_atomically(output, annotated, never=(*inputs, *(os.fspath(p) for p in never)))
        written = os.fspath(output)
    return Annotated(annotated, result, len(notes), len(edits), written, outcome.warnings)


def render(report: Report, format: Format = "text", **options: object) -> str:
    """The report as text, JSON, SARIF, HTML or JUnit XML, exactly as `clausecheck check --format` prints it.

    Options: `documents` (the agreements as read, by result path, for the
    HTML page to quote), `packs` (for the SARIF rule descriptions; the
    report's own packs are loaded otherwise), `color` and `show_suppressed`
    (text), `fail_on` (JUnit: which findings fail a test case).
    """
    from clausecheck.report.render import render_report

    if format not in FORMATS:
        raise UsageError(f"unknown format '{format}'", hint=f"use one of {', '.join(FORMATS)}")
    return render_report(report, format, **options)  # type: ignore[arg-type]
