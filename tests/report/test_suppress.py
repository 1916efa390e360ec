"""Accepting findings: by a Word comment in the agreement, or by a baseline file keyed by rule and clause text."""

from __future__ import annotations

import json

import pytest

import clausecheck
from clausecheck.checker import resolve_packs
from clausecheck.dsl.registry import RuleRegistry
from clausecheck.errors import UsageError
from clausecheck.findings import Report
from clausecheck.suppress import (
    Baseline,
    comment_acceptances,
    unknown_acceptances,
    write_baseline,
)
from clausecheck.testing.compose import compose_docx

from .kit import AGREEMENT_EN, validate_report, write_agreement

CORE = RuleRegistry(resolve_packs("safety-core"))
WAIVER = "The Customer shall not be liable for any injury to or death of any Engineer, howsoever caused."


def judge_with_comments(notation: str):
    """The public API, which applies the acceptances reviewers wrote in Word comments, as the command does."""
    document = clausecheck.read_document(compose_docx(notation))
    return document, clausecheck.check(document).documents[0]


def test_a_comment_naming_a_rule_accepts_its_findings_with_the_reason():
    notation = AGREEMENT_EN.replace(
        "1.3 The Customer",
        "1.3 {comment:clausecheck: accept injury.waiver — agreed, UK law caps it anyway}The Customer",
    )
    document, result = judge_with_comments(notation)
    assert [c.text for c in document.comments] == ["clausecheck: accept injury.waiver — agreed, UK law caps it anyway"]
    assert all(f.rule != "injury.waiver" for f in result.findings)
    (accepted,) = [s for s in result.suppressed if s.rule == "injury.waiver"]
    assert accepted.suppression.kind == "comment"
    assert accepted.suppression.reason == "agreed, UK law caps it anyway"
    assert accepted.suppression.source == f"comment {document.comments[0].id}"
    assert all(WAIVER not in b.text or "clausecheck" not in b.text for b in document.blocks)
    validate_report(Report(version="0", packs=["safety-core"], documents=[result]).model_dump(mode="json"))


def test_codes_lists_and_chinese_wording_are_accepted_everywhere_when_asked():
    notation = AGREEMENT_EN.replace(
        "2.1 The Supplier", "2.1 {comment:OK. clausecheck：接受 CC201、CC102 全部}The Supplier"
    )
    _, result = judge_with_comments(notation)
    assert {s.code for s in result.suppressed} == {"CC201", "CC102"}
    assert not {"CC201", "CC102"} & {f.code for f in result.findings}


def test_a_comment_accepts_a_rule_only_on_the_clause_it_is_anchored_on():
    second = "1.4 The Supplier shall not be liable for any injury to any visitor, howsoever caused.\n2. Insurance"
    notation = AGREEMENT_EN.replace("2. Insurance", second)
    on_first = notation.replace("1.3 The", "1.3 {comment:clausecheck: accept CC201 — capped}The")
    _, result = judge_with_comments(on_first)
    assert [s.locations[0].clause for s in result.suppressed if s.code == "CC201"] == ["1.3"]
    assert [f.locations[0].clause for f in result.findings if f.code == "CC201"] == ["1.4"]
    elsewhere = notation.replace("2.1 The", "2.1 {comment:clausecheck: accept CC201 — capped}The")
    _, result = judge_with_comments(elsewhere)  # anchored on another clause: accepts nothing
    assert not [s for s in result.suppressed if s.code == "CC201"]
    everywhere = notation.replace("2.1 The", "2.1 {comment:clausecheck: accept CC201 everywhere — capped}The")
    _, result = judge_with_comments(everywhere)
    assert sorted(s.locations[0].clause for s in result.suppressed if s.code == "CC201") == ["1.3", "1.4"]
    assert [s.suppression.reason for s in result.suppressed][:1] == ["capped"]


def test_a_comment_without_the_prefix_accepts_nothing():
    _, plain = judge_with_comments(AGREEMENT_EN)
    _, result = judge_with_comments(AGREEMENT_EN.replace("1.3 The", "1.3 {comment:accept injury.waiver}The"))
    assert not result.suppressed and len(result.findings) == len(plain.findings)


def test_unknown_rules_in_acceptances_are_reported():
    document = clausecheck.read_document(compose_docx("# A\n1. x {comment:clausecheck: accept ppe.provied}"))
    (typo,) = unknown_acceptances(comment_acceptances(document), CORE)
    assert typo.rule == "ppe.provied"


def report_for(path) -> Report:
    return clausecheck.check([path])


def test_a_baseline_accepts_known_findings_and_lets_new_ones_through(tmp_path):
    agreement = write_agreement(tmp_path / "", AGREEMENT_EN)
    baseline_file = tmp_path / "baseline.json"
    before = report_for(agreement)
    count = write_baseline(baseline_file, before)
    assert count == len(before.documents[0].findings)
    data = json.loads(baseline_file.read_text(encoding="utf-8"))
    assert {e["path"] for e in data["findings"]} == {None, "agreement.docx"}  # only missing duties name the file
    baseline = Baseline.load(baseline_file)
    again = baseline.accept(report_for(agreement).documents[0], CORE)
    assert again.findings == [] and len(again.suppressed) == count
    assert {s.suppression.kind for s in again.suppressed} == {"baseline"}
    # the clauses move and a new void clause appears: only the new one is reported
    moved = AGREEMENT_EN.replace(
        "1.1 The Supplier shall supply", "1.0 Intentionally blank.\n1.1 The Supplier shall supply"
    )
    moved += "\n2.2 The Customer shall not be liable for any injury to any Engineer's visitors, howsoever caused."
    write_agreement(tmp_path, moved)
    later = baseline.accept(report_for(agreement).documents[0], CORE)
    (void,) = [f for f in later.findings if f.code == "CC201"]
    assert "visitors" in void.locations[0].excerpt
    assert any(s.code == "CC201" and s.locations[0].excerpt == WAIVER for s in later.suppressed)
    # the rest is as accepted, except the injury-liability topic, whose clauses changed
    assert {f.code for f in later.findings} <= {"CC201", "CC109"}


def test_a_missing_duty_is_accepted_only_for_its_own_agreement(tmp_path):
    first = write_agreement(tmp_path, AGREEMENT_EN, name="first.docx")
    second = write_agreement(tmp_path, AGREEMENT_EN, name="second.docx")
    write_baseline(tmp_path / "b.json", report_for(first))
    result = Baseline.load(tmp_path / "b.json").accept(report_for(second).documents[0], CORE)
    assert {f.status for f in result.findings} == {"missing"}
    assert all(s.locations for s in result.suppressed)


def test_baseline_paths_are_relative_to_the_baseline_file(tmp_path, monkeypatch):
    agreement = write_agreement(tmp_path, AGREEMENT_EN)
    (tmp_path / "ci").mkdir()
    write_baseline(tmp_path / "ci" / "b.json", report_for(agreement))
    monkeypatch.chdir(tmp_path / "ci")
    result = Baseline.load("b.json").accept(report_for("../agreement.docx").documents[0], CORE)
    assert result.findings == []


@pytest.mark.parametrize("content", ["", "[]", '{"format": 99, "findings": []}', '{"format": 1, "findings": [{}]}'])
def test_a_bad_baseline_file_is_a_usage_error(tmp_path, content):
    path = tmp_path / "b.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError, match="baseline"):
        Baseline.load(path)
    with pytest.raises(UsageError, match="no such file"):
        Baseline.load(tmp_path / "absent.json")
