"""Suggested wording names the parties as the agreement does, stays in the draft's language, and settles its rule."""

from __future__ import annotations

import pytest

from clausecheck.checker import Checker
from clausecheck.dsl.loader import available_packs, load_pack
from clausecheck.engine.wording import fill_placeholders
from clausecheck.errors import PackResolutionError
from clausecheck.testing.compose import compose_docx

HEADS = {
    "en": '# Services Agreement\nThis Agreement is made between Northgate Ltd (the "Customer") and '
    'Brightwire Ltd (the "Supplier").\n1. Safety\n1.1 ',
    "zh-Hans": "# 驻场服务合同\n甲方：北方有限公司\n乙方：光线有限公司\n第一条 ",
    "zh-Hant": "# 駐點服務契約\n甲方：北方股份有限公司\n乙方：光線股份有限公司\n第一條 ",
}


def suggestion(notation: str, rule: str, **options) -> str:
    result = Checker("safety-core", **options).check(compose_docx(notation)).result
    return next(f.suggestion for f in result.findings if f.rule == rule)


def test_defined_role_words_take_the_article_and_start_a_sentence_capitalised():
    notation = (
        '# Works Contract\nThis Contract is made between Owner Co (the "Client") and Builder Co (the "Contractor").\n'
        "1.1 The Client shall pay the fees."
    )
    text = suggestion(notation, "ppe.provided")
    assert text.startswith("The Contractor shall provide its personnel")
    assert "Supplier" not in text and "The The" not in text


def test_a_name_or_a_letter_name_takes_no_article():
    notation = (
        '# Agreement\nThis Agreement is made between Alpha Ltd ("Alpha") and Omega Ltd ("Omega").\n'
        "1.1 Omega shall provide engineers to work at the premises of Alpha as the Contractor.\n"
        "1.2 Alpha, the Customer, shall pay Omega."
    )
    text = suggestion(notation, "hazard.disclosed")
    assert text.startswith("Before Omega's personnel first enter the site, Alpha shall inform them")
    assert "The Omega" not in text and "the Omega" not in text and "The Alpha" not in text
    letters = '# Agreement\nThis Agreement is made between Alpha Ltd ("Party A") and Omega Ltd ("Party B").\n'
    text = suggestion(
        letters + "1.1 Party B shall provide engineers to work at the premises of Party A.", "hazard.disclosed"
    )
    assert text.startswith("Before Party B's personnel") and "The Party" not in text and "the Party A" not in text


def test_a_chinese_draft_gets_its_own_party_names_whatever_the_report_language():
    notation = HEADS["zh-Hans"] + "乙方应当遵守甲方的门禁规定。"
    zh = suggestion(notation, "ppe.provided")
    assert zh.startswith("乙方应自费为其进场人员配备")
    english_report = Checker("safety-core", locale="en").check(compose_docx(notation)).result
    finding = next(f for f in english_report.findings if f.rule == "ppe.provided")
    assert finding.message.startswith("No clause settles") and finding.suggestion == zh  # --locale en: wording stays


def test_placeholders_fall_back_to_the_usual_names_and_unknown_parties_are_refused(tmp_path):
    assert fill_placeholders("{provider}应当{client}", "zh-Hans", {}, None) == "乙方应当甲方"
    assert fill_placeholders("{provider} shall. Then {client} may", "en", {}, None) == (
        "The Supplier shall. Then the Customer may"
    )
    assert fill_placeholders("x; {client} shall", "en", {"client": ["Owner"]}, load_pack("safety-core")) == (
        "x; the Owner shall"
    )
    own = tmp_path / "own.ccr"
    own.write_text(
        'pack own "Own" { extends safety-core }\n'
        'require own.rule "Own" { code ZZ901 topic ppe bearer provider severity low\n'
        '  suggest en "{contractor} shall provide PPE." }\n',
        encoding="utf-8",
    )
    with pytest.raises(PackResolutionError, match="unknown party 'contractor' in the suggested wording"):
        load_pack(own)


def _require_rules():
    for name, path in sorted(available_packs().items()):
        pack = load_pack(path)
        for rule in pack.rules:
            for lang in rule.suggest:
                yield pytest.param(pack, rule, lang, id=f"{name}:{rule.id}:{lang}")


@pytest.mark.parametrize(("pack", "rule", "lang"), list(_require_rules()))
def test_the_suggested_wording_settles_its_own_rule(pack, rule, lang):
    """Pasted into a draft, the wording must not be flagged again: present, with no finding of its rule."""
    text = fill_placeholders(rule.suggest[lang], lang, {}, None)
    result = Checker(pack).check(compose_docx(HEADS[lang] + text)).result
    assert not [f for f in result.findings if f.rule == rule.id], text
    row = next((t for t in result.topics if t.topic == rule.topic), None)
    if rule.kind == "require" and row is not None:  # a rule whose condition the wording alone does not meet: no row
        assert row.status == "present", text
        assert row.party in (*rule.bearers, "both"), (row.party, text)  # the bearer the rule intends
