"""Bearer and force of single sentences, with the bundled safety-core vocabularies."""

from __future__ import annotations

import pytest

from clausecheck import load_pack
from clausecheck.extract.duty import analyse, only_a_condition
from clausecheck.extract.lexicon import lexicon
from clausecheck.extract.roles import Roles
from clausecheck.language.normalize import fold_text

ROLES = Roles(aliases={"甲方": "client", "乙方": "provider", "Customer": "client", "Contractor": "provider"}).compile()


@pytest.fixture(scope="module")
def lex():
    return lexicon(load_pack("safety-core"))


def read(lex, text, lang):
    folded = fold_text(text)
    return analyse(lex.scan(folded, lang), folded, lang, lex, ROLES)


@pytest.mark.parametrize(
    ("text", "lang", "role", "modality"),
    [
        ("乙方应为其人员配备劳动防护用品。", "zh-Hans", "provider", "binding"),
        ("乙方人员进出甲方机房应遵守门禁制度。", "zh-Hans", "provider", "binding"),
        ("如甲方需要，乙方应提供夜间值守人员。", "zh-Hans", "provider", "binding"),
        ("安全培训由乙方负责。", "zh-Hans", "provider", "binding"),
        ("劳动防护用品应由甲方提供。", "zh-Hans", "client", "binding"),
        ("应配备劳动防护用品。", "zh-Hans", "none", "binding"),
        ("甲方可视情况介绍机房危险因素。", "zh-Hans", "client", "weak"),
        ("乙方应尽量参加应急演练。", "zh-Hans", "provider", "weak"),
        ("甲方不负责提供劳保用品。", "zh-Hans", "client", "negated"),
        ("乙方人员不得在机房内吸烟。", "zh-Hans", "provider", "prohibition"),
        ("甲方應於一小時內通報乙方。", "zh-Hant", "client", "binding"),
        ("The Contractor shall provide personal protective equipment.", "en", "provider", "binding"),
        ("To the extent practicable, the Customer shall brief the engineers on site hazards.", "en", "client", "weak"),
        ("The Parties agree that the Contractor shall provide safety training.", "en", "provider", "binding"),
        ("The Contractor is to provide its engineers with safety helmets.", "en", "provider", "binding"),
        ("在可能的情况下，甲方应为乙方驻场人员提供劳动防护用品。", "zh-Hans", "client", "weak"),
        ("如需夜间作业，乙方应为作业人员配备照明和劳动防护用品。", "zh-Hans", "provider", "binding"),
        ("If the Customer so requests, the Contractor shall remove the Technician.", "en", "provider", "binding"),
        ("Protective equipment shall be provided by the Customer.", "en", "client", "binding"),
        ("Protective equipment shall be provided where necessary.", "en", "none", "binding"),
        ("The Contractor should, where practicable, train its staff.", "en", "provider", "weak"),
        ("The Contractor shall use reasonable endeavours to attend drills.", "en", "provider", "weak"),
        ("The Customer shall not be responsible for any loss.", "en", "client", "negated"),
        ("Each Party shall notify the other Party of any accident.", "en", "both", "binding"),
        ("超出工作时间如甲方需使用塔机，电梯司机应服从工地安排。", "zh-Hans", "provider", "binding"),
        ("进入施工现场的人员应佩戴安全帽。", "zh-Hans", "none", "binding"),
        ("相关人员应参加安全培训。", "zh-Hans", "none", "binding"),
        ("All Engineers shall comply with the Site Rules.", "en", "provider", "binding"),
        ("Personnel shall be informed of the hazards.", "en", "none", "binding"),
        ("劳动防护用品由乙方提供。", "zh-Hans", "provider", "binding"),
        ("乙方应积极配合甲方的应急演练。", "zh-Hans", "none", "binding"),
        ("The Supplier shall assist the Customer in investigating any accident.", "en", "none", "binding"),
        ("甲方应协调各施工单位的交叉作业。", "zh-Hans", "client", "binding"),
        ("Contractor to provide all personal protective equipment.", "en", "provider", "binding"),
        # what one party may demand of the other is the other's duty (vocabulary demand)
        ("甲方有权要求乙方对施工人员进行安全教育。", "zh-Hans", "provider", "binding"),
        ("甲方要求乙方必须遵守现场安全制度。", "zh-Hans", "provider", "binding"),
        ("甲方有权责令乙方停止施工，甲方应提供安全技术交底。", "zh-Hans", "client", "binding"),
        ("如甲方要求乙方夜间施工，甲方应负责现场照明。", "zh-Hans", "client", "binding"),
        ("The Customer may require the Contractor to remove any Technician.", "en", "provider", "binding"),
        ("The Customer may require that the Contractor removes any Technician.", "en", "client", "weak"),
        # the head of a Chinese subject stands after its last 的
        ("进入甲方厂区的乙方人员，应服从甲方安全管理人员的管理。", "zh-Hans", "provider", "binding"),
        ("乙方的人员进入甲方的机房应遵守门禁制度。", "zh-Hans", "provider", "binding"),
        # two parties joined as one subject bear it both
        ("甲方及乙方应各自委派一名安全员。", "zh-Hans", "both", "binding"),
        ("The Customer and the Contractor shall each appoint a safety officer.", "en", "both", "binding"),
        ("甲方应与乙方签订安全协议。", "zh-Hans", "client", "binding"),
        # a party after a preposition is its object (vocabulary object_marker)
        ("按乙方的安全程序严格执行，并应承担相应的责任。", "zh-Hans", "none", "binding"),
        ("向甲方提交安全方案后，乙方应组织施工。", "zh-Hans", "provider", "binding"),
        # a Chinese party's declarative verb may follow adverbials that name no other party
        ("乙方根据国家规定，按工种要求发给丙方劳保用品。", "zh-Hans", "provider", "binding"),
        ("如遇暴雨，甲方按规定发给乙方雨具。", "zh-Hans", "client", "binding"),
        # conditions are not hedges (vocabulary condition)
        ("甲方如需夜间作业，乙方应为作业人员配备照明。", "zh-Hans", "provider", "binding"),
        ("一旦发生事故，乙方应立即报告甲方。", "zh-Hans", "provider", "binding"),
        (
            "In case the Customer requires work at night, the Contractor shall provide lighting.",
            "en",
            "provider",
            "binding",
        ),
        (
            "Provided that the Customer gives notice, the Contractor shall attend the drill.",
            "en",
            "provider",
            "binding",
        ),
        # commitment verbs and declarative duties bind
        ("乙方同意为其人员投保工伤保险。", "zh-Hans", "provider", "binding"),
        ("乙方承诺其人员持证上岗。", "zh-Hans", "provider", "binding"),
        ("甲方发给乙方劳动保护用品。", "zh-Hans", "client", "binding"),
        ("The Contractor expressly assumes the risk of injury to its employees.", "en", "provider", "binding"),
        ("The Contractor represents and warrants that its employees are trained.", "en", "provider", "binding"),
        # a modal in a relative clause is not the duty's
        (
            "The Contractor indemnifies the Customer against all losses that the Customer may sustain.",
            "en",
            "provider",
            "binding",
        ),
    ],
)
def test_bearer_and_modality(lex, text, lang, role, modality):
    duty = read(lex, text, lang)
    assert (duty.role, duty.modality) == (role, modality)


@pytest.mark.parametrize(
    "text", ["甲方负责建立应急响应机制相应的记录。", "乙方的负责人名单。", "This Agreement is dated 1 May 2025."]
)
def test_false_friends_are_not_modals(lex, text):
    duty = read(lex, text, "en" if text.isascii() else "zh-Hans")
    assert duty is None or duty.modal_words not in ("应", "May", "may")


def test_a_sentence_without_a_modal_states_no_duty(lex):
    assert read(lex, "本合同一式两份。", "zh-Hans") is None
    assert read(lex, "甲方未按规定提供劳动保护用品。", "zh-Hans") is None  # a breach, not a declared duty


@pytest.mark.parametrize(
    ("text", "lang", "source"),
    [
        ("乙方应为其人员配备劳动防护用品。", "zh-Hans", "subject"),
        ("劳动防护用品应由甲方提供。", "zh-Hans", "agent"),
        ("All Engineers shall comply with the Site Rules.", "en", "personnel"),
        ("劳动防护用品由乙方提供。", "zh-Hans", "assigned"),
        ("甲方发给乙方劳动保护用品。", "zh-Hans", "declared"),
        ("甲方有权要求乙方对施工人员进行安全教育。", "zh-Hans", "demanded"),
        ("双方各自为本方人员缴纳工伤保险。", "zh-Hans", "declared"),
        ("乙方应积极配合甲方的应急演练。", "zh-Hans", "assists"),
    ],
)
def test_where_the_bearer_came_from(lex, text, lang, source):
    assert read(lex, text, lang).how == source


@pytest.mark.parametrize(
    ("text", "lang", "role"),
    [
        ("It is the responsibility of the Contractor to provide all personal protective equipment.", "en", "provider"),
        ("The provision of PPE shall be the sole responsibility of the Customer.", "en", "client"),
        ("Site safety induction shall be the Customer's responsibility.", "en", "client"),
        ("Responsibility for reporting accidents rests with the Contractor.", "en", "provider"),
        ("劳动防护用品的配备是乙方的责任。", "zh-Hans", "provider"),
        ("对乙方人员进行安全培训属于甲方的责任。", "zh-Hans", "client"),
        ("乙方人員之個人防護具為乙方之責任。", "zh-Hant", "provider"),
        ("Neither the Customer nor the Contractor shall be liable for any injury whatsoever.", "en", "both"),
    ],
)
def test_the_party_the_duty_words_name_bears_it(lex, text, lang, role):
    duty = read(lex, text, lang)
    assert (duty.role, duty.how) == (role, "agent")


def test_what_belongs_to_both_parties_is_no_subject_of_theirs(lex):
    duty = read(lex, "双方的安全责任和义务按照国家有关标准进行界定。", "zh-Hans")
    assert duty is None or duty.role != "both"


@pytest.mark.parametrize("text", ["安全培训不是甲方的责任。", "甲方检查乙方是否履行安全责任。"])
def test_a_denied_or_questioned_owner_is_no_agent(lex, text):
    duty = read(lex, text, "zh-Hans")
    assert duty is None or duty.how != "agent"


@pytest.mark.parametrize(
    ("text", "lang", "words", "role"),
    [
        (
            "EuroTel shall grant access, provided that this personnel abides by the security rules of EuroTel.",
            "en",
            "security rules",
            "provider",
        ),
        ("甲方应办理出入证件，如乙方遵守甲方机房管理制度。", "zh-Hans", "机房管理制度", "provider"),
    ],
)
def test_a_topic_only_inside_a_condition_is_a_weak_duty_of_the_conditions_subject(lex, text, lang, words, role):
    folded = fold_text(text)
    start = folded.index(words)
    duty = only_a_condition(lex.scan(folded, lang), folded, lex, ROLES, [(start, start + len(words))])
    assert (duty.role, duty.modality, duty.how) == (role, "weak", "condition")


def test_a_topic_outside_the_condition_keeps_its_duty(lex):
    folded = fold_text("If an accident occurs, the Contractor shall report it to the Customer.")
    start = folded.index("report")
    assert only_a_condition(lex.scan(folded, "en"), folded, lex, ROLES, [(start, start + 6)]) is None


@pytest.mark.parametrize(
    ("text", "lang", "topic_words", "role"),
    [
        ("甲方负责提供施工场地，乙方负责对其施工人员进行安全教育。", "zh-Hans", "安全教育", "provider"),
        (
            "The Owner shall provide the site, and the Contractor shall provide safety training.",
            "en",
            "safety",
            "provider",
        ),
        # a clause without a party of its own goes on with the first duty
        (
            "装修期间，乙方应保证施工安全，维护甲方财物，承担因乙方原因造成的人身伤害。",
            "zh-Hans",
            "人身伤害",
            "provider",
        ),
        ("甲方应提供场地，并对乙方人员进行安全教育。", "zh-Hans", "安全教育", "client"),
        # a party inside the second clause is its object, not a new subject
        ("甲方应于乙方进场前，以书面告知乙方有关危害因素及应采取之措施。", "zh-Hans", "危害因素", "client"),
    ],
)
def test_a_second_duty_in_the_sentence_governs_the_topic_in_its_clause(lex, text, lang, topic_words, role):
    folded = fold_text(text)
    duty = analyse(lex.scan(folded, lang), folded, lang, lex, ROLES, at=folded.index(topic_words))
    assert duty.role == role
