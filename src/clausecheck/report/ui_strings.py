"""The UI strings reports add around findings, in the agreement's language.

Findings arrive with their message, hint and suggested wording already in
the agreement's language (`clausecheck.engine.messages`); a Word comment or
an HTML report only adds labels such as "Suggested wording" and chooses
which citations to show. A reviewer pastes from a comment into the draft, so
the labels follow the draft too.
"""

from __future__ import annotations

from clausecheck.types import Citation, Lang

UI_STRINGS: dict[str, dict[Lang, str]] = {
    "head": {
        "en": "clausecheck {code} ({severity}): ",
        "zh-Hans": "clausecheck {code}（{severity}）：",
        "zh-Hant": "clausecheck {code}（{severity}）：",
    },
    "critical": {"en": "critical", "zh-Hans": "严重", "zh-Hant": "嚴重"},
    "high": {"en": "high", "zh-Hans": "高", "zh-Hant": "高"},
    "medium": {"en": "medium", "zh-Hans": "中", "zh-Hant": "中"},
    "low": {"en": "low", "zh-Hans": "低", "zh-Hant": "低"},
    "info": {"en": "info", "zh-Hans": "提示", "zh-Hant": "提示"},
    "fix": {"en": "What to do: ", "zh-Hans": "处理建议：", "zh-Hant": "處理建議："},
    "suggested": {"en": "Suggested wording: ", "zh-Hans": "建议措辞：", "zh-Hant": "建議措辭："},
    "add_here": {"en": "Add a clause here: ", "zh-Hans": "建议在此处增加条款：", "zh-Hant": "建議在此處增加條款："},
    "basis": {"en": "Basis: ", "zh-Hans": "依据：", "zh-Hant": "依據："},
    "in_part": {"en": "In the {part}: ", "zh-Hans": "位于{part}：", "zh-Hant": "位於{part}："},
    "header": {"en": "header", "zh-Hans": "页眉", "zh-Hant": "頁首"},
    "footer": {"en": "footer", "zh-Hans": "页脚", "zh-Hant": "頁尾"},
    "footnote": {"en": "footnotes", "zh-Hans": "脚注", "zh-Hant": "註腳"},
    "endnote": {"en": "endnotes", "zh-Hans": "尾注", "zh-Hant": "章節附註"},
}

_HOME: dict[Lang, frozenset[str]] = {"zh-Hans": frozenset({"CN"}), "zh-Hant": frozenset({"TW", "HK"})}
"""jurisdictions that write in a language; English agreements are signed everywhere, so all apply"""


def ui_string(key: str, lang: Lang, **fields: str) -> str:
    """The UI string `key` in `lang`, its `{fields}` filled in."""
    return UI_STRINGS[key][lang].format(**fields)


def citations_for(citations: list[Citation], lang: Lang) -> list[Citation]:
    """The citations a reader of this language needs: the local law first-hand, all of it for English.

    A Chinese agreement is governed by PRC law, a traditional-Chinese one by
    Taiwan's or Hong Kong's; listing UK regulations in its margin is noise.
    Citations with no jurisdiction (international standards) always stay;
    when the filter would leave nothing, every citation is kept.
    """
    home = _HOME.get(lang)
    if home is None:
        return citations
    kept = [c for c in citations if c.jurisdiction is None or c.jurisdiction in home or c.jurisdiction == "INTL"]
    return kept or citations
