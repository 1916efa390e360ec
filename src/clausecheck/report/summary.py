"""What a batch shows besides its report: a progress bar while it runs, a table when it ends.

Both come from rich, imported only here and only when a batch needs them.
The progress bar goes to standard error and only to a terminal, so a report
piped into a file or another tool never carries it. The table's closing
count and the exit code share one test of `--fail-on`: `reaches`.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, Any

from clausecheck.findings import DocumentResult, Report
from clausecheck.report.text import SEVERITY_STYLE
from clausecheck.types import SEVERITY_ORDER


@contextmanager
def progress(total: int, stream: IO[str] | None = None) -> Iterator[Callable[[Any], None]]:
    """A callable to advance a progress bar by one agreement; a no-op unless `stream` is a terminal."""
    stream = stream or sys.stderr
    if total < 2 or not stream.isatty():
        yield lambda _outcome: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(file=stream), transient=True) as bar:
        task = bar.add_task("check", total=total)
        yield lambda _outcome: bar.advance(task)


def reaches(result: DocumentResult, fail_on: str) -> bool:
    """Whether a finding of `result` (accepted ones aside) is at or above `fail_on`: what fails a run."""
    threshold = SEVERITY_ORDER[fail_on]
    return any(SEVERITY_ORDER[f.severity] >= threshold for f in result.findings)


def _worst(result: DocumentResult) -> str:
    return max((f.severity for f in result.findings), key=SEVERITY_ORDER.__getitem__, default="")


def summary_row(r: DocumentResult) -> tuple[str, ...]:
    """One agreement's row: path, language, topics present/ambiguous/missing, void clauses, findings, worst, accepted."""
    if r.error:
        return (r.path, "", "", "", "", "", "", f"error: {r.error_type}", "")
    topics = Counter(t.status for t in r.topics)
    void = sum(f.status == "forbidden" for f in r.findings)
    return (
        r.path,
        r.lang or "",
        str(topics["present"]),
        str(topics["ambiguous"]),
        str(topics["missing"]),
        str(void),
        str(len(r.findings)),
        _worst(r),
        str(len(r.suppressed)),
    )


def summary_rows(report: Report) -> list[tuple[str, ...]]:
    """One row per agreement (`summary_row`)."""
    return [summary_row(r) for r in report.documents]


class Tally:
    """The summary of a run built as results arrive, for runs that stream results instead of keeping them."""

    def __init__(self, fail_on: str) -> None:
        self.fail_on = fail_on
        self.rows: list[tuple[str, ...]] = []
        self.failing = 0
        self.errors = 0

    def add(self, result: DocumentResult) -> None:
        self.rows.append(summary_row(result))
        self.failing += reaches(result, self.fail_on)
        self.errors += bool(result.error)

    def print(self, stream: IO[str]) -> None:
        """The summary table, coloured only when `stream` is a terminal, with a closing count."""
        from rich import box
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        from clausecheck.report.terminal import visible

        table = Table(box=box.SIMPLE_HEAD)
        for name in ("agreement", "lang", "present", "ambiguous", "missing", "void", "findings", "worst", "accepted"):
            table.add_column(
                name, justify="left" if name in ("agreement", "lang", "worst") else "right", overflow="fold"
            )
        for row in self.rows:
            style = "bold red" if row[7].startswith("error") else SEVERITY_STYLE.get(row[7], "")
            table.add_row(*(Text(visible(cell)) for cell in row[:7]), Text(row[7], style=style), Text(row[8]))
        console = Console(file=stream, width=None if stream.isatty() else 200)
        console.print(table)
        console.print(
            f"{len(self.rows)} agreement(s): {self.failing} with findings at or above {self.fail_on}, "
            f"{self.errors} could not be read",
            highlight=False,
        )


def print_summary(report: Report, stream: IO[str], *, fail_on: str) -> None:
    """The summary table of `report`, coloured only when `stream` is a terminal, with a closing count."""
    tally = Tally(fail_on)
    for result in report.documents:
        tally.add(result)
    tally.print(stream)


def statistics(report: Report) -> list[tuple[str, str, str, int, int]]:
    """Per rule across the report: (code, rule, severity, findings, agreements), most findings first."""
    counts: dict[tuple[str, str, str], list[int]] = {}
    for result in report.documents:
        seen = set()
        for f in result.findings:
            key = (f.code, f.rule, f.severity)
            entry = counts.setdefault(key, [0, 0])
            entry[0] += 1
            if key not in seen:
                entry[1] += 1
                seen.add(key)
    rows = [(code, rule, severity, n, docs) for (code, rule, severity), (n, docs) in counts.items()]
    return sorted(rows, key=lambda r: (-r[3], r[0]))


def print_statistics(report: Report, stream: IO[str]) -> None:
    """`--statistics`: one line per rule with its findings and the agreements they are in, like ruff's."""
    rows = statistics(report)
    if not rows:
        print("no findings", file=stream)
        return
    width = max(len(str(r[3])) for r in rows)
    rule_width = max(len(r[1]) for r in rows)
    for code, rule, severity, n, docs in rows:
        print(f"{n:>{width}}  {code}  {rule:<{rule_width}}  {severity:<8}  in {docs} agreement(s)", file=stream)
