"""A pack that does not apply to an agreement reports its topics not_applicable, with the reason, and fails nothing."""

from __future__ import annotations

import json

import pytest

from clausecheck.checker import Checker
from clausecheck.cli import main
from clausecheck.dsl.loader import load_pack
from clausecheck.errors import PackResolutionError
from clausecheck.testing.compose import compose_docx

from ..report.kit import validate_report

CONSULTING = """
# Consulting Agreement
This Agreement is made between Northgate Ltd (the "Client") and Brightwire Ltd (the "Consultant").
1. Services
1.1 The Consultant shall provide consulting services in the form of a written market study.
1.2 The Client shall pay the fees within 30 days of invoice.
2. Liability
2.1 The Consultant shall not be liable for any injury or death, howsoever caused.
"""
DESIGN = """
# 建筑设计合同
甲方：北方有限公司
乙方：光线设计院
第一条 乙方应按照甲方的要求提供设计服务，并交付设计图纸。
第二条 甲方应按约定支付设计费。
"""
ONSITE = CONSULTING.replace("in the form of a written market study", "and its engineers shall work on site")


def judged(notation: str):
    return Checker("safety-core").check(compose_docx(notation)).result


def test_a_consulting_agreement_reports_its_topics_not_applicable_with_the_reason():
    result = judged(CONSULTING)
    assert result.applicable is False
    assert {t.status for t in result.topics} == {"not_applicable"}
    assert all(t.reason.startswith("The agreement sends nobody to work on another party's site") for t in result.topics)
    assert {t.topic for t in result.topics} >= {"ppe", "hazard_disclosure", "injury_insurance"}  # ids stay
    # a void clause is void in any agreement: it is still reported
    assert [f.status for f in result.findings] == ["forbidden"]


def test_a_design_contract_gives_the_reason_in_its_own_language():
    result = judged(DESIGN)
    assert {t.status for t in result.topics} == {"not_applicable"}
    assert result.topics[0].reason.startswith("本协议不涉及派员进入他方场所作业")
    assert result.findings == []


def test_sending_people_to_a_site_makes_the_pack_apply():
    result = judged(ONSITE)
    assert result.applicable and "not_applicable" not in {t.status for t in result.topics}
    assert any(t.status == "missing" for t in result.topics)


def test_fail_on_counts_only_applicable_findings(tmp_path, capsys):
    consulting = tmp_path / "consulting.docx"
    consulting.write_bytes(compose_docx(CONSULTING.split("2. Liability")[0]))
    assert main(["check", str(consulting), "--format", "json"]) == 0  # ten 'missing' duties would have failed it
    report = json.loads(capsys.readouterr().out)
    validate_report(report)
    assert {t["status"] for t in report["documents"][0]["topics"]} == {"not_applicable"}
    onsite = tmp_path / "onsite.docx"
    onsite.write_bytes(compose_docx(ONSITE))
    assert main(["check", str(onsite)]) == 1
    assert "na ppe" in main_text(consulting, capsys)


def main_text(path, capsys) -> str:
    main(["check", str(path)])
    return capsys.readouterr().out


def test_a_pack_condition_must_name_a_declared_scope_or_topic(tmp_path):
    own = tmp_path / "own.ccr"
    own.write_text(
        'pack own "Own" { extends safety-core\n  applies when mentions onsite_wrok\n  reason en "No site." }\n',
        encoding="utf-8",
    )
    with pytest.raises(PackResolutionError, match=r"(?s)unknown scope 'onsite_wrok'.*did you mean 'onsite_work'"):
        load_pack(own)


def test_a_child_pack_inherits_the_condition_and_may_set_its_own(tmp_path):
    assert load_pack("it-onsite").applies == load_pack("safety-core").applies
    own = tmp_path / "own.ccr"
    own.write_text(
        'pack own "Own" { extends safety-core\n  applies when mentions ppe\n  reason en "No PPE." }\n'
        'scope unused "Never used" { en "nothing" }\n',
        encoding="utf-8",
    )
    pack = load_pack(own)
    assert pack.not_applicable == {"en": "No PPE."} and set(pack.scopes) == {"onsite_work", "offsite_work", "unused"}
