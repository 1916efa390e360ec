"""The clause tree and the citation of every block, for literal labels and automatic numbering alike."""

from __future__ import annotations

import pytest

BOTH = pytest.mark.parametrize("auto", [False, True], ids=["literal", "numbering"])


def cited(doc):
    return {b.text: b.clause for b in doc.blocks}


@BOTH
def test_english_decimal_and_items(read, auto):
    doc = read(
        """
        7. Health and Safety
        7.1 The Client shall brief engineers.
        7.2 The Supplier shall:
        (a) supply helmets;
        (b) supply gloves.
        (i) nested roman
        7.3 Insurance.
        8. Liability
        8.1 Nothing limits liability.
        """,
        auto_numbering=auto,
    )
    assert cited(doc) == {
        "Health and Safety": "7",
        "The Client shall brief engineers.": "7.1",
        "The Supplier shall:": "7.2",
        "supply helmets;": "7.2(a)",
        "supply gloves.": "7.2(b)",
        "nested roman": "7.2(b)(i)",
        "Insurance.": "7.3",
        "Liability": "8",
        "Nothing limits liability.": "8.1",
    }
    assert [b.label_source for b in doc.blocks] == ["numbering" if auto else "literal"] * 9


@BOTH
def test_chinese_articles_items_and_parts(read, auto):
    doc = read(
        """
        第一章 总则
        第一条 目的
        第二章 安全责任
        第五条 甲方义务
        （一）提供安全帽；
        （二）告知危险源。
        1．危险源清单；
        第六条 乙方义务
        1．遵守现场规定。
        """,
        auto_numbering=auto,
    )
    assert cited(doc) == {
        "总则": "第一章",
        "目的": "第一条",
        "安全责任": "第二章",
        "甲方义务": "第五条",
        "提供安全帽；": "第五条（一）",
        "告知危险源。": "第五条（二）",
        "危险源清单；": "第五条（二）1",  # as printed: 1. under （二）
        "乙方义务": "第六条",
        "遵守现场规定。": "第六条第1款",
    }
    kinds = {n.label: n.kind for n in doc.clauses}
    assert kinds == {"第一章": "part", "第二章": "part"}
    article = doc.clauses[1].children[0]
    assert (article.label, article.kind, article.children[0].kind) == ("第五条", "article", "item")


@BOTH
def test_annexes_are_roots_and_prefix_their_clauses(read, auto):
    doc = read(
        """
        1. Services
        1.1 The Supplier shall provide the services in Schedule 2.
        Schedule 2 Site Rules
        1. Sign in at reception.
        4. Wear a helmet.
        附件一 安全生产协议
        第一条 乙方负责现场安全。
        """,
        auto_numbering=auto,
    )
    assert cited(doc)["Wear a helmet."] == "Schedule 2, 4"
    assert cited(doc)["乙方负责现场安全。"] == "附件一第一条"
    roots = [(n.kind, n.path) for n in doc.clauses]
    assert roots == [("article", "1"), ("annex", "Schedule 2"), ("annex", "附件一")]


def test_annex_label_before_any_clause_titles_the_document(read):
    doc = read("Exhibit 10.21\nSERVICES AGREEMENT\n1. Scope\n1.1 Text.")
    assert doc.blocks[0].label == "Exhibit 10.21" and doc.blocks[0].clause is None
    assert [n.path for n in doc.clauses] == ["1"]


def test_letter_after_h_is_a_letter_not_roman(read):
    doc = read("1. Duties\n" + "\n".join(f"({c}) duty {c}" for c in "abcdefghij"))
    assert cited(doc)["duty i"] == "1(i)"
    node = doc.clauses[0]
    assert len(node.children) == 10  # (i) and (j) are siblings of (h), not children


def test_headings_make_nodes_and_close_clauses(read):
    doc = read("# Definitions\n(a) one\n(b) two\n# Safety\n(a) helmets\n## Training\ntext")
    assert [(n.label, n.title, n.path) for n in doc.clauses] == [
        ("", "Definitions", "Definitions"),
        ("", "Safety", "Safety"),
    ]
    safety = doc.clauses[1]
    assert [c.label or c.title for c in safety.children] == ["(a)", "Training"]
    assert [b.heading_level for b in doc.blocks if b.text in ("Definitions", "Training")] == [1, 2]


def test_continuation_paragraphs_belong_to_the_open_clause(read):
    doc = read("第一条 定义\n本条的说明。\n第二条 范围")
    assert [b.clause for b in doc.blocks] == ["第一条", "第一条", "第二条"]
    assert doc.clauses[0].block_ids == ("b0", "b1")


def test_tables_take_the_clause_they_stand_in_and_open_none(read):
    doc = read("第三条 责任分工\n| 事项 | 责任方 |\n| 1. 安全帽 | 乙方 |\n第四条 保险")
    cells = [b for b in doc.blocks if b.table]
    assert {b.clause for b in cells} == {"第三条"}
    assert [n.label for n in doc.clauses] == ["第三条", "第四条"]
    assert cells[2].label == "1" and cells[2].text == "安全帽"


def test_bilingual_agreement_keeps_both_numberings(read):
    doc = read("第一条 安全\nArticle 1 Safety\n第二条 保险\nArticle 2 Insurance")
    assert [n.path for n in doc.clauses] == ["第一条", "Article 1", "第二条", "Article 2"]


def test_titles_from_short_heading_like_labels(read):
    doc = read("第一条 词语含义。在本合同中，下列词语具有本条所赋予的含义。\nARTICLE 2 SCOPE OF WORK")
    assert [n.title for n in doc.clauses] == ["词语含义", "SCOPE OF WORK"]


def test_a_short_item_ending_with_a_full_width_stop_is_a_sentence_not_a_heading(read):
    doc = read("第五条 甲方义务\n１．甲方向乙方人员提供工作服．\n２．住房\n")
    assert [b.heading_level is not None for b in doc.blocks] == [True, False, True]


def test_table_of_contents_entries_open_no_clauses(read):
    doc = read(
        "TABLE OF CONTENTS\nARTICLE 1 DEFINITIONS 2\nARTICLE 2 SERVICES 4\nExhibit A Fees 9\n"
        "ARTICLE 1 DEFINITIONS\n1.1 Terms.\nARTICLE 2 SERVICES\nExhibit A Fees\n1. Monthly fee."
    )
    assert [n.path for n in doc.clauses] == ["Article 1", "Article 2", "Exhibit A"]
    assert [b.clause for b in doc.blocks[:4]] == [None, None, None, None]
    assert doc.blocks[-1].clause == "Exhibit A, 1"


def test_heading_repeated_on_every_page_is_not_a_heading(read):
    doc = read("1. Scope\n(a) one\n# Acme Agreement\n(b) two\n# Acme Agreement\n(c) three\n# Acme Agreement\n2. Fees")
    assert [b.clause for b in doc.blocks if b.text in ("two", "three")] == ["1(b)", "1(c)"]
    assert [n.path for n in doc.clauses] == ["1", "2"]


@BOTH
def test_lettered_clauses_cite_bare_at_the_top_and_bracketed_below(read, auto):
    doc = read("A. Scope\n1. Services\na. first\nB. Fees", auto_numbering=auto)
    assert [b.clause for b in doc.blocks] == ["A", "A.1", "A.1(a)", "B"]


@BOTH
def test_chinese_enumerations_under_articles_are_cited_as_kuan(read, auto):
    doc = read("第一条 工程项目\n一、工程名称：某某\n四、承包范围：\n1．承包范围：某某", auto_numbering=auto)
    assert [b.clause for b in doc.blocks] == ["第一条", "第一条第一款", "第一条第四款", "第一条第四款第1项"]


def test_articles_close_open_items_but_not_a_part_heading_them(read):
    doc = read("一、总则\n第一条 定义\n（一）甲方\n第二条 范围\n附表1-1 说明\n（２）计价依据\n第三条 工程期限")
    assert [b.clause for b in doc.blocks] == [
        "一、",
        "第一条",
        "第一条（一）",
        "第二条",
        "附表1-1",
        "附表1-1（2）",
        "附表1-1第三条",
    ]


def test_a_part_heading_its_articles_goes_on_heading_them_until_the_next_part(read):
    doc = read(
        "二、甲方权利和义务\n第一条 甲方应告知危险。\n第二条 甲方应提供资料。\n三、乙方权利和义务\n第三条 乙方应配备安全帽。"
    )
    parts = [(n.path, [c.path for c in n.children]) for n in doc.clauses]
    assert parts == [("二、", ["第一条", "第二条"]), ("三、", ["第三条"])]


@BOTH
def test_an_item_under_an_enumeration_is_cited_as_printed(read, auto):
    doc = read("三、安全责任\n1. 乙方应当配备安全帽。\n2. 甲方应当告知危险因素。", auto_numbering=auto)
    assert [b.clause for b in doc.blocks][1:] == ["三、1", "三、2"]  # never an invented 三、第1项


def test_a_traditional_agreement_is_never_cited_with_simplified_characters(read):
    doc = read("第一條 工作範圍\n四、承攬範圍：\n1．乙方應提供個人防護具。")
    assert [b.clause for b in doc.blocks] == ["第一條", "第一條第四款", "第一條第四款第1項"]
    assert not any("项" in (b.clause or "") for b in doc.blocks)
