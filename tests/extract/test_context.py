"""What flows down to a sentence from above it or beside it: headings, lead-ins, leading clauses, the rest of
its sentence, the sentence before; and what does not (conditions listed under a lead-in)."""

from __future__ import annotations

import pytest

from clausecheck import load_pack
from clausecheck.document.reader import read_document
from clausecheck.extract.extractor import extract
from clausecheck.testing.compose import compose_docx

HEAD_ZH = "甲方（发包方）：某某置业有限公司\n乙方（承包方）：某某建筑工程有限公司\n"
HEAD_EN = 'This Agreement is made between Northgate Ltd (the "Customer") and Brightwire Ltd (the "Contractor").\n'

CASES = [
    # (notation, clause, topic, role, source)
    (HEAD_ZH + "# 二、乙方的安全管理职责\n1. 为其施工人员配备安全帽。", "二、1", "ppe", "provider", "heading"),
    (HEAD_ZH + "第二条 甲方工作\n2.1 向乙方提供地下管线资料。", "2.1", "hazard_disclosure", "client", "heading"),
    (HEAD_EN + "5.1 The Contractor shall:\n(a) supply hard hats to its staff;", "5.1(a)", "ppe", "provider", "lead-in"),
    (
        HEAD_EN + "9. Insurance\nA. The Contractor shall maintain the insurance below.\n"
        "(1) Employer's liability insurance of $5,000,000.",
        "9(A)(1)",
        "injury_insurance",
        "provider",
        "leading clause",
    ),
    (
        HEAD_EN + "15. The Contractor shall take all health and safety precautions. These precautions shall include "
        "the wearing of protective clothing.",
        "15",
        "ppe",
        "provider",
        "sentence",
    ),
]


@pytest.fixture(scope="module")
def pack():
    return load_pack("safety-core")


@pytest.mark.parametrize(("notation", "clause", "topic", "role", "source"), CASES)
def test_a_duty_takes_its_bearer_from_above_or_beside(pack, notation, clause, topic, role, source):
    facts = extract(read_document(compose_docx(notation)), pack)
    (statement,) = [s for s in facts.statements if s.clause == clause and any(t.topic == topic for t in s.topics)]
    assert (statement.actor.role, statement.actor.source) == (role, source)


def test_a_condition_listed_under_a_lead_in_borrows_no_duty(pack):
    notation = (
        HEAD_ZH + "六、有下列情形之一的，乙方可以解除合同：\n（1）甲方未提供劳动保护用品，严重损害工人身体健康的；"
    )
    facts = extract(read_document(compose_docx(notation)), pack)
    assert not [s for s in facts.statements if any(t.topic == "ppe" for t in s.topics)]


def test_rule_specific_words_are_read_across_the_sentence(pack):
    notation = HEAD_EN + (
        "12.1 The Contractor shall indemnify the Customer against all losses arising out of "
        "(a) its breach; or (b) any injury to or death of any person."
    )
    facts = extract(read_document(compose_docx(notation)), pack)
    (first,) = [s for s in facts.statements if s.text.startswith("The Contractor shall indemnify")]
    assert any(t.topic == "injury_liability" for t in first.topics)
    assert any(tag.startswith("specific_") for tag in first.tags)


@pytest.mark.parametrize(
    ("line", "addressed"),
    [
        ("3.1 The Customer shall give every engineer of the Contractor a site induction.", True),
        ("3.1 The Contractor shall give every engineer a site induction.", False),
    ],
)
def test_by_party_terms_address_the_topic_only_in_that_partys_duty(pack, line, addressed):
    trace: list = []
    facts = extract(read_document(compose_docx(HEAD_EN + line)), pack, trace=trace)
    hazard = [s for s in facts.statements if any(t.topic == "hazard_disclosure" for t in s.topics)]
    assert bool(hazard) is addressed
    (check,) = [c for part in trace for c in part.checks if c.topic == "hazard_disclosure"]
    assert check.only_for == ("client",) and check.accepted is addressed
    if not addressed:
        assert check.reason == "its words count only in a duty of client"


def test_an_impersonal_rule_about_taking_up_work_falls_to_the_provider(pack):
    facts = extract(read_document(compose_docx(HEAD_ZH + "第四条 从事电焊作业的，需持特种作业操作证方可上岗。")), pack)
    (statement,) = [s for s in facts.statements if any(t.topic == "safety_training" for t in s.topics)]
    assert (statement.actor.role, statement.actor.source, statement.modality) == ("provider", "personnel", "binding")


def test_a_lead_ins_list_ends_with_its_sentence(pack):
    notation = HEAD_ZH + "第四条 甲方发给乙方劳动保护用品：工作服两套、安全帽一顶。从事电焊作业的，需持操作证方可上岗。"
    facts = extract(read_document(compose_docx(notation)), pack)
    (last,) = [s for s in facts.statements if s.text.startswith("从事电焊作业")]
    assert [t.topic for t in last.topics] == ["safety_training"]
