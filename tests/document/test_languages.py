"""Language per block and per agreement: en, zh-Hans, zh-Hant, and bilingual agreements."""

from __future__ import annotations

import pytest

from clausecheck.language.detect import detect, detect_all


@pytest.mark.parametrize(
    "text, lang",
    [
        ("The Supplier shall provide PPE.", "en"),
        ("乙方应当为作业人员配备安全帽。", "zh-Hans"),
        ("乙方應當為作業人員配備安全帽。", "zh-Hant"),
        ("甲方负责提供 PPE（个人防护装备）。", "zh-Hans"),
        ("1.2 ——", None),
        ("", None),
    ],
)
def test_block_language(text, lang):
    assert detect(text)[0] == lang


def test_undecided_chinese_follows_the_agreement():
    texts = ["甲方與乙方應當遵守規定。", "甲方", "乙方"]  # 甲方/乙方 are the same in both scripts
    langs, main, all_langs = detect_all(texts)
    assert langs == ["zh-Hant", "zh-Hant", "zh-Hant"] and main == "zh-Hant" and all_langs == ("zh-Hant",)


def test_bilingual_agreement(read):
    doc = read(
        "第一条 乙方应当为作业人员配备安全帽和防护手套。\n"
        "Article 1 The Contractor shall provide helmets and gloves to its workers.\n"
        "第二条 甲方应当告知危险源。\n"
        "Article 2 The Client shall disclose site hazards."
    )
    assert [b.lang for b in doc.blocks] == ["zh-Hans", "en", "zh-Hans", "en"]
    assert set(doc.langs) == {"zh-Hans", "en"}
    assert doc.lang == doc.langs[0]


def test_small_share_is_not_listed(read):
    doc = read("\n".join(["乙方应当为作业人员配备安全帽和防护手套。"] * 10 + ["OK"]))
    assert doc.lang == "zh-Hans" and doc.langs == ("zh-Hans",)
    assert doc.blocks[-1].lang == "en"
