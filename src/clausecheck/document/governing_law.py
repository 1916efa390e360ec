"""Which law governs an agreement: its governing-law clause, or else the language it is written in.

A finding's legal basis is useful only under the law the parties chose, so
citations of that jurisdiction come first and the others are left out unless
asked for. The clause is found by its wording (`适用中华人民共和国法律`,
`依中華民國法律`, `香港法律`, `governed by the laws of England and Wales`);
an agreement without one is taken to follow the law of its language's home
(PRC law for simplified Chinese, Taiwan's or Hong Kong's for traditional
Chinese). An English agreement without the clause may be signed anywhere, so
no jurisdiction is assumed for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clausecheck._lazy_re import lazy_compile
from clausecheck.document.model import Document
from clausecheck.language.normalize import fold_text
from clausecheck.types import Lang

# Chinese, matched on text folded to simplified characters. Hong Kong and Taiwan first: their names
# can contain 中华人民共和国 (中华人民共和国香港特别行政区).
_ZH_CONTEXT = lazy_compile("适用|管辖|准据法|解释|约束|规管|依据|依照|按照|^依|，依|本(合同|协议|契约|合约)依")
_ZH_LAWS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("HK", lazy_compile("香港(特别行政区)?(的)?法律")),
    ("TW", lazy_compile("(中华民国|台湾(地区)?)(之|的)?法律")),
    ("CN", lazy_compile("(中华人民共和国|中国(大陆|内地)?)(现行)?(的)?法律(?!、法规|法规)")),
)
_EN_CONTEXT = lazy_compile(r"\bgovern\w*|\bconstrued\b|\binterpreted\b|\bproper law\b|\bapplicable law\b", re.I)
_EN_LAWS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("HK", lazy_compile(r"\blaws? of (the )?Hong Kong|\bHong Kong law", re.I)),
    ("TW", lazy_compile(r"\blaws? of (Taiwan|the Republic of China)\b|\bTaiwan(ese)? law", re.I)),
    ("CN", lazy_compile(r"\blaws? of (the )?(People'?s Republic of China|PRC|China)\b|\b(PRC|Chinese) law", re.I)),
    (
        "UK",
        lazy_compile(
            r"\blaws? of (England|Scotland|Northern Ireland|the United Kingdom)\b|\b(English|Scots) law", re.I
        ),
    ),
    ("US", lazy_compile(r"\blaws? of (the )?(State|Commonwealth) of\b|\blaws? of the United States\b", re.I)),
)
_HOME: dict[Lang, tuple[str, ...]] = {"zh-Hans": ("CN",), "zh-Hant": ("TW", "HK"), "en": ()}


@dataclass(frozen=True)
class GoverningLaw:
    """The jurisdictions whose law governs, and the clause that says so (None when assumed from the language)."""

    jurisdictions: tuple[str, ...]
    clause: str | None = None


def governing_law(document: Document) -> GoverningLaw:
    """The governing law the agreement names, else the home of its language (nothing assumed for English)."""
    for block in document.blocks:
        text = block.text
        if not text.strip():
            continue
        found = _named(text)
        if found:
            return GoverningLaw(found, block.clause or block.label or block.id)
    return GoverningLaw(_HOME.get(document.lang, ()))


def _named(text: str) -> tuple[str, ...]:
    folded = fold_text(text)
    if _ZH_CONTEXT.search(folded):
        for jurisdiction, pattern in _ZH_LAWS:
            if pattern.search(folded):
                return (jurisdiction,)
    if _EN_CONTEXT.search(text):
        for jurisdiction, pattern in _EN_LAWS:
            if pattern.search(text):
                return (jurisdiction,)
    return ()
