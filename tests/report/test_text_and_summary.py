"""The text report, the batch summary and the progress bar."""

from __future__ import annotations

import io

import clausecheck
from clausecheck.document.model import Comment
from clausecheck.findings import Report
from clausecheck.report.summary import print_summary, progress, summary_rows
from clausecheck.report.text import render_text

from .kit import example_path


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_accepted_findings_are_counted_then_listed_on_request():
    document = clausecheck.read_document(example_path("onsite-maintenance.en"))
    reviewed = document.model_copy(
        update={
            "comments": (
                Comment(
                    id="7",
                    author="Li Wei",
                    text="Fine by legal.\nclausecheck: accept CC201, CC105 everywhere - see memo 12",
                ),
            )
        }
    )
    result = clausecheck.check(reviewed).documents[0]  # the checker applies the acceptances
    assert {s.code for s in result.suppressed} == {"CC201", "CC105"}
    report = Report(version="0", packs=["safety-core"], documents=[result])
    text = render_text(report)
    assert "2 accepted finding(s) not shown (2 by Word comment)" in text and "CRITICAL" not in text
    listed = render_text(report, show_suppressed=True)
    assert "ACCEPTED (2: 2 by Word comment)" in listed
    assert "accepted: comment 7 by Li Wei: see memo 12" in listed


def test_colour_changes_nothing_but_the_escapes():
    report = clausecheck.check(example_path("onsite-maintenance.en"))
    plain, coloured = render_text(report), render_text(report, color=True)
    assert "\x1b[" in coloured and "\x1b[" not in plain
    import re

    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


def test_summary_rows_and_table(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"")
    report = clausecheck.check([example_path("onsite-maintenance.en"), bad])
    rows = summary_rows(report)
    assert rows[0][1:] == ("en", "4", "5", "1", "1", "7", "critical", "0")
    assert rows[1][7] == "error: EmptyDocument"
    out = io.StringIO()
    print_summary(report, out, fail_on="high")
    text = out.getvalue()
    assert "onsite-maintenance.en.docx" in text and "\x1b[" not in text
    assert "2 agreement(s): 1 with findings at or above high, 1 could not be read" in text


def test_progress_shows_only_on_a_terminal():
    quiet = io.StringIO()
    with progress(3, quiet) as advance:
        advance(None)
    assert quiet.getvalue() == ""
    terminal = _Terminal()
    with progress(3, terminal) as advance:
        for _ in range(3):
            advance(None)
    assert "checking" in terminal.getvalue() and "3/3" in terminal.getvalue()  # the bar advanced to the end
