"""Party definitions from the preamble, a definitions clause and the signature block."""

from __future__ import annotations

import pytest

from clausecheck.document.parties import find_parties


def parties(doc):
    return [(p.alias, p.name, p.source) for p in doc.parties]


def test_english_preamble(read):
    doc = read(
        'This Agreement is made between ABC Ltd., a company incorporated in England (the "Client"), and '
        'XYZ Services LLC, a Delaware limited liability company ("Contractor").\n'
        '1. Services\n1.1 The Contractor shall provide the Services (the "Services").'
    )
    assert parties(doc) == [("Client", "ABC Ltd.", "preamble"), ("Contractor", "XYZ Services LLC", "preamble")]


def test_hereinafter_forms(read):
    doc = read(
        "SAGEM S.A., whose address is 33 Main St (hereinafter referred to as MORPHO) and XIMAGE Corporation, "
        'hereinafter called "Supplier", agree as follows.\n1. Scope'
    )
    assert parties(doc) == [("MORPHO", "SAGEM S.A.", "preamble"), ("Supplier", "XIMAGE Corporation", "preamble")]


def test_definition_clause(read):
    doc = read('1. Definitions\n1.1 "Customer" means Northgate Colocation Limited.\n1.2 "CPI" means the index.')
    assert parties(doc) == [("Customer", "Northgate Colocation Limited", "definition")]


def test_chinese_preamble_forms(read):
    doc = read(
        "上海某某有限公司（以下简称“甲方”）\n北京某某科技有限公司（下称「服务方」）\n"
        "本合同（以下简称“本合同”）由双方签订。\n第一条 服务内容"
    )
    assert parties(doc) == [("甲方", "上海某某有限公司", "preamble"), ("服务方", "北京某某科技有限公司", "preamble")]


def test_bare_form_and_signature_block(read):
    doc = read(
        "甲方：上海某某有限公司\n乙方：________\n第一条 乙方负责安全。\n"
        "| 甲方（盖章）： | 乙方（盖章）：北京某某建设有限公司 |"
    )
    assert parties(doc) == [("甲方", "上海某某有限公司", "preamble"), ("乙方", "北京某某建设有限公司", "signature")]


def test_traditional_chinese_and_blanks(read):
    doc = read("此僱用合同由＿＿（以下簡稱僱主）和＿＿（以下簡稱僱員）締結。\nＡ．義務和責任")
    assert parties(doc) == [("僱主", "", "preamble"), ("僱員", "", "preamble")]


def test_recitals_and_defined_terms_are_not_parties(read):
    doc = read(
        'This Agreement is made between Apollo Endosurgery, a Delaware corporation ("APOLLO"), and '
        'Establishment Labs S.A. ("ESTABLISHMENT").\n'
        'WHEREAS, the customers of Delmarva Power & Light Company ("DPL") pay a charge.\n'
        'This Supply Agreement (this "Agreement") governs.\n1. Scope'
    )
    assert [p.alias for p in doc.parties] == ["APOLLO", "ESTABLISHMENT"]


def also(doc):
    return [(p.alias, p.name, p.also) for p in doc.parties]


def test_a_role_in_brackets_and_a_field_name_before_the_colon(read):
    doc = read("甲方（使用单位）：某某物业有限公司\n乙方（工人）姓名：＿＿＿＿ 性别：＿＿\n第一条 总则")
    assert also(doc) == [("甲方", "某某物业有限公司", ("使用单位",)), ("乙方", "", ("工人",))]


def test_a_positional_name_after_the_party_names_the_same_party(read):
    doc = read("发包单位：某某置业有限公司（甲方）\n承租方：________\n(乙方)\n第一条 总则")
    assert also(doc) == [("发包单位", "某某置业有限公司", ("甲方",)), ("承租方", "", ("乙方",))]


@pytest.mark.parametrize("role", ["用工单位", "派遣单位", "建设单位", "施工单位", "服务单位", "承攬人"])
def test_any_role_noun_before_a_positional_name_in_brackets(read, role):
    doc = read(f"{role}（甲方）：某某机械有限公司\n第一条 总则")
    assert also(doc) == [(role, "某某机械有限公司", ("甲方",))]


def test_a_description_before_the_short_name_in_brackets(read):
    doc = read("ＡＢＣ科技有限公司（其总部设在北京市海淀区，以下称“甲方”）\n第一条 总则")
    assert also(doc) == [("甲方", "ＡＢＣ科技有限公司", ())]


def test_two_quoted_names_for_one_party(read):
    doc = read(
        'This Agreement is made between Sunfield LLC ("Sunfield") and Helios Services, Inc. ("Omega" or '
        '"Operator").\n1. Scope'
    )
    assert also(doc) == [("Sunfield", "Sunfield LLC", ()), ("Omega", "Helios Services, Inc.", ("Operator",))]


def test_party_a_and_b_in_an_english_translation(read):
    doc = read(
        "Cooperation Agreement Party A: Xi'an Sunrise Energy Co., Ltd. Legal Representative: Li Ming\n"
        "Party B: Boxing Coke Chemical Co., Ltd.\n1. Scope"
    )
    assert also(doc) == [
        ("Party A", "Xi'an Sunrise Energy Co., Ltd.", ()),
        ("Party B", "Boxing Coke Chemical Co., Ltd.", ()),
    ]


def test_a_blank_role_noun_in_the_signature_block_under_a_named_preamble_is_no_party_of_its_own(read):
    doc = read("甲方：某某机械有限公司\n乙方：张某\n第一条 总则\n用工单位：（盖章）\n甲方：（盖章）")
    assert [d.alias for d in doc.parties] == ["甲方", "乙方"]


def test_a_bilingual_preamble_line_defines_both_spellings_and_a_name_keeps_its_brackets(read):
    doc = read(
        "甲方：恒远化工（南通）有限公司 Party A: Hengyuan Chemical (Nantong) Co., Ltd.\n"
        "乙方：江苏建安工程有限公司 Party B: Jiangsu Jian'an Engineering Co., Ltd.\n第一条 总则"
    )
    assert [(d.alias, d.name) for d in doc.parties] == [
        ("甲方", "恒远化工（南通）有限公司"),
        ("Party A", "Hengyuan Chemical (Nantong) Co., Ltd."),
        ("乙方", "江苏建安工程有限公司"),
        ("Party B", "Jiangsu Jian'an Engineering Co., Ltd."),
    ]


def test_a_company_name_with_brackets_before_its_short_name(read):
    doc = read("恒远化工（南通）有限公司（以下简称“甲方”）\n第一条 总则")
    assert [(d.alias, d.name) for d in doc.parties] == [("甲方", "恒远化工（南通）有限公司")]


def test_a_role_noun_glossed_by_a_position_names_the_party(read):
    doc = read(
        "业主（甲方）：广州越秀汇金置业有限公司\n物业服务企业（乙方）：广州安禾物业服务有限公司\n第一条 服务内容"
    )
    assert [(p.alias, p.name, p.also) for p in doc.parties] == [
        ("业主", "广州越秀汇金置业有限公司", ("甲方",)),
        ("物业服务企业", "广州安禾物业服务有限公司", ("乙方",)),
    ]


def test_a_quoted_name_alone_in_brackets_after_an_organisation(read):
    doc = read(
        "本合約由以下雙方訂立：\n(1) 香港文理大學，其主要辦事處位於香港九龍道1號（「大學」）；及\n"
        "(2) 恒達機電工程有限公司，其註冊辦事處位於荃灣街2號（「承辦商」）。\n1.1 「服務」指附表一所列之服務（「服務」）。"
    )
    assert [(p.alias, p.name) for p in doc.parties] == [("大學", "香港文理大學"), ("承辦商", "恒達機電工程有限公司")]


def test_the_writer_and_the_reader_named_by_pronoun(read):
    doc = read(
        "These terms are made between Harbourline Networks Ltd, a company registered in England "
        '("we", "us", "our"), and the business named in the Order Form ("you", "your").\n1. Services'
    )
    assert parties(doc) == [
        ("we", "Harbourline Networks Ltd", "preamble"),
        ("you", "the business named in the Order Form", "preamble"),
    ]
    assert doc.parties[0].also == ("We", "us", "our", "Our", "ours")


def test_pronouns_defined_in_a_definitions_clause(read):
    doc = read(
        '1. About these terms\n1.1 In these terms, "we", "us" and "our" mean Halyard Field Engineering Ltd, a '
        'company registered in Scotland. "You" and "your" mean the customer named in the Order Form.'
    )
    assert [(p.alias, p.name) for p in doc.parties] == [
        ("we", "Halyard Field Engineering Ltd"),
        ("you", "customer named in the Order Form"),
    ]


def test_a_letter_of_appointment_defines_its_writer_and_its_reader(read):
    doc = read("1. 釋義\n1.1 「本公司」指嘉匯商場管理有限公司，包括其繼承人。\n1.2 「貴公司」指勇衛保安服務有限公司。")
    assert [(p.alias, p.name) for p in doc.parties] == [
        ("本公司", "嘉匯商場管理有限公司"),
        ("貴公司", "勇衛保安服務有限公司"),
    ]


def test_a_person_named_in_capitals_among_the_parties():
    found = find_parties(
        [
            ("b1", 'BICYCLETX LIMITED a company incorporated in England (the "Company"); and', "definition"),
            ("b2", "NIGEL CROCKETT of (the ''Employee\").", "definition"),
        ]
    )
    assert [(p.alias, p.name) for p in found] == [("Company", "BICYCLETX LIMITED"), ("Employee", "NIGEL CROCKETT of")]


def test_a_term_defined_in_a_sentence_about_a_party_is_no_party():
    text = (
        "The Company currently operates a salary sacrifice arrangement for contributions to the pension scheme "
        '(the "Cash Equivalent Payment").'
    )
    assert find_parties([("b9", text, "definition")]) == ()


def test_a_collective_name_for_two_companies():
    found = find_parties(
        [
            (
                "b1",
                'WYZZ, Inc. and WYZZ Licensee, Inc. (collectively "WYZZ") and Nexstar Broadcasting of Peoria, L.L.C. ("NEXSTAR") hereby enter into this Agreement.',
                "preamble",
            )
        ]
    )
    assert [p.alias for p in found] == ["WYZZ", "NEXSTAR"]


def test_uppercase_hereinafter_without_a_verb(read):
    doc = read(
        "OUTSOURCING AGREEMENT\nBETWEEN:\n"
        'MODUS MEDIA INTERNATIONAL B.V., LANDDROSTLAAN 51, APELDOORN (HEREINAFTER "MMI")\nAND\n'
        'DRAGON SYSTEMS, INC. 320 NEVADA STREET NEWTON, MA (HEREAFTER "DRAGON SYSTEMS")\n1. PURPOSE'
    )
    assert [p.alias for p in doc.parties] == ["MMI", "DRAGON SYSTEMS"]
