"""Finding messages in the agreement's language.

A message names the defect in the present tense (what is wrong, which topic,
which party); a hint says what to do, in the imperative. Both follow the
agreement's language so a reviewer can paste them into the draft.
"""

from __future__ import annotations

from collections.abc import Sequence

from clausecheck.types import Lang

_PARTY = {
    "en": {"client": "the client", "provider": "the provider", "both": "both parties", "none": "no party"},
    "zh-Hans": {"client": "委托方（场所方）", "provider": "服务方", "both": "双方", "none": "无"},
    "zh-Hant": {"client": "委託方（場所方）", "provider": "服務方", "both": "雙方", "none": "無"},
}

_MESSAGES: dict[str, dict[Lang, str]] = {
    "missing": {
        "en": "No clause settles {topic}.",
        "zh-Hans": "{agreement}未约定{topic}。",
        "zh-Hant": "{agreement}未約定{topic}。",
    },
    "no_actor": {
        "en": "{topic} is addressed, but no clause names the party that bears it.",
        "zh-Hans": "{agreement}涉及{topic}，但未写明由哪一方负责。",
        "zh-Hant": "{agreement}涉及{topic}，但未寫明由哪一方負責。",
    },
    "weak_modality": {
        "en": "{topic} is only hedged (\u201c{words}\u201d), not made a binding duty.",
        "zh-Hans": "关于{topic}的约定措辞不具约束力（\u201c{words}\u201d）。",
        "zh-Hant": "關於{topic}的約定措辭不具約束力（\u300c{words}\u300d）。",
    },
    "vague": {
        "en": "{topic} is left vague (\u201c{words}\u201d): no period, amount or standard pins it down.",
        "zh-Hans": "关于{topic}的约定含糊（\u201c{words}\u201d），未写明期限、金额或标准。",
        "zh-Hant": "關於{topic}的約定含糊（\u300c{words}\u300d），未寫明期限、金額或標準。",
    },
    "unspecific": {
        "en": "{topic} is addressed, but the clause leaves out what the duty must cover (its kind, scope or amount).",
        "zh-Hans": "关于{topic}的约定未写明应涵盖的具体内容（种类、范围或金额）。",
        "zh-Hant": "關於{topic}的約定未寫明應涵蓋的具體內容（種類、範圍或金額）。",
    },
    "dangling_reference": {
        "en": "{topic} is delegated to \u201c{words}\u201d, which the agreement neither attaches nor identifies.",
        "zh-Hans": "{topic}援引的\u201c{words}\u201d未作为附件，也未具体指明。",
        "zh-Hant": "{topic}援引的\u300c{words}\u300d未作為附件，也未具體指明。",
    },
    "conflict": {
        "en": "Clauses {clauses} put {topic} on different parties or contradict each other.",
        "zh-Hans": "条款{clauses}就{topic}的约定相互矛盾或由不同方承担。",
        "zh-Hant": "條款{clauses}就{topic}的約定相互矛盾或由不同方承擔。",
    },
    "wrong_bearer": {
        "en": "{topic} is put on {party}; it should be borne by {bearers}.",
        "zh-Hans": "{topic}由{party}承担，应由{bearers}承担。",
        "zh-Hant": "{topic}由{party}承擔，應由{bearers}承擔。",
    },
    "exemption": {
        "en": "Void clause: {title}.",
        "zh-Hans": "无效条款：{title}。",
        "zh-Hant": "無效條款：{title}。",
    },
}

_HINTS: dict[str, dict[Lang, str]] = {
    "missing": {
        "en": "Add a clause: {title}.",
        "zh-Hans": "增加条款，约定{title}。",
        "zh-Hant": "增加條款，約定{title}。",
    },
    "no_actor": {
        "en": "Name the party that bears it: {title}.",
        "zh-Hans": "写明由哪一方负责：{title}。",
        "zh-Hant": "寫明由哪一方負責：{title}。",
    },
    "weak_modality": {
        "en": "Make it a duty: use \u201cshall\u201d and drop the hedge.",
        "zh-Hans": "改为\u201c应当\u201d等具约束力的措辞，删去限制语。",
        "zh-Hant": "改為\u300c應當\u300d等具約束力的措辭，刪去限制語。",
    },
    "vague": {
        "en": "State the period, amount or standard.",
        "zh-Hans": "写明具体期限、金额或标准。",
        "zh-Hant": "寫明具體期限、金額或標準。",
    },
    "dangling_reference": {
        "en": "Attach the document as a schedule or identify it by title and version.",
        "zh-Hans": "将该文件作为附件，或写明其名称及版本。",
        "zh-Hant": "將該文件作為附件，或寫明其名稱及版本。",
    },
    "conflict": {
        "en": "Reconcile the clauses so that one party bears the duty.",
        "zh-Hans": "统一相关条款，明确由一方承担。",
        "zh-Hant": "統一相關條款，明確由一方承擔。",
    },
    "wrong_bearer": {
        "en": "Put the duty on {bearers}.",
        "zh-Hans": "改由{bearers}承担。",
        "zh-Hant": "改由{bearers}承擔。",
    },
    "exemption": {
        "en": "Delete the exclusion or limit it to losses the law allows you to exclude.",
        "zh-Hans": "删除该免责约定，或限于法律允许免除的责任。",
        "zh-Hant": "刪除該免責約定，或限於法律允許免除的責任。",
    },
}


_AGREEMENT = {"en": "the agreement", "zh-Hans": "协议", "zh-Hant": "協議"}


def party_name(role: str, lang: Lang) -> str:
    """How a role reads in a message: 'the provider', '服务方'."""
    return _PARTY[lang].get(role, role)


def _join(lang: Lang, names: list[str]) -> str:
    return " or ".join(names) if lang == "en" else "或".join(names)


def message(
    kind: str,
    lang: Lang,
    *,
    topic: str,
    title: str = "",
    words: str = "",
    clauses: Sequence[str] = (),
    party: str = "none",
    bearers: tuple[str, ...] = (),
    agreement: str = "",
) -> str:
    """The message for a finding of `kind`; a vague finding with no vague words says what content is missing.

    `agreement` is the agreement's own word for itself (合同, 契約, 合約), used
    when the message is in the agreement's script.
    """
    sep = ", " if lang == "en" else "、"
    if kind == "vague" and not words:
        kind = "unspecific"
    own = agreement if agreement and lang != "en" else _AGREEMENT[lang]
    return _MESSAGES[kind][lang].format(
        agreement=own,
        topic=topic,
        title=title,
        words=words,
        clauses=sep.join(clauses) or "?",
        party=party_name(party, lang),
        bearers=_join(lang, [party_name(b, lang) for b in bearers]),
    )


def hint(kind: str, lang: Lang, *, title: str, bearers: tuple[str, ...] = ()) -> str:
    """What to do about a finding of `kind`."""
    return _HINTS[kind][lang].format(title=title, bearers=_join(lang, [party_name(b, lang) for b in bearers]))


_UNDECIDED = {
    "en": "cannot tell whether {names} is the client (the host) or the provider (whose people work): "
    "duties it bears are reported as borne by no party; name its role in its definition, e.g. (the \u201cContractor\u201d)",
    "zh-Hans": "无法判断{names}是委托方（场所方）还是服务方：其承担的义务按无人承担报告；请在定义中写明其身份，"
    "如\u201c甲方（发包方）\u201d",
    "zh-Hant": "無法判斷{names}是委託方（場所方）還是服務方：其承擔的義務按無人承擔報告；請在定義中寫明其身分，"
    "如「甲方（發包方）」",
}


def undecided_parties(names: list[str], lang: Lang) -> list[str]:
    """The document-level warning for parties whose side extraction could not decide."""
    quoted = [f"\u201c{n}\u201d" for n in names]
    return [_UNDECIDED[lang].format(names=(", " if lang == "en" else "、").join(quoted))]
