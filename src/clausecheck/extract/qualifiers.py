"""How precise a duty is: vague words and timing, or a concrete deadline, amount, standard or list.

Vague words come from the pack's vocabularies; the concrete forms that pin a
duty down ("24小时内", "within 2 hours", "不低于50万元", "GB 39800.1",
"not less than $1,000,000") are parsed here, because they are numbers and
names rather than words a pack would list. A duty that has one is not vague,
whatever else it says.
"""

from __future__ import annotations

import re

from clausecheck._lazy_re import lazy_compile
from clausecheck.extract.lexicon import Hit, Lexicon, Scan
from clausecheck.extract.model import Qualifier
from clausecheck.extract.positions import positions
from clausecheck.language.segment import clause_around

_NUMBER = r"(?:\d[\d,.]*|[一二两三四五六七八九十百千万零〇]+)"
_DEADLINE = lazy_compile(
    rf"{_NUMBER}\s*(?:个)?(?:小时|分钟|天|日|个?工作日|周|星期|个?月)(?:内|之内|以内|前)"
    r"|立即|立刻|马上|当即|即时|第一时间内"
    r"|\bwithin\s+(?:\w+\s+)?(?:\(\d+\)\s+)?(?:business\s+|working\s+|calendar\s+)?(?:hours?|days?|minutes?|weeks?|months?)\b"
    r"|\bimmediately\b|\bforthwith\b|\bwithout\s+delay\b"
    r"|\b(?:no|not)\s+later\s+than\s+\S+"
    r"|\b(?:before|prior\s+to)\s+(?:any|each|the|an?)\s+(?:\w+\s+){0,3}?(?:enters?|entry|starts?|begins?|commencement|attend\w*|first)",
    re.IGNORECASE,
)
_AMOUNT = lazy_compile(
    rf"{_NUMBER}\s*(?:万元|元|万|亿元|人民币|美元|英镑)"
    r"|(?:人民币|RMB|USD|GBP|EUR|HKD|NT\$|US\$|[$£€¥])\s*[\d,.]+(?:\s*(?:million|m|k|thousand))?"
    r"|\b[\d,.]+\s*(?:million|thousand)?\s*(?:dollars|pounds|euros|yuan)\b",
    re.IGNORECASE,
)
_LIST_AFTER = lazy_compile(
    r"[^。；;.]{0,40}?(?P<list>(?:包括|包含|例如|诸如)[^。；;、]{1,15}、[^。；;]{1,30}"
    r"|\b(?:including|such\s+as|namely)\b[^.;,]{1,40},[^.;]{1,60})",
    re.IGNORECASE,
)
"""a list opening within a few words of a degree word, which names what it qualifies"""
_STANDARD = lazy_compile(
    r"\b(?:GB(?:/T|/Z)?|JGJ|AQ|DL|ISO|IEC|BS|EN|NFPA|ANSI|IEEE|CFR|OSHA)\s*[\d.\-/]+"
    r"|\b\d+\s+CFR\b|\bNFPA\s*70E\b",
    re.IGNORECASE,
)


def qualifiers(
    scan: Scan, text: str, lexicon: Lexicon, topic_spans: list[tuple[int, int]] | None = None
) -> list[Qualifier]:
    """Vague wording and concrete pins in a sentence part (folded text).

    Given where the topic's words stand (`topic_spans`), vague words count only in
    the clauses (between commas, colons and semicolons) that hold them: in
    "甲方负责提供必要的办公场所，并向其介绍机房的消防设施" the office is left open, the
    briefing on fire equipment is not. A pin counts anywhere in the part.
    """
    clauses = [clause_around(text, start, end) for start, end in topic_spans] if topic_spans else None
    found: list[Qualifier] = []
    for kind in ("vague", "vague_timing"):
        hits = [
            h
            for h in scan.find(lexicon.words(kind))
            if clauses is None or any(a <= h.start and h.end <= b for a, b in clauses)
        ]
        ends = _topic_term_ends(scan, lexicon) if hits else {}
        found += [Qualifier(kind=kind, words=h.text, topic=_owner(ends, h)) for h in hits]
        if kind == "vague":
            # "適當之個人防護裝備，包括安全帽、安全帶…", "appropriate PPE, including hard hats, boots and gloves": the
            # list that follows says what the degree word left open
            lists = (_LIST_AFTER.match(text, h.end) for h in hits)
            found += [Qualifier(kind="list", words=m.group("list")) for m in lists if m is not None]
    pins = (
        ("deadline", _DEADLINE),
        ("amount", _AMOUNT),
        ("standard", _STANDARD),
        ("standard", positions(lexicon).statute),
    )
    for kind, pattern in pins:
        found += [Qualifier(kind=kind, words=m.group()) for m in pattern.finditer(text)]
    return found


def _topic_term_ends(scan: Scan, lexicon: Lexicon) -> dict[int, list[tuple[int, str]]]:
    """Where each topic term found in the part ends: end -> (start, topic)."""
    ends: dict[int, list[tuple[int, str]]] = {}
    for topic, terms in lexicon.topics.items():
        for h in scan.find(terms):
            ends.setdefault(h.end, []).append((h.start, topic))
    return ends


def _owner(ends: dict[int, list[tuple[int, str]]], hit: Hit) -> str | None:
    """The one topic whose own term ends with a vague word ("safety equipment" in ppe's "provide information,
    training, and safety equipment"), if any: the thing that term names is what the word leaves open, so it
    leaves only that topic open. A vague word inside a longer term ("按国家有关规定" in "工伤保险按国家有关规定执行")
    qualifies the whole statement."""
    owners = {topic for start, topic in ends.get(hit.end, ()) if start <= hit.start}
    return owners.pop() if len(owners) == 1 else None
