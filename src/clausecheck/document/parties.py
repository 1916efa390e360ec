"""Party definitions: who "the Client", "甲方", "服务方" are.

Duties are written against the names an agreement defines for its parties
(`ABC Ltd. (the "Client")`, `上海某某有限公司（以下简称"甲方"）`, the bare
`甲方：…` of a signature block), so extraction needs the aliases before it can
say who bears a duty. The forms are listed in `docs/reading.md`; the first
definition of an alias that names someone wins, preamble before definitions
clause before signature block.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from clausecheck._lazy_re import lazy_compile
from clausecheck.document.model import PartyDefinition

Source = Literal["preamble", "definition", "signature"]
_PRIORITY = {"preamble": 0, "definition": 1, "signature": 2}

_Q_OPEN = "\"“'‘「『"
_Q_CLOSE = "\"”'’」』"
_ALIAS = rf"(?:[{_Q_OPEN}]{{1,2}}(?P<alias>[A-Z][A-Za-z .&'-]{{0,40}}?)[{_Q_CLOSE}]|(?P<bare>Party\s+[A-Z]|[A-Z][A-Z&-]{{1,30}}|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))"
_EN_PAREN = lazy_compile(
    rf"\(\s*(?:(?i:hereinafter|hereafter)\s+(?:(?i:referred\s+to\s+as|called|known\s+as)\s+)?)?(?:collectively,?\s+|together,?\s+)?"
    rf"(?:the\s+|this\s+)?"
    rf"{_ALIAS}\s*(?:,?\s*(?:or|and)\b[^()]*)?\)"
)
_EN_HEREINAFTER = lazy_compile(
    rf",?\s*(?:hereinafter|hereafter)\s+(?:referred\s+to\s+as|called|known\s+as)\s+(?:the\s+)?{_ALIAS}"
)
_EN_MEANS = lazy_compile(
    rf"^\s*[{_Q_OPEN}](?P<alias>[A-Z][A-Za-z .&'-]{{1,40}}?)[{_Q_CLOSE}]\s+(?:means|shall\s+mean)\s+"
    r"(?P<name>[^.;:]{2,120})"
)
_ZH_PAREN = lazy_compile(
    rf"[（(](?:[^（()）]{{0,40}}[，,；;]\s*)?\s*(?:以下|下文|下)?(?:简称|簡稱|称|稱)(?:为|為)?\s*[：:]?\s*[{_Q_OPEN}]?"
    rf"(?P<alias>[^{_Q_CLOSE}）)\s]{{1,12}}?)[{_Q_CLOSE}]?\s*[）)]"
)
# plain-language terms and letters name the two sides as the writer and the reader: `("we", "us", "our")`,
# `"You" and "your" mean the customer named in the Order Form`, `「本公司」指…`, `「貴公司」指…`
PRONOUNS: dict[str, tuple[str, ...]] = {
    "we": ("We", "us", "our", "Our", "ours"),
    "you": ("You", "your", "Your", "yours"),
}
"""the English first- and second-person names a definition gives one side, with every form the text uses"""
_EN_PRONOUN = lazy_compile(
    rf"[{_Q_OPEN}](?P<alias>we|you)[{_Q_CLOSE}](?:\s*(?:,|and|or)\s*[{_Q_OPEN}](?:us|our|ours|your|yours)[{_Q_CLOSE}])*",
    re.IGNORECASE,
)
_EN_PRONOUN_MEANS = lazy_compile(r"\s+(?:means?|refers?\s+to|are)\s+(?P<name>[^.;:]{2,120})", re.IGNORECASE)
_ZH_PRONOUN_MEANS = lazy_compile(
    rf"^\s*[{_Q_OPEN}](?P<alias>本公司|我公司|我方|貴公司|贵公司|貴方|贵方)[{_Q_CLOSE}]\s*(?:是指|係指|系指|指)\s*"
    r"(?P<name>[^，,。；;]{2,60})"
)
# `香港某某大學，其主要辦事處位於…（「大學」）`: a quoted name alone in brackets, after an organisation's name
_ZH_QUOTED_PAREN = lazy_compile(rf"[（(]\s*[{_Q_OPEN}](?P<alias>[^{_Q_CLOSE}）)\s]{{1,12}}?)[{_Q_CLOSE}]\s*[）)]")
_ZH_ORGANISATION = lazy_compile(
    r"(?:有限公司|有限責任公司|公司|集团|集團|大学|大學|学院|學院|医院|醫院|银行|銀行|政府|委员会|委員會|管理局|研究院|研究所)"
    r"(?=[^。；;]*$)"
)
"""an organisation's name in the sentence before a definition, which makes a bare quoted name its alias"""
# the stems of the role nouns a preamble defines a party by (发包单位, 用工单位, 承攬人), whichever side they name
_ZH_ROLE_STEM = (
    "发包|承包|分包|委托|受托|出租|承租|雇主|用人|用工|派遣|使用|服务|采购|供货|建设|施工|安装|"
    "發包|承攬|委託|僱用|服務|採購"
)
_ZH_BARE = lazy_compile(
    r"(?:^|(?<=[\s\u3000]))(?P<alias>[甲乙丙丁]方|[\u4e00-\u9fff]{1,4}方"
    rf"|(?:劳务|勞務|专业|專業)?(?:{_ZH_ROLE_STEM})(?:人|单位|單位)|劳动者|勞動者"
    # `业主（甲方）：`, `物业服务企业（乙方）：`: any role noun that a positional name in brackets glosses
    r"|[\u4e00-\u9fff]{2,8}(?=\s*[（(]\s*[甲乙丙丁]方\s*[）)]))"
    r"\s*(?:[（(](?P<role>[^）)]{0,12})[）)])?\s*(?:盖章|蓋章|签章|簽章|签字|簽字|签名|簽名|名称|名稱|全称|全稱|姓名)?\s*[：:]"
)
# `发包单位：某某公司（甲方）`: a positional name in brackets after the name is the same party's
_ZH_TRAILING = lazy_compile(r"[（(]\s*(?P<name>[甲乙丙丁]方)\s*[）)]\s*$")
# `Party A: Acme Co., Ltd.` in English translations and signature blocks
_EN_BARE = lazy_compile(
    r"(?:(?:^|(?<=\s))(?P<party>Party\s+[A-D])|^\s*(?P<word>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))\s*(?:\((?P<role>[A-Za-z ]{2,30})\))?\s*[:：]\s*"
    r"(?P<name>[^:：\n]{2,120}?)\s*(?=$|\n|\s(?:Legal Representative|Address|Tel|By|Name|Title)\b)",
    re.MULTILINE,
)
_EN_NAME_END = lazy_compile(
    r",?\s+(?:a|an)\s+(?:[\w-]+\s+){0,4}?(?:company|corporation|limited|partnership|body|entity)\b.*$"
    r"|,\s*(?:a|an)\s+.*$|,\s+(?:[A-Z][\w.]*\s+){1,3}(?:corporation|company)\b.*$"
    r"|\s+(?:incorporated|registered|organi[sz]ed|whose|having|with\s+its|duly)\b.*$",
    re.DOTALL,
)
_NOT_PARTIES_EN = lazy_compile(
    r"^(?:agreement|contract|deed|services?|works?|effective\s+date|commencement\s+date|term|site|premises|"
    r"project|schedule|specification|order|policy|plan|parties|party|goods|equipment|fees?|price)$",
    re.IGNORECASE,
)
_NOT_PARTIES_ZH = lazy_compile(r"合同|协议|協議|工程|项目|項目|本|条款|條款|规定|規定|法|日期|服务费|服務費")
_NOT_PARTIES_BARE = lazy_compile(r"双方|雙方|各方|对方|對方|一方|他方|多方|地方|官方|配方|处方|處方")
_ORGANISATION = lazy_compile(
    r"\b(?:Ltd|Limited|Inc|Incorporated|LLC|L\.L\.C|Corporation|Corp|Company|Co|PLC|plc|GmbH|AG|LLP|LP|Pty|"
    r"S\.A|B\.V|N\.V|Bank|University|Authority|Council|Trust|Office)\b",
    re.IGNORECASE,
)
_NUMBERED_PARTY = lazy_compile(r"\s*(?:[;,]\s*)?(?:and\s+|AND\s+)?\(\d{1,2}\)\s+[A-Z]")
_CAPITALS_NAME = lazy_compile(r"\s*[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+){1,4}(?:,?\s+of\b[^()]*)?\s*$")
_RECITAL = lazy_compile(r"\s*(?:WHEREAS|Whereas|RECITAL|Recital|NOW,? THEREFORE)")
_ROLE_WORD = lazy_compile(r"(?:方|人|单位|單位|者)$")
_QUOTE_PAREN = ('")', "”)", "')", "’)", "」）", "』）", "”）", '"）')
_ZH_AGENT_CUT = lazy_compile(r".*(?:由|与|與)(?=[^由与與]*$)")
_ZH_SEPARATORS = frozenset("，,。；;：: \t\n\u3000")
_ZH_LEAD = lazy_compile(r"^(?:和|与|與|及|并|並)")
_NAME_LIKE = lazy_compile(r"[^，,。；;]{2,40}")
_QUOTED = lazy_compile(rf"[{_Q_OPEN}]([A-Z][A-Za-z .&'-]{{0,40}}?)[{_Q_CLOSE}]")
# `发包方：某某公司（以下简称甲方）`: the role word right before the name the brackets follow
_ZH_BARE_BEFORE = lazy_compile(
    rf"(?P<alias>(?:{_ZH_ROLE_STEM})(?:方|人|单位|單位))"
    r"(?:\s*[：:]\s*[^（(，,。；;：:\s]{0,40})?\s*$"
)
_ZH_BLANK_PAREN = lazy_compile(r"(?:＿{2,}|_{2,})\s*[（(]\s*(?P<alias>[\u4e00-\u9fff]{1,4}(?:方|人|单位|單位))\s*[）)]")
"""a blank for a party's name with its role noun in brackets: `＿＿＿＿（聘方）`"""
# a positional name alone in the next paragraph: `承租方：____` then `(甲方)`
_ZH_NEXT_LINE = lazy_compile(r"^\s*[（(]\s*(?P<name>[甲乙丙丁]方)\s*[）)]\s*$")
_SIGNATURE_NOISE = lazy_compile(r"[（(]?\s*(?:盖章|蓋章|签章|簽章|签字|簽字|公章|签名|簽名)\s*[）)]?|_{2,}|＿{2,}")


def find_parties(blocks: Iterable[tuple[str, str, Source]]) -> tuple[PartyDefinition, ...]:
    """Party definitions in (block id, text, where it stands) triples, the best per alias, in document order.

    Best: one that names someone over a blank, then preamble over definition
    over signature, then the earliest.
    """
    best: dict[str, tuple[tuple[int, int, int], PartyDefinition]] = {}
    last = ""
    for order, (block_id, text, source) in enumerate(blocks):
        next_line = _ZH_NEXT_LINE.match(text)
        if next_line and last in best:
            rank, previous = best[last]
            also = tuple(dict.fromkeys((*previous.also, next_line.group("name"))))
            best[last] = (rank, previous.model_copy(update={"also": also}))
            continue
        for alias, name, how, also in _definitions(text, source):
            alias = alias.strip(" .")
            if not alias:
                continue
            rank = (0 if name else 1, _PRIORITY[how], order)
            key = alias.casefold()
            if key not in best or rank < best[key][0]:
                kept = tuple(
                    dict.fromkeys(a for a in (*(best[key][1].also if key in best else ()), *also) if a != alias)
                )
                best[key] = (rank, PartyDefinition(alias=alias, name=name, also=kept, block_id=block_id, source=how))
            elif also:
                merged = tuple(dict.fromkeys(a for a in (*best[key][1].also, *also) if a != alias))
                best[key] = (best[key][0], best[key][1].model_copy(update={"also": merged}))
            last = key
    found = [definition for _, definition in sorted(best.values(), key=lambda item: item[0][2])]
    if any(d.source == "preamble" for d in found):
        # `用工单位：（盖章）` under a preamble that named the parties signs for one of them; which one, its
        # role word tells the roles stage, not a blank definition of a party of its own
        found = [d for d in found if d.source != "signature" or d.name or POSITIONAL_NAME.fullmatch(d.alias)]
    return tuple(found)


POSITIONAL_NAME = lazy_compile(r"[甲乙丙丁]方|Party\s+[A-D]\b")
"""a name by position, which any agreement may give either side: 甲方, 乙方, Party A"""


def _definitions(text: str, source: Source) -> Iterable[tuple[str, str, Source, tuple[str, ...]]]:
    if source == "definition" and not _may_define(text):
        return  # most body text defines nothing
    boundary = 0
    for m in sorted([*_EN_PAREN.finditer(text), *_EN_HEREINAFTER.finditer(text)], key=lambda m: m.start()):
        if m.start() < boundary:
            continue
        quoted = m.group("alias")
        if quoted is None and "(" in m.group(0)[:1] and not re.match(r"\(\s*(?:hereinafter|hereafter)", m.group(0)):
            continue  # a bare word in brackets, `(Pty)`, is no definition without quotes or "hereinafter"
        alias = quoted or m.group("bare")
        # `("FTE" or "Subcontractor")`: every quoted name in the brackets is the same party's
        also = tuple(q for q in _QUOTED.findall(m.group(0)) if q != alias and not _NOT_PARTIES_EN.match(q))
        context = text[boundary : m.start()]
        name = _en_name(context)
        boundary = m.end()
        if _is_party_en(alias, name, source, context):
            yield alias, name, source, also
    yield from _pronoun_definitions(text, source)
    means = _EN_MEANS.match(text)
    if means:
        name = re.sub(r"^(?:the\s+)?", "", means.group("name").strip(), flags=re.IGNORECASE).strip(" ,")
        if _is_party_en(means.group("alias"), name, "definition", name):
            yield means.group("alias"), name, "definition", ()
    for m in _ZH_PAREN.finditer(text):
        alias = m.group("alias")
        if _NOT_PARTIES_ZH.search(alias) or (
            source != "preamble" and not _ROLE_WORD.search(alias) and _organisation_before(text, m.start()) is None
        ):
            continue
        # `发包方（以下简称甲方）`: the name before the brackets is a role word of the same party
        before = _ZH_BARE_BEFORE.search(text, 0, m.start())
        yield alias, _zh_name(text[: m.start()]), source, (before.group("alias"),) if before else ()
    for m in _ZH_QUOTED_PAREN.finditer(text):
        organisation = _organisation_before(text, m.start())
        if organisation is not None and not _NOT_PARTIES_ZH.search(m.group("alias")):
            yield m.group("alias"), _zh_name(text[: organisation.end()]), source, ()
    if source == "definition":
        return  # the bare `甲方：…` form names parties only at the head and foot of an agreement
    if source == "preamble":
        # `＿＿＿＿（聘方）聘请＿＿＿＿（受聘方）为…`: a template's blank, glossed by the party's role noun
        for m in _ZH_BLANK_PAREN.finditer(text):
            if not _NOT_PARTIES_BARE.search(m.group("alias")):
                yield m.group("alias"), "", source, ()
    yield from _bare_definitions(text, source)


def _pronoun_definitions(text: str, source: Source) -> Iterable[tuple[str, str, Source, tuple[str, ...]]]:
    """`Harbourline Networks Ltd ("we", "us", "our")`, `"we", "us" and "our" mean Halyard Ltd`, `「本公司」指…`:
    the writer's and the reader's side, named by pronoun."""
    for m in _EN_PRONOUN.finditer(text):
        alias = m.group("alias").lower()
        means = _EN_PRONOUN_MEANS.match(text, m.end())
        if means is not None:
            name = _EN_NAME_END.sub("", re.sub(r"^(?:the\s+)?", "", means.group("name").strip(), flags=re.IGNORECASE))
            yield alias, name.strip(" ,"), source, PRONOUNS[alias]
        elif text[: m.start()].rstrip().endswith("(") and text[m.end() :].lstrip().startswith(")"):
            before = text[: text.rfind("(", 0, m.start())]
            before = before[before.rfind(")") + 1 :]  # after the other side's definition
            yield alias, _en_name(before), source, PRONOUNS[alias]
    means_zh = _ZH_PRONOUN_MEANS.match(text)
    if means_zh is not None:
        yield means_zh.group("alias"), _zh_name(means_zh.group("name")), source, ()


def _organisation_before(text: str, at: int) -> re.Match[str] | None:
    """The last organisation's name in the sentence that ends at `at` (within 200 characters)."""
    return next(reversed(list(_ZH_ORGANISATION.finditer(text, max(0, at - 200), at))), None)


def _bare_definitions(text: str, source: Source) -> Iterable[tuple[str, str, Source, tuple[str, ...]]]:
    """`甲方（使用单位）：某某公司`, `发包单位：某某公司（甲方）`, `Party A: Acme Co., Ltd.`, line by line."""
    for line in text.splitlines():
        found = [] if line.isascii() else list(_ZH_BARE.finditer(line))  # every Chinese name has a Chinese word
        english = [m.start() for m in _EN_BARE.finditer(line)] if found else []  # `甲方：某某公司 Party A: …`
        for m, after in zip(found, [*found[1:], None], strict=False):
            if _NOT_PARTIES_BARE.search(m.group("alias")) or _ZH_PAREN.match(
                line, m.start("alias") + len(m.group("alias"))
            ):
                continue  # `发包方（简称甲方）：` defines 甲方, read by the pattern above
            end = min([after.start() if after else len(line), *(e for e in english if e > m.end())])
            name = _SIGNATURE_NOISE.sub("", line[m.end() : end])
            also = [m.group("role").strip()] if m.group("role") and m.group("role").strip() else []
            trailing = _ZH_TRAILING.search(name)
            if trailing:
                also.append(trailing.group("name"))
                name = name[: trailing.start()]
            paren = _ZH_PAREN.search(name)
            if paren:
                name = name[: paren.start()]
            name = _zh_name(name.strip(" _＿"))
            yield m.group("alias"), name if _NAME_LIKE.fullmatch(name) else "", source, tuple(also)
        for m in _EN_BARE.finditer(line):
            alias, name = m.group("party") or m.group("word"), m.group("name").strip(" ,;")
            role = (m.group("role") or "").strip()
            if re.fullmatch(r"Party\s+[A-D]", alias) or (
                _ORGANISATION.search(name) and not _NOT_PARTIES_EN.match(alias)
            ):
                yield alias, name if _ORGANISATION.search(name) else "", source, (role,) if role else ()


def _may_define(text: str) -> bool:
    """Whether `text` can hold a definition at all: substring tests, far cheaper than the five patterns."""
    if "mean" in text or "here" in text or "称" in text or "稱" in text or "指" in text:
        return True
    return (")" in text or "）" in text) and any(q in text for q in _QUOTE_PAREN)


def _is_party_en(alias: str, name: str, source: Source, context: str) -> bool:
    """`(the "Client")` names a party; `(the "Agreement")`, `"CPI" means …` do not.

    `Party A` counts anywhere, and so does an alias whose definition names an
    organisation (`"Customer" means Northgate Colocation Limited`). Any other
    (`"BE"`, `"APOLLO"`) counts only in the preamble, only when the words before
    it name an organisation, and not in a recital, where agreements define third
    parties and other documents. Which role a name plays is not decided here:
    role words are the packs' vocabulary (`extract.roles`), and a role word used
    as a name ("the Contractor shall") is found there without a definition.
    """
    if _NOT_PARTIES_EN.match(alias) or _RECITAL.match(name):
        return False
    if re.fullmatch(r"Party\s+[A-Z]", alias) or (
        source == "definition" and name[:1].isupper() and _names_organisation(name)
    ):
        return True
    # "(2) NIGEL CROCKETT of … (the "Employee")": a person numbered among the parties, or named in capitals as
    # the parties are, is one too
    if _NUMBERED_PARTY.match(context) or _CAPITALS_NAME.match(context):
        return not _RECITAL.match(context)  # also inside a numbered list of parties, which counts as a clause
    return source == "preamble" and bool(_ORGANISATION.search(context)) and not name[:1].islower()


def _names_organisation(name: str) -> bool:
    """Whether `name` is an organisation's own name ("Northgate Colocation Limited"), not a sentence about one
    ("The Company currently operates a pension scheme", whose "Company" is the agreement's word for a party)."""
    return any(not re.search(r"\bthe\s+$", name[: m.start()], re.IGNORECASE) for m in _ORGANISATION.finditer(name))


def _en_name(segment: str) -> str:
    """'ABC Ltd.' from '… made between ABC Ltd., a company incorporated in England, '."""
    segment = re.split(r"[;\n]", segment)[-1]
    if _RECITAL.match(segment):
        return segment.strip()  # kept whole: a recital is never a party's name
    between = list(re.finditer(r"\bbetween\b", segment, re.IGNORECASE))
    if between:
        segment = segment[between[-1].end() :]
    if ":" in segment:
        segment = segment.rsplit(":", 1)[1]
    segment = re.sub(r"^[\s,]*(?:and\b|AND\b)?[\s:]*", "", segment)
    segment = re.sub(r"^\s*(?:\(\d+\)|\d+\.|\([a-z]\))\s*", "", segment)
    segment = _EN_NAME_END.sub("", segment)
    return segment.strip(' ,:"“”').strip()[:120]


def _zh_name_start(text: str) -> int:
    """Where a name that ends `text` starts: after the last separator or unclosed bracket outside any bracket
    the name itself closes ('恒远化工（南通）有限公司' keeps its '（南通）')."""
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        c = text[i]
        if c in "）)":
            depth += 1
        elif c in "（(":
            if not depth:
                return i + 1
            depth -= 1
        elif not depth and c in _ZH_SEPARATORS:
            return i + 1
    return 0


def _zh_name(before: str) -> str:
    """'上海某某有限公司' from '甲方：上海某某有限公司', '' from '本合同由＿＿'."""
    if before.rstrip().endswith(("_", "＿")):
        return ""  # a blank to fill in
    name = _ZH_AGENT_CUT.sub("", before[_zh_name_start(before) :])
    name = _ZH_LEAD.sub("", name).strip(' "“”「」_＿')
    return name[:60]
