"""Responsibility tables, references to other documents, and how precise a duty is."""

from __future__ import annotations

import pytest

from clausecheck import load_pack
from clausecheck.document.reader import read_document
from clausecheck.extract.extractor import extract
from clausecheck.testing.compose import compose_docx

HEAD_ZH = "甲方（发包方）：某某置业有限公司\n乙方（承包方）：某某建筑工程有限公司\n"
HEAD_EN = 'This Agreement is made between Northgate Ltd (the "Customer") and Brightwire Ltd (the "Contractor").\n'


@pytest.fixture(scope="module")
def pack():
    return load_pack("safety-core")


def statements(pack, notation):
    return extract(read_document(compose_docx(notation)), pack, all_statements=True).statements


@pytest.mark.parametrize(
    ("table", "role"),
    [
        ("| 事项 | 甲方 | 乙方 |\n| 劳保用品 |  | √ |", "provider"),
        ("| 事项 | 甲方 | 乙方 |\n| 劳保用品 | 负责 | 负责 |", "both"),
        ("| Item | Customer | Contractor |\n| Supply of PPE | Yes |  |", "client"),
        ("| Item | Responsible party |\n| Supply of PPE | Contractor |\n| Site induction | Customer |", "provider"),
        # a column that only numbers the rows holds no duty
        ("| 序号 | 事项 | 甲方 | 乙方 |\n| 1 | 劳保用品配备 |  | √ |", "provider"),
        (
            "| No. | Item | Responsible party |\n| 1. | Supply of PPE | Contractor |\n| 2. | Induction | Customer |",
            "provider",
        ),
        # a marking verb may open a longer cell; "配合" beside it only helps
        ("| 事项 | 甲方 | 乙方 |\n| 劳保用品 | 配合 | 负责配备 |", "provider"),
        # a RACI matrix: R carries out the row, A where no party is R
        ("| Activity | Customer | Contractor |\n| Supply of PPE | C | R, A |", "provider"),
        ("| Activity | Customer | Contractor |\n| Supply of PPE | A | I |", "client"),
        # a header of parties alone: each cell is its column's party's duty
        ("| Customer | Contractor |\n| Provide a rest room | Supply all PPE to the operatives |", "provider"),
        ("| 甲方职责 | 乙方职责 |\n| 提供休息室 | 为作业人员配备劳动防护用品 |", "provider"),
    ],
)
def test_a_table_row_is_a_duty_of_the_party_it_marks_or_names(pack, table, role):
    head = HEAD_ZH if "甲方" in table else HEAD_EN
    (row,) = [s for s in statements(pack, head + table) if any(t.topic == "ppe" for t in s.topics)]
    assert row.source == "table_row" and row.actor.role == role and row.actor.source == "table"


@pytest.mark.parametrize(
    ("text", "title", "resolved"),
    [
        (HEAD_ZH + "5.1 乙方应遵守《中华人民共和国安全生产法》。", "中华人民共和国安全生产法", True),
        (HEAD_ZH + "5.1 乙方应遵守甲方《现场安全管理制度》。", "现场安全管理制度", True),
        (HEAD_ZH + "5.1 乙方应遵守甲方另行制定的安全管理制度。", "安全管理制度", False),
        (
            HEAD_EN + "5.1 The Contractor shall comply with the site rules to be issued by the Customer.",
            "the site rules",
            False,
        ),
        (HEAD_EN + "5.1 The Contractor shall comply with the Site Rules in Schedule 3.", "Schedule 3", False),
    ],
)
def test_references_resolve_to_statutes_and_annexes_and_dangle_when_still_to_be_made(pack, text, title, resolved):
    refs = [r for s in statements(pack, text) for r in s.references]
    assert any(title in r.title and r.resolved == resolved for r in refs), refs


@pytest.mark.parametrize(
    ("text", "vague"),
    [
        (HEAD_ZH + "5.1 乙方应及时向甲方报告事故。", True),
        (HEAD_ZH + "5.1 乙方应在两小时内向甲方报告事故。", False),
        (HEAD_EN + "5.1 The Contractor shall report any accident to the Customer promptly.", True),
        (HEAD_EN + "5.1 The Contractor shall report any accident to the Customer within 24 hours.", False),
        (HEAD_EN + "5.1 The Contractor shall maintain adequate insurance for its employees.", True),
        (HEAD_EN + "5.1 The Contractor shall maintain employer's liability insurance of GBP 5,000,000.", False),
        # a vague word counts only in the clause that holds the topic's words
        (HEAD_ZH + "5.1 乙方应提供必要的办公用品，并在两小时内向甲方报告事故。", False),
        (HEAD_ZH + "5.1 乙方应提供办公用品，并及时向甲方报告事故。", True),
        (
            HEAD_EN + "5.1 The Contractor shall keep adequate records, and shall report any accident within 24 hours.",
            False,
        ),
    ],
)
def test_vague_words_unless_a_deadline_amount_or_standard_pins_the_duty(pack, text, vague):
    (statement,) = [s for s in statements(pack, text) if s.clause == "5.1"]
    assert statement.topics
    assert all(statement.vague_for(t.topic) == vague for t in statement.topics)


def test_a_vague_word_that_ends_one_topics_term_leaves_only_that_topic_open(pack):
    text = (
        HEAD_EN + "5.1 The Customer shall provide appropriate information, training, and safety equipment with respect "
        "to hazardous substances."
    )
    (statement,) = [s for s in statements(pack, text) if s.clause == "5.1"]
    assert {t.topic for t in statement.topics} >= {"ppe", "hazard_disclosure"}
    assert statement.vague_for("ppe") and not statement.vague_for("hazard_disclosure")


@pytest.mark.parametrize(
    ("notation", "cited"),
    [
        (
            HEAD_ZH
            + "第一条 总则\n附件一 安全责任划分\n| 事项 | 甲方 | 乙方 |\n| 危险告知 | √ | |\n| 劳保用品 |  | √ |",
            "附件一 第2行",
        ),
        (
            HEAD_EN + "1. Scope\nSchedule 2 Responsibilities\n| Item | Responsible party |\n| Induction | Customer |\n"
            "| Supply of PPE | Contractor |",
            "Schedule 2, row 2",
        ),
    ],
)
def test_a_table_row_is_cited_by_its_clause_and_row(pack, notation, cited):
    (row,) = [s for s in statements(pack, notation) if any(t.topic == "ppe" for t in s.topics)]
    assert row.clause == cited
