"""Telling the client from the provider: one party with all its names, role words first, then conduct."""

from __future__ import annotations

import pytest

from clausecheck.checker import resolve_packs
from clausecheck.document.reader import read_document
from clausecheck.extract.lexicon import lexicon
from clausecheck.extract.roles import assign_roles
from clausecheck.testing.compose import compose_docx

CASES = {
    "role word in brackets decides, not 甲/乙": (
        "甲方（安装单位）：某某电梯公司\n乙方（使用单位）：某某物业公司\n第一条 甲方应为其人员配备安全帽。",
        {"甲方": "provider", "乙方": "client"},
    ),
    "definitions clause with role stems": (
        "甲方：\n乙方：\n第一条 定义\n1.1 乙方：指具有发包主体资格的当事人。\n1.2 甲方：指具有承包主体资格的当事人。\n"
        "第二条 甲方应施工。",
        {"甲方": "provider", "乙方": "client"},
    ),
    "two names, one party, one side": (
        'This Agreement is made between Sunfield LLC ("Sunfield") and Helios Services, Inc. ("Omega" or '
        '"Operator").\n1. Omega shall maintain the plant.\n2. Omega shall report alarms.\n3. Sunfield shall pay Omega.',
        {"Omega": "provider", "Operator": "provider", "Sunfield": "client"},
    ),
    "a worker and the employer named in his definition are the provider's side": (
        "＿＿单位（以下简称乙方），借调甲方＿＿同志（以下简称丙方）去乙方帮助工作。\n一、丙方应服从乙方安排。\n"
        "二、丙方期满返回甲方工作。",
        {"丙方": "provider", "甲方": "provider", "乙方": "client"},
    ),
    "rent, a licence fee or royalties buy no service: the payer is no customer": (
        'This Licence is made between Halcyon Property Investments Limited ("Halcyon") and Skymast Networks '
        'Limited ("Skymast").\n1. Skymast shall pay Halcyon a licence fee of 11,750 pounds a year.\n'
        "2. Skymast shall pay Halcyon a rent for the plant room.\n3. Skymast shall install the Equipment.",
        {"Skymast": "provider", "Halcyon": "client"},
    ),
    "the supplier by what it does": (
        'This Supply Agreement is made between Florida Chemical Company, LLC ("FCC") and Flotek Chemistry, LLC '
        '("Flotek").\n1. FCC will supply the products.\n2. FCC shall supply the Products on time.\n'
        "3. Flotek shall pay FCC within thirty days.",
        {"FCC": "provider", "Flotek": "client"},
    ),
    "a bilingual agreement's two spellings of a position are one party": (
        "甲方：恒远化工（南通）有限公司 Party A: Hengyuan Chemical (Nantong) Co., Ltd.\n"
        "乙方：江苏建安工程有限公司 Party B: Jiangsu Jian'an Engineering Co., Ltd.\n"
        "1. 乙方应为其施工人员配备劳动防护用品。Party B shall provide its workers with protective equipment.\n"
        "2. 甲方应告知危险源。Party A shall inform Party B's workers of the hazards.",
        {"甲方": "client", "Party A": "client", "乙方": "provider", "Party B": "provider"},
    ),
    "a third party defined later heads no duty": (
        'This Agreement is made between EDGE Solutions, LLC (hereinafter referred to as "EDGE") and FTE Networks, '
        'Inc. (hereinafter referred to as "FTE" or "Subcontractor").\nThe Work is for Mediacom, LLC (the "Customer").\n'
        "1. Subcontractor shall perform the Work for EDGE.\n2. FTE shall supply labor.\n3. EDGE shall pay FTE.",
        {"EDGE": "client", "FTE": "provider", "Subcontractor": "provider"},
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_sides(name):
    text, expected = CASES[name]
    (pack,) = resolve_packs("safety-core")
    roles = assign_roles(read_document(compose_docx(text)), lexicon(pack))
    assert {alias: roles.aliases.get(alias) for alias in expected} == expected
    assert roles.undecided == []


def test_a_party_whose_side_nothing_shows_is_reported():
    text = (
        'This Management Agreement is made between Sagebrush Partners LP ("Sagebrush") and ToyoWest Inc. '
        '("Westco").\n1. Westco shall keep the books.\n2. Westco shall file the returns.\n3. Westco shall report.\n'
        "4. Sagebrush shall approve the budget."
    )
    (pack,) = resolve_packs("safety-core")
    roles = assign_roles(read_document(compose_docx(text)), lexicon(pack))
    assert roles.undecided == ["Sagebrush", "Westco"]


def _roles(text):
    (pack,) = resolve_packs("safety-core")
    return assign_roles(read_document(compose_docx(text)), lexicon(pack))


def test_a_cover_named_after_a_role_word_is_no_party_name():
    roles = _roles(
        'This Agreement is made between Lakeside Power ("Owner") and Summit Services, LLC ("Contractor").\n'
        "7.1 Contractor shall maintain Employer's Liability insurance with limits of $1,000,000."
    )
    assert "Employer" not in roles.aliases


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("All Contractor employees shall attend the orientation.", ["Contractor"]),
        ("所有乙方人员应遵守甲方的安全制度。", ["乙方", "甲方"]),
        ("The Contractor shall coordinate with other contractors on the Site.", ["Contractor"]),
        ("甲方应协调各乙方之间的交叉作业。", ["甲方"]),
    ],
)
def test_an_other_parties_word_makes_a_kind_of_party_unless_the_partys_people_follow(text, found):
    roles = _roles(
        'This Agreement is made between Lakeside Power ("Owner") and Summit Services, LLC ("Contractor").\n'
        "甲方：某某公司\n乙方：某某工程公司"
    )
    assert [hit.text for hit, _ in roles.find(text)] == found


@pytest.mark.parametrize(
    "text",
    [
        "甲方：某某数据股份有限公司\n乙方：某某资讯服务有限公司\n1. 乙方就其承揽部分负职业安全卫生法所定雇主之责任。",
        "甲方：某某数据股份有限公司\n乙方：某某资讯服务有限公司\n1. 乙方应投保雇主责任险。",
        "甲方：某某数据股份有限公司\n乙方：某某资讯服务有限公司\n1. 乙方应另行投保雇主意外责任险。",
    ],
)
def test_a_role_word_in_a_covers_name_or_a_legal_role_gives_no_party_name(text):
    assert "雇主" not in _roles(text).aliases


def test_a_place_word_after_a_verb_is_no_sign_of_hosting():
    roles = _roles("甲方：华东精密制造有限公司\n乙方：杭州云维信息技术有限公司\n1. 乙方应制定现场应急预案。")
    assert (roles.aliases.get("甲方"), roles.aliases.get("乙方")) == ("client", "provider")


def test_main_contractor_is_read_whole_never_as_its_contractor():
    """A role word inside the other side's longer name is no vote, and "The Main Contractor shall" heads no
    duty of a party called "Contractor"."""
    roles = _roles(
        'This Subcontract is made between Ardent Build Limited (the "Main Contractor") and Tarrant Access Services '
        'Ltd (the "Subcontractor").\n1. The Main Contractor shall provide the scaffold design.\n'
        "2. The Main Contractor shall give access to the Site.\n3. The Main Contractor shall pay the Subcontractor.\n"
        "4. The Subcontractor shall erect the scaffold."
    )
    (main,) = [e for e in roles.evidence if e.names == ("Main Contractor",)]
    assert (main.side, main.votes.get("provider", 0)) == ("client", 0)
    assert [e.names for e in roles.evidence] == [("Main Contractor",), ("Subcontractor",)]
