"""Text and HTML reports in the reader's language, void and not-applicable rows, empty table cells, clauses that agree."""

from __future__ import annotations

import re

import pytest

import clausecheck
from clausecheck.checker import Checker
from clausecheck.document.reader import read_document
from clausecheck.findings import Report
from clausecheck.report.html import render_html
from clausecheck.report.text import render_text
from clausecheck.testing.compose import compose_docx

from .kit import EXAMPLES, example_path

ENGLISH_WORDS = re.compile(
    r"\b(present|ambiguous|missing|provider|client|What to do|Suggested wording|Basis|language|pack)\b"
)

VOID_ONLY = """
# 驻场服务合同
甲方：北方有限公司
乙方：光线有限公司
第一条 乙方应为其驻场人员配备劳动防护用品。
第二条 乙方人员在甲方场地内发生的一切伤亡事故，均由乙方承担，与甲方无关。
"""


def report_of(name: str, **options) -> tuple[Report, dict]:
    path = example_path(name)
    outcome = Checker(EXAMPLES[name].pack, **options).check(path)
    return Checker(EXAMPLES[name].pack).report([outcome.result]), {outcome.result.path: outcome.document}


@pytest.mark.parametrize("name", ["it-onsite-services.zh-Hans", "remote-duty.zh-Hant"])
def test_chinese_reports_carry_no_english_words_but_codes_and_ids(name):
    report, documents = report_of(name)
    text = render_text(report)
    prose = re.sub(r"[A-Za-z]+[\w.\-]*\.[\w.\-]+|CC\d+|[a-z_]+(?=\s)|\b(?:zh-Hans|zh-Hant|CN|TW|HK)\b", "", text)
    assert not ENGLISH_WORDS.search(prose), ENGLISH_WORDS.search(prose)
    html = render_html(report, documents)
    for english in (">status<", ">party<", ">Findings", "What to do", ">present<", ">missing<"):
        assert english not in html


def test_traditional_chinese_uses_taiwan_and_hong_kong_wording_and_the_agreements_own_word():
    report, _ = report_of("remote-duty.zh-Hant")
    text = render_text(report)
    assert "已約定" in text and "缺漏" in text and "處理建議：" in text and "依據：" in text
    assert "就個人防護具的約定" in text and "勞動防護用品" not in text  # Taiwan's word for PPE
    assert "契約未約定" in text and "协议" not in text and "協議未約定" not in text


def test_a_topic_settled_only_by_a_void_clause_is_marked_void_never_ok():
    document = read_document(compose_docx(VOID_ONLY))
    result = clausecheck.check(document).documents[0]
    row = next(t for t in result.topics if t.topic == "injury_liability")
    assert row.status == "present" and row.void == ["第二条"]  # the matrix contract is unchanged; the marker is new
    text = render_text(clausecheck.check(document))
    assert re.search(r"   !! injury_liability +已约定 .*无效 第二条", text)
    assert not re.search(r"ok injury_liability", text)
    html = render_html(clausecheck.check(document), {result.path: document})
    assert '<td class="status void">已约定 · 无效' in html


def test_void_clauses_carry_replacement_wording_in_every_output():
    report, documents = report_of("onsite-maintenance.en")
    replacement = "Nothing in this Agreement limits or excludes either Party's liability for death or personal injury"
    assert f"Replace with: {replacement}" in render_text(report)
    assert replacement.split("Party's ")[1] in render_html(report, documents)
    assert replacement in clausecheck.render(report, format="sarif")


def test_vague_findings_name_the_vague_words_and_never_quote_nothing():
    for name in EXAMPLES:
        report, _ = report_of(name)
        for f in report.documents[0].findings:
            assert "“”" not in f.message and "「」" not in f.message and '""' not in f.message
            if f.kind == "vague" and f.locations[0].words:  # vague words: quoted, and found in the clause
                assert f.locations[0].words in f.locations[0].excerpt and f.locations[0].words in f.message
    insurance = compose_docx(
        "# 驻场服务合同\n甲方：北方有限公司\n乙方：光线有限公司\n第一条 乙方应为其驻场人员购买保险。"
    )
    unspecific = next(f for f in clausecheck.check(insurance).documents[0].findings if f.rule == "insurance.injury")
    assert (
        unspecific.kind == "vague"
        and unspecific.message == "关于工伤保险的约定未写明应涵盖的具体内容（种类、范围或金额）。"
    )


def test_a_vague_word_beside_a_concrete_list_is_at_most_low():
    notation = "# 驻场服务合同\n甲方：北方有限公司\n乙方：光线有限公司\n第一条 乙方应为其人员配备安全帽、安全带、防护手套等劳动防护用品及相应的防范措施。"
    finding = next(
        f for f in clausecheck.check(compose_docx(notation)).documents[0].findings if f.rule == "ppe.provided"
    )
    assert finding.kind == "vague" and finding.severity == "low" and "（“相应”）" in finding.message


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_a_topics_clauses_and_locations_agree_and_every_output_quotes_them(name):
    report, documents = report_of(name)
    result = report.documents[0]
    text, html = render_text(report), render_html(report, documents)
    for row in result.topics:
        assert row.clauses == list(dict.fromkeys(loc.clause for loc in row.locations if loc.clause))
        for clause in row.clauses[:4]:
            assert clause in text and f">{clause}</a>" in html


def test_html_tables_keep_empty_cells_so_a_mark_stays_in_its_column():
    notation = """
# 驻场服务合同
甲方：北方有限公司
乙方：光线有限公司
| 事项 | 甲方 | 乙方 |
| 劳动防护用品 | | √ |
| 安全教育培训 | √ | |
"""
    document = read_document(compose_docx(notation))
    html = render_html(clausecheck.check(document), {document.source: document})
    rows = re.findall(r"<tr>(<td>.*?)</tr>", html)
    cells = [re.findall(r"<td>(.*?)</td>", row) for row in rows if "劳动防护用品" in row or "安全教育培训" in row]
    assert [len(c) for c in cells] == [3, 3]
    assert "√" not in cells[0][1] and "√" in cells[0][2]
    assert "√" in cells[1][1] and "√" not in cells[1][2]
