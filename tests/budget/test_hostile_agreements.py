"""Agreements shaped to cost minutes and gigabytes end as a result or one clear error (issue 13).

Each shape comes from `clausecheck.testing.hostile` at a size that runs in
about a second; `bench/hostile_bench.py` runs them at full size and prints
the figures. Nothing here times anything: the tests assert what does not
depend on the machine (the error and its exit code, no traceback, how many
times the engine fires, memory bounded in a child process under a limit).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from clausecheck.checker import Checker
from clausecheck.document.numfmt import format_number
from clausecheck.document.reader import read_document
from clausecheck.engine import compiled, durable_adapter
from clausecheck.engine.facts import engine_facts
from clausecheck.errors import DocumentLimitExceeded
from clausecheck.extract.extractor import extract
from clausecheck.limits import MAX_CLAUSE_DEPTH, MAX_LIST_START
from clausecheck.testing import hostile

RAW_CONTROL = re.compile("[\u0080-\u009f\u202a-\u202e\u2066-\u2069]")


def run(*args: str, memory: int | None = None) -> subprocess.CompletedProcess[str]:
    """The command in a child process, its address space limited to `memory` bytes when given."""
    limit = (
        []
        if memory is None
        else [
            "-c",
            f"import resource,sys; resource.setrlimit(resource.RLIMIT_AS, ({memory}, {memory}));"
            "from clausecheck.cli import main; sys.exit(main(sys.argv[1:]))",
        ]
    )
    command = [sys.executable, *(limit or ["-m", "clausecheck"]), *args]
    return subprocess.run(command, capture_output=True, text=True)


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


def test_duties_on_both_sides_fire_the_engine_once_per_duty_not_once_per_pair(checker):
    k = 60
    document = read_document(hostile.conflicting_duties(k))
    pack = checker.packs[0]
    program = compiled(pack)
    matches = durable_adapter.run(program.key, program.rulesets, engine_facts(extract(document, pack)))
    conflict = [m for m in matches if program.index[m.rule].pattern.startswith("conflict")]
    assert 2 * k <= len(conflict) <= 2 * k + 2  # a join of every pair fired k * k = 3,600 times
    result = checker.check(document).result
    finding = next(f for f in result.findings if f.status == "conflict")
    assert [loc.clause for loc in finding.locations] == [str(k), str(2 * k)]  # the last duty of each side


def test_two_thousand_conflicting_duties_check_in_bounded_memory(tmp_path):
    path = tmp_path / "conflicts.docx"
    path.write_bytes(hostile.conflicting_duties(2000))
    out = run("check", "--format", "json", str(path), memory=1536 * 1024 * 1024)
    assert out.returncode == 1, out.stderr  # findings, no MemoryError (the pairwise join took 12 GB)
    assert "Traceback" not in out.stderr
    kinds = {t["topic"]: t["kinds"] for t in json.loads(out.stdout)["documents"][0]["topics"]}
    assert kinds["ppe"] == ["conflict"]


@pytest.mark.parametrize(
    ("fmt", "start"), [("upperLetter", 2_147_483_647), ("chicago", 10**8), ("upperLetter", 10**12), ("decimal", -1)]
)
def test_a_list_started_at_an_absurd_number_is_the_documents_error(checker, fmt, start):
    outcome = checker.check_isolated(hostile.numbering_start(fmt, start))
    assert outcome.result.error_type == "DocumentLimitExceeded"
    assert f"{start:,}" in outcome.result.error and f"{MAX_LIST_START:,}" in outcome.result.error


def test_outline_and_annotate_refuse_an_absurd_start_with_exit_2(tmp_path):
    path = tmp_path / "start.docx"
    path.write_bytes(hostile.numbering_start("upperLetter", 10**12))
    for command in (["outline", str(path)], ["annotate", str(path), "-o", str(tmp_path / "out.docx")]):
        out = run(*command)
        assert out.returncode == 2 and "Traceback" not in out.stderr
        assert "starts at 1,000,000,000,000" in out.stderr
    assert not (tmp_path / "out.docx").exists()


def test_a_list_started_high_but_within_the_limit_reads_with_labels_capped():
    document = read_document(hostile.numbering_start("upperLetter", MAX_LIST_START, paragraphs=2))
    labels = [b.label for b in document.blocks if b.label]
    assert labels == [str(MAX_LIST_START), str(MAX_LIST_START + 1)]  # in digits, not 1,261 letters
    assert format_number(780, "upperLetter") == "Z" * 30 and format_number(781, "upperLetter") == "781"
    assert format_number(120, "chicago") == "§" * 30 and format_number(121, "chicago") == "121"


def test_labels_nested_deeper_than_the_limit_are_refused(checker):
    assert read_document(hostile.nested_labels(MAX_CLAUSE_DEPTH)).clauses  # at the limit: read
    with pytest.raises(DocumentLimitExceeded, match=f"more than {MAX_CLAUSE_DEPTH} levels deep"):
        read_document(hostile.nested_labels(500))
    assert checker.check_isolated(hostile.nested_labels(500)).result.error_type == "DocumentLimitExceeded"


def test_a_long_paragraph_and_many_paragraphs_check_to_a_result(checker):
    for data in (hostile.long_paragraph(200_000), hostile.long_paragraph(50_000, chinese=True)):
        result = checker.check(data).result
        assert result.error is None and result.topics


def test_annotate_writes_a_comment_for_each_of_hundreds_of_void_clauses(tmp_path):
    source = tmp_path / "many.docx"
    source.write_bytes(hostile.many_findings(300))
    out = run("annotate", str(source), "-o", str(tmp_path / "out.docx"))
    assert out.returncode == 1, out.stderr  # annotate exits like check: the void clauses are critical
    expected = 300 * 2 + 9 + 1  # each void clause twice, nine missing duties, the summary on the title
    assert re.search(r"wrote .*: (\d+) comment", out.stdout).group(1) == str(expected)
    comments = read_document((tmp_path / "out.docx").read_bytes()).comments
    assert len(comments) == expected and len({c.id for c in comments}) == len(comments)


def test_control_and_bidi_characters_reach_the_text_report_escaped(tmp_path):
    path = tmp_path / "controls.docx"
    path.write_bytes(hostile.terminal_controls())
    for color in ("never", "always"):
        out = run("check", "--color", color, str(path))
        assert "\\u202ehowever caused" in out.stdout and "negligence\\u009b31m" in out.stdout
        assert not RAW_CONTROL.search(out.stdout)
    report = json.loads(run("check", "--format", "json", str(path)).stdout)  # JSON keeps the words exactly
    assert any("\u202e" in loc["excerpt"] for f in report["documents"][0]["findings"] for loc in f["locations"])


def test_a_large_table_checks_to_a_result(checker):
    result = checker.check(hostile.large_table(300, 6)).result
    assert result.error is None and result.topics
