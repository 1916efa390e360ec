"""Literal clause labels at the start of a paragraph, and the text that only looks like one."""

from __future__ import annotations

import pytest

from clausecheck.document.labels import match_label


@pytest.mark.parametrize(
    "text, label, cite, rest",
    [
        ("第十二条 保险", "第十二条", "第十二条", "保险"),
        ("第三章　安全生产", "第三章", "第三章", "安全生产"),
        ("第一部分 合同条件", "第一部分", "第一部分", "合同条件"),
        ("第5条 甲方义务", "第5条", "第5条", "甲方义务"),
        ("一、词语含义", "一、", "一、", "词语含义"),
        ("（一）乙方应当", "（一）", "（一）", "乙方应当"),
        ("(1) The Supplier", "(1)", "(1)", "The Supplier"),
        ("（3）承包方", "（3）", "（3）", "承包方"),
        ("1. Definitions", "1", "1", "Definitions"),
        ("１．合同：是指", "１", "1", "合同：是指"),
        ("1、甲方", "1、", "1", "甲方"),
        ("1.1 The Customer shall", "1.1", "1.1", "The Customer shall"),
        ("1.1.1 Sub", "1.1.1", "1.1.1", "Sub"),
        ("2.3. Payment", "2.3", "2.3", "Payment"),
        ("１．２　甲方", "１．２", "1.2", "甲方"),
        ("Article 5 Fees", "Article 5", "Article 5", "Fees"),
        ("ARTICLE V – INSURANCE", "ARTICLE V", "Article V", "INSURANCE"),
        ("Section 5.2 Payment Terms", "Section 5.2", "Section 5.2", "Payment Terms"),
        ("Clause 7: Safety", "Clause 7", "Clause 7", "Safety"),
        ("(a) first", "(a)", "(a)", "first"),
        ("(iv) fourth", "(iv)", "(iv)", "fourth"),
        ("a. item", "a", "a", "item"),
        ("I. DEFINITIONS", "I", "I", "DEFINITIONS"),
        ("Ａ．義務和責任", "Ａ", "A", "義務和責任"),
        ("① 第一项", "①", "①", "第一项"),
        ("附件一 安全协议", "附件一", "附件一", "安全协议"),
        ("附件2：安全责任书", "附件2", "附件2", "安全责任书"),
        ("Schedule 2 Site Rules", "Schedule 2", "Schedule 2", "Site Rules"),
        ("Annex A", "Annex A", "Annex A", ""),
        ("Exhibit B - Pricing", "Exhibit B", "Exhibit B", "Pricing"),
        ("Appendix 1", "Appendix 1", "Appendix 1", ""),
    ],
)
def test_labels(text, label, cite, rest):
    match = match_label(text)
    assert match is not None, text
    assert (match.label, match.cite, match.rest) == (label, cite, rest)


@pytest.mark.parametrize(
    "text",
    [
        "第三方应当遵守现场规定。",
        "第三条规定的义务由乙方承担。",
        "Section 5 applies to all Engineers.",
        "2.5 million dollars is the cap.",
        "3.5% interest",
        "e.g. helmets and gloves",
        "The Supplier shall provide PPE.",
        "一般规定",
        "2024年1月1日",
        "(Pty) Ltd shall",
        "Part time staff shall",
        "",
    ],
)
def test_not_labels(text):
    assert match_label(text) is None, text


def test_ranks_and_series():
    assert match_label("第一章 总则").rank < match_label("第一条 x").rank
    assert match_label("Part 1 X").rank < match_label("Article 1 X").rank < match_label("Section 1 X").rank
    assert match_label("Schedule 1 X").rank == 0
    assert match_label("(a) x").series == match_label("(b) x").series
    assert match_label("(a) x").series != match_label("(A) x").series
    assert match_label("(i) x").alt_series == match_label("(h) x").series


def test_bare_number_heading_only_in_headings():
    assert match_label("1 Introduction") is None
    assert match_label("1 Introduction", heading=True).cite == "1"


def test_bare_number_before_a_title_in_capitals_heads_a_clause_without_a_heading_style():
    assert match_label("2 HEALTH AND SAFETY").rest == "HEALTH AND SAFETY"
    assert match_label("1 March 2026") is None
    assert match_label("4 Harbour Road, Leeds") is None
