"""The portfolio page's own words, per language; statuses, severities and parties come from `report.ui_strings`."""

from __future__ import annotations

from clausecheck.types import Lang

PAGE_STRINGS: dict[str, dict[Lang, str]] = {
    "title": {"en": "Portfolio report", "zh-Hans": "合同组合审查报告", "zh-Hant": "契約組合審查報告"},
    "agreements": {"en": "agreements", "zh-Hans": "份协议", "zh-Hant": "份契約"},
    "checked": {"en": "agreements checked", "zh-Hans": "已审查协议", "zh-Hant": "已審查契約"},
    "unreadable": {"en": "could not be read", "zh-Hans": "无法读取", "zh-Hant": "無法讀取"},
    "with_void": {"en": "carry a void clause", "zh-Hans": "含无效条款", "zh-Hant": "含無效條款"},
    "serious": {"en": "have a high or critical finding", "zh-Hans": "有高或严重问题", "zh-Hant": "有高或嚴重問題"},
    "coverage": {"en": "Topic coverage", "zh-Hans": "各事项约定情况", "zh-Hant": "各事項約定情形"},
    "coverage_note": {
        "en": "How the agreements settle each required topic; void: settled only by a clause the law voids.",
        "zh-Hans": "各协议对每项必备事项的约定情况；无效：仅由依法无效的条款约定。",
        "zh-Hant": "各契約對每項必備事項之約定情形；無效：僅由依法無效之條款約定。",
    },
    "by_rule": {
        "en": "Findings by rule and severity",
        "zh-Hans": "按规则和严重程度的审查意见",
        "zh-Hant": "依規則及嚴重程度之審查意見",
    },
    "worst": {"en": "Agreements most in need of review", "zh-Hans": "最需审查的协议", "zh-Hant": "最需審查之契約"},
    "worst_note": {
        "en": "Score: critical 10, high 5, medium 2, low 1 per finding. Each name opens the agreement's own report.",
        "zh-Hans": "分值：每条严重问题10分、高5分、中2分、低1分。点击名称打开该协议的审查报告。",
        "zh-Hant": "分值：每則嚴重問題10分、高5分、中2分、低1分。點選名稱開啟該契約之審查報告。",
    },
    "counterparties": {"en": "Counterparties", "zh-Hans": "合同相对方", "zh-Hant": "契約相對人"},
    "counterparties_note": {
        "en": "Parties named as the {role}, by mean score per agreement.",
        "zh-Hans": "以{role}身份出现的当事方，按每份协议的平均分排序。",
        "zh-Hant": "以{role}身分出現之當事人，依每份契約之平均分排序。",
    },
    "groups": {"en": "By {by}", "zh-Hans": "按{by}", "zh-Hant": "依{by}"},
    "folder": {"en": "folder", "zh-Hans": "文件夹", "zh-Hant": "資料夾"},
    "rule": {"en": "rule", "zh-Hans": "规则", "zh-Hant": "規則"},
    "severity": {"en": "severity", "zh-Hans": "严重程度", "zh-Hant": "嚴重程度"},
    "findings": {"en": "findings", "zh-Hans": "意见数", "zh-Hant": "意見數"},
    "in_agreements": {"en": "in agreements", "zh-Hans": "涉及协议", "zh-Hant": "涉及契約"},
    "agreement": {"en": "agreement", "zh-Hans": "协议", "zh-Hant": "契約"},
    "score": {"en": "score", "zh-Hans": "分值", "zh-Hant": "分值"},
    "mean": {"en": "mean score", "zh-Hans": "平均分", "zh-Hant": "平均分"},
    "name": {"en": "name", "zh-Hans": "名称", "zh-Hant": "名稱"},
    "topic": {"en": "topic", "zh-Hans": "事项", "zh-Hant": "事項"},
    "count": {"en": "count", "zh-Hans": "数量", "zh-Hant": "數量"},
    "void_col": {"en": "with void clause", "zh-Hans": "含无效条款", "zh-Hant": "含無效條款"},
    "serious_col": {"en": "high or critical", "zh-Hans": "高或严重", "zh-Hant": "高或嚴重"},
    "missing_col": {"en": "topics missing", "zh-Hans": "缺失事项", "zh-Hant": "缺漏事項"},
    "errors_col": {"en": "unreadable", "zh-Hans": "无法读取", "zh-Hant": "無法讀取"},
    "none": {"en": "Nothing to show.", "zh-Hans": "无。", "zh-Hant": "無。"},
    "chart": {"en": "Chart", "zh-Hans": "图表", "zh-Hant": "圖表"},
}


def page_string(key: str, lang: Lang, **fields: str) -> str:
    return PAGE_STRINGS[key][lang].format(**fields)
