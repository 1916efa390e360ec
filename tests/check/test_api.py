"""`clausecheck.check` end to end: real .docx in, the Report model out."""

from __future__ import annotations

import io
import threading

import pytest

import clausecheck
from clausecheck.errors import ClauseCheckError, DocumentError
from clausecheck.testing.compose import compose_docx

AGREEMENT_ZH = """
# 驻场运维服务协议
甲方：上海某某数据科技有限公司（以下简称“甲方”）
乙方：北京某某信息服务有限公司（以下简称“乙方”）
第一条 安全责任
1.1 乙方应为其驻场人员配备符合国家标准的劳动防护用品。
1.2 甲方应在乙方人员首次进入机房前，书面告知机房的危险因素和防范措施。
1.3 乙方人员应遵守甲方的机房安全管理制度。
第二条 责任承担
2.1 乙方人员在甲方场所发生的人身伤亡，甲方概不负责。
"""

AGREEMENT_EN = """
# On-site Support Agreement
This Agreement is made between Northgate Ltd (the "Customer") and Brightwire Ltd (the "Supplier").
1. Health and Safety
1.1 The Supplier shall supply each Engineer with personal protective equipment at its own cost.
1.2 The Supplier should, where practicable, ensure that every Engineer has received safety training.
1.3 A health and safety contact shall be nominated for the duration of this Agreement.
"""


def topics(report):
    return {t.topic: t for t in report.documents[0].topics}


def test_chinese_agreement_topic_matrix_and_void_clause():
    report = clausecheck.check(compose_docx(AGREEMENT_ZH))
    doc = report.documents[0]
    assert doc.lang == "zh-Hans"
    matrix = topics(report)
    assert matrix["ppe"].status == "present" and matrix["ppe"].party == "provider"
    assert matrix["hazard_disclosure"].status == "present" and matrix["hazard_disclosure"].party == "client"
    assert matrix["site_rules"].status == "present"
    assert matrix["emergency"].status == "missing"
    void = [f for f in doc.findings if f.status == "forbidden"]
    assert [f.topic for f in void] == ["void_injury_waiver"]
    assert void[0].locations[0].clause == "2.1"
    assert "概不负责" in void[0].locations[0].excerpt
    assert "无效" in void[0].message  # message in the agreement's language


def test_english_agreement_hedged_and_passive_duties_are_ambiguous():
    matrix = topics(clausecheck.check(compose_docx(AGREEMENT_EN)))
    assert matrix["ppe"].status == "present" and matrix["ppe"].party == "provider"
    assert matrix["safety_training"].status == "ambiguous" and matrix["safety_training"].kinds == ["weak_modality"]
    assert matrix["safety_coordination"].status == "ambiguous"
    assert matrix["safety_coordination"].kinds == ["no_actor"]


def test_every_required_topic_is_in_the_matrix_once():
    pack = clausecheck.load_pack("safety-core")
    required = {r.topic for r in pack.rules if r.kind == "require"}
    report = clausecheck.check(compose_docx(AGREEMENT_EN))
    assert sorted(t.topic for t in report.documents[0].topics) == sorted(required)


def test_sources_path_bytes_file_and_document_agree(tmp_path):
    data = compose_docx(AGREEMENT_ZH)
    path = tmp_path / "a.docx"
    path.write_bytes(data)
    document = clausecheck.read_document(data)
    reports = [clausecheck.check(s) for s in (path, str(path), data, io.BytesIO(data), document)]
    first = reports[0].documents[0]
    for report in reports[1:]:
        other = report.documents[0]
        assert other.topics == first.topics
        assert [f.code for f in other.findings] == [f.code for f in first.findings]


def test_locale_overrides_the_message_language():
    report = clausecheck.check(compose_docx(AGREEMENT_ZH), locale="en")
    assert all(f.message.isascii() for f in report.documents[0].findings)


def test_unreadable_single_source_raises_a_clausecheck_error(tmp_path):
    with pytest.raises(DocumentError):
        clausecheck.check(tmp_path / "nope.docx")


def test_unreadable_source_in_a_list_is_reported_and_the_rest_checked(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_text("not a word file")
    report = clausecheck.check([bad, compose_docx(AGREEMENT_EN)])
    assert report.documents[0].error and report.documents[0].error_type == "NotADocx"
    assert report.documents[1].error is None and report.documents[1].topics


def test_unknown_pack_is_a_clausecheck_error():
    with pytest.raises(ClauseCheckError):
        clausecheck.check(compose_docx(AGREEMENT_EN), pack="no-such-pack")


def test_threads_get_the_same_results():
    data = [compose_docx(AGREEMENT_ZH), compose_docx(AGREEMENT_EN)]
    expected = [clausecheck.check(d).model_dump() for d in data]
    results: list = [None] * 8
    errors: list = []

    def work(i):
        try:
            results[i] = clausecheck.check(data[i % 2]).model_dump()
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert all(results[i] == expected[i % 2] for i in range(8))


def test_items_are_read_with_their_lead_in():
    text = """
This Agreement is made between Northgate Ltd (the "Customer") and Brightwire Ltd (the "Supplier").
1. Indemnity
1.1 The Supplier shall indemnify the Customer against all claims arising from:
(a) any injury to or death of any person caused by the negligence of the Supplier; and
(b) damage to property.
"""
    matrix = topics(clausecheck.check(compose_docx(text)))
    assert matrix["injury_liability"].status == "present"
    assert matrix["injury_liability"].party == "provider"
    assert "1.1(a)" in matrix["injury_liability"].clauses


def test_three_party_dispatch_agreement_maps_each_party():
    text = """
# 劳务派遣三方协议
甲方（用工单位）：上海某某数据服务有限公司
乙方（派遣单位）：某某人力资源有限公司
丙方（劳动者）：张三，身份证号：310101199001011234
1. 乙方应为丙方缴纳工伤保险。
2. 甲方应对丙方进行岗位安全培训，并告知工作岗位存在的危险因素。
3. 丙方应遵守甲方的安全管理制度。
"""
    doc = clausecheck.check(compose_docx(text)).documents[0]
    roles = {r.role: set(r.aliases) for r in doc.roles}
    assert {"甲方", "用工单位"} <= roles["client"] and {"乙方", "派遣单位", "丙方"} <= roles["provider"]
    matrix = {t.topic: t for t in doc.topics}
    assert (matrix["injury_insurance"].status, matrix["injury_insurance"].party) == ("present", "provider")
    assert (matrix["hazard_disclosure"].status, matrix["hazard_disclosure"].party) == ("present", "client")
    assert (matrix["site_rules"].status, matrix["site_rules"].party) == ("present", "provider")


def test_a_host_called_provider_is_the_client_by_what_it_does():
    text = """
# Colocation Services Agreement
This Agreement is made between Redstone Data Centres Ltd (the "Provider") and Acme Bank plc (the "Customer").
1. Facility
1.1 The Provider shall make rack space available to the Customer at the Provider's data centre in Slough.
1.2 The Customer's engineers may attend the Provider's site to install the Customer's equipment.
2. Health and Safety
2.1 The Provider shall inform the Customer's engineers of the hazards of the data centre before their first visit.
2.2 The Customer shall provide its engineers with personal protective equipment.
"""
    doc = clausecheck.check(compose_docx(text)).documents[0]
    assert {r.role: r.aliases for r in doc.roles} == {"client": ["Provider"], "provider": ["Customer"]}
    matrix = {t.topic: t for t in doc.topics}
    assert (matrix["hazard_disclosure"].status, matrix["hazard_disclosure"].party) == ("present", "client")
    assert (matrix["ppe"].status, matrix["ppe"].party) == ("present", "provider")


def test_a_lead_in_announcing_a_partys_list_binds_its_items():
    text = """
甲方（发包方）：某某置业有限公司
乙方（承包方）：某某建设工程有限公司
第八条 甲方工作。甲方按协议条款约定的内容和时间完成以下工作：
1．提供施工所需的场地。
2．协调施工场地内各交叉作业施工单位之间的关系，保证乙方顺利施工；
"""
    matrix = {t.topic: t for t in clausecheck.check(compose_docx(text)).documents[0].topics}
    assert (matrix["safety_coordination"].status, matrix["safety_coordination"].party) == ("present", "client")


def test_suggested_wording_calls_the_parties_as_the_agreement_does():
    text = """
This Agreement is made between Redfield Plastics Inc. (the "Owner") and Keystone Electrical LLC (the "Contractor").
1. Safety
1.1 The Contractor shall comply with the Owner's site safety rules.
"""
    doc = clausecheck.check(compose_docx(text)).documents[0]
    ppe = next(f for f in doc.findings if f.rule == "ppe.provided")
    assert "Contractor" in ppe.suggestion and "Supplier" not in ppe.suggestion


def test_items_under_a_partys_duty_heading_are_that_partys_even_when_they_name_the_other():
    text = """
发包方：江苏某某化工有限公司（以下简称甲方）
承包方：南京某某设备安装有限公司（以下简称乙方）
二、乙方的安全职责
1. 严格遵守甲方的安全生产规章制度和操作规程，服从甲方的安全管理。
2. 为作业人员配备合格的劳动防护用品，并监督其正确佩戴使用。
"""
    matrix = {t.topic: t for t in clausecheck.check(compose_docx(text)).documents[0].topics}
    assert (matrix["site_rules"].status, matrix["site_rules"].party) == ("present", "provider")
    assert (matrix["ppe"].status, matrix["ppe"].party) == ("present", "provider")


def test_a_table_naming_the_responsible_party_assigns_each_row():
    text = """
This Agreement is made between Harbourview Ltd (the "Client") and Kestrel Services Ltd (the "Contractor").
1. Safety responsibilities
1.1 Each party shall perform the safety duties shown against it in the table below.
| Item | Responsible party |
| Provision of personal protective equipment | Contractor |
| Site induction covering the hazards of the site | Client |
| Appointment of safety coordinators | Both Parties |
"""
    matrix = {t.topic: t for t in clausecheck.check(compose_docx(text)).documents[0].topics}
    assert (matrix["ppe"].status, matrix["ppe"].party) == ("present", "provider")
    assert (matrix["hazard_disclosure"].status, matrix["hazard_disclosure"].party) == ("present", "client")
    assert (matrix["safety_coordination"].status, matrix["safety_coordination"].party) == ("present", "both")
