"""Legal basis by governing law, in the reader's language; model forms and practice notes kept apart."""

from __future__ import annotations

import pytest

from clausecheck.checker import Checker
from clausecheck.document.governing_law import governing_law
from clausecheck.document.reader import read_document
from clausecheck.dsl.loader import load_pack
from clausecheck.engine.citations import localize, select
from clausecheck.report.ui_strings import basis_lines
from clausecheck.testing.compose import compose_docx
from clausecheck.types import Citation

EN = '# Services Agreement\nThis Agreement is made between Northgate Ltd (the "Customer") and Brightwire Ltd (the "Supplier").\n'
ZH = "# 驻场服务合同\n甲方：北方有限公司\n乙方：光线有限公司\n"
ZHT = "# 駐點服務契約\n甲方：北方股份有限公司\n乙方：光線股份有限公司\n"


def ppe_citations(notation: str, **options) -> list[Citation]:
    result = Checker("safety-core", **options).check(compose_docx(notation)).result
    return next(f for f in result.findings if f.rule == "ppe.provided").citations


@pytest.mark.parametrize(
    ("text", "jurisdiction"),
    [
        ("第十条 本合同适用中华人民共和国法律。", "CN"),
        ("第十條 本契約依中華民國法律解釋。", "TW"),
        ("第十條 本合約受香港特別行政區法律管轄。", "HK"),
        ("10.1 This Agreement is governed by the laws of England and Wales.", "UK"),
        ("10.1 This Agreement shall be construed under the laws of the People's Republic of China.", "CN"),
        ("10.1 This Agreement is governed by the laws of the State of New York.", "US"),
        ("10.1 This Agreement is governed by the laws of Hong Kong.", "HK"),
    ],
)
def test_the_governing_law_clause_is_read(text, jurisdiction):
    law = governing_law(read_document(compose_docx(f"# Agreement\n{text}")))
    assert law.jurisdictions == (jurisdiction,) and law.clause


def test_without_the_clause_the_language_decides_and_english_assumes_nothing():
    assert governing_law(read_document(compose_docx(ZH + "第一条 乙方应当遵守甲方规定。"))).jurisdictions == ("CN",)
    assert governing_law(read_document(compose_docx(ZHT + "第一條 乙方應遵守甲方規定。"))).jurisdictions == ("TW", "HK")
    assert governing_law(read_document(compose_docx(EN + "1.1 The Supplier shall comply."))).jurisdictions == ()
    # a statute named in a duty is no governing-law clause
    duty = ZH + "第一条 乙方应依照《中华人民共和国安全生产法》配备劳动防护用品。"
    assert governing_law(read_document(compose_docx(duty))).clause is None


def test_a_chinese_agreement_cites_prc_statutes_by_their_chinese_names():
    cited = ppe_citations(ZH + "第一条 乙方应当遵守甲方的门禁规定。")
    assert [c.text for c in cited][:2] == [
        "《中华人民共和国安全生产法》第四十五条",
        "《中华人民共和国安全生产法》第四十七条",
    ]
    assert all(c.jurisdiction == "CN" for c in cited)  # no UK or US law in a PRC agreement


def test_a_traditional_agreement_under_taiwan_law_cites_taiwan_statutes_with_arabic_numbers():
    cited = ppe_citations(ZHT + "第一條 乙方應遵守甲方之門禁規定。\n第十條 本契約依中華民國法律解釋。")
    assert [c.text for c in cited] == ["《職業安全衛生法》第6條"]


def test_an_english_agreement_cites_its_governing_law_first_and_the_rest_only_when_asked():
    notation = EN + "1.1 The Supplier shall comply with the site rules.\n9.1 This Agreement is governed by English law."
    assert {c.jurisdiction for c in ppe_citations(notation)} == {"UK"}
    every = ppe_citations(notation, all_jurisdictions=True)
    assert every[0].jurisdiction == "UK" and {"CN", "US", "TW"} <= {c.jurisdiction for c in every}


def test_prc_law_in_an_english_agreement_reads_in_the_report_language():
    notation = EN + "1.1 The Supplier shall comply.\n9.1 This Agreement is governed by the laws of the PRC."
    assert ppe_citations(notation)[0].text == "PRC Work Safety Law art. 45"
    assert ppe_citations(notation, locale="zh-Hans")[0].text == "《中华人民共和国安全生产法》第四十五条"
    assert ppe_citations(notation, locale="zh-Hant")[0].text == "《中華人民共和國安全生產法》第四十五條"


def test_pinpoints_are_numbered_as_each_law_prints_them():
    statutes = load_pack("safety-core").statutes

    def zh(text: str, jurisdiction: str, lang: str = "zh-Hans") -> str:
        return localize(Citation(text=text, jurisdiction=jurisdiction), lang, statutes).text

    assert (
        zh("PRC Work Safety Law arts. 52(2), 106", "CN") == "《中华人民共和国安全生产法》第五十二条第二款、第一百零六条"
    )
    assert zh("PRC Work Safety Law art. 21(6)", "CN") == "《中华人民共和国安全生产法》第二十一条第（六）项"
    assert zh("PRC Civil Code art. 506(1)", "CN") == "《中华人民共和国民法典》第五百零六条第（一）项"
    assert zh("Civil Code arts. 222, 247-1", "TW", "zh-Hant") == "《民法》第222條、第247條之1"
    assert zh("Control of Exemption Clauses Ordinance (Cap. 71) s.7(1)", "HK", "zh-Hant") == (
        "《管制免責條款條例（第71章）》第7(1)條"
    )
    assert zh("Unfair Contract Terms Act 1977 s.2(1)", "UK") == "Unfair Contract Terms Act 1977 s.2(1)"  # undeclared


def test_model_forms_and_practice_notes_are_practice_never_legal_basis():
    rule = load_pack("safety-core").rule("insurance.liability")
    practice = [c for c in rule.citations if c.kind == "practice"]
    assert {c.text for c in practice} >= {"JCT 2016 cl. 6.4 (model form)", "FIDIC 2017 sub-cl. 19.2.5"}
    lines = basis_lines(select(rule.citations, ()), "en")
    assert lines[0].startswith("Basis: ") and "JCT" not in lines[0] and "FIDIC" not in lines[0]
    assert lines[1].startswith("Practice: ") and "FIDIC 2017 sub-cl. 19.2.5" in lines[1]
    assert basis_lines(select(rule.citations, ("CN",)), "zh-Hans")[-1].startswith("实务参考：")
