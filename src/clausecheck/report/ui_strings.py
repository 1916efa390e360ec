"""The UI strings reports add around findings, in the agreement's language.

Findings arrive with their message, hint, citations and suggested wording
already in the right language (`clausecheck.engine`); the text and HTML
reports and the Word comments add headings, status, party and kind words and
labels such as "Suggested wording". Every one of those is here, per
language, so a zh-Hans or zh-Hant reader sees no English word but rule codes
and ids. Traditional Chinese follows Taiwan and Hong Kong usage.
"""

from __future__ import annotations

from clausecheck.types import Citation, Lang

UI_STRINGS: dict[str, dict[Lang, str]] = {
    "head": {
        "en": "clausecheck {code} ({severity}): ",
        "zh-Hans": "clausecheck {code}（{severity}）：",
        "zh-Hant": "clausecheck {code}（{severity}）：",
    },
    # severities
    "critical": {"en": "critical", "zh-Hans": "严重", "zh-Hant": "嚴重"},
    "high": {"en": "high", "zh-Hans": "高", "zh-Hant": "高"},
    "medium": {"en": "medium", "zh-Hans": "中", "zh-Hant": "中"},
    "low": {"en": "low", "zh-Hans": "低", "zh-Hant": "低"},
    "info": {"en": "info", "zh-Hans": "提示", "zh-Hant": "提示"},
    # what a finding says
    "fix": {"en": "What to do: ", "zh-Hans": "处理建议：", "zh-Hant": "處理建議："},
    "suggested": {"en": "Suggested wording: ", "zh-Hans": "建议措辞：", "zh-Hant": "建議措辭："},
    "replacement": {"en": "Replace with: ", "zh-Hans": "建议改为：", "zh-Hant": "建議改為："},
    "add_here": {"en": "Add a clause here: ", "zh-Hans": "建议在此处增加条款：", "zh-Hant": "建議在此處增加條款："},
    "add_at": {"en": "Add it at {where}: ", "zh-Hans": "建议在{where}增加：", "zh-Hant": "建議於{where}增加："},
    "basis": {"en": "Basis: ", "zh-Hans": "依据：", "zh-Hant": "依據："},
    "practice": {"en": "Practice: ", "zh-Hans": "实务参考：", "zh-Hant": "實務參考："},
    "accepted": {"en": "accepted: ", "zh-Hans": "已接受：", "zh-Hant": "已接受："},
    "in_part": {"en": "In the {part}: ", "zh-Hans": "位于{part}：", "zh-Hant": "位於{part}："},
    "header": {"en": "header", "zh-Hans": "页眉", "zh-Hant": "頁首"},
    "footer": {"en": "footer", "zh-Hans": "页脚", "zh-Hant": "頁尾"},
    "footnote": {"en": "footnotes", "zh-Hans": "脚注", "zh-Hant": "註腳"},
    "endnote": {"en": "endnotes", "zh-Hans": "尾注", "zh-Hant": "章節附註"},
    "textbox": {"en": "text box", "zh-Hans": "文本框", "zh-Hant": "文字方塊"},
    "body": {"en": "body", "zh-Hans": "正文", "zh-Hant": "本文"},
    # topic statuses and the void marker
    "present": {"en": "present", "zh-Hans": "已约定", "zh-Hant": "已約定"},
    "ambiguous": {"en": "ambiguous", "zh-Hans": "含糊", "zh-Hant": "含糊"},
    "missing": {"en": "missing", "zh-Hans": "缺失", "zh-Hant": "缺漏"},
    "not_applicable": {"en": "not applicable", "zh-Hans": "不适用", "zh-Hant": "不適用"},
    "void": {"en": "void", "zh-Hans": "无效", "zh-Hant": "無效"},
    "forbidden": {"en": "void clause", "zh-Hans": "无效条款", "zh-Hant": "無效條款"},
    "conflict": {"en": "conflict", "zh-Hans": "相互矛盾", "zh-Hant": "相互矛盾"},
    # parties
    "client": {"en": "client", "zh-Hans": "委托方", "zh-Hant": "委託方"},
    "provider": {"en": "provider", "zh-Hans": "服务方", "zh-Hant": "服務方"},
    "both": {"en": "both", "zh-Hans": "双方", "zh-Hant": "雙方"},
    "none": {"en": "none", "zh-Hans": "无", "zh-Hant": "無"},
    # kinds
    "no_actor": {"en": "no party named", "zh-Hans": "未写明责任方", "zh-Hant": "未寫明責任方"},
    "weak_modality": {"en": "not binding", "zh-Hans": "措辞无约束力", "zh-Hant": "措辭無約束力"},
    "vague": {"en": "vague", "zh-Hans": "内容含糊", "zh-Hant": "內容含糊"},
    "dangling_reference": {"en": "unattached document", "zh-Hans": "援引文件未附", "zh-Hant": "援引文件未附"},
    "wrong_bearer": {"en": "wrong party", "zh-Hans": "责任方不当", "zh-Hant": "責任方不當"},
    "exemption": {"en": "exemption", "zh-Hans": "免责", "zh-Hant": "免責"},
    # headings and columns
    "language": {"en": "language", "zh-Hans": "语言", "zh-Hant": "語言"},
    "pack": {"en": "pack", "zh-Hans": "规则包", "zh-Hant": "規則包"},
    "roles": {"en": "roles", "zh-Hans": "当事方", "zh-Hant": "當事人"},
    "governing_law": {"en": "governing law", "zh-Hans": "适用法律", "zh-Hant": "準據法"},
    "assumed": {"en": "assumed from the language", "zh-Hans": "依语言推定", "zh-Hant": "依語言推定"},
    "topic": {"en": "topic", "zh-Hans": "事项", "zh-Hant": "事項"},
    "status": {"en": "status", "zh-Hans": "状态", "zh-Hant": "狀態"},
    "party": {"en": "party", "zh-Hans": "责任方", "zh-Hant": "責任方"},
    "kind": {"en": "kind", "zh-Hans": "问题", "zh-Hant": "問題"},
    "clauses": {"en": "clauses", "zh-Hans": "条款", "zh-Hant": "條款"},
    "topics": {"en": "Topics", "zh-Hans": "事项", "zh-Hant": "事項"},
    "findings": {"en": "Findings", "zh-Hans": "审查意见", "zh-Hant": "審查意見"},
    "no_findings": {"en": "No findings.", "zh-Hans": "无审查意见。", "zh-Hant": "無審查意見。"},
    "the_agreement": {"en": "The agreement", "zh-Hans": "协议全文", "zh-Hant": "契約全文"},
    "tracked": {
        "en": "The agreement has pending tracked changes; it is read as if they were accepted.",
        "zh-Hans": "本协议含有未处理的修订，按全部接受修订后的文本审查。",
        "zh-Hant": "本契約含有未處理之修訂，依全部接受修訂後之文字審查。",
    },
    "accepted_findings": {"en": "accepted finding(s)", "zh-Hans": "条已接受的意见", "zh-Hant": "則已接受之意見"},
    "accepted_hidden": {
        "en": "{n} accepted finding(s) not shown ({how}); --show-suppressed lists them",
        "zh-Hans": "另有{n}条已接受的意见未显示（{how}）；使用 --show-suppressed 列出",
        "zh-Hant": "另有{n}則已接受之意見未顯示（{how}）；使用 --show-suppressed 列出",
    },
    "by_comment": {"en": "{n} by Word comment", "zh-Hans": "{n}条经Word批注", "zh-Hant": "{n}則經Word註解"},
    "by_baseline": {"en": "{n} by baseline", "zh-Hans": "{n}条经基线", "zh-Hant": "{n}則經基準"},
    "accepted_by": {"en": "accepted by {source}", "zh-Hans": "接受来源：{source}", "zh-Hant": "接受來源：{source}"},
    "error": {"en": "error: ", "zh-Hans": "错误：", "zh-Hant": "錯誤："},
    "summary": {
        "en": "clausecheck summary: {counts}. Most serious: ",
        "zh-Hans": "clausecheck 审查摘要：{counts}。最严重的问题：",
        "zh-Hant": "clausecheck 審查摘要：{counts}。最嚴重之問題：",
    },
    "summary_none": {
        "en": "clausecheck summary: no findings.",
        "zh-Hans": "clausecheck 审查摘要：未发现问题。",
        "zh-Hant": "clausecheck 審查摘要：未發現問題。",
    },
    "count": {"en": "{n} {severity}", "zh-Hans": "{severity}{n}项", "zh-Hant": "{severity}{n}項"},
}


def ui_string(key: str, lang: Lang, **fields: str) -> str:
    """The UI string `key` in `lang`, its `{fields}` filled in."""
    return UI_STRINGS[key][lang].format(**fields)


def word(key: str, lang: Lang) -> str:
    """A status, party, kind or severity word in `lang`; an unknown key (a pack's own party) as it is."""
    entry = UI_STRINGS.get(key)
    return entry[lang] if entry else key


def basis_lines(citations: list[Citation], lang: Lang) -> list[str]:
    """'Basis: …' for the laws and 'Practice: …' for model forms and practice notes, as present."""
    lines = []
    laws = [c.text for c in citations if c.kind == "law"]
    practice = [c.text for c in citations if c.kind == "practice"]
    sep = "; " if lang == "en" else "；"
    if laws:
        lines.append(ui_string("basis", lang) + sep.join(laws))
    if practice:
        lines.append(ui_string("practice", lang) + sep.join(practice))
    return lines
