"""Sentences and their parts, in Chinese and English.

A duty is judged one sentence at a time, but a sentence can carry several
duties ("The Contractor shall (a) ...; (b) ...") whose later parts have no
subject of their own. So a sentence is cut at semicolons and colons too, and
each part says whether it continues the part before it; extraction lets a
continuing part borrow the subject and verb it lacks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clausecheck._lazy_re import lazy_compile
from clausecheck.language.normalize import has_han

# Chinese sentences end at 。！？ (and their half-width forms before CJK); parts end at ；：
_ZH_END = "。！？!?"
_ZH_PART = "；;：:"
_EN_ABBREVIATIONS = {
    "art",
    "arts",
    "sec",
    "secs",
    "cl",
    "para",
    "paras",
    "no",
    "nos",
    "e.g",
    "i.e",
    "etc",
    "co",
    "ltd",
    "inc",
    "corp",
    "llc",
    "plc",
    "pty",
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "vs",
    "v",
    "approx",
    "incl",
    "ref",
    "fig",
    "p",
    "pp",
    "u.s",
    "u.k",
    "s",
    "ss",
    "reg",
    "regs",
    "sch",
    "min",
    "max",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "dept",
    "est",
    "govt",
}
_EN_BOUNDARY = lazy_compile(
    r"(?<=[.!?;:])[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9(\[])|(?<=;)\s*(?=\S)|(?<=:)\s+"
)


@dataclass(frozen=True, slots=True)
class Segment:
    """A sentence or a part of one, with its offsets in the block text."""

    text: str
    start: int
    end: int
    continues: bool
    """True when the part follows a semicolon or colon inside the same sentence."""


def segments(text: str) -> list[Segment]:
    """Cut a block's text into sentences and their semicolon/colon parts."""
    if has_han(text):
        return _split_zh(text)
    return _split_en(text)


_CONJUNCTION_ONLY = lazy_compile(r"^(?:and|or|and/or|but|以及|及|和|或|或者)[\s,;.，；。]*$", re.IGNORECASE)


def _emit(out: list[Segment], text: str, start: int, end: int, continues: bool) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped and not _CONJUNCTION_ONLY.match(stripped):
        lead = len(piece) - len(piece.lstrip())
        out.append(Segment(stripped, start + lead, start + lead + len(stripped), continues))


def _split_zh(text: str) -> list[Segment]:
    out: list[Segment] = []
    start = 0
    continues = False
    depth = 0  # inside 《》, （）, quotes: a colon there is not a boundary
    for i, ch in enumerate(text):
        if ch in "《（(“「":
            depth += 1
        elif ch in "》）)”」" and depth:
            depth -= 1
        elif ch in _ZH_END or (ch in _ZH_PART and not depth) or ch == "\n":
            _emit(out, text, start, i + 1, continues)
            continues = ch in _ZH_PART
            start = i + 1
    _emit(out, text, start, len(text), continues)
    return out


_ABBREVIATION_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")
_DIGIT = lazy_compile(r"\d")
_INITIALS = lazy_compile(r"(?:[a-z]\.)+[a-z]")
"""initials, as in a name ("A.M. Best", "J.P. Morgan", "U.S. Steel"): their last full stop ends no sentence"""
_DIGIT_AHEAD = lazy_compile(r"\s*\d")


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at `dot` ends an abbreviation or a number rather than a sentence.

    Reads only around `dot` (the letters and dots before it, the character after
    it), never a copy of everything before it: a paragraph of megabytes has
    thousands of full stops.
    """
    start = dot
    while start > 0 and text[start - 1] in _ABBREVIATION_CHARS:
        start -= 1
    if start < dot:
        word = text[start:dot].lower()
        if word in _EN_ABBREVIATIONS or len(word) == 1 or _INITIALS.fullmatch(word):
            return True
    return dot > 0 and bool(_DIGIT.match(text, dot - 1)) and bool(_DIGIT_AHEAD.match(text, dot + 1))


_EN_MARK = lazy_compile(r"[.!?;:]")


def _split_en(text: str) -> list[Segment]:
    out: list[Segment] = []
    start = 0
    continues = False
    # every boundary follows its mark (the pattern looks behind for it) and holds none: trying it right after
    # each mark finds what a search of the whole text finds, without trying it at every character
    for mark in _EN_MARK.finditer(text):
        m = _EN_BOUNDARY.match(text, mark.end())
        if m is None:
            continue
        mark_index = mark.start()
        ch = text[mark_index]
        if ch == "." and _is_abbreviation(text, mark_index):
            continue
        _emit(out, text, start, m.start(), continues)
        continues = ch in ";:"
        start = m.end()
    _emit(out, text, start, len(text), continues)
    return out


CLAUSE_BREAK = lazy_compile(r"[，,；;：:]")
"""what ends a clause inside a sentence part: commas, semicolons and colons of either width"""


def clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of `text` that holds text[start:end]: from the break before it to the break after (or the
    text's ends)."""
    before = max((m.end() for m in CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    after = CLAUSE_BREAK.search(text, end)
    return before, after.start() if after else len(text)
