"""A rule's citations as a reader of this agreement needs them: the governing law first, in her language.

Packs write citations in English with a jurisdiction (`cite CN "PRC Work
Safety Law art. 45"`). A finding shows the law that governs the agreement
(`document.governing_law`) and, only when asked (`--all-jurisdictions`), the
others after it. Citations without a jurisdiction, or international ones,
always stay. Model forms and practice notes (`cite practice ...`) are kept
apart as "practice", never as a legal basis.

A Chinese reader gets the statute's own name and Chinese article numbering:
the pack's `statute` declarations name each law per language, and the
pinpoint after the name is rewritten (`art. 45` is 第四十五条 under PRC law,
第6條 under Taiwan's, `s.7(1)` of a Hong Kong ordinance 第7(1)條). A citation
whose statute is not declared is shown as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from clausecheck._lazy_re import lazy_compile
from clausecheck.dsl.model import Statute
from clausecheck.types import Citation, Lang

_DIGITS = "零一二三四五六七八九"
_PINPOINT = lazy_compile(
    r"^\s*(?P<unit>arts?\.|ss?\.|regs?\.)\s*(?P<refs>\d[\w()\-–]*(?:\s*,\s*\d[\w()\-–]*)*)(?:\s+(?P<rest>\(.*\)))?\s*$"
)
_REF = lazy_compile(r"(?P<art>\d+)(?:-(?P<sub>\d+))?(?P<parts>(?:\(\w+\))*)")


def select(
    citations: Iterable[Citation], governing: Sequence[str], *, all_jurisdictions: bool = False
) -> list[Citation]:
    """The citations to show, governing law first; others only with `all_jurisdictions` or when nothing governs.

    With no governing jurisdiction known (an English agreement without the
    clause), every citation is kept. When the governing law has no citation of
    its own in a rule, the others stay rather than leave the finding without a basis.
    """
    citations = list(citations)
    if not governing or all_jurisdictions:
        order = {j: i for i, j in enumerate(governing)}
        return sorted(citations, key=lambda c: order.get(c.jurisdiction or "", len(order)))
    home = [c for c in citations if c.jurisdiction in governing]
    always = [c for c in citations if c.jurisdiction in (None, "INTL")]
    laws = [c for c in home if c.kind == "law"]
    if not laws:
        return citations
    return [*home, *always]


def localize(citation: Citation, lang: Lang, statutes: Iterable[Statute]) -> Citation:
    """`citation` with its statute named and its pinpoint numbered as `lang` writes them."""
    if lang == "en":
        return citation
    best: Statute | None = None
    for statute in statutes:
        if (
            statute.jurisdiction == citation.jurisdiction
            and lang in statute.names
            and citation.text.startswith(statute.name)
            and (best is None or len(statute.name) > len(best.name))
        ):
            best = statute
    if best is None:
        return citation
    rest = citation.text[len(best.name) :]
    name = f"《{best.names[lang]}》"
    if not rest.strip():
        return citation.model_copy(update={"text": name})
    pinpoint = _pinpoint(rest, best, lang)
    if pinpoint is None:
        return citation.model_copy(update={"text": name + rest.strip()})
    return citation.model_copy(update={"text": name + pinpoint})


def _pinpoint(rest: str, statute: Statute, lang: Lang) -> str | None:
    """'arts. 44, 53' as 第四十四条、第五十三条; None when the pinpoint is not in a form we know."""
    match = _PINPOINT.match(rest)
    if match is None:
        return None
    chinese = statute.jurisdiction == "CN"
    unit = "条" if lang == "zh-Hans" else "條"
    out = []
    for ref in re.split(r"\s*,\s*", match["refs"].strip()):
        span = re.fullmatch(r"(\d+)\s*[-–]\s*(\d+)", ref)
        if span and statute.jurisdiction != "TW":  # a range of articles; in Taiwan 247-1 is one article
            first, last = (_number(int(n), chinese) for n in span.groups())
            out.append(f"第{first}{unit}至第{last}{unit}")
            continue
        parsed = _REF.fullmatch(ref)
        if parsed is None:
            return None
        out.append(_article(parsed, statute, lang, unit, chinese))
    tail = match["rest"] or ""
    return "、".join(out) + (tail.replace("(", "（").replace(")", "）") if tail else "")


def _article(ref: re.Match[str], statute: Statute, lang: Lang, unit: str, chinese: bool) -> str:
    article = int(ref["art"])
    text = f"第{_number(article, chinese)}{unit}"
    if ref["sub"]:
        text += f"之{_number(int(ref['sub']), chinese)}"
    parts = re.findall(r"\((\w+)\)", ref["parts"] or "")
    if statute.jurisdiction == "HK":  # ordinances are cited by section with its subsections as printed: 第7(1)條
        return f"第{article}{''.join(f'({p})' for p in parts)}{unit}"
    item_word = "项" if lang == "zh-Hans" else "項"
    if statute.jurisdiction == "TW":  # Taiwan: 條 > 項 (paragraph) > 款 (item)
        words = [item_word, "款", "目"]
        return text + "".join(f"第{p}{w}" for p, w in zip(parts, words) if p.isdigit())
    for depth, part in enumerate(parts):
        if not part.isdigit():
            text += f"（{part}）"
        elif depth == 0 and article not in statute.items:
            text += f"第{_number(int(part), chinese)}款"
        else:
            text += f"第（{_number(int(part), chinese)}）{item_word}"
    return text


def _number(n: int, chinese: bool) -> str:
    """An article number as the law prints it: Chinese numerals in PRC law (第一百零六条), else digits."""
    if not chinese:
        return str(n)
    if n == 0:
        return _DIGITS[0]
    out = ""
    units = ((1000, "千"), (100, "百"), (10, "十"))
    zero = False
    for size, word in units:
        digit = n // size
        n %= size
        if digit:
            if zero:
                out += _DIGITS[0]
                zero = False
            out += ("" if size == 10 and digit == 1 and not out else _DIGITS[digit]) + word
        elif out:
            zero = True
    if n:
        if zero:
            out += _DIGITS[0]
        out += _DIGITS[n]
    return out
