"""Clause labels written as text: `第十二条`, `（一）`, `1.1.1`, `Article 5`, `(iv)`, `Schedule 2`.

Many agreements (and every agreement converted from PDF or typed by hand)
number their clauses literally. This module recognises a label at the start
of a paragraph and says what kind of label it is: its *series* (labels of one
series are siblings: `(a)`, `(b)`), its fixed *rank* where the word says it
(`第X章` is above `第X条`), its value and how it is cited. It is also applied
to rendered automatic numbers, so both paths feed the clause tree alike.
The recognised forms are listed in `docs/reading.md`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from clausecheck._lazy_re import lazy_compile
from clausecheck.document.numfmt import (
    CN_NUMERAL_CHARS,
    parse_chinese,
    parse_circled,
    parse_digits,
    parse_letter,
    parse_roman,
)

RANK_ANNEX = 0
_ZH_RANKS = {
    "编": 10,
    "編": 10,
    "部分": 11,
    "章": 12,
    "节": 13,
    "節": 13,
    "条": 20,
    "條": 20,
    "款": 30,
    "项": 31,
    "項": 31,
}
_EN_RANKS = {"part": 11, "chapter": 12, "article": 20, "section": 21, "clause": 22}
_EN_ANNEX = ("schedule", "annex", "annexure", "appendix", "exhibit", "attachment")

_CN = re.escape(CN_NUMERAL_CHARS)
_DIGIT = "0-9０-９"
_ZH_FIXED = lazy_compile(
    rf"第\s*([{_DIGIT}{_CN}]{{1,6}})\s*(编|編|部分|章|节|節|条|條|款|项|項)(?![的之中所规規约約款项項])"
)
_ZH_ANNEX = lazy_compile(
    rf"(附件|附表|附录|附錄)\s*([{_DIGIT}{_CN}]{{1,4}}|[A-Za-zＡ-Ｚ])(?:[-－—]([{_DIGIT}]{{1,3}}))?(?![{_DIGIT}])"
)
_EN_WORD = lazy_compile(
    r"(ARTICLE|Article|SECTION|Section|CLAUSE|Clause|PART|Part|CHAPTER|Chapter|"
    r"SCHEDULE|Schedule|ANNEXURE|Annexure|ANNEX|Annex|APPENDIX|Appendix|EXHIBIT|Exhibit|ATTACHMENT|Attachment)"
    r"\s+([0-9]{1,3}(?:\.[0-9]{1,3})*|[IVXLC]{1,6}|[A-Z])(?![\w.]*\w)\.?"
)
_DECIMAL = lazy_compile(rf"([{_DIGIT}]{{1,3}}(?:[.．][{_DIGIT}]{{1,3}})+)[.．]?(?![{_DIGIT}.．%])")
_NUMBER = lazy_compile(rf"([{_DIGIT}]{{1,3}})\s*([.．、)）])(?![{_DIGIT}])")
_PAREN = lazy_compile(rf"[(（]\s*([{_DIGIT}]{{1,3}}|[A-Za-z]{{1,5}}|[{_CN}]{{1,4}})\s*[)）]")
_ZH_ENUM = lazy_compile(rf"([{_CN}]{{1,4}})\s*[、．.]")
_LETTER = lazy_compile(r"([A-Za-z]|[ivxlcdmIVXLCDM]{1,6})([.)])(?=\s)")
_HEADING_NUMBER = lazy_compile(r"([0-9]{1,2})\s+(?=[A-Z\u4e00-\u9fff])")
# `2 HEALTH AND SAFETY`: a bare number before a title in capitals heads a clause even without a heading style
_CAPITALS_TITLE = lazy_compile(r"[0-9]{1,2}\s+[A-Z][A-Z &,/'’()\-]{2,60}")
_SEPARATOR = lazy_compile(r"[\s\u3000:：.．、\-–—]*")
_FULL_LETTER = lazy_compile(r"([Ａ-Ｚａ-ｚA-Za-z])\s*[．、]")
_STARTS = frozenset(
    "第附(（" + "".join(chr(c) for c in range(0x2460, 0x2488)) + "0123456789０１２３４５６７８９" + CN_NUMERAL_CHARS
)
_AMBIGUOUS_ROMAN = frozenset("ivxIVX")


class LabelMatch(NamedTuple):
    """A label found at the start of a paragraph (a tuple: the reader makes thousands)."""

    label: str
    """as shown, without a trailing '.', '．' or ':' ('1.1', '第五条', '(a)', '一、')"""
    cite: str
    """how it is cited ('7.2', '第五条', '(b)', 'Article 5', 'Schedule 2', '1' for '１．', 'b' for 'b.')"""
    series: str
    """labels of one series are siblings: 'decimal:2', 'paren:lower', 'zh-paren', 'zh:条' …"""
    rank: int | None
    """fixed rank where the label's word says it: 0 annex, 1x part, 2x article, 3x below; None otherwise"""
    form: str
    """how the label joins a parent's citation: 'fixed', 'annex', 'decimal', 'bracket', 'number', 'letter', 'enum'"""
    value: int | None
    rest: str
    """the paragraph text after the label and its separator"""
    alt_series: str | None = None
    """for (i), (v), (x), i., v., x.: the letter series they belong to after (h), (u), (w)"""
    alt_value: int | None = None


def match_label(text: str, *, heading: bool = False) -> LabelMatch | None:
    """The label at the start of `text`, or None. `heading` admits `1 Definitions` (a bare number), which a
    title in capitals (`2 HEALTH AND SAFETY`) admits without it."""
    stripped = text.lstrip(" \t\u3000\u00a0")
    if not stripped:
        return None
    first = stripped[0]
    if first in _STARTS:
        found = _match_cjk_or_number(stripped, heading)
    elif first.isascii() and first.isalpha():
        found = _match_word(stripped) or _match_letter(stripped)
    elif "Ａ" <= first <= "Ｚ" or "ａ" <= first <= "ｚ":
        found = _match_letter(stripped)
    else:
        found = None
    return found


def _rest(text: str, end: int) -> str:
    sep = _SEPARATOR.match(text, end)
    return text[sep.end() if sep else end :].strip()


def _ascii_digits(text: str) -> str:
    return text.translate(_FULL_WIDTH)


_FULL_WIDTH = str.maketrans("０１２３４５６７８９．（）", "0123456789.()")
_FULL_WIDTH_LETTERS = str.maketrans(
    "".join(chr(c) for c in range(0xFF21, 0xFF3B)) + "".join(chr(c) for c in range(0xFF41, 0xFF5B)),
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
)


def _match_cjk_or_number(text: str, heading: bool) -> LabelMatch | None:
    chinese = not text[:1].isascii()  # 第…条, 附件…, 一、 open with a Chinese character: English text skips them
    m = _ZH_FIXED.match(text) if chinese else None
    if m:
        word = m.group(2)
        value = parse_digits(m.group(1)) or parse_chinese(m.group(1))
        label = m.group(0).replace(" ", "")
        return LabelMatch(label, label, f"zh:{word}", _ZH_RANKS[word], "fixed", value, _rest(text, m.end()))
    m = _ZH_ANNEX.match(text) if chinese else None
    if m:
        label = m.group(0).replace(" ", "")
        raw = m.group(2)
        value = parse_digits(raw) or parse_chinese(raw) or parse_letter(raw.translate(_FULL_WIDTH_LETTERS))
        return LabelMatch(label, label, "annex", RANK_ANNEX, "annex", value, _rest(text, m.end()))
    m = _DECIMAL.match(text)
    if m and _plausible_after(text, m.end()):
        cite = _ascii_digits(m.group(1))
        depth = cite.count(".") + 1
        value = int(cite.rsplit(".", 1)[1])
        return LabelMatch(m.group(1), cite, f"decimal:{depth}", None, "decimal", value, _rest(text, m.end()))
    m = _NUMBER.match(text)
    if m and (_rest(text, m.end()) or m.group(2) in ".．"):  # a lone '１．' is an empty numbered line
        number = parse_digits(m.group(1))
        sep = m.group(2)
        label = m.group(0).strip()
        rest = _rest(text, m.end())
        if sep in ")）":  # 1) is cited like (1): 2.1(1)
            return LabelMatch(label, f"({number})", "number:half-paren", None, "bracket", number, rest)
        series = "number:comma" if sep == "、" else "decimal:1"
        if sep in ".．":
            label = m.group(1)
        return LabelMatch(label, str(number), series, None, "number", number, rest)
    m = _PAREN.match(text)
    if m and _rest(text, m.end()):
        return _bracketed(text, m)
    value = parse_circled(text[0])
    if value is not None and _rest(text, 1):
        return LabelMatch(text[0], text[0], "circled", None, "bracket", value, _rest(text, 1))
    if "\u2474" <= text[0] <= "\u2487" and _rest(text, 1):
        value = ord(text[0]) - 0x2474 + 1
        return LabelMatch(text[0], f"({value})", "number:paren", None, "bracket", value, _rest(text, 1))
    m = _ZH_ENUM.match(text) if chinese else None
    if m and _rest(text, m.end()):
        value = parse_chinese(m.group(1))
        if value is not None:
            label = m.group(1) + "、"
            return LabelMatch(label, label, "zh-enum", None, "enum", value, _rest(text, m.end()))
    if heading or _CAPITALS_TITLE.fullmatch(text):
        m = _HEADING_NUMBER.match(text)
        if m:
            number = int(m.group(1))
            return LabelMatch(m.group(1), m.group(1), "decimal:1", None, "number", number, _rest(text, m.end()))
    return None


def _plausible_after(text: str, end: int) -> bool:
    """`2.5 million` is a number, `2.5 The Customer` or `2.5　甲方` a label."""
    rest = text[end:].lstrip()
    return not rest or not (rest[0].isascii() and rest[0].islower()) or text[end - 1] in ".．"


def _bracketed(text: str, m: re.Match[str]) -> LabelMatch | None:
    inner = m.group(1)
    label = m.group(0).replace(" ", "")
    rest = _rest(text, m.end())
    digits = parse_digits(inner)
    if digits is not None:
        cite = f"({digits})" if label.startswith("(") else f"（{digits}）"
        return LabelMatch(label, cite, "number:paren", None, "bracket", digits, rest)
    zh = parse_chinese(inner)
    if zh is not None:
        return LabelMatch(label, label, "zh-paren", None, "bracket", zh, rest)
    case = "lower" if inner.islower() else "upper" if inner.isupper() else None
    if case is None:
        return None
    roman = parse_roman(inner)
    letter = parse_letter(inner)
    if roman is not None and (len(inner) > 1 or inner in _AMBIGUOUS_ROMAN):
        alt = f"paren-letter:{case}" if letter is not None else None
        return LabelMatch(label, label, f"paren-roman:{case}", None, "bracket", roman, rest, alt, letter)
    if letter is not None:
        return LabelMatch(label, label, f"paren-letter:{case}", None, "bracket", letter, rest)
    return None


def _match_word(text: str) -> LabelMatch | None:
    m = _EN_WORD.match(text)
    if not m:
        return None
    rest = _rest(text, m.end())
    if rest and rest[0].isascii() and rest[0].islower():
        return None  # "Section 5 applies to …" cites a section, it does not open one
    word = m.group(1).lower()
    number = m.group(2)
    cite = f"{word.capitalize()} {number}"
    value = parse_digits(number.rsplit(".", 1)[-1]) or parse_roman(number) or parse_letter(number.lower())
    if word in _EN_ANNEX:
        return LabelMatch(m.group(0).rstrip("."), cite, "annex", RANK_ANNEX, "annex", value, rest)
    return LabelMatch(m.group(0).rstrip("."), cite, f"en:{word}", _EN_RANKS[word], "fixed", value, rest)


def _match_letter(text: str) -> LabelMatch | None:
    m = _LETTER.match(text) or _FULL_LETTER.match(text)
    if not m:
        return None
    inner = m.group(1).translate(_FULL_WIDTH_LETTERS)
    sep = m.group(2) if m.re is _LETTER else "."
    rest = _rest(text, m.end())
    if not rest:
        return None
    case = "lower" if inner.islower() else "upper"
    kind = "dot" if sep == "." else "half-paren"
    label = m.group(1) if sep == "." else m.group(0)
    roman = parse_roman(inner)
    letter = parse_letter(inner)
    if roman is not None and (len(inner) > 1 or inner in _AMBIGUOUS_ROMAN):
        alt = f"letter-{kind}:{case}" if letter is not None else None
        return LabelMatch(label, inner, f"roman-{kind}:{case}", None, "letter", roman, rest, alt, letter)
    if letter is not None and len(inner) == 1:
        return LabelMatch(label, inner, f"letter-{kind}:{case}", None, "letter", letter, rest)
    return None


def match_rendered(label: str, rest: str, fmt: str | None = None) -> LabelMatch:
    """Classify an automatic number Word rendered (`第一条`, `7.2`, `（三）`) like a literal label.

    `fmt`, the list's number format, settles (i), (v), (x): a letter in a `…Letter` list, a roman numeral otherwise.
    """
    return _rendered(label, fmt)._replace(rest=rest)


@lru_cache(maxsize=4096)
def _rendered(label: str, fmt: str | None) -> LabelMatch:
    found = match_label(f"{label} X", heading=True)  # a capital: 'Schedule 2 x' reads as a sentence
    if found is not None and _squeeze(found.label) == _squeeze(label):
        if fmt is None or not found.alt_series:
            return found
        if fmt.endswith("Letter"):
            return found._replace(series=found.alt_series, value=found.alt_value, alt_series=None)
        return found._replace(alt_series=None)
    shown = label.rstrip(".．:： ")
    return LabelMatch(shown, shown, "other", None, "other", None, "")


def _squeeze(label: str) -> str:
    return label.rstrip(".．:： ").replace(" ", "")
